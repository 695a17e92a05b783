// newsparse review index: sort by a column (click or Enter on its header),
// filter rows by any text they hold.
(function () {
  "use strict";
  var table = document.getElementById("rows");
  var body = table.tBodies[0];
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  function key(row, col, numeric) {
    var cell = row.cells[col];
    var v = cell.getAttribute("data-v");
    if (v === null) { v = cell.textContent; }
    return numeric ? parseFloat(v) || 0 : v.toLowerCase();
  }
  table.querySelectorAll("th button").forEach(function (b, col) {
    b.addEventListener("click", function () {
      var th = b.parentNode;
      var numeric = th.classList.contains("n");
      var asc = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (x, y) {
        var a = key(x, col, numeric), c = key(y, col, numeric);
        return (a < c ? -1 : a > c ? 1 : 0) * (asc ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  function apply() {
    var q = filter.value.toLowerCase(), n = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var hit = r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit; n += hit ? 1 : 0;
    });
    shown.textContent = n + " of " + body.rows.length + " shown";
  }
  filter.addEventListener("input", apply);
  apply();
})();
