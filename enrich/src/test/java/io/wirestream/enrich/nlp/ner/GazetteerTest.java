package io.wirestream.enrich.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static Gazetteer gazetteer() throws IOException {
    return Gazetteer.parse(
        new BufferedReader(
            new StringReader(
                "# test lists\nLOC\tNew York\nLOC\tYork\nFIRST\tMay\nORG\tGoldman Sachs\n")));
  }

  @Test
  void shouldMarkBeginAndInsideOfEveryMatchIgnoringCase() throws IOException {
    int[][] hits = gazetteer().match("Shares of GOLDMAN SACHS rose in New York".split(" "));

    int loc = 1 << Gazetteer.LISTS.indexOf("LOC");
    int org = 1 << Gazetteer.LISTS.indexOf("ORG");
    assertThat(hits[2]).containsExactly(org, 0);
    assertThat(hits[3]).containsExactly(0, org);
    assertThat(hits[6]).containsExactly(loc, 0);
    // "York" both continues "New York" and is a place of its own.
    assertThat(hits[7]).containsExactly(loc, loc);
  }

  @Test
  void shouldNotMatchLowercaseWords() throws IOException {
    int[][] hits = gazetteer().match("you may go".split(" "));

    assertThat(hits[1]).containsExactly(0, 0);
  }

  @Test
  void shouldTurnMatchesIntoFeaturesOfNeighbouringTokens() throws IOException {
    GazetteerFeatureGenerator generator = new GazetteerFeatureGenerator(gazetteer());
    String[] tokens = "May visited York".split(" ");
    List<String> features = new ArrayList<>();

    generator.createFeatures(features, tokens, 1, new String[1]);

    assertThat(features).containsExactlyInAnyOrder("gzp=B-FIRST", "gzn=B-LOC");
  }

  @Test
  void shouldLoadTheShippedListsWithCountries() {
    int[][] hits = Gazetteer.shared().match("talks in Syria".split(" "));

    assertThat(hits[2][0] & (1 << Gazetteer.LISTS.indexOf("COUNTRY"))).isNotZero();
    assertThat(Gazetteer.shared().size()).isGreaterThan(40_000);
  }
}
