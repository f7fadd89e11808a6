/* Ledger page, enhanced: the server renders the table, the filters and the downloads for any URL;
 * this script filters and sorts without a reload (twin: /api/incidents), keeping the URL and the
 * Download links in step with what is shown. */
"use strict";
(() => {
  const { el, api, killed, label, grade } = SL;
  const COLUMNS = [
    ["strike_date", "Date"], ["region", "Region"], ["location", "Place"], ["vessels", "Vessels", "num"],
    ["killed_best", "Killed (range)", "num"], ["survivors", "Survivors", "num"], ["announced_by", "Announced by"],
    ["grade", "Grade"], ["n_sources", "Sources", "num"], ["n_outlets", "Outlets", "num"],
    ["official", "Official"], ["disputed", "Disputed"], ["contradictions", "Contradictions"],
  ];
  // The list's own filters (query parameters of /api/incidents and the exports), re-read on each Filter.
  const FILTERS = ["date_from", "date_to", "region", "grade", "contradictions", "min_outlets", "official",
    "disputed", "language"];
  const params = new URLSearchParams(location.search);
  let rows = [];
  let sort = parseSort(params.get("sort"));

  function parseSort(value) {
    if (!value) return { key: "strike_date", dir: 1, chosen: false };
    return { key: value.replace(/^-/, ""), dir: value.startsWith("-") ? -1 : 1, chosen: true };
  }

  function cell(row, key) {
    switch (key) {
      case "strike_date": return [el("a", { href: `/incidents/${encodeURIComponent(row.incident_id)}` }, row.strike_date || "undated"),
        row.date_precision !== "day" ? el("span", { class: "muted" }, ` (${row.date_precision})`) : null,
        row.corrected.length ? [" ", el("span", { class: "badge corrected", title: `corrected: ${row.corrected.join(", ")}` }, "corrected")] : null];
      case "location": return [row.location || "—", el("span", { class: "muted" }, ` · ${label(row.place_precision)}`)];
      case "killed_best": return killed(row);
      case "grade": return grade(row.grade);
      case "official": return row.official ? el("span", { class: "badge grade-official" }, "official") : "—";
      case "disputed": return row.disputed ? el("span", { class: "badge grade-disputed",
        title: row.disputed_by.join(", ") || "disputed" }, "disputed") : "—";
      case "contradictions": return row.contradictions ? el("span", { class: "badge contra", title: row.contradictions }, "contradictions") : "";
      default: return label(row[key]);
    }
  }

  function sortedRows() {
    const value = (row) => row[sort.key] ?? (sort.key === "killed_best" ? row.killed_low : null);
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x === y) return 0;
      if (x === null || x === undefined || x === "") return 1;
      if (y === null || y === undefined || y === "") return -1;
      return (x < y ? -1 : 1) * sort.dir;
    });
  }

  function table() {
    const head = el("tr", {}, COLUMNS.map(([key, name, cls]) => el("th", {
      class: cls, scope: "col", "aria-sort": sort.key === key ? (sort.dir > 0 ? "ascending" : "descending") : "none" },
      el("button", { type: "button", onclick: () => { sort = { key, dir: sort.key === key ? -sort.dir : 1, chosen: true }; draw(); } },
        name, sort.key === key ? (sort.dir > 0 ? " ▲" : " ▼") : ""))));
    const body = sortedRows().map((row) => el("tr", { "data-id": row.incident_id }, COLUMNS.map(([key, name, cls]) =>
      el("td", { class: cls, "data-label": name.replace(" (range)", "") }, cell(row, key)))));
    return el("div", { class: "table-wrap" }, el("table", { id: "ledger", class: "ledger" },
      el("caption", { class: "muted" }, `${rows.length} incidents shown`), el("thead", {}, head),
      el("tbody", {}, body.length ? body : el("tr", {}, el("td", { colspan: COLUMNS.length, class: "muted" }, "No incident matches these filters.")))));
  }

  /* The URL and every Download link carry the filters and the order shown. */
  function syncLinks() {
    if (sort.chosen) params.set("sort", `${sort.dir < 0 ? "-" : ""}${sort.key}`); else params.delete("sort");
    const query = params.toString();
    history.replaceState(null, "", `${location.pathname}${query ? "?" + query : ""}`);
    for (const link of document.querySelectorAll("#downloads a[data-format]")) {
      link.setAttribute("href", `/api/export.${link.dataset.format}${query ? "?" + query : ""}`);
    }
    const hidden = document.querySelector("#filters input[name=sort]");
    if (hidden) hidden.remove();
  }

  function draw() {
    const wrap = document.getElementById("ledger-wrap");
    wrap.replaceChildren(table());
    wrap.dataset.drawn = "1";  // the script's table is in place (readers of the DOM, tests)
    syncLinks();
  }

  let asked = 0;  // only the latest request draws: an earlier answer arriving late is dropped
  async function load() {
    const query = new URLSearchParams(params);
    query.delete("sort");
    query.set("limit", "1000");
    const mine = ++asked;
    const items = (await api(`/api/incidents?${query}`)).items;
    if (mine !== asked) return;
    rows = items;
    draw();
  }

  async function apply(form) {
    for (const key of FILTERS) params.delete(key);
    for (const [key, value] of new FormData(form)) if (value && key !== "sort") params.set(key, value);
    const status = document.getElementById("ledger-status");
    try { await load(); status.textContent = ""; }
    catch (error) { status.replaceChildren(el("span", { class: "error", role: "alert" }, `${error.code}: ${error.message}`)); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("filters");
    form.after(el("p", { id: "ledger-status", role: "status", "aria-live": "polite" }));
    form.addEventListener("submit", (event) => { event.preventDefault(); apply(form); });
    document.getElementById("clear").addEventListener("click", (event) => {
      event.preventDefault();
      for (const field of form.elements) {
        if (field.type === "checkbox") field.checked = false;
        else if (field.tagName === "SELECT") field.selectedIndex = 0;
        else if (field.type !== "submit" && field.type !== "hidden") field.value = "";
      }
      apply(form);
    });
    apply(form);
  });
})();
