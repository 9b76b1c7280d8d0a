// Autosave of a newsroom form: what the editor types is sent to the server every few seconds
// (apps/core/admin/autosave.py), and leaving the page with unsent changes asks first.
(function () {
  var INTERVAL = 10000;

  function start(marker) {
    var form = marker.closest("form");
    var status = document.getElementById("autosave-status");
    var gettext = window.gettext || function (text) { return text; };
    var dirty = false;      // changed since the last autosave
    var unsaved = false;    // changed since the page was loaded or saved
    var submitting = false;

    function say(text) { if (status) status.textContent = text; }

    function fields() {
      var data = new FormData(form);
      Array.from(form.querySelectorAll("input[type=file]")).forEach(function (input) {
        data.delete(input.name);
      });
      return data;
    }

    function send() {
      if (!dirty || submitting) return;
      dirty = false;
      fetch(marker.dataset.url, {
        method: "POST",
        body: fields(),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
        redirect: "manual",
      }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      }).then(function (answer) {
        say(interpolate(gettext("Autosaved at %s"), [answer.time]));
      }).catch(function () {
        dirty = true;
        say(gettext("Not autosaved: your session may have expired. Keep this tab open and sign in again in another tab."));
      });
    }

    function changed() { dirty = true; unsaved = true; }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () { submitting = true; });
    window.setInterval(send, INTERVAL);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") send();
    });
    window.addEventListener("beforeunload", function (event) {
      if (unsaved && !submitting) {
        send();
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  function interpolate(text, values) {
    return window.interpolate ? window.interpolate(text, values) : text.replace("%s", values[0]);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var marker = document.getElementById("autosave");
    if (marker) start(marker);
  });
})();
