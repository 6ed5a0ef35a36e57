// Draws the report's interactive charts with uPlot from the JSON in #chart-data.
// Drag to zoom (double-click resets), hover for values, click a legend entry to hide or show it.
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
  function draw(el, c) {
    var withTime = intraday(c.x);
    var series = [{ label: "Date", value: function (u, v) { return v == null ? "\u2013" : dateText(v, withTime); } }];
    var cols = [c.x], points = 0;
    c.lines.forEach(function (l) {
      series.push({
        label: l.name, stroke: l.color, width: l.benchmark ? 1.5 : (c.lines.length > 5 ? 1.2 : 1.7),
        dash: l.benchmark ? [6, 4] : undefined, spanGaps: true, points: { show: false },
        value: function (u, v) { return fmt(c.fmt, v); }
      });
      cols.push(l.y);
      l.y.forEach(function (v) { if (v != null) points++; });
    });
    var width = Math.max(320, el.clientWidth || 960);
    var opts = {
      title: c.title, width: width, height: c.height, series: series,
      scales: { x: { time: true }, y: c.log ? { distr: 3 } : {} },
      axes: [{}, { size: 64, values: function (u, vals) { return vals.map(function (v) { return tick(c.fmt, v); }); } }],
      cursor: { drag: { x: true, y: false } },
      hooks: { draw: [guides(c)] }
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
