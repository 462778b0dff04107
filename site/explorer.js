// Filter and sort a table of rows embedded in the page as JSON; no framework, nothing fetched.
// The page declares: <script id="rows" type="application/json">, a <table id="rows-table">, selects with
// data-filter="FIELD", month inputs with data-from / data-to naming a date field, and a #count element.
// Query parameters with a filter's name (e.g. ?measure=killed) set that filter when the page opens.
(function () {
  "use strict";
  var rows = JSON.parse(document.getElementById("rows").textContent);
  var table = document.getElementById("rows-table");
  var columns = JSON.parse(table.getAttribute("data-columns"));
  var body = table.querySelector("tbody");
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var months = Array.prototype.slice.call(document.querySelectorAll("input[data-from], input[data-to]"));
  var sortField = table.getAttribute("data-sort"), ascending = true;

  function options(select) {
    var field = select.getAttribute("data-filter"), seen = {};
    rows.forEach(function (row) { if (row[field]) { seen[row[field]] = true; } });
    Object.keys(seen).sort().forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
  }

  function keep(row) {
    var ok = selects.every(function (select) {
      return !select.value || row[select.getAttribute("data-filter")] === select.value;
    });
    return ok && months.every(function (input) {
      if (!input.value) { return true; }
      var field = input.getAttribute("data-from") || input.getAttribute("data-to");
      var month = (row[field] || "").slice(0, 7);
      if (!month) { return false; }
      return input.hasAttribute("data-from") ? month >= input.value : month <= input.value;
    });
  }

  function cell(row, column) {
    var td = document.createElement("td");
    if (column.link && row[column.link]) {
      var a = document.createElement("a");
      a.href = row[column.link];
      a.rel = "noopener noreferrer";
      a.textContent = row[column.field] || row[column.link];
      td.appendChild(a);
    } else {
      td.textContent = row[column.field] == null ? "" : String(row[column.field]);
    }
    if (column.className) { td.className = column.className; }
    return td;
  }

  function render() {
    var shown = rows.filter(keep).sort(function (a, b) {
      var x = a[sortField] || "", y = b[sortField] || "";
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    var fragment = document.createDocumentFragment();
    shown.forEach(function (row) {
      var tr = document.createElement("tr");
      columns.forEach(function (column) { tr.appendChild(cell(row, column)); });
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    document.getElementById("count").textContent = shown.length + " of " + rows.length + " rows";
  }

  selects.forEach(options);
  var query = new URLSearchParams(window.location.search);
  selects.concat(months).forEach(function (input) {
    var name = input.getAttribute("data-filter") || input.name;
    if (query.has(name)) { input.value = query.get(name); }
    input.addEventListener("change", render);
  });
  var sorter = document.getElementById("sort");
  sorter.addEventListener("click", function () {
    ascending = !ascending;
    sorter.textContent = ascending ? "oldest first" : "newest first";
    render();
  });
  render();
}());
