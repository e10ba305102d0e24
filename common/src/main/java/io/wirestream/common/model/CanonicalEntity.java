package io.wirestream.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entity an article refers to, with all its mentions grouped ("Putin", "Vladimir Putin" →
 * Vladimir Putin). {@code countryCode} is the ISO 3166-1 alpha-2 code of a country, else null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CanonicalEntity(
    String name, EntityType type, int mentions, int firstStart, String countryCode) {}
