package io.wirestream.enrich.nlp.ner;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 alpha-2 codes by English country name, from the JDK's locale data plus the short and
 * older names news copy uses ("U.S.", "Britain", "Ivory Coast").
 */
public final class CountryCodes {

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("us", "US"),
          Map.entry("u.s.", "US"),
          Map.entry("usa", "US"),
          Map.entry("u.s.a.", "US"),
          Map.entry("america", "US"),
          Map.entry("united states of america", "US"),
          Map.entry("the united states", "US"),
          Map.entry("uk", "GB"),
          Map.entry("u.k.", "GB"),
          Map.entry("britain", "GB"),
          Map.entry("great britain", "GB"),
          Map.entry("england", "GB"),
          Map.entry("scotland", "GB"),
          Map.entry("wales", "GB"),
          Map.entry("northern ireland", "GB"),
          Map.entry("russian federation", "RU"),
          Map.entry("soviet union", "RU"),
          Map.entry("south korea", "KR"),
          Map.entry("republic of korea", "KR"),
          Map.entry("north korea", "KP"),
          Map.entry("iran", "IR"),
          Map.entry("syria", "SY"),
          Map.entry("uae", "AE"),
          Map.entry("u.a.e.", "AE"),
          Map.entry("holland", "NL"),
          Map.entry("the netherlands", "NL"),
          Map.entry("burma", "MM"),
          Map.entry("ivory coast", "CI"),
          Map.entry("czech republic", "CZ"),
          Map.entry("vatican", "VA"),
          Map.entry("vatican city", "VA"),
          Map.entry("taiwan", "TW"),
          Map.entry("macedonia", "MK"),
          Map.entry("swaziland", "SZ"),
          Map.entry("turkey", "TR"),
          Map.entry("congo", "CG"),
          Map.entry("dr congo", "CD"),
          Map.entry("democratic republic of congo", "CD"),
          Map.entry("democratic republic of the congo", "CD"),
          Map.entry("laos", "LA"),
          Map.entry("vietnam", "VN"),
          Map.entry("bolivia", "BO"),
          Map.entry("venezuela", "VE"),
          Map.entry("tanzania", "TZ"),
          Map.entry("moldova", "MD"),
          Map.entry("palestine", "PS"),
          Map.entry("east timor", "TL"),
          Map.entry("cape verde", "CV"),
          Map.entry("brunei", "BN"));

  private static final Map<String, String> BY_NAME = build();

  private CountryCodes() {}

  private static Map<String, String> build() {
    Map<String, String> byName = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale.Builder().setRegion(code).build();
      byName.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
    }
    byName.putAll(ALIASES);
    return Map.copyOf(byName);
  }

  /** The alpha-2 code of a country name, any case; empty if it is not a country. */
  public static Optional<String> codeOf(String name) {
    return Optional.ofNullable(BY_NAME.get(key(name)));
  }

  /** The English name of a country code ("US" → "United States"). */
  public static String nameOf(String code) {
    return new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
  }

  /** Every name known, lowercased, with its code. */
  public static Map<String, String> names() {
    return BY_NAME;
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
