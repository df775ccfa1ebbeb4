package org.tokenomics.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server against a hostile client, over raw JSON-RPC: oversized messages, a huge
 * document, and documents whose URIs try to pick the import root.
 */
class HostileClientTest {
  @TempDir
  Path dir;

  private static byte[] message(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return concat(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  private static String initialize(String workspaceUri) {
    String folders = workspaceUri == null ? "" : ",\"workspaceFolders\":[{\"uri\":" + quote(workspaceUri) + ",\"name\":\"w\"}]";
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}" + folders + "}}";
  }

  private static String didOpen(String uri, String text) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":" + quote(uri)
        + ",\"languageId\":\"tok\",\"version\":1,\"text\":" + quote(text) + "}}}";
  }

  /** Feeds the messages, then ends the input; returns everything the server wrote. */
  private static String serve(byte[]... messages) {
    byte[] all = new byte[0];
    for (byte[] m : messages) {
      all = concat(all, m);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new SequenceInputStream(new ByteArrayInputStream(all), new SlowEnd());
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TokLanguageServer.serve(in, out));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The end of the input after a pause, so that the server answers what came before. */
  private static final class SlowEnd extends InputStream {
    @Override
    public int read() {
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }
  }

  @Test
  void aMessageOverTheCapIsSkippedAndTheServerGoesOn() {
    byte[] lie = "Content-Length: 2147483647\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> serve(lie)); // input ends inside it: the server ends
    String big = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":" + quote("a".repeat(CappedLauncher.MAX_MESSAGE_BYTES)) + "}";
    String out = serve(message(big), message(initialize(null)));
    assertTrue(out.contains("\"capabilities\""), "no answer after a skipped message: " + out);
  }

  @Test
  void aHugeDocumentOfUnknownNamesGetsItsDiagnosticsAndTheServerStaysUp() {
    Random r = new Random(11);
    String flood = "report flood = " + IntStream.range(0, 8_000).mapToObj(i -> "u" + Integer.toString(r.nextInt(1 << 30), 36))
        .collect(Collectors.joining(" + "));
    String uri = dir.resolve("flood.tok").toUri().toString();
    String out = serve(message(initialize(dir.toUri().toString())), message(didOpen(uri, flood)),
        message(didOpen(dir.resolve("ok.tok").toUri().toString(), "report x = 1\n")));
    assertTrue(out.contains("TOK200"), out.length() > 300 ? out.substring(0, 300) : out);
    assertTrue(out.contains("ok.tok"), "the next document was not analysed");
  }

  @Test
  void importsAreReadOnlyInsideTheClientsWorkspace() throws Exception {
    Files.writeString(dir.resolve("secret.properties"), "password = hunter2\n");
    Path other = Files.createTempDirectory("tok-outside");
    Files.writeString(other.resolve("passwd.tok"), "let leaked_name = 1\n");
    try {
      String inside = dir.resolve("m.tok").toUri().toString();
      String outside = other.resolve("evil.tok").toUri().toString();
      String out = serve(message(initialize(dir.toUri().toString())),
          message(didOpen(inside, "import \"secret.properties\"\nreport x = 1\n")),
          message(didOpen(outside, "import \"passwd.tok\"\nreport y = leaked_name\n")));
      assertFalse(out.contains("hunter2") || out.contains("password"), out);
      assertTrue(out.contains("not a Tok source file"), out);
      assertTrue(out.contains("no root folder"), "a document outside the workspace imported a file: " + out);
      assertNull(Analysis.workspace("file:///"), "the file system's root is never a workspace");
      assertNotNull(Analysis.workspace(dir.toUri().toString()));
    } finally {
      Files.delete(other.resolve("passwd.tok"));
      Files.delete(other);
    }
  }

  @Test
  void anUnreadableWorkspaceIsNoWorkspace() {
    assertNull(Analysis.workspace("untitled:Untitled-1"));
    assertNull(Analysis.workspace(null));
    assertTrue(List.of("file:///tmp/x").stream().allMatch(u -> Analysis.workspace(u) != null));
  }
}
