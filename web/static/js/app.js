// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  var WORD_JOINER = "\u2060";

  function renderMath(root) {
    if (typeof window.katex === "undefined") return;
    root.querySelectorAll(".math:not([data-rendered])").forEach(function (el) {
      var tex = el.textContent;
      try {
        window.katex.render(tex, el, { throwOnError: false, displayMode: false });
        el.setAttribute("data-rendered", "");
        el.setAttribute("data-tex", tex);
        glueToNeighbours(el);
      } catch (e) {
        // leave the TeX source visible
      }
    });
  }

  /** The character just outside el, on one side, as the reader sees the text; "" at the edge of its block. */
  function charBeside(el, before) {
    var walker = document.createTreeWalker(el.closest("p, li, h1, h2, h3, td, th, div") || document.body,
      NodeFilter.SHOW_TEXT);
    var last = "";
    var node;
    var past = false;
    while ((node = walker.nextNode())) {
      if (el.contains(node)) {
        if (before) return last;
        past = true;
        continue;
      }
      if (!past && node.data.length) last = node.data.charAt(node.data.length - 1);
      if (past && node.data.length) return node.data.charAt(0);
    }
    return before ? last : "";
  }

  // A formula stays on one line with the word it is part of ("GPT-3", "O(L log L)"): a word joiner goes
  // between them, inside the formula's span, so that the source offsets the annotations rely on do not move.
  function glueToNeighbours(el) {
    var before = charBeside(el, true);
    var after = charBeside(el, false);
    if (before && !/\s/.test(before)) el.insertBefore(document.createTextNode(WORD_JOINER), el.firstChild);
    if (after && !/\s/.test(after)) el.appendChild(document.createTextNode(WORD_JOINER));
  }

  // Copying rendered text gives the words a reader sees: each formula once, as its TeX ("GPT-3", not the
  // rendering's two copies on separate lines), without footnote numbers or the joiners above.
  document.addEventListener("copy", function (event) {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !event.clipboardData) return;
    var range = selection.getRangeAt(0);
    var holder = document.createElement("div");
    holder.appendChild(range.cloneContents());
    if (!holder.querySelector(".katex, .math, .hl-ref")) return;
    // a selection that starts inside a formula brings a partial copy of its span, data-tex included
    holder.querySelectorAll(".math[data-tex], .katex").forEach(function (el) {
      var source = el.closest(".math[data-tex]") || el;
      var tex = source.getAttribute("data-tex");
      if (tex === null) {
        var annotation = el.querySelector('annotation[encoding="application/x-tex"]');
        tex = annotation ? annotation.textContent : (el.querySelector(".katex-html") || el).textContent;
      }
      if (el.parentNode) el.replaceWith(document.createTextNode(tex));
    });
    holder.querySelectorAll(".hl-ref, .katex-mathml").forEach(function (el) { el.remove(); });
    event.clipboardData.setData("text/plain", holder.textContent.replace(/\u2060/g, ""));
    event.preventDefault();
  });

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

  function swapRow(form, result, rated) {
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
      if (rated) {
        toast(fresh.querySelector(".row-track__rate").getAttribute("aria-label"), fresh);
      } else {
        var status = fresh.querySelector('.row-track__form [aria-pressed="true"]');
        toast(status ? "Marked " + status.textContent.toLowerCase() : "Status cleared", fresh);
      }
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
    var pressed = top.querySelector(".tracking__status button[aria-pressed=true]");
    var said = !result.ok ? (top.querySelector(".notice") || {}).textContent || "Not saved"
      : "Saved: " + (pressed ? pressed.textContent.trim().toLowerCase() : "no status") + ", " +
        ((top.querySelector(".rating-form legend .tracking__meta") || {}).textContent || "").trim();
    toast(said, top);
  }

  // my tags on a paper's page: the answer is the whole editor, refused input and its reason included
  function swapTags(result) {
    var fresh = parse(result.text).querySelector("#paper-tags");
    var current = document.getElementById("paper-tags");
    if (!fresh || !current) {
      announce("That didn't work (" + result.status + "). Reload the page and try again.");
      return;
    }
    current.replaceWith(fresh);
    var input = fresh.querySelector("input[name=tags][type=text]");
    if (input) input.focus();
    var error = fresh.querySelector(".field__error");
    announce(error ? error.textContent : "Tags saved");
  }

  function submitInPlace(form, submitter) {
    var data = new FormData(form, submitter || undefined);
    var body = new URLSearchParams(data).toString();
    var kind = form.getAttribute("data-inplace");
    return post(form.action, body, kind).then(function (result) {
      if (kind === "row") swapRow(form, result, !!submitter && submitter.name === "rating"); else if (kind === "tags") swapTags(result); else swapPanel(result);
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
    } else if (form.matches("form[data-note-resolve]")) {
      event.preventDefault();
      resolveNote(form, event.submitter);
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

  /** The note's preview follows each save: the server's rendering of what was saved, formulas drawn here. */
  function showPreview(fresh) {
    var preview = document.querySelector("#note [data-note-preview]");
    if (!preview || !fresh) return;
    preview.innerHTML = fresh.innerHTML;
    preview.hidden = preview.innerHTML.trim() === "";
    renderMath(preview);
  }

  /** The conflict view's choices, answered with the whole note as it is now, put where the old one was. */
  function resolveNote(form, submitter) {
    var body = new URLSearchParams(new FormData(form, submitter || undefined)).toString();
    post(form.action, body, "note").then(function (result) {
      var fresh = parse(result.text).querySelector("#note");
      var note = document.getElementById("note");
      if (!fresh || !note) {
        var error = parse(result.text).querySelector(".notice, p");
        toast(error ? error.textContent : "Not saved (" + result.status + ")", form);
        return;
      }
      note.replaceWith(fresh);
      renderMath(fresh);
      var editor = fresh.querySelector("form[data-note-form] textarea[name=body]") ||
        fresh.querySelector("textarea[name=body]");
      if (editor) editor.focus({ preventScroll: true });
      toast(result.ok ? "Note saved" : "The note changed again: compare once more", fresh);
    }).catch(function () {
      toast("Could not reach Paperlog; nothing was changed.", form);
    });
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
        var answer = parse(result.text);
        var saved = answer.querySelector("[data-note-saved]");
        noteStatus(saved ? saved.textContent.trim() : "Saved");
        showPreview(answer.querySelector("[data-note-preview]"));
        textarea.removeAttribute("aria-invalid");
      } else if (result.status === 409) {
        var note = document.getElementById("note");
        var fresh = parse(result.text).querySelector("#note");
        if (note && fresh) {
          var typed = textarea.value; // what is in the box now, including anything typed since the save
          var typing = document.activeElement === textarea;
          note.replaceWith(fresh);
          var mine = fresh.querySelector(".conflict textarea[name=body]");
          if (mine) {
            mine.value = typed;
            // whoever is still typing goes on typing into their text, not into a box that has gone
            if (typing) {
              mine.focus();
              mine.setSelectionRange(typed.length, typed.length);
            }
          }
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

  // ---- a toast: a short note of what just happened, shown beside the control it is about (where the person is
  // looking), read out by screen readers too, gone after a moment

  var toastTimer = null;

  function toast(message, near) {
    var box = document.getElementById("js-toast");
    if (!box) {
      box = document.createElement("div");
      box.id = "js-toast";
      box.className = "toast";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = message;
    box.hidden = false;
    var rect = near && near.getBoundingClientRect ? near.getBoundingClientRect() : null;
    var width = box.offsetWidth;
    var top = rect ? rect.bottom + 8 : window.innerHeight - 80;
    if (top + box.offsetHeight > window.innerHeight - 8) top = rect ? Math.max(8, rect.top - box.offsetHeight - 8) : 8;
    var left = rect ? rect.left : (window.innerWidth - width) / 2;
    box.style.top = Math.max(8, top) + "px";
    box.style.left = Math.max(8, Math.min(left, window.innerWidth - width - 8)) + "px";
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { box.hidden = true; }, 2600);
  }
  // the annotations part below uses these
  window.paperlog = { post: post, parse: parse, renderMath: renderMath, toast: toast };

  // ---- keyboard shortcuts (catalogue and paper pages); /help lists them; off when the account says so

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
    var button = panel ? panel.querySelector('.tracking__status button[data-status="' + status + '"]')
      : (currentRow() && currentRow().querySelector('.row-track__form button[value="' + status + '"]'));
    if (!button) return;
    toast("Marking as " + button.textContent.trim().toLowerCase() + "…", button.closest("form"));
    button.form.requestSubmit(button);
  }

  function rate(stars) {
    var panel = document.getElementById("tracking-panel");
    if (panel) {
      var input = panel.querySelector('.rating-form input[value="' + stars + '"]');
      if (input) {
        input.checked = true;
        toast("Rating " + stars + (stars === 1 ? " star…" : " stars…"), input.closest(".stars"));
        submitInPlace(input.form, null);
      }
      return;
    }
    var row = currentRow();
    var form = row && row.querySelector("form.row-track");
    if (!form) return;
    toast("Rating " + stars + (stars === 1 ? " star…" : " stars…"), form.querySelector(".row-track__rate") || form);
    var url = form.action;
    var body = new URLSearchParams({ rating: String(stars), back: location.pathname + location.search }).toString();
    post(url, body, "row").then(function (result) { swapRow(form, result, true); });
  }

  var focusBeforeShortcuts = null;

  /** Shows or hides the list of shortcuts; closing it gives the focus back to where it was when it opened. */
  function toggleShortcuts(show) {
    var dialog = document.getElementById("shortcuts");
    if (!dialog) return;
    var open = show === undefined ? dialog.hidden : show;
    if (open === !dialog.hidden) return;
    dialog.hidden = !open;
    if (open) {
      focusBeforeShortcuts = document.activeElement;
      dialog.focus();
    } else if (focusBeforeShortcuts && document.contains(focusBeforeShortcuts)) {
      focusBeforeShortcuts.focus();
      focusBeforeShortcuts = null;
    }
  }

  function shortcutsOn() {
    return document.body.getAttribute("data-shortcuts") !== "off";
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      toggleShortcuts(false);
      return;
    }
    if (typing(event.target) || !shortcutsOn()) return;
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
        if (link) {
          toast(key === "j" ? "Next paper…" : "Previous paper…", document.getElementById("tracking-panel"));
          link.click();
        }
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

  // ---- a list's papers in order: drag them by their handle, or move them with the arrow keys on it. The new
  // order goes to the server with the version of the list the page shows; the answer is the list as it is now.

  function listItems() {
    return document.getElementById("list-items");
  }

  function itemOrder(holder) {
    return Array.prototype.map.call(holder.querySelectorAll(".list-item"), function (li) {
      return li.getAttribute("data-item");
    });
  }

  // One order in flight at a time: moves made while it travels are sent after it, with the version it answers,
  // so quick presses of an arrow key never conflict with each other.
  function sendOrder(holder, focusItem) {
    if (holder.sending) {
      holder.movedMeanwhile = focusItem;
      return;
    }
    holder.sending = true;
    var sent = itemOrder(holder).join(",");
    var body = new URLSearchParams({ order: sent, version: holder.getAttribute("data-version") });
    post("/lists/" + holder.getAttribute("data-list") + "/order", body.toString(), "items").then(function (result) {
      holder.sending = false;
      var fresh = parse(result.text).querySelector("#list-items");
      if (!fresh) {
        holder.movedMeanwhile = null;
        announce("The new order was not saved (" + result.status + "). Reload the page and try again.");
        return;
      }
      var next = holder.movedMeanwhile;
      holder.movedMeanwhile = null;
      // the answer is the list as it is now: only when that is the order sent is it safe to send the newer one
      var untouched = result.ok && itemOrder(fresh).join(",") === sent;
      if (next && untouched) {
        holder.setAttribute("data-version", fresh.getAttribute("data-version"));
        sendOrder(holder, next);
        return;
      }
      holder.replaceWith(fresh);
      installReorder(fresh);
      var handle = fresh.querySelector('.list-item[data-item="' + focusItem + '"] [data-reorder-handle]');
      if (handle) handle.focus();
      announce(result.status === 409 || (next && !untouched)
        ? "Someone changed the list meanwhile: here it is as it is now. Move it again."
        : result.ok ? "Order saved" : "The new order was not saved.");
    }).catch(function () {
      holder.sending = false;
      holder.movedMeanwhile = null;
      announce("Could not reach Paperlog; the order was not saved.");
    });
  }

  function installReorder(holder) {
    if (!holder || !holder.hasAttribute("data-reorder")) return;
    var dragged = null;
    holder.querySelectorAll("[data-reorder-handle]").forEach(function (handle) {
      handle.hidden = false;
      var li = handle.closest(".list-item");
      handle.addEventListener("keydown", function (event) {
        if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
        event.preventDefault();
        var sibling = event.key === "ArrowUp" ? li.previousElementSibling : li.nextElementSibling;
        if (!sibling) return;
        if (event.key === "ArrowUp") sibling.before(li); else sibling.after(li);
        handle.focus();
        sendOrder(holder, li.getAttribute("data-item"));
      });
      handle.addEventListener("pointerdown", function () { li.draggable = true; });
      li.addEventListener("dragstart", function (event) {
        dragged = li;
        li.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", li.getAttribute("data-item"));
      });
      li.addEventListener("dragend", function () {
        li.classList.remove("is-dragging");
        li.draggable = false;
        if (dragged) { // let go outside the list: the papers stay where they were shown last, so save that
          dragged = null;
          sendOrder(holder, li.getAttribute("data-item"));
        }
      });
      li.addEventListener("dragover", function (event) {
        if (!dragged || dragged === li) return;
        event.preventDefault();
        var box = li.getBoundingClientRect();
        if (event.clientY < box.top + box.height / 2) li.before(dragged); else li.after(dragged);
      });
      li.addEventListener("drop", function (event) {
        if (!dragged) return;
        event.preventDefault();
        var moved = dragged;
        dragged = null;
        sendOrder(holder, moved.getAttribute("data-item"));
      });
    });
  }

  // ---- the header's search box: "/" focuses it; as someone types, the best results appear as the options of a
  // listbox (the ARIA combobox pattern): the arrow keys move through them, Enter opens the one chosen (or, with
  // none chosen, the form goes to /search as it does without this script), Escape closes them.

  var liveTimer = null;
  var liveSequence = 0;

  function liveParts(form) {
    return {
      input: form.querySelector("[role=combobox]"),
      listbox: form.querySelector("[role=listbox]"),
      status: form.querySelector("[data-live-status]")
    };
  }

  function liveOptions(listbox) {
    return Array.prototype.slice.call(listbox.querySelectorAll("[role=option]"));
  }

  function activeOption(listbox) {
    var options = liveOptions(listbox);
    for (var i = 0; i < options.length; i++) {
      if (options[i].getAttribute("aria-selected") === "true") return i;
    }
    return -1;
  }

  function chooseOption(parts, index) {
    liveOptions(parts.listbox).forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    var chosen = liveOptions(parts.listbox)[index];
    if (chosen) {
      parts.input.setAttribute("aria-activedescendant", chosen.id);
      chosen.scrollIntoView({ block: "nearest" });
    } else {
      parts.input.removeAttribute("aria-activedescendant");
    }
  }

  function showLive(parts, open) {
    parts.listbox.hidden = !open;
    parts.input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) chooseOption(parts, -1);
  }

  function fetchLive(form) {
    var parts = liveParts(form);
    var q = parts.input.value.trim();
    var sequence = ++liveSequence;
    if (!q) {
      parts.listbox.innerHTML = "";
      showLive(parts, false);
      return;
    }
    fetch("/search/live?q=" + encodeURIComponent(q), { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        if (sequence !== liveSequence) return; // an answer to something typed before
        parts.listbox.innerHTML = html;
        renderMath(parts.listbox);
        showLive(parts, document.activeElement === parts.input);
        var found = liveOptions(parts.listbox).length - 1;
        parts.status.textContent = found === 0 ? "No results yet; Enter searches anyway"
          : found + (found === 1 ? " result" : " results") + "; use the arrow keys to choose";
        form.setAttribute("data-live-for", q);
      })
      .catch(function () {
        showLive(parts, false); // the form still submits to /search
      });
  }

  function openOption(option) {
    var href = option && option.getAttribute("data-href");
    if (href) window.location.assign(href);
  }

  function installLiveSearch(form) {
    if (!form) return;
    var parts = liveParts(form);
    parts.input.addEventListener("input", function () {
      clearTimeout(liveTimer);
      liveTimer = setTimeout(function () { fetchLive(form); }, 180);
    });
    parts.input.addEventListener("keydown", function (event) {
      var options = liveOptions(parts.listbox);
      var index = activeOption(parts.listbox);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options.length) return;
        event.preventDefault();
        if (parts.listbox.hidden) showLive(parts, true);
        var step = event.key === "ArrowDown" ? 1 : -1;
        chooseOption(parts, index < 0 ? (step > 0 ? 0 : options.length - 1) : (index + step + options.length) % options.length);
      } else if (event.key === "Enter" && !parts.listbox.hidden && index >= 0) {
        event.preventDefault();
        openOption(options[index]);
      } else if (event.key === "Escape" && !parts.listbox.hidden) {
        event.preventDefault();
        showLive(parts, false);
      }
    });
    parts.listbox.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        event.preventDefault(); // keep the focus in the box until the page changes
        openOption(option);
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) showLive(parts, false);
    });
    parts.input.addEventListener("focus", function () {
      if (liveOptions(parts.listbox).length && parts.input.value.trim()) showLive(parts, true);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target) || document.body.getAttribute("data-shortcuts") === "off") return;
    var input = document.getElementById("site-search-q");
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  // The browser's time zone, for the server to show times in when the account has not chosen one.
  function reportTimeZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    var current = (document.cookie.match(/(?:^|;\s*)tz=([^;]*)/) || [])[1];
    if (!zone || current === zone || !/^[A-Za-z0-9_+\/-]{1,64}$/.test(zone)) return;
    document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
  }

  document.addEventListener("DOMContentLoaded", function () {
    reportTimeZone();
    renderMath(document);
    installLiveSearch(document.querySelector("form[data-live-search]"));
    document.documentElement.classList.add("js");
    installReorder(listItems());
  });
})();

// ---- Annotations (issue #5) -------------------------------------------------------------------------------------
// Selecting words in a paper's abstract offers Highlight (one button per colour) and Comment. The abstract's
// rendering is cut into <span data-s data-e [data-m]> pieces that carry their source offsets, so a selection is
// turned back into offsets of the abstract as stored; the no-JS form on the page is then filled in and posted in
// place, and the abstract with its annotations comes back and is swapped in, without a reload.
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

  var shared = window.paperlog;
  var toolbar = null;
  var current = null;

  function abstractEl() {
    return document.querySelector(".abstract[data-source]");
  }

  function annotationForm() {
    return document.getElementById("annotation-form");
  }

  function buildToolbar(form) {
    var colours = Array.prototype.map.call(form.querySelectorAll("input[name=colour]"), function (i) { return i.value; });
    var bar = document.createElement("div");
    bar.className = "hl-toolbar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Annotate the selected words");
    bar.hidden = true;
    var label = document.createElement("span");
    label.className = "hl-toolbar__label";
    label.textContent = "Highlight";
    bar.appendChild(label);
    colours.forEach(function (colour) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "hl-swatch hl--" + colour;
      b.setAttribute("data-hl-action", "highlight");
      b.setAttribute("data-colour", colour);
      b.setAttribute("aria-label", "Highlight in " + colour);
      b.title = "Highlight in " + colour;
      bar.appendChild(b);
    });
    var comment = document.createElement("button");
    comment.type = "button";
    comment.className = "button button--secondary hl-toolbar__comment";
    comment.setAttribute("data-hl-action", "comment");
    comment.textContent = "Comment";
    bar.appendChild(comment);
    // keep the selection when the toolbar is clicked
    bar.addEventListener("mousedown", function (e) { e.preventDefault(); });
    bar.addEventListener("click", function (e) {
      var button = e.target.closest("button[data-hl-action]");
      var form = annotationForm();
      if (!button || !current || !form) return;
      fill(form, current);
      if (button.getAttribute("data-hl-action") === "highlight") {
        form.elements.namedItem("body").value = "";
        var radio = form.querySelector("input[name=colour][value='" + button.getAttribute("data-colour") + "']");
        if (radio) radio.checked = true;
        bar.hidden = true;
        window.getSelection().removeAllRanges();
        send(form, null, "Highlighted");
        return;
      }
      form.elements.namedItem("exact").readOnly = true;
      var cancel = form.querySelector("[data-annotation-cancel]");
      if (cancel) cancel.hidden = false;
      var details = document.getElementById("annotate");
      if (details) details.open = true;
      bar.hidden = true;
      form.elements.namedItem("body").focus({ preventScroll: true });
      form.scrollIntoView({ block: "nearest" });
    });
    return bar;
  }

  /** The toolbar sits just after the abstract (again after the abstract is swapped). */
  function attachToolbar() {
    var abstract = abstractEl();
    if (!abstract || !toolbar) return;
    toolbar.hidden = true;
    abstract.insertAdjacentElement("afterend", toolbar);
  }

  function place(selection) {
    current = selection;
    if (!selection) { toolbar.hidden = true; return; }
    toolbar.hidden = false;
    var host = toolbar.offsetParent ? toolbar.offsetParent.getBoundingClientRect() : { top: 0, left: 0 };
    toolbar.style.top = (selection.rect.bottom - host.top + 6) + "px";
    toolbar.style.left = Math.max(0, selection.rect.left - host.left) + "px";
  }

  function fill(form, selection) {
    form.elements.namedItem("start").value = String(selection.start);
    form.elements.namedItem("end").value = String(selection.end);
    form.elements.namedItem("exact").value = selection.exact;
  }

  // ---- in place: a post answered with the abstract and its annotations as they are now, swapped in where the
  // old ones were, the reader left where they were looking

  function ids() {
    return Array.prototype.map.call(document.querySelectorAll("#annotations .annotation[data-annotation]"),
      function (li) { return li.getAttribute("data-annotation"); });
  }

  function send(form, submitter, done) {
    var before = ids();
    var body = new URLSearchParams(new FormData(form, submitter || undefined)).toString();
    return shared.post(form.action, body, "annotations").then(function (result) {
      var fresh = result.ok ? shared.parse(result.text).querySelector("#annotated") : null;
      var old = document.getElementById("annotated");
      if (!fresh || !old) {
        var said = shared.parse(result.text).textContent.trim().replace(/\s+/g, " ");
        shared.toast(said || "That didn't work (" + result.status + ").", form.closest("details") || form);
        return;
      }
      var x = window.scrollX, y = window.scrollY;
      old.replaceWith(fresh);
      shared.renderMath(fresh);
      attachToolbar();
      alignMargin();
      window.scrollTo(x, y);
      window.requestAnimationFrame(alignMargin);
      var added = ids().filter(function (id) { return before.indexOf(id) < 0; })[0];
      var near = added ? document.querySelector("#annotated mark[data-annotation='" + added + "']") : null;
      if (added) {
        document.querySelectorAll("[data-annotation='" + added + "']").forEach(function (el) {
          el.classList.add("is-new");
        });
      }
      shared.toast(done, near || document.getElementById("annotations"));
    }).catch(function () {
      shared.toast("Could not reach Paperlog; nothing was changed.", form);
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id === "annotation-form") {
      event.preventDefault();
      send(form, event.submitter, form.elements.namedItem("body").value.trim() ? "Comment saved" : "Highlighted");
    } else if (form.matches("form[data-annotation-inplace]")) {
      event.preventDefault();
      send(form, event.submitter, /\/delete$/.test(form.action) ? "Annotation deleted" : "Reply saved");
    }
  });

  document.addEventListener("click", function (event) {
    var cancel = event.target.closest && event.target.closest("[data-annotation-cancel]");
    if (!cancel) return;
    var form = cancel.form;
    form.elements.namedItem("start").value = "";
    form.elements.namedItem("end").value = "";
    form.elements.namedItem("exact").readOnly = false;
    form.elements.namedItem("exact").value = "";
    cancel.hidden = true;
    var details = document.getElementById("annotate");
    if (details) details.open = false;
  });

  // ---- the margin: on a wide screen each card starts level with its mark in the abstract (or just under the
  // card before it); on a narrow one they simply follow the abstract

  function alignMargin() {
    var list = document.querySelector("#annotations > .annotation-list");
    var abstract = abstractEl();
    if (!list || !abstract) return;
    var x = window.scrollX, y = window.scrollY;
    var items = Array.prototype.slice.call(list.children);
    items.forEach(function (li) { li.style.marginTop = ""; });
    var wide = window.matchMedia("(min-width: 52rem)").matches;
    list.classList.toggle("is-aligned", wide);
    if (!wide) return;
    items.forEach(function (li) {
      var mark = abstract.querySelector("mark[data-annotation='" + li.getAttribute("data-annotation") + "']");
      if (!mark) return;
      var shift = mark.getBoundingClientRect().top - li.getBoundingClientRect().top;
      if (shift > 0) li.style.marginTop = (parseFloat(getComputedStyle(li).marginTop) + shift) + "px";
    });
    // moving the cards about must not move what the reader is looking at
    if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
  }

  function init() {
    var form = annotationForm();
    if (!abstractEl() || !form) return;
    toolbar = buildToolbar(form);
    attachToolbar();

    var timer = null;
    document.addEventListener("selectionchange", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var abstract = abstractEl();
        if (!abstract) return;
        var selection = selectionIn(abstract, abstract.getAttribute("data-source"));
        if (selection || !toolbar.contains(document.activeElement)) place(selection);
      }, 120);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !toolbar.hidden) { toolbar.hidden = true; }
    });

    alignMargin();
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(alignMargin, 100);
    });
    // a font that arrives late (KaTeX's, say) moves the lines of the abstract
    if (document.fonts) {
      document.fonts.ready.then(alignMargin);
      document.fonts.addEventListener("loadingdone", alignMargin);
    }
    // opening a reply's editor or a delete question makes a card taller
    document.addEventListener("toggle", function (e) {
      if (e.target.closest && e.target.closest("#annotations")) alignMargin();
    }, true);

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

  document.addEventListener("DOMContentLoaded", function () {
    init();
    // Every enhancement is now installed: both parts added their event handlers when this file ran, and the first
    // part's DOMContentLoaded work (KaTeX, the "js" class) has already run, as listeners run in the order added.
    // Browser tests wait for this attribute rather than racing the script.
    document.documentElement.setAttribute("data-enhanced", "");
  });
})();
