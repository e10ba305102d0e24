package io.wirestream.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.model.Article;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeedTextFormatTest {

  private final SeedTextFormat format = new SeedTextFormat("files", 1 << 20);

  private ParseResult parse(String text) {
    return format.parse(text.getBytes(StandardCharsets.UTF_8), "a.txt");
  }

  @Test
  void shouldReadDateHeaderAndBodyOnTheSameLine() {
    ParseResult result = parse(" date 2017-04-12 Putin spoke on Wednesday.\n\nHe said more.\n");

    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    Article article = ((ParseResult.Parsed) result).article();
    assertThat(article.published()).isEqualTo("2017-04-12");
    assertThat(article.body()).isEqualTo("Putin spoke on Wednesday.\n\nHe said more.");
    assertThat(article.source()).isEqualTo("files");
    assertThat(article.id()).hasSize(16);
  }

  @Test
  void shouldReadBodyStartingOnTheLineAfterTheHeader() {
    ParseResult result = parse("date 2017-04-12\nFirst paragraph.\r\n\r\nSecond.");

    assertThat(((ParseResult.Parsed) result).article().body())
        .isEqualTo("First paragraph.\n\nSecond.");
  }

  @Test
  void shouldGiveTheSameIdToTheSameArticleIngestedTwice() {
    Article first = ((ParseResult.Parsed) parse("date 2017-04-12 Same text.")).article();
    Article again = ((ParseResult.Parsed) parse("  date 2017-04-12 Same text.\n\n")).article();
    Article other = ((ParseResult.Parsed) parse("date 2017-04-13 Same text.")).article();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(other.id()).isNotEqualTo(first.id());
  }

  @Test
  void shouldRejectFileWithoutDateLine() {
    assertThat(parse("Putin spoke on Wednesday."))
        .isEqualTo(new ParseResult.Rejected("a.txt:1", "no 'date YYYY-MM-DD' header line"));
  }

  @Test
  void shouldRejectImpossibleDate() {
    assertThat(parse("date 2017-02-30 Text."))
        .isEqualTo(
            new ParseResult.Rejected("a.txt:1", "impossible or malformed date '2017-02-30'"));
    assertThat(parse("date 12/04/2017 Text."))
        .isEqualTo(
            new ParseResult.Rejected("a.txt:1", "impossible or malformed date '12/04/2017'"));
  }

  @Test
  void shouldRejectAYearBeyond9999ThatTheRestOfThePipelineCouldNotRead() {
    assertThat(parse("date +99999-01-01 Text."))
        .isEqualTo(
            new ParseResult.Rejected("a.txt:1", "impossible or malformed date '+99999-01-01'"));
  }

  @Test
  void shouldRejectEmptyBody() {
    assertThat(parse("date 2017-04-12 \n\n  \n"))
        .isEqualTo(new ParseResult.Rejected("a.txt:1", "empty body"));
  }

  @Test
  void shouldRejectBytesThatAreNotUtf8() {
    byte[] latin1 = "date 2017-04-12 Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    ParseResult result = format.parse(latin1, "a.txt");

    assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    assertThat(((ParseResult.Rejected) result).reason()).isEqualTo("invalid UTF-8 at byte 19");
  }
}
