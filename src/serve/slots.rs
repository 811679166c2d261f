//! How many connections are served at once, and which give way when there are too many.
//!
//! Anyone on the computer can open connections to the workspace and leave them idle. So a
//! connection starts among the *waiting*: at most [`MAX_WAITING`] of them, each with
//! [`super::http::HEAD_TIMEOUT`] to send its request (and the page and the hello are
//! answered within that place too). When one more arrives and every waiting place is
//! taken, the connection that has waited longest is closed: idle connections cannot lock
//! out a new one, which sends its request at once. A request that carries the key
//! leaves the waiting for one of [`MAX_KEYED`] places that no connection without the key
//! can take, with the longer [`super::http::TIMEOUT`] for a large body; when all of
//! those are taken it is answered 503 and the page tries again.

use std::collections::VecDeque;
use std::net::{Shutdown, TcpStream};
use std::sync::{Arc, Mutex};

/// Most connections waiting for their request or served without the key.
pub const MAX_WAITING: usize = 64;
/// Most requests with the key served at the same time (the page sends a few at once).
pub const MAX_KEYED: usize = 16;

/// The places of one server.
#[derive(Debug, Default)]
pub struct Slots {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// The waiting connections, the one that arrived first at the front, each with a
    /// handle to close it when it must give way.
    waiting: VecDeque<(u64, TcpStream)>,
    /// The number of the next connection.
    next: u64,
    /// How many places with the key are taken.
    keyed: usize,
}

/// A connection's place: waiting until [`Ticket::keyed`], given back when dropped.
#[derive(Debug)]
pub struct Ticket {
    slots: Arc<Slots>,
    id: u64,
    keyed: bool,
}

impl Slots {
    /// Places a new connection among the waiting, closing the one that has waited longest
    /// when all places are taken. `None` when the connection cannot be given a place (no
    /// handle to close it could be made): it is then not served.
    pub fn arrive(self: &Arc<Self>, stream: &TcpStream) -> Option<Ticket> {
        let handle = stream.try_clone().ok()?;
        let mut inner = super::lock(&self.inner);
        while inner.waiting.len() >= MAX_WAITING {
            if let Some((_, oldest)) = inner.waiting.pop_front() {
                // Its thread's read or write fails at once, and the thread ends.
                let _ = oldest.shutdown(Shutdown::Both);
            }
        }
        let id = inner.next;
        inner.next += 1;
        inner.waiting.push_back((id, handle));
        Some(Ticket {
            slots: Arc::clone(self),
            id,
            keyed: false,
        })
    }

    /// How many connections are waiting (for tests and benchmarks).
    pub fn waiting(&self) -> usize {
        super::lock(&self.inner).waiting.len()
    }
}

impl Ticket {
    /// The request carries the key: the connection leaves the waiting for a place with
    /// the key, never closed for another. False (and still waiting) when every place
    /// with the key is taken.
    pub fn keyed(&mut self) -> bool {
        if self.keyed {
            return true;
        }
        let mut inner = super::lock(&self.slots.inner);
        if inner.keyed >= MAX_KEYED {
            return false;
        }
        inner.keyed += 1;
        inner.waiting.retain(|(id, _)| *id != self.id);
        self.keyed = true;
        true
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut inner = super::lock(&self.slots.inner);
        if self.keyed {
            inner.keyed -= 1;
        } else {
            inner.waiting.retain(|(id, _)| *id != self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::TcpListener;

    /// A connected pair: (the client's end, the server's end).
    fn pair(listener: &TcpListener) -> (TcpStream, TcpStream) {
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        (client, server)
    }

    #[test]
    fn the_oldest_waiting_connection_gives_way_and_keyed_ones_never_do() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let slots = Arc::new(Slots::default());
        let mut conns: Vec<(TcpStream, TcpStream)> = Vec::new();
        let mut tickets = Vec::new();
        for _ in 0..MAX_WAITING {
            let (c, s) = pair(&listener);
            tickets.push(slots.arrive(&s).unwrap());
            conns.push((c, s));
        }
        // The first one shows its key: it is no longer among the waiting.
        assert!(tickets[0].keyed());
        assert_eq!(slots.waiting(), MAX_WAITING - 1);
        // Two more arrive: one fills the free place, the other closes the oldest
        // waiting one (the second), not the keyed first.
        for _ in 0..2 {
            let (c, s) = pair(&listener);
            tickets.push(slots.arrive(&s).unwrap());
            conns.push((c, s));
        }
        assert_eq!(slots.waiting(), MAX_WAITING);
        let mut buf = [0u8; 1];
        conns[1]
            .0
            .set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .unwrap();
        assert_eq!(
            conns[1].0.read(&mut buf).unwrap(),
            0,
            "the oldest was closed"
        );
        conns[0].0.set_nonblocking(true).unwrap();
        assert_eq!(
            conns[0].0.read(&mut buf).unwrap_err().kind(),
            std::io::ErrorKind::WouldBlock,
            "the keyed one is open"
        );
        // Places come back when tickets go.
        drop(tickets);
        assert_eq!(slots.waiting(), 0);
        assert_eq!(super::super::lock(&slots.inner).keyed, 0);
    }

    #[test]
    fn keyed_places_are_bounded() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let slots = Arc::new(Slots::default());
        let mut kept = Vec::new();
        for _ in 0..MAX_KEYED {
            let (c, s) = pair(&listener);
            let mut t = slots.arrive(&s).unwrap();
            assert!(t.keyed());
            kept.push((c, s, t));
        }
        let (_c, s) = pair(&listener);
        let mut t = slots.arrive(&s).unwrap();
        assert!(!t.keyed());
        kept.pop();
        assert!(t.keyed());
    }
}
