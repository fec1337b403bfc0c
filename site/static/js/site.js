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
