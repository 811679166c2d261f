//! Opening an address in the default web browser, through the platform's own opener and
//! never through a shell: the address (which holds the workspace's key) is one argument
//! of one program, so no character in it can be read as a command.
//!
//! Hand-written rather than the `opener` or `webbrowser` crates: the first runs a copy of
//! `xdg-open` through `sh`, the second tries several programs and environment variables
//! of its own; here it is one program, chosen below, that tests can replace.

use std::ffi::OsString;
use std::process::{Child, Command, Stdio};

/// The environment variable naming the program to open the address with instead of the
/// platform's opener (tests point it at a script that records its arguments). The
/// program gets the address as its only argument.
pub const BROWSER_VARIABLE: &str = "GENOGRAM_BROWSER";

/// The opener and the arguments that come before the address, for this platform:
/// `xdg-open` (Linux, BSD), `open` (macOS), `rundll32 url.dll,FileProtocolHandler`
/// (Windows: `start` is a command of `cmd.exe`, a shell that would read `&` and `^` in
/// the address; `explorer.exe` drops the `#…` part of some addresses).
fn platform_opener() -> (OsString, Vec<OsString>) {
    if cfg!(target_os = "macos") {
        ("/usr/bin/open".into(), vec![])
    } else if cfg!(windows) {
        (
            "rundll32.exe".into(),
            vec!["url.dll,FileProtocolHandler".into()],
        )
    } else {
        ("xdg-open".into(), vec![])
    }
}

/// The program and its arguments that open `address`: [`BROWSER_VARIABLE`] when set and
/// not empty, otherwise the platform's opener.
pub fn command_for(address: &str, variable: Option<OsString>) -> (OsString, Vec<OsString>) {
    let (program, mut args) = match variable.filter(|v| !v.is_empty()) {
        Some(program) => (program, vec![]),
        None => platform_opener(),
    };
    args.push(address.into());
    (program, args)
}

/// Starts the opener for `address`, without waiting for it: some openers hand the address
/// to a browser and end, others (xdg-open on a desktop it does not know) run the browser
/// itself until it is closed. Its output is discarded: it could repeat the address.
///
/// # Errors
///
/// A plain sentence when the opener cannot be started.
pub fn start(address: &str) -> Result<Child, String> {
    let (program, args) = command_for(address, std::env::var_os(BROWSER_VARIABLE));
    Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            format!(
                "could not start {} to open the web browser ({})",
                program.to_string_lossy(),
                e.kind()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_the_last_single_argument() {
        let a = "http://127.0.0.1:1/#key=0123456789abcdef0123456789abcdef";
        let (p, args) = command_for(a, Some("/tmp/stub".into()));
        assert_eq!(p, OsString::from("/tmp/stub"));
        assert_eq!(args, vec![OsString::from(a)]);
        let (_, args) = command_for(a, Some("".into()));
        assert_eq!(args.last(), Some(&OsString::from(a)));
        assert!(args.iter().all(|x| x != "-c" && x != "/c"));
    }
}
