//! Tunes the webview for what Margin is: one local document, read for hours.
//!
//! On Linux (WebKitGTK), measured with `scripts/bench-app` (docs/performance.md):
//! - **No accelerated compositing.** WebKitGTK's compositing mode keeps GL contexts, tile buffers
//!   and a compositor thread in the web and UI processes; for a page of text and a few static
//!   figures it buys nothing visible and costs about 100 MiB (start time: within noise). Painting
//!   without it is also the configuration that works on every driver (no DMA-BUF renderer, whose
//!   blank windows on some GPUs are a known WebKitGTK problem). It is switched off with WebKit's
//!   own `WEBKIT_DISABLE_COMPOSITING_MODE` before the webview exists: the same switch through
//!   `WebKitSettings` after Tauri has created the webview made the start 250 ms slower, because
//!   the page had already begun in compositing mode.
//! - **No GPU probing in the UI process.** Without compositing nothing in Margin's own process
//!   draws with GL, yet GTK probes GLX visuals at start and WebKit asks EGL which DRM device the
//!   web process should use for DMA-BUF buffers. Either loads Mesa, and Mesa's driver links LLVM:
//!   about 20 MiB (mostly relocated, so private to the process) for nothing. So, with compositing
//!   off, `GDK_GL=disable` stops GTK's probe, `WEBKIT_DISABLE_DMABUF_RENDERER=1` says no DMA-BUF
//!   buffers will be exchanged, and `WEBKIT_WEB_RENDER_DEVICE_FILE` names the render node itself
//!   (the first `/dev/dri/renderD*`, else the usual name), which is the one way to keep WebKit
//!   from asking EGL; with the DMA-BUF renderer off, nothing opens that node. The web process
//!   still sets up EGL (WebKit does it whatever the settings), so Mesa stays loaded there.
//! - **JavaScriptCore's optimising tiers off** (`JSC_useDFGJIT=0`, `JSC_useFTLJIT=0`, which the
//!   web process inherits). Margin's scripts are a little UI code, yet at start the module
//!   loader's promise machinery and the loop that paints 1,000 highlights get hot enough for the
//!   DFG compiler, and compiling once maps its code (megabytes of JavaScriptCore) into the web
//!   process for good. The interpreter and the baseline JIT still run everything: opening the
//!   panel with 1,000 highlights took the same time with and without. About 3.7 MiB less.
//! - **The document-viewer cache model** (no memory cache for pages the reader never visits) and
//!   **web features the app never uses switched off** (WebGL, Web Audio, media, local storage,
//!   the back-forward page cache). No measurable effect on start or memory today; they keep
//!   WebKit from setting up what Margin does not use.
//!
//! Windows (WebView2) and macOS (WKWebView) manage these themselves; nothing is changed there.

/// The switch WebKitGTK reads when it creates a webview (see the module comment).
#[cfg(target_os = "linux")]
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Margin's own way back to WebKit's default (accelerated compositing), for a machine where
/// that renders better: `MARGIN_WEBKIT_COMPOSITING=1`.
#[cfg(target_os = "linux")]
const KEEP_COMPOSITING: &str = "MARGIN_WEBKIT_COMPOSITING";

/// Sets what GTK and WebKit read from the environment; call before Tauri starts. A variable the
/// user has set already is left as it is.
pub fn before_start() {
    #[cfg(target_os = "linux")]
    {
        // JavaScriptCore without its optimising tiers (module comment).
        set_default("JSC_useDFGJIT", "0");
        set_default("JSC_useFTLJIT", "0");
        if std::env::var_os(KEEP_COMPOSITING).is_some_and(|v| v == "1") {
            return;
        }
        set_default(NO_COMPOSITING, "1");
        if std::env::var_os(NO_COMPOSITING).is_some_and(|v| v != "0") {
            // Painting without compositing: keep Mesa out of this process (module comment).
            set_default("GDK_GL", "disable");
            set_default("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
            set_default("WEBKIT_WEB_RENDER_DEVICE_FILE", &render_node());
        }
    }
}

/// Sets `name` to `value` unless it is set already.
#[cfg(target_os = "linux")]
fn set_default(name: &str, value: &str) {
    if std::env::var_os(name).is_none() {
        // Only the main thread runs at this point, so changing the environment is safe.
        std::env::set_var(name, value);
    }
}

/// The machine's first DRM render node, or the name the first one usually has when there is
/// none (a headless machine, a VM without a GPU).
#[cfg(target_os = "linux")]
fn render_node() -> String {
    let first = std::fs::read_dir("/dev/dri")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("renderD"))
        .min();
    format!("/dev/dri/{}", first.as_deref().unwrap_or("renderD128"))
}

/// Applies the settings to the main window's webview. Called in `setup`, on the main thread,
/// so it runs before the page's first layout (Tauri runs `with_webview` at once there).
pub fn tune(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    if let Err(e) = window.with_webview(|webview| linux::tune(&webview.inner())) {
        eprintln!("margin: could not tune the webview: {e}");
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

/// Turns the engine's caret browsing on or off (F7 in the reader): the arrow keys then move a
/// caret through the text and Shift+arrows select, as in a document. Returns whether this
/// engine has it (WebKitGTK does; the others are left alone).
pub fn set_caret_browsing(window: &tauri::WebviewWindow, on: bool) -> bool {
    #[cfg(target_os = "linux")]
    {
        window
            .with_webview(move |webview| linux::caret_browsing(&webview.inner(), on))
            .is_ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (window, on);
        false
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebView, WebViewExt};

    pub fn tune(view: &WebView) {
        if let Some(settings) = WebViewExt::settings(view) {
            settings.set_enable_webgl(false);
            settings.set_enable_webaudio(false);
            settings.set_enable_media(false);
            settings.set_enable_html5_local_storage(false);
            settings.set_enable_html5_database(false);
            settings.set_enable_page_cache(false);
        }
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    }

    pub fn caret_browsing(view: &WebView, on: bool) {
        if let Some(settings) = WebViewExt::settings(view) {
            settings.set_enable_caret_browsing(on);
        }
    }
}
