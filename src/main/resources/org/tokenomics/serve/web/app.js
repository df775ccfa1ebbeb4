// The playground page: an editor whose text is compiled as you type (diagnostics in the gutter,
// under the caret and in a list), the reports as tables and charts, a slider per param that
// re-evaluates on every move, scenarios side by side, Monte Carlo fans and the tornado, explain on
// click, downloads and save. All computing is done by the server (/api/…); this file only draws.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var state = {
    path: null, id: null, params: [], overrides: {}, lastRuns: null, periods: [], scenarios: [],
    mc: null, mcStale: false, saved: "", inflight: false, pending: false, charts: {}, tornado: null
  };
  // Slider-to-render times (ms) of the last moves, for the page and the browser test.
  // "server" is the part spent waiting for the answer (request, evaluation, JSON), the rest is drawing.
  window.tokTiming = { last: null, all: [], server: [] };

  // ---- numbers -----------------------------------------------------------------------------
  function fmt(v) {
    if (v == null) { return "–"; }
    if (typeof v !== "number") { return String(v); }
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e9 || a < 1e-3)) { return v.toExponential(3); }
    return Number(v.toPrecision(5)).toLocaleString("en-US", { maximumFractionDigits: 6 });
  }
  window.TokFormat = fmt;
  // A value with its unit; plain dollars get a magnitude ($389.3M), as the command line shows them.
  function quantity(v, unit) {
    if (typeof v === "number" && /^\$(\/|$)/.test(unit || "")) {
      var a = Math.abs(v);
      var m = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]].filter(function (x) { return a >= x[0]; })[0];
      var s = m ? fmt(Number((v / m[0]).toPrecision(4))) + m[1] : fmt(v);
      return (v < 0 ? "-$" + s.replace("-", "") : "$" + s) + unit.substring(1);
    }
    return fmt(v) + (unit && unit !== "date" && unit !== "bool" ? " " + unit : "");
  }
  // A slider's number as a Tok literal: plain digits, enough of them to be exact on the slider's grid.
  function literal(v) {
    var s = Number(v.toPrecision(8)).toString();
    return s.indexOf("e") >= 0 ? v.toExponential(7).replace("+", "") : s;
  }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  // ---- server ------------------------------------------------------------------------------
  function api(method, url, body) {
    return fetch(url, {
      method: method, headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { var e = new Error(j.error || r.statusText); e.status = r.status; throw e; }
        return j;
      });
    });
  }
  function status(text) { $("status").textContent = text; }

  // ---- editor and diagnostics ----------------------------------------------------------------
  var editor = CodeMirror($("editor"), {
    mode: "tok", lineNumbers: true, indentUnit: 2, gutters: ["CodeMirror-lint-markers"],
    lint: { getAnnotations: compileForLint, async: true, delay: 150 }
  });
  var diagnostics = [];

  function annotations(list) {
    var out = [];
    list.forEach(function (d) {
      if (d.line > 0 && d.file === state.path) {
        var from = CodeMirror.Pos(d.line - 1, Math.max(0, d.column - 1));
        var to = CodeMirror.Pos((d.end_line || d.line) - 1, Math.max(d.column, (d.end_column || d.column + 1) - 1));
        out.push({ from: from, to: to, severity: d.severity === "error" ? "error" : "warning",
          message: d.code ? d.code + ": " + d.message + (d.help ? "\nhelp: " + d.help : "") : d.message });
      }
    });
    return out;
  }

  function showDiagnostics(list) {
    diagnostics = list;
    var ul = $("diagnostics");
    ul.innerHTML = "";
    list.forEach(function (d) {
      var li = document.createElement("li");
      li.className = d.severity;
      li.textContent = d.text;
      li.onclick = function () { if (d.line > 0 && d.file === state.path) { jump(d.line, d.column); } };
      ul.appendChild(li);
    });
    caretDiagnostic();
  }

  function caretDiagnostic() {
    var line = editor.getCursor().line + 1;
    var here = diagnostics.filter(function (d) {
      return d.file === state.path && d.line > 0 && d.line <= line && line <= (d.end_line || d.line);
    });
    $("caret-diag").textContent = here.map(function (d) {
      return d.severity + (d.code ? "[" + d.code + "]" : "") + ": " + d.message + (d.help ? " — help: " + d.help : "");
    }).join("\n");
  }
  editor.on("cursorActivity", caretDiagnostic);
  editor.on("change", function () { markDirty(); });

  // Hover: after the mouse rests on a name, the language server's hover for it (what it is, its
  // dimension, its value, where it is defined), shown beside the mouse.
  var hoverTimer = null;
  var tip = document.createElement("div");
  tip.className = "hover-tip";
  tip.hidden = true;
  document.body.appendChild(tip);
  editor.getWrapperElement().addEventListener("mousemove", function (ev) {
    clearTimeout(hoverTimer);
    tip.hidden = true;
    hoverTimer = setTimeout(function () { hover(ev.clientX, ev.clientY); }, 450);
  });
  editor.getWrapperElement().addEventListener("mouseleave", function () { clearTimeout(hoverTimer); tip.hidden = true; });
  editor.on("keydown", function () { clearTimeout(hoverTimer); tip.hidden = true; });

  function hover(x, y) {
    if (!state.path) { return; }
    var pos = editor.coordsChar({ left: x, top: y }, "window");
    if (pos.outside) { return; }
    api("POST", "/api/hover", { path: state.path, text: editor.getValue(), offset: editor.indexFromPos(pos) })
      .then(function (r) {
        if (!r.hover) { return; }
        tip.textContent = r.hover.replace(/```[a-z]*\n?/g, "").replace(/\*\*/g, "").replace(/`/g, "").replace(/\n{2,}/g, "\n").trim();
        tip.style.left = Math.min(x + 12, window.innerWidth - 420) + "px";
        tip.style.top = (y + 16) + "px";
        tip.hidden = false;
      }).catch(function () { /* no hover: nothing to show */ });
  }

  function jump(line, column) {
    editor.focus();
    editor.setCursor(CodeMirror.Pos(line - 1, Math.max(0, (column || 1) - 1)));
    editor.scrollIntoView(null, 80);
  }

  // Called by the lint addon after each pause in typing: compile the text, show its diagnostics,
  // and when it checks, its inputs and results; when it does not, keep the last results.
  function compileForLint(text, update) {
    if (!state.path) { update([]); return; }
    api("POST", "/api/compile", { path: state.path, text: text }).then(function (r) {
      showDiagnostics(r.diagnostics);
      update(annotations(r.diagnostics));
      if (!r.ok) { $("stale").hidden = state.lastRuns == null; return; }
      // It compiled, but the base run may still fail (TOK500): then the last results stay, marked.
      $("stale").hidden = !(state.lastRuns && r.runs.length === 0);
      state.id = r.id;
      state.periods = r.periods;
      state.scenarios = r.scenarios;
      setParams(r.params);
      if (state.mc) { state.mcStale = true; }
      if (Object.keys(state.overrides).length || !$("scenarios").checked) {
        evaluate(null); // the sliders still hold overrides: show the model under them
      } else if (r.runs.length) {
        render(r.runs, null);
      }
    }).catch(function (e) { update([]); status(e.message); });
  }

  // ---- params and sliders ------------------------------------------------------------------
  var STEPS = 400;

  function setParams(params) {
    var same = params.length === state.params.length && params.every(function (p, i) {
      var q = state.params[i];
      return q.name === p.name && q.default === p.default && JSON.stringify(q.slider) === JSON.stringify(p.slider);
    });
    state.params = params;
    Object.keys(state.overrides).forEach(function (n) {
      if (!params.some(function (p) { return p.name === n; })) { delete state.overrides[n]; }
    });
    if (same) { return; }
    var box = $("params");
    box.innerHTML = "";
    params.forEach(function (p) {
      var name = document.createElement("span");
      name.className = "name" + (p.uncertain ? " uncertain" : "");
      name.textContent = p.name;
      name.title = p.default + (p.uncertain ? " (a distribution: the slider spans its range; Monte Carlo draws it)" : "");
      var range = document.createElement("input");
      range.type = "range";
      var text = document.createElement("input");
      text.type = "text";
      text.title = "a Tok expression; Enter applies it";
      var s = p.slider;
      function shown() {
        var o = state.overrides[p.name];
        text.value = o != null ? o : (s ? literal(s.value) + (s.unit ? " " + s.unit : "") : p.default);
        name.classList.toggle("changed", o != null);
      }
      if (s && s.values && s.values.length > 1) {
        // a discrete param: one step per value it can take
        range.min = 0; range.max = s.values.length - 1; range.step = 1;
        range.dataset.param = p.name;
        range.value = s.values.reduce(function (best, v, i) {
          return Math.abs(v - s.value) < Math.abs(s.values[best] - s.value) ? i : best;
        }, 0);
        range.addEventListener("input", function () {
          var t0 = performance.now();
          state.overrides[p.name] = literal(s.values[Number(range.value)]) + (s.unit ? " " + s.unit : "");
          shown();
          changed(t0);
        });
      } else if (s && s.min != null && s.max != null) {
        range.min = 0; range.max = STEPS; range.step = 1;
        range.dataset.param = p.name;
        range.value = Math.round((s.value - s.min) / (s.max - s.min) * STEPS);
        range.addEventListener("input", function () {
          var t0 = performance.now();
          var v = s.min + (s.max - s.min) * Number(range.value) / STEPS;
          state.overrides[p.name] = literal(v) + (s.unit ? " " + s.unit : "");
          shown();
          changed(t0);
        });
      } else {
        range.disabled = true;
      }
      text.addEventListener("keydown", function (ev) {
        if (ev.key !== "Enter") { return; }
        var v = text.value.trim();
        if (v === "" || v === p.default) { delete state.overrides[p.name]; } else { state.overrides[p.name] = v; }
        shown();
        changed(performance.now());
      });
      shown();
      box.appendChild(name); box.appendChild(range); box.appendChild(text);
    });
  }

  function changed(t0) {
    if (state.mc) { state.mcStale = true; }
    evaluate(t0);
  }

  // One request at a time; moves made meanwhile are folded into the next one (the newest wins).
  function evaluate(t0) {
    if (!state.id) { return; }
    if (state.inflight) { state.pending = { t0: t0 }; return; }
    state.inflight = true;
    api("POST", "/api/evaluate", { id: state.id, overrides: state.overrides, scenarios: $("scenarios").checked })
      .then(function (r) {
        if (t0) { window.tokTiming.server.push(performance.now() - t0); }
        var bad = r.runs.length === 0 && r.diagnostics.length > 0;
        Array.prototype.forEach.call(document.querySelectorAll("#params input[type=text]"), function (el) {
          el.classList.toggle("bad", bad);
        });
        if (r.diagnostics.length) { showDiagnostics(r.diagnostics); } else if (!bad) { showDiagnostics(diagnostics.filter(function (d) { return d.code; })); }
        if (r.runs.length) { render(r.runs, t0); $("stale").hidden = true; }
      })
      .catch(function (e) {
        if (e.status === 409) { editor.performLint(); } else { status(e.message); }
      })
      .then(function () {
        state.inflight = false;
        if (state.pending) { var p = state.pending; state.pending = false; evaluate(p.t0); }
      });
  }

  // ---- results -----------------------------------------------------------------------------
  function render(runs, t0) {
    state.lastRuns = runs;
    renderScalars(runs);
    renderAssertions(runs);
    renderSeries(runs);
    renderMcSelect(runs);
    if (t0) {
      // uPlot draws in a microtask queued by setData; this one runs after those, once all is drawn.
      Promise.resolve().then(function () {
        var ms = performance.now() - t0;
        window.tokTiming.last = ms;
        window.tokTiming.all.push(ms);
        $("timing").textContent = "re-rendered in " + ms.toFixed(1) + " ms";
      });
    }
  }

  function mcReport(name) {
    return state.mc ? state.mc.reports.filter(function (r) { return r.name === name; })[0] : null;
  }

  function renderScalars(runs) {
    var base = runs[0];
    var mcCols = state.mc ? ["mean", "p5", "p50", "p95"] : [];
    var h = "<tr><th>report</th><th></th>" + runs.map(function (r) { return "<th>" + esc(r.scenario) + "</th>"; }).join("") +
      mcCols.map(function (c) { return "<th title='Monte Carlo, " + state.mc.samples + " samples" +
        (state.mcStale ? " (inputs have changed since)" : "") + "'>" + c + (state.mcStale ? "*" : "") + "</th>"; }).join("") + "</tr>";
    base.reports.forEach(function (rep, i) {
      if (rep.series && rep.numeric) { return; } // a chart of its own
      h += "<tr><td><span class='explainable' data-explain='" + esc(rep.name) + "'>" + esc(rep.name) + "</span></td>" +
        "<td class='unit'>" + esc(rep.unit) + "</td>";
      runs.forEach(function (r) {
        var x = r.reports[i];
        h += "<td>" + esc(x.series ? spans(x.text) : x.text ? x.text[0] : fmt(x.values[0])) + "</td>";
      });
      var m = mcReport(rep.name);
      mcCols.forEach(function (c) { h += "<td>" + (m ? fmt(m[c][0]) : "") + "</td>"; });
      h += "</tr>";
    });
    $("scalars").innerHTML = h;
  }

  // A date or bool series as runs of equal values: "false 2026-01…2027-05, true 2027-06…2030-12".
  function spans(text) {
    var out = [];
    for (var k = 0; k < text.length; k++) {
      var from = k;
      while (k + 1 < text.length && text[k + 1] === text[k]) { k++; }
      out.push(text[k] + " " + state.periods[from] + (k > from ? "…" + state.periods[k] : ""));
    }
    return out.join(", ");
  }

  function renderAssertions(runs) {
    var h = "";
    runs.forEach(function (r) {
      r.assertions.forEach(function (a) {
        if (a.ok && runs.length > 1 && r.scenario !== "base") { return; }
        h += "<li class='" + (a.ok ? "ok" : "fail") + "'>" + (a.ok ? "ok" : "FAILED") +
          (runs.length > 1 ? " [" + esc(r.scenario) + "]" : "") + " line " + a.line + ": " + esc(a.message) + "</li>";
      });
    });
    $("assertions").innerHTML = h;
  }

  function renderSeries(runs) {
    var box = $("charts");
    var names = {};
    runs[0].reports.forEach(function (rep, i) {
      if (!rep.series || !rep.numeric) { return; }
      names[rep.name] = true;
      var c = state.charts[rep.name];
      if (!c) {
        var panel = document.createElement("div");
        panel.className = "panel chartpanel";
        panel.innerHTML = "<h2><span class='explainable' data-explain='" + esc(rep.name) + "'>" + esc(rep.name) +
          "</span> <span class='unit'></span></h2><div class='chart'></div>" +
          "<details class='series-table'><summary>table</summary><div></div></details>";
        box.appendChild(panel);
        c = state.charts[rep.name] = { panel: panel, el: panel.querySelector(".chart") };
        var det = panel.querySelector("details");
        det.addEventListener("toggle", function () { if (det.open) { seriesTable(c); } });
      }
      c.panel.querySelector(".unit").textContent = rep.unit;
      c.runs = runs.map(function (r) { return { scenario: r.scenario, values: r.reports[i].values }; });
      c.unit = rep.unit;
      c.periods = rep.periods || state.periods; // a roll-up has its own years or quarters
      var m = mcReport(rep.name);
      c.fan = m ? { p5: m.p5, p50: m.p50, p95: m.p95 } : null;
      TokCharts.series(c, c.periods, rep.unit, c.runs, c.fan);
      if (c.panel.querySelector("details").open) { seriesTable(c); }
    });
    Object.keys(state.charts).forEach(function (n) {
      if (!names[n]) {
        if (state.charts[n].plot) { state.charts[n].plot.destroy(); }
        state.charts[n].panel.remove();
        delete state.charts[n];
      }
    });
  }

  function seriesTable(c) {
    var cols = c.runs.map(function (r) { return r.scenario; });
    if (c.fan) { cols = cols.concat(["p5", "p50", "p95"]); }
    var h = "<table><tr><th>period</th>" + cols.map(function (x) { return "<th>" + esc(x) + "</th>"; }).join("") + "</tr>";
    (c.periods || state.periods).forEach(function (p, k) {
      h += "<tr><td>" + esc(p) + "</td>" + c.runs.map(function (r) { return "<td>" + fmt(r.values[k]) + "</td>"; }).join("");
      if (c.fan) { h += ["p5", "p50", "p95"].map(function (q) { return "<td>" + fmt(c.fan[q][k]) + "</td>"; }).join(""); }
      h += "</tr>";
    });
    c.panel.querySelector("details div").innerHTML = h + "</table>";
  }

  function renderMcSelect(runs) {
    var sel = $("mc-output");
    var want = sel.value;
    var names = runs[0].reports.filter(function (r) { return !r.series && r.numeric; }).map(function (r) { return r.name; });
    if (sel.options.length === names.length && names.every(function (n, i) { return sel.options[i].value === n; })) { return; }
    sel.innerHTML = names.map(function (n) { return "<option>" + esc(n) + "</option>"; }).join("");
    if (names.indexOf(want) >= 0) { sel.value = want; }
  }

  // ---- Monte Carlo -------------------------------------------------------------------------
  function monteCarlo() {
    if (!state.id) { return; }
    $("mc-status").textContent = "sampling…";
    var t0 = performance.now();
    api("POST", "/api/simulate", { id: state.id, overrides: state.overrides, samples: Number($("mc-samples").value),
      seed: Number($("mc-seed").value), output: $("mc-output").value || null })
      .then(function (r) {
        if (!r.reports) { showDiagnostics(r.diagnostics); $("mc-status").textContent = "failed"; return; }
        state.mc = r;
        state.mcStale = false;
        if (r.diagnostics.length) { showDiagnostics(diagnostics.concat(r.diagnostics)); }
        $("mc-status").textContent = r.samples + " samples of " + (r.uncertain.join(", ") || "no uncertain param") +
          " in " + (performance.now() - t0).toFixed(0) + " ms";
        if (state.lastRuns) { render(state.lastRuns); }
        renderTornado(r.tornado);
      })
      .catch(function (e) { $("mc-status").textContent = e.message; });
  }

  function renderTornado(t) {
    var panel = $("tornado-panel");
    if (!t) { panel.hidden = true; return; }
    panel.hidden = false;
    $("tornado-title").innerHTML = "Tornado of <span class='explainable' data-explain='" + esc(t.output) + "'>" +
      esc(t.output) + "</span> <span class='timing'>" + esc(t.unit) + ", each uncertain param at its p5 and p95</span>";
    if (!state.tornado) { state.tornado = TokCharts.make($("tornado")); }
    $("tornado").style.height = Math.max(160, 60 + 34 * t.bars.length) + "px";
    state.tornado.resize();
    TokCharts.tornado(state.tornado, t);
  }

  // ---- explain -----------------------------------------------------------------------------
  function explain(name) {
    api("POST", "/api/explain", { id: state.id, name: name, overrides: state.overrides }).then(function (r) {
      if (!r.tree) { showDiagnostics(r.diagnostics); return; }
      $("explain-title").textContent = "Explain " + name;
      $("explain-tree").innerHTML = "";
      $("explain-tree").appendChild(node(r.tree, true));
      $("explain").hidden = false;
    }).catch(function (e) { status(e.message); });
  }

  function node(n, open) {
    var d = document.createElement("details");
    d.open = open;
    var v = !n.values ? "" : n.series
      ? quantity(n.values[0], n.unit) + " (" + state.periods[0] + ") … " + quantity(n.values[n.values.length - 1], n.unit) +
        " (" + state.periods[state.periods.length - 1] + ")"
      : quantity(n.values[0], n.unit);
    var head = "<span class='explainable' data-explain='" + esc(n.name) + "'>" + esc(n.name) + "</span> = " +
      esc(v) + " <span class='role'>" + esc(n.role || "") + "</span>";
    if (n.where) { head += " <span class='where' data-where='" + esc(n.where) + "'>" + esc(n.where.replace(/.*\//, "")) + "</span>"; }
    var s = document.createElement("summary");
    s.innerHTML = head;
    d.appendChild(s);
    if (n.expression) { var e = document.createElement("code"); e.className = "expr"; e.textContent = n.expression; d.appendChild(e); }
    if (n.note) { var no = document.createElement("div"); no.className = "expr"; no.textContent = n.note; d.appendChild(no); }
    if (n.error) { var er = document.createElement("div"); er.className = "expr err"; er.textContent = n.error; d.appendChild(er); }
    if (n.shown_above) { var sa = document.createElement("div"); sa.className = "expr"; sa.textContent = "(inputs shown above)"; d.appendChild(sa); }
    n.inputs.forEach(function (c) { d.appendChild(node(c, false)); });
    if (n.inputs_not_shown) {
      var more = document.createElement("div");
      more.className = "expr";
      more.textContent = n.inputs_not_shown + " more inputs: click the name to explain it";
      d.appendChild(more);
    }
    return d;
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (t.dataset && t.dataset.explain) { ev.preventDefault(); explain(t.dataset.explain); return; }
    if (t.dataset && t.dataset.where) { // file:line; only lines of the file in the editor can be shown
      var m = /^(.*):(\d+)$/.exec(t.dataset.where);
      if (m && (m[1] === state.path || m[1].slice(-state.path.length - 1) === "/" + state.path)) { jump(Number(m[2]), 1); }
    }
  });
  $("explain-close").onclick = function () { $("explain").hidden = true; };

  // ---- files: open, save, download ---------------------------------------------------------
  function markDirty() {
    status(editor.getValue() === state.saved ? "saved" : "unsaved changes");
  }

  function open(path) {
    return api("GET", "/api/file?path=" + encodeURIComponent(path)).then(function (r) {
      state.path = r.path;
      state.id = null;
      state.overrides = {};
      state.params = [];
      state.mc = null;
      state.lastRuns = null;
      $("params").innerHTML = "";
      renderTornado(null);
      state.saved = r.text;
      editor.setValue(r.text);
      editor.clearHistory();
      markDirty();
    }).catch(function (e) { status(e.message); });
  }

  function save() {
    var text = editor.getValue();
    api("PUT", "/api/file", { path: state.path, text: text }).then(function () {
      state.saved = text;
      markDirty();
    }).catch(function (e) { status("not saved: " + e.message); });
  }

  // Saves the text under a new name inside the folder (the server refuses any other place), then
  // works on that file.
  function saveAs() {
    var path = window.prompt("Save as (a .tok path inside the served folder):", state.path || "model.tok");
    if (!path) { return; }
    var text = editor.getValue();
    api("PUT", "/api/file", { path: path, text: text }).then(function () {
      var sel = $("file");
      if (!Array.prototype.some.call(sel.options, function (o) { return o.value === path; })) {
        var o = document.createElement("option");
        o.textContent = path;
        sel.appendChild(o);
      }
      sel.value = path;
      state.path = path;
      state.saved = text;
      markDirty();
      editor.performLint();
    }).catch(function (e) { status("not saved: " + e.message); });
  }

  function download(format) {
    if (!state.id) { return; }
    fetch("/api/download", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: state.id, overrides: state.overrides, format: format,
        samples: state.mc ? state.mc.samples : 0, seed: state.mc ? state.mc.seed : 1 }) })
      .then(function (r) {
        if (!r.ok) { return r.json().then(function (j) { throw new Error(j.error); }); }
        var name = (/filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") || "") || [])[1] || "tok." + format;
        return r.blob().then(function (b) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(b);
          a.download = name;
          document.body.appendChild(a);
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        });
      }).catch(function (e) { status(e.message); });
  }

  $("save").onclick = save;
  $("save-as").onclick = saveAs;
  document.addEventListener("keydown", function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "s") { ev.preventDefault(); save(); }
  });
  $("mc-run").onclick = monteCarlo;
  $("scenarios").onchange = function () { evaluate(performance.now()); };
  $("reset").onclick = function () { state.overrides = {}; state.params = []; editor.performLint(); };
  Array.prototype.forEach.call(document.querySelectorAll(".downloads button"), function (b) {
    b.onclick = function () { download(b.dataset.format); };
  });
  $("file").onchange = function () { open($("file").value); };
  window.addEventListener("resize", function () {
    Object.keys(state.charts).forEach(function (n) { TokCharts.resize(state.charts[n]); });
    if (state.tornado) { state.tornado.resize(); }
  });
  window.addEventListener("beforeunload", function (ev) {
    if (state.path && editor.getValue() !== state.saved) { ev.preventDefault(); ev.returnValue = ""; }
  });

  api("GET", "/api/files").then(function (r) {
    var sel = $("file");
    var files = r.files.slice();
    if (r.initial && files.indexOf(r.initial) < 0) { files.unshift(r.initial); }
    sel.innerHTML = files.map(function (f) { return "<option>" + esc(f) + "</option>"; }).join("");
    if (r.initial) { sel.value = r.initial; open(r.initial); } else { status("no .tok file in " + r.root); }
  });
})();
