// Small comforts only; every page works without this file.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
// Ask before a form that says so (撤销 and the like) is sent.
document.querySelectorAll("form[data-confirm]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
});
// Pickers: typing in the search box refills the list from the server (scoped to what the user
// may choose); the search button stays for pages used without this file.
document.querySelectorAll("[data-picker-url]").forEach(function (box) {
  var select = document.getElementById(box.getAttribute("data-picker-select"));
  var more = document.getElementById(box.getAttribute("data-picker-more"));
  var button = box.parentNode.querySelector("[data-picker-button]");
  if (button) { button.hidden = true; }
  var timer = null, asked = 0;
  function refill() {
    var url = box.getAttribute("data-picker-url");
    var ticket = ++asked;
    fetch(url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(box.value), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || ticket !== asked) { return; }
        var chosen = select.value;
        while (select.firstChild) { select.removeChild(select.firstChild); }
        data.matches.forEach(function (m) {
          var option = document.createElement("option");
          option.value = m.id; option.textContent = m.label; option.selected = m.id === chosen;
          select.appendChild(option);
        });
        if (more) { more.hidden = !data.more; if (data.moreText) { more.textContent = data.moreText; } }
      });
  }
  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refill, 200); });
  box.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); clearTimeout(timer); refill(); } });
});
