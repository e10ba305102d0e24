package io.wirestream.cli;

import io.wirestream.common.config.WirestreamConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirestream health}: asks a running service whether it is ready (or live), for container
 * healthchecks. The image has no shell and no curl, so the probe is Wirestream itself.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description =
        "Asks the operations endpoint of a service on this host (http.port) whether it is ready;"
            + " exit 0 if it is, 1 if not or if nothing answers. For container healthchecks.")
public final class HealthCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(names = "--live", description = "Ask /health/live instead of /health/ready.")
  boolean live;

  @Option(
      names = "--timeout",
      defaultValue = "PT5S",
      description =
          "How long to wait for the answer (ISO-8601 duration, default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    WirestreamConfig settings = config.load(Map.of());
    int port = settings.getInt(WirestreamConfig.HTTP_PORT);
    if (port <= 0) {
      throw new UsageException(
          "http.port is " + port + ": give the port the service listens on (-D http.port=N)");
    }
    URI uri = URI.create("http://127.0.0.1:" + port + (live ? "/health/live" : "/health/ready"));
    PrintWriter out = spec.commandLine().getOut();
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      out.println(response.statusCode() + " " + response.body().strip());
      return response.statusCode() == 200 ? 0 : 1;
    } catch (IOException e) {
      out.println("no answer from " + uri + ": " + e);
      return 1;
    }
  }
}
