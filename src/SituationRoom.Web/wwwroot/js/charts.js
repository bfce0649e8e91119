// The one bridge to ApexCharts (apexcharts 4.7.0, served from /lib by the build). .NET sends a small ChartSpec;
// this module turns it into dark-theme ApexCharts options and reports clicks on points back to .NET.
let loading;

function ensureApex() {
    if (window.ApexCharts) {
        return Promise.resolve();
    }
    if (!loading) {
        loading = new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = "/lib/apexcharts/apexcharts.min.js";
            script.onload = resolve;
            script.onerror = () => reject(new Error("apexcharts could not be loaded"));
            document.head.appendChild(script);
        });
    }
    return loading;
}

// Categorical colours that stay apart on a dark background and for the common colour blindnesses; grey is "Others".
const palette = ["#5cc8ff", "#ffb000", "#b39dfa", "#4ade80", "#f472b6", "#fb923c", "#2dd4bf", "#e8e36a", "#94a3b8", "#8fb4ff"];

function numberFormat(decimals) {
    const locale = document.documentElement.lang === "en" ? "en-US" : "id-ID";
    return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function report(element, series, index) {
    // A marker click can also count as a selection: one click, one drill-down.
    const now = Date.now();
    if (series === undefined || index === undefined || series < 0 || index < 0 || now - (element.__lastReport || 0) < 400) {
        return;
    }
    element.__lastReport = now;
    element.__dotnet?.invokeMethodAsync("PointSelected", series, index);
}

// The point (series, index) drawn at a spot, read from the attributes ApexCharts puts on bars, heat cells and line
// markers (the same "index" and "j" its own selection reads), or null.
function pointAt(x, y) {
    // Every element at the spot, top first: a crosshair or label drawn over the bar must not hide it.
    const el = document.elementsFromPoint(x, y)
        .map(e => e.closest?.("path.apexcharts-bar-area, rect.apexcharts-heatmap-rect, .apexcharts-marker"))
        .find(e => e);
    if (!el) {
        return null;
    }
    const series = parseInt(el.getAttribute("index"), 10);
    const index = parseInt(el.getAttribute("j") ?? el.getAttribute("rel"), 10);
    return Number.isNaN(series) || Number.isNaN(index) ? null : { series, index };
}

// ApexCharts reports a selection from a mousedown listener on each drawn bar or marker. When it redraws (a resize as
// the page fills in, a scrollbar appearing) between the press and the release, or draws a fresh bar under a pointer
// that was already pressed, that listener is gone or never ran and the click is lost. So the chart's own element also
// listens: a press and release at the same spot (a click or a tap, whatever was redrawn in between) opens the point
// under the pointer at the release. One click still opens one list: report() drops the second of the two.
function listen(element) {
    let down = null;
    element.addEventListener("pointerdown", e => {
        down = e.button === 0 ? { x: e.clientX, y: e.clientY, at: Date.now() } : null;
    });
    element.addEventListener("pointerup", e => {
        const pressed = down;
        down = null;
        if (!pressed || Date.now() - pressed.at > 1500 || Math.abs(e.clientX - pressed.x) > 8 || Math.abs(e.clientY - pressed.y) > 8) {
            return;
        }
        const point = pointAt(e.clientX, e.clientY);
        if (point) {
            report(element, point.series, point.index);
        }
    });
}

function options(spec, element) {
    const format = numberFormat(spec.decimals);
    const show = v => (v === null || v === undefined || Number.isNaN(v)) ? "–" : format.format(v) + spec.unit;
    const heatmap = spec.kind === "heatmap";
    const series = heatmap
        ? spec.series.map(s => ({ name: s.name, data: s.data.map((v, i) => ({ x: spec.categories[i], y: v })) }))
        : spec.series.map(s => ({ name: s.name, data: s.data, type: s.type || spec.kind }));
    const colors = spec.series.map((s, i) => s.color || palette[i % palette.length]);
    const lineLike = s => (s.type || spec.kind) === "line";
    const result = {
        chart: {
            type: heatmap ? "heatmap" : spec.kind,
            stacked: spec.stacked,
            // The element's own height in pixels, not "100%": with a percentage ApexCharts draws the legend below
            // the box, over whatever follows the chart.
            height: element.clientHeight || "100%",
            background: "transparent",
            foreColor: "#9fb0d0",
            fontFamily: "inherit",
            toolbar: { show: false },
            zoom: { enabled: false },
            animations: { enabled: false },
            events: {
                // Bars and heat cells report a selection, line markers a marker click; either one drills down.
                dataPointSelection: (event, context, config) => report(element, config.seriesIndex, config.dataPointIndex),
                markerClick: (event, context, config) => report(element, config.seriesIndex, config.dataPointIndex),
            },
        },
        theme: { mode: "dark" },
        series,
        grid: { borderColor: "#223052", strokeDashArray: 3 },
        stroke: heatmap
            ? { width: 1, colors: ["#0b1220"] }
            : { curve: "straight", width: spec.series.map(s => lineLike(s) ? 2.5 : 0), dashArray: spec.series.map(s => s.dashed ? 6 : 0) },
        markers: { size: spec.series.map(s => lineLike(s) ? (spec.categories.length > 60 ? 3 : 5) : 0), strokeWidth: 0, hover: { sizeOffset: 3 } },
        fill: { opacity: spec.series.map(s => lineLike(s) ? 1 : 0.92) },
        plotOptions: {
            bar: { columnWidth: spec.categories.length > 40 ? "90%" : "70%", borderRadius: 1 },
            heatmap: {
                radius: 2,
                enableShades: false,
                // Grade bands of the SMART composite; the number is printed in every cell, so colour is never alone.
                colorScale: {
                    ranges: [
                        { from: 0, to: 59.99, color: "#c2410c", name: "< 60" },
                        { from: 60, to: 69.99, color: "#b7791f", name: "60–70" },
                        { from: 70, to: 79.99, color: "#3f6212", name: "70–80" },
                        { from: 80, to: 89.99, color: "#1d6fa5", name: "80–90" },
                        { from: 90, to: 100, color: "#2563eb", name: "≥ 90" },
                    ],
                },
            },
        },
        dataLabels: heatmap
            ? { enabled: true, style: { colors: ["#ffffff"], fontSize: "11px", fontWeight: 600 }, formatter: v => (v === null ? "" : format.format(v)) }
            : { enabled: false },
        legend: { position: "bottom", horizontalAlign: "left", fontSize: "13px", markers: { size: 6 } },
        xaxis: {
            categories: spec.categories,
            labels: { rotate: -45, rotateAlways: false, hideOverlappingLabels: true, trim: true, style: { fontSize: "12px" } },
            tickAmount: spec.categories.length > 24 ? 12 : undefined,
            tooltip: { enabled: false },
        },
        yaxis: {
            min: spec.yMin ?? undefined,
            max: spec.yMax ?? undefined,
            forceNiceScale: true,
            labels: { formatter: v => (v === null || v === undefined) ? "" : numberFormat(spec.decimals > 0 && spec.yMax && spec.yMax <= 10 ? 1 : 0).format(v) + spec.unit, style: { fontSize: "12px" } },
        },
        tooltip: {
            theme: "dark",
            // One point at a time: the tooltip names exactly the point a click will open.
            shared: false,
            intersect: true,
            x: { formatter: (v, opts) => (spec.tooltips && opts && opts.dataPointIndex >= 0 ? spec.tooltips[opts.dataPointIndex] : v) },
            y: { formatter: v => show(v) },
        },
        noData: { text: spec.noData, style: { color: "#9fb0d0", fontSize: "15px" } },
    };
    // ApexCharts copies what it is given: an undefined key would override its defaults, so leave keys out instead.
    if (!heatmap) {
        result.colors = colors;
    }
    if (heatmap) {
        delete result.xaxis.categories;
        // The rows are named (OPDs): their labels are the names, not numbers.
        result.yaxis = { labels: { maxWidth: 220, style: { fontSize: "12px" } } };
        result.xaxis.labels.rotate = 0;
    }
    for (const key of ["min", "max"]) {
        if (result.yaxis[key] === undefined) {
            delete result.yaxis[key];
        }
    }
    if (result.xaxis.tickAmount === undefined) {
        delete result.xaxis.tickAmount;
    }
    return result;
}

// Charts by the id their component gave them: the component's element may already be gone from the page when it is
// disposed, and the chart must still be destroyed (ApexCharts listens on the window for resizes).
const charts = new Map();

export async function create(id, element, spec, dotnet) {
    await ensureApex();
    element.__dotnet = dotnet;
    listen(element);
    const chart = new window.ApexCharts(element, options(spec, element));
    charts.set(id, { chart, element });
    await chart.render();
    element.setAttribute("data-rendered", "true");
}

export async function update(id, spec) {
    const entry = charts.get(id);
    if (!entry) {
        return;
    }
    // A new spec can change the kind (line to heatmap), which updateOptions cannot do: draw it again.
    entry.chart.destroy();
    entry.chart = new window.ApexCharts(entry.element, options(spec, entry.element));
    await entry.chart.render();
}

export function destroy(id) {
    const entry = charts.get(id);
    charts.delete(id);
    if (entry) {
        entry.chart.destroy();
        entry.element.__dotnet = null;
    }
}
