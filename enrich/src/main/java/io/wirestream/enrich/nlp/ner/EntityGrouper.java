package io.wirestream.enrich.nlp.ner;

import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

    PersonIndex persons = new PersonIndex(typed);
    Map<String, String> acronyms = acronyms(typed);
    Map<String, Group> groups = new LinkedHashMap<>();
    List<Entity> named = new ArrayList<>(typed.size());
    for (int i = 0; i < typed.size(); i++) {
      Entity mention = typed.get(i);
      String code = codes.get(i);
      String canonical;
      if (code != null) {
        canonical = CountryCodes.nameOf(code);
      } else if (mention.type() == EntityType.PERSON) {
        canonical = persons.longerName(i);
      } else if (mention.type() == EntityType.ORGANIZATION) {
        canonical = expandedAcronym(mention.text(), acronyms);
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

  /**
   * The person mentions of an article indexed by every proper suffix of their words, so that the
   * longer names ending with a mention's words are one look-up away instead of a scan of all
   * mentions: grouping stays linear in the number of mentions.
   */
  private static final class PersonIndex {

    private final List<Entity> mentions;
    private final String[] keys;

    /** Suffix key → indexes, ascending, of the person mentions that have more words than it. */
    private final Map<String, List<Integer>> longer = new HashMap<>();

    PersonIndex(List<Entity> mentions) {
      this.mentions = mentions;
      this.keys = new String[mentions.size()];
      for (int j = 0; j < mentions.size(); j++) {
        if (mentions.get(j).type() != EntityType.PERSON) {
          continue;
        }
        String[] words = words(mentions.get(j).text());
        StringBuilder suffix = new StringBuilder();
        for (int k = words.length - 1; k >= 0; k--) {
          // Keys are built from the last word backwards; a space cannot occur in a folded word.
          suffix.insert(0, fold(stripArticle(words[k]))).insert(0, ' ');
          String key = suffix.toString();
          if (k > 0) {
            longer.computeIfAbsent(key, x -> new ArrayList<>()).add(j);
          } else {
            keys[j] = key;
          }
        }
      }
    }

    /** The nearest longer person name before mention i that ends with its words, else after it. */
    String longerName(int i) {
      List<Integer> candidates = longer.get(keys[i]);
      if (candidates == null) {
        return mentions.get(i).text();
      }
      int at = Collections.binarySearch(candidates, i);
      // i itself is never a candidate of its own key: it has exactly as many words as the key.
      int insertion = -at - 1;
      int chosen = insertion > 0 ? candidates.get(insertion - 1) : candidates.get(insertion);
      return mentions.get(chosen).text();
    }
  }

  /**
   * A word as {@link String#equalsIgnoreCase} compares it: equal keys exactly when the words are
   * equal ignoring case, code point by code point.
   */
  private static String fold(String word) {
    StringBuilder out = new StringBuilder(word.length());
    word.codePoints()
        .forEach(cp -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
    return out.toString();
  }

  private static final Pattern ARABIC_ARTICLE =
      Pattern.compile("(?i)(?:al|el|ad|as|ash|ar|an|az|at)-\\p{L}.*");

  /** Drops an Arabic article, so "Assad" ends "Bashar al-Assad". */
  private static String stripArticle(String word) {
    return ARABIC_ARTICLE.matcher(word).matches() ? word.substring(word.indexOf('-') + 1) : word;
  }

  /** Initials of each organisation mention → the first mention with them. */
  private static Map<String, String> acronyms(List<Entity> mentions) {
    Map<String, String> first = new HashMap<>();
    for (Entity m : mentions) {
      if (m.type() == EntityType.ORGANIZATION) {
        String initials = initials(m.text());
        if (!initials.isEmpty()) {
          first.putIfAbsent(initials, m.text());
        }
      }
    }
    return first;
  }

  /** An all-capitals mention ("UN", "U.N.") → the first organisation name it spells. */
  private static String expandedAcronym(String mention, Map<String, String> acronyms) {
    String text = mention.replace(".", "");
    if (text.length() < 2 || text.length() > 6 || !text.equals(text.toUpperCase(Locale.ROOT))) {
      return mention;
    }
    return acronyms.getOrDefault(text, mention);
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

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static String[] words(String text) {
    return SPACES.split(text.strip());
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
