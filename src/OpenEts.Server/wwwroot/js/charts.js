// Draws every chart on a page with the vendored ECharts (wwwroot/lib/echarts, no CDN).
// A chart is <div class="chart" data-chart="ID"></div> plus <script type="application/json" id="ID">…</script>
// holding { kind: "bar" | "line" | "stacked", categories: [...], series: [{ name, data: [...] }], unit: "tCO2" }.
// A series may give its own type ("bar" among lines), a colour, and dashed: true (a path or a target line); scale: true
// fits the value axis to the data rather than starting it at 0 (prices).
// The data is rendered by the server; no inline script runs (the CSP forbids it).
(function () {
    "use strict";

    function option(spec) {
        var stacked = spec.kind === "stacked";
        var legend = spec.series.length > 1;
        return {
            animation: false,
            tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "–" : Number(v).toLocaleString() + " " + (spec.unit || ""); } },
            // One scrolling row of legend, and the axis's unit below it (a wrapped legend ran over the unit).
            legend: legend ? { type: "scroll", top: 0, left: 16, right: 16 } : undefined,
            grid: { left: 16, right: 16, top: legend ? 64 : 16, bottom: 8, containLabel: true },
            xAxis: { type: "category", data: spec.categories, axisLabel: { interval: 0, hideOverlap: true } },
            yAxis: { type: "value", name: spec.unit || "", scale: spec.scale === true, axisLabel: { formatter: function (v) { return Number(v).toLocaleString(); } } },
            series: spec.series.map(function (s) {
                return {
                    name: s.name,
                    type: s.type || (spec.kind === "line" ? "line" : "bar"),
                    stack: stacked ? "total" : undefined,
                    data: s.colors ? s.data.map(function (v, i) { return { value: v, itemStyle: { color: s.colors[i] } }; }) : s.data,
                    itemStyle: s.color ? { color: s.color } : undefined,
                    lineStyle: s.dashed ? { type: "dashed" } : undefined,
                    barMaxWidth: 64,
                    emphasis: { focus: "series" },
                };
            }),
        };
    }

    function draw(el) {
        var source = document.getElementById(el.getAttribute("data-chart"));
        if (!source || typeof echarts === "undefined") {
            return;
        }
        var spec = JSON.parse(source.textContent);
        var chart = echarts.init(el, null, { renderer: "canvas" });
        chart.setOption(option(spec));
        el.setAttribute("data-chart-ready", String(spec.series.reduce(function (n, s) { return n + s.data.length; }, 0)));
        window.addEventListener("resize", function () { chart.resize(); });
    }

    function drawAll() {
        document.querySelectorAll(".chart[data-chart]").forEach(draw);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", drawAll);
    } else {
        drawAll();
    }
})();
