package io.wirestream.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals only: nothing here resolves a name or sends a packet. */
class AddressPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.0.1.7",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1"
      })
  void shouldRejectLoopbackPrivateLinkLocalMulticastAndUnspecifiedAddresses(String literal)
      throws Exception {
    assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2001:4860:4860::8888"})
  void shouldAcceptPublicAddresses(String literal) throws Exception {
    assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).isTrue();
  }

  @Test
  void shouldRefuseAUrlWhoseHostIsAPrivateAddressAndSayWhy() {
    AddressPolicy policy = new AddressPolicy(false);

    assertThatThrownBy(() -> policy.check(URI.create("http://10.0.0.5:8080/feed")))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.ADDRESS))
        .hasMessageContaining("10.0.0.5")
        .hasMessageContaining("ingest.fetch.allow.private");
    assertThatThrownBy(() -> policy.check(URI.create("http://[::1]/feed")))
        .isInstanceOf(FetchException.class);
  }

  @Test
  void shouldAllowEverythingWhenPrivateAddressesAreAllowed() throws Exception {
    new AddressPolicy(true).check(URI.create("http://127.0.0.1/feed"));
  }
}
