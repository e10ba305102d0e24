package io.wirestream.cli.demo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.common.serde.Json;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The two figures the demo's summary shows of an enriched record, its entity mentions and its
 * dates, read from the record's JSON by counting the two arrays' elements. The sink already binds
 * every enriched record to an {@code EnrichedArticle}; counting need not do it a second time. The
 * article's {@code finalUrl} is picked up on the way, so that the one record the web-path report
 * shows can be told apart and bound alone ({@link #article()}).
 */
record EnrichedFigures(long entities, long dates, String finalUrl, byte[] json) {

  static final Deserializer<EnrichedFigures> DESERIALIZER = (topic, data) -> read(data);

  static EnrichedFigures read(byte[] json) {
    if (json == null) {
      return null;
    }
    long entities = 0;
    long dates = 0;
    String finalUrl = null;
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new SerializationException("an enriched record is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_ARRAY && field.equals("entities")) {
          entities = countElements(parser);
        } else if (value == JsonToken.START_ARRAY && field.equals("dates")) {
          dates = countElements(parser);
        } else if (value == JsonToken.START_OBJECT && field.equals("article")) {
          finalUrl = finalUrl(parser);
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new SerializationException("unreadable enriched record", e);
    }
    return new EnrichedFigures(entities, dates, finalUrl, json);
  }

  /** The whole record, bound. */
  EnrichedArticle article() {
    try {
      return Json.MAPPER.readValue(json, EnrichedArticle.class);
    } catch (IOException e) {
      throw new SerializationException("unreadable enriched record", e);
    }
  }

  private static String finalUrl(JsonParser parser) throws IOException {
    String url = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_STRING && field.equals("finalUrl")) {
        url = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return url;
  }

  private static long countElements(JsonParser parser) throws IOException {
    long count = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      parser.skipChildren();
      count++;
    }
    return count;
  }
}
