package io.wirestream.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which addresses a fetch may reach. A feed URL comes from outside, and so does every redirect:
 * left unchecked, either could make ingest read an internal service (cloud metadata at
 * 169.254.169.254, an admin page on localhost) and publish it. Every address the host resolves to
 * is checked, so a name with one public and one private address is refused too.
 */
public final class AddressPolicy {

  private final Predicate<InetAddress> allowed;
  private final Set<String> exemptHosts;

  /**
   * @param allowPrivate allow every address (tests, intranet feeds)
   */
  public AddressPolicy(boolean allowPrivate) {
    this(allowPrivate ? address -> true : AddressPolicy::isPublic);
  }

  AddressPolicy(Predicate<InetAddress> allowed) {
    this(allowed, Set.of());
  }

  private AddressPolicy(Predicate<InetAddress> allowed, Set<String> exemptHosts) {
    this.allowed = allowed;
    this.exemptHosts = Set.copyOf(exemptHosts);
  }

  /**
   * This policy, but letting through the given hosts ({@link HostPoliteness#hostKey} form: scheme,
   * name and port) whatever they resolve to: a server of one's own on loopback (the demo's),
   * without opening every private address to every feed.
   */
  public AddressPolicy exempting(Set<String> hostKeys) {
    Set<String> all = new HashSet<>(exemptHosts);
    all.addAll(hostKeys);
    return new AddressPolicy(allowed, all);
  }

  /**
   * Resolves the URL's host and refuses it if any of its addresses is not public.
   *
   * @throws FetchException ADDRESS if refused, NETWORK if the name does not resolve
   */
  public void check(URI uri) throws FetchException {
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new FetchException(FetchException.Reason.ADDRESS, uri + ": no host");
    }
    if (!exemptHosts.isEmpty() && exemptHosts.contains(HostPoliteness.hostKey(uri))) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchException.Reason.NETWORK, "unknown host " + host, null, e);
    }
    for (InetAddress address : addresses) {
      if (!allowed.test(address)) {
        throw new FetchException(
            FetchException.Reason.ADDRESS,
            host
                + " resolves to "
                + address.getHostAddress()
                + ", not a public address (ingest.fetch.allow.private is false)");
      }
    }
  }

  /**
   * False for loopback, private (RFC 1918, fc00::/7), link-local, multicast, unspecified,
   * carrier-grade NAT (100.64/10) and IPv4-mapped forms of these.
   */
  public static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return false; // unique local fc00::/7
      }
      if (isMappedV4(b)) {
        try {
          byte[] v4 = {b[12], b[13], b[14], b[15]};
          return isPublic(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return true;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0 || first >= 240) {
      return false; // "this network" and reserved/broadcast
    }
    if (first == 100 && second >= 64 && second <= 127) {
      return false; // carrier-grade NAT, shared address space
    }
    return true;
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
