package org.tokenomics.serve;

import java.nio.file.Path;

/** Every message {@code tok serve} shows, in one place (the page shows them as they are). */
final class Messages {
  private Messages() {}

  /** The largest model text read or written: the compiler's own limit (Limits.DEFAULT). */
  static final long MAX_SOURCE_BYTES = org.tokenomics.Limits.DEFAULT.maxSourceBytes();
  /** The largest request body: a model at the limit, as JSON (escapes may double it), and room. */
  static final long MAX_REQUEST_BYTES = 3L << 20;
  /** Monte Carlo samples the page may ask for in one run: enough for smooth fans, quick to draw. */
  static final int MAX_SAMPLES = 200_000;

  static final String PATH_MISSING = "name a .tok file inside the served folder";
  static final String BAD_JSON = "the request is not the JSON object this endpoint takes";
  static final String TOO_LARGE = "the request is larger than " + (MAX_REQUEST_BYTES >> 20) + " MiB";
  static final String MODEL_GONE = "this model is no longer held by the server; compile it again";
  static final String NO_MODEL = "the model does not compile; fix the errors first";
  static final String NOT_FOUND = "no such page";
  static final String FOREIGN = "requests must come from the playground's own page (http://127.0.0.1:PORT/)";

  static String noSuchFileOrFolder(Path p) {
    return "no such file or folder: " + p;
  }

  static String outsideRoot(String p) {
    return "'" + p + "' is outside the served folder; only files inside it can be read or written";
  }

  static String linksOut(String p) {
    return "'" + p + "' links out of the served folder";
  }

  static String onlyTok(String p) {
    return "'" + p + "' is not a .tok file; only models can be read or written";
  }

  static String badPath(String p) {
    return "'" + p + "' is not a valid path";
  }

  static String notFound(String p) {
    return "no file '" + p + "' in the served folder";
  }

  static String noFolder(String p) {
    return "cannot save '" + p + "': its folder does not exist";
  }

  static String tooLarge(String p) {
    return "'" + p + "' is larger than the limit of " + MAX_SOURCE_BYTES + " characters";
  }

  static String cannotRead(String p, Exception e) {
    return "cannot read '" + p + "': " + reason(e);
  }

  static String cannotWrite(String p, Exception e) {
    return "cannot save '" + p + "': " + reason(e);
  }

  static String missingField(String field) {
    return "the request needs \"" + field + "\"";
  }

  static String badField(String field, String want) {
    return "\"" + field + "\" must be " + want;
  }

  static String samples() {
    return "\"samples\" must be from 1 to " + MAX_SAMPLES;
  }

  static String unknownFormat(String f) {
    return "unknown download format '" + f + "' (json, csv or html)";
  }

  static String internal(Throwable t) {
    return "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
        + " — this is a bug in tok; please report it with the model that caused it";
  }

  static String started(String url, Path root) {
    return "tok serve: " + url + " (serving " + root + "; Ctrl-C stops)";
  }

  static String portInUse(int port) {
    return "tok: cannot listen on 127.0.0.1:" + port + " (in use?); try --port 0 for any free port";
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
