package io.wirestream.bench.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The fault suite's measuring tool (bench/faults/run.sh): fingerprints a store, counts a topic's
 * records and keys, and waits for progress, reporting how long it took from a given instant.
 *
 * <pre>
 * fingerprint  --store URL
 * count        --store URL
 * wait-rows    --store URL --at-least N [--since EPOCH_MS] [--timeout SECONDS]
 * wait-topic   --bootstrap HOST:PORT --topic T --at-least N [--since EPOCH_MS] [--timeout SECONDS]
 * end-offsets  --bootstrap HOST:PORT --topic T
 * group-offsets --bootstrap HOST:PORT --group G
 * wait-group   --bootstrap HOST:PORT --group G --at-least N [--since EPOCH_MS] [--timeout SECONDS]
 * wait-stable  --store URL --quiet SECONDS [--timeout SECONDS]
 * census       --bootstrap HOST:PORT --topic T
 * reset-schema --store URL --schema NAME
 * </pre>
 *
 * Waits also take {@code --stall SECONDS}: give up once the value has not moved for that long.
 * Waits print the milliseconds from {@code --since} (default: the probe's start) to the moment the
 * condition held, and exit 1 with the last value seen if it did not hold in time.
 */
public final class FaultProbe {

  private static final long POLL_MS = 100;

  private FaultProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage("missing command");
    }
    Map<String, String> opts = options(args);
    long since = Long.parseLong(opts.getOrDefault("since", "" + System.currentTimeMillis()));
    Duration timeout = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("timeout", "600")));
    Duration stall = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("stall", "600")));
    switch (args[0]) {
      case "fingerprint" -> {
        try (Connection connection = connect(required(opts, "store"))) {
          List<StoreFingerprint.Table> tables = StoreFingerprint.of(connection);
          for (StoreFingerprint.Table table : tables) {
            System.out.printf("%s %d %s%n", table.name(), table.rows(), table.hash());
          }
          System.out.println("total " + StoreFingerprint.total(tables));
        }
      }
      case "count" -> System.out.println(articlesOrMinusOne(required(opts, "store")));
      case "wait-rows" -> {
        String store = required(opts, "store");
        long atLeast = Long.parseLong(required(opts, "at-least"));
        await(() -> articlesOrMinusOne(store), atLeast, since, timeout, stall);
      }
      case "wait-topic" -> {
        String bootstrap = required(opts, "bootstrap");
        String topic = required(opts, "topic");
        long atLeast = Long.parseLong(required(opts, "at-least"));
        try (EndOffsetGauge gauge = new EndOffsetGauge(bootstrap, topic, Duration.ofSeconds(2))) {
          await(gauge, atLeast, since, timeout, stall);
        }
      }
      case "end-offsets" -> {
        try (EndOffsetGauge gauge =
            new EndOffsetGauge(
                required(opts, "bootstrap"), required(opts, "topic"), Duration.ofSeconds(20))) {
          System.out.println(gauge.getAsLong());
        }
      }
      case "group-offsets" -> {
        try (GroupOffsetGauge gauge =
            new GroupOffsetGauge(required(opts, "bootstrap"), required(opts, "group"))) {
          System.out.println(gauge.getAsLong());
        }
      }
      case "wait-group" -> {
        long atLeast = Long.parseLong(required(opts, "at-least"));
        try (GroupOffsetGauge gauge =
            new GroupOffsetGauge(required(opts, "bootstrap"), required(opts, "group"))) {
          await(gauge, atLeast, since, timeout, stall);
        }
      }
      case "wait-stable" -> waitStable(required(opts, "store"), opts, timeout);
      case "census" -> {
        TopicCensus.Count count =
            TopicCensus.of(
                required(opts, "bootstrap"), required(opts, "topic"), Duration.ofSeconds(60));
        System.out.printf(
            "records %d distinct %d end %d%n",
            count.records(), count.distinctKeys(), count.endOffsets());
      }
      case "reset-schema" -> resetSchema(required(opts, "store"), required(opts, "schema"));
      default -> usage("unknown command " + args[0]);
    }
  }

  /**
   * @param stall give up early once the value has not moved for this long: a pipeline that lost
   *     records stops short of the target, and waiting out the whole timeout would add nothing
   */
  private static void await(
      LongSupplier gauge, long atLeast, long since, Duration timeout, Duration stall)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    long value = gauge.getAsLong();
    long movedAt = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline
        && System.currentTimeMillis() - movedAt < stall.toMillis()) {
      if (value >= atLeast) {
        System.out.println(System.currentTimeMillis() - since);
        return;
      }
      Thread.sleep(POLL_MS);
      long next = gauge.getAsLong();
      if (next != value) {
        value = next;
        movedAt = System.currentTimeMillis();
      }
    }
    System.err.printf(
        "not reached: %d < %d (timeout %s, stall %s)%n", value, atLeast, timeout, stall);
    System.out.println(-1);
    System.exit(1);
  }

  private static void waitStable(String store, Map<String, String> opts, Duration timeout)
      throws InterruptedException {
    long quietMs = Long.parseLong(opts.getOrDefault("quiet", "10")) * 1000;
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    long last = -2;
    long changedAt = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline) {
      long value = articlesOrMinusOne(store);
      if (value != last) {
        last = value;
        changedAt = System.currentTimeMillis();
      } else if (value >= 0 && System.currentTimeMillis() - changedAt >= quietMs) {
        System.out.println(value);
        return;
      }
      Thread.sleep(500);
    }
    System.out.println(last);
    System.exit(1);
  }

  /** The number of stored articles, or -1 while the store cannot be read (down, not created). */
  private static long articlesOrMinusOne(String store) {
    try (Connection connection = connect(store);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM articles")) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  private static void resetSchema(String store, String schema) throws SQLException {
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      usage("schema must be a plain lower-case SQL name");
    }
    try (Connection connection = connect(store);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    }
  }

  private static Connection connect(String url) throws SQLException {
    if (url.startsWith("jdbc:sqlite:") && !url.contains("busy_timeout")) {
      url += (url.contains("?") ? "&" : "?") + "busy_timeout=5000";
    }
    return DriverManager.getConnection(url);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage("expected --name VALUE at " + args[i]);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  private static String required(Map<String, String> opts, String name) {
    String value = opts.get(name);
    if (value == null) {
      usage("missing --" + name);
    }
    return value;
  }

  private static void usage(String reason) {
    System.err.println("fault-probe: " + reason);
    System.exit(2);
  }
}
