// Suggestions for the search box: fills the <datalist>; the form works without it.
(function () {
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) return;
    timer = setTimeout(function () {
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(query))
        .then(function (response) { return response.json(); })
        .then(function (data) {
          list.replaceChildren();
          data.suggestions.forEach(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.label;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 200);
  });
})();
