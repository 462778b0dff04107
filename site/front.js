// The front page's "as the claims stood on" control: recompute each answer for the chosen day from the candidates
// embedded in <script id="answers-data"> (the rule of dprk_kursk.standing.standing_on: each claimant's latest
// claim said on or before the day, within the window), and keep the day in the address (?on=2025-06-30).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("answers-data").textContent);
  var input = document.getElementById("day");
  var DAY = 86400000;

  function iso(time) { return new Date(time).toISOString().slice(0, 10); }

  function words(day) {
    return new Date(day + "T00:00:00Z").toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  }

  function standing(claims, day) {
    var cutoff = iso(Date.parse(day + "T00:00:00Z") - data.window * DAY), latest = {};
    claims.filter(function (c) { return c.reported <= day; }).forEach(function (c) { latest[c.claimant_id] = c; });
    var all = Object.keys(latest).map(function (k) { return latest[k]; }).sort(function (a, b) {
      return a.reported < b.reported ? -1 : a.reported > b.reported ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
    return {now: all.filter(function (c) { return c.reported > cutoff; }), older: all.filter(function (c) { return c.reported <= cutoff; })};
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function link(claim) {
    var a = el("a", "", claim.wording);
    a.href = "claims/" + claim.id + ".html";
    return a;
  }

  function said(claim, label) {
    var p = el("p", "end");
    if (label) { p.appendChild(el("span", "end-label", label)); p.appendChild(document.createTextNode(" ")); }
    p.appendChild(link(claim));
    p.appendChild(document.createTextNode(" "));
    p.appendChild(el("span", "who", claim.claimant + ", " + claim.country + ", said " + claim.said));
    if (claim.note) { p.appendChild(el("span", "claim-note", "Note: " + claim.note)); }
    return p;
  }

  function strip(question, now) {
    var box = document.createDocumentFragment(), bar = el("div", "strip"), axis = el("p", "axis");
    bar.setAttribute("aria-hidden", "true");
    axis.setAttribute("aria-hidden", "true");
    now.forEach(function (c) {
      var mark = el("span", "mark" + (c.ceiling > c.floor ? " range" : ""));
      mark.style.left = (Math.round(c.floor / question.scale * 10000) / 100) + "%";
      mark.style.width = (Math.round((c.ceiling - c.floor) / question.scale * 10000) / 100) + "%";
      bar.appendChild(mark);
    });
    axis.appendChild(el("span", "", "0"));
    axis.appendChild(el("span", "", question.scale_words));
    box.appendChild(bar);
    box.appendChild(axis);
    return box;
  }

  function answer(question, day) {
    var found = standing(question.claims, day), now = found.now, body = el("div", "answer-body");
    if (!now.length) {
      body.appendChild(el("p", "big", "No claim"));
      body.appendChild(el("p", "muted", "No claim on this question stood on that day."));
    } else {
      var low = now[0], high = now[0];
      now.forEach(function (c) { if (c.floor < low.floor) { low = c; } if (c.ceiling > high.ceiling) { high = c; } });
      var big = el("p", "big");
      big.appendChild(link(low));
      if (low.id !== high.id) {
        big.appendChild(document.createTextNode(" "));
        big.appendChild(el("span", "to", "to"));
        big.appendChild(document.createTextNode(" "));
        big.appendChild(link(high));
      }
      body.appendChild(big);
      body.appendChild(said(low, low.id !== high.id ? "Lowest:" : ""));
      if (low.id !== high.id) { body.appendChild(said(high, "Highest:")); }
      body.appendChild(strip(question, now));
      var newest = now[now.length - 1], count = el("p", "muted", now.length + " claim" + (now.length === 1 ? "" : "s") + " standing; the newest: ");
      count.appendChild(link(newest));
      count.appendChild(document.createTextNode(", " + newest.claimant + ", " + newest.said + "."));
      body.appendChild(count);
    }
    if (found.older.length) {
      var older = el("details", "older"), list = el("p", "muted"), n = found.older.length;
      older.appendChild(el("summary", "", n + " older claim" + (n === 1 ? "" : "s") + ", said more than " + data.window + " days before, not counted"));
      found.older.forEach(function (c, i) {
        list.appendChild(link(c));
        list.appendChild(document.createTextNode(" (" + c.claimant + ", " + c.said + ")" + (i < n - 1 ? "; " : ".")));
      });
      older.appendChild(list);
      body.appendChild(older);
    }
    var section = document.getElementById("q-" + question.key);
    section.setAttribute("data-ids", now.map(function (c) { return c.id; }).join(" "));
    section.replaceChild(body, section.querySelector(".answer-body"));
  }

  function show(day, write) {
    data.questions.forEach(function (question) { answer(question, day); });
    document.getElementById("day-words").textContent = words(day);
    if (write) {
      try {
        window.history.replaceState(null, "", day === data.day ? window.location.pathname.split("/").pop() : "?on=" + day);
      } catch (error) {
        // Some browsers refuse to rewrite a file:// address; the answers still change.
      }
    }
  }

  function valid(day) { return /^\d{4}-\d{2}-\d{2}$/.test(day || "") && day >= data.first && day <= data.day; }

  var asked = new URLSearchParams(window.location.search).get("on");
  if (valid(asked)) { input.value = asked; show(asked, false); }
  input.addEventListener("change", function () { if (valid(input.value)) { show(input.value, true); } });
  document.getElementById("last-day").addEventListener("click", function () { input.value = data.day; show(data.day, true); });
}());
