package io.wirestream.common.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What Wirestream never prints: values of secret settings, and credentials inside URLs and error
 * messages. A JDBC URL carries its password as a query parameter ({@code ?password=}) or in the
 * authority ({@code //user:pass@host}); Kafka's SASL and SSL settings carry passwords, private keys
 * and JAAS lines with credentials.
 */
public final class Secrets {

  /** What a hidden value is printed as. */
  public static final String HIDDEN = "[hidden]";

  private static final Pattern QUERY_SECRET =
      Pattern.compile(
          "(?i)\\b(password|passwd|pwd|secret|token|access_token|api_key|apikey)=([^&;\\s\"']*)");

  private static final Pattern AUTHORITY_PASSWORD =
      Pattern.compile("(://[^/:@\\s\"']+):([^@/\\s\"']+)@");

  // sasl.jaas.config: ... password="..." (quoted, so the query pattern does not see it).
  private static final Pattern JAAS_PASSWORD =
      Pattern.compile("(?i)\\b(password|secret|token)\\s*=\\s*\"[^\"]*\"");

  private Secrets() {}

  /** True if the setting's whole value is secret (its name says password, key, token...). */
  public static boolean isSecret(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    return name.contains("password")
        || name.contains("secret")
        || name.contains("token")
        || name.contains("jaas")
        || name.endsWith(".key")
        || name.endsWith(".keys");
  }

  /** The value as it may be shown: hidden for a secret setting, credentials masked otherwise. */
  public static String show(String key, Object value) {
    if (value == null) {
      return "null";
    }
    if (isSecret(key)) {
      return HIDDEN;
    }
    return mask(String.valueOf(value));
  }

  /** Text with every credential it carries (URL passwords, JAAS passwords) replaced. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = JAAS_PASSWORD.matcher(text).replaceAll("$1=\"" + HIDDEN + "\"");
    masked = QUERY_SECRET.matcher(masked).replaceAll("$1=" + HIDDEN);
    return AUTHORITY_PASSWORD.matcher(masked).replaceAll("$1:" + HIDDEN + "@");
  }
}
