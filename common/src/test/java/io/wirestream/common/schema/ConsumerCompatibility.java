package io.wirestream.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What in a newer schema would break a consumer written against an older one: a property removed or
 * renamed (the old name is gone), retyped, a {@code $ref} pointed elsewhere, an optional property
 * made required or a required one made optional, or an enum that gained a value the consumer cannot
 * map. Adding optional properties is fine. Walks {@code properties}, {@code items} and {@code
 * $defs} of both schemas in step.
 */
final class ConsumerCompatibility {

  private ConsumerCompatibility() {}

  static List<String> breakingChanges(JsonNode old, JsonNode current) {
    List<String> problems = new ArrayList<>();
    compare("", old, current, problems);
    return problems;
  }

  private static void compare(String path, JsonNode old, JsonNode now, List<String> problems) {
    for (String keyword : List.of("type", "$ref", "format")) {
      if (old.has(keyword) && !old.get(keyword).equals(now.get(keyword))) {
        problems.add(
            path
                + ": "
                + keyword
                + " changed from "
                + old.get(keyword)
                + " to "
                + now.get(keyword));
      }
    }
    if (old.has("enum")) {
      Set<JsonNode> allowed = new HashSet<>();
      old.get("enum").forEach(allowed::add);
      if (!now.has("enum")) {
        problems.add(path + ": enum dropped, so any value may now appear");
      } else {
        now.get("enum")
            .forEach(
                value -> {
                  if (!allowed.contains(value)) {
                    problems.add(path + ": enum gained " + value);
                  }
                });
      }
    }
    Set<String> oldRequired = names(old.get("required"));
    Set<String> nowRequired = names(now.get("required"));
    JsonNode oldProperties = old.path("properties");
    JsonNode nowProperties = now.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = oldProperties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String name = property.getKey();
      String at = path + "/" + name;
      if (!nowProperties.has(name)) {
        problems.add(at + ": removed or renamed");
        continue;
      }
      if (oldRequired.contains(name) != nowRequired.contains(name)) {
        problems.add(
            at
                + (oldRequired.contains(name)
                    ? ": required made optional"
                    : ": optional made required"));
      }
      compare(at, property.getValue(), nowProperties.get(name), problems);
    }
    if (old.has("items")) {
      if (!now.has("items")) {
        problems.add(path + "[]: items schema removed");
      } else {
        compare(path + "[]", old.get("items"), now.get("items"), problems);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = old.path("$defs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> def = it.next();
      JsonNode nowDef = now.path("$defs").get(def.getKey());
      if (nowDef == null) {
        problems.add(path + "/$defs/" + def.getKey() + ": removed");
      } else {
        compare(path + "/$defs/" + def.getKey(), def.getValue(), nowDef, problems);
      }
    }
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new HashSet<>();
    if (array != null) {
      array.forEach(node -> names.add(node.asText()));
    }
    return names;
  }
}
