package org.tokenomics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of {@code tok serve} over real HTTP: answers, refusals, and no stack traces. */
class ServeServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dir;
  static Path outside;
  static PlaygroundServer server;

  @BeforeAll
  static void start() throws IOException {
    Path root = Files.createDirectory(dir.resolve("models"));
    Files.writeString(root.resolve("buildout.tok"), model());
    Files.createDirectory(root.resolve("sub"));
    Files.writeString(root.resolve("sub/part.tok"), "param growth = 3 %\n");
    Files.writeString(root.resolve("sub/uses.tok"), "import \"part.tok\"\nreport g = growth as %\n");
    Files.writeString(root.resolve("notes.txt"), "not a model");
    outside = Files.writeString(dir.resolve("secret.tok"), "param secret = 1\n");
    Files.createSymbolicLink(root.resolve("link.tok"), outside);
    server = PlaygroundServer.start(Workspace.of(root), 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String model() throws IOException {
    try (InputStream in = ServeServerTest.class.getResourceAsStream("buildout.tok")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode ok(String method, String path, Object body) throws Exception {
    HttpResponse<String> r = send(method, path, body == null ? null : JSON.writeValueAsString(body), Map.of());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  /** A refusal: the status, and a JSON error message that is not a stack trace. */
  static String refused(int status, String method, String path, String body) throws Exception {
    HttpResponse<String> r = send(method, path, body, Map.of());
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
    String error = JSON.readTree(r.body()).get("error").asText();
    assertFalse(error.contains("Exception") || error.contains("\tat "), error);
    return error;
  }

  static String compiled(String text) throws Exception {
    JsonNode r = ok("POST", "/api/compile", Map.of("path", "buildout.tok", "text", text));
    assertTrue(r.get("ok").asBoolean(), r.toString());
    return r.get("id").asText();
  }

  @Test
  void servesThePageWithItsWebJarsOnLoopbackOnly() throws Exception {
    assertTrue(server.url().startsWith("http://127.0.0.1:"));
    HttpResponse<String> page = send("GET", "/", null, Map.of());
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("{{"), "every WebJar version filled in");
    for (String src : page.body().split("(src|href)=\"")) {
      if (src.startsWith("/")) {
        String url = src.substring(0, src.indexOf('"'));
        assertEquals(200, send("GET", url, null, Map.of()).statusCode(), url);
      }
    }
    // Not reachable on any other address of this machine.
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          assertThrows(ConnectException.class, () -> new Socket(a, server.port()).close(), a.toString());
        }
      }
    }
  }

  @Test
  void listsReadsAndSavesModelsInsideTheFolder() throws Exception {
    JsonNode files = ok("GET", "/api/files", null);
    assertEquals("[\"buildout.tok\",\"sub/part.tok\",\"sub/uses.tok\"]", files.get("files").toString());
    assertEquals("buildout.tok", files.get("initial").asText());
    assertEquals("param growth = 3 %\n", ok("GET", "/api/file?path=sub/part.tok", null).get("text").asText());
    ok("PUT", "/api/file", Map.of("path", "sub/new.tok", "text", "param x = 2\n"));
    assertEquals("param x = 2\n", Files.readString(dir.resolve("models/sub/new.tok")));
    refused(404, "GET", "/api/file?path=missing.tok", null);
    refused(404, "PUT", "/api/file", "{\"path\": \"nofolder/x.tok\", \"text\": \"\"}");
  }

  @Test
  void refusesEveryPathOutsideTheFolder() throws Exception {
    for (String p : new String[] {"../secret.tok", "sub/../../secret.tok", "%2e%2e/secret.tok", "%2Fetc%2Fpasswd.tok",
        outside.toString().replace("/", "%2F"), "link.tok", "notes.txt", "..%5Csecret.tok", "C:%5Cx.tok"}) {
      int status = send("GET", "/api/file?path=" + p, null, Map.of()).statusCode();
      assertTrue(status == 403 || status == 400, p + " gave " + status);
    }
    assertTrue(refused(403, "GET", "/api/file?path=../secret.tok", null).contains("outside the served folder"));
    assertTrue(refused(403, "GET", "/api/file?path=link.tok", null).contains("links out"));
    refused(403, "PUT", "/api/file", "{\"path\": \"../evil.tok\", \"text\": \"param x = 1\"}");
    refused(403, "PUT", "/api/file", "{\"path\": \"link.tok\", \"text\": \"param x = 1\"}");
    refused(403, "PUT", "/api/file", "{\"path\": \"run.sh\", \"text\": \"echo\"}");
    assertFalse(Files.exists(dir.resolve("evil.tok")));
    assertEquals("param secret = 1\n", Files.readString(outside));
    // A compile's imports follow the same rule.
    JsonNode r = ok("POST", "/api/compile", Map.of("path", "sub/uses.tok", "text", "import \"../../secret.tok\"\n"));
    assertTrue(r.get("diagnostics").get(0).get("message").asText().contains("leaves the root"), r.toString());
    r = ok("POST", "/api/compile", Map.of("path", "sub/uses.tok", "text", "import \"part.tok\"\nreport g = growth as %\n"));
    assertTrue(r.get("ok").asBoolean(), "imports resolve beside the edited file: " + r);
  }

  @Test
  void refusesBadJsonHugeBodiesAndForeignPages() throws Exception {
    assertEquals(Messages.BAD_JSON, refused(400, "POST", "/api/compile", "{not json"));
    refused(400, "POST", "/api/compile", "[1, 2]");
    refused(400, "POST", "/api/compile", "");
    assertTrue(refused(400, "POST", "/api/compile", "{\"path\": 3, \"text\": \"\"}").contains("\"path\""));
    assertTrue(refused(400, "POST", "/api/compile", "{\"path\": \"buildout.tok\"}").contains("\"text\""));
    refused(400, "POST", "/api/compile", "[".repeat(5000) + "]".repeat(5000));
    refused(400, "POST", "/api/evaluate", "{\"id\": \"m1\", \"overrides\": [1]}");
    refused(413, "POST", "/api/compile", "{\"path\": \"x.tok\", \"text\": \"" + "x".repeat(4 << 20) + "\"}");
    refused(413, "POST", "/api/compile", "{\"path\": \"x.tok\", \"text\": \"" + "x".repeat((1 << 20) + 1) + "\"}");
    refused(409, "POST", "/api/evaluate", "{\"id\": \"m999999\"}");
    refused(404, "GET", "/api/nothing", null);
    HttpResponse<String> foreign = send("POST", "/api/compile", "{}", Map.of("Origin", "http://evil.example"));
    assertEquals(403, foreign.statusCode());
  }

  @Test
  void compileErrorsAreDiagnosticsAndTheModelAnswersWithReportsParamsAndScenarios() throws Exception {
    JsonNode bad = ok("POST", "/api/compile", Map.of("path", "buildout.tok", "text", "let x = 1 GW + $1B\nreport x\n"));
    assertFalse(bad.get("ok").asBoolean());
    JsonNode d = bad.get("diagnostics").get(0);
    assertEquals("TOK300", d.get("code").asText());
    assertEquals(1, d.get("line").asInt());
    assertEquals("buildout.tok", d.get("file").asText());
    assertTrue(d.get("text").asText().contains("error[TOK300]"));

    JsonNode r = ok("POST", "/api/compile", Map.of("path", "buildout.tok", "text", model()));
    assertEquals(60, r.get("periods").size());
    assertEquals("[\"bear\",\"bull\"]", r.get("scenarios").toString());
    assertEquals(3, r.get("runs").size(), "base and both scenarios");
    JsonNode capex = param(r, "capex_per_gw").get("slider");
    assertEquals("$B/GW", capex.get("unit").asText());
    assertEquals(40, capex.get("min").asDouble(), 1e-9);
    assertEquals(55, capex.get("max").asDouble(), 1e-9);
    JsonNode capacity = param(r, "capacity").get("slider");
    assertEquals("GW", capacity.get("unit").asText());
    assertEquals(0, capacity.get("min").asDouble());
    assertEquals(4, capacity.get("max").asDouble(), 1e-9);
    JsonNode power = param(r, "power_price").get("slider");
    // lognormal(50, 120) has p5 50 and p95 120: the slider spans its support from 0 to its p99.5
    assertEquals(0, power.get("min").asDouble(), power.toString());
    assertEquals(153.7, power.get("max").asDouble(), 0.1, power.toString());
    assertFalse(param(r, "build_start").has("slider"), "a date has a text box, not a slider");
    JsonNode domained = param(ok("POST", "/api/compile", Map.of("path", "buildout.tok", "text",
        "param usage = 60 % within 20 % to 90 %\nreport usage as %\n")), "usage").get("slider");
    JsonNode discrete = param(ok("POST", "/api/compile", Map.of("path", "buildout.tok", "text",
        "param delay = discrete([0 month: 50 %, 3 month: 30 %, 6 month: 0 %, 12 month: 20 %])\nreport delay as month\n")),
        "delay").get("slider");
    assertEquals("month", discrete.get("unit").asText());
    assertEquals("[0.0,3.0,12.0]", discrete.get("values").toString(), "a discrete param steps through the values it can take");
    assertEquals(0, discrete.get("min").asDouble(), 1e-9);
    assertEquals(12, discrete.get("max").asDouble(), 1e-9);
    assertFalse(power.has("values"), "a continuous distribution's slider is continuous");
    assertEquals(20, domained.get("min").asDouble(), 1e-9, "a slider spans the param's domain");
    assertEquals(90, domained.get("max").asDouble(), 1e-9);
    assertEquals(-75.11, report(r.get("runs").get(0), "value").get("values").get(0).asDouble(), 0.01);
    assertEquals(60, report(r.get("runs").get(0), "revenue").get("values").size());
  }

  @Test
  void evaluatesUnderOverridesAndReportsBadOnesAsDiagnostics() throws Exception {
    String id = compiled(model());
    JsonNode base = ok("POST", "/api/evaluate", Map.of("id", id));
    JsonNode cheap = ok("POST", "/api/evaluate", Map.of("id", id, "overrides", Map.of("capex_per_gw", "30 $B/GW"),
        "scenarios", true));
    assertEquals(1, base.get("runs").size());
    assertEquals(3, cheap.get("runs").size());
    double v0 = report(base.get("runs").get(0), "value").get("values").get(0).asDouble();
    double v1 = report(cheap.get("runs").get(0), "value").get("values").get(0).asDouble();
    assertTrue(v1 > v0, v0 + " → " + v1);
    assertEquals("bear", cheap.get("runs").get(1).get("scenario").asText());

    JsonNode wrong = ok("POST", "/api/evaluate", Map.of("id", id, "overrides", Map.of("capex_per_gw", "40 %")));
    assertEquals(0, wrong.get("runs").size());
    assertTrue(wrong.get("diagnostics").get(0).get("message").asText().contains("capex_per_gw"));
    JsonNode zero = ok("POST", "/api/evaluate", Map.of("id", id, "overrides", Map.of("build_time", "0 month")));
    assertEquals("TOK500", zero.get("diagnostics").get(0).get("code").asText(), zero.toString());
  }

  @Test
  void simulatesWithFansAndATornado() throws Exception {
    String id = compiled(model());
    JsonNode r = ok("POST", "/api/simulate", Map.of("id", id, "samples", 500, "seed", 7));
    assertEquals(500, r.get("samples").asInt());
    JsonNode revenue = report(r, "revenue");
    assertEquals(60, revenue.get("p5").size());
    for (int i = 0; i < 60; i++) {
      assertTrue(revenue.get("p5").get(i).asDouble() <= revenue.get("p95").get(i).asDouble());
    }
    JsonNode t = r.get("tornado");
    assertEquals("value", t.get("output").asText());
    assertEquals(3, t.get("bars").size(), "one bar per uncertain param");
    assertNotEquals(t.get("bars").get(0).get("low").asDouble(), t.get("bars").get(0).get("high").asDouble());
    assertEquals(r.toString(), ok("POST", "/api/simulate", Map.of("id", id, "samples", 500, "seed", 7)).toString(),
        "the same seed gives the same page");
    refused(400, "POST", "/api/simulate", JSON.writeValueAsString(Map.of("id", id, "samples", 0)));
    refused(400, "POST", "/api/simulate", JSON.writeValueAsString(Map.of("id", id, "samples", 10_000_000)));
    refused(400, "POST", "/api/simulate", JSON.writeValueAsString(Map.of("id", id, "samples", "many")));
  }

  @Test
  void explainsAValueWithItsInputs() throws Exception {
    String id = compiled(model());
    JsonNode r = ok("POST", "/api/explain", Map.of("id", id, "name", "value"));
    JsonNode tree = r.get("tree");
    assertEquals("value", tree.get("name").asText());
    assertTrue(tree.get("expression").asText().contains("npv"));
    assertTrue(tree.get("inputs").toString().contains("\"cash\""));
    JsonNode unknown = ok("POST", "/api/explain", Map.of("id", id, "name", "valeu"));
    assertFalse(unknown.has("tree"));
    assertTrue(unknown.get("diagnostics").get(0).get("help").asText().contains("value"));
  }

  @Test
  void hoversLikeTheLanguageServer() throws Exception {
    String text = model();
    int at = text.indexOf("capex_per_gw *") + 2;
    JsonNode r = ok("POST", "/api/hover", Map.of("path", "buildout.tok", "text", text, "offset", at));
    assertTrue(r.get("hover").asText().contains("capex_per_gw"), r.toString());
    assertTrue(r.get("hover").asText().contains("$"), r.toString());
    assertTrue(ok("POST", "/api/hover", Map.of("path", "buildout.tok", "text", text, "offset", 10_000_000))
        .get("hover").isNull());
    assertTrue(ok("POST", "/api/hover", Map.of("path", "buildout.tok", "text", "let x = (", "offset", 4))
        .has("hover"), "a text that does not parse still answers");
    refused(403, "POST", "/api/hover", "{\"path\": \"../x.tok\", \"text\": \"\", \"offset\": 0}");
  }

  @Test
  void downloadsTheCommandLinesFormats() throws Exception {
    String id = compiled(model());
    ObjectNode req = JSON.createObjectNode().put("id", id).put("format", "json");
    HttpResponse<String> json = send("POST", "/api/download", req.toString(), Map.of());
    assertEquals(200, json.statusCode());
    assertEquals("attachment; filename=\"buildout.json\"", json.headers().firstValue("Content-Disposition").orElse(""));
    JsonNode doc = JSON.readTree(json.body());
    assertEquals(3, doc.get("runs").size());
    assertEquals(60, doc.get("runs").get(0).get("reports").get(0).get("periods").size());
    req.put("format", "csv").put("samples", 200);
    String csv = send("POST", "/api/download", req.toString(), Map.of()).body();
    assertTrue(csv.startsWith("scenario,report,period,value,unit,mean,p5,p50,p95,se,below_zero\n"), csv.substring(0, 80));
    req.put("format", "html").put("samples", 0);
    assertTrue(send("POST", "/api/download", req.toString(), Map.of()).body().contains("<svg"));
    req.put("format", "xls");
    assertTrue(refused(400, "POST", "/api/download", req.toString()).contains("unknown download format"));
  }

  static JsonNode param(JsonNode compiled, String name) {
    for (JsonNode p : compiled.get("params")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no param " + name);
  }

  static JsonNode report(JsonNode run, String name) {
    for (JsonNode p : run.get("reports")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no report " + name);
  }
}
