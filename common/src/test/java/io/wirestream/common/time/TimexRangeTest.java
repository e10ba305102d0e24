package io.wirestream.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimexRangeTest {

  @ParameterizedTest(name = "{0} covers {1}..{2}")
  @CsvSource({
    "2017-04-12, 2017-04-12, 2017-04-12",
    "2017-04-12T15:00, 2017-04-12, 2017-04-12",
    "2017-04-07T24:00, 2017-04-07, 2017-04-07",
    "2017-04-12TMO, 2017-04-12, 2017-04-12",
    "2017-04, 2017-04-01, 2017-04-30",
    "2016-02, 2016-02-01, 2016-02-29",
    "1987-W09, 1987-02-23, 1987-03-01",
    "2017-W14, 2017-04-03, 2017-04-09",
    "2015-W53, 2015-12-28, 2016-01-03",
    "2020-W01, 2019-12-30, 2020-01-05",
    "2017-W14-WE, 2017-04-08, 2017-04-09",
    "1987-Q1, 1987-01-01, 1987-03-31",
    "2016-Q4, 2016-10-01, 2016-12-31",
    "2017-H1, 2017-01-01, 2017-06-30",
    "2017-H2, 2017-07-01, 2017-12-31",
    "2018-SP, 2018-03-01, 2018-05-31",
    "2016-SU, 2016-06-01, 2016-08-31",
    "2016-FA, 2016-09-01, 2016-11-30",
    "1994-WI, 1994-12-01, 1995-02-28",
    "1990, 1990-01-01, 1990-12-31",
    "198, 1980-01-01, 1989-12-31",
    "198X, 1980-01-01, 1989-12-31",
    "20, 2000-01-01, 2099-12-31",
  })
  void aCalendarValueCoversItsFirstToLastDay(String value, LocalDate begin, LocalDate end) {
    assertEquals(Optional.of(new TimexRange(begin, end)), TimexRange.of(value));
  }

  @ParameterizedTest(name = "{0} has no range")
  @ValueSource(
      strings = {
        "P3D",
        "PT24H",
        "P10Y",
        "PXW",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "XXXX-WXX-1",
        "XXXX-07",
        "XXXX-XX-XXTMO",
        "T10:30",
        "2017-02-30",
        "2017-13",
        "2017-W54",
        "",
        "   "
      })
  void durationsReferencesSetsAndMalformedValuesHaveNoRange(String value) {
    assertEquals(Optional.empty(), TimexRange.of(value));
  }

  @Test
  void aNullValueHasNoRange() {
    assertEquals(Optional.empty(), TimexRange.of(null));
  }

  @Test
  void overlapIsInclusiveAtBothEndsAndOpenWhenABoundIsMissing() {
    TimexRange week = TimexRange.of("1987-W09").orElseThrow();
    assertTrue(week.overlaps(LocalDate.of(1987, 3, 1), LocalDate.of(1987, 3, 31)));
    assertTrue(week.overlaps(null, LocalDate.of(1987, 2, 23)));
    assertTrue(week.overlaps(LocalDate.of(1987, 1, 1), null));
    assertFalse(week.overlaps(LocalDate.of(1987, 3, 2), null));
    assertFalse(week.overlaps(null, LocalDate.of(1987, 2, 22)));
  }
}
