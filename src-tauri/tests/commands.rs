//! Each IPC command's name is written in five places: build.rs's `COMMANDS` (which makes Tauri
//! generate its `allow-<name>` permission), lib.rs's `generate_handler!`, the capability file
//! that grants it, the command's fn, and the UI that invokes it. A name missing from one of them
//! fails only at run time, in the webview ("command not found" or "not allowed"). This test reads
//! the files as text and fails when the lists disagree. (The fn itself is checked by the
//! compiler: `generate_handler!` names it.)

use std::collections::BTreeSet;
use std::path::Path;

/// Commands no UI file invokes, and why.
const NOT_INVOKED_BY_THE_UI: &[&str] = &[
    // Only the end-to-end tests call it, to compare the painted text with core's (the reader
    // gets the article from `open_reader`).
    "get_article",
];

/// The UI files that call `invoke()`: the api module, and the error reporter, which is a
/// classic script loaded before every module so that it catches errors while they load; it
/// cannot import the api module.
const UI_FILES: &[&str] = &["ui/js/shared/api.js", "ui/js/shared/errors.js"];

fn read(relative_to_crate: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative_to_crate);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The text between `open` and the first `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let start = text
        .find(open)
        .unwrap_or_else(|| panic!("no {open:?} found"))
        + open.len();
    let end = text[start..]
        .find(close)
        .unwrap_or_else(|| panic!("no {close:?} after {open:?}"));
    &text[start..start + end]
}

/// The `"quoted"` strings in `text`.
fn quoted(text: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// build.rs's `COMMANDS`.
fn declared(build_rs: &str) -> BTreeSet<String> {
    quoted(between(build_rs, "const COMMANDS: &[&str] = &[", "];"))
}

/// The last path segment of every entry of `generate_handler![...]`.
fn handled(lib_rs: &str) -> BTreeSet<String> {
    between(lib_rs, "generate_handler![", "]")
        .split(',')
        .map(str::trim)
        .filter(|path| !path.is_empty())
        .map(|path| path.rsplit("::").next().unwrap_or(path).to_string())
        .collect()
}

/// The app commands a capability file allows (`allow-open-reader` is `open_reader`); plugin
/// permissions (`dialog:allow-save`) are not app commands.
fn allowed(capability_json: &str) -> BTreeSet<String> {
    let capability: serde_json::Value = serde_json::from_str(capability_json).unwrap();
    capability["permissions"]
        .as_array()
        .expect("the capability has a permissions list")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|name| name.replace('-', "_"))
        .collect()
}

/// The command names a UI file passes to `invoke("...")`, plugin commands left out.
fn invoked(js: &str) -> BTreeSet<String> {
    js.split("invoke(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|name| !name.starts_with("plugin:"))
        .map(str::to_string)
        .collect()
}

fn differ(a_name: &str, a: &BTreeSet<String>, b_name: &str, b: &BTreeSet<String>) -> String {
    format!(
        "in {a_name} but not in {b_name}: {:?}; in {b_name} but not in {a_name}: {:?}",
        a.difference(b).collect::<Vec<_>>(),
        b.difference(a).collect::<Vec<_>>()
    )
}

#[test]
fn build_rs_the_handler_and_the_capability_list_the_same_commands() {
    let commands = declared(&read("build.rs"));
    assert!(commands.len() > 10, "parsed too few commands: {commands:?}");
    let handler = handled(&read("src/lib.rs"));
    let capability = allowed(&read("capabilities/main.json"));
    assert_eq!(
        commands,
        handler,
        "{}",
        differ("build.rs", &commands, "generate_handler!", &handler)
    );
    assert_eq!(
        commands,
        capability,
        "{}",
        differ("build.rs", &commands, "capabilities/main.json", &capability)
    );
}

#[test]
fn the_ui_invokes_exactly_the_declared_commands() {
    let commands = declared(&read("build.rs"));
    let mut ui = BTreeSet::new();
    for file in UI_FILES {
        ui.extend(invoked(&read(&format!("../{file}"))));
    }
    for name in NOT_INVOKED_BY_THE_UI {
        assert!(commands.contains(*name), "{name} is not a command any more");
        assert!(
            !ui.contains(*name),
            "the UI invokes {name} now; drop it from the list"
        );
        ui.insert(name.to_string());
    }
    assert_eq!(
        commands,
        ui,
        "{}",
        differ("build.rs", &commands, "the UI", &ui)
    );
}

#[test]
fn the_parsers_see_what_they_should() {
    assert_eq!(
        handled("generate_handler![\n  commands::a::one,\n  two,\n]"),
        ["one", "two"].map(String::from).into()
    );
    assert_eq!(
        allowed(r#"{"permissions": ["dialog:allow-save", "allow-open-reader"]}"#),
        ["open_reader"].map(String::from).into()
    );
    assert_eq!(
        invoked(
            r#"a: () => invoke("get_app_info"), b: tauri.invoke("x", {}), c: invoke("plugin:dialog|save")"#
        ),
        ["get_app_info", "x"].map(String::from).into()
    );
}
