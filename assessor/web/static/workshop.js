// The facilitator's screen: ask the server for the room's state every 2.5 s and redraw; the
// radar's SVG comes with the state, so one request a poll (the browser revalidates by ETag).
(function () {
  "use strict";
  var screen = document.getElementById("workshop-screen");
  if (!screen) { return; }
  var liveUrl = screen.getAttribute("data-live-url");
  var radarUrl = screen.getAttribute("data-radar-url");
  var radar = screen.querySelector("[data-radar]");
  var list = screen.querySelector("[data-live-debates]");
  var version = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function debateItem(d, labels) {
    var item = el("li", "debate");
    item.appendChild(el("p", "debate-text", d.text));
    item.appendChild(el("p", "debate-range",
      labels.spread + " " + d.low + "–" + d.high + " · " + d.respondents + " " + labels.answers));
    var roles = el("ul", "by-role");
    d.by_role.forEach(function (r) {
      roles.appendChild(el("li", null, r.role + " " + r.mean + " (" + r.low + "–" + r.high + ", " + r.respondents + ")"));
    });
    item.appendChild(roles);
    if (d.agreed) {
      item.appendChild(el("p", "badge-agreed", labels.agreed));
    } else {
      var link = el("a", "button small", labels.record);
      link.href = d.record_url;
      item.appendChild(link);
    }
    return item;
  }

  function draw(state) {
    screen.querySelectorAll("[data-live]").forEach(function (node) {
      var value = state[node.getAttribute("data-live")];
      node.textContent = value === null || value === undefined ? "–" : String(value);
    });
    if (state.debates.length) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      state.debates.forEach(function (d) { list.appendChild(debateItem(d, state.labels)); });
    }
    if (state.version !== version) {
      version = state.version;
      radar.src = state.radar
        ? "data:image/svg+xml;charset=utf-8," + encodeURIComponent(state.radar)
        : radarUrl + "?v=" + encodeURIComponent(version);
    }
  }

  function poll() {
    fetch(liveUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (state) { if (state) { draw(state); } })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { window.setTimeout(poll, 2500); });
  }
  poll();
}());
