/* Gaps page: windows where reported totals rise faster than the ledger, and every reported total
 * beside the ledger's deaths, strikes and boats (twins: /api/gaps, /api/totals). */
"use strict";
(() => {
  const { el, api, render, fail } = SL;
  const SIGN = { at_least: "≥", more_than: ">", about: "~" };
  const VERDICT = {
    ledger_short: "the ledger falls short of the later report: a strike is probably missing",
    earlier_report_behind: "the earlier report was behind the ledger: the rise it implies is overstated",
  };
  const blank = (value) => value === null || value === undefined;
  const figure = (value, qualifier) => (blank(value) ? "—" : `${SIGN[qualifier] || ""}${value}`);
  const signed = (value) => (blank(value) ? "" : value > 0 ? `+${value}` : String(value));
  const num = (text) => el("td", { class: "num" }, text);
  const articleLink = (id, text) => el("a", { href: `/articles/${encodeURIComponent(id)}` }, text);
  const measures = (gap) => [gap.killed, gap.strikes].filter(Boolean);

  function shortfalls(gap) {
    const span = (s) => `${figure(s.reported_before, s.qualifier_before)} → `
      + figure(s.reported_after, s.qualifier_after);
    const rows = measures(gap).map((s) => el("tr", {},
      el("th", { scope: "row" }, s.measure === "killed" ? "deaths" : "strikes"), num(span(s)),
      num(signed(s.reported_rise)), num(signed(s.ledger_rise)),
      el("td", { class: "num" }, el("strong", {}, signed(s.unaccounted))), num(s.ledger_after)));
    const heads = ["", "reported", "reported rise", "ledger rise", "unaccounted", "ledger by then"];
    return el("div", { class: "table-wrap" }, el("table", { class: "shortfalls" },
      el("thead", {}, el("tr", {}, heads.map((h, i) => el("th", { scope: "col", class: i ? "num" : null },
        h)))),
      el("tbody", {}, rows)));
  }

  function bound(b) {
    const which = b.role === "before" ? "Earlier" : "Later";
    return el("li", {}, `${which}: `, articleLink(b.article_id, b.outlet || b.article_id),
      `, ${b.published || "undated"}, as of ${b.as_of}`, el("blockquote", { class: "sentence" }, b.sentence));
  }

  function lead(x) {
    return el("li", {}, articleLink(x.article_id, x.title || x.outlet || x.article_id),
      ` · ${x.outlet || "unknown outlet"}, ${x.published || "undated"}: `,
      el("span", { class: "muted" }, x.reason),
      el("blockquote", { class: "sentence" }, x.text));
  }

  function gapSection(gap) {
    const caveats = measures(gap).flatMap((s) => s.caveats);
    const title = `Gap after ${gap.after} through ${gap.through}`;
    return el("section", { class: "source gap", "data-verdict": gap.verdict, "aria-label": title },
      el("h3", {}, `After ${gap.after}, through ${gap.through}: `,
        `${gap.killed_unaccounted} deaths and ${gap.strikes_unaccounted} strikes unaccounted for `,
        el("span", { class: `badge verdict-${gap.verdict}` }, gap.verdict.replaceAll("_", " "))),
      el("p", { class: "muted" }, VERDICT[gap.verdict]),
      shortfalls(gap),
      caveats.length ? el("ul", { class: "caveats" }, caveats.map((c) => el("li", {}, c))) : null,
      el("h4", {}, "The reports that bound it"),
      el("ul", { class: "figures" }, gap.bounds.map(bound)),
      el("h4", {}, "Stored articles that may tell of it"),
      gap.leads.length ? el("ul", { class: "figures leads" }, gap.leads.map(lead))
        : el("p", { class: "muted" }, "None: no stored article in this window tells of a missing strike."));
  }

  function totalsTable(reported) {
    const rows = reported.map((r) => el("tr", {},
      // an as-of day from a dateline or the URL, not the metadata, says so ("estimated")
      el("td", {}, r.as_of || "—", r.as_of && r.precision && r.precision !== "exact" ? el("span", { class: "muted" }, ` (${r.precision})`) : null),
      el("td", {}, articleLink(r.article_id, r.outlet || "unknown outlet")),
      num(figure(r.reported_killed, r.qualifier)), num(r.ledger_killed), num(signed(r.killed_gap)),
      num(figure(r.reported_strikes)), num(r.ledger_strikes), num(signed(r.strikes_gap)),
      num(figure(r.reported_vessels)), num(r.ledger_vessels), num(signed(r.vessels_gap)),
      el("td", {}, r.sentence)));
    const heads = ["As of", "Outlet", "Reported killed", "Ledger killed", "Gap", "Reported strikes",
      "Ledger strikes", "Gap", "Reported boats", "Ledger boats", "Gap", "Sentence"];
    const head = heads.map((h, i) => el("th", { scope: "col", class: i > 1 && i < 11 ? "num" : null }, h));
    return el("div", { class: "table-wrap" }, el("table", { id: "totals" },
      el("thead", {}, el("tr", {}, head)), el("tbody", {}, rows)));
  }

  function card(id, n, text) {
    return el("div", { class: "card" }, el("div", { class: "n", id }, n), el("div", { class: "l" }, text));
  }

  function draw(report, totals) {
    render(el("h1", {}, "Gaps: strikes the ledger may lack"),
      el("p", { class: "muted" }, "Between the as-of dates of two reported running totals (each day's ",
        "highest figure), the rise they report is set beside the deaths and strikes the ledger holds ",
        "for those days. ",
        "Where the reports rise faster, a strike may be missing, or the earlier report lagged. ",
        "In the table of totals below, an incident whose boats nobody counted counts as one boat."),
      el("section", { class: "cards", "aria-label": "Gaps in short" },
        card("gap-count", report.gaps.length, "windows with a gap"),
        card("gap-short", report.ledger_short, "where the ledger falls short")),
      el("div", { id: "gaps" }, report.gaps.length ? report.gaps.map(gapSection)
        : el("p", { class: "muted" }, "No gap: reported totals never rise faster than the ledger.")),
      el("h2", {}, "Every reported total beside the ledger"), totalsTable(totals.reported));
  }

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      const [report, totals] = await Promise.all([api("/api/gaps"), api("/api/totals")]);
      draw(report, totals);
    } catch (error) { fail(error); }
  });
})();
