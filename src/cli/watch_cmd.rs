//! `genogram watch`: draw the family again every time its file changes.
//!
//! The file is polled (no new dependency, works on every file system): its size and time
//! are read every [`POLL`], and its bytes only when they move. A change that makes the
//! file invalid prints the problems and leaves the last good picture as it was.

use std::io::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::render_cmd::{self, Request};
use crate::Error;
use crate::serve::disk::{MISSING, Watched};

/// How often the file is looked at.
const POLL: Duration = Duration::from_millis(300);

/// Renders once, then again after every change, until the process is stopped.
///
/// # Errors
///
/// A usage error on the first render (a skill the file does not have, an output format
/// this build cannot write): watching could never succeed. Bad family text is not an
/// error: its problems are printed and the watch goes on.
pub(super) fn run(req: &Request, out: &mut impl Write, err: &mut impl Write) -> Result<u8, Error> {
    let mut watched = Watched::new(&req.file);
    let mut last = String::new();
    let mut first = true;
    loop {
        let version = watched.poll().version.clone();
        if version != last {
            last = version;
            if last == MISSING {
                let _ = writeln!(
                    err,
                    "{}: waiting for the file to be there again",
                    crate::diag::escape_for_terminal(&req.file.display().to_string())
                );
            } else {
                let mut sink = Vec::new();
                match render_cmd::run(req, &mut sink, &mut super::Leftovers::default()) {
                    Ok(_) => {
                        let _ = writeln!(
                            out,
                            "{} drew {}",
                            clock(SystemTime::now()),
                            crate::diag::escape_for_terminal(
                                &req.output
                                    .as_deref()
                                    .unwrap_or(req.file.as_path())
                                    .display()
                                    .to_string()
                            )
                        );
                        let _ = out.flush();
                    }
                    Err(e @ Error::Input { .. }) => {
                        super::report_error(err, &e);
                        let _ = writeln!(
                            err,
                            "the picture was left as it was; waiting for the next change"
                        );
                    }
                    Err(e) if first => return Err(e),
                    Err(e) => super::report_error(err, &e),
                }
            }
            first = false;
        }
        std::thread::sleep(POLL);
    }
}

/// The time of day in UTC, `HH:MM:SS UTC`: the standard library knows no time zones.
fn clock(now: SystemTime) -> String {
    let secs = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let day = secs % 86_400;
    format!(
        "{:02}:{:02}:{:02} UTC",
        day / 3600,
        day % 3600 / 60,
        day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_reads_hours_minutes_seconds() {
        let t = UNIX_EPOCH + Duration::from_secs(86_400 * 3 + 10 * 3600 + 42 * 60 + 7);
        assert_eq!(clock(t), "10:42:07 UTC");
    }
}
