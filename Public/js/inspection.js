// The inspector's page, used on a phone on site: every change is kept in this browser at once
// (localStorage, by campaign, unit and account) and sent to the server as a draft when online;
// what could not be sent goes when the connection returns, and is restored after a reload or
// when the browser is opened again. Submitting the scores is the form's own post; nothing is
// computed here. The page works without this file.
(function () {
  var root = document.querySelector(".inspection-page");
  var form = document.getElementById("inspection-form");
  if (!root || !form) { return; }

  var key = root.getAttribute("data-storage-key");
  var draftPath = root.getAttribute("data-draft-path");
  var statusBoxes = root.querySelectorAll("[data-status]");
  var staleBox = root.querySelector("[data-local-stale]");
  var timer = null, retryTimer = null;
  var busy = false, again = false, stopped = false, pending = false;

  function message(name) { return root.getAttribute("data-msg-" + name) || ""; }
  function status(text) { statusBoxes.forEach(function (box) { box.textContent = text; }); }
  function hidden(name) { return form.querySelector('input[type=hidden][name="' + name + '"]'); }

  // What the person typed, as name/value pairs (a ticked method is one pair each).
  function fields() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "_csrf" && name !== "version") { pairs.push([name, String(value)]); }
    });
    return pairs;
  }
  function same(a, b) {
    function text(pairs) { return pairs.map(function (p) { return JSON.stringify(p); }).sort().join("\n"); }
    return text(a) === text(b);
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  // The input belongs to the version it was typed on: the server refuses it on a newer one.
  function keep() {
    try {
      localStorage.setItem(key, JSON.stringify({ version: hidden("version").value, fields: fields(), at: Date.now() }));
    } catch (e) { /* storage full or disabled: the server draft still saves when online */ }
  }
  function forget() { try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ } }

  function restore(saved) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "_csrf" || el.name === "version") { return; }
      var values = saved.fields.filter(function (p) { return p[0] === el.name; }).map(function (p) { return p[1]; });
      if (el.type === "checkbox" || el.type === "radio") { el.checked = values.indexOf(el.value) >= 0; }
      else { el.value = values.length ? values[0] : ""; }
    });
  }

  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(function () { if (pending) { send(); } }, 15000);
  }

  // Sends the form as a draft; resolves true when the server stored it.
  function send() {
    if (stopped) { return Promise.resolve(false); }
    if (busy) { again = true; return Promise.resolve(false); }
    busy = true;
    var sent = fields();
    status(message("saving"));
    return fetch(draftPath, {
      method: "POST", credentials: "same-origin", body: new URLSearchParams(new FormData(form)),
      headers: { "Accept": "application/json", "X-CSRF-Token": hidden("_csrf").value }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (reply) {
        if (response.ok && reply.saved) {
          hidden("version").value = reply.version;
          // Typed while it travelled: keep the rest, now on the new version, and send it next.
          if (same(sent, fields())) { pending = false; forget(); } else { keep(); again = true; }
          status(reply.message || message("saved"));
          return true;
        }
        if (response.status === 409) {
          // A newer record elsewhere, or the inspection closed: stop, keep the input here.
          stopped = true;
          status(reply.message || message("conflict"));
        } else {
          status(message("failed") + (reply.message || (reply.error && reply.error.message) || response.status));
          retryLater();
        }
        return false;
      });
    }, function () {
      status(message("offline"));
      retryLater();
      return false;
    }).then(function (ok) {
      busy = false;
      if (again && !stopped) { again = false; schedule(); }
      return ok;
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(send, 600);
  }

  function changed() {
    pending = true;
    keep();
    if (navigator.onLine === false) { status(message("offline")); retryLater(); return; }
    schedule();
  }

  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.type === "hidden") { return; }
    el.addEventListener("input", changed);
    el.addEventListener("change", changed);
  });

  window.addEventListener("online", function () { if (pending) { schedule(); } });
  window.addEventListener("offline", function () { if (pending) { status(message("offline")); } });

  // Submitting: what was typed stays here until the server's page says it is stored; a draft on
  // its way first finishes, so the submission carries the version it made.
  form.addEventListener("submit", function (event) {
    clearTimeout(timer);
    keep();
    if (!busy) { return; }
    event.preventDefault();
    var wait = setInterval(function () {
      if (!busy) { clearInterval(wait); form.submit(); }
    }, 100);
  });

  if (staleBox) {
    staleBox.querySelector("[data-restore-local]").addEventListener("click", function () {
      var saved = load();
      staleBox.hidden = true;
      if (!saved || !saved.fields) { return; }
      restore(saved);
      pending = true;
      keep();
      status(message("restored-local"));
      schedule();
    });
  }

  if (/[?&]done=inspected\b/.test(window.location.search)) {
    // Submitted: the record holds what was typed.
    forget();
  } else if (root.querySelector(".form-error")) {
    // A refused submission came back with the input in the form: keep it as the draft.
    changed();
  } else {
    var saved = load();
    if (saved && saved.fields) {
      if (same(saved.fields, fields())) {
        forget();
      } else if (String(saved.version) === hidden("version").value) {
        restore(saved);
        pending = true;
        status(message("restored-local"));
        if (navigator.onLine === false) { status(message("restored-local") + " " + message("offline")); } else { schedule(); }
      } else if (staleBox) {
        // Typed on an older version: someone saved since; restoring it is the person's choice.
        staleBox.hidden = false;
      }
    }
  }
})();
