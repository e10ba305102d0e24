package io.wirestream.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineMetersTest {

  @Test
  void shouldDeclareEveryReasonAtZeroSoTheFirstFaultShowsAsAnIncrease() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    new PipelineMeters(registry, "enrich").declare(List.of("date"), List.of("parse", "enrich"));

    assertThat(registry.get(PipelineMeters.ARTICLES_DEAD_LETTERED).counters()).hasSize(2);
    assertThat(
            registry
                .get(PipelineMeters.ARTICLES_DEAD_LETTERED)
                .tags("stage", "enrich", "reason", "parse")
                .counter()
                .count())
        .isZero();
    assertThat(registry.get(PipelineMeters.ARTICLES_REJECTED).tag("reason", "date").counter())
        .isNotNull();
  }

  @Test
  void shouldCountEachReasonApartAndKeepOneSeriesPerReason() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PipelineMeters meters = new PipelineMeters(registry, "sink");

    meters.in(5);
    meters.out(3);
    meters.deadLettered("sink");
    meters.deadLettered("sink", 1);

    assertThat(registry.get(PipelineMeters.ARTICLES_IN).counter().count()).isEqualTo(5);
    assertThat(registry.get(PipelineMeters.ARTICLES_OUT).counter().count()).isEqualTo(3);
    assertThat(registry.get(PipelineMeters.ARTICLES_DEAD_LETTERED).counters())
        .singleElement()
        .satisfies(c -> assertThat(c.count()).isEqualTo(2));
  }
}
