// The rich-text editor's toolbar and dialogs in the newsroom's language. The editor asks
// window.gettext (the admin's JavaScript catalogue) for its dialogs but not for its toolbar
// tooltips: those are translated here. Each word is written out so that
// `makemessages -d djangojs` keeps it in locale/*/LC_MESSAGES/djangojs.po.
(function () {
  if (typeof window.gettext !== "function") return;
  var gettext = window.gettext;
  var words = {
    "bold": gettext("bold"),
    "italic": gettext("italic"),
    "underline": gettext("underline"),
    "strike": gettext("strike"),
    "subscript": gettext("subscript"),
    "superscript": gettext("superscript"),
    "blockquote": gettext("blockquote"),
    "horizontal rule": gettext("horizontal rule"),
    "insert link": gettext("insert link"),
    "remove link": gettext("remove link"),
    "ordered list": gettext("ordered list"),
    "unordered list": gettext("unordered list"),
    "paragraph": gettext("paragraph"),
    "undo": gettext("undo"),
    "redo": gettext("redo"),
    "edit HTML": gettext("edit HTML"),
    "figure": gettext("figure"),
    "Insert table": gettext("Insert table"),
    "Merge cells": gettext("Merge cells"),
    "Split cell": gettext("Split cell"),
    "Code": gettext("Code"),
    "Code block": gettext("Code block"),
    "Toggle fullscreen": gettext("Toggle fullscreen"),
    "Styles": gettext("Styles"),
  };
  // Asked by the editor itself through window.gettext; listed so that they stay translated.
  [
    gettext("URL"), gettext("Title"), gettext("Open in new window"), gettext("Edit Link"),
    gettext("Cancel"), gettext("Update"), gettext("Insert"), gettext("Edit HTML"),
    gettext("Prettify"), gettext("Rows"), gettext("Columns"), gettext("Include header row"),
    gettext("Table Properties"), gettext("Insert Table"), gettext("List properties"),
    gettext("List type"), gettext("Start at"), gettext("Decimal numbers"),
    gettext("Lowercase letters"), gettext("Uppercase letters"),
    gettext("Lowercase Roman numerals"), gettext("Uppercase Roman numerals"),
    gettext("Bullets"), gettext("Image URL"), gettext("Alternative Text"), gettext("Caption"),
    gettext("Edit Figure"), gettext("Insert Figure"), gettext("Edit Image"),
    gettext("Add caption"), gettext("Remove caption"), gettext("Browse..."),
  ];

  function translate(root) {
    root.querySelectorAll(".prose-editor [title], .prose-editor [aria-label]").forEach(function (node) {
      ["title", "aria-label"].forEach(function (name) {
        var value = node.getAttribute(name);
        if (value && Object.prototype.hasOwnProperty.call(words, value)) {
          node.setAttribute(name, words[value]);
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    translate(document);
    // Editors start after this script (modules) and again in each new inline form.
    new MutationObserver(function () { translate(document); })
      .observe(document.body, { childList: true, subtree: true });
  });
})();
