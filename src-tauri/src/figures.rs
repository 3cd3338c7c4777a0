//! Serves the built-in figures to the webview under `margin://localhost/<article>/figures/<name>`
//! (`http://margin.localhost/...` on Windows). The figures live inside the binary with their
//! article; nothing is read from disk and nothing leaves the machine.

use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext};

use crate::state::AppState;

/// The URI scheme the UI asks figures from.
pub const SCHEME: &str = "margin";

pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
) -> Response<Vec<u8>> {
    // The UI builds the URL with convertFileSrc, which percent-encodes the path as one segment.
    let raw = request.uri().path().trim_start_matches('/');
    let path = percent_decode(raw);
    // The state is managed in setup, before the window loads anything.
    let state = ctx.app_handle().try_state::<AppState>();
    let bytes = match (&state, path.as_deref()) {
        (Some(state), Some(path)) => state.library.figure(path),
        _ => None,
    };
    let response = match bytes {
        Some(bytes) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, "image/svg+xml")
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(bytes.to_vec()),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .header(header::CONTENT_TYPE, "text/plain")
            .body(format!("no figure {}", margin_core::error::excerpt(raw)).into_bytes()),
    };
    response.unwrap_or_else(|_| Response::new(Vec::new()))
}

/// Decodes `%XX` escapes; `None` if the result is not UTF-8 or an escape is malformed.
fn percent_decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hex = [bytes.next()?, bytes.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            out.push(b);
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn decodes_the_paths_convert_file_src_makes() {
        assert_eq!(
            percent_decode("korean-war%2Ffigures%2Fhuman-cost.svg").as_deref(),
            Some("korean-war/figures/human-cost.svg")
        );
        assert_eq!(percent_decode("bad%2"), None);
        assert_eq!(percent_decode("bad%zz"), None);
    }
}
