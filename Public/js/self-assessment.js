// The self-assessment page: drafts saved as the cadre types, and unsaved input kept in this
// browser until the server has it. Every score, tier, veto and warning comes from the server's
// answer to the draft; nothing is computed here. The page works without this file (the Save
// button sends the form).
(function () {
  var root = document.querySelector(".self-assessment");
  var form = document.getElementById("sa-form");
  if (!root) { return; }

  // Questions that do not apply given the answers are hidden (without this file they show, with a note).
  function showAsked() {
    root.querySelectorAll(".sa-question[data-fact]").forEach(function (q) {
      q.hidden = q.getAttribute("data-asked") === "false";
    });
  }
  showAsked();
  if (!form || root.getAttribute("data-editable") !== "true") { return; }

  var key = root.getAttribute("data-storage-key");
  var draftPath = root.getAttribute("data-draft-path");
  var statusBoxes = root.querySelectorAll("[data-status]");
  var timer = null, busy = false, again = false, stopped = false, dirty = false;

  function message(name) { return root.getAttribute("data-msg-" + name) || ""; }
  function status(text) { statusBoxes.forEach(function (box) { box.textContent = text; }); }
  function hidden(name) { return form.querySelector('input[type=hidden][name="' + name + '"]'); }

  // What the person typed: every field of the form but the token, the version and the base.
  function fields() {
    var values = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "_csrf" && name !== "version" && name !== "base") { values[name] = String(value); }
    });
    return values;
  }

  function keep() {
    try {
      localStorage.setItem(key, JSON.stringify({ version: hidden("version").value, base: hidden("base").value, fields: fields() }));
    } catch (e) { /* storage full or disabled: the server draft still saves */ }
  }
  function forget() { try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ } }

  function restore(saved) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "_csrf" || el.name === "version" || el.name === "base") { return; }
      var value = saved.fields[el.name];
      if (el.type === "checkbox") { el.checked = value !== undefined; }
      else if (el.type === "radio") { el.checked = value === el.value; }
      else { el.value = value === undefined ? "" : value; }
    });
    // The input belongs to the version it was typed on: a save tells if someone saved since.
    hidden("version").value = saved.version;
    hidden("base").value = saved.base;
  }

  function update(reply) {
    hidden("version").value = reply.version;
    if (reply.base !== undefined && reply.base !== null) { hidden("base").value = reply.base; }
    var summary = reply.summary || {};
    ["totalText", "tier", "vetoes", "progress", "vetoWarning", "warnings"].forEach(function (name) {
      var box = root.querySelector('[data-summary="' + name + '"]');
      if (!box) { return; }
      var text = summary[name] || "";
      box.textContent = text;
      if (name === "vetoWarning" || name === "warnings") { box.hidden = text === ""; }
    });
    (reply.items || []).forEach(function (item) {
      var score = root.querySelector('[data-item-score="' + item.number + '"]');
      if (score) { score.textContent = item.scoreText; }
      var list = root.querySelector('[data-applied="' + item.number + '"]');
      if (list) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        item.applied.forEach(function (line) {
          var li = document.createElement("li");
          li.textContent = line;
          list.appendChild(li);
        });
      }
      var none = root.querySelector('[data-none-applied="' + item.number + '"]');
      if (none) { none.hidden = item.applied.length > 0; }
      var warning = root.querySelector('[data-warning="' + item.number + '"]');
      if (warning) { warning.textContent = item.warning || ""; warning.hidden = !item.warning; }
    });
    var notAsked = reply.notAsked || [];
    root.querySelectorAll(".sa-question[data-fact]").forEach(function (q) {
      var asked = notAsked.indexOf(q.getAttribute("data-fact")) < 0;
      q.setAttribute("data-asked", asked ? "true" : "false");
      var note = q.querySelector(".sa-not-asked");
      if (note) { note.hidden = asked; }
    });
    showAsked();
  }

  // Sends the draft; resolves true when the server stored it.
  function saveDraft() {
    if (stopped) { return Promise.resolve(false); }
    if (busy) { again = true; return Promise.resolve(false); }
    busy = true;
    dirty = false;
    status(message("saving"));
    var body = new URLSearchParams(new FormData(form));
    return fetch(draftPath, {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "Accept": "application/json", "X-CSRF-Token": hidden("_csrf").value }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (reply) {
        if (response.ok && reply.saved) {
          update(reply);
          if (!dirty) { forget(); }
          status(message("saved"));
          return true;
        }
        dirty = true;
        if (response.status === 409) { stopped = true; status(message("conflict")); }
        else { status(reply.message || (reply.error && reply.error.message) || message("failed")); }
        return false;
      });
    }, function () {
      dirty = true;
      status(message("offline"));
      return false;
    }).then(function (ok) {
      busy = false;
      if (again) { again = false; schedule(); }
      return ok;
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(saveDraft, 1500);
  }

  function changed(event) {
    var el = event.target;
    // Ticking an element of a checklist means it was gone through.
    if (el.hasAttribute && el.hasAttribute("data-element") && el.checked) {
      var marker = el.closest("fieldset").querySelector("[data-marker]");
      if (marker) { marker.checked = true; }
    }
    dirty = true;
    keep();
    schedule();
  }

  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.type === "hidden") { return; }
    el.addEventListener("input", changed);
    el.addEventListener("change", changed);
  });

  form.addEventListener("submit", function () { clearTimeout(timer); keep(); });

  // An upload leaves the page: save what was typed first.
  root.querySelectorAll("form.sa-upload").forEach(function (upload) {
    upload.addEventListener("submit", function (event) {
      if (!dirty || stopped) { return; }
      event.preventDefault();
      clearTimeout(timer);
      saveDraft().then(function () { upload.submit(); });
    });
    var hint = upload.querySelector("[data-upload-hint]");
    if (hint) { hint.hidden = true; }
  });

  // After a save, or on a page the server sent back with the person's input in it (a refused or a
  // stale save), what this browser kept is either stored or on the page already.
  if (/[?&]done=saved\b/.test(window.location.search) || root.querySelector(".sa-conflict, .form-error")) {
    forget();
  } else {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && saved.fields) {
      restore(saved);
      dirty = true;
      status(message("restored"));
      schedule();
    }
  }
})();
