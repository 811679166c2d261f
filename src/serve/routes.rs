//! Which request gets which answer, after the origin and key checks.
//!
//! - `GET /`, `/api.js`, `/app.js`, `/app.css`: the page ([`super::assets`]), with no
//!   key and no family data;
//! - `POST /api/hello`: `{nonce}` → `{proof}` ([`proof`]), with no key: the page makes
//!   sure it talks to its own workspace before it sends anything else;
//!
//! Every other `/api/*` request needs the key in the `X-Genogram-Key` header:
//!
//! - `GET /api/file`: the file's text and version token;
//! - `GET /api/status`: the version token only, polled by the page every second;
//! - `POST /api/render`: `{text, trace, anonymize, privacy, as_of}` → [`super::api::render`];
//! - `POST /api/save`: `{text, base}` → saved, or 409 when the file changed on disk;
//! - `POST /api/edit`: `{text, ops}` → `{text}` changed by [`crate::edit`], or 422
//!   `{error: {op, id, message}}` (`op` counted from 1) when refused.

use std::path::PathBuf;
use std::sync::Mutex;

use serde_json::json;

use super::disk::{self, Saved, Watched};
use super::http::{Request, Response};
use super::{api, assets, lock};

/// What every request thread shares.
#[derive(Debug)]
pub struct State {
    /// The family file.
    pub path: PathBuf,
    /// The port listened on, for the `Host` and `Origin` checks.
    pub port: u16,
    /// The secret that every `/api/*` request but the hello carries (see [`key_ok`]);
    /// it never leaves this process but in the address printed for the user.
    pub key: String,
    /// The file's last seen version; saves hold this lock so two never interleave.
    watched: Mutex<Watched>,
}

impl State {
    /// The state of a workspace for `path`, listening on `port`, opened with `key`.
    pub fn new(path: PathBuf, port: u16, key: String) -> Self {
        let watched = Mutex::new(Watched::new(&path));
        State {
            path,
            port,
            key,
            watched,
        }
    }
}

/// A new key for a workspace: 128 bits from the operating system's random source
/// (`getrandom(2)` on Linux), as 32 lowercase hex characters.
///
/// Anyone on the computer can connect to 127.0.0.1; on a computer shared with other
/// users (a clinic's terminal server), only the person who started the workspace sees
/// the address with its key.
///
/// # Errors
///
/// When the operating system gives no random bytes (a broken system).
pub fn new_key() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(hex(&bytes))
}

/// Bytes as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The header that carries the key on every `/api/*` request but the hello.
pub const KEY_HEADER: &str = "x-genogram-key";

/// What the hello's HMAC is computed over, before the page's nonce.
pub const HELLO_CONTEXT: &str = "genogram-workspace-v1 ";

/// Whether answering `req` needs the key: every `/api/*` path but the hello. The page
/// itself (its HTML, script and style) holds no family data.
pub fn needs_key(req: &Request) -> bool {
    req.path.starts_with("/api/") && req.path != "/api/hello"
}

/// Whether the request carries this workspace's key in its one [`KEY_HEADER`]. A cookie
/// is never read: browsers send a cookie to every port of the computer.
pub fn key_ok(state: &State, req: &Request) -> bool {
    req.count(KEY_HEADER) == 1 && req.header(KEY_HEADER).is_some_and(|k| same(k, &state.key))
}

/// The proof that this server knows `key`, for the page's `nonce`: the lowercase hex
/// HMAC-SHA256 of [`HELLO_CONTEXT`] and the nonce, keyed with the key's characters. The
/// page checks it before it sends the key or any family text, so a program that took
/// the port of a workspace that stopped learns neither.
pub fn proof(key: &str, nonce: &str) -> String {
    use hmac::{Mac, digest::KeyInit};
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(HELLO_CONTEXT.as_bytes());
    mac.update(nonce.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// Whether `nonce` is what the page sends: 32 lowercase hex characters (16 random bytes).
fn nonce_ok(nonce: &str) -> bool {
    nonce.len() == 32
        && nonce
            .bytes()
            .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
}

/// Compares two keys in a time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The origin checks of [`allowed`], then the key; the reason of a refusal.
pub fn admit(state: &State, req: &Request) -> Result<(), &'static str> {
    if !allowed(state, req) {
        Err(super::http::FORBIDDEN)
    } else if needs_key(req) && !key_ok(state, req) {
        Err(super::http::NO_KEY)
    } else {
        Ok(())
    }
}

/// Whether `host` (a `Host` header) names this server: `127.0.0.1:PORT` or
/// `localhost:PORT`.
pub fn local_host(host: &str, port: u16) -> bool {
    let Some((name, p)) = host.rsplit_once(':') else {
        return false;
    };
    p == port.to_string() && (name == "127.0.0.1" || name.eq_ignore_ascii_case("localhost"))
}

/// Whether `origin` (an `Origin` header) is this server's own page.
pub fn local_origin(origin: &str, port: u16) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|rest| local_host(rest, port))
}

/// Whether a request comes from this server's own page on this computer: one `Host`
/// naming it, no foreign `Origin`, and no cross-site fetch. A page on another site (or a
/// name rebound to 127.0.0.1) sends its own Host or Origin.
pub fn allowed(state: &State, req: &Request) -> bool {
    let host_ok = req.count("host") == 1
        && req
            .header("host")
            .is_some_and(|h| local_host(h, state.port));
    let origin_ok = match req.count("origin") {
        0 => true,
        1 => req
            .header("origin")
            .is_some_and(|o| local_origin(o, state.port)),
        _ => false,
    };
    let site_ok = !matches!(
        req.header("sec-fetch-site"),
        Some("cross-site" | "same-site")
    );
    host_ok && origin_ok && site_ok
}

/// Answers one request.
pub fn answer(state: &State, req: &Request) -> Response {
    // Refuse before looking at anything else (the reader has usually refused already).
    if let Err(why) = admit(state, req) {
        return Response::text(403, why);
    }
    match (req.method.as_str(), req.path.as_str()) {
        ("GET" | "HEAD", path) if assets::find(path).is_some() => {
            let (content_type, body) = assets::find(path).unwrap_or(("", ""));
            Response::new(200, content_type, body)
        }
        ("POST", "/api/hello") => with_json(req, |body: HelloBody| {
            if nonce_ok(&body.nonce) {
                Response::json(200, &json!({ "proof": proof(&state.key, &body.nonce) }))
            } else {
                Response::text(400, "the nonce is not 32 lowercase hex characters")
            }
        }),
        ("GET", "/api/file") => file(state),
        ("GET", "/api/status") => {
            let version = lock(&state.watched).poll().version.clone();
            Response::json(200, &json!({ "version": version }))
        }
        ("POST", "/api/render") => with_json(req, |body: RenderBody| {
            let view = api::View {
                trace: body.trace.filter(|s| !s.is_empty()),
                anonymize: body.anonymize,
                privacy: body.privacy,
                // A year of the workspace's slider; anything else draws the family now.
                as_of: body.as_of.and_then(|y| {
                    crate::model::PartialDate::from_parts(y.into(), None, None, false)
                }),
            };
            let name = state.path.file_name().map_or_else(
                || "family.yaml".into(),
                |n| n.to_string_lossy().into_owned(),
            );
            Response::json(200, &api::render(&name, &body.text, &view))
        }),
        ("POST", "/api/save") => with_json(req, |body: SaveBody| save(state, &body)),
        ("POST", "/api/edit") => with_json(req, |body: EditBody| edit(body)),
        (
            _,
            "/" | "/app.js" | "/app.css" | "/api.js" | "/api/hello" | "/api/file" | "/api/status"
            | "/api/render" | "/api/save" | "/api/edit",
        ) => Response::text(405, "that method is not used here"),
        _ => Response::text(404, "no such page"),
    }
}

/// The body of `POST /api/hello`.
#[derive(serde::Deserialize)]
struct HelloBody {
    nonce: String,
}

/// The body of `POST /api/render`.
#[derive(serde::Deserialize)]
struct RenderBody {
    #[serde(default)]
    text: String,
    #[serde(default)]
    trace: Option<String>,
    #[serde(default)]
    anonymize: bool,
    #[serde(default)]
    privacy: bool,
    /// The year to draw the family at (`null`: now).
    #[serde(default)]
    as_of: Option<u16>,
}

/// The body of `POST /api/save`.
#[derive(serde::Deserialize)]
struct SaveBody {
    text: String,
    base: String,
}

/// The body of `POST /api/edit`.
#[derive(serde::Deserialize)]
struct EditBody {
    text: String,
    ops: serde_json::Value,
}

/// `POST /api/edit`: the text changed by the operations, or why not (nothing is saved
/// here; the page puts the text in its editor).
fn edit(body: EditBody) -> Response {
    let result =
        crate::edit::ops_from_value(body.ops).and_then(|ops| crate::edit::apply(&body.text, &ops));
    match result {
        Ok(text) => Response::json(200, &json!({ "text": text })),
        Err(e) => Response::json(
            422,
            &json!({ "error": { "op": e.index.map(|i| i + 1), "id": e.id, "message": e.message } }),
        ),
    }
}

/// Parses a JSON body (sent as `application/json`, which a plain cross-site form cannot
/// send) into the fields a route takes (nothing else is kept, so a body costs about its
/// own size in memory) and hands it to `f`.
fn with_json<T: serde::de::DeserializeOwned>(
    req: &Request,
    f: impl FnOnce(T) -> Response,
) -> Response {
    let json_type = req.header("content-type").is_some_and(|t| {
        t.split(';')
            .next()
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
    });
    if !json_type {
        return Response::text(415, "send JSON");
    }
    match serde_json::from_slice::<T>(&req.body) {
        Ok(v) => f(v),
        Err(_) => Response::text(400, "the request is not the JSON object this page sends"),
    }
}

/// The file's text; a new, empty file (nothing but blank lines and comments), which
/// loading refuses, opens too: the page asks who the client is and fills it.
fn decode_or_empty(bytes: &[u8]) -> Result<String, crate::diag::Diagnostic> {
    crate::load::text::decode(bytes).or_else(|d| {
        std::str::from_utf8(bytes)
            .ok()
            .filter(|t| {
                t.lines()
                    .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
            })
            .map(str::to_owned)
            .ok_or(d)
    })
}

/// `GET /api/file`.
fn file(state: &State) -> Response {
    let mut watched = lock(&state.watched);
    watched.forget();
    match disk::read(&state.path) {
        Ok(bytes) => match decode_or_empty(&bytes) {
            Ok(text) => {
                let version = disk::version_of(&bytes);
                Response::json(200, &json!({ "text": text, "version": version }))
            }
            // With the version, so that the page does not ask again until the file changes.
            Err(d) => Response::json(
                422,
                &json!({
                    "message": format!("the file cannot be opened here: {}", d.message),
                    "version": disk::version_of(&bytes),
                }),
            ),
        },
        Err(_) => Response::json(
            404,
            &json!({ "message": "the family file is not there any more; Save writes it again", "version": disk::MISSING }),
        ),
    }
}

/// `POST /api/save`.
fn save(state: &State, body: &SaveBody) -> Response {
    let mut watched = lock(&state.watched);
    let result = disk::save(&state.path, &body.text, &body.base);
    watched.forget();
    match result {
        Ok(Saved::Written(v) | Saved::Unchanged(v)) => {
            Response::json(200, &json!({ "saved": true, "version": v }))
        }
        Ok(Saved::Conflict(v)) => Response::json(
            409,
            &json!({
                "saved": false,
                "version": v,
                "message": "another program changed the file since it was opened here; \
                            nothing was saved. Load the file again, or keep your version \
                            and save once more (the other version goes to the backup)",
            }),
        ),
        Err(e) => Response::json(
            500,
            &json!({ "saved": false, "message": format!("the file could not be saved: {}", plain(&e)) }),
        ),
    }
}

/// An error in words for the page, without the operating system's error number.
fn plain(e: &crate::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_computer_and_port_is_local() {
        assert!(local_host("127.0.0.1:7878", 7878));
        assert!(local_host("LocalHost:7878", 7878));
        assert!(!local_host("127.0.0.1:7879", 7878));
        assert!(!local_host("evil.example:7878", 7878));
        assert!(!local_host("127.0.0.1", 7878));
        assert!(!local_host("127.0.0.1.evil.example:7878", 7878));
        assert!(local_origin("http://localhost:7878", 7878));
        assert!(!local_origin("https://localhost:7878", 7878));
        assert!(!local_origin("null", 7878));
        assert!(!local_origin("http://evil.example", 7878));
    }

    fn request(path: &str, headers: &[(&str, &str)]) -> Request {
        Request {
            method: "GET".into(),
            path: path.into(),
            query: String::new(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: Vec::new(),
        }
    }

    #[test]
    fn every_api_request_but_the_hello_needs_the_key_in_its_header() {
        let state = State::new("family.yaml".into(), 7878, "0123abcd".into());
        let key = [(KEY_HEADER, "0123abcd")];
        assert!(key_ok(&state, &request("/api/file", &key)));
        for bad in ["0123abce", "0123abc", "0123abcd0", ""] {
            assert!(!key_ok(&state, &request("/api/file", &[(KEY_HEADER, bad)])));
        }
        // Twice is once too many; a cookie is never a key.
        assert!(!key_ok(&state, &request("/api/file", &[key[0], key[0]])));
        assert!(!key_ok(
            &state,
            &request("/api/file", &[("cookie", "genogram-7878=0123abcd")])
        ));
        for path in [
            "/api/file",
            "/api/status",
            "/api/save",
            "/api/render",
            "/api/x",
        ] {
            assert!(needs_key(&request(path, &[])), "{path}");
        }
        for path in ["/", "/api.js", "/app.js", "/api/hello", "/api"] {
            assert!(!needs_key(&request(path, &[])), "{path}");
        }
    }

    #[test]
    fn the_proof_is_the_hmac_of_the_nonce() {
        // HMAC-SHA256(key "0123abcd", "genogram-workspace-v1 " + nonce), computed with
        // Python's hmac module (the page checks it with WebCrypto).
        assert_eq!(
            proof("0123abcd", "00112233445566778899aabbccddeeff"),
            "ae0f6781b364605150f04ea5e85f7904ee6bb21d907ed520354e906ddce8c91d"
        );
        assert!(nonce_ok("00112233445566778899aabbccddeeff"));
        assert!(!nonce_ok("00112233445566778899AABBCCDDEEFF"));
        assert!(!nonce_ok("0011"));
    }

    #[test]
    fn keys_are_long_and_new_each_time() {
        let (a, b) = (new_key().unwrap(), new_key().unwrap());
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')));
        assert_ne!(a, b);
    }
}
