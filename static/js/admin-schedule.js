// The "Publish at…" dialog. Browsers with invoker commands open and close it from the buttons'
// own attributes; this lends the same to the others, and makes Enter in the dialog schedule
// (the form's default button, the first in the page, would only save).
document.addEventListener("DOMContentLoaded", function () {
  var dialog = document.getElementById("schedule-dialog");
  if (!dialog) return;
  var schedule = dialog.querySelector("input[name=_schedule]");

  if (!("commandForElement" in HTMLButtonElement.prototype)) {
    document.querySelectorAll('button[commandfor="schedule-dialog"]').forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.getAttribute("command") === "show-modal") dialog.showModal();
        else dialog.close();
      });
    });
  }
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.tagName === "INPUT" && event.target !== schedule) {
      event.preventDefault();
      schedule.form.requestSubmit(schedule);
    }
  });
  // A refused schedule comes back with its error in the dialog: open it there again.
  if (dialog.querySelector(".errorlist")) dialog.showModal();
});
