// Live character count under fields with data-charcount-limit (title, lead...).
(function () {
  function attach(field) {
    var limit = parseInt(field.getAttribute("data-charcount-limit"), 10);
    var counter = document.createElement("span");
    counter.className = "charcount";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    function update() {
      var length = field.value.length;
      counter.textContent = length + " / " + limit;
      counter.classList.toggle("charcount--over", length > limit);
    }
    field.addEventListener("input", update);
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-charcount-limit]").forEach(attach);
  });
})();

// Word count and reading time under rich-text bodies (data-wordcount).
(function () {
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var WORDS_PER_MINUTE = 200;

  function words(html) {
    var text = new DOMParser().parseFromString(html || "", "text/html").body.textContent;
    var matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
    return matches ? matches.length : 0;
  }

  function attach(field) {
    var counter = document.createElement("p");
    counter.className = "wordcount help";
    counter.setAttribute("aria-live", "polite");
    (field.closest(".prose-editor") || field).insertAdjacentElement("afterend", counter);
    function update() {
      var count = words(field.value);
      var minutes = Math.max(1, Math.ceil(count / WORDS_PER_MINUTE));
      var text = ngettext("%(words)s word", "%(words)s words", count);
      if (count) {
        text += " · " + ngettext(
          "about %(minutes)s minute to read", "about %(minutes)s minutes to read", minutes);
      }
      counter.textContent = text.replace("%(words)s", count).replace("%(minutes)s", minutes);
    }
    field.form.addEventListener("input", update);
    field.form.addEventListener("keyup", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    // After the editors have started: they sync their text into the textarea on each change.
    window.setTimeout(function () {
      document.querySelectorAll("textarea[data-wordcount]").forEach(attach);
    }, 0);
  });
})();
