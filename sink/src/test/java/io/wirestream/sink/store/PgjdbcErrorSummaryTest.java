package io.wirestream.sink.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.dlq.ErrorSummary;
import java.sql.BatchUpdateException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The summaries of real pgjdbc exceptions keep the SQL state and primary message only. */
class PgjdbcErrorSummaryTest {

  private static final String BODY = "Angela Merkel met Emmanuel Macron in Paris. ".repeat(15_000);

  @Test
  void shouldKeepSqlStateAndServerMessageOfABatchFailureAndDropStatementValuesAndDetail() {
    PSQLException server =
        new PSQLException(
            new ServerErrorMessage(
                "SERROR\0VERROR\0C23505\0Mduplicate key value violates unique constraint"
                    + " \"entities_pkey\"\0DKey (article_id, text)=(a1, "
                    + BODY
                    + ") already exists.\0"));
    BatchUpdateException batch =
        new BatchUpdateException(
            "Batch entry 0 INSERT INTO entities (article_id, text) VALUES (('a1'), ('"
                + BODY
                + "')) was aborted: "
                + server.getMessage()
                + "  Call getNextException to see other errors in the batch.",
            "23505",
            0,
            new int[0],
            null);
    batch.setNextException(server);

    StoreException failure =
        new StoreException(
            ErrorSummary.of("cannot write 1 articles", batch), StoreException.Kind.DATA, batch);
    String reason = ErrorSummary.of("store", failure);

    assertThat(server.getMessage()).contains("Merkel");
    assertThat(reason)
        .contains("SQLState 23505")
        .contains("duplicate key value violates unique constraint \"entities_pkey\"")
        .doesNotContain("Merkel")
        .doesNotContain("INSERT")
        .doesNotContain("Key (")
        .hasSizeLessThanOrEqualTo(ErrorSummary.MAX_LENGTH);
  }
}
