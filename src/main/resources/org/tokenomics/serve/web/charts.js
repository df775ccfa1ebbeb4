// Charts for the playground (ECharts): a line per scenario for a series report, a p5–p95 band and
// p50 line after a Monte Carlo run (the fan), and the tornado. Charts are made once per report
// and updated in place, without animation, so a slider move redraws only what changed.
(function () {
  "use strict";
  var COLORS = ["#1a56b8", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207"];
  var FAN = "#1a56b8";

  function fmt(v) { return window.TokFormat ? window.TokFormat(v) : String(v); }

  function base(periods, unit) {
    return {
      animation: false,
      grid: { left: 64, right: 16, top: 28, bottom: 28 },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "" : fmt(v) + " " + unit; } },
      legend: { top: 0, type: "scroll" },
      xAxis: { type: "category", data: periods, boundaryGap: false },
      yAxis: { type: "value", scale: true, axisLabel: { formatter: function (v) { return fmt(v); } } }
    };
  }

  // A filled polygon between two arrays, drawn once (for the first data item) by a custom series.
  function band(name, lo, hi, color) {
    return {
      name: name, type: "custom", silent: true, z: 1,
      data: lo.map(function (v, i) { return [i, v]; }),
      renderItem: function (params, api) {
        if (params.dataIndex !== 0) { return null; }
        var pts = [];
        var i;
        for (i = 0; i < hi.length; i++) { if (hi[i] != null) { pts.push(api.coord([i, hi[i]])); } }
        for (i = lo.length - 1; i >= 0; i--) { if (lo[i] != null) { pts.push(api.coord([i, lo[i]])); } }
        return { type: "polygon", shape: { points: pts }, style: { fill: color, opacity: 0.22 } };
      }
    };
  }

  /**
   * Draws (or updates) a series report. runs: [{scenario, values}]; fan: {p5, p50, p95} or null.
   */
  function series(chart, periods, unit, runs, fan) {
    var opt = base(periods, unit);
    var list = [];
    runs.forEach(function (r, k) {
      list.push({ name: r.scenario, type: "line", data: r.values, showSymbol: false, z: 3,
        lineStyle: { width: 2, color: COLORS[k % COLORS.length] }, itemStyle: { color: COLORS[k % COLORS.length] } });
    });
    if (fan) {
      list.push(band("p5–p95", fan.p5, fan.p95, FAN));
      list.push({ name: "p50", type: "line", data: fan.p50, showSymbol: false, z: 2,
        lineStyle: { width: 1.5, type: "dashed", color: FAN }, itemStyle: { color: FAN } });
    }
    opt.series = list;
    chart.setOption(opt, { notMerge: true, lazyUpdate: false });
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
    tornado: tornado
  };
})();
