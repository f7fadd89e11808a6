/* Incident page, enhanced: the server renders every figure, source sentence and the citation; this
 * script adds the toll chart, the sentences inside each article's text, copy buttons and the
 * review form (twin: /api/incidents/{id}). */
"use strict";
(() => {
  const { el, api, write, label, highlight, tokenField } = SL;
  const FIELDS = ["killed_best", "survivors", "vessels", "strike_date", "region", "location", "announced_by"];

  function reviewForm(id, reportKeys) {
    const status = el("p", { role: "status", "aria-live": "polite" });
    const action = el("select", { name: "action", id: "r-action" },
      ["correct", "not_strike", "merge", "split"].map((a) => el("option", { value: a }, label(a))));
    const form = el("form", { class: "review", id: "review-form", "aria-label": "Correct this incident" },
      tokenField(),
      el("label", {}, "Action", action),
      el("label", {}, "Field (correct)", el("select", { name: "field", id: "r-field" }, FIELDS.map((f) => el("option", { value: f }, f)))),
      el("label", {}, "New value (correct)", el("input", { name: "value", id: "r-value" })),
      el("label", {}, "Merge into incident id", el("input", { name: "target_id", id: "r-target" })),
      el("label", { class: "wide" }, "Report keys to split out (space-separated)", el("input", { name: "report_keys", id: "r-keys", placeholder: reportKeys })),
      el("label", { class: "wide" }, "Reason (required)", el("textarea", { name: "reason", id: "r-reason", required: true, rows: 2 })),
      el("div", { class: "wide" }, el("button", { type: "submit", class: "primary" }, "Save correction")), status);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      SL.setToken(form.querySelector("#token").value.trim());
      const data = new FormData(form);
      const payload = { action: data.get("action"), reason: data.get("reason") };
      if (payload.action === "correct") { payload.field = data.get("field"); payload.value = data.get("value"); }
      if (payload.action === "merge") payload.target_id = data.get("target_id").trim();
      if (payload.action === "split") payload.report_keys = data.get("report_keys").split(/\s+/).filter(Boolean);
      try {
        await write(`/api/incidents/${encodeURIComponent(id)}/corrections`, payload);
        const next = payload.action === "merge" ? payload.target_id : id;
        location.assign(`/incidents/${encodeURIComponent(next)}?notice=saved`);
      } catch (error) {
        status.replaceChildren(el("span", { class: "error", role: "alert" }, `${error.code}: ${error.message}`));
      }
    });
    return form;
  }

  /* The toll as each source reported it, by publication day: a small step chart. */
  function tollChart() {
    const canvas = document.getElementById("toll-chart");
    if (!canvas || typeof Chart === "undefined") return;
    const points = [...document.querySelectorAll("#toll-list li")].map((li) => ({ x: li.dataset.published || "undated", y: Number(li.dataset.value) }));
    new Chart(canvas, {
      type: "line",
      data: { labels: points.map((p) => p.x), datasets: [{ label: "killed, as reported", data: points.map((p) => p.y), stepped: true,
        borderColor: "#c4281c", backgroundColor: "#c4281c", pointRadius: 4 }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  function inText(details, figures) {
    details.addEventListener("toggle", async () => {
      const box = details.querySelector(".article-text");
      if (!details.open || box.dataset.loaded) return;
      const article = await api(`/api/articles/${encodeURIComponent(details.dataset.article)}`);
      const sentences = figures.map((f) => ({ start: f.sentence_start, end: f.sentence_end }));
      box.replaceChildren(highlight(article.text, figures, sentences));
      box.hidden = false;
      box.dataset.loaded = "1";
    });
  }

  function copyButtons() {
    for (const button of document.querySelectorAll("button.copy[data-copy]")) {
      button.hidden = false;
      button.addEventListener("click", async () => {
        const text = document.getElementById(button.dataset.copy).textContent;
        try { await navigator.clipboard.writeText(text); button.textContent = "Copied"; }
        catch { button.textContent = "Select the text and copy it"; }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const article = document.querySelector("article.incident");
    if (!article) return;
    tollChart();
    copyButtons();
    const slot = document.getElementById("review-slot");
    slot.replaceChildren(reviewForm(article.dataset.id, slot.dataset.reportKeys));
    try {
      const detail = await api(`/api/incidents/${encodeURIComponent(article.dataset.id)}`);
      const bySource = new Map(detail.sources.map((s) => [s.article_id, s.figures]));
      for (const details of document.querySelectorAll("details.in-text")) inText(details, bySource.get(details.dataset.article) || []);
    } catch (error) { slot.prepend(el("p", { class: "error", role: "alert" }, `${error.code}: ${error.message}`)); }
  });
})();
