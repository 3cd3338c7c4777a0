//! A W3C Web Annotation file, as anyone could write one: read, anchored and written into a
//! store. It may be refused; it must never panic, hang or leave a half-written import.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use margin_core::export::w3c;
use margin_core::library::Library;
use margin_core::store::Store;

static LIBRARY: LazyLock<Library> = LazyLock::new(Library::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let articles = LIBRARY.all().expect("the built-in article");
    let Ok(prepared) = w3c::prepare(&articles, text) else {
        return;
    };
    let mut store = Store::open_in_memory().expect("an in-memory store");
    if prepared.apply(&mut store).is_ok() {
        // What was imported lists, and exports again.
        for article in &articles {
            store
                .annotations(article)
                .expect("the imported annotations list");
        }
        w3c::export(&mut store, &articles).expect("an export of the import");
    }
});
