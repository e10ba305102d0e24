package io.wirestream.cli.downstream;

import io.wirestream.cli.UsageException;
import io.wirestream.common.model.EntityType;
import io.wirestream.sink.store.Dialect;
import io.wirestream.sink.store.JdbcArticleStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream query}: asks a SQLite or PostgreSQL store the usual questions, no SQL. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Finds articles in a store by canonical entity and type, country, publication date and",
      "mentioned date (a value such as 1987-W09 matches every range it overlaps), or lists the",
      "top entities of a period (--top)."
    })
public final class QueryCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "JDBC-URL",
      description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=...")
  String store;

  @Option(names = "--entity", paramLabel = "NAME", description = "A canonical entity name.")
  String entity;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Entity type: ${COMPLETION-CANDIDATES}.")
  EntityType type;

  @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code.")
  String country;

  @Option(names = "--published-from", paramLabel = "DATE")
  LocalDate publishedFrom;

  @Option(names = "--published-to", paramLabel = "DATE")
  LocalDate publishedTo;

  @Option(
      names = "--mentions-from",
      paramLabel = "DATE",
      description = "Articles mentioning a date that ends on or after DATE.")
  LocalDate mentionsFrom;

  @Option(
      names = "--mentions-to",
      paramLabel = "DATE",
      description = "Articles mentioning a date that begins on or before DATE.")
  LocalDate mentionsTo;

  @Option(
      names = "--top",
      description = "List the entities named in most articles of the publication period instead.")
  boolean top;

  @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default 50).")
  int limit = 50;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "table (default), csv or json (one object per line, with the article's url, source"
              + " id, authors, dateline, revision, duplicate-of and the like when it has them).")
  String format = "table";

  @Override
  public Integer call() throws Exception {
    TableFormat output = TableFormat.of(format);
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1");
    }
    if (top && (mentionsFrom != null || mentionsTo != null)) {
      throw new UsageException("--top counts by publication period; drop --mentions-*");
    }
    Dialect dialect;
    try {
      dialect = Dialect.fromUrl(store);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    // Opening the store brings an older schema up to date (begin/end columns, indexes).
    JdbcArticleStore.open(store).close();
    StoreQuery.Criteria criteria =
        new StoreQuery.Criteria(
            entity,
            type,
            country == null ? null : country.toUpperCase(Locale.ROOT),
            publishedFrom,
            publishedTo,
            mentionsFrom,
            mentionsTo,
            limit);
    try (Connection connection = DriverManager.getConnection(store)) {
      // JSON names each field, so it can carry the sparse ones that would only widen a table.
      StoreQuery query = new StoreQuery(dialect, output == TableFormat.JSON);
      StoreQuery.Table table =
          top ? query.topEntities(connection, criteria) : query.articles(connection, criteria);
      output.write(table, spec.commandLine().getOut());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
