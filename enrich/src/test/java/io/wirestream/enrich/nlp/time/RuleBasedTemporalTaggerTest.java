package io.wirestream.enrich.nlp.time;

import static io.wirestream.enrich.nlp.time.TagAssert.assertTagged;
import static io.wirestream.enrich.nlp.time.TagAssert.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.model.TemporalExpression;
import io.wirestream.common.model.TimexType;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One table per phenomenon; every sentence is read as published on Wednesday 2017-04-12. Columns:
 * sentence | expected extent | type | value.
 */
class RuleBasedTemporalTaggerTest {

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The law was signed on April 12, 2017 in Moscow.     | April 12, 2017 | DATE | 2017-04-12
          The law was signed on 12 April 2017 in Moscow.      | 12 April 2017  | DATE | 2017-04-12
          The law was signed on 2017-04-12 in Moscow.         | 2017-04-12     | DATE | 2017-04-12
          The law was signed on 4/12/2017 in Moscow.          | 4/12/2017      | DATE | 2017-04-12
          The law was signed on April 12 in Moscow.           | April 12       | DATE | 2017-04-12
          Talks are planned for mid-April.                    | mid-April      | DATE | 2017-04
          Sales fell in April 2017.                           | April 2017     | DATE | 2017-04
          The vote is set for Friday, April 14.               | Friday, April 14 | DATE | 2017-04-14
          He died on Dec. 2, 1956, in Havana.                 | Dec. 2, 1956   | DATE | 1956-12-02
          The strike began at 0600 EDT March two.             | March two      | DATE | 2017-03-02
          Sales fell in the fourth quarter 2016.              | the fourth quarter 2016 | DATE | 2016-Q4
          A hearing is set for the week of March 6, 2017.     | the week of March 6, 2017 | DATE | 2017-W10
          """)
  void shouldNormaliseExplicitDates(String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Putin said on Wednesday that relations had worsened.   | Wednesday | DATE | 2017-04-12
          The ministers will meet on Friday in Geneva.           | Friday    | DATE | 2017-04-14
          The ministers met on Friday in Geneva.                 | Friday    | DATE | 2017-04-07
          On Monday, the president said he would resign.         | Monday    | DATE | 2017-04-10
          The council will vote next Tuesday.                    | next Tuesday | DATE | 2017-04-18
          The council voted last Thursday.                       | last Thursday | DATE | 2017-04-06
          Shares fell on Friday, down 4.5% from the previous Friday. | the previous Friday | DATE | 2017-03-31
          The trial opened on March 6 and the verdict came the following Monday. | the following Monday | DATE | 2017-03-13
          The hearing was on March 6. He appeared in court the next morning. | the next morning | DATE | 2017-03-07
          The tax takes effect in January.                       | January   | DATE | 2018-01
          Trump took office in January.                          | January   | DATE | 2017-01
          He was elected in November.                            | November  | DATE | 2016-11
          The treaty was signed last May.                        | last May  | DATE | 2016-05
          The helicopters crashed last February.                 | last February | DATE | 2017-02
          The helicopters crashed last March.                    | last March | DATE | 2016-03
          The helicopters crashed this past March.               | this past March | DATE | 2017-03
          The summit will be held in May.                        | May       | DATE | 2017-05
          The bill will be debated on March 3.                   | March 3   | DATE | 2018-03-03
          The blasts next to the embassy on Friday killed 12.    | Friday    | DATE | 2017-04-07
          They planned a rally on Saturday and were planning a march on Monday. | Saturday | DATE | 2017-04-15
          They planned a rally on Saturday and were planning a march on Monday. | Monday | DATE | 2017-04-17
          On Friday, when the minister set aside her plans, talks collapsed. | Friday | DATE | 2017-04-07
          Abbas and Netanyahu meet separately Monday with Tillerson. | Monday | DATE | 2017-04-17
          The agency gave them until 9 a.m. Tuesday to leave.    | 9 a.m. Tuesday | TIME | 2017-04-18T09:00
          The talks were supposed to conclude by May.            | May       | DATE | 2017-05
          He stepped down in March for health reasons.           | March     | DATE | 2017-03
          Most members had filed their reports by Monday.        | Monday    | DATE | 2017-04-10
          The sale, which had been expected for months, is part of a program to pay down the loan by February. | February | DATE | 2018-02
          It was hard for the firm to meet demand on Friday.     | Friday    | DATE | 2017-04-07
          The dividend would be paid on a still unspecified date in January. | January | DATE | 2018-01
          Traders sold shares ahead of the weekend.              | the weekend | DATE | 2017-W15-WE
          """)
  void shouldChooseDirectionFromTense(
      String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Rebels attacked the town yesterday.                | yesterday         | DATE | 2017-04-11
          The minister arrives today.                        | today             | DATE | 2017-04-12
          The minister arrives tomorrow.                     | tomorrow          | DATE | 2017-04-13
          A chemical attack last week killed 89 people.      | last week         | DATE | 2017-W14
          The talks continue this week.                      | this week         | DATE | 2017-W15
          The report is due next week.                       | next week         | DATE | 2017-W16
          Prices rose this month.                            | this month        | DATE | 2017-04
          Prices rose last month.                            | last month        | DATE | 2017-03
          Prices will rise next month.                       | next month        | DATE | 2017-05
          Sales rose last year.                              | last year         | DATE | 2016
          Sales will rise next year.                         | next year         | DATE | 2018
          Sales rose this year.                              | this year         | DATE | 2017
          The company was sold earlier this year.            | earlier this year | DATE | 2017
          The rebels left two days ago.                      | two days ago      | DATE | 2017-04-10
          Prices were lower a year ago.                      | a year ago        | DATE | 2016
          The plant closed three weeks ago.                  | three weeks ago   | DATE | 2017-W12
          The offer appeared in today's editions.            | today             | DATE | 2017-04-12
          Tomorrow's vote will decide the case.              | Tomorrow          | DATE | 2017-04-13
          """)
  void shouldResolveRelativeDates(String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The talks began Wednesday morning.         | Wednesday morning | DATE | 2017-04-12TMO
          The talks end tonight.                     | tonight           | TIME | 2017-04-12TNI
          Shots were heard last night.               | last night        | TIME | 2017-04-11TNI
          The minister spoke this morning.           | this morning      | TIME | 2017-04-12TMO
          Shares rose at mid-afternoon yesterday.    | mid-afternoon yesterday | TIME | 2017-04-11TAF
          The drought began last summer.             | last summer       | DATE | 2016-SU
          The road will reopen next winter.          | next winter       | DATE | 2018-WI
          Work resumes in the spring of 2018.        | the spring of 2018 | DATE | 2018-SP
          Prices fell in the winter of nineteen ninety-four. | the winter of nineteen ninety-four | DATE | 1994-WI
          January nineteen ninety-seven. A bomb exploded. | January nineteen ninety-seven | DATE | 1997-01
          """)
  void shouldResolvePartsOfDaysAndSeasons(
      String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Growth will slow in the third quarter.           | the third quarter         | DATE | 2017-Q3
          Profit rose in the first quarter.                | the first quarter         | DATE | 2017-Q1
          Profit fell in the fourth quarter of 2016.       | the fourth quarter of 2016 | DATE | 2016-Q4
          The company expects a third-quarter loss.        | third-quarter             | DATE | 2017-Q3
          Sales doubled in the first half.                 | the first half            | DATE | 2017-H1
          Sales fell in the second half of 2015.           | the second half of 2015   | DATE | 2015-H2
          Losses will last at least the first two quarters of 2018. | at least the first two quarters of 2018 | DATE | 2018-H1
          """)
  void shouldResolveQuartersAndHalves(
      String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The party was founded in 1990.                | 1990               | DATE | 1990
          Inflation was high in the 1990s.              | the 1990s          | DATE | 199
          Inflation was high in the 1980s.              | the 1980s          | DATE | 198
          Music of the '80s is back.                    | the '80s           | DATE | 198
          It is the challenge of the 21st century.      | the 21st century   | DATE | 20
          Cities grew in the nineteenth century.        | the nineteenth century | DATE | 18
          """)
  void shouldNormaliseYearsDecadesAndCenturies(
      String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The war lasted a decade.                       | a decade           | DURATION | P10Y
          Troops stayed for 24 hours.                    | 24 hours           | DURATION | PT24H
          Fighting has intensified in recent weeks.      | recent weeks       | DURATION | PXW
          The project took three years.                  | three years        | DURATION | P3Y
          He signed a two-year contract.                 | two-year           | DURATION | P2Y
          The strike lasted several months.              | several months     | DURATION | PXM
          Sales grew over the past two months.           | the past two months | DURATION | P2M
          The trial took 2 1/2 years.                    | 2 1/2 years        | DURATION | P2Y6M
          The flight took nearly an hour.                | nearly an hour     | DURATION | PT1H
          Rescuers worked for 90 minutes.                | 90 minutes         | DURATION | PT90M
          Funds may sell bonds in the weeks ahead.       | the weeks ahead    | DURATION | PXW
          Net for the year-earlier nine months included a gain. | the year-earlier nine months | DURATION | P9M
          ''I am talking about three days'' more or less, he said. | three days | DURATION | P3D
          They will have to live without power for a while. | a while | DURATION | PXX
          Over the years the system has worked well.     | the years          | DURATION | PXY
          A minute and a half later, the pilot called.   | A minute and a half | DURATION | PT1M30S
          """)
  void shouldKeepDurationUnitsAsWritten(
      String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Protesters gather every morning.          | every morning   | SET | XXXX-XX-XXTMO
          The magazine appears weekly.              | weekly          | SET | P1W
          The fair is held each year.               | each year       | SET | P1Y
          The council meets every Monday.           | every Monday    | SET | XXXX-WXX-1
          Ferries sail daily.                       | daily           | SET | P1D
          The festival returns each July.           | each July       | SET | XXXX-07
          """)
  void shouldRecogniseSets(String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The rebels now control the city.              | now          | DATE | PRESENT_REF
          For now, the embassy works from a hotel.      | now          | DATE | PRESENT_REF
          The company currently employs 500 people.     | currently    | DATE | PRESENT_REF
          Such attacks were rare in the past.           | the past     | DATE | PAST_REF
          Talks may resume in the future.               | the future   | DATE | FUTURE_REF
          The firm recently cut its dividend.           | recently     | DATE | PAST_REF
          Prosecutors may soon seek an indictment.      | soon         | DATE | FUTURE_REF
          The company soon will cut prices.             | soon         | DATE | FUTURE_REF
          Growth will slow in the near term.            | the near term | DATE | FUTURE_REF
          The shares will be sold at a later date.      | a later date | DATE | FUTURE_REF
          Holders may buy at half the then current price. | then current | DATE | PAST_REF
          Islam will one day be the second religion.    | one day      | DATE | FUTURE_REF
          """)
  void shouldTagReferencesToPresentPastAndFuture(
      String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The vote starts at 3 p.m. in Geneva.               | 3 p.m.            | TIME | 2017-04-12T15:00
          The blast occurred at 10:30 a.m. EST near the gate. | 10:30 a.m. EST   | TIME | 2017-04-12T10:30
          The offer expired at midnight Friday.             | midnight Friday     | TIME | 2017-04-07T24:00
          The offer will expire at 5 p.m. Thursday.         | 5 p.m. Thursday     | TIME | 2017-04-13T17:00
          """)
  void shouldNormaliseClockTimes(String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @Test
  void shouldSplitYearRangeIntoTwoYears() {
    List<TemporalExpression> found = tag("He was minister in 2009-2010 and again in 1990-91.");
    assertThat(found)
        .extracting(TemporalExpression::text, TemporalExpression::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2009", "2009"),
            org.assertj.core.groups.Tuple.tuple("2010", "2010"),
            org.assertj.core.groups.Tuple.tuple("1990", "1990"),
            org.assertj.core.groups.Tuple.tuple("91", "1991"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A 22-year-old man was arrested.",
        "She gave a five-minute speech.",
        "He once lived in Paris.",
        "It is time to act.",
        "He made a second attempt.",
        "The company pays $5 a year in fees.",
        "Revenue will rise 20% annually.",
        "The plant would produce 10,000 units annually.",
        "Average daily volume was 133 million shares.",
        "He was released soon after the raid.",
        "You may march to the square.",
        "Thousands joined the annual March for Life.",
        "Iraq was ready to withdraw. Now, he says, the West wants more.",
        "The rules are new. Currently, organs are rationed by region.",
        "This is VOA Today.",
        "Now for the geography quiz.",
        "Stephen Akerfeldt, currently vice president finance, will succeed him.",
        "Also involved is Robert F. Angelo, formerly Phoenix's senior vice president.",
        "The poll was published by USA Today.",
        "The firm changed from a fiscal year to a calendar year.",
        "Troops will stay in the region for the foreseeable future.",
        "The case shapes today's youth.",
        "Chips run many of today's personal computers.",
        "Baker spoke on ABC's \"This Week\" program.",
        "He told CBS's \"60 Minutes\" he was innocent.",
        "Funds hold more than a quarter of the market.",
        "He appeared in court the next morning.",
        "Bank of America said 1,000 jobs would go.",
        "The 1,999 delegates voted.",
        "\"It will be tough,\" said Richard May, an analyst.",
        "Wheat prev 39.9, Feb 48.7, Apr 10.0, total 111.8.",
        "Avg shrs 7,382,802 vs 6,747,442\n\nYear oper shr 33 cts",
      })
  void shouldNotTagLookalikes(String sentence) {
    assertThat(tag(sentence)).isEmpty();
  }

  @Test
  void shouldResolveYearEarlierToQuarterInResultsStory() {
    List<TemporalExpression> found =
        tag("Profit rose 5% in the first quarter from $3 million a year earlier.");
    assertThat(found)
        .extracting(TemporalExpression::text, TemporalExpression::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("the first quarter", "2017-Q1"),
            org.assertj.core.groups.Tuple.tuple("a year earlier", "2016-Q1"));
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Profit rose in the first quarter ended March 31. It earned $2 million in the year-ago quarter. | the year-ago quarter | DATE | 2016-Q1
          Profit rose in the first quarter ended March 31, up from the corresponding period last year. | the corresponding period last year | DATE | 2016-Q1
          Profit rose in the first quarter ended March 31. Sales for last year's quarter were flat. | last year's quarter | DATE | 2016-Q1
          Profit rose in the first quarter from $3 million last year. | last year | DATE | 2016-Q1
          Net rose in the first quarter ended March 31, from $2 million a year earlier. | a year earlier | DATE | 2016-Q1
          Profit rose in the first quarter, up from $2 million in the 2016 period. | the 2016 period | DATE | 2016-Q1
          In the first nine months, net rose against a loss in the 2016 period. | the 2016 period | DATE | 2016
          Profit rose in the first quarter. After a weak fourth quarter, costs fell from the year-earlier period. | the year-earlier period | DATE | 2016-Q1
          Profit rose in the first quarter. After a weak fourth quarter, it sold 500 cars in the quarter. | the quarter | DATE | 2017-Q1
          Profit rose in the first quarter. After a weak fourth quarter, costs fell from the 2016 period. | the 2016 period | DATE | 2016-Q1
          Profit rose in the first quarter. Last year, the company took charges. | Last year | DATE | 2016
          Profit rose in the first quarter, and losses may follow in the third quarter of 2018. In the year-ago period it earned $2 million. | the year-ago period | DATE | 2016-Q1
          """)
  void shouldResolveNamedYearEarlierPeriodToLastQuarter(
      String sentence, String extent, TimexType type, String value) {
    assertTagged(sentence, extent, type, value);
  }

  @Test
  void shouldReturnExpressionsInTextOrderWithConsistentOffsets() {
    String text =
        "On Monday the firm said profit fell in the third quarter of 2016 and would "
            + "recover next year.";
    List<TemporalExpression> found = tag(text);
    assertThat(found).hasSize(3);
    for (int i = 0; i < found.size(); i++) {
      TemporalExpression t = found.get(i);
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
      if (i > 0) {
        assertThat(t.start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
      }
    }
  }

  @Test
  void shouldGiveSameResultsFromManyThreads() throws Exception {
    String text = "Putin said on Wednesday that talks last week failed; the vote is on Friday.";
    List<TemporalExpression> expected = tag(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<TemporalExpression>>> results =
          pool.invokeAll(
              java.util.Collections.nCopies(
                  64, () -> TagAssert.TAGGER.tag(text, TagAssert.PUBLISHED)));
      for (Future<List<TemporalExpression>> r : results) {
        assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRejectMissingArguments() {
    assertThatThrownBy(() -> TagAssert.TAGGER.tag(null, LocalDate.now()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TagAssert.TAGGER.tag("today", null))
        .isInstanceOf(NullPointerException.class);
    assertThat(TagAssert.TAGGER.tag("", TagAssert.PUBLISHED)).isEmpty();
    assertThat(TagAssert.TAGGER.name()).isNotBlank();
  }
}
