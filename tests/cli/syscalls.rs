//! What the binary touches: no network at all, and no file but its input, its output's
//! temporary file and the system libraries a program loads. Checked with `strace -f`
//! (`.ci/run` installs it); without strace the test fails and says what to install.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{path, temp_dir, write};

fn strace_available() -> bool {
    Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A fresh folder holding a copy of the sample family as `family.yaml`, for a run under
/// strace; fails, saying what to install, when strace is missing.
fn family_to_trace(tag: &str) -> (PathBuf, PathBuf) {
    assert!(
        strace_available(),
        "this test runs the program under strace, which is not installed: \
         install it (Debian, Ubuntu: `apt-get install strace`; Fedora: `dnf install strace`)"
    );
    let dir = temp_dir(tag);
    let family = write(
        &dir,
        "family.yaml",
        std::fs::read(path("samples/intimacy-cycle.yaml")).unwrap(),
    );
    (dir, family)
}

/// Paths any dynamically linked program opens before `main`, or that the Rust runtime
/// reads about its own process (stack bounds of the main thread).
fn is_system_path(p: &str) -> bool {
    matches!(
        p,
        "/etc/ld.so.cache" | "/etc/ld.so.preload" | "/proc/self/maps"
    ) || ["/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/"]
        .iter()
        .any(|d| p.starts_with(d))
}

/// Runs the binary under strace and returns the trace lines.
fn traced(args: &[&std::ffi::OsStr], log: &Path) -> (Option<i32>, Vec<String>) {
    // `cargo test` points the loader at target/ for libraries; a user's shell does not.
    let status = Command::new("strace")
        .env_remove("LD_LIBRARY_PATH")
        .args(["-f", "-qq", "-e", "trace=network,open,openat,openat2,creat"])
        .arg("-o")
        .arg(log)
        .arg(env!("CARGO_BIN_EXE_genogram"))
        .args(args)
        .output()
        .expect("strace runs");
    let text = std::fs::read_to_string(log).unwrap_or_default();
    (
        status.status.code(),
        text.lines().map(String::from).collect(),
    )
}

/// The quoted path of an `open…` call in a trace line.
fn opened_path(line: &str) -> Option<&str> {
    let call = line.split_whitespace().nth(1)?;
    if !(call.starts_with("open") || call.starts_with("creat")) {
        return None;
    }
    let first = line.find('"')?;
    let rest = &line[first + 1..];
    Some(&rest[..rest.find('"')?])
}

#[test]
fn touches_nothing_but_its_input_and_output() {
    let (dir, input) = family_to_trace("syscalls");
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let output = out_dir.join("family.svg");
    let bad = write(&dir, "bad.yaml", "people:\n  a: {sex: femal}\n");
    let runs: Vec<(Vec<&std::ffi::OsStr>, i32)> = vec![
        (
            vec![
                "render".as_ref(),
                "--trace".as_ref(),
                "openness".as_ref(),
                input.as_os_str(),
                "-o".as_ref(),
                output.as_os_str(),
            ],
            0,
        ),
        (
            vec!["render".as_ref(), "--anonymize".as_ref(), input.as_os_str()],
            0,
        ),
        (vec!["check".as_ref(), input.as_os_str()], 0),
        (vec!["report".as_ref(), input.as_os_str()], 0),
        (vec!["check".as_ref(), bad.as_os_str()], 1),
    ];
    let input_s = input.to_str().unwrap();
    let bad_s = bad.to_str().unwrap();
    let tmp_prefix = format!("{}/.family.svg.", out_dir.to_str().unwrap());
    for (i, (args, code)) in runs.iter().enumerate() {
        let log = dir.join(format!("trace-{i}.txt"));
        let (status, lines) = traced(args, &log);
        assert_eq!(status, Some(*code), "run {i}: {lines:?}");
        assert!(!lines.is_empty(), "run {i}: strace wrote nothing");
        for line in &lines {
            let call = line.split_whitespace().nth(1).unwrap_or_default();
            assert!(
                ![
                    "socket(",
                    "connect(",
                    "bind(",
                    "sendto(",
                    "sendmsg(",
                    "socketpair("
                ]
                .iter()
                .any(|c| call.starts_with(c)),
                "run {i}: network call {line}"
            );
            if let Some(p) = opened_path(line) {
                let ok = p == input_s
                    || p == bad_s
                    || (p.starts_with(&tmp_prefix) && p.ends_with(".tmp"))
                    || is_system_path(p);
                assert!(ok, "run {i} opened {p}: {line}");
            }
        }
    }
    assert!(output.exists());
}

/// `genogram serve` under strace: its key comes from the `getrandom` system call (no
/// device file is opened for it); it opens no file but the family file, its backups and
/// their temporary files in the same folder; and its only network calls listen on and
/// answer 127.0.0.1, never connecting anywhere.
#[test]
fn serve_listens_on_loopback_and_touches_only_its_family_and_backups() {
    use std::io::{BufRead, BufReader, Read, Write};
    let (dir, family) = family_to_trace("syscalls-serve");
    let log = dir.join("trace-serve.txt");
    let mut strace = Command::new("strace")
        .env_remove("LD_LIBRARY_PATH")
        .args([
            "-f",
            "-qq",
            "-e",
            "trace=network,open,openat,openat2,creat,getrandom",
        ])
        .arg("-o")
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_genogram"))
        .args(["serve", "--port", "0"])
        .arg(&family)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("strace runs");
    let mut line = String::new();
    BufReader::new(strace.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let (port, key) = address["http://127.0.0.1:".len()..]
        .split_once("/#key=")
        .unwrap();
    let ask = |request: String| {
        let mut s =
            std::net::TcpStream::connect(("127.0.0.1", port.parse::<u16>().unwrap())).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        answer
    };
    let file = ask(format!(
        "GET /api/file HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Genogram-Key: {key}\r\n\r\n"
    ));
    let body = file.split_once("\r\n\r\n").unwrap().1;
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    let save = serde_json::json!({
        "text": format!("{}# saved\n", v["text"].as_str().unwrap()),
        "base": v["version"],
    })
    .to_string();
    let saved = ask(format!(
        "POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Genogram-Key: {key}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{save}",
        save.len()
    ));
    assert!(saved.starts_with("HTTP/1.1 200"), "{saved}");
    // The server's process is the first one in the trace: stop it, and strace ends.
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let pid = text.split_whitespace().next().unwrap().to_string();
    let _ = Command::new("kill").arg(&pid).status();
    let _ = strace.wait();
    let lines: Vec<String> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let family_s = family.to_str().unwrap();
    let folder = format!("{}/.family.yaml", dir.to_str().unwrap());
    let mut random = 0;
    for line in &lines {
        let call = line.split_whitespace().nth(1).unwrap_or_default();
        assert!(
            !call.starts_with("connect(") && !call.starts_with("sendmsg("),
            "network call {line}"
        );
        if call.starts_with("bind(") {
            assert!(line.contains("inet_addr(\"127.0.0.1\")"), "{line}");
        }
        if call.starts_with("getrandom(") {
            random += 1;
        }
        if let Some(p) = opened_path(line) {
            let ok = p == family_s
                || p.starts_with(&format!("{family_s}.bak"))
                || (p.starts_with(&folder) && p.ends_with(".tmp"))
                || is_system_path(p);
            assert!(ok, "serve opened {p}: {line}");
        }
    }
    assert!(random > 0, "the key did not come from getrandom: {lines:?}");
    assert_eq!(
        std::fs::read_to_string(format!("{family_s}.bak")).unwrap(),
        v["text"].as_str().unwrap()
    );
}

/// `genogram open` under strace, with the browser replaced by a stub that records its
/// arguments: the browser is started directly (one `execve` of the opener with the
/// address as its only argument, no shell), and the workspace itself only listens on
/// 127.0.0.1, connects nowhere, and opens no file but its family.
#[test]
fn open_starts_the_browser_without_a_shell_and_touches_only_its_family() {
    use crate::open::{ask, port_and_key, stub_browser, wait_for_record};
    let (dir, family) = family_to_trace("syscalls-open");
    let (stub, record) = stub_browser(&dir, 0);
    let log = dir.join("trace-open.txt");
    let status = std::thread::scope(|s| {
        let run = s.spawn(|| {
            Command::new("strace")
                .env_remove("LD_LIBRARY_PATH")
                .env("GENOGRAM_BROWSER", &stub)
                .args([
                    "-f",
                    "-qq",
                    "-s",
                    "200",
                    "-e",
                    "trace=network,open,openat,openat2,creat,execve,getrandom",
                ])
                .arg("-o")
                .arg(&log)
                .arg(env!("CARGO_BIN_EXE_genogram"))
                .arg("open")
                .arg(&family)
                .args(["--idle-seconds", "1"])
                .output()
                .expect("strace runs")
        });
        let args = wait_for_record(&record);
        assert_eq!(args.len(), 1, "{args:?}");
        let (port, key) = port_and_key(&args[0]);
        let answer = ask(
            port,
            &format!(
                "GET /api/file HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Genogram-Key: {key}\r\n\r\n"
            ),
        );
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        (run.join().unwrap().status, args[0].clone())
    });
    let (status, address) = status;
    assert!(status.success(), "{status:?}");
    let lines: Vec<String> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let pid_of = |line: &str| {
        line.split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let main_pid = pid_of(&lines[0]);
    let stub_s = stub.to_str().unwrap();
    // Every program started: genogram itself, then the opener, exactly so.
    let execs: Vec<&String> = lines
        .iter()
        .filter(|l| {
            l.split_whitespace()
                .nth(1)
                .is_some_and(|c| c.starts_with("execve("))
        })
        .collect();
    assert!(execs.len() >= 2, "{execs:#?}");
    assert!(
        execs[1].contains(&format!(
            "execve(\"{stub_s}\", [\"{stub_s}\", \"{address}\"]"
        )),
        "{}",
        execs[1]
    );
    let opener_pid = pid_of(execs[1]);
    // Then only the stub's own `exec mv`, in the stub's process.
    assert!(
        execs[2..].iter().all(|l| pid_of(l) == opener_pid),
        "{execs:#?}"
    );
    let family_s = family.to_str().unwrap();
    for line in &lines {
        let pid = pid_of(line);
        // The stub is a shell script: what it does is not the workspace's.
        if pid == opener_pid {
            continue;
        }
        let call = line.split_whitespace().nth(1).unwrap_or_default();
        assert!(
            !call.starts_with("connect(") && !call.starts_with("sendmsg("),
            "network call {line}"
        );
        if call.starts_with("bind(") {
            assert!(line.contains("inet_addr(\"127.0.0.1\")"), "{line}");
            assert_eq!(pid, main_pid, "{line}");
        }
        if let Some(p) = opened_path(line) {
            // /dev/null: the opener's input and output, so it cannot repeat the address.
            assert!(
                p == family_s || p == "/dev/null" || is_system_path(p),
                "open opened {p}: {line}"
            );
        }
    }
}
