//! The page, compiled into the binary: nothing is fetched from anywhere else.

/// The page itself.
pub const INDEX_HTML: &str = include_str!("assets/index.html");
/// Its script: plain JavaScript, no framework, no build step.
pub const APP_JS: &str = include_str!("assets/app.js");
/// Its style sheet.
pub const APP_CSS: &str = include_str!("assets/app.css");
/// The person panel's forms (built on the page's `window.Workspace`).
pub const FORMS_JS: &str = include_str!("assets/forms.js");
/// The person panel's style sheet.
pub const FORMS_CSS: &str = include_str!("assets/forms.css");

/// The content type and body of the asset at `path`, if there is one.
pub fn find(path: &str) -> Option<(&'static str, &'static str)> {
    match path {
        "/" | "/index.html" => Some(("text/html; charset=utf-8", INDEX_HTML)),
        "/app.js" => Some(("text/javascript; charset=utf-8", APP_JS)),
        "/app.css" => Some(("text/css; charset=utf-8", APP_CSS)),
        "/forms.js" => Some(("text/javascript; charset=utf-8", FORMS_JS)),
        "/forms.css" => Some(("text/css; charset=utf-8", FORMS_CSS)),
        _ => None,
    }
}
