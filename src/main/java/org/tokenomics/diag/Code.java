package org.tokenomics.diag;

/** The stable diagnostic codes of LANGUAGE.md §9, each with the title used in the manual. */
public enum Code {
  TOK100("syntax error"),
  TOK200("unknown name"),
  TOK201("duplicate name"),
  TOK202("import not found or outside the root"),
  TOK203("data file cannot be read as the call says"),
  TOK300("dimension mismatch"),
  TOK301("unknown unit"),
  TOK302("wrong type"),
  TOK400("cycle"),
  TOK401("missing required attribute"),
  TOK402("unknown attribute"),
  TOK403("cannot set a derived value"),
  TOK500("evaluation error"),
  TOK501("assertion failed"),
  TOK502("no solution"),
  TOK600("limit exceeded"),
  /** A warning (the 700s are warnings: the model runs): a first-day amount discounted from a period's end (LANGUAGE.md §14). */
  TOK700("first-day amount discounted from the period's end");

  private final String title;

  Code(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
