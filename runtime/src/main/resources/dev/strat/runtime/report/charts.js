// Draws the report's interactive charts with uPlot from the JSON in #chart-data.
// Drag to zoom (double-click resets), hover for values, click a legend entry to hide or show it.
// A chart is lines over time unless its data says otherwise: xkind "count" (episodes, epochs) or
// "category" (strategies, windows: xlabels name them), style "points", "steps" (ylabels name the
// values of a categorical series) or "bars" (one bar per line at its category, err its whisker).
// Each drawn chart's element gets data-points (values drawn), which the headless-browser test reads.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  function fmt(kind, v) {
    if (v == null || !isFinite(v)) return "\u2013";
    if (kind === "pct") return (v * 100).toFixed(Math.abs(v) < 0.1 ? 2 : 1) + "%";
    if (kind === "x") return v.toFixed(v < 10 ? 3 : 1);
    return v.toFixed(2);
  }
  // axis ticks: round values, so fewer digits than the hover values ("0.01", "10", "-20%")
  function tick(kind, v) {
    if (v == null) return "";
    if (kind === "pct") return +(v * 100).toPrecision(3) + "%";
    // large values (an episode's reward in currency) as 1.25M, 950k: the axis keeps its width
    var a = Math.abs(v);
    if (a >= 1e9) return +(v / 1e9).toPrecision(3) + "G";
    if (a >= 1e6) return +(v / 1e6).toPrecision(3) + "M";
    if (a >= 1e4) return +(v / 1e3).toPrecision(3) + "k";
    return String(+v.toPrecision(3));
  }
  function intraday(x) {
    for (var i = 0; i < x.length; i++) if (x[i] % 86400 !== 0) return true;
    return false;
  }
  function dateText(t, withTime) {
    var s = new Date(t * 1000).toISOString();
    return withTime ? s.slice(0, 16).replace("T", " ") : s.slice(0, 10);
  }
  // the name of category i (a whole number), or nothing between categories
  function named(labels, v) {
    return v != null && v === Math.round(v) && v >= 0 && v < labels.length ? labels[v] : "";
  }
  function guides(c) {
    return function (u) {
      var ctx = u.ctx, b = u.bbox;
      ctx.save();
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#999";
      ctx.setLineDash([4, 3]);
      if (c.ref != null) {
        var y = Math.round(u.valToPos(c.ref, "y", true)) + 0.5;
        if (y >= b.top && y <= b.top + b.height) {
          ctx.beginPath(); ctx.moveTo(b.left, y); ctx.lineTo(b.left + b.width, y); ctx.stroke();
        }
      }
      ctx.strokeStyle = "#bbb";
      ctx.setLineDash([2, 3]);
      c.markers.forEach(function (m) {
        var x = Math.round(u.valToPos(m, "x", true)) + 0.5;
        if (x < b.left || x > b.left + b.width) return;
        ctx.beginPath(); ctx.moveTo(x, b.top); ctx.lineTo(x, b.top + b.height); ctx.stroke();
      });
      ctx.restore();
    };
  }
  // a bar's ±1 std whisker, drawn over the bars of the lines shown
  function whiskers(c) {
    return function (u) {
      var ctx = u.ctx;
      ctx.save();
      ctx.lineWidth = 1.5 * (window.devicePixelRatio || 1);
      ctx.strokeStyle = "#333";
      c.lines.forEach(function (l, s) {
        if (!l.err || !u.series[s + 1].show) return;
        for (var i = 0; i < l.y.length; i++) {
          if (l.y[i] == null || l.err[i] == null) continue;
          var x = Math.round(u.valToPos(c.x[i], "x", true));
          var lo = u.valToPos(l.y[i] - l.err[i], "y", true), hi = u.valToPos(l.y[i] + l.err[i], "y", true);
          var w = 6 * (window.devicePixelRatio || 1);
          ctx.beginPath();
          ctx.moveTo(x, lo); ctx.lineTo(x, hi);
          ctx.moveTo(x - w, lo); ctx.lineTo(x + w, lo);
          ctx.moveTo(x - w, hi); ctx.lineTo(x + w, hi);
          ctx.stroke();
        }
      });
      ctx.restore();
    };
  }
  function draw(el, c) {
    var kind = c.xkind || "time", style = c.style || "line";
    var xlabels = c.xlabels || [], ylabels = c.ylabels || [];
    var withTime = kind === "time" && intraday(c.x);
    var xValue = kind === "time" ? function (u, v) { return v == null ? "\u2013" : dateText(v, withTime); }
      : kind === "category" ? function (u, v) { return named(xlabels, v) || "\u2013"; }
      : function (u, v) { return v == null ? "\u2013" : String(v); };
    var series = [{ label: c.xname || "Date", value: xValue }];
    var cols = [c.x], points = 0;
    var bars = style === "bars" ? uPlot.paths.bars({ size: [0.6, 90], align: 0 }) : null;
    var steps = style === "steps" ? uPlot.paths.stepped({ align: 1 }) : null;
    c.lines.forEach(function (l) {
      var s = {
        label: l.name, stroke: l.color, width: l.benchmark ? 1.5 : (c.lines.length > 5 ? 1.2 : 1.7),
        dash: l.benchmark ? [6, 4] : undefined, spanGaps: style !== "bars", points: { show: style === "points", size: 6 },
        value: ylabels.length ? function (u, v) { return named(ylabels, v) || "\u2013"; }
          : function (u, v) { return fmt(c.fmt, v); }
      };
      if (bars) { s.paths = bars; s.fill = l.color; s.width = 0; s.points = { show: false }; }
      if (steps) s.paths = steps;
      series.push(s);
      cols.push(l.y);
      l.y.forEach(function (v) { if (v != null) points++; });
    });
    var width = Math.max(320, el.clientWidth || 960);
    var xScale = kind === "time" ? { time: true } : { time: false };
    if (kind === "category") xScale.range = [-0.5, xlabels.length - 0.5];
    var yScale = c.log ? { distr: 3 } : {};
    if (ylabels.length) yScale.range = [-0.5, ylabels.length - 0.5];
    if (bars) yScale.range = function (u, min, max) {
      // bars grow from 0, and the whiskers must fit
      var lo = Math.min(0, min), hi = Math.max(0, max);
      c.lines.forEach(function (l) {
        if (!l.err) return;
        l.y.forEach(function (v, i) { if (v != null && l.err[i] != null) { lo = Math.min(lo, v - l.err[i]); hi = Math.max(hi, v + l.err[i]); } });
      });
      var pad = (hi - lo) * 0.05 || 1;
      return [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
    };
    var xAxis = {};
    if (kind === "category") {
      xAxis = { splits: function () { return xlabels.map(function (_, i) { return i; }); },
                values: function (u, vals) { return vals.map(function (v) { return named(xlabels, v); }); },
                rotate: xlabels.length > 6 ? -30 : 0, size: xlabels.length > 6 ? 110 : 40, grid: { show: false } };
    } else if (kind === "count") {
      // whole episodes and epochs only
      xAxis = { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6],
                values: function (u, vals) { return vals.map(function (v) { return String(v); }); } };
    }
    var yAxis = ylabels.length
      ? { size: 120, splits: function () { return ylabels.map(function (_, i) { return i; }); },
          values: function (u, vals) { return vals.map(function (v) { return named(ylabels, v); }); } }
      : { size: 64, values: function (u, vals) { return vals.map(function (v) { return tick(c.fmt, v); }); } };
    var draws = [guides(c)];
    if (bars) draws.push(whiskers(c));
    var opts = {
      title: c.title, width: width, height: c.height, series: series,
      scales: { x: xScale, y: yScale },
      axes: [xAxis, yAxis],
      cursor: { drag: { x: !bars, y: false } },
      hooks: { draw: draws }
    };
    var u = new uPlot(opts, cols, el);
    el.setAttribute("data-points", String(points));
    var last = width;
    window.addEventListener("resize", function () {
      var w = Math.max(320, el.clientWidth || 960);
      if (w !== last) { last = w; u.setSize({ width: w, height: c.height }); }
    });
  }
  var els = document.querySelectorAll("div[data-chart]");
  for (var i = 0; i < els.length; i++) {
    var el = els[i], c = data[el.getAttribute("data-chart")];
    try {
      if (!c) throw new Error("no data for chart " + el.getAttribute("data-chart"));
      draw(el, c);
    } catch (e) {
      // say so on the page (and the console) instead of leaving an empty box
      var p = document.createElement("p");
      p.className = "chart-error";
      p.textContent = "This chart could not be drawn: " + e.message + " (the SVG file beside the report has it).";
      el.appendChild(p);
      if (window.console) console.error(e);
    }
  }
})();
