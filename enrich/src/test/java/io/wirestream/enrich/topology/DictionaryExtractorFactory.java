package io.wirestream.enrich.topology;

import io.wirestream.common.model.Entity;
import io.wirestream.common.model.EntityType;
import io.wirestream.enrich.nlp.EntityExtractor;
import io.wirestream.enrich.nlp.EntityExtractorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Finds fixed names by string search: lets topology tests check routing without a model. */
final class DictionaryExtractorFactory implements EntityExtractorFactory {

  private final Map<String, EntityType> names;

  DictionaryExtractorFactory(Map<String, EntityType> names) {
    this.names = names;
  }

  @Override
  public EntityExtractor create() {
    return text -> {
      List<Entity> found = new ArrayList<>();
      names.forEach(
          (name, type) -> {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
              found.add(new Entity(name, type, at, at + name.length(), null));
            }
          });
      found.sort(Comparator.comparingInt(Entity::start));
      return found;
    };
  }

  @Override
  public String modelName() {
    return "dictionary";
  }
}
