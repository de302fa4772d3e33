// Draws the figures the page builds in C# (Charts/PlotFigure.cs) with plotly.js. A chart that is off screen keeps only
// its latest figure and is drawn when it scrolls into view, so a slider redraws only what can be seen. Each drawing
// bumps data-revision on the chart element and fires a "ketamine-drawn" event (the end-to-end test times slider ->
// redrawn chart with it); data-sync-ms is plotly's synchronous drawing time. firstDrawnMs is the time of the page's
// first drawn chart since navigation started (the end-to-end test reports it).
window.ketaminePlots = (function () {
  const pending = new Map();   // element -> figure JSON not drawn yet (off screen)
  const drawn = new Map();     // element -> [figure JSON drawn, whether it was fitted to a narrow screen]
  const visible = new Set();
  const narrow = 640;          // px: below this a two-panel figure is stacked and legends go under the plot
  // One toolbar button per chart (reset the axes): no "share" or "edit online" link (the page promises no server) and
  // one tab stop; the page's own buttons export the data (CSV) and the figure with its settings stamped on it (PNG).
  const config = {
    responsive: true, displaylogo: false, showLink: false, showSendToCloud: false, showEditInChartStudio: false,
    modeBarButtons: [["resetScale2d"]],
  };

  // A two-panel figure (x2/y2 side by side) is stacked on a narrow screen, and the legend sits between the title and
  // the plot (plotly widens the top margin to fit it), so no legend covers data or an axis title and no panel is
  // squeezed to a few dozen pixels.
  function fit(figure, width) {
    const layout = figure.layout;
    const small = width < narrow;
    layout.legend = { orientation: "h", x: 0, xanchor: "left", y: 1.02, yanchor: "bottom", font: { size: small ? 11 : 12 } };
    layout.title = Object.assign({}, layout.title || {}, { x: 0, xanchor: "left", y: 0.995, yanchor: "top", yref: "container",
      font: { size: small ? 13 : 16 } });
    const margin = Object.assign({ l: 60, r: 20, t: 40, b: 50 }, layout.margin || {});
    if (small) {
      // Long axis titles are cut at their first aside ("(...)" or "; ...") so they fit; the caption keeps the whole text.
      for (const name of ["xaxis", "yaxis", "xaxis2", "yaxis2"]) {
        const axis = layout[name];
        if (axis && axis.title && axis.title.text && axis.title.text.length > 32) {
          const cut = axis.title.text.search(/ \(|;/);
          if (cut > 0) axis.title.text = axis.title.text.slice(0, cut);
        }
      }
    }
    if (small && layout.xaxis2 && layout.xaxis && layout.xaxis.domain) {
      layout.height = 2 * (layout.height || 360);
      layout.xaxis.domain = [0, 1];
      layout.xaxis2.domain = [0, 1];
      layout.yaxis = Object.assign(layout.yaxis || {}, { domain: [0.6, 1] });
      layout.yaxis2 = Object.assign(layout.yaxis2 || {}, { domain: [0, 0.4] });
    }
    const added = small ? 60 : 30;
    layout.margin = Object.assign(margin, { t: margin.t + added, l: small ? 50 : margin.l });
    layout.height = (layout.height || 360) + added;
    return figure;
  }

  function render(element, json) {
    pending.delete(element);
    const start = performance.now();
    const width = element.clientWidth || window.innerWidth;
    const figure = fit(JSON.parse(json), width);
    drawn.set(element, [json, width < narrow]);
    const done = Plotly.react(element, figure.data, figure.layout, config);
    element.dataset.syncMs = (performance.now() - start).toFixed(1);
    return done.then(function () {
      element.dataset.revision = String((Number(element.dataset.revision) || 0) + 1);
      if (api.firstDrawnMs === null) api.firstDrawnMs = performance.now();
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

  // A chart whose width crosses the narrow threshold (a phone turned, a window resized) is fitted again.
  let resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      for (const [element, [json, wasNarrow]] of drawn) {
        if (!element.isConnected) { drawn.delete(element); continue; }
        if ((element.clientWidth < narrow) !== wasNarrow) api.draw(element, json);
      }
    }, 150);
  });

  function save(name, blob) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  const api = {
    firstDrawnMs: null,
    draw: function (element, json) {
      if (!element.dataset.observed) { element.dataset.observed = "1"; observer.observe(element); }
      if (!element.dataset.revision || visible.has(element)) return render(element, json);   // first figure: always draw
      pending.set(element, json);
      return Promise.resolve();
    },
    // Draws every chart that is waiting (before a full-page screenshot or print).
    flush: function () {
      return Promise.all(Array.from(pending.entries()).map(function (e) { return render(e[0], e[1]); }));
    },
    // Saves text (a chart's data as CSV) under a file name.
    saveText: function (name, text) { save(name, new Blob([text], { type: "text/csv;charset=utf-8" })); },
    // Saves the figure as a PNG at 1200 x its height, with the stamp (settings, PROVISIONAL) printed under the plot.
    savePng: function (name, json, stamp) {
      const figure = fit(JSON.parse(json), 1200);
      const layout = figure.layout;
      layout.margin.b += 40;
      layout.height = (layout.height || 360) + 40;
      layout.annotations = (layout.annotations || []).concat([{ text: stamp, xref: "paper", yref: "paper", x: 0, y: 0,
        xanchor: "left", yanchor: "top", yshift: -(layout.margin.b - 24), showarrow: false, font: { size: 11, color: "#4a5560" } }]);
      return Plotly.toImage({ data: figure.data, layout: layout }, { format: "png", width: 1200, height: layout.height || 360 })
        .then(function (url) { return fetch(url); }).then(function (r) { return r.blob(); })
        .then(function (blob) { save(name, blob); return blob.size; });
    },
    // Replaces the page's address without reloading (settings in the URL, so a link reproduces them).
    setQuery: function (query) { history.replaceState(null, "", (query ? "?" + query : location.pathname) + location.hash); },
    query: function () { return location.search.replace(/^\?/, ""); },
  };
  return api;
})();
