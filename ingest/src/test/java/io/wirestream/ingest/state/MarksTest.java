package io.wirestream.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.serde.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarksTest {

  @Test
  void shouldReadBackAFeedMarkAsWritten() throws Exception {
    FeedMark mark =
        new FeedMark(
            "https://a.example/rss",
            "\"v1\"",
            "Wed, 12 Apr 2017 10:15:00 GMT",
            "ab12",
            Instant.parse("2024-01-02T10:00:00Z"),
            200,
            Instant.parse("2024-01-02T10:00:00Z"),
            null,
            0,
            Instant.parse("2024-01-02T10:05:00Z"),
            null,
            12,
            Map.of("g-1", new FeedMark.ItemMark("h1", 0), "g-2", new FeedMark.ItemMark("h2", 3)),
            3_600_000L);
    byte[] json = Json.MAPPER.writeValueAsBytes(mark);
    assertThat(Json.MAPPER.readValue(json, FeedMark.class)).isEqualTo(mark);
  }

  @Test
  void shouldReadBackAFileMarkAsWritten() throws Exception {
    FileMark mark = new FileMark("/data/inbox/a.jsonl", 120, 1_700_000_000_000L, "cafe");
    assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(mark), FileMark.class))
        .isEqualTo(mark);
  }

  @Test
  void shouldHashPartsSoThatTheirBoundariesCount() {
    assertThat(ContentHash.ofParts("ab", "c")).isNotEqualTo(ContentHash.ofParts("a", "bc"));
    assertThat(ContentHash.ofParts("a", null)).isNotEqualTo(ContentHash.ofParts("a", ""));
    assertThat(ContentHash.ofParts("a", "b")).isEqualTo(ContentHash.ofParts("a", "b"));
  }
}
