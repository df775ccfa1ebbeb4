package org.tokenomics.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request body: a JSON object whose fields are checked as they are read (400 with a message otherwise). */
final class Request {
  /** Nesting deeper than any request of the page needs is refused before it costs anything. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(16).maxStringLength((int) Messages.MAX_REQUEST_BYTES).maxNumberLength(64).build());
  }

  private final JsonNode body;

  private Request(JsonNode body) {
    this.body = body;
  }

  static Request parse(String text) {
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n == null || !n.isObject()) {
        throw new Refused(400, Messages.BAD_JSON);
      }
      return new Request(n);
    } catch (JsonProcessingException e) {
      throw new Refused(400, Messages.BAD_JSON);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  String string(String field) {
    String s = optionalString(field);
    if (s == null) {
      throw new Refused(400, Messages.missingField(field));
    }
    return s;
  }

  String optionalString(String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new Refused(400, Messages.badField(field, "a string"));
    }
    return n.asText();
  }

  boolean flag(String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw new Refused(400, Messages.badField(field, "true or false"));
    }
    return n.asBoolean();
  }

  long integer(String field, long dflt) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.canConvertToLong() || !n.isIntegralNumber()) {
      throw new Refused(400, Messages.badField(field, "a whole number"));
    }
    return n.asLong();
  }

  /** {@code "overrides": {"param": "Tok expression"}}; empty when absent. */
  Map<String, String> overrides() {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode n = body.get("overrides");
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw new Refused(400, Messages.badField("overrides", "an object of param names to Tok expressions"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new Refused(400, Messages.badField("overrides", "an object of param names to Tok expressions"));
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }
}
