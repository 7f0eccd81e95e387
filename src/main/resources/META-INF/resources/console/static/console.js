// Parapet console: the little the pages need from a script. Loaded from this origin (the CSP allows
// no inline script). Dates: shown in the viewer's time zone, the UTC instant kept on hover.
(function () {
  "use strict";
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  var format = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short"
  });

  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (!isNaN(d.getTime())) {
        el.textContent = format.format(d);
        el.title = d.toISOString() + " (UTC)";
      }
    });
    root.querySelectorAll("text[data-time]").forEach(function (el) {
      var d = new Date(el.getAttribute("data-time"));
      if (!isNaN(d.getTime())) {
        el.textContent = d.toLocaleString(undefined, { month: "short", day: "2-digit", hour: "2-digit", minute: "2-digit" });
      }
    });
    // filter forms send the viewer's zone, so that their local times mean what the viewer meant
    root.querySelectorAll("input.tz").forEach(function (el) { if (!el.value) { el.value = zone; } });
  }

  function copyButtons(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        var status = document.getElementById("copy-status");
        var text = source ? source.textContent : "";
        var done = function () { if (status) { status.textContent = "Copied."; } };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () {
            if (status) { status.textContent = "Select the command above and copy it."; }
          });
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localTimes(document);
    copyButtons(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) { localTimes(event.target); });
})();
