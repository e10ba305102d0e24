package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.ingest.format.JsonLinesFormat;
import io.wirestream.ingest.format.ParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RejectReasonTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "line longer than 1048576 bytes (ingest.max.line.bytes)|too_large",
        "file larger than 1048576 bytes (ingest.max.file.bytes)|too_large",
        "record of 2000000 bytes is larger than the producer may send (max.request.size 1048576)"
            + "|too_large",
        "invalid UTF-8 at byte 17|encoding",
        "'body' has an unpaired surrogate \\ud800 at character 3|encoding",
        "empty body|empty_body",
        "no 'published' date|date",
        "impossible or malformed date '2019-02-30'|date",
        "no 'date YYYY-MM-DD' header line|date",
        "unparseable date 'yesterday'|date",
        "broken JSON: Unexpected end-of-input|malformed",
        "not a JSON object|malformed",
        "cannot read: java.nio.file.AccessDeniedException: x|unreadable",
        "something new|other",
      })
  void shouldReduceEachRejectionMessageToItsClass(String message, String expected) {
    assertThat(RejectReason.classOf(message)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\": 1,|malformed",
        "[1]|malformed",
        "{\"id\":\"a\",\"body\":\"\",\"published\":\"2019-01-01\"}|empty_body",
        "{\"id\":\"a\",\"body\":\"text\",\"published\":\"2019-02-30\"}|date",
        "{\"id\":\"a\",\"body\":\"text\"}|date",
      })
  void shouldClassifyWhatTheJsonLinesFormatActuallyRejects(String line, String expected) {
    ParseResult result =
        new JsonLinesFormat("files", 1 << 20)
            .parseLine(line.getBytes(StandardCharsets.UTF_8), "f:1");
    assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    assertThat(RejectReason.classOf(((ParseResult.Rejected) result).reason())).isEqualTo(expected);
  }
}
