package io.wirestream.common.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class ErrorSummaryTest {

  private static final String BODY = "Angela Merkel met Emmanuel Macron in Paris. ".repeat(20_000);

  @Test
  void shouldDropPgjdbcDetailLineWithTheKeyValues() {
    SQLException e =
        new SQLException(
            "ERROR: duplicate key value violates unique constraint \"articles_pkey\"\n"
                + "  Detail: Key (id)=(secret-article-id) already exists.",
            "23505");

    String summary = ErrorSummary.of("store", e);

    assertThat(summary)
        .isEqualTo(
            "store: SQLState 23505: ERROR: duplicate key value violates unique constraint"
                + " \"articles_pkey\"")
        .doesNotContain("secret-article-id");
  }

  @Test
  void shouldDropTheBoundStatementOfABatchEntryAndUseTheServerErrorBehindIt() {
    SQLException server =
        new ServerError("22001", "value too long for type character varying(200)", BODY);
    BatchUpdateException batch =
        new BatchUpdateException(
            "Batch entry 0 INSERT INTO articles (id, body) VALUES ('a1', '"
                + BODY
                + "') was aborted: ERROR: value too long for type character varying(200)\n"
                + "  Detail: "
                + BODY
                + "  Call getNextException to see other errors in the batch.",
            "22001",
            0,
            new int[0],
            null);
    batch.setNextException(server);

    String summary = ErrorSummary.of("cannot write 1 articles", new RuntimeException(batch));

    assertThat(summary)
        .contains("SQLState 22001: value too long for type character varying(200)")
        .doesNotContain("Merkel")
        .doesNotContain("INSERT")
        .hasSizeLessThanOrEqualTo(ErrorSummary.MAX_LENGTH);
  }

  @Test
  void shouldCutAHugeMessageToTheMaximumLength() {
    String summary = ErrorSummary.of("enrich", new IllegalStateException(BODY));

    assertThat(summary)
        .hasSize(ErrorSummary.MAX_LENGTH)
        .startsWith("enrich: Angela")
        .endsWith("...");
  }

  @Test
  void shouldNameTheInnermostCauseOnce() {
    KafkaException e =
        new KafkaException(
            "cannot write to dead-letter topic news.dlq",
            new IllegalArgumentException("record is too large"));

    assertThat(ErrorSummary.of(e))
        .isEqualTo("cannot write to dead-letter topic news.dlq (record is too large)");
  }

  @Test
  void shouldNameTheExceptionTypeWhenThereIsNoMessage() {
    assertThat(ErrorSummary.of("enrich", new NullPointerException()))
        .isEqualTo("enrich: NullPointerException");
  }

  @Test
  void shouldStripDetailLinesFromPlainMessages() {
    assertThat(ErrorSummary.bound("ERROR: oops\n  Where: SQL function \"f\" line 3\n  Hint: x"))
        .isEqualTo("ERROR: oops");
  }

  /** Shaped like pgjdbc's PSQLException: the server's fields behind getServerErrorMessage(). */
  public static final class ServerError extends SQLException {

    private final transient Fields fields;

    ServerError(String state, String primary, String detail) {
      super("ERROR: " + primary + "\n  Detail: " + detail, state);
      this.fields = new Fields(primary);
    }

    public Fields getServerErrorMessage() {
      return fields;
    }
  }

  /** The server message, as pgjdbc's ServerErrorMessage exposes it. */
  public static final class Fields {
    private final String message;

    Fields(String message) {
      this.message = message;
    }

    public String getMessage() {
      return message;
    }
  }
}
