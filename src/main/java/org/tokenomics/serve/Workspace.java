package org.tokenomics.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder {@code tok serve} serves: every read and write goes through here, and only to a
 * {@code .tok} file inside it. The rule is the one imports follow (a relative path that stays
 * inside the root, also after following links), so the page can reach nothing an import could not.
 */
final class Workspace {
  /** Files listed for the page, at most; deeper trees are cut rather than walked for ever. */
  static final int MAX_FILES = 2_000;
  private static final int MAX_DEPTH = 8;

  private final Path root;
  private final Path realRoot;
  private final String initial;

  private Workspace(Path root, String initial) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
    this.initial = initial;
  }

  /**
   * The workspace for {@code tok serve TARGET}: a folder is served as it is; a file is served with
   * its folder as the root and opened first.
   */
  static Workspace of(Path target) throws IOException {
    Path t = target.toAbsolutePath().normalize();
    if (Files.isDirectory(t)) {
      return new Workspace(t, null);
    }
    if (!Files.isRegularFile(t)) {
      throw new IOException(Messages.noSuchFileOrFolder(target));
    }
    return new Workspace(t.getParent(), t.getFileName().toString());
  }

  Path root() {
    return root;
  }

  /** The file to open first: the one named on the command line, else the first listed, else null. */
  String initial() {
    if (initial != null) {
      return initial;
    }
    List<String> all = list();
    return all.isEmpty() ? null : all.get(0);
  }

  /** The {@code .tok} files under the root, as relative paths with {@code /}, sorted. */
  List<String> list() {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(realRoot, MAX_DEPTH, new FileVisitOption[0])) {
      walk.filter(p -> p.getFileName().toString().endsWith(".tok") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .limit(MAX_FILES)
          .forEach(p -> out.add(realRoot.relativize(p).toString().replace('\\', '/')));
    } catch (IOException | RuntimeException e) {
      // an unreadable subfolder: list what could be read
    }
    out.sort(null);
    return out;
  }

  /** The file a request names, checked to be a {@code .tok} path inside the root. */
  Path resolve(String relative) {
    if (relative == null || relative.isBlank()) {
      throw new Refused(400, Messages.PATH_MISSING);
    }
    if (relative.indexOf('\0') >= 0 || relative.startsWith("/") || relative.contains("\\") || relative.contains(":")) {
      throw new Refused(403, Messages.outsideRoot(relative));
    }
    Path raw;
    try {
      raw = Path.of(relative);
    } catch (InvalidPathException e) {
      throw new Refused(400, Messages.badPath(relative));
    }
    Path target = root.resolve(raw).normalize();
    if (raw.isAbsolute() || !target.startsWith(root) || target.equals(root)) {
      throw new Refused(403, Messages.outsideRoot(relative));
    }
    if (!target.getFileName().toString().endsWith(".tok")) {
      throw new Refused(403, Messages.onlyTok(relative));
    }
    // Links: the file, or for a new file the nearest folder on its way that exists, must really
    // be inside the root.
    try {
      Path existing = target;
      while (!Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (!existing.toRealPath().startsWith(realRoot)) {
        throw new Refused(403, Messages.linksOut(relative));
      }
    } catch (IOException e) {
      throw new Refused(403, Messages.outsideRoot(relative));
    }
    return target;
  }

  /** The text of a file inside the root. */
  String read(String relative) {
    Path file = resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new Refused(404, Messages.notFound(relative));
    }
    try {
      if (Files.size(file) > Messages.MAX_SOURCE_BYTES) {
        throw new Refused(413, Messages.tooLarge(relative));
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Refused(500, Messages.cannotRead(relative, e));
    }
  }

  /**
   * Writes a file inside the root (its folder must exist), through a temporary file moved into
   * place so that a crash never leaves half a model.
   */
  void write(String relative, String text) {
    Path file = resolve(relative);
    Path folder = file.getParent();
    if (!Files.isDirectory(folder)) {
      throw new Refused(404, Messages.noFolder(relative));
    }
    try {
      Path tmp = Files.createTempFile(folder, ".tok-save-", ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new Refused(500, Messages.cannotWrite(relative, e));
    }
  }
}
