package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.broker.EmbeddedKafkaBroker;
import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.model.Article;
import io.wirestream.common.topic.Topics;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wirestream ingest} in its own JVM with a 256 MiB heap: a 100 MB JSON line is skipped
 * without being held, rejected with its file and line, and the file after it is still published.
 */
class BoundedInputIT {

  private static final long LINE_BYTES = 100L << 20;

  @TempDir Path dir;

  @Test
  void shouldRejectAHundredMegabyteLineUnderA256MbHeapAndPublishTheNextFile() throws Exception {
    Path huge = dir.resolve("a-huge.jsonl");
    writeHugeLine(huge);
    Path normal = dir.resolve("b-normal.jsonl");
    Files.writeString(
        normal,
        "{\"id\":\"n-1\",\"published\":\"2017-04-12\",\"body\":\"Angela Merkel spoke in Berlin.\"}\n"
            + "{\"id\":\"n-2\",\"published\":\"2017-04-13\",\"body\":\"Talks went on.\"}\n");

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"))) {
      Path out = dir.resolve("out.txt");
      Path err = dir.resolve("err.txt");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process ingest =
          new ProcessBuilder(
                  java,
                  "-Xmx256m",
                  // An OutOfMemoryError anywhere, even one caught, ends the run with a failure.
                  "-XX:+ExitOnOutOfMemoryError",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Wirestream.class.getName(),
                  "ingest",
                  "-b",
                  broker.bootstrapServers(),
                  "--once",
                  huge.toString(),
                  normal.toString())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      long started = System.nanoTime();
      boolean finished = ingest.waitFor(5, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (!finished) {
        ingest.destroyForcibly().waitFor();
      }
      String stdout = Files.readString(out);
      String stderr = Files.readString(err);
      System.out.printf("ingest of a %d-byte line under -Xmx256m: %.1f s%n", LINE_BYTES, seconds);

      assertThat(finished).as("ingest finished within 5 minutes").isTrue();
      assertThat(ingest.exitValue()).as(stderr).isZero();
      assertThat(stderr)
          .contains("rejected " + huge + ":1: line longer than 1048576 bytes")
          .doesNotContain("OutOfMemoryError");
      assertThat(stdout).contains("articles read 2, rejected 1, published 2, failed 0");

      WirestreamConfig config =
          WirestreamConfig.load(
              null, Map.of(), Map.of("bootstrap.servers", broker.bootstrapServers()));
      List<ConsumerRecord<String, Article>> records =
          TopicReader.readCommitted(config, new Topics(config).raw(), 2, Duration.ofSeconds(30));
      assertThat(records)
          .extracting(r -> r.value().body())
          .containsExactlyInAnyOrder("Angela Merkel spoke in Berlin.", "Talks went on.");
    } finally {
      Files.deleteIfExists(huge);
    }
  }

  /** One JSON object of 100 MB on one line, written in chunks so the test itself stays small. */
  private static void writeHugeLine(Path file) throws IOException {
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      stream.write(
          "{\"id\":\"huge\",\"published\":\"2017-04-12\",\"body\":\""
              .getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < LINE_BYTES; written += chunk.length) {
        stream.write(chunk);
      }
      stream.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    }
  }
}
