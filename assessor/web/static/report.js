// The report progress page: ask the server where the report stands until it is ready.
(function () {
  "use strict";
  var job = document.getElementById("report-job");
  if (!job) { return; }
  var status = job.getAttribute("data-status");
  if (status !== "queued" && status !== "running") { return; }
  function poll() {
    fetch(job.getAttribute("data-status-url"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.status === "done" || data.status === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
}());
