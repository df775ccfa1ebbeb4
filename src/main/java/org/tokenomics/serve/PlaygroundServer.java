package org.tokenomics.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Function;

/**
 * The playground's web server (Javalin on Jetty), bound to 127.0.0.1 only: the page, its scripts,
 * the WebJars it uses, and a JSON API over {@link Playground}. Every failure answers with
 * {@code {"error": "…"}} and a status; nothing a request sends can make it print a stack trace.
 */
public final class PlaygroundServer implements AutoCloseable {
  /** The page's own files, in the jar beside this class. */
  static final String WEB = "/org/tokenomics/serve/web";
  static final String HOST = "127.0.0.1";

  private final Playground playground;
  private final Javalin app;

  private PlaygroundServer(Playground playground, Javalin app) {
    this.playground = playground;
    this.app = app;
  }

  /** Starts serving {@code workspace} on 127.0.0.1:{@code port} (0: any free port). */
  static PlaygroundServer start(Workspace workspace, int port) {
    quietLogs();
    Playground pg = new Playground(workspace);
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.http.maxRequestSize = Messages.MAX_REQUEST_BYTES;
      config.staticFiles.enableWebjars();
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/static";
        sf.directory = WEB;
        sf.location = Location.CLASSPATH;
      });
    });
    PlaygroundServer server = new PlaygroundServer(pg, app);
    server.routes();
    app.start(HOST, port);
    return server;
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** The page's address. */
  public String url() {
    return "http://" + HOST + ":" + port() + "/";
  }

  @Override
  public void close() {
    app.stop();
  }

  private void routes() {
    app.before(this::sameOrigin);
    String page = resource("index.html").replace("{{codemirror}}", webjar("codemirror")).replace("{{echarts}}", webjar("echarts"))
        .replace("{{uplot}}", webjar("uplot"));
    app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
    app.get("/api/files", ctx -> {
      ObjectNode o = Json.NODES.objectNode();
      o.put("root", playground.workspace().root().getFileName() == null ? "/"
          : playground.workspace().root().getFileName().toString());
      o.set("files", Json.strings(playground.workspace().list()));
      o.put("initial", playground.workspace().initial());
      json(ctx, o);
    });
    app.get("/api/file", ctx -> {
      String path = ctx.queryParam("path");
      ObjectNode o = Json.NODES.objectNode();
      o.put("path", path);
      o.put("text", playground.workspace().read(path));
      json(ctx, o);
    });
    app.put("/api/file", ctx -> {
      Request req = body(ctx);
      String path = req.string("path");
      String text = req.string("text");
      if (text.length() > Messages.MAX_SOURCE_BYTES) {
        throw new Refused(413, Messages.tooLarge(path));
      }
      playground.workspace().write(path, text);
      json(ctx, Json.NODES.objectNode().put("saved", path));
    });
    post("/api/compile", playground::compile);
    post("/api/evaluate", playground::evaluate);
    post("/api/simulate", playground::simulate);
    post("/api/explain", playground::explain);
    post("/api/hover", playground::hover);
    app.post("/api/download", ctx -> {
      Request req = body(ctx);
      Models.Entry e = playground.entry(req);
      long samples = req.integer("samples", 0);
      if (samples < 0 || samples > Messages.MAX_SAMPLES) {
        throw new Refused(400, Messages.samples());
      }
      Downloads.File f = Downloads.render(e, req.overrides(), req.string("format"), (int) samples, req.integer("seed", 1));
      ctx.header("Content-Disposition", "attachment; filename=\"" + f.name() + "\"");
      ctx.contentType(f.contentType() + "; charset=utf-8").result(f.body());
    });
    app.exception(Refused.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
    app.exception(HttpResponseException.class, (e, ctx) ->
        error(ctx, e.getStatus(), e.getStatus() == 413 ? Messages.TOO_LARGE : e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> error(ctx, 500, Messages.internal(e)));
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(ctx, 404, Messages.NOT_FOUND);
      }
    });
  }

  private void post(String path, Function<Request, ObjectNode> handler) {
    app.post(path, ctx -> json(ctx, handler.apply(body(ctx))));
  }

  /**
   * Refuses requests that another site's page could make through the browser: a Host other than
   * this server's (DNS rebinding) and, for requests that change or compute, a foreign Origin.
   */
  private void sameOrigin(Context ctx) {
    String host = ctx.host();
    String self = HOST + ":" + port();
    String local = "localhost:" + port();
    if (host == null || !(host.equals(self) || host.equals(local))) {
      throw new Refused(403, Messages.FOREIGN);
    }
    String origin = ctx.header("Origin");
    if (ctx.method() != HandlerType.GET && origin != null
        && !(origin.equals("http://" + self) || origin.equals("http://" + local))) {
      throw new Refused(403, Messages.FOREIGN);
    }
  }

  private static Request body(Context ctx) {
    return Request.parse(ctx.body());
  }

  private static void json(Context ctx, JsonNode node) throws JsonProcessingException {
    ctx.contentType("application/json").result(Request.mapper().writeValueAsString(node));
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode o = Json.NODES.objectNode().put("error", message);
    ctx.status(status).contentType("application/json").result(o.toString());
  }

  private static String resource(String name) {
    try (InputStream in = PlaygroundServer.class.getResourceAsStream(WEB + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the playground is missing " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version of a WebJar on the class path (the page's script addresses name it). */
  private static String webjar(String name) {
    Properties p = new Properties();
    try (InputStream in = PlaygroundServer.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the playground is missing the WebJar " + name);
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  /**
   * Jetty and Javalin log through SLF4J: warnings only, unless the user asked for more; Javalin's
   * own messages (a failed start, an oversized body) are said by the playground instead.
   */
  private static void quietLogs() {
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
  }
}
