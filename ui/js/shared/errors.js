// Loaded first, as a classic script: records every error the page meets (uncaught exceptions,
// rejected promises, CSP violations, console.error) in window.__marginErrors and forwards it to
// the app's log. The end-to-end tests read the list to prove a session ran clean.
(function () {
  "use strict";
  var errors = [];
  Object.defineProperty(window, "__marginErrors", { value: errors });
  function record(message) {
    var text = String(message).slice(0, 2000);
    errors.push(text);
    var tauri = window.__TAURI_INTERNALS__;
    if (tauri) {
      tauri.invoke("report_ui_error", { message: text }).catch(function () {});
    }
  }
  window.addEventListener("error", function (e) {
    record("error: " + (e.message || e.type) + (e.filename ? " at " + e.filename + ":" + e.lineno : ""));
  });
  window.addEventListener("unhandledrejection", function (e) {
    var r = e.reason;
    record("unhandled rejection: " + (r && (r.message || r.kind) ? (r.message || r.kind) : JSON.stringify(r)));
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    record("CSP violation: " + e.violatedDirective + " blocked " + e.blockedURI);
  });
  var consoleError = console.error.bind(console);
  console.error = function () {
    record("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    consoleError.apply(null, arguments);
  };
})();
