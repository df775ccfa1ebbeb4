package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;
import org.tokenomics.internal.parser.TokLexer;

/**
 * The lexer rules of {@code grammar/Tok.g4}, written out by hand: the same tokens as ANTLR's
 * generated {@code TokLexer} (type, channel, code-point start and stop, line, column), which the
 * generated parser reads as before. Why: on a cold JVM, ANTLR's lexer builds its DFA while it
 * reads, in interpreted code, about 3 µs a character, 25-30 ms for the prelude alone on every
 * {@code tok} command (issue 22); this loop reads the same text in well under a tenth of that, and
 * never loads the lexer's ATN. {@code TokenScannerProperties} compares the two on generated text
 * and on every Tok file of the project; a change of the grammar's lexer rules must be made here too.
 *
 * <p>The rules, as ANTLR applies them: the longest match wins, a tie goes to the rule written
 * first (keywords before {@code IDENT}, {@code DATE} before {@code NUMBER}); a magnitude letter
 * ({@code 5k}, {@code $B}) belongs to the number only when no letter, digit or {@code _} follows
 * it ({@code identCharNext}); whitespace is skipped, comments go to the hidden channel, and any
 * other code point is an {@code ERROR_CHAR} of its own. Positions count code points, as ANTLR's
 * {@code CodePointCharStream} does, and a line ends at {@code \n}.
 */
final class TokenScanner implements TokenSource {
  private final CharStream input;
  private final int[] cp;
  private final int n;
  private final List<Token> tokens = new ArrayList<>();
  private int next;
  private TokenFactory<?> factory = CommonTokenFactory.DEFAULT;

  private TokenScanner(String text, String name) {
    this.input = CharStreams.fromString(text, name);
    this.cp = codePoints(text);
    this.n = cp.length;
  }

  /**
   * The tokens of {@code text}, the end-of-file token last, as a source for a token stream.
   *
   * @param text the source text
   * @param name the source's name
   * @return a token source that hands them out in order
   */
  static TokenScanner scan(String text, String name) {
    TokenScanner s = new TokenScanner(text, name);
    s.scanAll();
    return s;
  }

  private static int[] codePoints(String text) {
    int[] out = new int[text.length()];
    int k = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      out[k++] = c;
      i += Character.charCount(c);
    }
    return k == out.length ? out : java.util.Arrays.copyOf(out, k);
  }

  private void scanAll() {
    Pair<TokenSource, CharStream> pair = new Pair<>(this, input);
    int pos = 0;
    int line = 1;
    int column = 0;
    while (pos < n) {
      long m = match(pos);
      int type = (int) (m >>> 32);
      int end = (int) m;
      if (type != TokLexer.WS) {
        int channel = type == TokLexer.LINE_COMMENT || type == TokLexer.BLOCK_COMMENT ? Token.HIDDEN_CHANNEL
            : Token.DEFAULT_CHANNEL;
        CommonToken t = new CommonToken(pair, type, channel, pos, end - 1);
        t.setLine(line);
        t.setCharPositionInLine(column);
        tokens.add(t);
      }
      for (; pos < end; pos++) {
        if (cp[pos] == '\n') {
          line++;
          column = 0;
        } else {
          column++;
        }
      }
    }
    CommonToken eof = new CommonToken(pair, Token.EOF, Token.DEFAULT_CHANNEL, n, n - 1);
    eof.setLine(line);
    eof.setCharPositionInLine(column);
    tokens.add(eof);
  }

  /** The token at {@code i}: its type in the high half, the index after its last code point in the low. */
  private long match(int i) {
    int c = cp[i];
    switch (c) {
      case ' ', '\t', '\r', '\n', '\f' -> {
        int j = i + 1;
        while (j < n && (cp[j] == ' ' || cp[j] == '\t' || cp[j] == '\r' || cp[j] == '\n' || cp[j] == '\f')) {
          j++;
        }
        return token(TokLexer.WS, j);
      }
      case '/' -> {
        if (at(i + 1) == '/') {
          int j = i + 2;
          while (j < n && cp[j] != '\r' && cp[j] != '\n') {
            j++;
          }
          return token(TokLexer.LINE_COMMENT, j);
        }
        if (at(i + 1) == '*') {
          for (int j = i + 2; j + 1 < n; j++) {
            if (cp[j] == '*' && cp[j + 1] == '/') {
              return token(TokLexer.BLOCK_COMMENT, j + 2);
            }
          }
        }
        return token(TokLexer.T__14, i + 1);
      }
      case ':' -> {
        return token(TokLexer.T__0, i + 1);
      }
      case '=' -> {
        return at(i + 1) == '=' ? token(TokLexer.T__16, i + 2) : token(TokLexer.T__1, i + 1);
      }
      case '(' -> {
        return token(TokLexer.T__2, i + 1);
      }
      case ',' -> {
        return token(TokLexer.T__3, i + 1);
      }
      case ')' -> {
        return token(TokLexer.T__4, i + 1);
      }
      case '{' -> {
        return token(TokLexer.T__5, i + 1);
      }
      case ';' -> {
        return token(TokLexer.T__6, i + 1);
      }
      case '}' -> {
        return token(TokLexer.T__7, i + 1);
      }
      case '[' -> {
        return token(TokLexer.T__8, i + 1);
      }
      case ']' -> {
        return token(TokLexer.T__9, i + 1);
      }
      case '-' -> {
        return token(TokLexer.T__10, i + 1);
      }
      case '.' -> {
        return token(TokLexer.T__11, i + 1);
      }
      case '^' -> {
        return token(TokLexer.T__12, i + 1);
      }
      case '*' -> {
        return token(TokLexer.T__13, i + 1);
      }
      case '+' -> {
        return token(TokLexer.T__15, i + 1);
      }
      case '!' -> {
        return at(i + 1) == '=' ? token(TokLexer.T__17, i + 2) : token(TokLexer.ERROR_CHAR, i + 1);
      }
      case '<' -> {
        return at(i + 1) == '=' ? token(TokLexer.T__19, i + 2) : token(TokLexer.T__18, i + 1);
      }
      case '>' -> {
        return at(i + 1) == '=' ? token(TokLexer.T__21, i + 2) : token(TokLexer.T__20, i + 1);
      }
      case '%' -> {
        return token(TokLexer.T__22, i + 1);
      }
      case '"' -> {
        return string(i);
      }
      case '$' -> {
        int money = num(i + 1);
        if (money > i + 1) {
          return token(TokLexer.MONEY, money);
        }
        return token(TokLexer.DOLLAR, magnitude(i + 1) ? i + 2 : i + 1);
      }
      default -> {
        if (digit(c)) {
          int date = date(i);
          int number = num(i);
          return date >= number ? token(TokLexer.DATE, date) : token(TokLexer.NUMBER, number);
        }
        if (c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
          int j = i + 1;
          while (j < n && (cp[j] == '_' || digit(cp[j]) || (cp[j] >= 'A' && cp[j] <= 'Z') || (cp[j] >= 'a' && cp[j] <= 'z'))) {
            j++;
          }
          return token(keyword(i, j), j);
        }
        return token(TokLexer.ERROR_CHAR, i + 1);
      }
    }
  }

  private static long token(int type, int end) {
    return ((long) type << 32) | end;
  }

  /** The code point at {@code i}, or -1 past the end (ANTLR's EOF). */
  private int at(int i) {
    return i < n ? cp[i] : -1;
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  /** STRING, or a lone {@code "} (ERROR_CHAR) when the string does not close on its line. */
  private long string(int i) {
    int j = i + 1;
    while (j < n) {
      int c = cp[j];
      if (c == '"') {
        return token(TokLexer.STRING, j + 1);
      }
      if (c == '\r' || c == '\n') {
        break;
      }
      if (c == '\\') {
        if (j + 1 < n && (cp[j + 1] == '"' || cp[j + 1] == '\\')) {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    return token(TokLexer.ERROR_CHAR, i + 1);
  }

  /** The end of DATE from {@code i} ({@code 2027-06} or {@code 2027-06-15}), or {@code i} when there is none. */
  private int date(int i) {
    if (!(digit(at(i)) && digit(at(i + 1)) && digit(at(i + 2)) && digit(at(i + 3)) && at(i + 4) == '-'
        && digit(at(i + 5)) && digit(at(i + 6)))) {
      return i;
    }
    return at(i + 7) == '-' && digit(at(i + 8)) && digit(at(i + 9)) ? i + 10 : i + 7;
  }

  /** The end of NUM from {@code i}: digits, a fraction, an exponent, a magnitude letter; {@code i} when none. */
  private int num(int i) {
    int j = digits(i);
    if (j == i) {
      return i;
    }
    if (at(j) == '.') {
      int k = digits(j + 1);
      if (k > j + 1) {
        j = k;
      }
    }
    if (at(j) == 'e' || at(j) == 'E') {
      int k = j + 1;
      if (at(k) == '+' || at(k) == '-') {
        k++;
      }
      int m = digits(k);
      if (m > k) {
        j = m;
      }
    }
    return magnitude(j) ? j + 1 : j;
  }

  /** DIGITS from {@code i}: {@code DIGIT ('_'? DIGIT)*}; the end, or {@code i} when none. */
  private int digits(int i) {
    if (!digit(at(i))) {
      return i;
    }
    int k = i + 1;
    while (true) {
      if (digit(at(k))) {
        k++;
      } else if (at(k) == '_' && digit(at(k + 1))) {
        k += 2;
      } else {
        return k;
      }
    }
  }

  /** A magnitude letter at {@code i} with no identifier character after it (the grammar's {@code identCharNext}). */
  private boolean magnitude(int i) {
    int c = at(i);
    if (c != 'k' && c != 'M' && c != 'B' && c != 'T') {
      return false;
    }
    int after = at(i + 1);
    return !(after == '_' || Character.isLetterOrDigit(after));
  }

  /** The keyword spelled by {@code cp[from, to)}, or IDENT. */
  private int keyword(int from, int to) {
    int len = to - from;
    if (len < 2 || len > 9) {
      return TokLexer.IDENT;
    }
    return switch (new String(cp, from, len)) {
      case "timeline" -> TokLexer.TIMELINE;
      case "to" -> TokLexer.TO;
      case "yearly" -> TokLexer.YEARLY;
      case "quarterly" -> TokLexer.QUARTERLY;
      case "monthly" -> TokLexer.MONTHLY;
      case "param" -> TokLexer.PARAM;
      case "let" -> TokLexer.LET;
      case "report" -> TokLexer.REPORT;
      case "assert" -> TokLexer.ASSERT;
      case "kind" -> TokLexer.KIND;
      case "fn" -> TokLexer.FN;
      case "import" -> TokLexer.IMPORT;
      case "scenario" -> TokLexer.SCENARIO;
      case "solve" -> TokLexer.SOLVE;
      case "for" -> TokLexer.FOR;
      case "so" -> TokLexer.SO;
      case "that" -> TokLexer.THAT;
      case "within" -> TokLexer.WITHIN;
      case "if" -> TokLexer.IF;
      case "then" -> TokLexer.THEN;
      case "else" -> TokLexer.ELSE;
      case "and" -> TokLexer.AND;
      case "or" -> TokLexer.OR;
      case "not" -> TokLexer.NOT;
      case "as" -> TokLexer.AS;
      case "true" -> TokLexer.TRUE;
      case "false" -> TokLexer.FALSE;
      case "unit" -> TokLexer.UNIT;
      case "correlate" -> TokLexer.CORRELATE;
      case "amends" -> TokLexer.AMENDS;
      case "in" -> TokLexer.IN;
      default -> TokLexer.IDENT;
    };
  }

  /** The tokens, the end-of-file token last. */
  List<Token> tokens() {
    return tokens;
  }

  @Override
  public Token nextToken() {
    return tokens.get(Math.min(next++, tokens.size() - 1));
  }

  @Override
  public int getLine() {
    // CommonToken's constructor asks, before the first token is in the list (it sets its own line after)
    return tokens.isEmpty() ? 1 : tokens.get(Math.min(next, tokens.size() - 1)).getLine();
  }

  @Override
  public int getCharPositionInLine() {
    return tokens.isEmpty() ? 0 : tokens.get(Math.min(next, tokens.size() - 1)).getCharPositionInLine();
  }

  @Override
  public CharStream getInputStream() {
    return input;
  }

  @Override
  public String getSourceName() {
    return input.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    this.factory = factory;
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return factory;
  }
}
