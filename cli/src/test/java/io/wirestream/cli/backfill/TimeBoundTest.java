package io.wirestream.cli.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.cli.UsageException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeBoundTest {

  @Test
  void shouldTakeADateAsItsWholeUtcDay() {
    assertThat(TimeBound.from("--from", "2026-03-01"))
        .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(TimeBound.to("--to", "2026-03-01")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
  }

  @Test
  void shouldTakeInstantsAndOffsetDateTimesAsGiven() {
    assertThat(TimeBound.from("--from", "2026-03-01T12:30:00Z"))
        .isEqualTo(Instant.parse("2026-03-01T12:30:00Z"));
    assertThat(TimeBound.to("--to", "2026-03-01T12:30:00+02:00"))
        .isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
  }

  @Test
  void shouldRejectOtherTextAsAUsageError() {
    assertThatThrownBy(() -> TimeBound.from("--from", "yesterday"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--from");
  }
}
