// Filters the codes table and the code sections by the words typed in the search box
// (every word must match), and keeps the filter in the page's ?q= parameter.
(function () {
  "use strict";
  var input = document.getElementById("search-box");
  var count = document.getElementById("search-count");
  var none = document.getElementById("no-match");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
  var total = document.querySelectorAll("article.code").length;
  var timer = null;

  function apply() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var text = el.getAttribute("data-search");
      var hit = terms.every(function (t) { return text.indexOf(t) !== -1; });
      el.hidden = !hit;
      if (hit && el.tagName === "ARTICLE") shown++;
    }
    count.textContent = terms.length ? shown + " of " + total + " codes" : total + " codes";
    none.hidden = shown !== 0;
    try {
      var url = new URL(window.location.href);
      if (terms.length) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.toString());
    } catch (e) { /* file: pages may not rewrite their URL */ }
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 60);
  });

  // A link to a code hidden by the filter clears the filter first.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.hidden) {
      input.value = "";
      apply();
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);

  var q = new URLSearchParams(window.location.search).get("q");
  if (q) input.value = q;
  apply();
  reveal();
})();
