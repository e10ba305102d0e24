package io.wirestream.common.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.common.kafka.BrokerCheck.BrokerUnreachableException;
import org.junit.jupiter.api.Test;

class BrokerCheckTest {

  @Test
  void shouldAcceptHostPortListsAndBracketedIpv6() {
    assertThatCode(() -> BrokerCheck.checkAddresses("localhost:9092, kafka-2.internal:19092"))
        .doesNotThrowAnyException();
    assertThatCode(() -> BrokerCheck.checkAddresses("[::1]:9092")).doesNotThrowAnyException();
  }

  @Test
  void shouldNameAnEntryWithoutAPort() {
    assertThatThrownBy(() -> BrokerCheck.checkAddresses("kafka:9092,localhost"))
        .isInstanceOf(BrokerUnreachableException.class)
        .hasMessage("bootstrap.servers entry 'localhost' is not host:port (e.g. localhost:9092)");
  }

  @Test
  void shouldNameAnEntryWithAPortOutOfRange() {
    assertThatThrownBy(() -> BrokerCheck.checkAddresses("localhost:70000"))
        .isInstanceOf(BrokerUnreachableException.class)
        .hasMessageContaining("'localhost:70000' has no valid port");
  }
}
