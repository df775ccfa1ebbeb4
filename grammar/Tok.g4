// The Tok grammar (LANGUAGE.md §2, §4). Only syntax lives here: the visitor in
// org.tokenomics.syntax.AstBuilder turns the parse tree into immutable AST records, and no
// ANTLR type escapes that package.
grammar Tok;

@parser::members {
  /** A unit written against a number must stand on the number's line: `5\nchip X {…}` is two statements. */
  private boolean sameLine() {
    return _input.LT(1).getLine() == _input.LT(-1).getLine();
  }
}

@lexer::members {
  private boolean identCharNext() {
    int c = _input.LA(1);
    return c == '_' || Character.isLetterOrDigit(c);
  }
}

file : statement* EOF ;

// Entry points for text that is not a whole file: `--set` values, API overrides, `in("$B/yr")`.
exprEntry : expr EOF ;
unitEntry : unitExpr EOF ;

statement
  : TIMELINE start=dateLit TO end=dateLit step=(YEARLY | QUARTERLY | MONTHLY)         # timelineStmt
  | PARAM name=IDENT (':' type=unitExpr)? '=' value=expr (WITHIN low=expr TO high=expr)?  # paramStmt
  | LET name=IDENT (':' type=unitExpr)? '=' expr                                      # letStmt
  | FN name=IDENT '(' (fnParam (',' fnParam)*)? ')' '=' expr                          # fnStmt
  | UNIT name=IDENT ('=' expr)?                                                       # unitStmt
  | IMPORT STRING                                                                     # importStmt
  | AMENDS STRING                                                                     # amendsStmt
  | REPORT (name=IDENT '=')? expr (AS unit=unitExpr)?                                 # reportStmt
  | ASSERT expr STRING?                                                               # assertStmt
  | SCENARIO name=IDENT '{' (assignment ';'?)* '}'                                    # scenarioStmt
  | SOLVE name=IDENT FOR target SO THAT cond=expr WITHIN low=expr TO high=expr        # solveStmt
  | CORRELATE a=target ',' b=target '=' expr                                          # correlateStmt
  | KIND name=IDENT '{' (member ';'?)* '}'                                            # kindStmt
  | kindName=IDENT name=IDENT '{' (assignment ';'?)* '}'                              # instanceStmt
  | kindName=IDENT name=IDENT '[' var=IDENT IN familyRange ']' '{' (assignment ';'?)* '}'  # familyStmt
  | ';'                                                                               # emptyStmt
  ;

dateLit : DATE | NUMBER ;

// A family's members (LANGUAGE.md §15): dates with a step, or whole numbers without one.
familyRange : start=memberKey TO end=memberKey step=(YEARLY | QUARTERLY | MONTHLY)? ;

memberKey : '-'? (DATE | NUMBER) ;

fnParam : name=IDENT (':' type=unitExpr)? ('=' expr)? ;

member
  : PARAM name=IDENT (':' type=unitExpr)? ('=' expr)?                                 # paramMember
  | LET name=IDENT (':' type=unitExpr)? '=' expr                                      # letMember
  ;

assignment : target '=' expr ;

target : IDENT ('[' memberKey ']')? ('.' IDENT)? ;

// Precedence from tight (first) to loose (last), as LANGUAGE.md §4 lists it.
expr
  : primary                                                        # primaryExpr
  | expr '.' IDENT                                                 # attrExpr
  | expr '[' expr ']'                                              # indexExpr
  | <assoc=right> expr '^' expr                                    # powExpr
  | '-' expr                                                       # negExpr
  | expr op=('*' | '/') expr                                       # mulExpr
  | expr op=('+' | '-') expr                                       # addExpr
  | expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') expr           # cmpExpr
  | NOT expr                                                       # notExpr
  | expr AND expr                                                  # andExpr
  | expr OR expr                                                   # orExpr
  | IF expr THEN expr ELSE expr                                    # ifExpr
  ;

primary
  : NUMBER ({sameLine()}? unitAtom ('^' exponent)?)?               # numberLit
  | MONEY                                                          # moneyLit
  | DATE                                                           # dateExpr
  | (TRUE | FALSE)                                                 # boolLit
  | IDENT '(' (arg (',' arg)*)? ')'                                # callExpr
  | IDENT                                                          # nameExpr
  | DOLLAR                                                         # dollarExpr
  | '(' expr ')'                                                   # parenExpr
  | STRING                                                         # stringLit
  | '[' keyedEntry (',' keyedEntry)* ','? ']'                      # keyedList
  ;

// A keyed list `[2026: $10B, 2027-07: $20B]` (LANGUAGE.md §11): only an argument of series, curve,
// lookup and discrete; the checker says so elsewhere (TOK302), so it parses wherever a value may.
keyedEntry : key=expr ':' value=expr ;

unitAtom : IDENT | DOLLAR | '%' ;

exponent : '-'? NUMBER ;

arg : (label ':')? expr ;

label : IDENT | TIMELINE | TO | YEARLY | QUARTERLY | MONTHLY | PARAM | LET | REPORT | ASSERT
      | KIND | FN | IMPORT | SCENARIO | SOLVE | FOR | SO | THAT | WITHIN | IF | THEN | ELSE
      | AND | OR | NOT | AS | TRUE | FALSE | UNIT | CORRELATE | AMENDS | IN ;

// Unit expressions: `as` clauses and types (`$B/yr`, `GPU*h`, `W/GPU`, `1`, `date`, `chip`).
unitExpr
  : unitFactor (op+=('*' | '/') unitFactor)*
  ;

unitFactor
  : (IDENT | DOLLAR | '%' | NUMBER | '(' unitExpr ')') ('^' exponent)?
  ;

TIMELINE : 'timeline' ;
TO       : 'to' ;
YEARLY   : 'yearly' ;
QUARTERLY: 'quarterly' ;
MONTHLY  : 'monthly' ;
PARAM    : 'param' ;
LET      : 'let' ;
REPORT   : 'report' ;
ASSERT   : 'assert' ;
KIND     : 'kind' ;
FN       : 'fn' ;
IMPORT   : 'import' ;
SCENARIO : 'scenario' ;
SOLVE    : 'solve' ;
FOR      : 'for' ;
SO       : 'so' ;
THAT     : 'that' ;
WITHIN   : 'within' ;
IF       : 'if' ;
THEN     : 'then' ;
ELSE     : 'else' ;
AND      : 'and' ;
OR       : 'or' ;
NOT      : 'not' ;
AS       : 'as' ;
TRUE     : 'true' ;
FALSE    : 'false' ;
UNIT     : 'unit' ;
CORRELATE: 'correlate' ;
AMENDS   : 'amends' ;
IN       : 'in' ;

// A date wins over a subtraction: `2027-06` is June 2027, `2027 - 6` is 2021.
DATE   : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT ('-' DIGIT DIGIT)? ;
// `$50B` is money; `$`, `$k`, `$M`, `$B`, `$T` alone are units.
MONEY  : '$' NUM ;
DOLLAR : '$' ([kMBT] {!identCharNext()}?)? ;
NUMBER : NUM ;
IDENT  : [A-Za-z_] [A-Za-z0-9_]* ;
STRING : '"' ( ~["\\\r\n] | '\\' ["\\] )* '"' ;

fragment NUM    : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? ([kMBT] {!identCharNext()}?)? ;
fragment DIGITS : DIGIT ('_'? DIGIT)* ;
fragment DIGIT  : [0-9] ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n\f]+ -> skip ;
// Anything else is a token of its own so that the parser reports it as TOK100.
ERROR_CHAR    : . ;
