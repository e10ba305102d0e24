package io.wirestream.sink.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

  @TempDir Path folder;

  private static final int NEXT = Migration.all(Dialect.SQLITE).size() + 1;

  private static final Migration ADD_COLUMN =
      Migration.parse(NEXT, "-- adds a column\nALTER TABLE articles ADD COLUMN sentiment REAL;\n");

  @Test
  void shouldApplyOnlyMigrationsNewerThanTheDatabase() throws SQLException {
    List<Migration> shipped = Migration.all(Dialect.SQLITE);
    List<Migration> upgraded = new ArrayList<>(shipped);
    upgraded.add(ADD_COLUMN);

    try (Connection connection = connect()) {
      assertThat(new SchemaMigrator(Dialect.SQLITE, shipped).migrate(connection))
          .isEqualTo(shipped.size());
      assertThat(new SchemaMigrator(Dialect.SQLITE, upgraded).migrate(connection)).isEqualTo(1);
      assertThat(new SchemaMigrator(Dialect.SQLITE, upgraded).migrate(connection)).isZero();

      assertThat(SchemaMigrator.currentVersion(connection)).isEqualTo(NEXT);
      assertThat(columns(connection, "articles")).contains("sentiment");
    }
  }

  @Test
  void shouldRollBackEveryStatementOfAFailedMigration() throws SQLException {
    Migration broken =
        Migration.parse(
            1, "-- half good\nCREATE TABLE first_half (id INTEGER);\nCREATE TABLE oops (;\n");

    try (Connection connection = connect()) {
      assertThatThrownBy(
              () -> new SchemaMigrator(Dialect.SQLITE, List.of(broken)).migrate(connection))
          .isInstanceOf(SQLException.class);

      assertThat(tables(connection)).doesNotContain("first_half", "schema_version");
    }
  }

  @Test
  void shouldRefuseASchemaNewerThanThisBuild() throws SQLException {
    List<Migration> upgraded = new ArrayList<>(Migration.all(Dialect.SQLITE));
    upgraded.add(ADD_COLUMN);

    try (Connection connection = connect()) {
      new SchemaMigrator(Dialect.SQLITE, upgraded).migrate(connection);

      assertThatThrownBy(() -> new SchemaMigrator(Dialect.SQLITE).migrate(connection))
          .hasMessageContaining("schema is at version " + NEXT);
    }
  }

  @Test
  void shouldSplitScriptsIntoStatementsAndReadTheDescription() {
    Migration migration =
        Migration.parse(
            7,
            "-- two tables\n"
                + "-- more comment\n"
                + "CREATE TABLE a (x INT);\n\n"
                + "CREATE TABLE b (\n"
                + "  y INT\n"
                + ");");

    assertThat(migration.description()).isEqualTo("two tables");
    assertThat(migration.statements())
        .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (\n  y INT\n)");
  }

  @Test
  void shouldShipTheSameMigrationNumbersForEveryDialect() {
    assertThat(Migration.all(Dialect.SQLITE)).isNotEmpty();
    assertThat(Migration.all(Dialect.POSTGRESQL).stream().map(Migration::version))
        .containsExactlyElementsOf(
            Migration.all(Dialect.SQLITE).stream().map(Migration::version).toList());
  }

  private Connection connect() throws SQLException {
    Connection connection = Dialect.SQLITE.connect("jdbc:sqlite:" + folder.resolve("migrate.db"));
    connection.setAutoCommit(false);
    return connection;
  }

  private static List<String> columns(Connection connection, String table) throws SQLException {
    return names(connection, "SELECT name FROM pragma_table_info('" + table + "')");
  }

  private static List<String> tables(Connection connection) throws SQLException {
    return names(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
  }

  private static List<String> names(Connection connection, String sql) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        names.add(row.getString(1));
      }
    }
    return names;
  }
}
