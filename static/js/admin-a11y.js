// Names for the widgets that the admin's libraries draw without one (the rich-text editor,
// select2's autocompletes, modeltranslation's language switch, tabular inlines' first
// column), so that screen readers announce what each field is.
(function () {
  var gettext = window.gettext || function (text) { return text; };

  function labelOf(id) {
    var label = id && document.querySelector('label[for="' + id + '"]');
    if (!label) return null;
    if (!label.id) label.id = id + "-label";
    return label;
  }

  function name(root) {
    root.querySelectorAll(".prose-editor").forEach(function (editor) {
      var textarea = editor.querySelector("textarea") ||
        (editor.previousElementSibling && editor.previousElementSibling.tagName === "TEXTAREA" ? editor.previousElementSibling : null) ||
        editor.parentElement.querySelector("textarea");
      var label = labelOf(textarea && textarea.id);
      var surface = editor.querySelector("[contenteditable]");
      if (label && surface && !surface.hasAttribute("aria-labelledby")) {
        surface.setAttribute("aria-labelledby", label.id);
        surface.setAttribute("aria-multiline", "true");
      }
    });
    root.querySelectorAll("select.admin-autocomplete, select[data-select2-id]").forEach(function (select) {
      var label = labelOf(select.id);
      var container = select.nextElementSibling;
      if (!label || !container || !container.classList.contains("select2")) return;
      container.querySelectorAll("[role=combobox], .select2-selection__rendered[role=textbox]").forEach(function (box) {
        box.setAttribute("aria-labelledby", label.id);
      });
      container.querySelectorAll("input.select2-search__field").forEach(function (input) {
        if (!input.getAttribute("aria-label")) input.setAttribute("aria-label", label.textContent.replace(/:$/, ""));
      });
      container.querySelectorAll("ul.select2-selection__rendered").forEach(function (list) {
        list.setAttribute("role", "list");
        Array.from(list.children).forEach(function (child) {
          if (child.tagName === "LI") child.setAttribute("role", "listitem");
        });
      });
    });
    // Language tabs: the tab itself takes the focus, its link inside must not.
    // Without its address the link inside takes no focus; jQuery UI reads the address only
    // while it handles a click, a key or the language switch, when it is put back (below).
    root.querySelectorAll(".ui-tabs-nav li[role=tab] > a[href]").forEach(function (anchor) {
      anchor.dataset.tabHref = anchor.getAttribute("href");
      anchor.removeAttribute("href");
      anchor.removeAttribute("tabindex");
    });
    // The date and time halves of a date-and-time field, named after their field.
    root.querySelectorAll("input.vDateField, input.vTimeField").forEach(function (input) {
      if (input.getAttribute("aria-label") || document.querySelector('label[for="' + input.id + '"]')) return;
      var row = input.closest(".form-row, .fieldBox, td");
      var main = row && row.querySelector("label");
      var part = input.classList.contains("vDateField") ? gettext("date") : gettext("time");
      input.setAttribute("aria-label", (main ? main.textContent.replace(/:\s*$/, "") + ", " : "") + part);
    });
    var switcher = root.querySelector("#modeltranslation-main-switch");
    if (switcher && !switcher.getAttribute("aria-label")) {
      switcher.setAttribute("aria-label", gettext("Language of the form"));
    }
    root.querySelectorAll(".tabular thead th.original:empty").forEach(function (header) {
      var text = document.createElement("span");
      text.className = "visually-hidden";
      text.textContent = gettext("Item");
      header.appendChild(text);
    });
  }

  function lendTabAddresses() {
    var anchors = document.querySelectorAll(".ui-tabs-nav a[data-tab-href]");
    anchors.forEach(function (anchor) { anchor.setAttribute("href", anchor.dataset.tabHref); });
    window.setTimeout(function () {
      anchors.forEach(function (anchor) { anchor.removeAttribute("href"); });
    }, 0);
  }
  ["click", "keydown", "change"].forEach(function (type) {
    document.addEventListener(type, lendTabAddresses, true);
  });

  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(function () { name(document); }, 0);
    new MutationObserver(function () { name(document); })
      .observe(document.body, { childList: true, subtree: true });
  });
})();
