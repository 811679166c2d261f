//! `genogram watch`: draws again after every change, and keeps the last good picture when
//! the file goes wrong.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::util::{path, temp_dir};

struct Watching {
    child: Child,
    lines: Receiver<String>,
    errors: Receiver<String>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn lines_of(r: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn watch(file: &Path, out: &Path) -> Watching {
    let mut child = Command::new(env!("CARGO_BIN_EXE_genogram"))
        .arg("watch")
        .arg(file)
        .arg("-o")
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let lines = lines_of(child.stdout.take().unwrap());
    let errors = lines_of(child.stderr.take().unwrap());
    Watching {
        child,
        lines,
        errors,
    }
}

/// Waits for a line from `rx` containing `needle`.
fn expect_line(rx: &Receiver<String>, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.contains(needle) => return line,
            Ok(_) => {}
            Err(_) => panic!("no line with {needle:?} within 30 s"),
        }
    }
}

#[test]
fn draws_again_after_a_change_and_keeps_the_picture_on_a_bad_edit() {
    let dir = temp_dir("watch");
    let file = dir.join("family.yaml");
    let out = dir.join("family.svg");
    let good = std::fs::read_to_string(path("samples/intimacy-cycle.yaml")).unwrap();
    std::fs::write(&file, &good).unwrap();
    let w = watch(&file, &out);
    let line = expect_line(&w.lines, "drew");
    assert!(line.ends_with("family.svg"), "{line}");
    assert!(line.contains(" UTC drew "), "{line}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("Kowalski"));

    std::fs::write(&file, good.replace("Kowalski", "Kowalsky")).unwrap();
    expect_line(&w.lines, "drew");
    let drawn = std::fs::read_to_string(&out).unwrap();
    assert!(drawn.contains("Kowalsky") && !drawn.contains("Kowalski"));

    // A mistake: the problems are printed with their place, the picture stays.
    let line_no = good.lines().position(|l| l.trim() == "sex: male").unwrap() + 1;
    std::fs::write(
        &file,
        good.replace("Kowalski", "Kowalsky")
            .replacen("sex: male", "sex: mael", 1),
    )
    .unwrap();
    expect_line(&w.errors, &format!("family.yaml:{line_no}:10: error"));
    expect_line(&w.errors, "left as it was");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), drawn);

    // Fixed again: drawn again.
    std::fs::write(&file, &good).unwrap();
    expect_line(&w.lines, "drew");
    assert!(std::fs::read_to_string(&out).unwrap().contains("Kowalski"));
}

#[test]
fn an_unknown_skill_stops_at_once() {
    let dir = temp_dir("watch-skill");
    let file = dir.join("family.yaml");
    std::fs::copy(path("samples/intimacy-cycle.yaml"), &file).unwrap();
    let o = crate::genogram([
        "watch",
        file.to_str().unwrap(),
        "-o",
        dir.join("out.svg").to_str().unwrap(),
        "--trace",
        "openess",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(crate::stderr(&o).contains("did you mean `openness`"));
    assert!(!dir.join("out.svg").exists());
}
