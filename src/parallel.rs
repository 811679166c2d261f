//! Two pieces of work at once, for the stages of a large family that split in two.

use std::sync::Mutex;

/// Runs `a` here and `b` on a thread of its own, and returns both results; when no thread
/// can be had, `b` runs here after `a`. A panic in either is passed on.
pub(crate) fn join<A, B>(a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> (A, B)
where
    B: Send,
{
    // Whoever takes the work first does it: the thread, or this one if the thread could
    // not be started.
    let work = Mutex::new(Some(b));
    let take = || {
        work.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    };
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .spawn_scoped(scope, || take().map(|b| b()))
            .ok();
        let ra = a();
        let from_thread =
            thread.and_then(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        let rb = match from_thread {
            Some(rb) => rb,
            // The thread never ran, so the work is still here.
            None => match take() {
                Some(b) => b(),
                None => unreachable!("the work is taken once, by the thread or here"),
            },
        };
        (ra, rb)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_results_come_back() {
        let data = [1, 2, 3];
        let (a, b) = super::join(|| data.iter().sum::<i32>(), || data.len());
        assert_eq!((a, b), (6, 3));
    }
}
