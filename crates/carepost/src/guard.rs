//! The panic boundary: every place where bytes from a stranger (a
//! message, an email, a key file, an Autocrypt header) meet a parser runs
//! through [`untrusted`], so that a bug in a parser turns into the
//! contract's "input rejected" instead of a crash.
//!
//! A caught panic prints nothing: a panic hook stays silent while a guarded
//! parse runs on the current thread, and hands every other panic to the
//! hook that was installed before (so a real bug elsewhere still shows as
//! one). Unwinding runs destructors, so a nameless output file of a failed
//! open disappears as on any other error.

use crate::error::Result;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many guarded parses are running on this thread.
    static GUARDED: Cell<u32> = const { Cell::new(0) };
    /// Where the last caught panic happened (for tests and the fuzzer).
    static LAST: Cell<Option<String>> = const { Cell::new(None) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDED.with(Cell::get) > 0 {
                LAST.with(|l| l.set(Some(info.location().map(|l| l.to_string()).unwrap_or_default())));
            } else {
                previous(info);
            }
        }));
    });
}

/// Decrements the guard count even if the closure unwinds.
struct Depth;

impl Depth {
    fn enter() -> Self {
        GUARDED.with(|g| g.set(g.get() + 1));
        Depth
    }
}

impl Drop for Depth {
    fn drop(&mut self) {
        GUARDED.with(|g| g.set(g.get().saturating_sub(1)));
    }
}

/// Runs `parse` over untrusted input; a panic inside it becomes the error
/// `damaged` returns.
pub fn untrusted<T>(parse: impl FnOnce() -> Result<T>, damaged: impl FnOnce() -> crate::Error) -> Result<T> {
    install_hook();
    let outcome = {
        let _depth = Depth::enter();
        panic::catch_unwind(AssertUnwindSafe(parse))
    };
    outcome.unwrap_or_else(|_| Err(damaged()))
}

/// Where the last panic caught on this thread happened, and forgets it.
pub fn take_last_panic() -> Option<String> {
    LAST.with(Cell::take)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, MessageProblem};

    fn damaged() -> Error {
        Error::MessageRejected(MessageProblem::Damaged)
    }

    #[test]
    fn a_panic_inside_becomes_the_given_error() {
        let result: Result<()> = untrusted(|| panic!("parser bug"), damaged);
        assert!(matches!(result, Err(Error::MessageRejected(MessageProblem::Damaged))));
        assert!(take_last_panic().is_some_and(|at| at.contains("guard.rs")));
        assert_eq!(GUARDED.with(Cell::get), 0);
    }

    #[test]
    fn results_pass_through() {
        assert_eq!(untrusted(|| Ok(7), damaged).unwrap(), 7);
        let rejected: Result<()> = untrusted(|| Err(Error::MessageRejected(MessageProblem::Truncated)), damaged);
        assert!(matches!(rejected, Err(Error::MessageRejected(MessageProblem::Truncated))));
    }

    #[test]
    fn panics_outside_a_guard_still_reach_the_previous_hook() {
        install_hook();
        let outside = std::panic::catch_unwind(|| {
            assert_eq!(GUARDED.with(Cell::get), 0);
            panic!("a real bug")
        });
        assert!(outside.is_err());
        assert_eq!(take_last_panic(), None);
    }
}
