// Draws the 晴雨表 province tile map with the vendored ECharts (wwwroot/lib/echarts, no CDN): one square per province
// at its grid place, coloured by its level. The data is rendered by the server into a JSON script element; the drawn
// colours are written to data-tiles (CODE=#colour;…) so that what the map shows can be checked.
(function () {
    "use strict";

    var colours = { Red: "#d9534f", Yellow: "#f0ad4e", Green: "#5cb85c", Exempt: "#9ecae1", NoData: "#dddddd" };

    function draw(el) {
        var source = document.getElementById(el.getAttribute("data-energy-map"));
        if (!source || typeof echarts === "undefined") {
            return;
        }
        var spec = JSON.parse(source.textContent);
        var data = spec.tiles.map(function (t) {
            return {
                value: [t.col, t.row],
                name: t.name,
                code: t.code,
                level: t.level,
                itemStyle: { color: colours[t.level] || colours.NoData },
            };
        });
        var chart = echarts.init(el, null, { renderer: "canvas" });
        chart.setOption({
            animation: false,
            tooltip: {
                formatter: function (p) { return p.data.name + " (" + p.data.code + "): " + (spec.labels[p.data.level] || p.data.level); },
            },
            grid: { left: 8, right: 8, top: 8, bottom: 8 },
            xAxis: { type: "value", min: -0.5, max: 9.5, show: false },
            yAxis: { type: "value", min: -0.5, max: 7.5, inverse: true, show: false },
            series: [{
                type: "scatter",
                symbol: "roundRect",
                symbolSize: function () { return Math.max(24, Math.min(el.clientWidth / 11, el.clientHeight / 9)); },
                data: data,
                label: { show: true, formatter: function (p) { return p.data.name; }, color: "#222", fontSize: 11 },
            }],
        });
        el.setAttribute("data-tiles", data.map(function (d) { return d.code + "=" + d.itemStyle.color; }).join(";"));
        window.addEventListener("resize", function () { chart.resize(); });
    }

    function drawAll() {
        document.querySelectorAll("[data-energy-map]").forEach(draw);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", drawAll);
    } else {
        drawAll();
    }
})();
