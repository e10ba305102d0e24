package io.wirestream.sink.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Each dialect reads its own codes; a chained error decides when the first one says nothing. */
class SqlErrorsTest {

  @Test
  void shouldReadSqlitePrimaryResultCodesFromExtendedOnes() {
    assertThat(SqlErrors.classify(Dialect.SQLITE, new SQLException("busy", null, 5)))
        .isEqualTo(StoreException.Kind.RETRIABLE);
    // SQLITE_CONSTRAINT_UNIQUE: 19 | 8 << 8
    assertThat(SqlErrors.classify(Dialect.SQLITE, new SQLException("unique", null, 2067)))
        .isEqualTo(StoreException.Kind.DATA);
    assertThat(SqlErrors.classify(Dialect.SQLITE, new SQLException("corrupt", null, 11)))
        .isEqualTo(StoreException.Kind.FATAL);
  }

  @Test
  void shouldReadPostgresqlSqlStatesAndIgnoreSqliteCodesThere() {
    assertThat(SqlErrors.classify(Dialect.POSTGRESQL, new SQLException("x", "40001")))
        .isEqualTo(StoreException.Kind.RETRIABLE);
    assertThat(SqlErrors.classify(Dialect.POSTGRESQL, new SQLException("x", "23505")))
        .isEqualTo(StoreException.Kind.DATA);
    assertThat(SqlErrors.classify(Dialect.POSTGRESQL, new SQLException("x", "42P01", 5)))
        .isEqualTo(StoreException.Kind.FATAL);
  }

  @Test
  void shouldLetAChainedErrorOrATransientTypeDecide() {
    SQLException batch = new SQLException("batch failed", "XX000");
    batch.setNextException(new SQLException("duplicate key", "23505"));

    assertThat(SqlErrors.classify(Dialect.POSTGRESQL, batch)).isEqualTo(StoreException.Kind.DATA);
    assertThat(SqlErrors.classify(Dialect.SQLITE, new SQLTransientConnectionException("gone")))
        .isEqualTo(StoreException.Kind.RETRIABLE);
  }
}
