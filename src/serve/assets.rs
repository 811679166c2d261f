//! The page, compiled into the binary: nothing is fetched from anywhere else.

/// The page itself.
pub const INDEX_HTML: &str = include_str!("assets/index.html");
/// The only script that talks to the server: the key, the hello and every request
/// (the global `GenogramApi`).
pub const API_JS: &str = include_str!("assets/api.js");
/// Its script: plain JavaScript, no framework, no build step.
pub const APP_JS: &str = include_str!("assets/app.js");
/// Its style sheet.
pub const APP_CSS: &str = include_str!("assets/app.css");

/// The content type and body of the asset at `path`, if there is one.
pub fn find(path: &str) -> Option<(&'static str, &'static str)> {
    match path {
        "/" | "/index.html" => Some(("text/html; charset=utf-8", INDEX_HTML)),
        "/api.js" => Some(("text/javascript; charset=utf-8", API_JS)),
        "/app.js" => Some(("text/javascript; charset=utf-8", APP_JS)),
        "/app.css" => Some(("text/css; charset=utf-8", APP_CSS)),
        _ => None,
    }
}
