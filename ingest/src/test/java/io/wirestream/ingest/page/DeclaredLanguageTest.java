package io.wirestream.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclaredLanguageTest {

  private static final String ENGLISH =
      "The city council voted on Tuesday to close the old harbour bridge to cars, after engineers"
          + " found cracks in two of its supports, the mayor said. Buses and bicycles may still"
          + " cross, and a ferry will run every twenty minutes from the north quay until repairs,"
          + " expected to take a year, are done. Shop owners on the south bank asked for help.";

  private static final String ZULU =
      "Umkhandlu wedolobha uvote ngoLwesibili ukuthi ivale ibhuloho elidala lechweba ezimotweni,"
          + " ngemuva kokuthi onjiniyela bethole imifantu ezinsikeni zalo ezimbili, kusho imeya."
          + " Amabhasi namabhayisikili asengawela, futhi isikebhe sizohamba njalo emizuzwini"
          + " engamashumi amabili sisuka echwebeni elisenyakatho kuze kube ukulungiswa kwaphela,"
          + " okulindeleke ukuthi kuthathe unyaka wonke, kuphele ngokuphelele kulo nyaka ozayo"
          + " ngokusho kukamasipala wedolobha kanye nabaholi bomphakathi abaningi abakhona lapho.";

  @Test
  void shouldReadTheLanguageSubtagOfLangValues() {
    assertThat(DeclaredLanguage.code("en-GB")).isEqualTo("en");
    assertThat(DeclaredLanguage.code("de_DE")).isEqualTo("de");
    assertThat(DeclaredLanguage.code(" FR ")).isEqualTo("fr");
  }

  @Test
  void shouldRefuseWhatIsNoLanguageCode() {
    assertThat(DeclaredLanguage.code("utf-8")).isEmpty();
    assertThat(DeclaredLanguage.code("xx")).isEmpty();
    assertThat(DeclaredLanguage.code("english")).isEmpty();
    assertThat(DeclaredLanguage.code("")).isEmpty();
  }

  @Test
  void shouldDropAnEnglishDeclarationThatTheTextContradicts() {
    assertThat(DeclaredLanguage.checked("en", ENGLISH)).isEqualTo("en");
    assertThat(DeclaredLanguage.checked("en", ZULU)).isEmpty();
  }

  @Test
  void shouldKeepOtherDeclarationsAndShortTexts() {
    assertThat(DeclaredLanguage.checked("zu", ZULU)).isEqualTo("zu");
    assertThat(DeclaredLanguage.checked("en", "Umkhandlu wedolobha uvote")).isEqualTo("en");
  }
}
