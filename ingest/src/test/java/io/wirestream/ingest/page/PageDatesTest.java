package io.wirestream.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageDatesTest {

  private static String iso(String value) {
    return PageDates.parse(value, "test").map(PublicationDate::iso).orElse("none");
  }

  @Test
  void shouldReadIsoDatesWithTheirOffsetsInTheFormsPagesWrite() {
    assertThat(iso("2024-05-03T15:47:42.389+00:00")).isEqualTo("2024-05-03T15:47:42Z");
    assertThat(iso("2024-05-03T15:47:42Z")).isEqualTo("2024-05-03T15:47:42Z");
    assertThat(iso("2024-05-03 15:47:42+0200")).isEqualTo("2024-05-03T15:47:42+02:00");
    assertThat(iso("2024-05-03T15:47+05:30")).isEqualTo("2024-05-03T15:47+05:30");
    assertThat(iso("2024-05-03T15:47:42-04")).isEqualTo("2024-05-03T15:47:42-04:00");
  }

  @Test
  void shouldKeepOnlyTheDayOfADateWithoutZone() {
    assertThat(iso("2024-05-03T15:47:42")).isEqualTo("2024-05-03");
    assertThat(iso("2024-05-03")).isEqualTo("2024-05-03");
  }

  @Test
  void shouldReadRfc1123Dates() {
    assertThat(iso("Fri, 3 May 2024 15:47:42 GMT")).isEqualTo("2024-05-03T15:47:42Z");
  }

  @Test
  void shouldRefuseWhatIsNoDateOrAPlaceholder() {
    assertThat(iso("yesterday")).isEqualTo("none");
    assertThat(iso("2024-13-45T10:00:00Z")).isEqualTo("none");
    assertThat(iso("1970-01-01T00:00:00Z")).isEqualTo("none");
    assertThat(iso("")).isEqualTo("none");
  }

  @Test
  void shouldFindTheDayInAnArticleUrl() {
    assertThat(PageDates.fromUrl("/2024/05/03/bridge-closed").map(PublicationDate::iso))
        .contains("2024-05-03");
    assertThat(PageDates.fromUrl("/news/2024-05-03-bridge").map(PublicationDate::iso))
        .contains("2024-05-03");
    assertThat(PageDates.fromUrl("/20240503/bridge").map(PublicationDate::iso))
        .contains("2024-05-03");
    assertThat(PageDates.fromUrl("/story/3000000218734/bridge")).isEmpty();
    assertThat(PageDates.fromUrl("/2024/02/31/not-a-day")).isEmpty();
  }
}
