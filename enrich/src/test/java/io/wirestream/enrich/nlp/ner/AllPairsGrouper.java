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
 * The grouping as it was first written: every mention compared with every other, each pair's names
 * split again. Kept as the reference the indexed {@link EntityGrouper} must agree with.
 */
final class AllPairsGrouper {

  private AllPairsGrouper() {}

  static EntityGrouper.Grouping group(List<Entity> mentions) {
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
    Map<String, Object[]> groups = new LinkedHashMap<>();
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
      // name, type, firstStart, code, mentions
      Object[] g =
          groups.computeIfAbsent(
              key, k -> new Object[] {canonical, mention.type(), mention.start(), code, 0});
      g[4] = (Integer) g[4] + 1;
      g[2] = Math.min((Integer) g[2], mention.start());
      named.add(
          new Entity(
              mention.text(), mention.type(), mention.start(), mention.end(), (String) g[0]));
    }
    List<CanonicalEntity> entities = new ArrayList<>();
    for (Object[] g : groups.values()) {
      entities.add(
          new CanonicalEntity(
              (String) g[0], (EntityType) g[1], (Integer) g[4], (Integer) g[2], (String) g[3]));
    }
    entities.sort(java.util.Comparator.comparingInt(CanonicalEntity::firstStart));
    return new EntityGrouper.Grouping(named, entities);
  }

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
}
