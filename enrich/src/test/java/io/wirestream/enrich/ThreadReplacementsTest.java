package io.wirestream.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ThreadReplacementsTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @Test
  void shouldReplaceAThreadThatLostTheBrokerAFewTimesPerWindowOnly() {
    ThreadReplacements replacements = new ThreadReplacements(clock, 2, Duration.ofMinutes(10));
    StreamsException lostBroker = new StreamsException(new TimeoutException("no broker"));

    assertThat(replacements.allow(lostBroker)).isTrue();
    assertThat(replacements.allow(lostBroker)).isTrue();
    assertThat(replacements.allow(lostBroker)).isFalse();

    now.set(Instant.EPOCH.plus(Duration.ofMinutes(11)));
    assertThat(replacements.allow(lostBroker)).isTrue();
  }

  @Test
  void shouldNeverReplaceAThreadThatFailedOnANonRetriableError() {
    ThreadReplacements replacements = new ThreadReplacements(clock, 5, Duration.ofMinutes(10));

    assertThat(replacements.allow(new StreamsException(new IllegalStateException("bug"))))
        .isFalse();
  }
}
