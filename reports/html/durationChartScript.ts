/**
 * The script that draws each duration histogram (recovery times, downtime) with Chart.js from
 * the data the page carries in `<script type="application/json" class="duration-data">`. A
 * constant text, so its CSP hash never changes; markers (bound, p50, p99) are drawn by a small
 * inline plugin.
 */
export const DURATION_CHART_SCRIPT = `(function () {
  if (typeof Chart === 'undefined') return;
  var charts = [];
  document.querySelectorAll('script.duration-data').forEach(function (source) {
    charts = charts.concat(JSON.parse(source.textContent));
  });
  var markers = {
    id: 'recoveryMarkers',
    afterDatasetsDraw: function (chart, args, options) {
      var ctx = chart.ctx, area = chart.chartArea, x = chart.scales.x;
      (options.markers || []).forEach(function (m, i) {
        var px = x.getPixelForValue(m.at);
        if (!isFinite(px)) return;
        ctx.save();
        ctx.strokeStyle = m.colour;
        ctx.fillStyle = m.colour;
        ctx.lineWidth = m.dashed ? 1 : 2;
        ctx.setLineDash(m.dashed ? [4, 3] : []);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.font = '11px system-ui, sans-serif';
        ctx.textAlign = px > area.right - 90 ? 'right' : 'left';
        var tx = px + (ctx.textAlign === 'right' ? -4 : 4), ty = area.top + 12 + i * 14;
        var w = ctx.measureText(m.label).width;
        ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
        ctx.fillRect(ctx.textAlign === 'right' ? tx - w - 2 : tx - 2, ty - 10, w + 4, 13);
        ctx.fillStyle = m.colour;
        ctx.fillText(m.label, tx, ty);
        ctx.restore();
      });
    }
  };
  charts.forEach(function (c) {
    var canvas = document.getElementById(c.canvas);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: c.labels,
        datasets: [{
          label: c.yTitle,
          data: c.counts,
          backgroundColor: c.overBound.map(function (o) { return o ? '#e15759' : '#4e79a7'; }),
          barPercentage: 1,
          categoryPercentage: 0.92
        }]
      },
      options: {
        animation: false,
        responsive: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: function (items) { return c.ranges[items[0].dataIndex]; } } },
          recoveryMarkers: { markers: c.markers }
        },
        scales: {
          x: { title: { display: true, text: c.xTitle }, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
          y: { beginAtZero: true, title: { display: true, text: c.yTitle }, ticks: { precision: 0 } }
        }
      },
      plugins: [markers]
    });
  });
})();`;
