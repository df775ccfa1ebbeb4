package org.tokenomics.syntax;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed library files written to bytes and read back, so that a one-shot command can start
 * from the prelude's trees instead of parsing its text with a cold ANTLR parser (a fifth of a
 * short run's CPU; issue 22). The trees are records, lists, strings and numbers: each record is
 * written as its class and components and read back through its canonical constructor, so the
 * result equals the parsed tree (records compare by value) and an object shared in the tree is
 * shared again.
 *
 * <p>Never wrong, only slower: {@link #restore} keeps a file's tree only when the bytes carry the
 * same code stamp (the jar the parser came from), the same text and the default limits, and every
 * record class still has the components it was written with; anything else (another build, an
 * edited prelude, a damaged file) is ignored and the file is parsed as before.
 */
public final class AstSnapshot {
  private static final int MAGIC = 0x544f4b31; // "TOK1"
  /** Raised whenever the encoding changes. */
  private static final int VERSION = 1;

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte LIST = 2;
  private static final byte RECORD = 3;
  private static final byte SHARED = 4;
  private static final byte SOURCE = 5;
  private static final byte DOUBLE = 6;
  private static final byte INT = 7;
  private static final byte BOOLEAN = 8;
  private static final byte CHAR = 9;
  private static final byte LONG = 10;

  private AstSnapshot() {}

  /**
   * The bytes of these parsed files.
   *
   * @param stamp the code stamp the bytes are valid for (see {@link #codeStamp()})
   * @param files files parsed with the default limits and without a diagnostic
   * @return the snapshot
   * @throws IllegalArgumentException when a tree holds an object this encoding does not know
   */
  public static byte[] write(String stamp, List<TokFile> files) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(stamp);
      out.writeInt(SyntaxParser.DEFAULT_MAX_NESTING);
      out.writeInt(SyntaxParser.DEFAULT_MAX_NODES);
      new Writer(out).value(files);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException | ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot write the parsed files: " + e, e);
    }
  }

  /**
   * Reads a snapshot and keeps each of its files, parsed, for the compiles of this process with
   * the default limits, when it is valid for this code and the file's text is the one given.
   *
   * @param bytes a snapshot from {@link #write}
   * @param stamp this code's stamp ({@link #codeStamp()})
   * @param texts the current text of each library file, by name
   * @return the names of the files kept (empty when the snapshot is of no use)
   */
  public static List<String> restore(byte[] bytes, String stamp, Map<String, String> texts) {
    List<String> kept = new ArrayList<>();
    List<TokFile> files = read(bytes, stamp);
    for (TokFile f : files) {
      if (f.source().isLibrary() && f.source().text().equals(texts.get(f.source().name()))) {
        LibraryFiles.keep(f, SyntaxParser.DEFAULT_MAX_NESTING, SyntaxParser.DEFAULT_MAX_NODES);
        kept.add(f.source().name());
      }
    }
    return kept;
  }

  /** The files of a snapshot written for this stamp and the default limits; empty for any other bytes. */
  static List<TokFile> read(byte[] bytes, String stamp) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(stamp)
          || in.readInt() != SyntaxParser.DEFAULT_MAX_NESTING || in.readInt() != SyntaxParser.DEFAULT_MAX_NODES) {
        return List.of();
      }
      Object value = new Reader(in).value();
      if (!(value instanceof List<?> list) || in.read() != -1) {
        return List.of();
      }
      List<TokFile> files = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof TokFile f)) {
          return List.of();
        }
        files.add(f);
      }
      return files;
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      return List.of(); // a damaged or foreign snapshot: the files are parsed as usual
    }
  }

  /**
   * What the parser's code is: the size and time of the jar it was loaded from, so that a
   * snapshot of another build is never used; null when it was not loaded from a jar.
   *
   * @return the stamp, or null
   */
  public static String codeStamp() {
    try {
      java.security.CodeSource cs = SyntaxParser.class.getProtectionDomain().getCodeSource();
      java.nio.file.Path jar = cs == null ? null : java.nio.file.Path.of(cs.getLocation().toURI());
      if (jar == null || !java.nio.file.Files.isRegularFile(jar)) {
        return null;
      }
      return jar.toAbsolutePath() + ":" + java.nio.file.Files.size(jar) + ":"
          + java.nio.file.Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** Writes values depth first; a record or list met again is written as its number. */
  private static final class Writer {
    private final DataOutputStream out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Class<?>, Integer> classes = new HashMap<>();
    private final Map<Object, Integer> seen = new IdentityHashMap<>();

    Writer(DataOutputStream out) {
      this.out = out;
    }

    void value(Object o) throws IOException, ReflectiveOperationException {
      if (o == null) {
        out.writeByte(NULL);
      } else if (o instanceof String s) {
        out.writeByte(STRING);
        string(s);
      } else if (o instanceof Double d) {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
      } else if (o instanceof Integer i) {
        out.writeByte(INT);
        out.writeInt(i);
      } else if (o instanceof Long l) {
        out.writeByte(LONG);
        out.writeLong(l);
      } else if (o instanceof Boolean b) {
        out.writeByte(BOOLEAN);
        out.writeBoolean(b);
      } else if (o instanceof Character c) {
        out.writeByte(CHAR);
        out.writeChar(c);
      } else if (seen.containsKey(o)) {
        out.writeByte(SHARED);
        out.writeInt(seen.get(o));
      } else if (o instanceof SourceFile f) {
        out.writeByte(SOURCE);
        string(f.name());
        text(f.text());
        out.writeBoolean(f.isLibrary());
        seen.put(o, seen.size());
      } else if (o instanceof List<?> l) {
        out.writeByte(LIST);
        out.writeInt(l.size());
        for (Object e : l) {
          value(e);
        }
        seen.put(o, seen.size());
      } else if (o instanceof Record r) {
        out.writeByte(RECORD);
        type(r.getClass());
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          Method get = c.getAccessor();
          get.setAccessible(true);
          value(get.invoke(r));
        }
        seen.put(o, seen.size());
      } else {
        throw new IOException("a " + o.getClass().getName() + " in a syntax tree");
      }
    }

    private void string(String s) throws IOException {
      Integer known = strings.get(s);
      if (known != null) {
        out.writeInt(known);
        return;
      }
      out.writeInt(-1);
      text(s);
      strings.put(s, strings.size());
    }

    /** A string of any length (writeUTF stops at 65,535 bytes). */
    private void text(String s) throws IOException {
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    /** A record class by name, first time with its components' names and types. */
    private void type(Class<?> c) throws IOException {
      Integer known = classes.get(c);
      if (known != null) {
        out.writeInt(known);
        return;
      }
      out.writeInt(-1);
      out.writeUTF(c.getName());
      out.writeUTF(Reader.shape(c));
      classes.put(c, classes.size());
    }
  }

  /** Reads what {@link Writer} wrote; throws on anything else. */
  private static final class Reader {
    private final DataInputStream in;
    private final List<String> strings = new ArrayList<>();
    private final List<Constructor<?>> constructors = new ArrayList<>();
    private final List<Object> seen = new ArrayList<>();

    Reader(DataInputStream in) {
      this.in = in;
    }

    /** A record class's components, names and types, in order: must match when read. */
    static String shape(Class<?> c) {
      StringBuilder s = new StringBuilder();
      for (RecordComponent rc : c.getRecordComponents()) {
        s.append(rc.getName()).append(':').append(rc.getType().getName()).append(';');
      }
      return s.toString();
    }

    /** Nesting of values being read: a damaged snapshot must fail as an IOException, not a StackOverflowError. */
    private int depth;

    Object value() throws IOException, ReflectiveOperationException {
      if (++depth > 20 * SyntaxParser.DEFAULT_MAX_NESTING) {
        throw new IOException("too deep");
      }
      try {
        return next();
      } finally {
        depth--;
      }
    }

    /** A count of items or bytes that the rest of the snapshot can hold (a damaged one must not allocate gigabytes). */
    private int count() throws IOException {
      int n = in.readInt();
      if (n < 0 || n > in.available()) {
        throw new IOException("count " + n);
      }
      return n;
    }

    private Object next() throws IOException, ReflectiveOperationException {
      byte tag = in.readByte();
      switch (tag) {
        case NULL:
          return null;
        case STRING:
          return string();
        case DOUBLE:
          return in.readDouble();
        case INT:
          return in.readInt();
        case LONG:
          return in.readLong();
        case BOOLEAN:
          return in.readBoolean();
        case CHAR:
          return in.readChar();
        case SHARED:
          return seen.get(in.readInt()); // out of range: IndexOutOfBoundsException, caught by read
        case SOURCE: {
          String name = string();
          SourceFile f = new SourceFile(name, text(), in.readBoolean());
          seen.add(f);
          return f;
        }
        case LIST: {
          int n = count();
          Object[] items = new Object[n];
          for (int i = 0; i < n; i++) {
            items[i] = value();
          }
          List<Object> list = java.util.Collections.unmodifiableList(java.util.Arrays.asList(items));
          seen.add(list);
          return list;
        }
        case RECORD: {
          Constructor<?> make = type();
          Object[] args = new Object[make.getParameterCount()];
          for (int i = 0; i < args.length; i++) {
            args[i] = value();
          }
          Object r = make.newInstance(args);
          seen.add(r);
          return r;
        }
        default:
          throw new IOException("tag " + tag);
      }
    }

    private String string() throws IOException {
      int i = in.readInt();
      if (i >= 0) {
        return strings.get(i); // out of range: caught by read, as for any damage
      }
      String s = text();
      strings.add(s);
      return s;
    }

    private String text() throws IOException {
      byte[] b = new byte[count()];
      in.readFully(b);
      return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Constructor<?> type() throws IOException, ReflectiveOperationException {
      int i = in.readInt();
      if (i >= 0) {
        return constructors.get(i);
      }
      Class<?> c = Class.forName(in.readUTF(), false, AstSnapshot.class.getClassLoader());
      if (!c.isRecord() || !c.getPackageName().equals(AstSnapshot.class.getPackageName())
          || !shape(c).equals(in.readUTF())) {
        throw new IOException("not this build's " + c.getName());
      }
      RecordComponent[] cs = c.getRecordComponents();
      Class<?>[] types = new Class<?>[cs.length];
      for (int k = 0; k < cs.length; k++) {
        types[k] = cs[k].getType();
      }
      Constructor<?> make = c.getDeclaredConstructor(types);
      make.setAccessible(true);
      constructors.add(make);
      return make;
    }
  }
}
