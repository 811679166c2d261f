//! A deliberately small HTTP/1.1 server side: one request per connection, strict limits.
//!
//! Only what the workspace page needs: a request line, headers, and a body announced by
//! `Content-Length`. Anything else (chunked bodies, oversized headers, slow clients) is
//! refused, so the code stays short enough to read in one sitting. Every response closes
//! the connection.

use std::cell::Cell;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Most bytes of the request line and headers together.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// Most bytes of a request body: the loader's size cap for a family file.
pub const MAX_BODY_BYTES: usize = crate::load::text::MAX_FILE_BYTES;
/// How long a client may take to send its request line and headers, from the moment it
/// connected (the page's browser sends them at once); a request without the key must
/// also be whole by then (the page's assets and the hello have no body or a tiny one).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(1);
/// How long a request with the key may take to send its body (however slowly the bytes
/// trickle in), or to read the response.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// One request, as read from the connection.
#[derive(Debug)]
pub struct Request {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path without the query string.
    pub path: String,
    /// The query string (after `?`), empty without one.
    pub query: String,
    /// Headers with lower-case names, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body (empty without `Content-Length`).
    pub body: Vec<u8>,
}

impl Request {
    /// The first header called `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// How many headers are called `name` (lower case).
    pub fn count(&self, name: &str) -> usize {
        self.headers.iter().filter(|(n, _)| n == name).count()
    }
}

/// A response to send.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// Headers beyond the standard ones.
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    /// A response with a body of the given type.
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// The response with one more header.
    #[must_use]
    pub fn with_header(mut self, name: &'static str, value: String) -> Self {
        self.headers.push((name, value));
        self
    }

    /// A plain-text response, for refusals.
    pub fn text(status: u16, message: &str) -> Self {
        Response::new(status, "text/plain; charset=utf-8", format!("{message}\n"))
    }

    /// A JSON response.
    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        Response::new(status, "application/json; charset=utf-8", value.to_string())
    }
}

/// Why a request could not be read; each maps to a status code.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The client closed the connection or timed out before a full request: no answer.
    Gone,
    /// The request is malformed (400), too large (413/431), unsupported (501), not
    /// allowed (403) or cannot be served now (503).
    Refuse(u16, &'static str),
}

/// Reads one request from `stream`: its request line and headers by `head_until`, then
/// `decide` looks at them before the body is read, and says by when the body must have
/// come, or refuses with a status and a reason (so a refused client cannot make the
/// server hold its body).
pub fn read_request(
    stream: &TcpStream,
    head_until: Instant,
    mut decide: impl FnMut(&Request) -> Result<Instant, (u16, &'static str)>,
) -> Result<Request, ReadError> {
    let until = Cell::new(head_until);
    parse_guarded(
        Deadline {
            stream,
            until: &until,
        },
        |r| {
            until.set(decide(r)?);
            Ok(())
        },
    )
}

/// A connection read against one deadline for the whole request (which moves once, when
/// the headers are read): a client sending a byte every few seconds cannot hold a
/// thread for longer than that.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: &'a Cell<Instant>,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.until.get().saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf)
    }
}

/// The answer when every place for requests with the key is taken.
pub const BUSY: &str = "busy; try again";

/// The refusal of a request from anywhere but this server's own page.
pub const FORBIDDEN: &str = "this workspace answers only its own page on this computer";
/// The refusal of a request without the workspace's key.
pub const NO_KEY: &str = "this workspace needs its key: open the address that `genogram serve` \
     printed, which ends in #key=…";

/// Reads one request from any byte source, within the limits above.
pub fn parse(input: impl Read) -> Result<Request, ReadError> {
    parse_guarded(input, |_| Ok(()))
}

/// [`parse`], refusing before the body when `allowed` says no.
fn parse_guarded(
    input: impl Read,
    mut allowed: impl FnMut(&Request) -> Result<(), (u16, &'static str)>,
) -> Result<Request, ReadError> {
    let mut reader = BufReader::new(input.take((MAX_HEAD_BYTES + 1) as u64));
    let mut head_bytes = 0usize;
    let mut line = String::new();
    let mut read_line = |line: &mut String| -> Result<(), ReadError> {
        line.clear();
        let mut raw = Vec::new();
        match reader.read_until(b'\n', &mut raw) {
            Ok(0) | Err(_) => return Err(ReadError::Gone),
            Ok(n) => head_bytes += n,
        }
        if head_bytes > MAX_HEAD_BYTES {
            return Err(ReadError::Refuse(431, "the request headers are too large"));
        }
        if !raw.ends_with(b"\n") {
            return Err(ReadError::Gone);
        }
        *line = String::from_utf8(raw)
            .map_err(|_| ReadError::Refuse(400, "the request is not text"))?
            .trim_end_matches(['\r', '\n'])
            .to_string();
        Ok(())
    };
    read_line(&mut line)?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Refuse(400, "the request line is malformed"));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(ReadError::Refuse(505, "only HTTP/1.x is spoken here"));
    }
    let method = method.to_string();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let (path, query) = (path.to_string(), query.to_string());
    let mut headers = Vec::new();
    loop {
        read_line(&mut line)?;
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(ReadError::Refuse(400, "a header line has no colon"));
        };
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    let mut request = Request {
        method,
        path,
        query,
        headers,
        body: Vec::new(),
    };
    if let Err((status, why)) = allowed(&request) {
        return Err(ReadError::Refuse(status, why));
    }
    if request.header("transfer-encoding").is_some() {
        return Err(ReadError::Refuse(
            501,
            "send the body with a Content-Length",
        ));
    }
    if request.count("content-length") > 1 {
        return Err(ReadError::Refuse(400, "more than one Content-Length"));
    }
    let length = match request.header("content-length") {
        None => 0,
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| ReadError::Refuse(400, "the Content-Length is not a number"))?,
    };
    if length > MAX_BODY_BYTES {
        return Err(ReadError::Refuse(413, "the request body is too large"));
    }
    // What the buffered reader already holds belongs to the body.
    let mut body = reader.buffer().to_vec();
    let mut rest = reader.into_inner().into_inner();
    if body.len() > length {
        return Err(ReadError::Refuse(400, "more bytes than the Content-Length"));
    }
    // The body grows as bytes arrive; nothing is set aside on the strength of a header.
    let missing = length - body.len();
    (&mut rest)
        .take(missing as u64)
        .read_to_end(&mut body)
        .map_err(|_| ReadError::Gone)?;
    if body.len() != length {
        return Err(ReadError::Gone);
    }
    request.body = body;
    Ok(request)
}

/// The reason phrase of the status codes this server sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// The security headers sent with every response: nothing may be loaded from elsewhere,
/// nothing may frame the page, nothing is cached or sniffed.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
];

/// Writes `response` and closes the connection. A client that went away is not an error.
pub fn write_response(mut stream: &TcpStream, response: &Response, head_only: bool) {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    let extra = response.headers.iter().map(|(n, v)| (*n, v.as_str()));
    for (name, value) in SECURITY_HEADERS.iter().copied().chain(extra) {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    let body: &[u8] = if head_only { &[] } else { &response.body };
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body))
        .and_then(|()| stream.flush());
    let _ = stream.shutdown(std::net::Shutdown::Write);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{TcpListener, TcpStream};

    fn roundtrip(raw: &[u8]) -> Result<Request, ReadError> {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let raw = raw.to_vec();
        let client = std::thread::spawn(move || {
            let mut s = TcpStream::connect(addr).unwrap();
            let _ = s.write_all(&raw);
            let _ = s.shutdown(std::net::Shutdown::Write);
            s
        });
        let (stream, _) = listener.accept().unwrap();
        let r = read_request(&stream, Instant::now() + TIMEOUT, |_| {
            Ok(Instant::now() + TIMEOUT)
        });
        drop(client.join());
        r
    }

    #[test]
    fn reads_a_post_with_its_body() {
        let r = roundtrip(
            b"POST /api/render?x=1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\nContent-Length: 5\r\n\r\nhello",
        )
        .unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(r.path, "/api/render");
        assert_eq!(r.header("host"), Some("127.0.0.1:1"));
        assert_eq!(r.body, b"hello");
    }

    #[test]
    fn refuses_oversized_headers_and_chunked_bodies() {
        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.extend(std::iter::repeat_n(b'a', MAX_HEAD_BYTES));
        big.extend(b"\r\n\r\n");
        assert_eq!(
            roundtrip(&big).unwrap_err(),
            ReadError::Refuse(431, "the request headers are too large")
        );
        let chunked = b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
        assert!(matches!(roundtrip(chunked), Err(ReadError::Refuse(501, _))));
        let huge = format!(
            "POST / HTTP/1.1\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY_BYTES + 1
        );
        assert!(matches!(
            roundtrip(huge.as_bytes()),
            Err(ReadError::Refuse(413, _))
        ));
    }

    #[test]
    fn parse_never_panics_on_any_bytes() {
        use proptest::prelude::*;
        let head = proptest::collection::vec(
            prop_oneof![
                Just(b"GET / HTTP/1.1\r\n".to_vec()),
                Just(b"Content-Length: 3\r\n".to_vec()),
                Just(b"Content-Length: 99999999999999999999\r\n".to_vec()),
                Just(b"\r\n".to_vec()),
                Just(b":\n".to_vec()),
                proptest::collection::vec(any::<u8>(), 0..40),
            ],
            0..8,
        );
        proptest!(ProptestConfig::with_cases(512), |(parts in head)| {
            let bytes: Vec<u8> = parts.concat();
            let _ = parse(&bytes[..]);
        });
    }

    #[test]
    fn a_refused_request_is_answered_before_its_body_is_read() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        // The client announces a large body and never sends it: a refusal must not wait.
        let client = std::thread::spawn(move || {
            let mut s = TcpStream::connect(addr).unwrap();
            let _ = s.write_all(
                b"POST /api/save HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 1000000\r\n\r\n",
            );
            std::thread::sleep(Duration::from_millis(300));
            s
        });
        let (stream, _) = listener.accept().unwrap();
        let r = read_request(&stream, Instant::now() + TIMEOUT, |r| {
            if r.header("host") == Some("evil.example") {
                Err((403, FORBIDDEN))
            } else {
                Ok(Instant::now() + TIMEOUT)
            }
        });
        assert_eq!(r.unwrap_err(), ReadError::Refuse(403, FORBIDDEN));
        drop(client.join());
    }

    #[test]
    fn a_short_body_is_not_a_request() {
        let r = roundtrip(b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
        assert_eq!(r.unwrap_err(), ReadError::Gone);
    }
}
