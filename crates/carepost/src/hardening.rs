//! What the process does to itself before it holds anything secret: no
//! core dumps, and (on Linux) not dumpable, so an aborted `open` leaves no
//! core file holding a document or a passphrase, and another process of
//! the same user cannot attach a debugger to read its memory.

/// Turns core dumps off for this process. Called first thing in `main`,
/// before a passphrase or any plaintext is in memory. Failures are
/// ignored: a platform without these controls still runs, and
/// [`core_dumps_disabled`] tells the truth about it.
pub fn disable_core_dumps() {
    #[cfg(unix)]
    {
        use rustix::process::{setrlimit, Resource, Rlimit};
        let _ = setrlimit(Resource::Core, Rlimit { current: Some(0), maximum: Some(0) });
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

/// Whether this process can write no core file (limit 0 and, on Linux,
/// marked non-dumpable), as `status` reports it.
pub fn core_dumps_disabled() -> bool {
    #[cfg(unix)]
    let limited = rustix::process::getrlimit(rustix::process::Resource::Core).current == Some(0);
    #[cfg(not(unix))]
    let limited = false;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let limited = limited
        && rustix::process::dumpable_behavior().is_ok_and(|b| b == rustix::process::DumpableBehavior::NotDumpable);
    limited
}

#[cfg(test)]
mod tests {
    #[test]
    fn disabling_core_dumps_is_seen() {
        super::disable_core_dumps();
        assert!(super::core_dumps_disabled());
    }
}
