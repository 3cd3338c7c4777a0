//! The Margin desktop app: builds the Tauri app around `margin-core`. Its state and data folder
//! are in [`state`]; the IPC commands in [`commands`], one module per feature.

mod catalogues;
mod cli;
mod commands;
mod figures;
mod files;
mod state;
mod webview;

use tauri::Manager;

pub use state::{AppState, DATA_DIR_ENV};

/// Remembers the window's size and position. With `MARGIN_DATA_DIR` set, the state file lives
/// there too, so a portable or test data folder carries everything.
fn window_state() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let mut builder = tauri_plugin_window_state::Builder::default();
    if let Some(dir) = state::data_dir_override() {
        // An absolute file name replaces the plugin's default folder (app config dir).
        builder = builder.with_filename(dir.join("window-state.json").to_string_lossy());
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

/// The day's backup, checked for at start and then every hour while Margin runs, on a thread of
/// its own: the store is locked only while the copy is made (milliseconds for a reader's data).
fn keep_backing_up(app: tauri::AppHandle) {
    std::thread::spawn(move || loop {
        app.state::<AppState>().daily_backup();
        std::thread::sleep(std::time::Duration::from_secs(60 * 60));
    });
}

/// The plugins, in order. First: a second `margin` focuses the running window instead of opening
/// the same database twice.
fn plugins(builder: tauri::Builder<tauri::Wry>) -> tauri::Builder<tauri::Wry> {
    builder
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
}

/// Every IPC command the UI may call (the capability file grants each one by name).
fn handlers() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        commands::reader::get_article,
        commands::reader::open_reader,
        commands::reader::update_preferences,
        commands::reader::save_reading_position,
        commands::app::get_app_info,
        commands::app::set_caret_browsing,
        commands::app::report_ui_error,
        commands::app::startup_ready,
        commands::app::recovery_status,
        commands::app::recovery_start_fresh,
        commands::app::recovery_retry,
        commands::app::quit,
        commands::annotations::list_annotations,
        commands::annotations::create_annotation,
        commands::annotations::update_annotation,
        commands::annotations::delete_annotation,
        commands::annotations::restore_annotation,
        commands::annotations::rename_colour,
        commands::annotations::render_markdown,
        commands::annotations::render_notes,
        commands::bookmarks::list_bookmarks,
        commands::bookmarks::create_bookmark,
        commands::bookmarks::rename_bookmark,
        commands::bookmarks::delete_bookmark,
        commands::notes::list_notes,
        commands::notes::save_note,
        commands::search::search,
        commands::transfer::export_annotations,
        commands::transfer::import_annotations,
        commands::backups::list_backups,
        commands::backups::backup_now,
        commands::backups::restore_backup,
        commands::backups::restore_backup_file,
        commands::backups::recovery_restore,
    ]
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
    let result = plugins(tauri::Builder::default())
        .register_uri_scheme_protocol(figures::SCHEME, figures::serve)
        .setup(move |app| {
            if let Some(window) = app.get_webview_window("main") {
                webview::tune(&window);
            }
            app.manage(AppState::build(started)?);
            keep_backing_up(app.handle().clone());
            Ok(())
        })
        .on_window_event(remember_window)
        .invoke_handler(handlers())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("margin: {e}");
        std::process::exit(1);
    }
}
