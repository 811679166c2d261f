//! `genogram open`: the workspace opened in the browser, here a stub program named by
//! `GENOGRAM_BROWSER` that records the arguments it was given.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{path, temp_dir, write};

/// A stub browser in `dir`: writes each of its arguments on a line of `dir/opened`, then
/// ends with `status`. It starts no other program but `mv`, in its own process (`exec`),
/// so a trace shows every program the workspace starts.
pub fn stub_browser(dir: &Path, status: i32) -> (PathBuf, PathBuf) {
    let record = dir.join("opened");
    let stub = dir.join("browser-stub");
    std::fs::write(
        &stub,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{r}.part'\n\
             {end}mv '{r}.part' '{r}'\nexit {status}\n",
            r = record.display(),
            end = if status == 0 { "exec " } else { "" },
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    (stub, record)
}

/// Waits up to ten seconds for the stub's record, and returns its lines.
pub fn wait_for_record(record: &Path) -> Vec<String> {
    let until = Instant::now() + Duration::from_secs(10);
    while Instant::now() < until {
        if let Ok(text) = std::fs::read_to_string(record) {
            return text.lines().map(String::from).collect();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the browser stub was not started within ten seconds");
}

/// The port and key of a workspace address, checking its form on the way.
pub fn port_and_key(address: &str) -> (u16, String) {
    let rest = address
        .strip_prefix("http://127.0.0.1:")
        .unwrap_or_else(|| panic!("not a loopback address: {address}"));
    let (port, key) = rest.split_once("/#key=").expect("the key in the fragment");
    assert_eq!(key.len(), 32, "{address}");
    assert!(
        key.chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)),
        "{address}"
    );
    (port.parse().unwrap(), key.to_string())
}

/// Sends one raw request and returns the whole answer.
pub fn ask(port: u16, request: &str) -> String {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    answer
}

/// `GET /api/file` with the key: the JSON body.
fn file_of(port: u16, key: &str) -> serde_json::Value {
    let answer = ask(
        port,
        &format!(
            "GET /api/file HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Genogram-Key: {key}\r\n\r\n"
        ),
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    serde_json::from_str(answer.split_once("\r\n\r\n").unwrap().1).unwrap()
}

/// Starts `genogram open ARGS` in `dir` with the stub browser, its output piped (so not
/// a terminal).
fn open(dir: &Path, stub: &Path, args: &[&std::ffi::OsStr]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_genogram"))
        .arg("open")
        .args(args)
        .env("GENOGRAM_BROWSER", stub)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

/// Waits up to `seconds` for the process to end by itself; kills it and fails otherwise.
fn ends_by_itself(child: &mut Child, seconds: u64) -> std::process::Output {
    let until = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < until {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if child.try_wait().unwrap().is_none() {
        let _ = child.kill();
        panic!("the workspace did not stop by itself within {seconds} s");
    }
    let mut out = Vec::new();
    let mut err = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut out).unwrap();
    child.stderr.take().unwrap().read_to_end(&mut err).unwrap();
    std::process::Output {
        status: child.wait().unwrap(),
        stdout: out,
        stderr: err,
    }
}

#[test]
fn opens_the_family_in_the_browser_and_stops_when_no_page_asks() {
    let dir = temp_dir("open-file");
    let text = std::fs::read_to_string(path("samples/intimacy-cycle.yaml")).unwrap();
    let family = write(&dir, "family.yaml", &text);
    let (stub, record) = stub_browser(&dir, 0);
    let mut child = open(
        &dir,
        &stub,
        &[family.as_os_str(), "--idle-seconds".as_ref(), "2".as_ref()],
    );
    // One argument, the address with its key: no shell, no options before it.
    let args = wait_for_record(&record);
    assert_eq!(args.len(), 1, "{args:?}");
    let (port, key) = port_and_key(&args[0]);
    assert_eq!(file_of(port, &key)["text"], text.as_str());
    let asked = Instant::now();
    let out = ends_by_itself(&mut child, 15);
    assert!(
        asked.elapsed() >= Duration::from_secs(2),
        "stopped before it was idle"
    );
    assert!(out.status.success(), "{out:?}");
    // Not a terminal (a menu's log): the key is written nowhere.
    assert!(out.stdout.is_empty(), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains(&key));
    assert_eq!(std::fs::read_to_string(&family).unwrap(), text);
}

#[test]
fn without_a_file_a_new_family_is_offered_and_left_out_when_nothing_was_saved() {
    let dir = temp_dir("open-new");
    let (stub, record) = stub_browser(&dir, 0);
    let mut child = open(&dir, &stub, &["--idle-seconds".as_ref(), "1".as_ref()]);
    let (port, key) = port_and_key(&wait_for_record(&record)[0]);
    let made = dir.join("genogram-family.yaml");
    let meta = std::fs::metadata(&made).expect("the new family's file");
    // A family with nobody yet: valid, and the page asks "who is the client?".
    let new = "people: {}\n";
    assert_eq!(std::fs::read_to_string(&made).unwrap(), new);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            meta.permissions().mode() & 0o777,
            0o600,
            "readable by others"
        );
    }
    assert_eq!(file_of(port, &key)["text"], new);
    let out = ends_by_itself(&mut child, 15);
    assert!(out.status.success(), "{out:?}");
    assert!(!made.exists(), "the empty new family was left behind");

    // A family saved there before is never taken over: the next name is used.
    let saved = "people:\n  anna: {name: Anna}\n";
    std::fs::write(&made, saved).unwrap();
    let _ = std::fs::remove_file(&record);
    let mut child = open(&dir, &stub, &["--idle-seconds".as_ref(), "1".as_ref()]);
    let (port, key) = port_and_key(&wait_for_record(&record)[0]);
    assert_eq!(file_of(port, &key)["text"], new);
    assert!(dir.join("genogram-family-2.yaml").exists());
    let out = ends_by_itself(&mut child, 15);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(std::fs::read_to_string(&made).unwrap(), saved);
    assert!(!dir.join("genogram-family-2.yaml").exists());
}

#[test]
fn a_browser_that_cannot_be_opened_is_said_in_plain_words() {
    let dir = temp_dir("open-fails");
    let family = write(&dir, "family.yaml", "people: {}\n");
    // The opener starts and reports a failure.
    let (stub, _) = stub_browser(&dir, 3);
    let mut child = open(&dir, &stub, &[family.as_os_str()]);
    let out = ends_by_itself(&mut child, 15);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not be opened"), "{err}");
    assert!(err.contains("in a terminal"), "{err}");
    assert!(!err.contains("key="), "{err}");
    // The opener is not there at all.
    let mut child = open(&dir, &dir.join("no-such-browser"), &[family.as_os_str()]);
    let out = ends_by_itself(&mut child, 15);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not start"), "{err}");
    assert!(!err.contains("key="), "{err}");
}
