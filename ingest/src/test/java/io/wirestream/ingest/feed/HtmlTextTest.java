package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void shouldTurnBlockElementsIntoParagraphBreaks() {
    String html =
        "<p>First  para,\n spread\tover lines.</p><p>Second.<br/>Third</p><div>Fourth</div>"
            + "<ul><li>one</li><li>two</li></ul>";

    assertThat(HtmlText.toPlainText(html))
        .isEqualTo("First para, spread over lines.\n\nSecond.\n\nThird\n\nFourth\n\none\n\ntwo");
  }

  @Test
  void shouldDropInlineTagsWithoutSplittingWords() {
    assertThat(
            HtmlText.toPlainText("A <b>bold</b> <a href=\"x?a=1&amp;b=>2\">link</a>ed wo<i>r</i>d"))
        .isEqualTo("A bold linked word");
  }

  @Test
  void shouldDecodeNamedAndNumericEntities() {
    assertThat(
            HtmlText.toPlainText(
                "AT&amp;T &lt;b&gt; caf&eacute; &#8211; &#x2014; &#233;&nbsp;x &ldquo;q&rdquo;"))
        .isEqualTo("AT&T <b> café – — é x “q”");
  }

  @Test
  void shouldDecodeEveryNamedEntityOfHtml() {
    assertThat(HtmlText.toPlainText("Citro&euml;n, &Scaron;koda, &Oslash;stergaard, &aring;r"))
        .isEqualTo("Citroën, Škoda, Østergaard, år");
  }

  @Test
  void shouldKeepWhatIsNotMarkupAsWritten() {
    assertThat(HtmlText.toPlainText("AT&T says 3 < 4 & &bogus; stays"))
        .isEqualTo("AT&T says 3 < 4 & &bogus; stays");
  }

  @Test
  void shouldDropScriptsStylesAndComments() {
    assertThat(
            HtmlText.toPlainText(
                "<style>p{color:red}</style>Hi<!-- hidden <p> --><script>alert('<p>')</script> there"))
        .isEqualTo("Hi there");
  }

  @Test
  void shouldNotDecodeTwice() {
    assertThat(HtmlText.toPlainText("&amp;lt;p&amp;gt;")).isEqualTo("&lt;p&gt;");
  }

  @Test
  void shouldGiveEmptyTextForMarkupOnly() {
    assertThat(HtmlText.toPlainText("<p> </p><br><div>&nbsp;</div><img src=\"a.png\">")).isEmpty();
  }

  @Test
  void shouldKeepBlankLineParagraphsOfPlainText() {
    assertThat(HtmlText.normalisePlain("  One\r\nline <b>.\n  \nTwo  "))
        .isEqualTo("One line <b>.\n\nTwo");
  }

  @Test
  void shouldJoinParagraphsOfATitleOnOneLine() {
    assertThat(HtmlText.toLine("<p>Rates</p><p>rise</p>")).isEqualTo("Rates rise");
  }
}
