/* Trợ lý báo cáo — the web form's behaviour (no library; served from the bot, never from a CDN).
   Every value is sent to the server when a field is left; the server reads it with the chat's parsers
   and answers with the error (shown under the field) or what it stored. */
(function () {
  "use strict";
  var body = document.body;
  var ROOT = body.getAttribute("data-root") || "/web";
  var CSRF = body.getAttribute("data-csrf") || "";
  var PAGE = body.getAttribute("data-page");

  function rid() {
    var a = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function post(path, data) {
    return fetch(ROOT + path, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": CSRF, "X-Request-Id": rid()},
      body: JSON.stringify(data)
    }).then(function (r) {
      return r.json().catch(function () { return {ok: false, error: "Máy chủ trả lời không đọc được (" + r.status + ")."}; });
    }, function () {
      return {ok: false, error: "Không gửi được (mất mạng?). Ô này chưa được lưu; thử lại khi có mạng."};
    });
  }

  /* ------------------------------------------------------------------ Mini App: init data → session */
  if (PAGE === "miniapp") {
    var st = document.getElementById("miniapp-status");
    var hash = new URLSearchParams((location.hash || "").slice(1));
    var init = hash.get("tgWebAppData") || new URLSearchParams(location.search).get("tgWebAppData");
    if (!init) {
      st.textContent = "Không thấy dữ liệu từ Telegram. Hãy mở trang này bằng nút «📝 Điền trên web» trong bot, " +
        "hoặc bằng đường dẫn bot gửi cho bạn.";
      return;
    }
    post("/tg", {init_data: init}).then(function (res) {
      if (res.ok && res.next) { location.replace(res.next); } else { st.textContent = res.error || "Không mở được."; }
    });
    return;
  }
  if (PAGE !== "form") { return; }

  var EDITABLE = body.getAttribute("data-editable") === "1";
  var PERIOD = body.getAttribute("data-period");

  /* ------------------------------------------------------------------ numbers as typed in Vietnamese */
  function num(text) {
    var s = (text || "").replace(/\s+/g, "").replace(/[^0-9.,\-]/g, "");
    if (!s) { return null; }
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) { s = s.replace(/\./g, "").replace(",", "."); }
    else { s = s.replace(",", "."); }
    var n = parseFloat(s);
    return isFinite(n) ? n : null;
  }
  function fmt(n) {
    if (n === null || n === undefined || n === "") { return ""; }
    var r = Math.round(n * 100) / 100;
    var parts = Math.abs(r).toString().split(".");
    var i = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (r < 0 ? "-" : "") + i + (parts[1] ? "," + parts[1] : "");
  }

  /* ------------------------------------------------------------------ a Biểu's totals as one types */
  function recompute(table) {
    var plan = JSON.parse(table.getAttribute("data-plan"));
    var grid = {};
    var plain = plan.plain || [];  /* rates and averages: no sum across columns, no part of a total */
    function sumCols(cells, rk) {
      var none = plain.indexOf(rk) >= 0;
      plan.ccols.forEach(function (cc) {
        var t = null;
        if (none) { cells[cc[0]] = null; return; }
        cc[1].forEach(function (k) { if (typeof cells[k] === "number") { t = (t || 0) + cells[k]; } });
        cells[cc[0]] = t;
      });
      return cells;
    }
    plan.open.forEach(function (rk) {
      var agg = {};
      table.querySelectorAll('tr[data-item][data-group="' + rk + '"]').forEach(function (tr) {
        var own = {};
        plan.num.forEach(function (ck) {
          var inp = tr.querySelector('input[data-col="' + ck + '"]');
          var v = inp ? num(inp.value) : null;
          own[ck] = v;
          if (v !== null && plain.indexOf(rk) < 0) { agg[ck] = (agg[ck] || 0) + v; }  /* a rate row's items: no sum */
        });
        sumCols(own, rk);
        plan.ccols.forEach(function (cc) { var o = tr.querySelector('output[data-col="' + cc[0] + '"]'); if (o) { o.textContent = fmt(own[cc[0]]); } });
      });
      grid[rk] = sumCols(agg, rk);
    });
    plan.asked.forEach(function (rk) {
      var tr = table.querySelector('tr[data-row="' + rk + '"]');
      var cells = {};
      plan.num.forEach(function (ck) {
        var inp = tr && tr.querySelector('input[data-col="' + ck + '"]');
        cells[ck] = inp ? num(inp.value) : null;
      });
      grid[rk] = sumCols(cells, rk);
    });
    plan.crows.forEach(function (cr) {
      var cells = {};
      plan.num.forEach(function (ck) {
        var t = null;
        cr[1].forEach(function (s) { var v = (grid[s] || {})[ck]; if (typeof v === "number") { t = (t || 0) + v; } });
        cells[ck] = plain.indexOf(cr[0]) >= 0 ? null : t;
      });
      grid[cr[0]] = sumCols(cells, cr[0]);
    });
    Object.keys(grid).forEach(function (rk) {
      var tr = table.querySelector('tr[data-row="' + rk + '"]');
      if (!tr) { return; }
      tr.querySelectorAll("output[data-col]").forEach(function (o) {
        var v = grid[rk][o.getAttribute("data-col")];
        if (v !== undefined) { o.textContent = fmt(v); }
      });
    });
  }

  /* ------------------------------------------------------------------ saving a field */
  function qOf(el) { return el.closest(".q"); }
  function show(q, res) {
    var err = q.querySelector("[data-err]");
    var warn = q.querySelector("[data-warn]");
    var saved = q.querySelector("[data-saved]");
    q.querySelectorAll("[data-ferr],[data-gerr]").forEach(function (e) { e.textContent = ""; });
    q.querySelectorAll(".bad").forEach(function (e) { e.classList.remove("bad"); });
    err.textContent = res.ok ? "" : (res.error || "");
    if (res.item_errors) { showItemErrors(q, res.item_errors); }
    if (!res.ok) { return; }
    q.setAttribute("data-version", res.version);
    q.classList.add("done");
    var bad = res.item_errors && Object.keys(res.item_errors).length;
    saved.textContent = res.display ? ("✔ Đã lưu: " + res.display + (bad ? " (các dòng có lỗi chưa được lưu)" : "")) : "";
    warn.textContent = "";
    (res.warnings || []).forEach(function (w) {
      var p = document.createElement("p"); p.textContent = "⚠️ " + w; warn.appendChild(p);
    });
    if (res.conflict) { var c = document.createElement("p"); c.className = "conflict"; c.textContent = "👥 " + res.conflict; warn.appendChild(c); }
    var rs = q.querySelector("[data-reason]");
    if (rs) { rs.hidden = !res.reason_prompt; if (res.reason_prompt) { rs.querySelector("[data-reason-q]").textContent = "❓ " + res.reason_prompt; } }
    if (res.grid) { applyGrid(q, res.grid); }
    if (res.visible) { applyVisible(res.visible); }
  }
  function showItemErrors(q, errs) {
    var items = q.querySelectorAll("[data-item]");
    Object.keys(errs).forEach(function (k) {
      var parts = k.split("."), i = parseInt(parts[0], 10), f = parts[1];
      var list = q._sent || items;
      var it = list[i];
      if (!it) { return; }
      var inp = it.querySelector('[data-field="' + f + '"],[data-col="' + f + '"]');
      if (inp) { inp.classList.add("bad"); inp.setAttribute("aria-invalid", "true"); }
      var slot = it.querySelector('[data-ferr="' + f + '"]');
      if (!slot && it.getAttribute("data-group")) { slot = q.querySelector('[data-gerr="' + it.getAttribute("data-group") + '"]'); }
      if (slot) { slot.textContent = "❗ " + errs[k]; }
    });
  }
  function applyGrid(q, grid) {
    q.querySelectorAll("tr[data-row]").forEach(function (tr) {
      var g = grid[tr.getAttribute("data-row")];
      if (!g) { return; }
      tr.querySelectorAll("output[data-col]").forEach(function (o) {
        var v = g[o.getAttribute("data-col")];
        o.textContent = typeof v === "number" ? fmt(v) : (v || "");
      });
    });
  }
  function applyVisible(keys) {
    var vis = {};
    keys.forEach(function (k) { vis[k] = true; });
    document.querySelectorAll(".q[data-key]").forEach(function (q) { q.hidden = !vis[q.getAttribute("data-key")]; });
    counts();
  }
  function counts() {
    var all = document.querySelectorAll(".q:not([hidden])"), done = document.querySelectorAll(".q.done:not([hidden])");
    var p = document.getElementById("progress");
    if (p) { p.textContent = "Đã trả lời " + done.length + "/" + all.length + " câu."; }
    document.querySelectorAll("details.section").forEach(function (d) {
      var a = d.querySelectorAll(".q:not([hidden])").length, b = d.querySelectorAll(".q.done:not([hidden])").length;
      var c = d.querySelector("[data-count]"); if (c) { c.textContent = b + "/" + a; }
    });
  }
  function save(q, data) {
    data.key = q.getAttribute("data-key");
    data.base = parseInt(q.getAttribute("data-version") || "0", 10);
    q.classList.add("saving");
    return post("/api/save?period=" + PERIOD, data).then(function (res) {
      q.classList.remove("saving"); show(q, res); counts(); return res;
    });
  }
  function collect(container, labelled) {
    var out = [];
    container.forEach(function (it) {
      var rec = {};
      it.querySelectorAll("input[data-field],input[data-col]").forEach(function (inp) {
        rec[inp.getAttribute("data-field") || inp.getAttribute("data-col")] = inp.value;
      });
      out.push(rec);
    });
    return out;
  }
  function saveGroup(q, group) {
    var rows = Array.prototype.slice.call(q.querySelectorAll('tr[data-item][data-group="' + group + '"]'));
    q._sent = rows;
    return save(q, {op: "group", row: group, items: collect(rows, true)});
  }
  function saveList(q) {
    var items = Array.prototype.slice.call(q.querySelectorAll("[data-items] [data-item]"));
    q._sent = items;
    return save(q, {op: "list", items: collect(items, false)});
  }

  if (EDITABLE) {
    var report = document.getElementById("report");
    report.addEventListener("change", function (ev) {
      var el = ev.target, q = qOf(el);
      if (!q) { return; }
      if (el.matches("input.in, textarea.in") && !el.hasAttribute("data-field")) { save(q, {op: "set", text: el.value}); }
      else if (el.matches('.multi input[type="checkbox"]')) {
        var picked = Array.prototype.map.call(q.querySelectorAll(".multi input:checked"), function (c) { return c.value; });
        save(q, picked.length ? {op: "set", text: picked.join(", ")} : {op: "none"});
      } else if (el.matches("input.cell") && el.closest("tr[data-row]")) {
        save(q, {op: "cell", row: el.closest("tr").getAttribute("data-row"), col: el.getAttribute("data-col"), text: el.value});
      } else if (el.matches("input.cell, input[data-field]")) { el.closest("[data-item]").setAttribute("data-dirty", "1"); }
    });
    report.addEventListener("input", function (ev) {
      var t = ev.target.closest("table.grid");
      if (t) { recompute(t); }
    });
    report.addEventListener("focusout", function (ev) {
      var it = ev.target.closest("[data-item]");
      if (!it || it.getAttribute("data-dirty") !== "1" || (ev.relatedTarget && it.contains(ev.relatedTarget))) { return; }
      it.removeAttribute("data-dirty");
      var q = qOf(it);
      if (it.getAttribute("data-group")) { saveGroup(q, it.getAttribute("data-group")); } else { saveList(q); }
    });
    report.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) { return; }
      var q = qOf(b);
      if (!q) { return; }
      var op = b.getAttribute("data-op");
      if (op === "set") {
        q.querySelectorAll(".opt").forEach(function (o) { o.classList.remove("on"); o.setAttribute("aria-pressed", "false"); });
        b.classList.add("on"); b.setAttribute("aria-pressed", "true");
        save(q, {op: "set", text: b.getAttribute("data-text")});
      } else if (op === "none" || op === "keep") {
        save(q, {op: op}).then(function (res) { if (res.ok) { location.reload(); } });
      } else if (op === "reason") {
        save(q, {op: "reason", text: q.querySelector("[data-reason-in]").value}).then(function (res) {
          if (res.ok) { q.querySelector("[data-reason]").hidden = true; }
        });
      } else if (b.hasAttribute("data-add")) {
        var tpl = q.querySelector("template[data-item-tpl]");
        var node = tpl.content.firstElementChild.cloneNode(true);
        q.querySelector("[data-items]").appendChild(node);
        node.querySelector("input").focus();
      } else if (b.hasAttribute("data-add-item")) {
        var g = b.getAttribute("data-add-item");
        var rt = q.querySelector("template[data-row-tpl]").content.firstElementChild.cloneNode(true);
        rt.setAttribute("data-group", g);
        var last = q.querySelectorAll('tr[data-item][data-group="' + g + '"]');
        var anchor = last.length ? last[last.length - 1] : q.querySelector('tr[data-row="' + g + '"]');
        anchor.parentNode.insertBefore(rt, anchor.nextSibling);
        rt.querySelector("input").focus();
      } else if (b.hasAttribute("data-del")) {
        var item = b.closest("[data-item]");
        var grp = item.getAttribute("data-group");
        item.parentNode.removeChild(item);
        if (grp) { recompute(q.querySelector("table.grid")); saveGroup(q, grp); } else { saveList(q); }
      }
    });
    var sub = document.getElementById("submit");
    if (sub) {
      sub.addEventListener("click", function () {
        var msg = document.getElementById("submit-msg");
        msg.textContent = "Đang gửi…";
        var active = document.activeElement;
        if (active && active.blur) { active.blur(); }
        setTimeout(function () {
          post("/api/submit?period=" + PERIOD, {}).then(function (res) {
            msg.textContent = res.message || res.error || "";
            msg.className = res.ok ? "ok" : "err";
            if (res.ok && res.status) { document.getElementById("status").textContent = res.status; }
          });
        }, 300);
      });
    }
  }

  /* ------------------------------------------------------------------ who else changed this report */
  var rev = parseInt(body.getAttribute("data-rev") || "0", 10);
  var unit = body.getAttribute("data-unit");
  function showChange(c) {
    if (c.id <= rev) { return; }
    rev = c.id;
    var box = document.getElementById("changes");
    box.hidden = false;
    var p = document.createElement("p"); p.textContent = "👥 " + c.text; box.appendChild(p);
    var q = document.getElementById("q-" + c.key);
    if (!q) { return; }
    q.classList.add("changed");
    /* the new value in the field, unless this person is typing in it (then their save says who changed it) */
    var inp = document.getElementById("in-" + c.key);
    if (inp && typeof c.input === "string" && document.activeElement !== inp && c.version > parseInt(q.getAttribute("data-version") || "0", 10)) {
      inp.value = c.input;
      q.setAttribute("data-version", c.version);
      q.querySelector("[data-err]").textContent = "";
      q.querySelector("[data-saved]").textContent = "👥 " + c.who + " đã sửa: " + c.display;
    }
  }
  function poll() {
    fetch(ROOT + "/api/changes?period=" + PERIOD + "&unit=" + unit + "&after=" + rev, {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; }).then(function (res) {
        if (res && res.changes) { res.changes.forEach(showChange); }
      }, function () {});
  }
  var polling = false;
  function pollEvery15s() { if (!polling) { polling = true; setInterval(poll, 15000); } }
  /* live: server-sent events (a change reaches the page as soon as it is saved); the browser reconnects by
     itself after a cut (Last-Event-ID); without EventSource, or when the server refuses the stream: polling */
  if (window.EventSource) {
    var events = new EventSource(ROOT + "/api/events?period=" + PERIOD + "&unit=" + unit + "&after=" + rev);
    events.addEventListener("change", function (e) { try { showChange(JSON.parse(e.data)); } catch (err) { /* skip */ } });
    events.onerror = function () { if (events.readyState === 2) { pollEvery15s(); } };
  } else {
    pollEvery15s();
  }
  document.querySelectorAll("table.grid").forEach(recompute);
})();
