//! The intake workspace: a small web server on this computer only, with the family file
//! in an editor, the live genogram, the report and the questions for the next session.
//!
//! Privacy is the design constraint. The server listens on 127.0.0.1 only; it answers
//! only requests whose `Host` (and `Origin`, when sent) name that address or `localhost`
//! with its port, so a web page in another tab (or a DNS name rebound to 127.0.0.1)
//! cannot read the family; every request for the family (`/api/*`) must carry the
//! workspace's random key in a header, so other users and programs of the same computer
//! cannot either. The key is in the printed address's fragment (`#key=…`, which a
//! browser never sends to a server); the page keeps it in its tab's `sessionStorage`
//! and, before every request, makes the server prove it knows the key (`/api/hello`), so
//! a tab left open after the workspace stopped gives nothing to whatever takes the port.
//! No cookie is set or read: a browser sends cookies to every port of the computer.
//! Every asset is compiled into the binary and the page's Content-Security-Policy
//! forbids loading anything from elsewhere. Nothing is logged.
//!
//! Connections that have not shown the key within a second, or that are idle, cannot
//! lock the page out ([`slots`]).
//!
//! Modules: [`http`] reads requests and writes responses; [`slots`] decides how many are
//! served at once; [`routes`] answers them; [`api`] renders a family text; [`disk`]
//! versions and saves the file, [`backup`] keeps its last versions; [`assets`] holds the
//! page.

pub mod api;
pub mod assets;
pub mod backup;
pub mod disk;
pub mod http;
pub mod idle;
pub mod routes;
pub mod slots;

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::Error;

/// The port `genogram serve` uses unless told otherwise.
pub const DEFAULT_PORT: u16 = 7878;

/// A workspace server bound to a loopback port, not yet answering.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    state: Arc<routes::State>,
    activity: Arc<idle::Activity>,
}

impl Server {
    /// Binds `127.0.0.1:port` (`0`: any free port) for the family file `file`.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] when the file is not there or the port is taken; [`Error::Io`]
    /// when the port cannot be opened otherwise.
    pub fn bind(file: &Path, port: u16) -> Result<Server, Error> {
        if !file.is_file() {
            return Err(Error::Usage(format!(
                "{} is not a family file that exists; make one with `genogram init {}`",
                file.display(),
                file.display()
            )));
        }
        let listener =
            TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AddrInUse {
                    Error::Usage(format!(
                        "port {port} is already in use (is another workspace open?); \
                         choose another with --port, or --port 0 for any free port"
                    ))
                } else {
                    Error::Io {
                        path: format!("127.0.0.1:{port}"),
                        source: e,
                    }
                }
            })?;
        let port = listener
            .local_addr()
            .map_err(|e| Error::Io {
                path: "the listening socket".into(),
                source: e,
            })?
            .port();
        let key = routes::new_key().map_err(|e| Error::Io {
            path: "the operating system's random source".into(),
            source: std::io::Error::other(e.to_string()),
        })?;
        Ok(Server {
            listener,
            state: Arc::new(routes::State::new(PathBuf::from(file), port, key)),
            activity: Arc::default(),
        })
    }

    /// The address to open in a browser, with the workspace's key, such as
    /// `http://127.0.0.1:7878/#key=…`: the key is in the fragment, which the browser
    /// keeps to itself (it is sent to no server and kept in no `Referer`).
    pub fn address(&self) -> String {
        format!(
            "http://127.0.0.1:{}/#key={}",
            self.state.port, self.state.key
        )
    }

    /// Ends the process (status 0) once no connection has arrived for `idle` after at
    /// least one did (see [`idle::Activity`]), calling `at_stop` first. For `genogram
    /// open`, whose page asks for the status every second while a tab is open.
    pub fn stop_when_idle(
        &self,
        idle: std::time::Duration,
        at_stop: impl FnOnce() + Send + 'static,
    ) {
        let activity = Arc::clone(&self.activity);
        let tick = idle.clamp(
            std::time::Duration::from_millis(100),
            std::time::Duration::from_secs(1),
        );
        let _ = std::thread::Builder::new().spawn(move || {
            while !activity.idle_at(Instant::now(), idle) {
                std::thread::sleep(tick);
            }
            at_stop();
            std::process::exit(0);
        });
    }

    /// Answers requests until the process ends, each connection on its own thread.
    ///
    /// A request that fails inside the library must not print the family: a panic
    /// message can quote the text it was working on, so the panic hook here says only
    /// that something went wrong.
    pub fn run(self) {
        std::panic::set_hook(Box::new(|_| {
            eprintln!("genogram: one request failed inside the program; the workspace goes on");
        }));
        let slots = Arc::new(slots::Slots::default());
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else { continue };
            let arrived = Instant::now();
            self.activity.touch();
            // Belt and braces: the socket is bound to loopback, so only this computer
            // can connect; refuse anything else all the same.
            if !stream.peer_addr().is_ok_and(|a| a.ip().is_loopback()) {
                continue;
            }
            let Some(ticket) = slots.arrive(&stream) else {
                continue;
            };
            let state = Arc::clone(&self.state);
            // The place is given back when the thread ends, even by a panic, or when the
            // thread cannot be started.
            let _ = std::thread::Builder::new().spawn(move || {
                serve_one(&state, &stream, ticket, arrived);
            });
        }
    }
}

/// Reads one request from `stream`, which connected at `arrived`, and answers it.
fn serve_one(
    state: &routes::State,
    stream: &TcpStream,
    mut ticket: slots::Ticket,
    arrived: Instant,
) {
    let head_until = arrived + http::HEAD_TIMEOUT;
    // Writing the answer may take longer: a connection without the key still gives way
    // to new ones meanwhile.
    let _ = stream.set_write_timeout(Some(http::TIMEOUT));
    let read = http::read_request(stream, head_until, |r| {
        routes::admit(state, r).map_err(|why| (403, why))?;
        if !routes::needs_key(r) {
            // The page's assets and the hello: whole within the first second.
            return Ok(head_until);
        }
        // The request carries the key (admit checked it): a place no connection without
        // the key can take, and time for a large body.
        if !ticket.keyed() {
            return Err((503, http::BUSY));
        }
        Ok(Instant::now() + http::TIMEOUT)
    });
    match read {
        Ok(request) => {
            let response = routes::answer(state, &request);
            http::write_response(stream, &response, request.method == "HEAD");
        }
        Err(http::ReadError::Refuse(status, message)) => {
            http::write_response(stream, &http::Response::text(status, message), false);
        }
        Err(http::ReadError::Gone) => {}
    }
}

/// A lock that survives a thread that panicked while holding it.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
