//! The Margin desktop app: builds the Tauri app and its state around `margin-core`.
//!
//! State is one [`AppState`]: the parsed built-in articles (read-only) and the [`Store`] behind a
//! `Mutex`. One connection owned by the app, rather than a pool, because SQLite serialises
//! writers anyway, every command is a short transaction, and a single owner makes "this write is
//! committed before the UI hears success" easy to see.

mod cli;
mod commands;
mod figures;
mod files;
mod webview;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use margin_core::content::{builtin_article, builtin_article_ids, Article};
use margin_core::store::{Store, DATABASE_FILE};
use tauri::Manager;

/// Everything the commands share.
pub struct AppState {
    /// The built-in articles by id, parsed once at start.
    pub articles: HashMap<String, Article>,
    /// The id of the article Margin opens.
    pub default_article: String,
    /// The user's database.
    pub store: Mutex<Store>,
    /// Where the database lives.
    pub data_dir: PathBuf,
    /// When `run()` started: the origin of the startup trace.
    pub started: std::time::Instant,
    /// How long after `started` the state was ready (database open, articles parsed); traced.
    pub state_ready: std::time::Duration,
}

/// The environment variable that overrides the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "MARGIN_DATA_DIR";

fn data_dir(app: &tauri::App) -> Result<PathBuf, String> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app
            .path()
            .app_data_dir()
            .map_err(|e| format!("cannot find the app data directory: {e}")),
    }
}

fn build_state(app: &tauri::App, started: std::time::Instant) -> Result<AppState, String> {
    let data_dir = data_dir(app)?;
    let store = Store::open_in_dir(&data_dir).map_err(|e| {
        format!(
            "cannot open {}: {e}",
            data_dir.join(DATABASE_FILE).display()
        )
    })?;
    let mut articles = HashMap::new();
    for id in builtin_article_ids() {
        let article = builtin_article(id).map_err(|e| format!("built-in article {id}: {e}"))?;
        articles.insert(id.to_string(), article);
    }
    let default_article = builtin_article_ids().next().unwrap_or_default().to_string();
    Ok(AppState {
        articles,
        default_article,
        store: Mutex::new(store),
        data_dir,
        started,
        state_ready: started.elapsed(),
    })
}

/// Remembers the window's size and position. With `MARGIN_DATA_DIR` set, the state file lives
/// there too, so a portable or test data folder carries everything.
fn window_state() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let mut builder = tauri_plugin_window_state::Builder::default();
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        // An absolute file name replaces the plugin's default folder (app config dir).
        builder = builder.with_filename(
            PathBuf::from(dir)
                .join("window-state.json")
                .to_string_lossy(),
        );
    }
    builder.build()
}

/// Saves the window's size and position shortly after it stops moving or resizing, not only at a
/// clean exit: a session ended by a crash or a kill still reopens where the user left it.
fn remember_window(window: &tauri::Window, event: &tauri::WindowEvent) {
    use std::sync::atomic::{AtomicU64, Ordering};
    use tauri_plugin_window_state::{AppHandleExt, StateFlags};
    static GENERATION: AtomicU64 = AtomicU64::new(0);
    if !matches!(
        event,
        tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_)
    ) {
        return;
    }
    let generation = GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    let app = window.app_handle().clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(400));
        if GENERATION.load(Ordering::SeqCst) == generation {
            if let Err(e) = app.save_window_state(StateFlags::SIZE | StateFlags::POSITION) {
                eprintln!("margin: could not save the window state: {e}");
            }
        }
    });
}

/// Keeps the webview on Margin's own pages: a navigation anywhere else (a link in a note, a
/// dropped URL) is refused, so nothing inside the app ever loads from the network.
fn stay_inside<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("margin-navigation")
        .on_navigation(|_webview, url| {
            let own = matches!(url.scheme(), "tauri" | "margin")
                || matches!(url.host_str(), Some("tauri.localhost" | "margin.localhost"));
            if !own {
                eprintln!("margin: refused to navigate to {url}");
            }
            own
        })
        .build()
}

/// Connects GTK to the display before Tauri does: when there is none, tao panics with a
/// backtrace hint, and a person deserves a sentence instead. GTK keeps the connection; Tauri's
/// own `gtk::init` then finds it made.
fn open_display() -> Result<(), String> {
    #[cfg(target_os = "linux")]
    if gtk::init().is_err() {
        let shown = |name: &str| std::env::var(name).unwrap_or_else(|_| "not set".into());
        return Err(format!(
            "cannot open a window: GTK could not connect to a display (DISPLAY {}, \
             WAYLAND_DISPLAY {}). Margin needs a graphical session; `margin export`, \
             `margin import` and `margin check` work without one.",
            shown("DISPLAY"),
            shown("WAYLAND_DISPLAY")
        ));
    }
    Ok(())
}

/// Runs Margin: the command line when asked for (`margin export ...`), else the desktop app.
pub fn run() {
    let started = std::time::Instant::now();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if cli::wants_cli(&args) {
        std::process::exit(cli::main(&args));
    }
    webview::before_start();
    if let Err(message) = open_display() {
        eprintln!("margin: {message}");
        std::process::exit(1);
    }
    let result = tauri::Builder::default()
        // First: a second `margin` focuses the running window instead of opening the same
        // database twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(window_state())
        .plugin(stay_inside())
        .plugin(tauri_plugin_dialog::init())
        .register_uri_scheme_protocol(figures::SCHEME, figures::serve)
        .setup(move |app| {
            if let Some(window) = app.get_webview_window("main") {
                webview::tune(&window);
            }
            let state = build_state(app, started)?;
            app.manage(state);
            Ok(())
        })
        .on_window_event(remember_window)
        .invoke_handler(tauri::generate_handler![
            commands::get_article,
            commands::open_reader,
            commands::update_preferences,
            commands::save_reading_position,
            commands::get_app_info,
            commands::report_ui_error,
            commands::startup_ready,
            commands::list_annotations,
            commands::create_annotation,
            commands::update_annotation,
            commands::delete_annotation,
            commands::restore_annotation,
            commands::rename_colour,
            commands::render_markdown,
            commands::list_bookmarks,
            commands::create_bookmark,
            commands::rename_bookmark,
            commands::delete_bookmark,
            commands::list_notes,
            commands::save_note,
            commands::export_annotations,
            commands::import_annotations,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("margin: {e}");
        std::process::exit(1);
    }
}
