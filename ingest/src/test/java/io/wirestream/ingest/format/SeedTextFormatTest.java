package io.wirestream.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.common.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void shouldKeepTheFileNameAsTheSourceIdButNotDeriveTheArticleIdFromIt() {
    Article named =
        ((ParseResult.Parsed)
                format.parse(
                    "date 2017-04-12 Same text.".getBytes(StandardCharsets.UTF_8),
                    "/data/reuters-21578-1.txt"))
            .article();
    Article copy = ((ParseResult.Parsed) parse("date 2017-04-12 Same text.")).article();

    assertThat(named.sourceId()).isEqualTo("reuters-21578-1");
    assertThat(copy.sourceId()).isEqualTo("a");
    assertThat(named.id()).isEqualTo(copy.id());
    assertThat(SeedTextFormat.fileStem("C:\\in\\x.y.txt")).isEqualTo("x.y");
    assertThat(SeedTextFormat.fileStem(".txt")).isEqualTo(".txt");
  }

  @Test
  void shouldReadEverySeedFileWithItsNameAsSourceId() throws IOException {
    Path shared = Path.of(System.getProperty("wirestream.shared", "../../shared"));
    assumeTrue(Files.isDirectory(shared.resolve("seeds")), "skipped: no " + shared);
    List<ParseResult> results = new ArrayList<>();
    for (String folder : List.of("seeds", "corpora/news/reuters-seed-format")) {
      try (var files = Files.list(shared.resolve(folder))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
          format.read(file, results::add);
        }
      }
    }

    assertThat(results).hasSizeGreaterThan(10).allMatch(r -> r instanceof ParseResult.Parsed);
    assertThat(results)
        .extracting(r -> ((ParseResult.Parsed) r).article().sourceId())
        .contains("000_6007e88cfec98b27", "reuters-21578-1");
  }
}
