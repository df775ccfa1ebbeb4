package org.tokenomics.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a source file within the size limit. It lives in the syntax layer so the checker's loader
 * (imports, amended files) and the public API's {@code compile(Path)} read files the same way.
 */
public final class SourceReader {
  private SourceReader() {}

  /**
   * The file's text, or null when it has more than {@code maxChars} characters. Reads at most
   * {@code maxChars + 1} characters whatever the file is (a 1.5 GB file, a named pipe, a device):
   * the size is never trusted and the whole file is never held.
   *
   * @param file     the file to read, as UTF-8 (malformed input is an {@link IOException})
   * @param maxChars the most characters accepted
   * @return the text, or null when the file is larger than {@code maxChars}
   * @throws IOException when the file cannot be read or is not UTF-8
   */
  public static String read(Path file, long maxChars) throws IOException {
    try (InputStream in = Files.newInputStream(file);
         Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
             .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
      StringBuilder b = new StringBuilder((int) Math.min(maxChars + 1, 1 << 16));
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) >= 0) {
        b.append(buf, 0, n);
        if (b.length() > maxChars) {
          return null;
        }
      }
      return b.toString();
    }
  }
}
