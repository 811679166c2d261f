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
/// The interview screen (built on the page's `window.Workspace`).
pub const INTERVIEW_JS: &str = include_str!("assets/interview.js");
/// The interview screen's style sheet, with its print style.
pub const INTERVIEW_CSS: &str = include_str!("assets/interview.css");
/// The text editor: CodeMirror 6 with YAML, one minified script defining the global `CM`,
/// built from pinned npm packages by `web/codemirror/build` (see docs/workspace.md).
pub const CODEMIRROR_JS: &str = include_str!("assets/vendor/codemirror.js");
/// The licences of every package bundled in [`CODEMIRROR_JS`] (all MIT).
pub const CODEMIRROR_LICENSE: &str = include_str!("assets/vendor/LICENSE-codemirror.txt");
/// The person panel's forms (built on the page's `window.Workspace`).
pub const FORMS_JS: &str = include_str!("assets/forms.js");
/// The person panel's style sheet.
pub const FORMS_CSS: &str = include_str!("assets/forms.css");

/// The content type and body of the asset at `path`, if there is one.
pub fn find(path: &str) -> Option<(&'static str, &'static str)> {
    match path {
        "/" | "/index.html" => Some(("text/html; charset=utf-8", INDEX_HTML)),
        "/api.js" => Some(("text/javascript; charset=utf-8", API_JS)),
        "/app.js" => Some(("text/javascript; charset=utf-8", APP_JS)),
        "/app.css" => Some(("text/css; charset=utf-8", APP_CSS)),
        "/interview.js" => Some(("text/javascript; charset=utf-8", INTERVIEW_JS)),
        "/interview.css" => Some(("text/css; charset=utf-8", INTERVIEW_CSS)),
        "/vendor/codemirror.js" => Some(("text/javascript; charset=utf-8", CODEMIRROR_JS)),
        "/vendor/LICENSE-codemirror.txt" => Some(("text/plain; charset=utf-8", CODEMIRROR_LICENSE)),
        "/forms.js" => Some(("text/javascript; charset=utf-8", FORMS_JS)),
        "/forms.css" => Some(("text/css; charset=utf-8", FORMS_CSS)),
        _ => None,
    }
}
