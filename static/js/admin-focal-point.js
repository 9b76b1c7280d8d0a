// The focal point of a photo, set by clicking on it, with the crops the site makes (16:9, 1:1,
// 4:5) shown before saving. The two number fields stay the keyboard's way to set it.
(function () {
  var gettext = window.gettext || function (text) { return text; };
  var CROPS = [["16 / 9", "16:9"], ["1 / 1", "1:1"], ["4 / 5", "4:5"]];

  function start(x, y) {
    var picture = document.querySelector(".field-thumbnail img, .field-image img");
    if (!picture) return;
    var frame = document.createElement("div");
    frame.className = "focal-point";
    picture.parentNode.insertBefore(frame, picture);
    frame.appendChild(picture);
    picture.classList.add("focal-point__picture");
    picture.title = gettext("Click the most important part of the picture");
    var marker = document.createElement("span");
    marker.className = "focal-point__marker";
    marker.setAttribute("aria-hidden", "true");
    frame.appendChild(marker);

    var crops = document.createElement("div");
    crops.className = "focal-crops";
    var previews = CROPS.map(function (crop) {
      var figure = document.createElement("figure");
      var box = document.createElement("div");
      box.className = "focal-crops__box";
      box.style.aspectRatio = crop[0];
      var copy = document.createElement("img");
      copy.src = picture.src;
      copy.alt = "";
      box.appendChild(copy);
      var caption = document.createElement("figcaption");
      caption.textContent = crop[1];
      figure.appendChild(box);
      figure.appendChild(caption);
      crops.appendChild(figure);
      return copy;
    });
    frame.insertAdjacentElement("afterend", crops);

    function show() {
      var left = Math.min(100, Math.max(0, parseFloat(x.value) || 50));
      var top = Math.min(100, Math.max(0, parseFloat(y.value) || 50));
      marker.style.left = left + "%";
      marker.style.top = top + "%";
      previews.forEach(function (copy) { copy.style.objectPosition = left + "% " + top + "%"; });
    }

    picture.addEventListener("click", function (event) {
      var box = picture.getBoundingClientRect();
      x.value = Math.round(((event.clientX - box.left) / box.width) * 100);
      y.value = Math.round(((event.clientY - box.top) / box.height) * 100);
      x.dispatchEvent(new Event("input", { bubbles: true }));
      show();
    });
    x.addEventListener("input", show);
    y.addEventListener("input", show);
    show();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var x = document.getElementById("id_focal_x");
    var y = document.getElementById("id_focal_y");
    if (x && y) start(x, y);
  });
})();
