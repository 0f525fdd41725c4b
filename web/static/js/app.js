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

// ---- Annotations (issue #5) -------------------------------------------------------------------------------------
// Selecting words in a paper's abstract offers Highlight (one button per colour) and Comment. The abstract's
// rendering is cut into <span data-s data-e [data-m]> pieces that carry their source offsets, so a selection is
// turned back into offsets of the abstract as stored; the no-JS form on the page is then filled in and submitted.
(function () {
  "use strict";

  function previousEnd(abstract, span, fallback) {
    var spans = Array.prototype.slice.call(abstract.querySelectorAll("[data-s]"));
    var i = spans.indexOf(span);
    return i > 0 ? Number(spans[i - 1].getAttribute("data-e")) : fallback;
  }

  function sourceOffset(abstract, node, offset, isEnd) {
    var el = node.nodeType === 1 ? node : node.parentNode;
    var span = el && el.closest ? el.closest("[data-s]") : null;
    if (span && abstract.contains(span)) {
      var s = Number(span.getAttribute("data-s"));
      var e = Number(span.getAttribute("data-e"));
      if (!span.hasAttribute("data-m")) return isEnd ? e : s; // a formula or an escape: whole or nothing
      var r = document.createRange();
      r.selectNodeContents(span);
      r.setEnd(node, offset);
      var k = r.toString().length;
      if (k === 0) return isEnd ? previousEnd(abstract, span, s) : s;
      if (k >= span.textContent.length) return e;
      return Number(span.getAttribute("data-m")) + k;
    }
    // between pieces (or in a footnote number): the next piece for a start, the previous one for an end
    var point = document.createRange();
    point.setStart(node, offset);
    point.collapse(true);
    var spans = abstract.querySelectorAll("[data-s]");
    if (!isEnd) {
      for (var i = 0; i < spans.length; i++) {
        if (point.comparePoint(spans[i], 0) >= 0) return Number(spans[i].getAttribute("data-s"));
      }
    } else {
      for (var j = spans.length - 1; j >= 0; j--) {
        if (point.comparePoint(spans[j], spans[j].childNodes.length) <= 0) return Number(spans[j].getAttribute("data-e"));
      }
    }
    return null;
  }

  function selectionIn(abstract, source) {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (!range.intersectsNode(abstract)) return null;
    var start = abstract.contains(range.startContainer)
      ? sourceOffset(abstract, range.startContainer, range.startOffset, false) : 0;
    var end = abstract.contains(range.endContainer)
      ? sourceOffset(abstract, range.endContainer, range.endOffset, true) : source.length;
    if (start === null || end === null) return null;
    while (start < end && /\s/.test(source.charAt(start))) start++;
    while (end > start && /\s/.test(source.charAt(end - 1))) end--;
    if (end <= start) return null;
    return { start: start, end: end, exact: source.substring(start, end), rect: range.getBoundingClientRect() };
  }

  function init() {
    var abstract = document.querySelector(".abstract[data-source]");
    var form = document.getElementById("annotation-form");
    if (!abstract || !form) return;
    var source = abstract.getAttribute("data-source");
    var details = document.getElementById("annotate");
    var exactField = form.elements.namedItem("exact");
    var bodyField = form.elements.namedItem("body");
    var cancel = form.querySelector("[data-annotation-cancel]");
    var colours = Array.prototype.map.call(form.querySelectorAll("input[name=colour]"), function (i) { return i.value; });
    var current = null;

    var toolbar = document.createElement("div");
    toolbar.className = "hl-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Annotate the selected words");
    toolbar.hidden = true;
    var label = document.createElement("span");
    label.className = "hl-toolbar__label";
    label.textContent = "Highlight";
    toolbar.appendChild(label);
    colours.forEach(function (colour) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "hl-swatch hl--" + colour;
      b.setAttribute("data-hl-action", "highlight");
      b.setAttribute("data-colour", colour);
      b.setAttribute("aria-label", "Highlight in " + colour);
      b.title = "Highlight in " + colour;
      toolbar.appendChild(b);
    });
    var comment = document.createElement("button");
    comment.type = "button";
    comment.className = "button button--secondary hl-toolbar__comment";
    comment.setAttribute("data-hl-action", "comment");
    comment.textContent = "Comment";
    toolbar.appendChild(comment);
    abstract.insertAdjacentElement("afterend", toolbar);

    // keep the selection when the toolbar is clicked
    toolbar.addEventListener("mousedown", function (e) { e.preventDefault(); });

    function place(selection) {
      current = selection;
      if (!selection) { toolbar.hidden = true; return; }
      toolbar.hidden = false;
      var host = toolbar.offsetParent ? toolbar.offsetParent.getBoundingClientRect() : { top: 0, left: 0 };
      toolbar.style.top = (selection.rect.bottom - host.top + 6) + "px";
      toolbar.style.left = Math.max(0, selection.rect.left - host.left) + "px";
    }

    var timer = null;
    document.addEventListener("selectionchange", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var selection = selectionIn(abstract, source);
        if (selection || !toolbar.contains(document.activeElement)) place(selection);
      }, 120);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !toolbar.hidden) { toolbar.hidden = true; }
    });

    function fill(selection) {
      form.elements.namedItem("start").value = String(selection.start);
      form.elements.namedItem("end").value = String(selection.end);
      exactField.value = selection.exact;
    }

    toolbar.addEventListener("click", function (e) {
      var button = e.target.closest("button[data-hl-action]");
      if (!button || !current) return;
      fill(current);
      if (button.getAttribute("data-hl-action") === "highlight") {
        bodyField.value = "";
        var radio = form.querySelector("input[name=colour][value='" + button.getAttribute("data-colour") + "']");
        if (radio) radio.checked = true;
        form.submit();
        return;
      }
      exactField.readOnly = true;
      if (cancel) cancel.hidden = false;
      if (details) details.open = true;
      toolbar.hidden = true;
      bodyField.focus();
      form.scrollIntoView({ block: "nearest" });
    });

    if (cancel) {
      cancel.addEventListener("click", function () {
        form.elements.namedItem("start").value = "";
        form.elements.namedItem("end").value = "";
        exactField.readOnly = false;
        exactField.value = "";
        cancel.hidden = true;
        if (details) details.open = false;
      });
    }

    // a mark and its comment light up together
    function link(id, on) {
      document.querySelectorAll("[data-annotation='" + id + "']").forEach(function (el) {
        el.classList.toggle("is-linked", on);
      });
    }
    document.addEventListener("mouseover", function (e) {
      var el = e.target.closest && e.target.closest("[data-annotation]");
      if (el) link(el.getAttribute("data-annotation"), true);
    });
    document.addEventListener("mouseout", function (e) {
      var el = e.target.closest && e.target.closest("[data-annotation]");
      if (el) link(el.getAttribute("data-annotation"), false);
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
