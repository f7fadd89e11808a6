/* Incident page: each figure with its source sentence, the range, revisions, claims, review (twin: /api/incidents/{id}). */
"use strict";
(() => {
  const { el, api, write, render, fail, killed, label, grade, highlight, tokenField, lastSegment } = SL;
  const FIELDS = ["killed_best", "survivors", "vessels", "strike_date", "region", "location", "announced_by"];
  const id = lastSegment();

  function figureItem(figure) {
    const offset = figure.sentence_start;
    const fact = { ...figure, start: figure.start - offset, end: figure.end - offset };
    return el("li", {},
      el("strong", {}, label(figure.kind)), " = ", figure.value, figure.qualifier ? el("span", { class: "muted" }, ` (${figure.qualifier})`) : null,
      el("span", { class: "muted" }, ` · ${figure.extractor}`),
      el("blockquote", { class: "sentence" }, highlight(figure.sentence, [fact])));
  }

  function source(src, detail) {
    const inText = el("div", { class: "article-text", hidden: true });
    const toggle = el("details", {}, el("summary", {}, "Show the sentences inside the article text"), inText);
    toggle.addEventListener("toggle", async () => {
      if (!toggle.open || inText.dataset.loaded) return;
      const article = await api(`/api/articles/${encodeURIComponent(src.article_id)}`);
      const sentences = src.figures.map((f) => ({ start: f.sentence_start, end: f.sentence_end }));
      inText.replaceChildren(highlight(article.text, src.figures, sentences));
      inText.hidden = false;
      inText.dataset.loaded = "1";
    });
    const url = SL.safeHref(src.url || "");
    return el("section", { class: "source" },
      el("h3", {}, src.outlet || "Unknown outlet", el("span", { class: "muted" }, ` · ${src.published || "undated"}`)),
      el("p", {}, el("a", { href: `/articles/${encodeURIComponent(src.article_id)}` }, src.title || src.article_id),
        url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow" }, "original")] : null),
      src.figures.length ? el("ul", { class: "figures" }, src.figures.map(figureItem)) : el("p", { class: "muted" }, "No figures from this article."),
      toggle);
  }

  function value(detail, name, shown) {
    const machine = detail.machine[name];
    return [shown, machine !== undefined ? el("span", { class: "machine" }, `machine: ${machine ?? "—"}`) : null];
  }

  function reviewForm(detail) {
    const status = el("p", { role: "status", "aria-live": "polite" });
    const action = el("select", { name: "action", id: "r-action" },
      ["correct", "not_strike", "merge", "split"].map((a) => el("option", { value: a }, label(a))));
    const form = el("form", { class: "review", id: "review-form", "aria-label": "Correct this incident" },
      tokenField(),
      el("label", {}, "Action", action),
      el("label", {}, "Field (correct)", el("select", { name: "field", id: "r-field" }, FIELDS.map((f) => el("option", { value: f }, f)))),
      el("label", {}, "New value (correct)", el("input", { name: "value", id: "r-value" })),
      el("label", {}, "Merge into incident id", el("input", { name: "target_id", id: "r-target" })),
      el("label", { class: "wide" }, "Report keys to split out (space-separated)", el("input", { name: "report_keys", id: "r-keys", placeholder: detail.report_keys.join(" ") })),
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
        await write(`/api/incidents/${encodeURIComponent(detail.incident_id)}/corrections`, payload);
        if (payload.action === "merge") { location.href = `/incidents/${encodeURIComponent(payload.target_id)}`; return; }
        await load("Correction saved.");
      } catch (error) {
        status.replaceChildren(el("span", { class: "error", role: "alert" }, `${error.code}: ${error.message}`));
      }
    });
    return form;
  }

  function draw(detail, notice) {
    const place = detail.location ? `${detail.location} (${label(detail.place_precision)})` : `not named (${label(detail.place_precision)})`;
    render(
      el("h1", {}, `${detail.strike_date || "Undated"} · ${label(detail.region)}`, " ", grade(detail.grade),
        detail.not_strike ? el("span", { class: "badge contra" }, "marked not a strike") : null),
      notice ? el("p", { class: "ok", role: "status" }, notice) : null,
      el("dl", { class: "facts", id: "figures" },
        el("dt", {}, "Incident"), el("dd", {}, detail.incident_id),
        // former ids (merged away by a rebuild or an analyst) that still lead here
        detail.aliases.length ? [el("dt", {}, "Former ids"), el("dd", { id: "aliases" }, detail.aliases.join(" "))] : null,
        el("dt", {}, "Killed"), el("dd", { id: "killed" }, value(detail, "killed_best", killed(detail)), el("div", { class: "muted" }, detail.best_reason || "no toll reported")),
        el("dt", {}, "Survivors"), el("dd", {}, value(detail, "survivors", label(detail.survivors))),
        el("dt", {}, "Vessels"), el("dd", {}, value(detail, "vessels", label(detail.vessels))),
        el("dt", {}, "Date"), el("dd", {}, value(detail, "strike_date", `${detail.strike_date || "unknown"} (${detail.date_precision})`)),
        el("dt", {}, "Region"), el("dd", {}, value(detail, "region", label(detail.region))),
        el("dt", {}, "Place"), el("dd", {}, value(detail, "location", place)),
        el("dt", {}, "Announced by"), el("dd", {}, value(detail, "announced_by", label(detail.announced_by))),
        el("dt", {}, "Contradictions"), el("dd", {}, detail.contradictions.length ? detail.contradictions.map((c) => el("div", { class: "badge contra" }, c)) : "none")),
      detail.killed_over_time.length > 1 ? [el("h2", {}, "Death toll over time"), el("ol", {}, detail.killed_over_time.map((r) =>
        el("li", {}, `${r.value}${r.qualifier ? " (" + r.qualifier + ")" : ""} — `, el("a", { href: `/articles/${encodeURIComponent(r.article_id)}` }, r.outlet || r.article_id), `, ${r.published || "undated"}`)))] : null,
      el("h2", {}, `Sources (${detail.sources.length})`), detail.sources.map((s) => source(s, detail)),
      detail.claims.length ? [el("h2", {}, "Claims"), el("ul", {}, detail.claims.map((c) =>
        el("li", {}, el("strong", {}, c.speaker), ` ${c.stance}${c.evidence ? " (" + label(c.evidence) + ")" : ""}: `, el("q", {}, c.text))))] : null,
      el("h2", {}, "Corrections"),
      detail.corrections.length ? el("ul", { id: "corrections" }, detail.corrections.map((c) => el("li", {},
        `#${c.id} ${label(c.action)}${c.field ? " " + c.field + " → " + JSON.stringify(c.value) : ""}${c.target_id ? " into " + c.target_id : ""}`,
        el("span", { class: "muted" }, ` by ${c.author}: ${c.reason}`)))) : el("p", { class: "muted" }, "None. Machine values are never overwritten; corrections are layered over them."),
      el("h2", {}, "Review"), reviewForm(detail));
  }

  async function load(notice) {
    try { draw(await api(`/api/incidents/${encodeURIComponent(id)}`), notice); } catch (error) { fail(error); }
  }
  document.addEventListener("DOMContentLoaded", () => load());
})();
