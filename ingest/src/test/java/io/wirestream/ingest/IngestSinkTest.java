package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestSinkTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "inbox/a.jsonl:12                    | inbox/a.jsonl",
        "-:3                                 | -",
        "https://a.example:8080/rss#item 4   | https://a.example:8080/rss",
        "feeds.opml#outline 2                | feeds.opml",
        "inbox/a.txt                         | inbox/a.txt",
        "https://a.example:8080/rss          | https://a.example:8080/rss",
      })
  void shouldTakeTheInputPartOfALocation(String location, String origin) {
    assertThat(IngestSink.originOf(location)).isEqualTo(origin);
  }
}
