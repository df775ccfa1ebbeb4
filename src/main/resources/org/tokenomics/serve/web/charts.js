// Charts for the playground. Series reports are uPlot charts (a line per scenario; after a Monte
// Carlo run a p5–p95 band and a dashed p50 line, the fan): uPlot redraws 60 periods in well under
// a millisecond, so a slider move can redraw every chart. A chart is made once per report and its
// data replaced on each move; it is remade only when its shape (scenarios, fan, periods) changes.
// The tornado, drawn once per Monte Carlo run, is an ECharts bar chart.
(function () {
  "use strict";
  var COLORS = ["#1a56b8", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207"];
  var FAN = "#1a56b8";
  var HEIGHT = 190;

  function fmt(v) { return window.TokFormat ? window.TokFormat(v) : String(v); }

  function options(el, periods, unit, names, fan) {
    var series = [{ label: "period", value: function (u, i) { return i == null ? "" : periods[i]; } }];
    names.forEach(function (n, k) {
      series.push({ label: n, stroke: COLORS[k % COLORS.length], width: 2,
        value: function (u, v) { return v == null ? "–" : fmt(v); } });
    });
    var bands;
    if (fan) {
      var at = series.length;
      series.push({ label: "p5", stroke: "rgba(26,86,184,0.35)", width: 1, value: function (u, v) { return fmt(v); } });
      series.push({ label: "p95", stroke: "rgba(26,86,184,0.35)", width: 1, value: function (u, v) { return fmt(v); } });
      series.push({ label: "p50", stroke: FAN, width: 1.5, dash: [6, 4], value: function (u, v) { return fmt(v); } });
      bands = [{ series: [at + 1, at], fill: "rgba(26,86,184,0.18)" }];
    }
    return {
      width: Math.max(200, el.clientWidth), height: HEIGHT,
      scales: { x: { time: false } },
      series: series,
      bands: bands,
      legend: { live: true },
      axes: [
        { values: function (u, splits) { return splits.map(function (i) { return periods[i] == null ? "" : periods[i]; }); } },
        { size: 64, values: function (u, vals) { return vals.map(fmt); }, label: unit }
      ]
    };
  }

  /**
   * Draws (or updates) a series report in holder {el, plot, shape}. runs: [{scenario, values}];
   * fan: {p5, p50, p95} or null. Drawing happens in a microtask queued here (uPlot's own batching).
   */
  function series(holder, periods, unit, runs, fan) {
    var xs = periods.map(function (p, i) { return i; });
    var data = [xs];
    runs.forEach(function (r) { data.push(r.values); });
    if (fan) { data.push(fan.p5, fan.p95, fan.p50); }
    var names = runs.map(function (r) { return r.scenario; });
    var shape = unit + "|" + periods.join(",") + "|" + names.join(",") + "|" + (fan ? "fan" : "");
    if (holder.plot && holder.shape === shape) {
      holder.plot.setData(data);
      return;
    }
    if (holder.plot) { holder.plot.destroy(); }
    holder.el.innerHTML = "";
    holder.plot = new uPlot(options(holder.el, periods, unit, names, fan), data, holder.el);
    holder.shape = shape;
  }

  function resize(holder) {
    if (holder.plot) { holder.plot.setSize({ width: Math.max(200, holder.el.clientWidth), height: HEIGHT }); }
  }

  /** The tornado: for each param, a bar from the base value to the output at its p5 and at its p95. */
  function tornado(chart, t) {
    var bars = t.bars.slice().reverse(); // largest swing on top
    var names = bars.map(function (b) { return b.param; });
    function half(which, color) {
      return {
        name: which === "low" ? "param at p5" : "param at p95", type: "custom",
        itemStyle: { color: color },
        data: bars.map(function (b, i) { return [i, b[which] == null ? t.base : b[which]]; }),
        renderItem: function (params, api) {
          var i = api.value(0);
          var a = api.coord([t.base, i]);
          var b = api.coord([api.value(1), i]);
          var h = api.size([0, 1])[1] * 0.6;
          return { type: "rect", shape: { x: Math.min(a[0], b[0]), y: a[1] - h / 2, width: Math.abs(b[0] - a[0]), height: h },
            style: { fill: color } };
        },
        encode: { x: 1, y: 0 }
      };
    }
    chart.setOption({
      animation: false,
      grid: { left: 140, right: 24, top: 28, bottom: 28 },
      legend: { top: 0 },
      tooltip: { formatter: function (p) {
        var b = bars[p.value[0]];
        return b.param + " (" + b.distribution + ")<br>p5 " + fmt(b.in_low) + " " + b.param_unit + " → " + fmt(b.low) +
          " " + t.unit + "<br>p95 " + fmt(b.in_high) + " " + b.param_unit + " → " + fmt(b.high) + " " + t.unit;
      } },
      xAxis: { type: "value", scale: true, axisLabel: { formatter: function (v) { return fmt(v); } } },
      yAxis: { type: "category", data: names },
      series: [half("low", "#1a56b8"), half("high", "#c2410c"),
        { type: "line", name: "base", data: [], markLine: { symbol: "none", silent: true, label: { formatter: "base" },
          data: [{ xAxis: t.base }], lineStyle: { color: "#333" } } }]
    }, { notMerge: true, lazyUpdate: false });
  }

  window.TokCharts = {
    make: function (el) { return echarts.init(el, null, { renderer: "canvas" }); },
    series: series,
    resize: resize,
    tornado: tornado
  };
})();
