// The floor under any WebKitGTK app on this machine, for scripts/bench-app: a GTK window with a
// WebKitGTK 4.1 web view (the engine Margin uses) showing one paragraph. Prints "ready" on stdout
// once the page has loaded and a frame has been rendered, as Margin's ready line does.
// Run with gjs; bench-app gives it the environment Margin sets for WebKit (src-tauri/src/webview.rs).
imports.gi.versions.Gtk = "3.0";
imports.gi.versions.WebKit2 = "4.1";
const { Gtk, WebKit2 } = imports.gi;

Gtk.init(null);
const win = new Gtk.Window({ title: "WebKitGTK floor", default_width: 1200, default_height: 820 });
const view = new WebKit2.WebView();
win.add(view);
win.connect("destroy", () => Gtk.main_quit());
view.connect("load-changed", (_view, event) => {
  if (event !== WebKit2.LoadEvent.FINISHED) return;
  // An async function body: WebKit awaits the promise, so "ready" follows a rendered frame.
  const frame = "return new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(1), 0)));";
  view.call_async_javascript_function(frame, -1, null, null, null, null, (v, result) => {
    v.call_async_javascript_function_finish(result);
    print("ready");
  });
});
win.show_all();
view.load_html("<!doctype html><p>The Korean War erupted on June 25, 1950.</p>", "about:blank");
Gtk.main();
