package io.wirestream.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.ingest.format.ArticleFormat;
import io.wirestream.ingest.format.InputLimits;
import io.wirestream.ingest.format.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileInputsTest {

  /** Small enough for a unit test: the 100 MB line becomes 100 KB. */
  private static final double SCALE = 0.001;

  @TempDir static Path tmp;

  /** Generated once for all tests: seed 7 twice, seed 8 once. */
  private static List<ManifestEntry> manifest;

  @BeforeAll
  static void generateOnce() throws IOException {
    manifest = generate(tmp.resolve("a"), 7);
    generate(tmp.resolve("b"), 7);
    generate(tmp.resolve("c"), 8);
  }

  private static List<ManifestEntry> generate(Path dir, long seed) throws IOException {
    return HostileInputs.generate(
        new HostileInputs.Options(
            dir,
            1000,
            seed,
            SCALE,
            200,
            "files",
            Path.of(HostileInputs.DEFAULT_REUTERS),
            Path.of(HostileInputs.DEFAULT_GAZETTEERS),
            false));
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws IOException {
    Map<String, byte[]> a = contents(tmp.resolve("a"));
    Map<String, byte[]> b = contents(tmp.resolve("b"));
    assertThat(a.keySet()).isEqualTo(b.keySet()).contains(Manifest.FILE_NAME);
    for (String name : a.keySet()) {
      assertThat(Arrays.equals(a.get(name), b.get(name))).as(name).isTrue();
    }
  }

  @Test
  void anotherSeedWritesOtherInputs() throws IOException {
    assertThat(Files.readString(tmp.resolve("a/manifest.jsonl")))
        .isNotEqualTo(Files.readString(tmp.resolve("c/manifest.jsonl")));
  }

  @Test
  void writesAtLeastAThousandHostileInputsCoveringEveryKindPlusControls() throws IOException {
    assertThat(manifest.stream().filter(e -> !e.isControl()).count()).isGreaterThanOrEqualTo(1000);
    assertThat(manifest.stream().filter(ManifestEntry::isControl).count()).isEqualTo(200);
    Set<Kind> kinds =
        manifest.stream()
            .map(e -> Kind.ofLabel(e.kind()))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
    assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
    assertThat(Manifest.read(tmp.resolve("a").resolve(Manifest.FILE_NAME))).isEqualTo(manifest);
  }

  @Test
  void everyEntryHasOneLocationAndAnyStoredOneItsOwnIds() throws IOException {
    Set<String> locations = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (ManifestEntry e : manifest) {
      assertThat(locations.add(e.location())).as(e.location()).isTrue();
      assertThat(e.expect()).isNotEmpty();
      if (e.allows(Outcome.STORED_VERBATIM)) {
        assertThat(e.ids()).as(e.location()).isNotEmpty();
        assertThat(e.bodySha256()).isNotEmpty();
        assertThat(e.titleSha256()).isNotEmpty();
        for (String id : e.ids()) {
          assertThat(ids.add(id)).as("id %s of %s is unique", id, e.location()).isTrue();
        }
      }
    }
  }

  @Test
  void variantsThatDrawFromAListUseMoreThanOneOfItsValues() {
    Map<String, Set<String>> variants = new HashMap<>();
    manifest.forEach(
        e -> variants.computeIfAbsent(e.kind(), k -> new HashSet<>()).add(e.variant()));
    assertThat(variants.get("date-year-99999")).hasSizeGreaterThan(4);
    assertThat(variants.get("date-before-1900")).hasSizeGreaterThan(8);
    assertThat(variants.get("lone-surrogate")).hasSize(6);
    assertThat(variants.get("empty-body")).hasSizeGreaterThan(8);
  }

  @Test
  void bigInputsScaleWithTheScaleFactor() throws IOException {
    ManifestEntry line =
        manifest.stream().filter(e -> e.kind().equals("line-100mb")).findFirst().orElseThrow();
    ManifestEntry body =
        manifest.stream().filter(e -> e.kind().equals("body-10mb")).findFirst().orElseThrow();
    assertThat(line.bytes()).isBetween(100_000L, 110_000L);
    assertThat(body.bytes()).isBetween(10_000L, 11_500L);
  }

  /**
   * Where the ingest's own parser accepts a record, it must give it one of the manifest's ids and
   * exactly the manifest's text, or the check would call a verbatim store altered or missing.
   */
  @Test
  void recordsTheIngestAcceptsGetTheIdsAndTextsTheManifestNames() throws IOException {
    Map<String, ManifestEntry> byLocation = new HashMap<>();
    manifest.forEach(e -> byLocation.put(e.location(), e));
    List<String> mismatches = new ArrayList<>();
    int accepted = 0;
    for (Path file : files(tmp.resolve("a"))) {
      if (file.getFileName().toString().equals(Manifest.FILE_NAME)) {
        continue;
      }
      List<ParseResult> results = new ArrayList<>();
      ArticleFormat.forFile(file, "files", InputLimits.from(WirestreamConfig.defaults()))
          .read(file, results::add);
      for (ParseResult result : results) {
        String location =
            file.getFileName() + result.location().substring(result.location().lastIndexOf(':'));
        ManifestEntry entry = byLocation.get(location);
        assertThat(entry).as("manifest entry for %s", location).isNotNull();
        if (result instanceof ParseResult.Parsed parsed && entry.allows(Outcome.STORED_VERBATIM)) {
          accepted++;
          if (!entry.ids().contains(parsed.article().id())
              || !entry.bodySha256().contains(TextHash.of(parsed.article().body()))
              || !entry.titleSha256().contains(TextHash.of(parsed.article().title()))) {
            mismatches.add(location + " " + entry.kind() + " " + entry.variant());
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(accepted).isGreaterThan(500);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.list(dir)) {
      return walk.sorted().toList();
    }
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    for (Path file : files(dir)) {
      out.put(file.getFileName().toString(), Files.readAllBytes(file));
    }
    return out;
  }
}
