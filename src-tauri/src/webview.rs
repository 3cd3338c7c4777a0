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

/// Sets what WebKit reads from the environment; call before Tauri starts. If the user has set
/// `WEBKIT_DISABLE_COMPOSITING_MODE` already, it is left as it is.
pub fn before_start() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(NO_COMPOSITING).is_none()
        && std::env::var_os(KEEP_COMPOSITING).is_none_or(|v| v != "1")
    {
        // Only the main thread runs at this point, so changing the environment is safe.
        std::env::set_var(NO_COMPOSITING, "1");
    }
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
}
