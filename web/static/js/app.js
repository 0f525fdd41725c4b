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

  // ---- posting forms in place: the server answers X-Fragment requests with the updated piece of page

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function post(url, body, fragment) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-CSRF-Token": csrfToken(),
        "X-Fragment": fragment
      },
      body: body
    }).then(function (response) {
      return response.text().then(function (text) {
        return { status: response.status, ok: response.ok, text: text, headers: response.headers };
      });
    });
  }

  function parse(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content;
  }

  function announce(message) {
    var live = document.getElementById("js-live");
    if (!live) {
      live = document.createElement("p");
      live.id = "js-live";
      live.className = "visually-hidden";
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = message;
  }

  /** Which control had focus, so the same one can have it again after the swap. */
  function focusKey(el) {
    if (!el || !el.name) return null;
    return { name: el.name, value: el.value, type: el.type };
  }

  function refocus(root, key) {
    if (!key) return;
    var candidates = root.querySelectorAll('[name="' + key.name + '"]');
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i].value === key.value) {
        candidates[i].focus();
        return;
      }
    }
  }

  function swapRow(form, result) {
    var holder = form.closest(".row-track");
    if (!holder) return;
    if (!result.ok) {
      var error = parse(result.text).querySelector(".notice");
      announce(error ? error.textContent : "That didn't work (" + result.status + ").");
      return;
    }
    var key = focusKey(document.activeElement);
    var fresh = parse(result.text).querySelector(".row-track");
    if (fresh) {
      holder.replaceWith(fresh);
      refocus(fresh, key);
      var status = fresh.querySelector(".row-track__status");
      announce(status ? "Marked " + status.textContent.toLowerCase() : "Status cleared");
    }
  }

  function swapPanel(result) {
    var fresh = parse(result.text);
    var top = fresh.querySelector("#tracking-top");
    var current = document.getElementById("tracking-top");
    if (!top || !current) {
      announce("That didn't work (" + result.status + "). Reload the page and try again.");
      return;
    }
    var key = focusKey(document.activeElement);
    current.replaceWith(top);
    refocus(top, key);
    announce(result.ok ? "Saved" : (top.querySelector(".notice") || {}).textContent || "Not saved");
  }

  function submitInPlace(form, submitter) {
    var data = new FormData(form, submitter || undefined);
    var body = new URLSearchParams(data).toString();
    var kind = form.getAttribute("data-inplace");
    return post(form.action, body, kind).then(function (result) {
      if (kind === "row") swapRow(form, result); else swapPanel(result);
    }).catch(function () {
      announce("Could not reach Paperlog; nothing was changed.");
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form[data-inplace]")) {
      event.preventDefault();
      submitInPlace(form, event.submitter);
    } else if (form.matches("form[data-note-form]")) {
      event.preventDefault();
      saveNote(form, true);
    }
  });

  // ---- stars: choosing one saves it (after a short pause, so arrowing across them saves once)

  var ratingTimer = null;
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches(".rating-form input[type=radio]")) return;
    clearTimeout(ratingTimer);
    ratingTimer = setTimeout(function () {
      var form = input.closest("form");
      if (form) submitInPlace(form, null);
    }, 450);
  });

  // ---- the note: autosave while typing; a save based on an old revision shows both texts

  var noteTimer = null;
  var noteSaving = false;
  var noteAgain = false;

  function noteStatus(text) {
    var status = document.querySelector("[data-note-status]");
    if (status) status.textContent = text;
  }

  function saveNote(form, now) {
    if (noteSaving) {
      noteAgain = true;
      return;
    }
    noteSaving = true;
    noteStatus("Saving…");
    var textarea = form.querySelector("textarea[name=body]");
    var sent = textarea.value;
    var body = new URLSearchParams(new FormData(form)).toString();
    post(form.action, body, "note").then(function (result) {
      if (result.ok) {
        var revision = result.headers.get("X-Note-Revision");
        if (revision) form.querySelector("input[name=base_revision]").value = revision;
        noteStatus(parse(result.text).textContent.trim() || "Saved");
        textarea.removeAttribute("aria-invalid");
      } else if (result.status === 409) {
        var note = document.getElementById("note");
        var fresh = parse(result.text).querySelector("#note");
        if (note && fresh) {
          var typed = textarea.value; // what is in the box now, including anything typed since the save
          note.replaceWith(fresh);
          var mine = fresh.querySelector(".conflict textarea[name=body]");
          if (mine) mine.value = typed;
        }
        noteAgain = false;
      } else {
        var error = parse(result.text).querySelector(".notice");
        noteStatus(error ? error.textContent : "Not saved (" + result.status + ")");
        textarea.setAttribute("aria-invalid", "true");
      }
    }).catch(function () {
      noteStatus("Not saved: Paperlog can't be reached. Your text is still here.");
    }).then(function () {
      noteSaving = false;
      if (noteAgain) {
        noteAgain = false;
        if (document.contains(form) && textarea.value !== sent) saveNote(form, true);
      }
    });
  }

  document.addEventListener("input", function (event) {
    var textarea = event.target;
    if (!textarea.matches("form[data-note-form] textarea[name=body]")) return;
    noteStatus("Editing…");
    clearTimeout(noteTimer);
    noteTimer = setTimeout(function () {
      saveNote(textarea.form, false);
    }, 1200);
  });

  // ---- keyboard shortcuts (catalogue and paper pages); /help lists them

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-keyboard-list] > .paper-row"));
  }

  function currentRow() {
    var active = document.activeElement;
    return active && active.closest ? active.closest(".paper-row") : null;
  }

  function moveRow(step) {
    var list = rows();
    if (!list.length) return;
    var index = list.indexOf(currentRow());
    var next = index < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step));
    list.forEach(function (row) { row.classList.remove("is-selected"); });
    list[next].classList.add("is-selected");
    var link = list[next].querySelector(".paper-row__title a");
    if (link) {
      link.focus();
      list[next].scrollIntoView({ block: "nearest" });
    }
  }

  function markStatus(status) {
    var panel = document.getElementById("tracking-panel");
    if (panel) {
      var button = panel.querySelector('.tracking__status button[data-status="' + status + '"]');
      if (button) button.form.requestSubmit(button);
      return;
    }
    var row = currentRow();
    var rowButton = row && row.querySelector('.row-track__form button[value="' + status + '"]');
    if (rowButton) rowButton.form.requestSubmit(rowButton);
  }

  function rate(stars) {
    var panel = document.getElementById("tracking-panel");
    if (panel) {
      var input = panel.querySelector('.rating-form input[value="' + stars + '"]');
      if (input) {
        input.checked = true;
        submitInPlace(input.form, null);
      }
      return;
    }
    var row = currentRow();
    var form = row && row.querySelector(".row-track__form");
    if (!form) return;
    var url = form.action.replace(/\/status$/, "/rating");
    var body = new URLSearchParams({ rating: String(stars), back: location.pathname + location.search }).toString();
    post(url, body, "row").then(function (result) { swapRow(form, result); });
  }

  function toggleShortcuts(show) {
    var dialog = document.getElementById("shortcuts");
    if (!dialog) return;
    var open = show === undefined ? dialog.hidden : show;
    dialog.hidden = !open;
    if (open) dialog.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      toggleShortcuts(false);
      return;
    }
    if (typing(event.target)) return;
    var onList = rows().length > 0;
    var onPaper = !!document.getElementById("tracking-panel");
    if (!onList && !onPaper) return;
    var key = event.key;
    var handled = true;
    if (key === "j" || key === "k") {
      if (onList) {
        moveRow(key === "j" ? 1 : -1);
      } else {
        var link = document.querySelector(key === "j" ? "a[rel=next]" : "a[rel=prev]");
        if (link) link.click();
      }
    } else if (key === "w") {
      markStatus("want");
    } else if (key === "r") {
      markStatus("reading");
    } else if (key === "d") {
      markStatus("read");
    } else if (/^[1-5]$/.test(key)) {
      rate(Number(key));
    } else if (key === "?") {
      toggleShortcuts();
    } else {
      handled = false;
    }
    if (handled) event.preventDefault();
  });

  document.addEventListener("DOMContentLoaded", function () {
    renderMath(document);
    document.documentElement.classList.add("js");
  });
})();
