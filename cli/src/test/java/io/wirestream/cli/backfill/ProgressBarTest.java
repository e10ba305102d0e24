package io.wirestream.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private final AtomicLong nanos = new AtomicLong();
  private final StringWriter text = new StringWriter();

  private ProgressBar bar(boolean terminal) {
    return new ProgressBar(new PrintWriter(text, true), terminal, "replay v2", nanos::get);
  }

  @Test
  void shouldShowDoneTotalRateAndEtaFromTheRateSoFar() {
    ProgressBar bar = bar(false);
    nanos.set(10_000_000_000L); // 10 s for 250 of 1000 records: 25/s, 30 s to go

    assertThat(bar.render(250, 1000, nanos.get()))
        .isEqualTo("replay v2 [########......................] 250/1,000  25% 25 rec/s ETA 0:30");
  }

  @Test
  void shouldRedrawInPlaceOnATerminal() {
    ProgressBar bar = bar(true);
    nanos.set(1_000_000_000L);
    bar.update(1, 4);
    bar.update(2, 4);
    bar.finish(4, 4);

    // The last drawing is padded with blanks over what the longer one before it left.
    assertThat(text.toString())
        .startsWith("\r")
        .containsPattern("\r[^\r]* 4/4 100% [^\r]* done *" + System.lineSeparator() + "$");
    assertThat(text.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void shouldWriteALineOnlyEveryFewSecondsWithoutATerminal() {
    ProgressBar bar = bar(false);
    bar.update(1, 100);
    nanos.addAndGet(1_000_000_000L);
    bar.update(2, 100);
    nanos.addAndGet(ProgressBar.LINE_EVERY.toNanos());
    bar.update(3, 100);

    assertThat(text.toString().lines()).hasSize(2).noneMatch(line -> line.contains("\r"));
  }

  @Test
  void shouldFormatLongEtasWithHours() {
    assertThat(ProgressBar.clock(3 * 3600 + 62)).isEqualTo("3:01:02");
    assertThat(ProgressBar.clock(59)).isEqualTo("0:59");
  }
}
