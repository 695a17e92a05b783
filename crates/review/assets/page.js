// newsparse review page: selecting an entity, quote or event marks all its
// spans and scrolls to the first (selecting it again goes to the next).
(function () {
  "use strict";
  var text = document.getElementById("text");
  var status = document.getElementById("status");
  var current = null, marked = [], at = 0;
  function quoteAttr(id) { return '"' + id.replace(/["\\]/g, "\\$&") + '"'; }
  function clear() {
    marked.forEach(function (m) { m.classList.remove("on"); });
    document.querySelectorAll('[aria-pressed="true"]').forEach(function (b) {
      b.setAttribute("aria-pressed", "false");
    });
    marked = []; current = null;
  }
  function select(id) {
    if (id === current && marked.length) {
      at = (at + 1) % marked.length;
    } else {
      clear();
      current = id; at = 0;
      marked = text ? Array.prototype.slice.call(
        text.querySelectorAll("[data-r~=" + quoteAttr(id) + "]")) : [];
      marked.forEach(function (m) { m.classList.add("on"); });
      document.querySelectorAll("button.item[data-sel=" + quoteAttr(id) + "]").forEach(function (b) {
        b.setAttribute("aria-pressed", "true");
      });
    }
    if (marked.length) { marked[at].scrollIntoView({ block: "center" }); }
    var pieces = marked.filter(function (m) { return !m.classList.contains("cont"); }).length;
    if (status) {
      status.textContent = id + ": " + pieces + " span(s) marked" +
        (marked.length ? ", showing " + (at + 1) + " of " + marked.length : "");
    }
    return pieces;
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest("[data-sel]");
    if (t) { ev.preventDefault(); select(t.getAttribute("data-sel")); return; }
    var m = ev.target.closest("#text [data-r]");
    if (m) { select(m.getAttribute("data-r").split(" ")[0]); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clear(); if (status) { status.textContent = ""; } }
  });
  // Test hook: #test=select:ID selects ID and writes what was marked.
  var hook = /^#test=select:(.+)$/.exec(location.hash);
  if (hook) {
    var id = decodeURIComponent(hook[1]);
    var n = select(id);
    var out = document.getElementById("test-result");
    out.textContent = "selected " + id + ": " + n + " marked";
    out.setAttribute("data-marked", String(n));
    out.setAttribute("data-pressed",
      String(document.querySelectorAll('button.item[aria-pressed="true"]').length));
  }
})();
