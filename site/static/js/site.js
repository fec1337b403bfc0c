// Quick exit: the button and the Escape key replace this page with a neutral one.
// location.replace() swaps the current history entry, so Back does not return here.
(function () {
  "use strict";
  function leave(event) {
    var link = document.getElementById("quick-exit");
    var url = (link && link.getAttribute("data-exit-url")) || "https://www.wikipedia.org/";
    if (event) { event.preventDefault(); }
    document.title = "";
    document.body.innerHTML = "";
    window.location.replace(url);
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("#quick-exit");
    if (target) { leave(event); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { leave(event); }
  });
  // A place picked from the list goes straight to its page.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.matches && select.matches("select[data-go=jurisdiction]") && select.value) {
      select.form.submit();
    }
  });
})();

// Search as you type: fetch the results part of the same page and keep the URL shareable.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-search]");
  var results = document.getElementById("results");
  if (!form || !results || !window.fetch || !window.URLSearchParams) { return; }
  var input = form.querySelector("input[name=q]");
  var timer = null;
  var latest = 0;
  function update() {
    var params = new URLSearchParams(new FormData(form));
    var url = form.getAttribute("action") + "?" + params.toString();
    var ticket = ++latest;
    params.set("partial", "1");
    fetch(form.getAttribute("action") + "?" + params.toString(), {headers: {"X-Requested-With": "fetch"}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || ticket !== latest) { return; }
        results.innerHTML = html;
        window.history.replaceState(null, "", url);
      })
      .catch(function () { /* the form still works by submitting */ });
  }
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 250);
  });
})();

// Print buttons on the documents.
document.addEventListener("click", function (event) {
  "use strict";
  if (event.target.closest && event.target.closest("[data-print]")) { window.print(); }
});
