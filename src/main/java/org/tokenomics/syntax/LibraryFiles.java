package org.tokenomics.syntax;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Library files (the prelude, {@code std:} modules, plugins' units and modules) parsed before, by
 * name, text and limits: every compile of a process reads the same prelude, and a parsed file is
 * immutable. In memory only, so never stale; only a parse that reported nothing is kept, and at
 * most {@link #CACHE_SIZE} files of {@link #CACHE_CHARS} characters in all (a host whose plugins
 * make module texts on the fly cannot grow it without bound; past that, files are parsed each
 * time, as before).
 *
 * <p>A file is parsed by one thread at a time: a compile that asks for a file another thread is
 * parsing (the command line's warm-up thread, started with the process) waits for that tree
 * rather than parse the same text a second time beside it on a cold JVM (issue 22).
 */
final class LibraryFiles {
  private static final ConcurrentHashMap<Key, TokFile> KEPT = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Key, CountDownLatch> PARSING = new ConcurrentHashMap<>();
  private static final AtomicLong CHARS = new AtomicLong();

  /** Library files kept parsed at most (the prelude is two; a plugin-heavy host has a few dozen). */
  static final int CACHE_SIZE = 256;
  /** Characters of the library files kept parsed at most (the prelude has about 8,500). */
  static final long CACHE_CHARS = 4_000_000;

  private LibraryFiles() {}

  /**
   * A library file's identity. equals and hashCode are written out (with the values a record's
   * generated ones give): a record's are linked through an invokedynamic bootstrap on first use,
   * about 10 ms of a one-shot command's start-up on a cold JVM.
   */
  private record Key(String name, String text, int maxNesting, int maxNodes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(name, k.name) && Objects.equals(text, k.text)
          && maxNesting == k.maxNesting && maxNodes == k.maxNodes;
    }

    @Override
    public int hashCode() {
      return ((Objects.hashCode(name) * 31 + Objects.hashCode(text)) * 31 + maxNesting) * 31 + maxNodes;
    }
  }

  /** The tree of a library file, parsed by {@code parser} unless kept or being parsed elsewhere. */
  static TokFile parse(SyntaxParser parser, SourceFile source, Diagnostics diags, int maxNesting, int maxNodes) {
    Key key = new Key(source.name(), source.text(), maxNesting, maxNodes);
    TokFile known = KEPT.get(key);
    if (known != null) {
      diags.addSource(known.source());
      return known;
    }
    CountDownLatch mine = new CountDownLatch(1);
    CountDownLatch other = PARSING.putIfAbsent(key, mine);
    if (other != null) {
      awaitUninterruptibly(other);
      known = KEPT.get(key);
      if (known != null) {
        diags.addSource(known.source());
        return known;
      }
      // that parse reported problems (or the cache is full): parse here, for this compile's diagnostics
      return parseAndKeep(parser, key, source, diags);
    }
    try {
      return parseAndKeep(parser, key, source, diags);
    } finally {
      PARSING.remove(key, mine);
      mine.countDown();
    }
  }

  private static TokFile parseAndKeep(SyntaxParser parser, Key key, SourceFile source, Diagnostics diags) {
    int reported = diags.all().size();
    TokFile file = parser.parseText(source, diags);
    if (file != null && diags.all().size() == reported && KEPT.size() < CACHE_SIZE
        && CHARS.addAndGet(source.text().length()) <= CACHE_CHARS) {
      KEPT.putIfAbsent(key, file);
    }
    return file;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
