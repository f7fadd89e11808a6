/* Shared helpers for the strikeledger pages.
 * Article text and metadata are untrusted (scraped news), so the DOM is only ever built with
 * createElement + text nodes: no innerHTML with data, and links only to http(s) or our own paths. */
"use strict";

const SL = (() => {
  function safeHref(href) {
    const value = String(href);
    if (value.startsWith("/") && !value.startsWith("//")) return value;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch { return null; }
  }

  /* el("a", {href, class}, "text", child, ...): strings become text nodes, never markup. */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "href") { const href = safeHref(value); if (href) node.setAttribute("href", href); }
      else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  async function api(path, options = {}) {
    const headers = { Accept: "application/json", ...(options.headers || {}) };
    const response = await fetch(path, { ...options, headers });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(body && body.error ? body.error.message : `HTTP ${response.status}`);
      error.code = body && body.error ? body.error.code : "http_error";
      throw error;
    }
    return body;
  }

  /* A write: the token goes in the Authorization header only (never a cookie), which with the
   * server's Origin check is the CSRF defence. */
  function write(path, payload) {
    const token = getToken();
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    return api(path, { method: "POST", headers, body: JSON.stringify(payload) });
  }

  const TOKEN_KEY = "strikeledger-token";
  function getToken() { return sessionStorage.getItem(TOKEN_KEY) || ""; }
  function setToken(value) { value ? sessionStorage.setItem(TOKEN_KEY, value) : sessionStorage.removeItem(TOKEN_KEY); }

  function tokenField() {
    const input = el("input", { type: "password", id: "token", autocomplete: "off", value: getToken(), "aria-describedby": "token-help" });
    input.addEventListener("change", () => setToken(input.value.trim()));
    return el("label", { class: "wide" }, "Write token (kept in this tab only)", input,
      el("span", { id: "token-help", class: "muted" }, "Made with `strikeledger token create NAME`."));
  }

  function killed(row) {
    const { killed_low: low, killed_best: best, killed_high: high } = row;
    if (best === null && low === null) return "—";
    if (best === null) return `≥${low}`;
    if (low === null || (low === best && high === best)) return String(best);
    return `${best} (${low}–${high})`;
  }

  const label = (value) => (value === null || value === undefined || value === "" ? "—" : String(value).replaceAll("_", " "));

  function grade(value) { return el("span", { class: `badge grade-${value}` }, label(value)); }

  /* Text with spans highlighted: sentences as <mark class=sentence>, facts inside as <mark class=fact>.
   * Works on segment boundaries so overlapping spans never produce broken nesting. */
  function highlight(text, allFacts = [], sentences = []) {
    // Facts with no surface were inferred from a whole sentence (a region); they are listed, not marked.
    const facts = allFacts.filter((f) => f.surface).sort((a, b) => (a.end - a.start) - (b.end - b.start));
    const cuts = new Set([0, text.length]);
    for (const span of [...facts, ...sentences]) {
      if (span.start >= 0 && span.end > span.start && span.end <= text.length) { cuts.add(span.start); cuts.add(span.end); }
    }
    const points = [...cuts].sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < points.length - 1; i++) {
      const [a, b] = [points[i], points[i + 1]];
      let node = document.createTextNode(text.slice(a, b));
      const fact = facts.find((f) => f.start <= a && b <= f.end);
      if (fact) node = el("mark", { class: `fact kind-${fact.kind}`, title: `${fact.kind} = ${fact.value}${fact.qualifier ? " (" + fact.qualifier + ")" : ""} · ${fact.extractor}` }, node);
      if (sentences.some((s) => s.start <= a && b <= s.end)) node = el("mark", { class: "sentence" }, node);
      fragment.append(node);
    }
    return fragment;
  }

  function render(...nodes) {
    const main = document.getElementById("main");
    // Optional parts arrive as null: DOM append would print them as the text "null".
    main.replaceChildren(...nodes.flat(Infinity).filter((node) => node !== null && node !== undefined && node !== false));
  }

  function fail(error) {
    render(el("h1", {}, "Something went wrong"), el("p", { class: "error", role: "alert" }, `${error.code || "error"}: ${error.message}`));
  }

  /* An error on a server-rendered page: said on top, the page's own content kept. */
  function warn(error) {
    document.getElementById("main").prepend(el("p", { class: "error", role: "alert" }, `${error.code || "error"}: ${error.message}`));
  }

  function markNav() {
    const here = location.pathname;
    for (const link of document.querySelectorAll("header.site nav a")) {
      const path = link.getAttribute("href");
      if (path === here || (path !== "/" && here.startsWith(path))) link.setAttribute("aria-current", "page");
    }
  }

  function lastSegment() { return decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || ""); }

  document.addEventListener("DOMContentLoaded", markNav);
  return { el, api, write, getToken, setToken, tokenField, killed, label, grade, highlight, render, fail, warn, lastSegment, safeHref };
})();
