// The member's page. The printed link is /s#TOKEN: the part after "#" never leaves the phone in
// a request, so no server or proxy log holds it. Put it into the form, drop it from the address
// bar (and so from the history), and send the form. Without this file the member types the token.
(function () {
  var form = document.getElementById("survey-code");
  if (!form) { return; }
  function send(again) {
    var token = window.location.hash.replace(/^#/, "");
    if (!token) { return; }
    var field = form.querySelector("input[name=code]");
    try { field.value = decodeURIComponent(token); } catch (e) { field.value = token; }
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    // A page that already says why a token was refused waits for the member, unless a new link
    // was opened on it.
    if (again || (!document.getElementById("survey-message") && !form.querySelector(".field-error"))) { form.submit(); }
  }
  send(false);
  // Another link opened in the same tab changes only the part after "#": the page stays.
  window.addEventListener("hashchange", function () { send(true); });
})();
