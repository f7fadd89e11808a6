/* Ledger page: campaign totals and the table of every incident (twin: /api/incidents, /api/totals). */
"use strict";
(() => {
  const { el, api, render, fail, killed, label, grade } = SL;
  const REGIONS = ["caribbean", "eastern_pacific", "other", "unknown"];
  const GRADES = ["official", "corroborated", "single_source", "disputed"];
  const COLUMNS = [
    ["strike_date", "Date"], ["region", "Region"], ["location", "Place"], ["vessels", "Vessels", "num"],
    ["killed_best", "Killed (range)", "num"], ["survivors", "Survivors", "num"], ["announced_by", "Announced by"],
    ["grade", "Grade"], ["n_sources", "Sources", "num"], ["n_outlets", "Outlets", "num"],
    ["official", "Official"], ["disputed", "Disputed"], ["contradictions", "Contradictions"],
  ];
  // The list's own filters (query parameters of /api/incidents), cleared and re-read on each Filter.
  const FILTERS = ["date_from", "date_to", "region", "grade", "contradictions", "min_outlets", "official",
    "disputed", "language"];
  // The languages of the ledger's sources (ISO 639-1, "und"), read from the unfiltered list at load.
  let languages = [];
  let rows = [];
  let sort = { key: "strike_date", dir: 1 };
  const params = new URLSearchParams(location.search);

  function select(name, options) {
    return el("select", { name, id: `f-${name}` }, el("option", { value: "" }, "any"),
      options.map((o) => el("option", { value: o, selected: params.get(name) === o }, label(o))));
  }

  /* any / yes / no for a true-or-false filter of the API. */
  function yesNo(name) {
    const choices = [["", "any"], ["true", "yes"], ["false", "no"]];
    return el("select", { name, id: `f-${name}` }, choices.map(([value, text]) =>
      el("option", { value, selected: (params.get(name) || "") === value }, text)));
  }

  function filters() {
    const form = el("form", { class: "filters", role: "search", "aria-label": "Filter the ledger" },
      el("label", {}, "From", el("input", { type: "date", name: "date_from", value: params.get("date_from") || "" })),
      el("label", {}, "To", el("input", { type: "date", name: "date_to", value: params.get("date_to") || "" })),
      el("label", {}, "Region", select("region", REGIONS)),
      el("label", {}, "Grade", select("grade", GRADES)),
      el("label", { title: "Incidents with a source in this language" }, "Source language", select("language", languages)),
      el("label", {}, "Official source", yesNo("official")),
      el("label", {}, "Disputed", yesNo("disputed")),
      el("label", { class: "check" }, el("input", { type: "checkbox", name: "contradictions", value: "true", checked: params.get("contradictions") === "true" }), "only with contradictions"),
      // Two outlets at least: a syndicated copy is the same outlet's text, so it never lifts a row past this.
      el("label", { class: "check" }, el("input", { type: "checkbox", name: "min_outlets", value: "2",
        id: "f-min_outlets", checked: params.get("min_outlets") === "2" }), "hide single-source incidents"),
      el("button", { type: "submit", class: "primary" }, "Filter"),
      el("button", { type: "reset" }, "Clear"));
    form.addEventListener("submit", (event) => { event.preventDefault(); apply(form); });
    form.addEventListener("reset", () => setTimeout(() => apply(form), 0));
    return form;
  }

  async function apply(form) {
    for (const key of FILTERS) params.delete(key);
    for (const [key, value] of new FormData(form)) if (value) params.set(key, value);
    history.replaceState(null, "", `${location.pathname}${params.toString() ? "?" + params : ""}`);
    await load();
  }

  function cell(row, key) {
    switch (key) {
      case "strike_date": return el("a", { href: `/incidents/${encodeURIComponent(row.incident_id)}` }, row.strike_date || "undated",
        row.date_precision !== "day" ? el("span", { class: "muted" }, ` (${row.date_precision})`) : null);
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

  function table() {
    const value = (row) => row[sort.key] ?? (sort.key === "killed_best" ? row.killed_low : null);
    const sorted = [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x === y) return 0;
      if (x === null || x === undefined || x === "") return 1;
      if (y === null || y === undefined || y === "") return -1;
      return (x < y ? -1 : 1) * sort.dir;
    });
    const head = el("tr", {}, COLUMNS.map(([key, name, cls]) => el("th", {
      class: cls, scope: "col", "aria-sort": sort.key === key ? (sort.dir > 0 ? "ascending" : "descending") : "none" },
      el("button", { type: "button", onclick: () => { sort = { key, dir: sort.key === key ? -sort.dir : 1 }; draw(); } },
        name, sort.key === key ? (sort.dir > 0 ? " ▲" : " ▼") : ""))));
    const body = sorted.map((row) => el("tr", { "data-id": row.incident_id }, COLUMNS.map(([key, , cls]) =>
      el("td", { class: cls }, cell(row, key), key === "strike_date" && row.corrected.length ? [" ", el("span", { class: "badge corrected", title: `corrected: ${row.corrected.join(", ")}` }, "corrected")] : null))));
    return el("div", { class: "table-wrap" }, el("table", { id: "ledger" },
      el("caption", { class: "muted" }, `${rows.length} incidents shown`), el("thead", {}, head), el("tbody", {}, body)));
  }

  let totalsNode = null;
  let formNode = null;
  function draw() {
    render(el("h1", {}, "The ledger"), totalsNode, formNode, table(),
      el("p", { class: "muted" }, "Download: ", el("a", { href: "/api/export.csv" }, "CSV"), " · ",
        el("a", { href: "/api/export.geojson" }, "GeoJSON"), " · ", el("a", { href: "/api/export.json" }, "JSON")));
  }

  function cards(totals) {
    const latest = totals.reported.filter((r) => r.reported_killed !== null).slice(-1)[0];
    const card = (n, l) => el("div", { class: "card" }, el("div", { class: "n" }, n), el("div", { class: "l" }, l));
    return el("section", { class: "cards", "aria-label": "Campaign totals" },
      card(totals.strikes, "strikes in the ledger"),
      card(`${totals.killed_best}`, `killed (best); range ${totals.killed_low}–${totals.killed_high}`),
      card(totals.survivors, "survivors reported"),
      card(totals.with_contradictions, "incidents whose sources disagree"),
      latest ? card(`${latest.qualifier === "at_least" ? "≥" : ""}${latest.reported_killed}`, `latest reported total (${latest.outlet || "unknown outlet"}, ${latest.as_of || "undated"})`) : null);
  }

  async function load() {
    const query = new URLSearchParams(params);
    query.set("limit", "1000");
    rows = (await api(`/api/incidents?${query}`)).items;
    draw();
  }

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      totalsNode = cards(await api("/api/totals"));
      const all = (await api("/api/incidents?limit=1000")).items;
      languages = [...new Set(all.flatMap((row) => row.languages))].sort();
      formNode = filters();
      await load();
    } catch (error) { fail(error); }
  });
})();
