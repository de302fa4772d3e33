// Draws the figures the page builds in C# (Charts/PlotFigure.cs) with plotly.js. A chart that is off screen keeps only
// its latest figure and is drawn when it scrolls into view, so a slider redraws only what can be seen. Each drawing
// bumps data-revision on the chart element and fires a "ketamine-drawn" event (the end-to-end test times slider ->
// redrawn chart with it); data-sync-ms is plotly's synchronous drawing time.
window.ketaminePlots = (function () {
  const pending = new Map();   // element -> figure JSON not drawn yet (off screen)
  const visible = new Set();
  // Two toolbar buttons per chart (save as PNG, reset the axes): no "share" or "edit online" link (the page promises no
  // server) and two tab stops per chart instead of eight.
  const config = {
    responsive: true, displaylogo: false, showLink: false, showSendToCloud: false, showEditInChartStudio: false,
    modeBarButtons: [["toImage", "resetScale2d"]],
  };

  function render(element, json) {
    pending.delete(element);
    const start = performance.now();
    const figure = JSON.parse(json);
    const drawn = Plotly.react(element, figure.data, figure.layout, config);
    element.dataset.syncMs = (performance.now() - start).toFixed(1);
    return drawn.then(function () {
      element.dataset.revision = String((Number(element.dataset.revision) || 0) + 1);
      element.dispatchEvent(new CustomEvent("ketamine-drawn"));
    });
  }

  const observer = new IntersectionObserver(function (entries) {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        visible.add(entry.target);
        if (pending.has(entry.target)) render(entry.target, pending.get(entry.target));
      } else {
        visible.delete(entry.target);
      }
    }
  }, { rootMargin: "100px" });

  return {
    draw: function (element, json) {
      if (!element.dataset.observed) { element.dataset.observed = "1"; observer.observe(element); }
      if (!element.dataset.revision || visible.has(element)) return render(element, json);   // first figure: always draw
      pending.set(element, json);
      return Promise.resolve();
    },
    // Draws every chart that is waiting (before a full-page screenshot or print).
    flush: function () {
      return Promise.all(Array.from(pending.entries()).map(function (e) { return render(e[0], e[1]); }));
    }
  };
})();
