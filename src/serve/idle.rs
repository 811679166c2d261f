//! When a workspace started by `genogram open` stops by itself: a while after the last
//! request from any page, since its page asks for the status every second while a tab
//! is open.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Seconds without a request after which `genogram open` stops. Much more than the
/// page's one-second poll: a browser slows the timers of a tab that has been hidden for
/// five minutes to once a minute (Chrome's "intensive throttling"), and such a tab must
/// keep its workspace.
pub const IDLE_SECONDS: u64 = 150;

/// How long to wait for the first request (the browser may take a while to start, or
/// the user to find the tab) before deciding that no page will come.
pub const FIRST_WAIT: Duration = Duration::from_secs(600);

/// When the last connection arrived, if any.
#[derive(Debug)]
pub struct Activity {
    started: Instant,
    last: Mutex<Option<Instant>>,
}

impl Default for Activity {
    fn default() -> Self {
        Activity {
            started: Instant::now(),
            last: Mutex::new(None),
        }
    }
}

impl Activity {
    /// Notes that a connection arrived now.
    pub fn touch(&self) {
        *super::lock(&self.last) = Some(Instant::now());
    }

    /// Whether, at `now`, the workspace has been idle longer than `idle` since its last
    /// request, or has waited [`FIRST_WAIT`] (at least `idle`) for a first one.
    pub fn idle_at(&self, now: Instant, idle: Duration) -> bool {
        match *super::lock(&self.last) {
            Some(last) => now.saturating_duration_since(last) >= idle,
            None => now.saturating_duration_since(self.started) >= FIRST_WAIT.max(idle),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_only_after_a_request_and_a_quiet_while() {
        let a = Activity::default();
        let idle = Duration::from_secs(60);
        let t0 = a.started;
        assert!(!a.idle_at(t0 + Duration::from_secs(120), idle));
        assert!(a.idle_at(t0 + FIRST_WAIT, idle));
        a.touch();
        let last = super::super::lock(&a.last).unwrap();
        assert!(!a.idle_at(last + Duration::from_secs(59), idle));
        assert!(a.idle_at(last + Duration::from_secs(60), idle));
    }
}
