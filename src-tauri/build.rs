// Declares the app's IPC commands so that Tauri generates `allow-<command>` permissions for
// them; the capability file grants exactly those, and nothing else is callable from the UI.
const COMMANDS: &[&str] = &[
    "get_article",
    "open_reader",
    "update_preferences",
    "save_reading_position",
    "get_app_info",
    "report_ui_error",
    "startup_ready",
    "recovery_status",
    "recovery_start_fresh",
    "recovery_retry",
    "quit",
    "list_annotations",
    "create_annotation",
    "update_annotation",
    "delete_annotation",
    "restore_annotation",
    "rename_colour",
    "render_markdown",
    "render_notes",
    "list_bookmarks",
    "create_bookmark",
    "rename_bookmark",
    "delete_bookmark",
    "list_notes",
    "save_note",
    "search",
    "set_caret_browsing",
    "export_annotations",
    "import_annotations",
    "list_backups",
    "backup_now",
    "restore_backup",
    "restore_backup_file",
    "recovery_restore",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build configuration");
}
