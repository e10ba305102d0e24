package io.wirestream.lab.timeml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class TimemlDocumentTest {

  private final TimemlDocument gold =
      TimemlDocument.read(Fixtures.dir("gold").resolve("putin.tml"));

  @Test
  void shouldReadDctTextAndTimexOffsets() {
    assertThat(gold.dct()).isEqualTo(LocalDate.of(2017, 4, 12));
    assertThat(gold.text())
        .isEqualTo(
            "\nPutin said on Wednesday that talks in January failed & that the past three years"
                + " were hard. Now it ends.\n");
    assertThat(gold.timexes())
        .extracting(Timex::text, Timex::type, Timex::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Wednesday", "DATE", "2017-04-12"),
            org.assertj.core.groups.Tuple.tuple("January", "DATE", "2017-01"),
            org.assertj.core.groups.Tuple.tuple("the past three years", "DURATION", "P3Y"),
            org.assertj.core.groups.Tuple.tuple("Now", "DATE", "PRESENT_REF"));
    for (Timex t : gold.timexes()) {
      assertThat(gold.text().substring(t.start(), t.end())).isEqualTo(t.text());
    }
  }

  @Test
  void shouldReadDctWrittenWithoutDashes() {
    TimemlDocument d =
        TimemlDocument.parse(
            "x",
            "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"19980108\">19980108</TIMEX3>"
                + "</DCT><TEXT>Nothing.</TEXT></TimeML>");
    assertThat(d.dct()).isEqualTo(LocalDate.of(1998, 1, 8));
    assertThat(d.timexes()).isEmpty();
  }

  @Test
  void shouldWriteValidXmlWithNewTimexesAndUntouchedHead() throws Exception {
    int at = gold.text().indexOf("Wednesday");
    TimemlDocument replaced =
        gold.withTimexes(
            List.of(new Timex("t1", at, at + "Wednesday".length(), "Wednesday", "DATE", "X<&")));
    String xml = replaced.toXml();

    assertThat(xml).startsWith(gold.head());
    assertThat(xml).doesNotContain("<EVENT").contains("failed &amp; that");
    assertThat(xml)
        .contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X&lt;&amp;\">Wednesday</TIMEX3>");
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    TimemlDocument reread = TimemlDocument.parse("again", xml);
    assertThat(reread.text()).isEqualTo(gold.text());
    assertThat(reread.timexes()).containsExactly(replaced.timexes().get(0));
  }

  @Test
  void shouldRejectDocumentWithoutText() {
    assertThatThrownBy(() -> TimemlDocument.parse("bad", "<TimeML><DCT></DCT></TimeML>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad");
  }
}
