// Draws the figures the page builds in C# (Charts/PlotFigure.cs) with plotly.js. Each drawing bumps data-revision on
// the chart element and fires a "ketamine-drawn" event, which the end-to-end test uses to time slider -> redrawn chart.
window.ketaminePlots = {
  draw: function (element, json) {
    const start = performance.now();
    const figure = JSON.parse(json);
    const config = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
    return Plotly.react(element, figure.data, figure.layout, config).then(function () {
      element.dataset.drawMs = (performance.now() - start).toFixed(1);
      element.dataset.revision = String((Number(element.dataset.revision) || 0) + 1);
      element.dispatchEvent(new CustomEvent("ketamine-drawn"));
    });
  }
};
