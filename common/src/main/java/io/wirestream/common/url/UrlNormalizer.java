package io.wirestream.common.url;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One spelling for the many a link to the same page takes, so that an article reached through a
 * tracking link, a host-case variant or a fragment gets the id it has everywhere else.
 *
 * <p>The rules, in order (see docs/feeds.md, "URL normalisation"):
 *
 * <ol>
 *   <li>only absolute {@code http} and {@code https} URLs are normalised; anything else is refused;
 *   <li>scheme and host are lowercased, an internationalised host is written in its ASCII
 *       (punycode) form and a trailing dot is dropped;
 *   <li>the default port (80 for http, 443 for https) is dropped;
 *   <li>dot segments are resolved and an empty path becomes {@code /};
 *   <li>percent-escapes are written in upper case, and escapes of unreserved characters ({@code A-Z
 *       a-z 0-9 - . _ ~}) are decoded;
 *   <li>the fragment is dropped;
 *   <li>query parameters that only track the reader ({@link #TRACKING_PREFIXES}, {@link
 *       #TRACKING_PARAMETERS}) are dropped, the rest are sorted by name (stable, so repeated names
 *       keep their order) and an empty query is dropped.
 * </ol>
 *
 * <p>The scheme is kept and {@code www.} is not stripped: both can name a different site, and a
 * merge of such variants is left to duplicate detection on the body, which sees what the pages say.
 */
public final class UrlNormalizer {

  /** Query parameters starting with one of these (compared in lower case) are dropped. */
  public static final List<String> TRACKING_PREFIXES =
      List.of("utm_", "mtm_", "pk_", "hsa_", "at_", "oly_", "__hs", "_hs", "vero_", "ga_");

  /** Query parameters with one of these names (compared in lower case) are dropped. */
  public static final Set<String> TRACKING_PARAMETERS =
      Set.of(
          "fbclid",
          "gclid",
          "gclsrc",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "twclid",
          "ttclid",
          "li_fat_id",
          "igshid",
          "igsh",
          "mc_cid",
          "mc_eid",
          "mkt_tok",
          "_ga",
          "_gl",
          "_openstat",
          "ocid",
          "ncid",
          "cmpid",
          "sr_share",
          "smid",
          "smtyp",
          "rb_clickid",
          "s_cid",
          "wt.mc_id",
          "xtor",
          "spm",
          "ref_src",
          "ref_url",
          "feature",
          "taid",
          "cid_source");

  private UrlNormalizer() {}

  /**
   * The normal form of {@code url}.
   *
   * @throws IllegalArgumentException if it is not an absolute http or https URL
   */
  public static String normalize(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("no URL given");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: '" + url + "': " + e.getReason(), e);
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("not an absolute http or https URL: '" + url + "'");
    }
    String host = uri.getHost();
    int port = uri.getPort();
    String userInfo = uri.getRawUserInfo();
    if (host == null && uri.getRawAuthority() != null) {
      // java.net.URI takes an authority with a non-ASCII host for a registry name and parses none
      // of
      // it; such hosts are common in national news sites' links.
      String authority = uri.getAuthority();
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        userInfo = uri.getRawAuthority().substring(0, uri.getRawAuthority().lastIndexOf('@'));
        authority = authority.substring(at + 1);
      }
      int colon = authority.lastIndexOf(':');
      if (colon >= 0 && authority.substring(colon + 1).matches("\\d{1,5}")) {
        port = Integer.parseInt(authority.substring(colon + 1));
        authority = authority.substring(0, colon);
      }
      host = authority;
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: '" + url + "'");
    }
    try {
      host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("URL has an invalid host: '" + url + "'", e);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
      port = -1;
    }
    String path = uri.normalize().getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    // URI.normalize() leaves a leading "/.." of an absolute path in place; it names the root.
    while (path.startsWith("/../")) {
      path = path.substring(3);
    }
    StringBuilder out = new StringBuilder(url.length());
    out.append(scheme).append("://");
    if (userInfo != null) {
      out.append(userInfo).append('@');
    }
    out.append(host);
    if (port != -1) {
      out.append(':').append(port);
    }
    out.append(escapes(path));
    String query = query(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  /** Whether {@code name} (a raw, possibly escaped query parameter name) only tracks the reader. */
  public static boolean isTracking(String name) {
    String n = decodeUnreserved(name).toLowerCase(Locale.ROOT);
    if (TRACKING_PARAMETERS.contains(n)) {
      return true;
    }
    for (String prefix : TRACKING_PREFIXES) {
      if (n.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String[]> kept = new ArrayList<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (isTracking(name)) {
        continue;
      }
      kept.add(new String[] {escapes(name), escapes(pair)});
    }
    kept.sort(Comparator.comparing((String[] p) -> p[0]));
    StringBuilder out = new StringBuilder();
    for (String[] p : kept) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(p[1]);
    }
    return out.toString();
  }

  /** Upper-case hex in escapes; escapes of unreserved characters decoded. */
  private static String escapes(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
        int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
        if (isUnreserved(value)) {
          out.append((char) value);
        } else {
          out.append('%').append(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String decodeUnreserved(String raw) {
    return escapes(raw);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
