package org.tokenomics.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The TextMate grammar is valid JSON whose patterns compile and colour what they should. */
class EditorFilesTest {
  @Test
  void grammarPatternsCompileAndMatchTok() throws Exception {
    JsonNode g = new ObjectMapper().readTree(Path.of("dsl/editors/tok.tmLanguage.json").toFile());
    assertEquals("source.tok", g.get("scopeName").asText());
    List<Pattern> patterns = new ArrayList<>();
    collect(g, patterns);
    assertTrue(patterns.size() > 15);
    Pattern date = find(g, "constant.numeric.date.tok");
    assertTrue(date.matcher("2027-06").find());
    Pattern money = find(g, "constant.numeric.money.tok");
    assertTrue(money.matcher("$50B").find());
    Pattern unit = find(g, "support.constant.unit.tok");
    assertTrue(unit.matcher("700 W").find() && unit.matcher("10 Mtok").find());
  }

  private static void collect(JsonNode n, List<Pattern> out) {
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        if (List.of("match", "begin", "end").contains(e.getKey())) {
          out.add(Pattern.compile(e.getValue().asText(), Pattern.MULTILINE));
        } else {
          collect(e.getValue(), out);
        }
      });
    } else if (n.isArray()) {
      n.forEach(c -> collect(c, out));
    }
  }

  private static Pattern find(JsonNode n, String name) {
    if (n.isObject()) {
      if (n.has("name") && n.get("name").asText().equals(name) && n.has("match")) {
        return Pattern.compile(n.get("match").asText());
      }
      for (JsonNode c : n) {
        Pattern p = find(c, name);
        if (p != null) {
          return p;
        }
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        Pattern p = find(c, name);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }
}
