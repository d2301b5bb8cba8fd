// Draws an instrument's K-line (candlestick) and volume chart with the vendored ECharts (wwwroot/lib/echarts, no CDN).
// The page holds <div class="chart kline" data-kline="ID"></div> and <script type="application/json" id="ID">
// { instrument, interval: "1m" | "1d", bars: [{ start, open, high, low, close, volume, turnover, trades }] }</script>,
// rendered by the server; no inline script runs (the CSP forbids it). Prices are yuan/t, volume t.
(function () {
    "use strict";

    function label(start, interval) {
        // start is ISO 8601 with +08:00: Beijing time as written.
        return interval === "1d" ? start.substring(0, 10) : start.substring(5, 16).replace("T", " ");
    }

    function margin(v) {
        return Math.max((v.max - v.min) * 0.1, v.max * 0.02);
    }

    function option(spec) {
        var up = "#c23531", down = "#2f8f4e"; // Chinese convention: red rises, green falls.
        var categories = spec.bars.map(function (b) { return label(b.start, spec.interval); });
        return {
            animation: false,
            tooltip: { trigger: "axis", axisPointer: { type: "cross" } },
            axisPointer: { link: [{ xAxisIndex: "all" }] },
            grid: [{ left: 56, right: 16, top: 16, height: "58%" }, { left: 56, right: 16, top: "78%", height: "16%" }],
            xAxis: [
                { type: "category", data: categories, boundaryGap: true, axisLabel: { hideOverlap: true } },
                { type: "category", gridIndex: 1, data: categories, boundaryGap: true, axisLabel: { show: false } },
            ],
            yAxis: [
                // Around the prices traded, with a margin of 2 % of the price at least: one trade at 16.50 gives about
                // 16.17–16.83, not an axis from 6 to 27.
                { scale: true, name: spec.priceUnit || "元/吨", min: function (v) { return Math.max(0, Math.floor((v.min - margin(v)) * 100) / 100); },
                    max: function (v) { return Math.ceil((v.max + margin(v)) * 100) / 100; } },
                { gridIndex: 1, name: "t", splitNumber: 2, axisLabel: { formatter: function (v) { return Number(v).toLocaleString(); } } },
            ],
            dataZoom: spec.bars.length > 60 ? [{ type: "inside", xAxisIndex: [0, 1], start: 100 - Math.min(100, 6000 / spec.bars.length), end: 100 }] : [],
            series: [
                {
                    name: spec.instrument, type: "candlestick",
                    // ECharts' candlestick order: open, close, low, high.
                    data: spec.bars.map(function (b) { return [b.open, b.close, b.low, b.high]; }),
                    itemStyle: { color: up, color0: down, borderColor: up, borderColor0: down },
                },
                {
                    name: "volume", type: "bar", xAxisIndex: 1, yAxisIndex: 1,
                    data: spec.bars.map(function (b) { return { value: b.volume, itemStyle: { color: b.close >= b.open ? up : down } }; }),
                },
            ],
        };
    }

    function yuan(v) {
        return v == null ? "—" : Number(v).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }

    function text(id, value) {
        var el = document.getElementById(id);
        if (el) {
            el.textContent = value;
        }
    }

    function row(cls, side, level) {
        var tr = document.createElement("tr");
        tr.className = cls;
        [side, yuan(level.price), Number(level.quantity).toLocaleString(), String(level.orders)].forEach(function (v, i) {
            var td = document.createElement("td");
            td.textContent = v;
            if (i > 0) {
                td.className = "num";
            }
            tr.appendChild(td);
        });
        return tr;
    }

    function showDepth(depth) {
        var table = document.getElementById("depth");
        if (!table || !depth) {
            return;
        }
        table.querySelectorAll("tr.ask, tr.bid").forEach(function (tr) { tr.remove(); });
        var body = table.tBodies[0] || table;
        depth.asks.slice().reverse().forEach(function (l) { body.appendChild(row("ask", table.getAttribute("data-ask"), l)); });
        depth.bids.forEach(function (l) { body.appendChild(row("bid", table.getAttribute("data-bid"), l)); });
        var empty = document.getElementById("depth-empty");
        if (empty) {
            empty.hidden = depth.asks.length + depth.bids.length > 0;
        }
        var halted = document.getElementById("instrument-halted");
        if (halted) {
            halted.hidden = !depth.halted;
        }
    }

    // A time as the page's server writes it: in its display zone, "2026-12-05 16:27:03 (UTC+8)".
    function at(iso, el) {
        var minutes = Number(el.getAttribute("data-zone-minutes") || 480);
        var local = new Date(Date.parse(iso) + minutes * 60000);
        var pad = function (n) { return String(n).padStart(2, "0"); };
        var zone = "UTC" + (minutes < 0 ? "-" : "+") + Math.floor(Math.abs(minutes) / 60)
            + (minutes % 60 === 0 ? "" : ":" + pad(Math.abs(minutes) % 60));
        return local.getUTCFullYear() + "-" + pad(local.getUTCMonth() + 1) + "-" + pad(local.getUTCDate()) + " "
            + pad(local.getUTCHours()) + ":" + pad(local.getUTCMinutes()) + ":" + pad(local.getUTCSeconds()) + " (" + zone + ")";
    }

    function showTicker(t) {
        text("ticker-last", yuan(t.last));
        var lastAt = document.getElementById("ticker-last-at");
        if (lastAt && t.lastAt) {
            lastAt.textContent = at(t.lastAt, lastAt);
        }
        text("ticker-change-yuan", t.change == null ? "—" : (t.change > 0 ? "+" : "") + yuan(t.change));
        text("ticker-change", t.changePercent == null ? "—" : (t.changePercent > 0 ? "+" : "") + Number(t.changePercent).toFixed(2) + " %");
        text("ticker-high", yuan(t.high));
        text("ticker-low", yuan(t.low));
        text("ticker-volume", Number(t.volume).toLocaleString());
        text("ticker-turnover", yuan(t.turnover));
        text("ticker-block-volume", Number(t.blockVolume || 0).toLocaleString());
        text("ticker-open", yuan(t.open));
        text("ticker-trades", Number(t.trades || 0).toLocaleString());
        text("ticker-block-turnover", yuan(t.blockTurnover || 0));
    }

    // Live updates by server-sent events (no polling): the ticker, the depth, and the newest bar merged into the chart.
    function listen(el, spec, chart) {
        var url = el.getAttribute("data-stream");
        if (!url || typeof EventSource === "undefined") {
            return;
        }
        var source = new EventSource(url);
        source.addEventListener("update", function (e) {
            var u = JSON.parse(e.data);
            showTicker(u.ticker);
            showDepth(u.depth);
            var bar = spec.interval === "1d" ? u.day : u.minute;
            if (bar) {
                var last = spec.bars[spec.bars.length - 1];
                if (last && last.start === bar.start) {
                    spec.bars[spec.bars.length - 1] = bar;
                } else if (!last || last.start < bar.start) {
                    spec.bars.push(bar);
                }
                chart.setOption(option(spec), { replaceMerge: ["series", "xAxis"] });
                el.setAttribute("data-chart-ready", String(spec.bars.length));
            }
            el.setAttribute("data-stream-version", String(u.version));
        });
    }

    function draw(el) {
        var source = document.getElementById(el.getAttribute("data-kline"));
        if (!source || typeof echarts === "undefined") {
            return;
        }
        var spec = JSON.parse(source.textContent);
        spec.priceUnit = el.getAttribute("data-price-unit");
        var chart = echarts.init(el, null, { renderer: "canvas" });
        chart.setOption(option(spec));
        el.setAttribute("data-chart-ready", String(spec.bars.length));
        window.addEventListener("resize", function () { chart.resize(); });
        listen(el, spec, chart);
    }

    function drawAll() {
        document.querySelectorAll(".chart[data-kline]").forEach(draw);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", drawAll);
    } else {
        drawAll();
    }
})();
