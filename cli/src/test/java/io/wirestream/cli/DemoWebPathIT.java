package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The default {@code wirestream demo}: the samples and the demo's own site, whose feed items are
 * fetched as pages, without {@code ingest.fetch.allow.private}.
 */
class DemoWebPathIT {

  @TempDir Path dir;

  @Test
  void shouldStoreTheExtractedPagesOfItsOwnSiteAndFollowOneStoryInTheSummary() throws Exception {
    CommandLine cli = Wirestream.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("demo", "--data-dir", dir.resolve("data").toString());

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains("item pages 3 (extracted 3)")
        .contains("teaser    The barrier that is to protect 40,000 homes")
        .contains("body      PORT AVALEN — The tidal barrier")
        .contains("Jonas Ferreira (person)")
        .contains("Monday = 2026-11-30")
        .contains("articles read 7 (rejected at input 0), stored 7, dead-lettered 0");
    Map<String, String> bodies = new HashMap<>();
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("data").resolve("wirestream.db"));
        ResultSet rows = db.createStatement().executeQuery("SELECT title, body FROM articles")) {
      while (rows.next()) {
        bodies.put(rows.getString(1), rows.getString(2));
      }
    }
    assertThat(bodies.get("Rail strike called off after overnight talks"))
        .startsWith("The strike that was to stop trains")
        .contains("Hannah Okafor")
        .doesNotContain("Advertisement", "Read more", "About us");
    assertThat(bodies.get("Northbridge Philharmonic announces its first tour abroad in a decade"))
        .contains("Lisbon on 14 March");
  }
}
