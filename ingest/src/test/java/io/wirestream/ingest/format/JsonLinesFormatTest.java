package io.wirestream.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirestream.common.model.Article;
import io.wirestream.common.model.ArticleIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFormatTest {

  @TempDir Path dir;

  private List<ParseResult> read(byte[] content) throws IOException {
    Path file = dir.resolve("articles.jsonl");
    Files.write(file, content);
    List<ParseResult> results = new ArrayList<>();
    new JsonLinesFormat("jsonl", 1 << 20).read(file, results::add);
    return results;
  }

  private List<ParseResult> read(String content) throws IOException {
    return read(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldPassOnARecordWithAUrlAndNoBodyOrDateOnlyWhenItsPageIsToBeFetched() throws IOException {
    Path file = dir.resolve("links.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"l-1\",\"url\":\"https://example.org/a\"}\n"
            + "{\"id\":\"l-2\",\"published\":\"2026-11-30\"}\n"
            + "{\"id\":\"l-3\",\"url\":\"https://example.org/c\",\"published\":\"30 Nov\"}\n");
    List<ParseResult> results = new ArrayList<>();
    new JsonLinesFormat("jsonl", 1 << 20, true).read(file, results::add);

    assertThat(results).hasSize(3);
    Article pending = ((ParseResult.Parsed) results.get(0)).article();
    assertThat(pending.body()).isEmpty();
    assertThat(pending.published()).isEmpty();
    assertThat(pending.url()).isEqualTo("https://example.org/a");
    assertThat(results.subList(1, 3))
        .extracting(r -> ((ParseResult.Rejected) r).reason())
        .containsExactly("empty body", "impossible or malformed date '30 Nov'");
  }

  @Test
  void shouldReadReutersShapedLines() throws IOException {
    List<ParseResult> results =
        read(
            "{\"id\":\"r-1\",\"source\":\"reuters\",\"published\":\"1987-02-26T15:01:01Z\","
                + "\"title\":\"COCOA\",\"dateline\":\"SALVADOR, Feb 26\",\"body\":\"Showers.\\n\\nMore.\","
                + "\"topics\":[\"cocoa\"],\"places\":[\"brazil\"]}\n");

    assertThat(results).hasSize(1);
    Article article = ((ParseResult.Parsed) results.get(0)).article();
    assertThat(article.source()).isEqualTo("reuters");
    assertThat(article.title()).isEqualTo("COCOA");
    assertThat(article.body()).isEqualTo("Showers.\n\nMore.");
    assertThat(article.published()).isEqualTo("1987-02-26T15:01:01Z");
    assertThat(article.publicationDate()).hasToString("1987-02-26");
  }

  @Test
  void shouldKeepTheRecordsOwnIdAndEverythingItSaysOfTheArticle() throws IOException {
    List<ParseResult> results =
        read(
            "{\"id\":\"r-1\",\"source\":\"reuters\",\"published\":\"1987-02-26\","
                + "\"url\":\"https://example.org/r-1\",\"language\":\"en\","
                + "\"dateline\":\"SALVADOR, Feb 26\",\"summary\":\"Rain in Bahia.\","
                + "\"authors\":[\"Ana Souza\",\" \",\"Bo Li\"],\"body\":\"Showers.\"}\n"
                + "{\"source\":\"s\",\"published\":\"1987-02-26\",\"authors\":\"Ana Souza\","
                + "\"body\":\"Showers.\"}\n"
                + "{\"source\":\"s\",\"published\":\"1987-02-26\",\"body\":\"Showers.\"}\n");

    Article full = ((ParseResult.Parsed) results.get(0)).article();
    assertThat(full.sourceId()).isEqualTo("r-1");
    assertThat(full.id()).isEqualTo(ArticleIds.fromSourceId("reuters", "r-1"));
    assertThat(full.url()).isEqualTo("https://example.org/r-1");
    assertThat(full.language()).isEqualTo("en");
    assertThat(full.dateline()).isEqualTo("SALVADOR, Feb 26");
    assertThat(full.summary()).isEqualTo("Rain in Bahia.");
    assertThat(full.authors()).containsExactly("Ana Souza", "Bo Li");
    Article oneAuthor = ((ParseResult.Parsed) results.get(1)).article();
    assertThat(oneAuthor.authors()).containsExactly("Ana Souza");
    assertThat(oneAuthor.sourceId()).isNull();
    Article bare = ((ParseResult.Parsed) results.get(2)).article();
    assertThat(bare.authors()).isEmpty();
    assertThat(bare.dateline()).isNull();
    assertThat(bare.summary()).isNull();
  }

  @Test
  void shouldRejectAuthorsThatAreNotNames() throws IOException {
    List<ParseResult> results =
        read(
            "{\"source\":\"s\",\"published\":\"1987-02-26\",\"authors\":[{\"name\":\"A\"}],"
                + "\"body\":\"Showers.\"}\n"
                + "{\"source\":\"s\",\"published\":\"1987-02-26\",\"authors\":7,"
                + "\"body\":\"Showers.\"}\n"
                + "{\"source\":\"s\",\"published\":\"1987-02-26\",\"dateline\":\"\\ud800\","
                + "\"body\":\"Showers.\"}\n");

    assertThat(results)
        .extracting(r -> ((ParseResult.Rejected) r).reason())
        .containsExactly(
            "'authors' must be a string or an array of strings",
            "'authors' must be a string or an array of strings",
            "'dateline' has an unpaired surrogate \\ud800 at character 0, which is not Unicode"
                + " text");
  }

  @Test
  void shouldCarryTheDatelineOfEveryReutersLine() throws IOException {
    Path corpus =
        Path.of(System.getProperty("wirestream.shared", "../../shared"))
            .resolve("corpora/news/reuters21578.jsonl");
    assumeTrue(Files.exists(corpus), "skipped: " + corpus + " not found");
    List<ParseResult> results = new ArrayList<>();
    new JsonLinesFormat("jsonl", 1 << 20).read(corpus, results::add);
    assertThat(results).hasSizeGreaterThan(1000);
    long parsed = results.stream().filter(r -> r instanceof ParseResult.Parsed).count();
    assertThat(
            results.stream()
                .filter(r -> r instanceof ParseResult.Parsed)
                .map(r -> ((ParseResult.Parsed) r).article())
                .filter(a -> a.dateline() != null && a.sourceId() != null)
                .count())
        .isGreaterThan(parsed * 9 / 10);
  }

  @Test
  void shouldKeyBySourceAndNativeIdSoEqualBodiesStayDistinctArticles() throws IOException {
    List<ParseResult> results =
        read(
            "{\"id\":\"1\",\"source\":\"s\",\"published\":\"2017-04-12\",\"body\":\"Same.\"}\n"
                + "{\"id\":\"2\",\"source\":\"s\",\"published\":\"2017-04-12\",\"body\":\"Same.\"}\n"
                + "{\"id\":\"1\",\"source\":\"s\",\"published\":\"2017-04-12\",\"body\":\"Edited.\"}\n");

    List<String> ids = results.stream().map(r -> ((ParseResult.Parsed) r).article().id()).toList();
    assertThat(ids.get(0)).isNotEqualTo(ids.get(1)).isEqualTo(ids.get(2));
  }

  @Test
  void shouldReportEachBadLineWithItsNumberAndGoOn() throws IOException {
    List<ParseResult> results =
        read(
            "{\"id\":\"1\",\"published\":\"2017-04-12\",\"body\":\"Good.\"}\n"
                + "{\"id\":\"2\",\"published\":\"2017-04-12\",\"body\":\n"
                + "\n"
                + "{\"id\":\"3\",\"published\":\"2017-13-01\",\"body\":\"Bad month.\"}\n"
                + "{\"id\":\"4\",\"body\":\"No date.\"}\n"
                + "{\"id\":\"5\",\"published\":\"2017-04-12\",\"body\":\"  \"}\n"
                + "[1,2]\n"
                + "{\"id\":\"6\",\"published\":\"2017-04-12\",\"body\":\"Last good.\"}");

    assertThat(results).hasSize(7);
    assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
    assertThat(results.get(6)).isInstanceOf(ParseResult.Parsed.class);
    assertThat(results.subList(1, 6))
        .extracting(ParseResult::location, r -> ((ParseResult.Rejected) r).reason().split(":")[0])
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("articles.jsonl") + ":2", "broken JSON"),
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("articles.jsonl") + ":4", "impossible or malformed date '2017-13-01'"),
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("articles.jsonl") + ":5", "no 'published' date"),
            org.assertj.core.groups.Tuple.tuple(dir.resolve("articles.jsonl") + ":6", "empty body"),
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("articles.jsonl") + ":7", "not a JSON object"));
  }

  @Test
  void shouldRejectLineThatIsNotUtf8AndKeepTheNextOne() throws IOException {
    byte[] bad =
        "{\"published\":\"2017-04-12\",\"body\":\"Caf\u00e9\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] good =
        "{\"published\":\"2017-04-12\",\"body\":\"Fine.\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bad.length + good.length];
    System.arraycopy(bad, 0, both, 0, bad.length);
    System.arraycopy(good, 0, both, bad.length, good.length);

    List<ParseResult> results = read(both);

    assertThat(results).hasSize(2);
    assertThat(((ParseResult.Rejected) results.get(0)).reason())
        .startsWith("invalid UTF-8 at byte");
    assertThat(((ParseResult.Parsed) results.get(1)).article().body()).isEqualTo("Fine.");
  }

  @Test
  void shouldSkipALineOverTheLimitAcrossReadChunksAndReadTheLinesAfterIt() throws IOException {
    Path file = dir.resolve("long.jsonl");
    String ok = "{\"id\":\"%d\",\"published\":\"2017-04-12\",\"body\":\"Body %d.\"}";
    String atLimit = String.format(ok, 3, 3);
    Files.writeString(
        file,
        String.format(ok, 1, 1)
            + "\n"
            + "{\"body\":\""
            + "x".repeat(300_000)
            + "\"}\n"
            + atLimit
            + "\n"
            + "y".repeat(atLimit.length() + 1));
    List<ParseResult> results = new ArrayList<>();

    new JsonLinesFormat("jsonl", atLimit.length()).read(file, results::add);

    assertThat(results).hasSize(4);
    assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
    assertThat(results.get(1))
        .hasToString(
            file + ":2: line longer than " + atLimit.length() + " bytes (ingest.max.line.bytes)");
    assertThat(((ParseResult.Parsed) results.get(2)).article().body()).isEqualTo("Body 3.");
    assertThat(results.get(3))
        .hasToString(
            file + ":4: line longer than " + atLimit.length() + " bytes (ingest.max.line.bytes)");
  }

  @Test
  void shouldRejectAnUnpairedSurrogateThatUtf8CannotCarryAndKeepAProperPair() throws IOException {
    List<ParseResult> results =
        read(
            "{\"published\":\"2017-04-12\",\"title\":\"a\\ud800b\",\"body\":\"Text.\"}\n"
                + "{\"published\":\"2017-04-12\",\"body\":\"x\\udc00\"}\n"
                + "{\"published\":\"2017-04-12\",\"body\":\"Emoji \\ud83d\\ude00 kept.\"}\n");

    assertThat(results).hasSize(3);
    assertThat(((ParseResult.Rejected) results.get(0)).reason())
        .isEqualTo(
            "'title' has an unpaired surrogate \\ud800 at character 1, which is not Unicode text");
    assertThat(((ParseResult.Rejected) results.get(1)).reason())
        .startsWith("'body' has an unpaired");
    assertThat(((ParseResult.Parsed) results.get(2)).article().body())
        .isEqualTo("Emoji \uD83D\uDE00 kept.");
  }

  @Test
  void shouldRejectAPublicationYearBeyond9999WhichEnrichCouldNotReadBack() throws IOException {
    List<ParseResult> results =
        read(
            "{\"published\":\"+99999-01-01\",\"body\":\"Far future.\"}\n"
                + "{\"published\":\"+99999-01-01T00:00:00Z\",\"body\":\"Far future.\"}\n"
                + "{\"published\":\"1850-05-01\",\"body\":\"Old news.\"}\n");

    assertThat(results).hasSize(3);
    assertThat(results.subList(0, 2)).allMatch(r -> r instanceof ParseResult.Rejected);
    assertThat(((ParseResult.Parsed) results.get(2)).article().publicationDate())
        .hasToString("1850-05-01");
  }
}
