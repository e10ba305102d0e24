package io.wirestream.common.dlq;

import io.wirestream.common.config.Secrets;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Short, safe descriptions of failures for dead-letter reasons and log lines. A description never
 * exceeds {@link #MAX_LENGTH} characters and never carries data: database drivers put the failed
 * statement, its bound values ({@code Batch entry 0 INSERT ... VALUES (...)}) and the offending key
 * ({@code Detail: Key (id)=(...)}) into their messages, which would copy article text into every
 * log line and make a dead letter larger than Kafka accepts. What is kept is what an operator
 * needs: the exception type, the SQL state and the server's primary message. Credentials (a JDBC
 * URL's password, say, in a driver's connection error) are masked.
 */
public final class ErrorSummary {

  /** Longest description, in characters. */
  public static final int MAX_LENGTH = 600;

  private static final String ELLIPSIS = "...";

  // The lines pgjdbc appends to the primary message; everything from the first one on is data.
  private static final Pattern SERVER_DETAIL =
      Pattern.compile(
          "(?:^|\\s+)(?:Detail|Hint|Where|Position|Internal Query|Internal Position|Routine|File|Line"
              + "|Location|Server SQLState):.*",
          Pattern.DOTALL);

  // pgjdbc's BatchUpdateException: "Batch entry 3 <statement with values> was aborted: <cause>".
  private static final Pattern BATCH_ENTRY =
      Pattern.compile("Batch entry (\\d+) .* was aborted:", Pattern.DOTALL);

  private static final Pattern CALL_NEXT =
      Pattern.compile("\\s*Call getNextException to see other errors in the batch\\.?");

  private static final int MAX_CAUSES = 10;

  private ErrorSummary() {}

  /**
   * The failure and its most specific cause, e.g. {@code store: cannot write 3 articles (SQLState
   * 23505: duplicate key value violates unique constraint "articles_pkey")}.
   */
  public static String of(String context, Throwable error) {
    String described = error == null ? "" : describe(error);
    if (context == null || context.isEmpty()) {
      return bound(described);
    }
    return bound(described.isEmpty() ? context : context + ": " + described);
  }

  /** {@link #of(String, Throwable)} without context. */
  public static String of(Throwable error) {
    return of(null, error);
  }

  /**
   * A message cut to its safe part: the first paragraph before any {@code Detail:}-style line, the
   * statement of a batch entry removed, whitespace collapsed, at most {@link #MAX_LENGTH} chars.
   */
  public static String bound(String message) {
    if (message == null) {
      return "";
    }
    String text = Secrets.mask(message);
    text = BATCH_ENTRY.matcher(text).replaceAll("Batch entry $1 was aborted:");
    text = SERVER_DETAIL.matcher(text).replaceFirst("");
    text = CALL_NEXT.matcher(text).replaceAll("");
    text = text.replaceAll("\\s+", " ").strip();
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH - ELLIPSIS.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  private static String describe(Throwable error) {
    String top = summary(error);
    Throwable specific = mostSpecific(error);
    if (specific == error) {
      return top;
    }
    String detail = summary(specific, true);
    return top.contains(detail) ? top : top + " (" + detail + ")";
  }

  /** The innermost cause, or for SQL errors the first one that carries a SQL state. */
  private static Throwable mostSpecific(Throwable error) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable innermost = error;
    Throwable current = error;
    for (int i = 0; current != null && i < MAX_CAUSES && seen.put(current, true) == null; i++) {
      if (current instanceof SQLException sql) {
        return withServerMessage(sql);
      }
      innermost = current;
      current = current.getCause();
    }
    return innermost;
  }

  /** In a batch failure the server's own error is the next exception, not the batch's. */
  private static SQLException withServerMessage(SQLException error) {
    for (SQLException next = error; next != null; next = next.getNextException()) {
      if (serverMessage(next) != null) {
        return next;
      }
      if (next.getNextException() == next) {
        break;
      }
    }
    return error;
  }

  private static String summary(Throwable error) {
    return summary(error, false);
  }

  /** A cause is named by its first line: later lines are locations, stack-like context, data. */
  private static String summary(Throwable error, boolean firstLineOnly) {
    if (firstLineOnly && !(error instanceof SQLException) && error.getMessage() != null) {
      String line = error.getMessage().lines().findFirst().orElse("");
      if (!line.isBlank()) {
        return bound(line);
      }
    }
    if (error instanceof SQLException top) {
      SQLException sql = withServerMessage(top);
      String message = serverMessage(sql);
      if (message == null) {
        message = String.valueOf(sql.getMessage());
      }
      String state = sql.getSQLState() == null ? top.getSQLState() : sql.getSQLState();
      return state == null ? bound(message) : "SQLState " + state + ": " + bound(message);
    }
    String message = error.getMessage();
    String name = error.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : bound(message);
  }

  /**
   * The primary message the PostgreSQL server sent, read through pgjdbc's {@code
   * getServerErrorMessage()} when the driver provides it (looked up by name, so that this class
   * does not depend on one driver); null for other drivers.
   */
  private static String serverMessage(SQLException error) {
    try {
      Method method = error.getClass().getMethod("getServerErrorMessage");
      Object server = method.invoke(error);
      if (server == null) {
        return null;
      }
      Object message = server.getClass().getMethod("getMessage").invoke(server);
      return message == null ? null : message.toString();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
