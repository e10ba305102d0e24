package io.wirestream.bench.query;

import io.wirestream.cli.downstream.StoreQuery;
import io.wirestream.common.model.EntityType;
import io.wirestream.common.time.TimexRange;
import io.wirestream.sink.store.Dialect;
import io.wirestream.sink.store.JdbcArticleStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Fills an empty store (schema from the sink's migrations, so the indexes are the shipped ones)
 * with synthetic articles, then times each {@code wirestream query} question with parameters drawn
 * like the data (popular entities asked about more often) and prints p50/p95 as Markdown rows.
 *
 * <p>{@code QueryLatency STORE-URL ARTICLES [RUNS]}; with ARTICLES 0 it times the questions on a
 * store filled before, after applying (and timing) the migrations it lacks: how an upgrade of a
 * large store is measured.
 */
public final class QueryLatency {

  private static final int CHUNK = 10_000;
  private static final int WARMUP = 3;

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int articles = Integer.parseInt(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Dialect dialect = Dialect.fromUrl(url);
    long opened = System.nanoTime();
    JdbcArticleStore.open(url).close();
    double migrateSeconds = (System.nanoTime() - opened) / 1e9;
    long started = System.nanoTime();
    if (articles > 0) {
      generate(url, dialect, articles);
    }
    double loadSeconds = (System.nanoTime() - started) / 1e9;
    try (Connection connection = DriverManager.getConnection(url)) {
      if (articles > 0) {
        System.out.printf(
            "%s: %d articles loaded in %.0f s; rows: %s%n",
            dialect, articles, loadSeconds, counts(connection));
      } else {
        System.out.printf(
            "%s: existing store, pending migrations applied in %.0f s; rows: %s%n",
            dialect, migrateSeconds, counts(connection));
      }
      measure(connection, dialect, runs);
    }
  }

  private static void generate(String url, Dialect dialect, int articles) throws SQLException {
    SyntheticStore synthetic = new SyntheticStore();
    SplittableRandom random = new SplittableRandom(42);
    try (Rows rows = dialect == Dialect.SQLITE ? new SqliteRows(url) : new PostgresRows(url)) {
      for (int i = 0; i < articles; i++) {
        String id = String.format("%016x", mix(i));
        LocalDate published = synthetic.published(random);
        int language = random.nextInt(100);
        rows.article(
            id,
            published,
            language < 80 ? "en" : language < 88 ? "de" : language < 95 ? "fr" : "es");
        Set<Integer> names = new HashSet<>();
        int wanted = synthetic.entityCount(random);
        int mentionOrdinal = 0;
        int ordinal = 0;
        while (names.size() < wanted) {
          int name = synthetic.entity(random);
          if (!names.add(name)) {
            continue;
          }
          String type = SyntheticStore.type(name);
          int mentions = 1;
          while (mentions < 6 && random.nextInt(3) == 0) {
            mentions++;
          }
          for (int m = 0; m < mentions; m++) {
            rows.entity(id, mentionOrdinal++, SyntheticStore.name(name), type, 40 * m);
          }
          String country = type.equals("LOCATION") ? synthetic.country(name) : null;
          rows.canonical(
              id, ordinal++, SyntheticStore.name(name), type, mentions, country, published);
        }
        int dates = synthetic.dateCount(random);
        for (int d = 0; d < dates; d++) {
          String value = synthetic.timex(random, published);
          Optional<TimexRange> range = TimexRange.of(value);
          rows.date(
              id,
              d,
              value,
              value.startsWith("P") && !value.endsWith("_REF") ? "DURATION" : "DATE",
              range.map(TimexRange::begin).orElse(null),
              range.map(TimexRange::end).orElse(null),
              published);
        }
        if ((i + 1) % CHUNK == 0) {
          rows.flush();
        }
        if ((i + 1) % 100_000 == 0) {
          System.err.printf("%s: %d articles%n", dialect, i + 1);
        }
      }
    }
  }

  private static void measure(Connection connection, Dialect dialect, int runs)
      throws SQLException {
    StoreQuery query = new StoreQuery(dialect);
    SyntheticStore synthetic = new SyntheticStore();
    SplittableRandom random = new SplittableRandom(7);
    ZipfSampler countries = new ZipfSampler(SyntheticStore.COUNTRIES.length, 1.2);
    Map<String, Function<SplittableRandom, StoreQuery.Criteria>> questions = new LinkedHashMap<>();
    questions.put(
        "articles by canonical entity and type",
        r -> {
          int name = synthetic.entity(r);
          return criteria(
              SyntheticStore.name(name),
              EntityType.valueOf(SyntheticStore.type(name)),
              null,
              null,
              null,
              null,
              null,
              50);
        });
    questions.put(
        "articles by country",
        r ->
            criteria(
                null,
                null,
                SyntheticStore.COUNTRIES[countries.sample(r) - 1],
                null,
                null,
                null,
                null,
                50));
    questions.put(
        "articles by publication date (7 days)",
        r -> {
          LocalDate from = synthetic.published(r);
          return criteria(null, null, null, from, from.plusDays(6), null, null, 50);
        });
    questions.put(
        "articles by mentioned date (30 days, overlap)",
        r -> {
          LocalDate from = synthetic.published(r);
          return criteria(null, null, null, null, null, from, from.plusDays(29), 50);
        });
    questions.put(
        "entity and mentioned date (30 days)",
        r -> {
          int name = synthetic.entity(r);
          LocalDate from = synthetic.published(r);
          return criteria(
              SyntheticStore.name(name), null, null, null, null, from, from.plusDays(29), 50);
        });
    for (Map.Entry<String, Function<SplittableRandom, StoreQuery.Criteria>> question :
        questions.entrySet()) {
      double[] millis = new double[runs];
      for (int i = -WARMUP; i < runs; i++) {
        StoreQuery.Criteria criteria = question.getValue().apply(random);
        long start = System.nanoTime();
        query.articles(connection, criteria);
        if (i >= 0) {
          millis[i] = (System.nanoTime() - start) / 1e6;
        }
      }
      report(dialect, question.getKey(), millis);
    }
    double[] millis = new double[runs];
    for (int i = -WARMUP; i < runs; i++) {
      LocalDate month = synthetic.published(random).withDayOfMonth(1);
      StoreQuery.Criteria criteria =
          criteria(null, null, null, month, month.plusMonths(1).minusDays(1), null, null, 20);
      long start = System.nanoTime();
      query.topEntities(connection, criteria);
      if (i >= 0) {
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    report(dialect, "top 20 entities of a month", millis);
  }

  private static StoreQuery.Criteria criteria(
      String entity,
      EntityType type,
      String country,
      LocalDate publishedFrom,
      LocalDate publishedTo,
      LocalDate mentionsFrom,
      LocalDate mentionsTo,
      int limit) {
    return new StoreQuery.Criteria(
        entity, type, country, publishedFrom, publishedTo, mentionsFrom, mentionsTo, limit);
  }

  private static void report(Dialect dialect, String question, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "| %s | %s | %.1f | %.1f |%n",
        question, dialect.name().toLowerCase(), percentile(sorted, 50), percentile(sorted, 95));
  }

  private static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static String counts(Connection connection) throws SQLException {
    StringBuilder counts = new StringBuilder();
    for (String table : new String[] {"articles", "entities", "canonical_entities", "dates"}) {
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
        row.next();
        counts
            .append(counts.isEmpty() ? "" : ", ")
            .append(table)
            .append(' ')
            .append(row.getLong(1));
      }
    }
    return counts.toString();
  }

  /** A bijective mix so ids spread over the key space like the SHA-256 ones. */
  private static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }
}
