package io.wirestream.sink.store;

import io.wirestream.common.dlq.ErrorSummary;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Whether the store can be reached right now, for {@code /health/ready}: opens a connection of its
 * own (the sink's connection belongs to the sink's thread) and asks the articles table for nothing.
 * A SQLite file is opened read-only, so a probe never creates a database where the store's file has
 * gone; a PostgreSQL server has a few seconds to answer.
 */
public final class StoreProbe {

  private static final String TIMEOUT_SECONDS = "3";

  private final String url;

  public StoreProbe(String jdbcUrl) {
    this.url = jdbcUrl;
  }

  /** Empty when the store answers; otherwise why not, in one line without the URL's secrets. */
  public Optional<String> problem() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(Integer.parseInt(TIMEOUT_SECONDS));
      statement.executeQuery("SELECT 1 FROM articles WHERE 1 = 0").close();
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      return Optional.of("store unreachable: " + ErrorSummary.of(e));
    }
  }

  private Connection connect() throws SQLException {
    Properties properties;
    if (url.startsWith("jdbc:sqlite:")) {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      properties = config.toProperties();
    } else {
      properties = new Properties();
      properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
      properties.setProperty("socketTimeout", TIMEOUT_SECONDS);
    }
    return DriverManager.getConnection(url, properties);
  }
}
