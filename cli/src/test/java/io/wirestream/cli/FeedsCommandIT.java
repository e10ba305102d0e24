package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.broker.EmbeddedKafkaBroker;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream feeds add|import|remove|list}, and ingest polling what is registered. */
class FeedsCommandIT {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(EmbeddedKafkaBroker broker, String... args) {
    CommandLine cli = Wirestream.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.add("-b");
    all.add(broker.bootstrapServers());
    all.add("-D");
    all.add("ingest.fetch.allow.private=true");
    return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  @Test
  void shouldRegisterListAndRemoveFeedsAndReportWhatIngestSawOfThem() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.equals("/gone")) {
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
            return;
          }
          if (!path.startsWith("/f")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] body =
              ("<rss version=\"2.0\"><channel><item><guid>1</guid><pubDate>Wed, 12 Apr 2017"
                      + " 10:15:00 GMT</pubDate><description>Story "
                      + path
                      + ".</description></item></channel></rss>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      assertThat(run(broker, "feeds", "add", base + "/f1", base + "/f2").exit()).isZero();
      Path list = dir.resolve("feeds.opml");
      Files.writeString(
          list,
          "<opml><body><outline xmlUrl=\""
              + base
              + "/f3\"/><outline xmlUrl=\""
              + base
              + "/gone\"/></body></opml>");
      Run imported = run(broker, "feeds", "import", list.toString());
      assertThat(imported.exit()).as(imported.err()).isZero();
      assertThat(imported.out()).contains("2 feeds registered");
      assertThat(run(broker, "feeds", "remove", base + "/f2").exit()).isZero();

      Run before = run(broker, "feeds", "list");
      assertThat(before.out())
          .contains(base + "/f1\tnever")
          .contains(base + "/f3\tnever")
          .contains(base + "/gone\tnever")
          .doesNotContain(base + "/f2");

      Run ingest = run(broker, "ingest", "--once", "-D", "ingest.fetch.host.delay.ms=0");
      assertThat(ingest.out()).contains("registered feed fetches 3 (failed 1)");

      Run after = run(broker, "feeds", "list");
      assertThat(after.out().lines().filter(l -> l.startsWith(base + "/f1\t")).findFirst())
          .hasValueSatisfying(
              line -> {
                String[] columns = line.split("\t");
                assertThat(columns[1]).as("last fetch").isNotEqualTo("never");
                assertThat(columns[2]).as("status").isEqualTo("200");
                assertThat(columns[3]).as("items seen").isEqualTo("1");
                assertThat(columns[5]).as("failures").isEqualTo("0");
                assertThat(columns[6]).as("disabled").isEqualTo("-");
              });
      assertThat(after.out().lines().filter(l -> l.startsWith(base + "/gone\t")).findFirst())
          .hasValueSatisfying(
              line -> {
                String[] columns = line.split("\t");
                assertThat(columns[2]).isEqualTo("410");
                assertThat(columns[6]).isNotEqualTo("-");
              });
    } finally {
      server.stop(0);
    }
  }
}
