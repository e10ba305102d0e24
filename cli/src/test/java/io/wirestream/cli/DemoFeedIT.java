package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream demo --feeds FILE}: polls each feed once, waits for the store, exits. */
class DemoFeedIT {

  private static final String RSS =
      """
      <rss version="2.0"><channel>
        <item><guid>d-1</guid><pubDate>Wed, 12 Apr 2017 10:15:00 GMT</pubDate>
          <description>Rex Tillerson met Sergei Lavrov in Moscow.</description></item>
        <item><guid>d-2</guid><pubDate>Wed, 12 Apr 2017 11:15:00 GMT</pubDate>
          <description>Angela Merkel spoke in Berlin.</description></item>
        <item><guid>d-3</guid><description>No date, so dead-lettered.</description></item>
        <item><guid>d-4</guid><link>/story</link><pubDate>Wed, 12 Apr 2017 12:15:00 GMT</pubDate>
          <description>Teaser of the story.</description></item>
      </channel></rss>
      """;

  private static final String PAGE =
      """
      <html lang="en"><head><title>Story</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Story</h1>
          <p>Emmanuel Macron arrived in Warsaw on Tuesday for two days of talks with the Polish
          government about energy prices and the defence of the eastern border.</p>
          <p>He is to meet President Andrzej Duda on Wednesday morning before flying on to
          Vilnius, where the leaders of the three Baltic states expect him in the evening.</p>
        </article><footer>All rights reserved.</footer></body></html>
      """;

  @TempDir Path dir;

  @Test
  void shouldStoreEveryItemOfTheFeedsAndExit() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] body =
              path.equals("/rss")
                  ? RSS.getBytes(StandardCharsets.UTF_8)
                  : path.equals("/story") ? PAGE.getBytes(StandardCharsets.UTF_8) : new byte[0];
          exchange.sendResponseHeaders(
              body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      Path list = dir.resolve("feeds.opml");
      Files.writeString(
          list,
          "<opml><body><outline xmlUrl=\"http://127.0.0.1:"
              + server.getAddress().getPort()
              + "/rss\"/></body></opml>");
      CommandLine cli = Wirestream.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));

      int exit =
          cli.execute(
              "demo",
              "--data-dir",
              dir.resolve("data").toString(),
              "--timeout",
              "180",
              "-D",
              "ingest.fetch.allow.private=true",
              "--feeds",
              list.toString());

      assertThat(exit).as(out + "\n" + err).isZero();
      assertThat(err.toString()).contains("#item 3: no date");
      try (Connection db =
              DriverManager.getConnection(
                  "jdbc:sqlite:" + dir.resolve("data").resolve("wirestream.db"));
          ResultSet rows = db.createStatement().executeQuery("SELECT body FROM articles")) {
        List<String> bodies = new ArrayList<>();
        while (rows.next()) {
          bodies.add(rows.getString(1));
        }
        assertThat(bodies)
            .hasSize(3)
            .contains(
                "Rex Tillerson met Sergei Lavrov in Moscow.", "Angela Merkel spoke in Berlin.")
            .anySatisfy(
                b ->
                    assertThat(b)
                        .startsWith("Emmanuel Macron arrived in Warsaw on Tuesday")
                        .contains("Vilnius")
                        .doesNotContain("Teaser", "Home", "All rights reserved"));
      }
    } finally {
      server.stop(0);
    }
  }
}
