/* Article page: the text with every extracted fact highlighted, and the incidents it feeds (twin: /api/articles/{id}). */
"use strict";
(() => {
  const { el, api, render, fail, label, highlight, lastSegment, safeHref } = SL;

  function draw(article) {
    const url = safeHref(article.url || "");
    const kinds = [...new Set(article.facts.map((f) => f.kind))].sort();
    render(
      el("h1", { id: "article-title" }, article.title || "Untitled article"),
      el("p", { id: "article-meta" }, article.outlet || "Unknown outlet", ` · ${article.published || "undated"} (${article.published_precision})`,
        " · ", el("span", { id: "article-language", title: "ISO 639-1; und: undetermined" }, `language ${article.language}`),
        " · ", url ? el("a", { href: url, rel: "noopener noreferrer nofollow" }, article.url) : el("span", { class: "muted" }, article.url || "no URL")),
      article.read ? null : el("p", { class: "notice", id: "article-not-read" },
        `Not read: the reader does not read this language (${article.language}) yet, so nothing was extracted from it. `
        + "`strikeledger rebuild` reads it once a reader for its language exists."),
      el("h2", {}, "Incidents it feeds"),
      article.incidents.length ? el("ul", {}, article.incidents.map((i) => el("li", {},
        el("a", { href: `/incidents/${encodeURIComponent(i.incident_id)}` }, `${i.strike_date || "undated"} · ${label(i.region)}`),
        ` · killed ${i.killed_best ?? "—"} · reports ${i.report_keys.join(", ")}`))) : el("p", { class: "muted" }, "None."),
      el("h2", {}, `Text with ${article.facts.length} extracted facts highlighted`),
      el("p", { class: "legend" }, kinds.map((k) => el("span", {}, el("mark", { class: `fact kind-${k}` }, label(k))))),
      el("div", { class: "article-text", id: "article-text", tabindex: "0", "aria-label": "Article text" }, highlight(article.text, article.facts)));
  }

  document.addEventListener("DOMContentLoaded", async () => {
    try { draw(await api(`/api/articles/${encodeURIComponent(lastSegment())}`)); } catch (error) { fail(error); }
  });
})();
