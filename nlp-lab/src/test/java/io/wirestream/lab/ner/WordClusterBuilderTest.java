package io.wirestream.lab.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.enrich.nlp.ner.WordClusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordClusterBuilderTest {

  /** Cities and weekdays in contexts of their own, so two clusters separate them. */
  private static Path corpus(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    String[] cities = {"Paris", "Berlin", "Madrid", "Rome"};
    String[] days = {"Monday", "Tuesday", "Friday", "Sunday"};
    for (int i = 0; i < 40; i++) {
      lines.add("He flew to " + cities[i % 4] + " and landed in " + cities[(i + 1) % 4] + ".");
      lines.add(
          "It rained on " + days[i % 4] + " morning, and on " + days[(i + 2) % 4] + " morning.");
    }
    Path file = dir.resolve("text.txt");
    Files.write(file, lines);
    return file;
  }

  @Test
  void shouldPutWordsWithTheSameContextsTogether(@TempDir Path dir) throws IOException {
    Map<Integer, Map<String, Integer>> clusterings =
        new WordClusterBuilder(100, 50, 7).build(List.of(corpus(dir)), 6);

    Map<String, Integer> clusters = clusterings.get(6);
    assertThat(clusters.get("berlin"))
        .isEqualTo(clusters.get("paris"))
        .isEqualTo(clusters.get("rome"));
    assertThat(clusters.get("friday")).isEqualTo(clusters.get("monday"));
    assertThat(clusters.get("friday")).isNotEqualTo(clusters.get("paris"));
  }

  @Test
  void shouldWriteTheSameFileTwiceAndReadItBack(@TempDir Path dir) throws IOException {
    Path text = corpus(dir);
    Path first = dir.resolve("a.txt");
    Path second = dir.resolve("b.txt");
    WordClusterBuilder.write(
        new WordClusterBuilder(100, 50, 7).build(List.of(text), 2, 4), "t", first);
    WordClusterBuilder.write(
        new WordClusterBuilder(100, 50, 7).build(List.of(text), 2, 4), "t", second);

    assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
    WordClusters clusters = WordClusters.parse(Files.newBufferedReader(first));
    assertThat(clusters.granularities()).isEqualTo(2);
    assertThat(clusters.features("Paris")).hasSize(2).allMatch(f -> f.matches("c[01]=\\d+"));
    assertThat(clusters.features("Atlantis")).isNull();
  }
}
