package io.wirestream.common.model;

/** The four CoNLL-2003 entity classes, under the names users query by. */
public enum EntityType {
  PERSON("PER"),
  ORGANIZATION("ORG"),
  LOCATION("LOC"),
  MISC("MISC");

  private final String conllTag;

  EntityType(String conllTag) {
    this.conllTag = conllTag;
  }

  /** The tag used in CoNLL-style corpora (PER, ORG, LOC, MISC). */
  public String conllTag() {
    return conllTag;
  }

  /** Maps CoNLL, OntoNotes-ish and OpenNLP type names onto the four classes. */
  public static EntityType fromTag(String tag) {
    return switch (tag.toUpperCase(java.util.Locale.ROOT)) {
      case "PER", "PERSON" -> PERSON;
      case "ORG", "ORGANIZATION", "ORGANISATION" -> ORGANIZATION;
      case "LOC", "LOCATION", "GPE" -> LOCATION;
      case "MISC", "OTH" -> MISC;
      default -> throw new IllegalArgumentException("unknown entity type '" + tag + "'");
    };
  }
}
