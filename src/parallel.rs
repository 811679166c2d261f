//! Work shared out over threads, for the stages of a large family: [`map`] for many
//! independent jobs, [`join`] for two. Results come back in the order of the work, so
//! nothing that is written out depends on the threads.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Threads a large family's work is shared out over. A fixed number rather than the count
/// of cores: asking the system (`available_parallelism`) reads files under `/proc` and
/// `/sys`, and the program opens nothing but its input and output. Four keeps 2 to 4
/// cores busy; on fewer cores the threads take turns, at no cost to the results.
pub(crate) const THREADS: usize = 4;

/// From this many people on, a family's stages run on threads (reading the people, the
/// checks, the graph): below it, starting threads costs more than it saves.
pub(crate) const PARALLEL_FROM: usize = 5_000;

/// The same point in bytes of the file, for the parsing that runs before anyone is
/// counted: a person takes about 160 bytes of a family file (a family of 100,000 people
/// is about 15 MiB).
pub(crate) const PARALLEL_FROM_BYTES: usize = PARALLEL_FROM * 160;

/// `f` of every job, in the order of `jobs`, worked out on up to `threads` threads (the
/// calling one among them): each takes the next job not yet taken until none is left.
/// When threads cannot be had, the calling thread does the rest. A panic is passed on.
pub(crate) fn map<T: Sync, R: Send>(
    jobs: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else {
                return done;
            };
            done.push((i, f(job)));
        }
    };
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(jobs.len()).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(jobs.len()))
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mut all = work();
        for helper in helpers {
            all.extend(
                helper
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        for (i, r) in all {
            results[i] = Some(r);
        }
    });
    // Every job was taken by exactly one thread, and every thread was joined.
    results.into_iter().flatten().collect()
}

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
    fn results_come_back_in_the_order_of_the_jobs() {
        let jobs: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 4, 9] {
            let squares = super::map(&jobs, threads, |j| j * j);
            assert_eq!(squares, jobs.iter().map(|j| j * j).collect::<Vec<_>>());
        }
        assert!(super::map(&[] as &[u8], 4, |_| 0).is_empty());
    }

    #[test]
    fn both_results_come_back() {
        let data = [1, 2, 3];
        let (a, b) = super::join(|| data.iter().sum::<i32>(), || data.len());
        assert_eq!((a, b), (6, 3));
    }
}
