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
