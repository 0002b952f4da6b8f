// Respondent pages: show a question when its condition holds, and save each answer on change.
// Without this script the page still works: the section form saves everything, and questions
// whose condition now holds appear after saving.
(function () {
  "use strict";
  var form = document.getElementById("section-form");
  if (!form) { return; }
  var token = form.querySelector("input[name='csrf_token']");

  function chosen(questionId) {
    var wrapper = document.getElementById("question-" + questionId);
    if (wrapper && wrapper.hidden) { return []; }
    var inputs = form.querySelectorAll("[name='q__" + questionId + "']");
    var values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") ? input.checked : input.value) {
        values.push(String(input.value).toLowerCase());
      }
    });
    return values;
  }

  function applyConditions() {
    for (var pass = 0; pass < 3; pass += 1) {
      form.querySelectorAll("[data-show-when]").forEach(function (wrapper) {
        var wanted = wrapper.getAttribute("data-show-values").split("|");
        var have = chosen(wrapper.getAttribute("data-show-when"));
        wrapper.hidden = !have.some(function (v) { return wanted.indexOf(v) >= 0; });
      });
    }
  }

  function valueOf(questionId) {
    var na = form.querySelector("[data-na='" + questionId + "']");
    if (na && na.checked) { return "n/a"; }
    var inputs = form.querySelectorAll("[name='q__" + questionId + "']");
    if (!inputs.length) { return null; }
    if (inputs[0].type === "checkbox") {
      var list = [];
      inputs.forEach(function (i) { if (i.checked) { list.push(i.value); } });
      return list.indexOf("n/a") >= 0 ? "n/a" : list;
    }
    if (inputs[0].type === "radio") {
      var picked = null;
      inputs.forEach(function (i) { if (i.checked) { picked = i.value; } });
      return picked;
    }
    return inputs[0].value;
  }

  function say(questionId, text, failed) {
    var place = form.querySelector("[data-saved='" + questionId + "']");
    if (!place) { return; }
    place.textContent = text;
    place.classList.toggle("error", !!failed);
  }

  function save(questionId) {
    var note = form.querySelector("[data-note='" + questionId + "']");
    var body = { question: questionId, value: valueOf(questionId), note: note ? note.value : "" };
    fetch(form.getAttribute("data-save-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.value : "" },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (result.ok) {
        say(questionId, form.getAttribute("data-saved-text"), false);
        var bar = document.getElementById("progress");
        if (bar && typeof result.data.answered === "number") {
          bar.max = result.data.shown;
          bar.value = result.data.answered;
          var label = document.querySelector("label[for='progress']");
          if (label) { label.textContent = label.textContent.replace(/\d+(\D+)\d+/, result.data.answered + "$1" + result.data.shown); }
        }
      } else {
        say(questionId, result.data.detail || result.data.error || form.getAttribute("data-error-text"), true);
      }
    }).catch(function () {
      say(questionId, form.getAttribute("data-error-text"), true);
    });
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    var questionId = target.getAttribute("data-answer") || target.getAttribute("data-na") ||
      target.getAttribute("data-note");
    applyConditions();
    if (questionId) { save(questionId); }
  });
  applyConditions();
  var errors = document.getElementById("form-errors");
  if (errors) { errors.focus(); }
}());
