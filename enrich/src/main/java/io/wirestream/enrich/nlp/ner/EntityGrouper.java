package io.wirestream.enrich.nlp.ner;

import io.wirestream.common.model.CanonicalEntity;
import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the mentions of one article into the entities they refer to.
 *
 * <p>News style names a person in full first and by surname later ("Vladimir Putin" … "Putin"),
 * so a later mention that is the last word(s) of an earlier, longer name of the same type joins
 * that name. Anything else is its own entity, keyed by type and text.
 */
public final class EntityGrouper {

  /** Mentions with their canonical names filled in, and the entities they make up. */
  public record Grouping(List<Entity> mentions, List<CanonicalEntity> entities) {}

  public Grouping group(List<Entity> mentions) {
    Map<String, Group> groups = new LinkedHashMap<>();
    List<Entity> named = new ArrayList<>(mentions.size());
    for (Entity mention : mentions) {
      String canonical = findLongerName(groups, mention);
      if (canonical == null) {
        canonical = mention.text();
      }
      String key = mention.type() + "\u0000" + canonical;
      groups.computeIfAbsent(key, k -> new Group(canonicalNameOf(key), mention.type(), mention.start())).mentions++;
      named.add(new Entity(mention.text(), mention.type(), mention.start(), mention.end(), canonical));
    }
    List<CanonicalEntity> entities = new ArrayList<>(groups.size());
    for (Group group : groups.values()) {
      entities.add(new CanonicalEntity(group.name, group.type, group.mentions, group.firstStart, null));
    }
    return new Grouping(named, entities);
  }

  private static String canonicalNameOf(String key) {
    return key.substring(key.indexOf('\u0000') + 1);
  }

  private static String findLongerName(Map<String, Group> groups, Entity mention) {
    String text = mention.text();
    String best = null;
    for (Group group : groups.values()) {
      if (group.type == mention.type()
          && group.name.length() > text.length()
          && group.name.endsWith(" " + text)
          && (mention.type() == EntityType.PERSON)) {
        if (best == null || group.name.length() > best.length()) {
          best = group.name;
        }
      }
    }
    return best;
  }

  private static final class Group {
    final String name;
    final EntityType type;
    final int firstStart;
    int mentions;

    Group(String name, EntityType type, int firstStart) {
      this.name = name;
      this.type = type;
      this.firstStart = firstStart;
    }
  }
}
