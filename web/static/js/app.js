// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function renderMath(root) {
    if (typeof window.katex === "undefined") return;
    root.querySelectorAll(".math:not([data-rendered])").forEach(function (el) {
      var tex = el.textContent;
      try {
        window.katex.render(tex, el, { throwOnError: false, displayMode: false });
        el.setAttribute("data-rendered", "");
        el.setAttribute("aria-label", tex);
      } catch (e) {
        // leave the TeX source visible
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderMath(document);
  });
})();
