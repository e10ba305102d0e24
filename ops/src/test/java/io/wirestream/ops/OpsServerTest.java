package io.wirestream.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.common.serde.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private Ops ops;
  private OpsServer server;

  @BeforeEach
  void start() throws Exception {
    ops = Ops.create();
    server = OpsServer.start(new InetSocketAddress("127.0.0.1", 0), ops);
  }

  @AfterEach
  void stop() {
    server.close();
    ops.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @Test
  void shouldServeMetersAndJvmMetricsAsPrometheusText() throws Exception {
    new PipelineMeters(ops.registry(), "ingest").out(3);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains("wirestream_articles_out_total{stage=\"ingest\"} 3.0")
        .contains("jvm_memory_used_bytes")
        .contains("process_uptime_seconds");
  }

  @Test
  void shouldAnswerLiveWhateverTheReadiness() throws Exception {
    HttpResponse<String> response = get("/health/live");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(response.body()).path("status").asText()).isEqualTo("up");
  }

  @Test
  void shouldBeNotReadyUntilAServiceHasRegisteredItsChecks() throws Exception {
    HttpResponse<String> response = get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(Json.MAPPER.readTree(response.body()).path("problems").path("service").asText())
        .isEqualTo("starting");
  }

  @Test
  void shouldFlipReadinessWithItsChecksAndSayWhichFails() throws Exception {
    AtomicReference<Optional<String>> enrich = new AtomicReference<>(Optional.of("REBALANCING"));
    ops.readiness().register("enrich", enrich::get);
    ops.readiness().register("store", Optional::empty);

    HttpResponse<String> notReady = get("/health/ready");
    enrich.set(Optional.empty());
    HttpResponse<String> ready = get("/health/ready");

    assertThat(notReady.statusCode()).isEqualTo(503);
    JsonNode body = Json.MAPPER.readTree(notReady.body());
    assertThat(body.path("status").asText()).isEqualTo("not ready");
    assertThat(body.path("problems").size()).isEqualTo(1);
    assertThat(body.path("problems").path("enrich").asText()).isEqualTo("REBALANCING");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(ready.body()).path("status").asText()).isEqualTo("ready");
  }

  @Test
  void shouldCountACheckThatThrowsAsFailing() throws Exception {
    ops.readiness()
        .register(
            "sink",
            () -> {
              throw new IllegalStateException("boom");
            });

    HttpResponse<String> response = get("/health/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(Json.MAPPER.readTree(response.body()).path("problems").path("sink").asText())
        .contains("boom");
  }

  @Test
  void shouldRefuseMethodsOtherThanGetAndHead() throws Exception {
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    HttpResponse<String> head =
        send(
            HttpRequest.newBuilder(uri("/health/live"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void shouldAnswerNotFoundElsewhere() throws Exception {
    assertThat(get("/admin").statusCode()).isEqualTo(404);
  }
}
