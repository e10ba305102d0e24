package io.wirestream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Wed, 12 Apr 2017 10:15:00 +0000 | 2017-04-12T10:15Z",
        "Wed, 12 Apr 2017 10:15:30 GMT   | 2017-04-12T10:15:30Z",
        "Wed, 2 Apr 2017 10:15:00 EST    | 2017-04-02T10:15-05:00",
        "2 Apr 17 10:15 +0530            | 2017-04-02T10:15+05:30",
        "Sunday, 02 April 2017 23:59:59 PDT | 2017-04-02T23:59:59-07:00",
        "Wed, 12 Apr 2017 10:15:00       | 2017-04-12T10:15",
        "2017-04-12T10:15:00Z            | 2017-04-12T10:15Z",
      })
  void shouldParseRfc822Leniently(String text, String expected) {
    assertThat(FeedDates.parseRfc822(text)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "Wed, 31 Feb 2017 10:15:00 GMT",
        "Wed, 12 Foo 2017 10:15:00 GMT",
        "12 Apr 2017 10:15:00 XYZ",
        ""
      })
  void shouldRefuseWhatIsNoDate(String text) {
    assertThat(FeedDates.parseRfc822(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2017-04-12T10:15:00Z          | 2017-04-12T10:15Z",
        "2017-04-12t10:15:00.250+02:00 | 2017-04-12T10:15:00.250+02:00",
        "2017-04-12                    | 2017-04-12",
      })
  void shouldParseRfc3339AndBareDates(String text, String expected) {
    assertThat(FeedDates.parseRfc3339(text)).hasValue(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-02 10:00:00           | 2024-01-02T10:00",
        "2024-01-02 10:00              | 2024-01-02T10:00",
        "2024-01-02 10:00:00Z          | 2024-01-02T10:00Z",
        "2024-01-02 10:00:00 UTC       | 2024-01-02T10:00Z",
        "2024-01-02 10:00:00 +0530     | 2024-01-02T10:00+05:30",
        "Sunday, 06-Nov-94 08:49:37 GMT | 1994-11-06T08:49:37Z",
        "2017-04-12T10:15:00Z          | 2017-04-12T10:15Z",
        "2017-04-12                    | 2017-04-12",
      })
  void shouldParseTheOtherFormsFeedsUse(String text, String expected) {
    assertThat(FeedDates.parse(text)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-30 10:00:00", "2024-01-02 25:00:00", "2024-01-02 10:00:00 XYZ"})
  void shouldRefuseImpossibleSpaceSeparatedDates(String text) {
    assertThat(FeedDates.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2017-13-01T00:00:00Z", "2017-04-12T10:15:00", "April 2017"})
  void shouldRefuseRfc3339WithoutOffsetOrImpossible(String text) {
    assertThat(FeedDates.parseRfc3339(text)).isEmpty();
  }
}
