package io.wirestream.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.config.WirestreamConfig;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class OpsServerConfigTest {

  private static WirestreamConfig config(String port) {
    return WirestreamConfig.load(
        null, Map.of(), Map.of("http.port", port, "http.host", "127.0.0.1"));
  }

  @Test
  void shouldNotListenWhenThePortIsZero() {
    try (Ops ops = Ops.create()) {
      assertThat(OpsServer.start(config("0"), ops)).isEmpty();
    }
  }

  @Test
  void shouldBindAnyFreePortForMinusOneAndSayWhich() {
    try (Ops ops = Ops.create()) {
      Optional<OpsServer> server = OpsServer.start(config("-1"), ops);
      assertThat(server).isPresent();
      try (OpsServer running = server.get()) {
        assertThat(running.port()).isPositive();
      }
    }
  }

  @Test
  void shouldNameTheSettingWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket();
        Ops ops = Ops.create()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      String port = Integer.toString(taken.getLocalPort());
      assertThatThrownBy(() -> OpsServer.start(config(port), ops))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageContaining("http.port");
    }
  }

  @Test
  void shouldDefaultToPort8080OnEveryAddress() {
    WirestreamConfig defaults = WirestreamConfig.defaults();
    assertThat(defaults.getInt(WirestreamConfig.HTTP_PORT)).isEqualTo(8080);
    assertThat(defaults.getString(WirestreamConfig.HTTP_HOST)).isEqualTo("0.0.0.0");
  }
}
