// The 申报登记表: a live count of 主要工作 (and of a return's reasons) against its limit. The server
// counts characters as Swift does (grapheme clusters, after trimming surrounding white space), and
// so does this, with Intl.Segmenter where the browser has it, else by code points. The page works
// without this file: the server refuses what is too long, naming the field.
(function () {
  var segmenter = (typeof Intl !== "undefined" && typeof Intl.Segmenter === "function")
    ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

  function count(text) {
    var trimmed = text.trim();
    if (segmenter) {
      var n = 0;
      var iterator = segmenter.segment(trimmed)[Symbol.iterator]();
      while (!iterator.next().done) { n += 1; }
      return n;
    }
    return Array.from(trimmed).length;
  }

  document.querySelectorAll("textarea[data-count-limit]").forEach(function (box) {
    var limit = parseInt(box.getAttribute("data-count-limit"), 10);
    var output = document.getElementById(box.getAttribute("data-counter"));
    if (!output || !limit) { return; }
    function update() {
      var n = count(box.value);
      output.textContent = n + "/" + limit;
      output.classList.toggle("rf-over", n > limit);
    }
    box.addEventListener("input", update);
    update();
  });
})();
