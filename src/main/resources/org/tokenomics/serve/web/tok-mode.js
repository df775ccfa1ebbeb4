// Syntax colouring for Tok in CodeMirror 5: the same token classes as the TextMate grammar in
// dsl/editors/tok.tmLanguage.json, written as a CodeMirror "simple mode".
(function () {
  "use strict";
  var unitWords = "bp|s|min|h|day|week|month|quarter|yr|W|kW|MW|GW|TW|J|kJ|MJ|GJ|Wh|kWh|MWh|GWh|TWh|" +
    "tok|ktok|Mtok|Btok|Ttok|GPU|FLOP|GFLOP|TFLOP|PFLOP|EFLOP|byte|kB|MB|GB|TB|PB|USD";
  CodeMirror.defineSimpleMode("tok", {
    start: [
      { regex: /\/\/.*/, token: "comment" },
      { regex: /\/\*/, token: "comment", next: "comment" },
      { regex: /"(?:[^\\"]|\\.)*"?/, token: "string" },
      { regex: /\b(param|let|report|unit|fn|kind|scenario|solve)(\s+)([A-Za-z_][A-Za-z0-9_]*)/,
        token: ["keyword", null, "def"] },
      { regex: /\b(?:param|let|report|assert|kind|fn|import|scenario|solve|unit|timeline)\b/, token: "keyword" },
      { regex: /\b(?:if|then|else|for|so|that|within|to|as|and|or|not)\b/, token: "keyword" },
      { regex: /\b(?:yearly|quarterly|monthly|true|false)\b/, token: "atom" },
      { regex: /\b(?:t|dt|date|year|period)\b/, token: "variable-2" },
      { regex: /\b\d{4}-\d{2}(?:-\d{2})?\b/, token: "number" },
      { regex: /\$\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?[kMBT]?(?![A-Za-z0-9_])/, token: "number" },
      { regex: /\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?[kMBT]?(?![A-Za-z0-9_])/, token: "number" },
      { regex: /[A-Za-z_][A-Za-z0-9_]*(?=\s*\()/, token: "builtin" },
      { regex: /\$[kMBT]?(?![A-Za-z0-9_])|%/, token: "unit" },
      { regex: new RegExp("\\b(?:" + unitWords + ")\\b"), token: "unit" },
      { regex: /==|!=|<=|>=|[<>=+\-*\/^]/, token: "operator" },
      { regex: /[A-Za-z_][A-Za-z0-9_]*/, token: "variable" }
    ],
    comment: [
      { regex: /.*?\*\//, token: "comment", next: "start" },
      { regex: /.*/, token: "comment" }
    ],
    meta: { lineComment: "//", blockCommentStart: "/*", blockCommentEnd: "*/" }
  });
})();
