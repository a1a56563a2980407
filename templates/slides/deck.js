/* briefwright deck: starts reveal.js with the options written into #bw-config (inert JSON). */
(function () {
  "use strict";
  var node = document.getElementById("bw-config");
  var config = node ? JSON.parse(node.textContent || "{}") : {};
  var plugins = [];
  if (typeof RevealNotes !== "undefined") plugins.push(RevealNotes);
  config.plugins = plugins;
  document.addEventListener("pdf-ready", function () {
    document.documentElement.setAttribute("data-bw-pdf-ready", "1");
  });
  Reveal.initialize(config).then(function () {
    document.documentElement.setAttribute("data-bw-ready", "1");
  });
  // Live reload from `briefwright present` (server-sent events; absent when opened from disk).
  if (location.protocol === "http:" && typeof EventSource !== "undefined" && !/[?&]receiver/.test(location.search)) {
    try {
      var events = new EventSource("/__briefwright/events");
      events.addEventListener("reload", function () {
        location.reload();
      });
    } catch (e) {
      /* no server: nothing to do */
    }
  }
})();
