package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(15));

  @Test
  void shouldDoubleTheBackoffUpToTheMaximumDrawingEachBetweenHalfAndAllOfIt() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
      assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
      assertThat(policy.backoff(40)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldSpreadTheBackoffsOfProducersThatFailedTogether() {
    assertThat(
            java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> policy.backoff(5))
                .distinct()
                .count())
        .isGreaterThan(10);
  }

  @Test
  void shouldBeExhaustedOnlyOnceTheGiveUpTimeHasPassedSinceTheFirstAttempt() {
    long first = 1_000_000_000L;
    assertThat(policy.exhausted(first, first + Duration.ofMinutes(14).toNanos())).isFalse();
    assertThat(policy.exhausted(first, first + Duration.ofMinutes(15).toNanos())).isTrue();
  }
}
