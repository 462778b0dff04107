// Filter, sort and download a table of rows embedded in the page as JSON; no framework, nothing fetched.
// The page declares: <script id="rows">, <script id="inactive"> (ids no longer active), a <table id="rows-table">
// with data-columns, selects with data-filter="FIELD", #date-field naming the date the month inputs use,
// month inputs [data-from] / [data-to], an optional #keep-undated box, #message and #count.
// Every filter is written to the address (?measure=killed&from=2025-01), so a view can be shared;
// ?id=F0001 shows one row and #F0001 scrolls to it. A value no row has shows a message and no rows.
(function () {
  "use strict";
  var rows = JSON.parse(document.getElementById("rows").textContent);
  var inactive = JSON.parse(document.getElementById("inactive").textContent);
  var table = document.getElementById("rows-table");
  var columns = JSON.parse(table.getAttribute("data-columns"));
  var idField = columns[0].field;
  var body = table.querySelector("tbody");
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var from = document.querySelector("input[data-from]"), to = document.querySelector("input[data-to]");
  var dateField = document.getElementById("date-field"), keepUndated = document.getElementById("keep-undated");
  var message = document.getElementById("message");
  var ascending = true, onlyId = "", shown = [];

  function options(select) {
    var field = select.getAttribute("data-filter"), text = select.getAttribute("data-text") || field, seen = {};
    rows.forEach(function (row) { if (row[field]) { seen[row[field]] = row[text] || row[field]; } });
    Object.keys(seen).sort(function (a, b) { return seen[a].localeCompare(seen[b]); }).forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = seen[value];
      select.appendChild(option);
    });
  }

  function hasOption(input, value) {
    if (input.tagName !== "SELECT") { return input.value === value; }
    return Array.prototype.some.call(input.options, function (option) { return option.value === value; });
  }

  function inMonths(row) {
    var month = (row[dateField.value] || "").slice(0, 7);
    if (!from.value && !to.value) { return true; }
    if (!/^\d{4}/.test(month)) { return !!(keepUndated && keepUndated.checked); }
    return (!from.value || month >= from.value) && (!to.value || month.slice(0, to.value.length) <= to.value);
  }

  function keep(row) {
    if (onlyId) { return row[idField] === onlyId; }
    return selects.every(function (select) {
      return !select.value || row[select.getAttribute("data-filter")] === select.value;
    }) && inMonths(row);
  }

  function cell(row, column) {
    var td = document.createElement("td"), value = row[column.field] == null ? "" : String(row[column.field]);
    td.setAttribute("data-label", column.label);
    if (column.page) {
      var page = document.createElement("a");
      page.href = column.page.replace("{}", value);
      page.textContent = value;
      td.appendChild(page);
    } else if (column.link && row[column.link]) {
      var a = document.createElement("a");
      a.href = row[column.link];
      a.rel = "noopener noreferrer";
      a.textContent = value || row[column.link];
      td.appendChild(a);
    } else {
      td.textContent = value + (column.also && row[column.also] ? " (" + row[column.also] + ")" : "");
    }
    if (column.className) { td.className = column.className; }
    if (!value) { td.classList.add("empty"); }
    return td;
  }

  function say(parts) {
    message.replaceChildren();
    message.hidden = !parts.length;
    parts.forEach(function (part) {
      if (typeof part === "string") { message.appendChild(document.createTextNode(part)); return; }
      var a = document.createElement("a");
      a.href = part.href;
      a.textContent = part.text;
      message.appendChild(a);
    });
  }

  function problems() {
    var query = new URLSearchParams(window.location.search), found = [];
    selects.forEach(function (select) {
      var name = select.name, value = query.get(name);
      if (value && !hasOption(select, value)) { found.push("No row has " + name + " “" + value + "”. "); }
    });
    ["from", "to"].forEach(function (name) {
      var value = query.get(name);
      if (value && !/^\d{4}-\d{2}$/.test(value)) { found.push("“" + value + "” is not a month (write " + name + "=2025-01). "); }
    });
    if (query.get("date") && !hasOption(dateField, query.get("date"))) { found.push("“" + query.get("date") + "” is not a date this page filters on. "); }
    return found;
  }

  function writeAddress() {
    var query = new URLSearchParams();
    if (onlyId) { query.set("id", onlyId); }
    selects.forEach(function (select) { if (select.value) { query.set(select.name, select.value); } });
    if (from.value || to.value) {
      if (dateField.tagName === "SELECT") { query.set("date", dateField.value); }
      if (from.value) { query.set("from", from.value); }
      if (to.value) { query.set("to", to.value); }
      if (keepUndated && keepUndated.checked) { query.set("undated", "keep"); }
    }
    var search = query.toString();
    try {
      window.history.replaceState(null, "", (search ? "?" + search : window.location.pathname.split("/").pop()) + window.location.hash);
    } catch (error) {
      // Some browsers refuse to rewrite a file:// address; the filters still work.
    }
  }

  function render(errors) {
    shown = errors && errors.length ? [] : rows.filter(keep).sort(function (a, b) {
      var field = dateField.value, x = a[field] || "", y = b[field] || "";
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    var fragment = document.createDocumentFragment();
    shown.forEach(function (row) {
      var tr = document.createElement("tr");
      tr.id = row[idField];
      columns.forEach(function (column) { tr.appendChild(cell(row, column)); });
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    document.getElementById("count").textContent = shown.length + " of " + rows.length + " rows";
  }

  function changed() {
    onlyId = "";
    say([]);
    writeAddress();
    render();
  }

  function csv() {
    var fields = [];
    columns.forEach(function (column) { fields.push(column.field); if (column.link) { fields.push(column.link); } });
    Object.keys(rows[0] || {}).forEach(function (field) { if (fields.indexOf(field) < 0) { fields.push(field); } });
    var quote = function (value) {
      var text = value == null ? "" : String(value);
      return /[",\n\r]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
    };
    var lines = [fields.join(",")].concat(shown.map(function (row) { return fields.map(function (f) { return quote(row[f]); }).join(","); }));
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], {type: "text/csv;charset=utf-8"}));
    link.download = (table.getAttribute("data-name") || "rows") + (window.location.search ? "-filtered" : "") + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  selects.forEach(options);
  var query = new URLSearchParams(window.location.search);
  selects.forEach(function (select) { if (query.has(select.name) && hasOption(select, query.get(select.name))) { select.value = query.get(select.name); } });
  if (query.get("date") && hasOption(dateField, query.get("date"))) { dateField.value = query.get("date"); }
  if (/^\d{4}-\d{2}$/.test(query.get("from") || "")) { from.value = query.get("from"); }
  if (/^\d{4}-\d{2}$/.test(query.get("to") || "")) { to.value = query.get("to"); }
  if (keepUndated) { keepUndated.checked = query.get("undated") === "keep"; }
  var errors = problems();
  var wanted = query.get("id") || "";
  if (wanted) {
    onlyId = wanted;
    if (inactive[wanted]) {
      var gone = inactive[wanted];
      errors.push(wanted + " is no longer active (" + gone.status + "). ");
      say([wanted + " is no longer active (" + gone.status + "): see ", {href: "claims/" + wanted + ".html", text: "its page"}].concat(
        gone.replaced_by ? [" and the row that replaced it, ", {href: "claims/" + gone.replaced_by + ".html", text: gone.replaced_by}, "."] : ["."]));
    } else if (!rows.some(function (row) { return row[idField] === wanted; })) {
      errors.push("No row has id “" + wanted + "”. ");
    } else {
      say(["Showing " + wanted + " only; choose “Show all” or any filter to see the others."]);
    }
  }
  if (errors.length && message.hidden) { say(errors.concat(["Nothing is shown: correct the address or choose “Show all”."])); }
  selects.concat([from, to, dateField]).concat(keepUndated ? [keepUndated] : []).forEach(function (input) {
    input.addEventListener("change", changed);
  });
  var sorter = document.getElementById("sort");
  sorter.addEventListener("click", function () {
    ascending = !ascending;
    sorter.textContent = ascending ? "oldest first" : "newest first";
    render();
  });
  document.getElementById("download").addEventListener("click", csv);
  document.getElementById("reset").addEventListener("click", function () {
    selects.forEach(function (select) { select.value = ""; });
    from.value = to.value = "";
    if (keepUndated) { keepUndated.checked = false; }
    changed();
  });
  render(errors);
  var target = window.location.hash.slice(1) && document.getElementById(window.location.hash.slice(1));
  if (target && target.tagName === "TR") {
    target.classList.add("target");
    target.scrollIntoView();
  }
}());
