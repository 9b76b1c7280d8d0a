// "Go back" returns to the previous page when the visitor came from this site;
// without JavaScript (or from elsewhere) the link leads to the article's section.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-history-back]");
  if (!link || !document.referrer) return;
  var referrer = new URL(document.referrer);
  if (referrer.origin === window.location.origin && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
