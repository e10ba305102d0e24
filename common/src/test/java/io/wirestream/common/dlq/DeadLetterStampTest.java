package io.wirestream.common.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class DeadLetterStampTest {

  @Test
  void shouldStampARecordReadFromATopicWithItsPartitionAndOffset() {
    Map<String, String> headers =
        asMap(
            DeadLetterStamp.reasons(
                Stage.SERIALIZE,
                "serialize: too large",
                "org.apache.kafka.common.errors.RecordTooLargeException",
                new DeadLetterStamp.Offset("news.raw", 2, 41)));

    assertThat(headers)
        .containsEntry(DeadLetterHeaders.STAGE, "serialize")
        .containsEntry(DeadLetterHeaders.REASON, "serialize: too large")
        .containsEntry(DeadLetterHeaders.SOURCE_TOPIC, "news.raw")
        .containsEntry(DeadLetterHeaders.SOURCE_PARTITION, "2")
        .containsEntry(DeadLetterHeaders.SOURCE_OFFSET, "41")
        .doesNotContainKey(DeadLetterHeaders.SOURCE_FILE);
  }

  @Test
  void shouldStampAnIngestRecordWithItsFileAndLineAndNoOffset() {
    Map<String, String> headers =
        asMap(
            DeadLetterStamp.reasons(
                Stage.INGEST,
                "too large",
                "",
                new DeadLetterStamp.Input("news.raw", "in/a.jsonl", "7")));

    assertThat(headers)
        .containsEntry(DeadLetterHeaders.STAGE, "ingest")
        .containsEntry(DeadLetterHeaders.SOURCE_FILE, "in/a.jsonl")
        .containsEntry(DeadLetterHeaders.SOURCE_LINE, "7")
        .doesNotContainKeys(DeadLetterHeaders.SOURCE_PARTITION, DeadLetterHeaders.SOURCE_OFFSET);
  }

  @Test
  void shouldMaskCredentialsInTheReasonAndInAFeedUrl() {
    Map<String, String> headers =
        asMap(
            DeadLetterStamp.reasons(
                Stage.SINK,
                "store: cannot connect to jdbc:postgresql://ws:pg-pass@db/news?password=pg-pass",
                "java.sql.SQLException",
                new DeadLetterStamp.Input(
                    "news.raw", "https://feeds.example.org/rss?token=t0ken", "item 3")));

    assertThat(String.join(" ", headers.values()))
        .doesNotContain("pg-pass")
        .doesNotContain("t0ken");
    assertThat(headers.get(DeadLetterHeaders.SOURCE_FILE))
        .isEqualTo("https://feeds.example.org/rss?token=[hidden]");
  }

  @Test
  void shouldBoundTheReasonWhateverTheStage() {
    Map<String, String> headers =
        asMap(DeadLetterStamp.reasons(Stage.SINK, "x".repeat(100_000), null, null));

    assertThat(headers.get(DeadLetterHeaders.REASON))
        .hasSizeLessThanOrEqualTo(ErrorSummary.MAX_LENGTH);
    assertThat(headers).containsEntry(DeadLetterHeaders.EXCEPTION, "");
  }

  @Test
  void shouldLabelEveryStageAsTheHeadersSchemaNamesIt() throws IOException {
    JsonNode schema =
        Json.MAPPER.readTree(
            Path.of("..", "docs", "schemas", "news.dlq.headers.schema.json").toFile());
    List<String> declared = new ArrayList<>();
    schema.at("/properties/wirestream.dlq.stage/enum").forEach(n -> declared.add(n.asText()));

    assertThat(Stage.values()).extracting(Stage::label).containsExactlyElementsOf(declared);
  }

  private static Map<String, String> asMap(Headers headers) {
    Map<String, String> map = new HashMap<>();
    for (Header header : headers) {
      map.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return map;
  }
}
