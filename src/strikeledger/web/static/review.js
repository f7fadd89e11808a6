/* Review page: the audit log with undo (twin: /api/audit). Reading is open; undo needs a token. */
"use strict";
(() => {
  const { el, api, write, render, fail, label, tokenField } = SL;

  function draw(entries, notice) {
    const status = el("p", { role: "status", "aria-live": "polite" }, notice ? el("span", { class: "ok" }, notice) : null);
    const undone = async (entry) => {
      SL.setToken(document.getElementById("token").value.trim());
      const reason = prompt(`Why undo correction #${entry.correction_id}?`);
      if (!reason) return;
      try { await write(`/api/corrections/${entry.correction_id}/undo`, { reason }); await load("Undone."); }
      catch (error) { status.replaceChildren(el("span", { class: "error", role: "alert" }, `${error.code}: ${error.message}`)); }
    };
    const rows = entries.map((e) => el("tr", { class: e.undone ? "undone" : "" },
      el("td", {}, e.at.replace("T", " ").slice(0, 19)), el("td", {}, e.who), el("td", {}, label(e.action)),
      el("td", {}, el("a", { href: `/incidents/${encodeURIComponent(e.incident_id)}` }, e.incident_id)),
      el("td", {}, e.field || ""), el("td", {}, e.old_value ?? ""), el("td", {}, e.new_value ?? ""), el("td", {}, e.reason),
      el("td", {}, e.undone ? "undone" : e.action === "undo" ? "" : el("button", { type: "button", onclick: () => undone(e) }, `Undo #${e.correction_id}`))));
    render(el("h1", {}, "Review and audit log"),
      el("p", { class: "muted" }, "Corrections are made on each incident's page. Every change and every undo is recorded here."),
      el("form", { class: "review", onsubmit: (ev) => ev.preventDefault() }, tokenField()), status,
      el("div", { class: "table-wrap" }, el("table", { id: "audit" },
        el("thead", {}, el("tr", {}, ["When", "Who", "Action", "Incident", "Field", "Old", "New", "Reason", ""].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: 9, class: "muted" }, "No corrections yet."))))));
  }

  async function load(notice) {
    try { draw((await api("/api/audit")).entries, notice); } catch (error) { fail(error); }
  }
  document.addEventListener("DOMContentLoaded", () => load());
})();
