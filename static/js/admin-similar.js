// Similar stories: under each language's title, the published items with a similar title
// (apps/core/admin/similar.py), so that the same news is not written twice.
(function () {
  var gettext = window.gettext || function (text) { return text; };

  function watch(marker, input, language) {
    var box = document.createElement("div");
    box.className = "similar-items";
    box.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", box);
    var timer = null;
    var asked = "";

    function show(items) {
      box.textContent = "";
      if (!items.length) return;
      var heading = document.createElement("p");
      heading.textContent = gettext("Published items with a similar title:");
      var list = document.createElement("ul");
      items.forEach(function (item) {
        var entry = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.change_url;
        link.target = "_blank";
        link.rel = "noopener";
        link.textContent = item.title;
        entry.appendChild(link);
        entry.appendChild(document.createTextNode(" (" + item.date + ")"));
        list.appendChild(entry);
      });
      box.appendChild(heading);
      box.appendChild(list);
    }

    function ask() {
      var text = input.value.trim();
      if (text === asked) return;
      asked = text;
      if (text.length < 8) { show([]); return; }
      var query = new URLSearchParams({ q: text, language: language });
      if (marker.dataset.exclude) query.set("exclude", marker.dataset.exclude);
      fetch(marker.dataset.url + "?" + query.toString(), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (answer) { if (input.value.trim() === text) show(answer.items); })
        .catch(function () { show([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 400);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var marker = document.getElementById("similar-items");
    if (!marker) return;
    var prefix = "id_" + marker.dataset.field + "_";
    document.querySelectorAll("input[id^='" + prefix + "']").forEach(function (input) {
      watch(marker, input, input.id.slice(prefix.length));
    });
  });
})();
