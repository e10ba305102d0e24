package io.wirestream.sink.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The V1 store upgrade on SQLite, in a temporary file. */
class SqliteV1StoreUpgradeTest extends V1StoreUpgradeContract {

  @TempDir Path folder;

  @Override
  String jdbcUrl() {
    return "jdbc:sqlite:" + folder.resolve("v1.db");
  }
}
