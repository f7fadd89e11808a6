/* Timeline page, enhanced: the server renders the figures as tables; this script draws cumulative deaths by
 * region with reported totals over them, and weekly counts (twin: /api/timeline). */
"use strict";
(() => {
  const { api, warn, label } = SL;
  const COLOURS = { all: "#1b1f24", caribbean: "#0b5cad", eastern_pacific: "#c4281c", other: "#6a3fb5", unknown: "#8a939c" };

  function weekOf(day, weeks) {
    const found = weeks.filter((w) => w <= day).pop();
    return found || weeks[0];
  }

  function draw(data) {
    const weeks = data.weeks.map((w) => w.week);
    const cumulative = document.getElementById("cumulative");
    const weekly = document.getElementById("weekly");

    const lines = ["all", ...data.regions].map((region) => ({
      label: region === "all" ? "ledger, all regions" : label(region), data: data.weeks.map((w) => w.regions[region].cumulative_killed),
      borderColor: COLOURS[region] || "#444", backgroundColor: COLOURS[region] || "#444", borderWidth: region === "all" ? 3 : 2, pointRadius: 0, tension: 0.1,
    }));
    lines.push({
      label: "reported totals", data: data.reported.filter((r) => r.reported_killed !== null).map((r) => ({ x: weekOf(r.date, weeks), y: r.reported_killed, r })),
      showLine: false, pointStyle: "triangle", pointRadius: 6, borderColor: "#d4a800", backgroundColor: "#ffd43b",
    });
    new Chart(cumulative, {
      type: "line", data: { labels: weeks, datasets: lines },
      options: { maintainAspectRatio: false, animation: false, interaction: { mode: "nearest", intersect: false },
        plugins: { tooltip: { callbacks: { afterLabel: (ctx) => (ctx.raw && ctx.raw.r ? `${ctx.raw.r.outlet || ""} ${ctx.raw.r.date}` : "") } } } },
    });
    new Chart(weekly, {
      type: "bar",
      data: { labels: weeks, datasets: [
        { label: "strikes", data: data.weeks.map((w) => w.regions.all.strikes), backgroundColor: "#0b5cad", yAxisID: "y" },
        { label: "killed", data: data.weeks.map((w) => w.regions.all.killed), backgroundColor: "#c4281c", yAxisID: "y1" }] },
      options: { maintainAspectRatio: false, animation: false,
        scales: { y: { position: "left", title: { display: true, text: "strikes" } }, y1: { position: "right", title: { display: true, text: "killed" }, grid: { drawOnChartArea: false } } } },
    });
    for (const canvas of [cumulative, weekly]) canvas.dataset.drawn = "1";  // for readers and tests: the charts are there
  }

  document.addEventListener("DOMContentLoaded", async () => {
    try { draw(await api("/api/timeline")); } catch (error) { warn(error); }
  });
})();
