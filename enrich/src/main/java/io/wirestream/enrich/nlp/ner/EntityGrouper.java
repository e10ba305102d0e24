package io.wirestream.enrich.nlp.ner;

import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Groups the mentions of one article into the entities they refer to. Stateless and thread-safe.
 *
 * <ul>
 *   <li>Countries: every name of a country ("US", "U.S.", "United States") joins one entity named
 *       by its English name and carrying its ISO 3166-1 alpha-2 code; the mention is typed LOCATION
 *       even where the tagger said ORGANIZATION, as it does for "US" in "US airstrikes".
 *   <li>People: news names a person in full and elsewhere by surname ("Vladimir Putin" … "Putin",
 *       "Bashar al-Assad" … "Assad"). A mention whose words end a longer person name of the article
 *       joins it: the nearest such name before it, else the first after it.
 *   <li>Organisations: an all-capitals mention that spells the initials of a longer organisation
 *       name of the article ("UN" for "United Nations") joins it.
 *   <li>Anything else is its own entity, keyed by type and text, ignoring case.
 * </ul>
 */
public final class EntityGrouper {

  /** Mentions with their canonical names filled in, and the entities they make up. */
  public record Grouping(List<Entity> mentions, List<CanonicalEntity> entities) {}

  public Grouping group(List<Entity> mentions) {
    List<Entity> typed = new ArrayList<>(mentions.size());
    List<String> codes = new ArrayList<>(mentions.size());
    for (Entity m : mentions) {
      Optional<String> code =
          m.type() == EntityType.MISC ? Optional.empty() : CountryCodes.codeOf(m.text());
      codes.add(code.orElse(null));
      typed.add(
          code.isPresent() && m.type() != EntityType.LOCATION
              ? new Entity(m.text(), EntityType.LOCATION, m.start(), m.end(), m.canonical())
              : m);
    }

    Map<String, Group> groups = new LinkedHashMap<>();
    List<Entity> named = new ArrayList<>(typed.size());
    for (int i = 0; i < typed.size(); i++) {
      Entity mention = typed.get(i);
      String code = codes.get(i);
      String canonical;
      if (code != null) {
        canonical = CountryCodes.nameOf(code);
      } else if (mention.type() == EntityType.PERSON) {
        canonical = longerPersonName(typed, i);
      } else if (mention.type() == EntityType.ORGANIZATION) {
        canonical = expandedAcronym(typed, i);
      } else {
        canonical = mention.text();
      }
      String key = mention.type() + "\u0000" + canonical.toLowerCase(Locale.ROOT);
      Group group =
          groups.computeIfAbsent(
              key, k -> new Group(canonical, mention.type(), mention.start(), code));
      group.mentions++;
      group.firstStart = Math.min(group.firstStart, mention.start());
      named.add(
          new Entity(mention.text(), mention.type(), mention.start(), mention.end(), group.name));
    }
    List<CanonicalEntity> entities = new ArrayList<>(groups.size());
    for (Group g : groups.values()) {
      entities.add(new CanonicalEntity(g.name, g.type, g.mentions, g.firstStart, g.countryCode));
    }
    entities.sort(java.util.Comparator.comparingInt(CanonicalEntity::firstStart));
    return new Grouping(named, entities);
  }

  /** The nearest longer person name before mention i that ends with its words, else after it. */
  private static String longerPersonName(List<Entity> mentions, int i) {
    String[] words = words(mentions.get(i).text());
    String before = null;
    String after = null;
    for (int j = 0; j < mentions.size(); j++) {
      Entity other = mentions.get(j);
      if (j == i || other.type() != EntityType.PERSON) {
        continue;
      }
      String[] longer = words(other.text());
      if (longer.length > words.length && endsWith(longer, words)) {
        if (j < i) {
          before = other.text();
        } else if (after == null) {
          after = other.text();
        }
      }
    }
    return before != null ? before : after != null ? after : mentions.get(i).text();
  }

  /** Compares words ignoring case and Arabic articles, so "Assad" ends "Bashar al-Assad". */
  private static boolean endsWith(String[] longer, String[] suffix) {
    int offset = longer.length - suffix.length;
    for (int k = 0; k < suffix.length; k++) {
      if (!stripArticle(longer[offset + k]).equalsIgnoreCase(stripArticle(suffix[k]))) {
        return false;
      }
    }
    return true;
  }

  private static String stripArticle(String word) {
    return word.matches("(?i)(?:al|el|ad|as|ash|ar|an|az|at)-\\p{L}.*")
        ? word.substring(word.indexOf('-') + 1)
        : word;
  }

  private static String expandedAcronym(List<Entity> mentions, int i) {
    String text = mentions.get(i).text().replace(".", "");
    if (text.length() < 2 || text.length() > 6 || !text.equals(text.toUpperCase(Locale.ROOT))) {
      return mentions.get(i).text();
    }
    for (Entity other : mentions) {
      if (other.type() == EntityType.ORGANIZATION && initials(other.text()).equals(text)) {
        return other.text();
      }
    }
    return mentions.get(i).text();
  }

  /** Initials of the capitalised words: "United Nations Security Council" → "UNSC". */
  private static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String w : words(name)) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
        out.append(w.charAt(0));
      }
    }
    return out.length() < 2 ? "" : out.toString();
  }

  private static String[] words(String text) {
    return Arrays.stream(text.strip().split("\\s+")).toArray(String[]::new);
  }

  private static final class Group {
    final String name;
    final EntityType type;
    final String countryCode;
    int firstStart;
    int mentions;

    Group(String name, EntityType type, int firstStart, String countryCode) {
      this.name = name;
      this.type = type;
      this.firstStart = firstStart;
      this.countryCode = countryCode;
    }
  }
}
