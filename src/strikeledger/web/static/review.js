/* Review page, enhanced: the server renders the audit log (twin: /api/audit); this script adds the
 * write token field and an Undo button to each correction still in force (undo needs a token). */
"use strict";
(() => {
  const { el, write, tokenField } = SL;

  document.addEventListener("DOMContentLoaded", () => {
    const status = el("p", { role: "status", "aria-live": "polite" });
    document.getElementById("review-tools").replaceChildren(
      el("form", { class: "review", onsubmit: (ev) => ev.preventDefault() }, tokenField()), status);
    if (new URLSearchParams(location.search).get("notice") === "undone") status.replaceChildren(el("span", { class: "ok" }, "Undone."));
    for (const row of document.querySelectorAll("#audit tbody tr[data-undo]")) {
      const id = row.dataset.undo;
      const undo = async () => {
        SL.setToken(document.getElementById("token").value.trim());
        const reason = prompt(`Why undo correction #${id}?`);
        if (!reason) return;
        try { await write(`/api/corrections/${id}/undo`, { reason }); location.assign("/review?notice=undone"); }
        catch (error) { status.replaceChildren(el("span", { class: "error", role: "alert" }, `${error.code}: ${error.message}`)); }
      };
      row.lastElementChild.replaceChildren(el("button", { type: "button", onclick: undo }, `Undo #${id}`));
    }
  });
})();
