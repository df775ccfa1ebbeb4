package org.tokenomics.report;

import org.tokenomics.text.Fmt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.tokenomics.spi.RunReport;

/** The JSON output of EMBEDDING.md §3. */
public final class JsonReporter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReporter() {}

  public static String render(RunReport out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", out.file());
    ArrayNode runs = root.putArray("runs");
    for (RunReport.Run run : out.runs()) {
      ObjectNode r = runs.addObject();
      r.put("scenario", run.scenario());
      r.put("samples", run.samples());
      ArrayNode reports = r.putArray("reports");
      for (RunReport.Report rep : run.reports()) {
        ObjectNode o = reports.addObject();
        o.put("name", rep.name());
        o.put("unit", rep.unit());
        if (rep.series()) {
          ArrayNode periods = o.putArray("periods");
          rep.periodsIn(out.periods()).forEach(periods::add);
          ArrayNode values = o.putArray("values");
          for (int i = 0; i < rep.values().length; i++) {
            if (rep.text() != null) {
              values.add(rep.text()[i]);
            } else {
              values.add(Fmt.clean(rep.values()[i]));
            }
          }
        } else if (rep.text() != null) {
          o.put("value", rep.text()[0]);
        } else {
          o.put("value", Fmt.clean(rep.values()[0]));
        }
        if (rep.stats() != null && !rep.stats().isEmpty()) {
          ObjectNode stats = o.putObject("stats");
          for (Map.Entry<String, double[]> e : rep.stats().entrySet()) {
            if (rep.series()) {
              ArrayNode a = stats.putArray(e.getKey());
              for (double v : e.getValue()) {
                a.add(Fmt.clean(v));
              }
            } else {
              stats.put(e.getKey(), Fmt.clean(e.getValue()[0]));
            }
          }
        }
      }
      ArrayNode asserts = r.putArray("assertions");
      for (RunReport.Assertion c : run.assertions()) {
        ObjectNode a = asserts.addObject();
        a.put("message", c.message());
        a.put("line", c.line());
        if (c.file() != null) {
          a.put("file", c.file()); // only for an assertion inherited from an amended base
        }
        a.put("ok", c.ok());
        a.put("failed_share", c.failedShare());
      }
    }
    ArrayNode diags = root.putArray("diagnostics");
    for (RunReport.Message d : out.diagnostics()) {
      ObjectNode o = diags.addObject();
      o.put("severity", d.severity());
      o.put("code", d.code());
      o.put("file", d.file());
      o.put("line", d.line());
      o.put("column", d.column());
      o.put("end_line", d.endLine());
      o.put("end_column", d.endColumn());
      o.put("message", d.message());
      if (d.help() != null) {
        o.put("help", d.help());
      }
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
