// The floor under any WebKitGTK app on this machine, for scripts/bench-app: a GTK window with a
// WebKitGTK 4.1 web view (the engine Margin uses) with the settings Margin gives its own
// (src-tauri/src/webview.rs), showing the page given as the first argument: the built-in
// article as static HTML (core/examples/floor_page.rs). Prints "ready" on stdout once the page
// has loaded and a frame has been rendered, as Margin's ready line does.
// Run with gjs; bench-app gives it the environment Margin sets for WebKit (webview.rs too).
imports.gi.versions.Gtk = "3.0";
imports.gi.versions.WebKit2 = "4.1";
const { Gtk, WebKit2 } = imports.gi;

const page = ARGV[0];
if (!page) {
  printerr("usage: gjs webkit-floor.js PAGE.html");
  imports.system.exit(2);
}
Gtk.init(null);
const win = new Gtk.Window({ title: "WebKitGTK floor", default_width: 1200, default_height: 820 });
const view = new WebKit2.WebView();
const settings = view.get_settings();
settings.enable_webgl = false;
settings.enable_webaudio = false;
settings.enable_media = false;
settings.enable_html5_local_storage = false;
settings.enable_html5_database = false;
settings.enable_page_cache = false;
view.get_context().set_cache_model(WebKit2.CacheModel.DOCUMENT_VIEWER);
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
view.load_uri(page.startsWith("file://") ? page : "file://" + page);
Gtk.main();
