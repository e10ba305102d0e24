package io.wirestream.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One mention of a named entity in an article body.
 *
 * <p>{@code start} and {@code end} are UTF-16 character offsets into {@link Article#body()} (end
 * exclusive), so {@code body.substring(start, end).equals(text)} holds. {@code canonical} names the
 * entity the mention refers to ("Putin" → "Vladimir Putin").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(String text, EntityType type, int start, int end, String canonical) {

  public Entity {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + "," + end + ") for '" + text + "'");
    }
  }
}
