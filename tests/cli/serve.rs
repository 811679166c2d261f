//! `genogram serve`: the workspace answers only its own page on this computer, renders
//! with line-and-column problems, saves with a backup and notices outside changes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{path, temp_dir};

/// A running workspace, stopped when dropped.
struct Workspace {
    child: Child,
    port: u16,
    address: String,
    /// The key at the end of the address.
    key: String,
    /// The first line the server printed.
    said: String,
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(file: &Path) -> Workspace {
    let mut child = Command::new(env!("CARGO_BIN_EXE_genogram"))
        .args(["serve", "--port", "0"])
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the server prints its address");
    let address = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let key = address
        .split_once("/#key=")
        .map(|(_, k)| k.to_string())
        .unwrap_or_else(|| panic!("no key in {address}"));
    let port = port_of(&address);
    Workspace {
        child,
        port,
        address,
        key,
        said: line,
    }
}

/// The port of `http://127.0.0.1:PORT/#key=…`.
fn port_of(address: &str) -> u16 {
    address
        .strip_prefix("http://127.0.0.1:")
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {address}"))
}

/// The header that carries the workspace's key, as the page's script sends it.
fn key_header(w: &Workspace) -> String {
    format!("X-Genogram-Key: {}\r\n", w.key)
}

/// Sends a raw request and returns the status code, the headers and the body.
fn raw(port: u16, request: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

fn get(w: &Workspace, path: &str, extra: &str) -> (u16, String, String) {
    raw(
        w.port,
        &format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{}{extra}\r\n",
            w.port,
            key_header(w)
        ),
    )
}

fn post(w: &Workspace, path: &str, json: &serde_json::Value) -> (u16, serde_json::Value) {
    let body = json.to_string();
    let (status, _, answer) = raw(
        w.port,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: localhost:{}\r\nOrigin: http://localhost:{}\r\n\
             {}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            w.port,
            w.port,
            key_header(w),
            body.len()
        ),
    );
    (
        status,
        serde_json::from_str(&answer).unwrap_or(serde_json::Value::Null),
    )
}

fn sample_copy(test: &str) -> std::path::PathBuf {
    let dir = temp_dir(test);
    let file = dir.join("family.yaml");
    std::fs::copy(path("samples/intimacy-cycle.yaml"), &file).unwrap();
    file
}

#[test]
fn listens_on_loopback_only_and_prints_nothing_about_the_family() {
    let file = sample_copy("serve-loopback");
    let w = start(&file);
    assert!(w.address.starts_with("http://127.0.0.1:"), "{}", w.address);
    let (status, head, body) = get(&w, "/", "");
    assert_eq!(status, 200);
    assert!(body.contains("Genogram workspace"));
    for header in [
        "Content-Security-Policy: default-src 'none'; script-src 'self'",
        "X-Content-Type-Options: nosniff",
        "Cache-Control: no-store",
        "Referrer-Policy: no-referrer",
    ] {
        assert!(head.contains(header), "missing {header} in {head}");
    }
    // Only 127.0.0.1 listens: the port is closed on every other address of this computer
    // (when it has one) and on 127.0.0.2, which Linux gives every machine, even one with
    // loopback only, and which a server listening on all addresses would answer.
    let mut others = vec![std::net::IpAddr::from([127, 0, 0, 2])];
    others.extend(other_address());
    for other in others {
        assert!(
            TcpStream::connect_timeout(&(other, w.port).into(), Duration::from_secs(2)).is_err(),
            "reachable at {other}"
        );
    }
    assert!(
        !w.said.contains("Kowalski") && !w.said.contains("family.yaml"),
        "{}",
        w.said
    );
}

/// A non-loopback address of this computer, found by asking the system which source
/// address it would use for a public one (no packet is sent for a UDP connect).
fn other_address() -> Option<std::net::IpAddr> {
    let s = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    s.connect("192.0.2.1:9").ok()?;
    let ip = s.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn refuses_other_hosts_and_origins() {
    let file = sample_copy("serve-origin");
    let w = start(&file);
    let p = w.port;
    let c = key_header(&w);
    let evil_host = raw(
        p,
        &format!("GET /api/file HTTP/1.1\r\nHost: evil.example\r\n{c}\r\n"),
    );
    assert_eq!(evil_host.0, 403);
    assert!(!evil_host.2.contains("Kowalski"));
    let rebound = raw(
        p,
        &format!("GET /api/file HTTP/1.1\r\nHost: evil.example:{p}\r\n{c}\r\n"),
    );
    assert_eq!(rebound.0, 403);
    let evil_origin = get(&w, "/api/file", "Origin: http://evil.example\r\n");
    assert_eq!(evil_origin.0, 403);
    assert!(!evil_origin.2.contains("Kowalski"));
    let other_port = get(
        &w,
        "/api/file",
        &format!("Origin: http://127.0.0.1:{}\r\n", p.wrapping_add(1)),
    );
    assert_eq!(other_port.0, 403);
    // An image or script tag on another site sends no Origin, but says where it is from.
    let embedded = get(&w, "/api/file", "Sec-Fetch-Site: cross-site\r\n");
    assert_eq!(embedded.0, 403);
    let no_host = raw(p, &format!("GET / HTTP/1.1\r\n{c}\r\n"));
    assert_eq!(no_host.0, 403);
    // A cross-site save is refused and writes nothing.
    let before = std::fs::read(&file).unwrap();
    let body = r#"{"text":"people: {}\n","base":"x"}"#;
    let save = raw(
        p,
        &format!(
            "POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nOrigin: http://evil.example\r\n\
             {c}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(save.0, 403);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Its own page, by either name, is answered.
    assert_eq!(
        get(
            &w,
            "/api/file",
            &format!("Origin: http://127.0.0.1:{p}\r\n")
        )
        .0,
        200
    );
    let (status, _, _) = raw(
        p,
        &format!("GET / HTTP/1.1\r\nHost: localhost:{p}\r\n{c}\r\n"),
    );
    assert_eq!(status, 200);
}

#[test]
fn without_its_key_no_family_data_is_answered() {
    let file = sample_copy("serve-key");
    let w = start(&file);
    let p = w.port;
    // The page itself holds no family data and needs no key.
    for path in ["/", "/api.js", "/app.js", "/app.css"] {
        let (status, head, body) = raw(
            p,
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\n\r\n"),
        );
        assert_eq!(status, 200, "{path}");
        assert!(!body.contains("Kowalski"), "{path}");
        assert!(!head.to_ascii_lowercase().contains("set-cookie"), "{head}");
    }
    // Another user of this computer can connect, but has no key.
    for path in ["/api/file", "/api/status", "/api/nothing"] {
        let (status, _, body) = raw(
            p,
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\n\r\n"),
        );
        assert_eq!(status, 403, "{path}");
        assert!(
            body.contains("open the address that `genogram serve` printed, which ends in #key="),
            "{body}"
        );
        assert!(!body.contains("Kowalski"));
    }
    let wrong = format!("{}0", &w.key[1..]);
    let twice = format!("{}\r\nX-Genogram-Key: {}", w.key, w.key);
    for key in [wrong.as_str(), &w.key[..16], "", &twice] {
        let (status, _, body) = raw(
            p,
            &format!(
                "GET /api/file HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nX-Genogram-Key: {key}\r\n\r\n"
            ),
        );
        assert_eq!(status, 403, "key {key:?}");
        assert!(!body.contains("Kowalski"));
    }
    // The key in the address or in a cookie (which browsers send to every port of the
    // computer) opens nothing.
    for (query, cookie) in [
        (format!("?key={}", w.key), String::new()),
        (String::new(), format!("Cookie: genogram-{p}={}\r\n", w.key)),
    ] {
        let (status, _, _) = raw(
            p,
            &format!("GET /api/file{query} HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\n{cookie}\r\n"),
        );
        assert_eq!(status, 403, "{query} {cookie}");
    }
    // A save without the key writes nothing, and its body is never read.
    let before = std::fs::read(&file).unwrap();
    let body = r#"{"text":"people: {}\n","base":"x"}"#;
    let (status, _, _) = raw(
        p,
        &format!(
            "POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(status, 403);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // With its header, the family is there.
    let (status, _, body) = get(&w, "/api/file", "");
    assert_eq!(status, 200);
    assert!(body.contains("Kowalski"));
}

/// HMAC-SHA256 of `message` keyed with `key`, in lowercase hex (RFC 2104, written out
/// here so the test does not share the server's code).
fn hmac_sha256_hex(key: &[u8], message: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let mut block = [0u8; 64];
    block[..key.len()].copy_from_slice(key);
    let pad = |byte: u8| block.iter().map(|b| b ^ byte).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    let outer = Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize();
    outer.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_hello_proves_the_server_knows_the_key_without_sending_it() {
    let file = sample_copy("serve-hello");
    let w = start(&file);
    let p = w.port;
    assert_eq!(w.key.len(), 32);
    assert!(
        w.key
            .bytes()
            .all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
    );
    let hello = |nonce: &str| {
        let body = format!(r#"{{"nonce":"{nonce}"}}"#);
        raw(
            p,
            &format!(
                "POST /api/hello HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nOrigin: http://127.0.0.1:{p}\r\n\
                 Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ),
        )
    };
    let nonce = "0123456789abcdef0123456789abcdef";
    let (status, _, body) = hello(nonce);
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let expected = hmac_sha256_hex(
        w.key.as_bytes(),
        format!("genogram-workspace-v1 {nonce}").as_bytes(),
    );
    assert_eq!(v["proof"], expected.as_str());
    assert!(!body.contains(&w.key));
    // Another nonce, another proof; a nonce that is not 32 hex characters is refused.
    let (_, _, other) = hello("fedcba9876543210fedcba9876543210");
    assert!(!other.contains(&expected));
    for bad in ["", "0123", "0123456789ABCDEF0123456789ABCDEF"] {
        assert_eq!(hello(bad).0, 400, "{bad:?}");
    }
    // A page elsewhere cannot ask.
    let (status, _, _) = raw(
        p,
        &format!(
            "POST /api/hello HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nOrigin: http://127.0.0.1:{}\r\n\
             Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}",
            p.wrapping_add(1)
        ),
    );
    assert_eq!(status, 403);
}

#[test]
fn the_page_loads_nothing_from_elsewhere() {
    let file = sample_copy("serve-assets");
    let w = start(&file);
    for asset in [
        "/",
        "/api.js",
        "/app.js",
        "/app.css",
        "/vendor/codemirror.js",
        "/interview.js",
        "/interview.css",
        "/forms.js",
        "/forms.css",
    ] {
        let (status, _, body) = get(&w, asset, "");
        assert_eq!(status, 200, "{asset}");
        // The SVG namespace is a name, not an address; the editor's few pictures are
        // `data:` URLs, which need nothing from anywhere.
        let body = body
            .replace("http://www.w3.org/2000/svg", "")
            .replace("url('data:", "");
        for bad in ["http://", "https://", "//cdn", "@import", "url("] {
            assert!(!body.contains(bad), "{asset} contains {bad}");
        }
    }
    let (_, _, html) = get(&w, "/", "");
    let scripts: Vec<&str> = html
        .match_indices("<script")
        .map(|(i, _)| &html[i..])
        .collect();
    // The script that talks to the server comes first, the editor before app.js, and
    // only the page's own script files.
    assert!(scripts[0].starts_with("<script src=\"/api.js\""));
    assert!(
        scripts
            .iter()
            .all(|s| s.starts_with("<script src=\"/") && !s.starts_with("<script src=\"//")),
        "only the page's own script files"
    );
    let app = scripts
        .iter()
        .position(|s| s.starts_with("<script src=\"/app.js\""));
    let editor = scripts
        .iter()
        .position(|s| s.starts_with("<script src=\"/vendor/codemirror.js\""));
    assert!(editor.is_some() && editor < app, "the editor before app.js");
    assert!(
        !html.contains("style=\""),
        "no inline style (the CSP forbids it)"
    );
}

#[test]
fn render_shows_problems_at_their_line_and_column() {
    let file = sample_copy("serve-render");
    let w = start(&file);
    let good = std::fs::read_to_string(&file).unwrap();
    let (status, v) = post(&w, "/api/render", &serde_json::json!({"text": good}));
    assert_eq!(status, 200);
    assert_eq!(v["ok"], true);
    assert!(v["svg"].as_str().unwrap().contains("Kowalski"));
    assert!(!v["gaps"].as_array().unwrap().is_empty());
    let (_, anon) = post(
        &w,
        "/api/render",
        &serde_json::json!({"text": good, "anonymize": true, "trace": "openness"}),
    );
    assert!(!anon["svg"].as_str().unwrap().contains("Kowalski"));
    assert_eq!(anon["trace"], "openness");
    let line = good.lines().position(|l| l.trim() == "sex: male").unwrap() + 1;
    let broken = good.replacen("sex: male", "sex: mael", 1);
    let (status, v) = post(&w, "/api/render", &serde_json::json!({"text": broken}));
    assert_eq!(status, 200);
    assert_eq!(v["ok"], false);
    let d = &v["diagnostics"][0];
    assert_eq!(d["line"], line);
    assert_eq!(d["column"], 10);
    assert_eq!(d["severity"], "error");
    assert!(d["message"].as_str().unwrap().contains("mael"));
}

#[test]
fn save_writes_the_file_keeps_a_backup_and_refuses_to_lose_an_outside_change() {
    let file = sample_copy("serve-save");
    let w = start(&file);
    let (_, _, body) = get(&w, "/api/file", "");
    let opened: serde_json::Value = serde_json::from_str(&body).unwrap();
    let original = opened["text"].as_str().unwrap().to_string();
    let base = opened["version"].as_str().unwrap().to_string();
    let edited = original.replace("Kowalski", "Kowalsky");
    let (status, v) = post(
        &w,
        "/api/save",
        &serde_json::json!({"text": edited, "base": base}),
    );
    assert_eq!(status, 200, "{v}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);
    let backup = file.with_file_name("family.yaml.bak");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), original);
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // Another program changes the file; a save based on the old version is refused.
    let outside = format!("{edited}# added by another editor\n");
    std::fs::write(&file, &outside).unwrap();
    let (status, v) = post(
        &w,
        "/api/save",
        &serde_json::json!({"text": "people: {}\n", "base": v["version"]}),
    );
    assert_eq!(status, 409);
    assert!(v["message"].as_str().unwrap().contains("another program"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), outside);
}

#[test]
fn an_outside_change_is_reported() {
    let file = sample_copy("serve-status");
    let w = start(&file);
    let status = |w: &Workspace| {
        let (_, _, body) = get(w, "/api/status", "");
        serde_json::from_str::<serde_json::Value>(&body).unwrap()["version"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let first = status(&w);
    assert_eq!(first, status(&w));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}# changed\n")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while status(&w) == first {
        assert!(Instant::now() < deadline, "the change was never reported");
        std::thread::sleep(Duration::from_millis(50));
    }
    let (_, _, body) = get(&w, "/api/file", "");
    assert!(body.contains("# changed"));
}

#[test]
fn a_busy_port_or_a_missing_file_is_a_plain_error() {
    let held = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = held.local_addr().unwrap().port().to_string();
    let file = sample_copy("serve-busy");
    let o = crate::genogram(["serve", file.to_str().unwrap(), "--port", &port]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        crate::stderr(&o).contains("already in use"),
        "{}",
        crate::stderr(&o)
    );
    let o = crate::genogram(["serve", "no-such-family.yaml", "--port", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(crate::stderr(&o).contains("genogram init"));
}

#[test]
fn edit_returns_the_changed_text_or_names_the_refused_operation() {
    let file = sample_copy("serve-edit");
    let w = start(&file);
    let text = std::fs::read_to_string(&file).unwrap();
    let ops = serde_json::json!([
        {"op": "add-person", "id": "zoe", "person": {"name": "Zoe Kowalski", "sex": "female", "born": 2020}},
        {"op": "set", "field": "title", "value": "Edited"}
    ]);
    let (status, v) = post(
        &w,
        "/api/edit",
        &serde_json::json!({"text": text, "ops": ops}),
    );
    assert_eq!(status, 200, "{v}");
    let new_text = v["text"].as_str().unwrap();
    assert!(
        new_text.contains("  zoe:\n    name: Zoe Kowalski\n"),
        "{new_text}"
    );
    assert!(new_text.contains("title: Edited\n"));
    // Nothing is saved by an edit: the page saves when the user says so.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let ops = serde_json::json!([
        {"op": "set", "field": "title", "value": "Edited"},
        {"op": "update-person", "id": "nobody", "set": {"born": 1950}}
    ]);
    let (status, v) = post(
        &w,
        "/api/edit",
        &serde_json::json!({"text": text, "ops": ops}),
    );
    assert_eq!(status, 422, "{v}");
    assert_eq!(v["error"]["op"], 2);
    assert_eq!(v["error"]["id"], "nobody");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no person with the id `nobody`")
    );
    let (status, v) = post(
        &w,
        "/api/edit",
        &serde_json::json!({"text": text, "ops": "nonsense"}),
    );
    assert_eq!(status, 422);
    assert_eq!(v["error"]["op"], serde_json::Value::Null);
    // Without the key, nothing is read.
    let p = w.port;
    let body = serde_json::json!({"text": text, "ops": []}).to_string();
    let (status, _, answer) = raw(
        p,
        &format!(
            "POST /api/edit HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(status, 403);
    assert!(!answer.contains("Kowalski"));
}

#[test]
fn an_empty_file_opens_as_a_new_family_and_a_broken_one_says_its_version() {
    let file = sample_copy("serve-empty");
    std::fs::write(&file, "").unwrap();
    let w = start(&file);
    let (status, _, body) = get(&w, "/api/file", "");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(v["text"], "");
    let (_, _, st) = get(&w, "/api/status", "");
    let st: serde_json::Value = serde_json::from_str(&st).unwrap();
    assert_eq!(v["version"], st["version"]);
    // A file that is not text cannot be opened, and the answer says which version that
    // is, so that the page does not ask again every second.
    std::fs::write(&file, b"people:\n  \xff\xfe\x00 bad\n").unwrap();
    let (status, _, body) = get(&w, "/api/file", "");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 422, "{body}");
    let (_, _, st) = get(&w, "/api/status", "");
    let st: serde_json::Value = serde_json::from_str(&st).unwrap();
    assert_eq!(v["version"], st["version"]);
}

#[test]
fn idle_connections_cannot_lock_the_page_out() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    const IDLE: usize = 60;
    let file = sample_copy("serve-idle");
    let w = start(&file);
    let p = w.port;
    // Sixty connections that send half a request and wait, and connect again as soon as
    // they are closed, for as long as the test runs.
    let stop = Arc::new(AtomicBool::new(false));
    let connected = Arc::new(AtomicUsize::new(0));
    let idlers: Vec<_> = (0..IDLE)
        .map(|_| {
            let (stop, connected) = (Arc::clone(&stop), Arc::clone(&connected));
            std::thread::spawn(move || {
                let mut first = true;
                while !stop.load(Ordering::SeqCst) {
                    let Ok(mut s) = TcpStream::connect(("127.0.0.1", p)) else {
                        std::thread::sleep(Duration::from_millis(10));
                        continue;
                    };
                    if first {
                        connected.fetch_add(1, Ordering::SeqCst);
                        first = false;
                    }
                    let _ = s
                        .write_all(format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\n").as_bytes());
                    let _ = s.set_read_timeout(Some(Duration::from_millis(200)));
                    let mut buf = [0u8; 512];
                    // Until the server closes it (or the test ends).
                    loop {
                        match s.read(&mut buf) {
                            Ok(0) => break,
                            Ok(_) => {}
                            Err(_) if stop.load(Ordering::SeqCst) => break,
                            Err(e)
                                if e.kind() == std::io::ErrorKind::WouldBlock
                                    || e.kind() == std::io::ErrorKind::TimedOut => {}
                            Err(_) => break,
                        }
                    }
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(20);
    while connected.load(Ordering::SeqCst) < IDLE {
        assert!(
            Instant::now() < deadline,
            "the idle connections could not connect"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // Let them settle in (and some be closed and come back).
    std::thread::sleep(Duration::from_millis(1500));
    let mut slowest = Duration::ZERO;
    let mut times = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let (status, _, body) = raw(p, &format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{p}\r\n\r\n"));
        let page = t.elapsed();
        assert_eq!(status, 200, "the page, with {IDLE} idle connections open");
        assert!(body.contains("Genogram workspace"));
        let t = Instant::now();
        let (status, _, body) = get(&w, "/api/file", "");
        let api = t.elapsed();
        assert_eq!(status, 200, "the family, with {IDLE} idle connections open");
        assert!(body.contains("Kowalski"));
        times.push(format!("page {page:?}, family {api:?}"));
        slowest = slowest.max(page).max(api);
    }
    stop.store(true, Ordering::SeqCst);
    for t in idlers {
        let _ = t.join();
    }
    println!("with {IDLE} idle connections: {}", times.join("; "));
    // The issue's requirement: the page and the family answer within 2 s.
    assert!(slowest < Duration::from_secs(2), "{}", times.join("; "));
}

#[test]
fn a_new_empty_file_opens_for_the_forms_to_fill() {
    for (name, text) in [
        // Folder names of their own: `temp_dir` empties a folder of the same name, and
        // the tests run at once (`serve-empty` is another test's).
        ("serve-new-empty", ""),
        ("serve-new-comments", "# Anna's family\n\n"),
    ] {
        let file = sample_copy(name);
        std::fs::write(&file, text).unwrap();
        let w = start(&file);
        let (status, _, body) = get(&w, "/api/file", "");
        assert_eq!(status, 200, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["text"], text);
    }
    // A file that is not text still cannot be opened.
    let file = sample_copy("serve-not-text");
    std::fs::write(&file, b"people:\n  \xff\xfe: {}\n").unwrap();
    let w = start(&file);
    let (status, _, _) = get(&w, "/api/file", "");
    assert_eq!(status, 422);
}
