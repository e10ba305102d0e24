package io.wirestream.sink.store;

import io.wirestream.common.dlq.ErrorSummary;
import io.wirestream.common.model.EnrichedArticle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ArticleStore} on SQLite or PostgreSQL through one JDBC connection. The connection is
 * dropped after a retriable failure and reopened by the next call, which is how the store recovers
 * from a database restart without the caller knowing about connections.
 *
 * <p>Methods are synchronized: the sink uses the store from one thread, but a demo reading while
 * the sink writes should not corrupt the connection's transaction state.
 */
public final class JdbcArticleStore implements ArticleStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcArticleStore.class);

  private final String url;
  private final Dialect dialect;
  private final SchemaMigrator migrator;
  private final ArticleWriter writer;
  private final ArticleReader reader;
  private Connection connection;
  private boolean closed;

  private JdbcArticleStore(String url) {
    this.url = url;
    this.dialect = Dialect.fromUrl(url);
    this.migrator = new SchemaMigrator(dialect);
    this.writer = new ArticleWriter(dialect);
    this.reader = new ArticleReader(dialect);
  }

  /** Connects and migrates the schema, so that a bad URL or schema fails at startup. */
  public static JdbcArticleStore open(String url) {
    JdbcArticleStore store = new JdbcArticleStore(url);
    try {
      Connection connection = store.connection();
      int applied = store.migrator.migrate(connection);
      LOG.info(
          "store {} ready at schema version {} ({} migrations applied)",
          store.dialect,
          store.migrator.latestVersion(),
          applied);
    } catch (SQLException e) {
      store.close();
      throw store.failure("cannot open store", e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public synchronized WriteResult write(List<EnrichedArticle> batch) {
    if (batch.isEmpty()) {
      return WriteResult.NONE;
    }
    List<EnrichedArticle> latest = LatestVersions.of(batch);
    try {
      Connection connection = connection();
      try {
        List<EnrichedArticle> applied = writer.upsertArticles(connection, latest);
        writer.replaceChildren(connection, applied);
        connection.commit();
        return result(batch, applied);
      } catch (SQLException | RuntimeException e) {
        rollback(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw failure("cannot write " + batch.size() + " articles", e);
    }
  }

  @Override
  public synchronized Optional<EnrichedArticle> find(String articleId) {
    try {
      Connection connection = connection();
      try {
        Optional<EnrichedArticle> found = reader.find(connection, articleId);
        connection.commit();
        return found;
      } catch (SQLException | RuntimeException e) {
        rollback(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw failure("cannot read article " + articleId, e);
    }
  }

  /** The schema version of the database, from {@code schema_version}. */
  public synchronized int schemaVersion() {
    try {
      Connection connection = connection();
      int version = SchemaMigrator.currentVersion(connection);
      connection.commit();
      return version;
    } catch (SQLException e) {
      throw failure("cannot read schema version", e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    dropConnection();
  }

  /**
   * Records in the batch that are now stored: those carrying the applied version and revision of
   * their article (a duplicate of them leaves the same rows); the rest were older than what is
   * stored.
   */
  private static WriteResult result(List<EnrichedArticle> batch, List<EnrichedArticle> applied) {
    Set<String> appliedVersions = new HashSet<>();
    for (EnrichedArticle record : applied) {
      appliedVersions.add(LatestVersions.key(record));
    }
    int written = 0;
    for (EnrichedArticle record : batch) {
      if (appliedVersions.contains(LatestVersions.key(record))) {
        written++;
      }
    }
    return new WriteResult(written, batch.size() - written);
  }

  private Connection connection() throws SQLException {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
    if (connection == null) {
      Connection fresh = dialect.connect(url);
      fresh.setAutoCommit(false);
      connection = fresh;
    }
    return connection;
  }

  private StoreException failure(String message, SQLException e) {
    StoreException.Kind kind = SqlErrors.classify(dialect, e);
    if (kind == StoreException.Kind.RETRIABLE || !isValid(connection)) {
      // Whatever state a lost or aborted connection is in, a fresh one is the safe retry.
      dropConnection();
    }
    // Driver messages carry the statement and its bound values (article text); the summary keeps
    // the SQL state and the server's primary message only.
    return new StoreException(ErrorSummary.of(message, e), kind, e);
  }

  private static boolean isValid(Connection connection) {
    try {
      return connection != null && connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed; the connection will be replaced", e);
    }
  }

  private void dropConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing a failed connection", e);
      }
      connection = null;
    }
  }
}
