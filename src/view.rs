//! Viewing without saving: a private place for decrypted copies that live
//! minutes, and the program that shows them.
//!
//! The place is RAM-backed where the platform offers it
//! (`$XDG_RUNTIME_DIR`, else `/dev/shm`), in a folder only the user can
//! enter; otherwise the home's own `tmp/`. Never a shared `/tmp`.

use crate::error::{Error, Result};
use crate::home::Home;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A viewer that returns sooner than this only launched the real one
/// (`xdg-open` does that), so its exit says nothing about the document
/// being closed.
pub const LAUNCHER_THRESHOLD: Duration = Duration::from_secs(3);

/// The private folder for viewed copies.
pub fn private_dir(home: &Home) -> Result<PathBuf> {
    let candidates = [
        std::env::var_os("XDG_RUNTIME_DIR").map(|d| PathBuf::from(d).join("carepost-view")),
        Some(PathBuf::from("/dev/shm")).filter(|d| d.is_dir()).map(|d| d.join(format!("carepost-view-{}", uid()))),
    ];
    for dir in candidates.into_iter().flatten() {
        if dir.parent().is_some_and(Path::is_dir) && home.ensure_dir(&dir).is_ok() {
            return Ok(dir);
        }
    }
    let fallback = home.tmp().join("view");
    home.ensure_dir(&home.tmp())?;
    home.ensure_dir(&fallback)?;
    Ok(fallback)
}

#[cfg(unix)]
fn uid() -> u32 {
    rustix::process::geteuid().as_raw()
}

#[cfg(not(unix))]
fn uid() -> u32 {
    0
}

/// How viewing went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewed {
    /// The viewer ran until the user closed it: the copy can go now.
    Closed,
    /// The viewer only launched another program; the copy stays until its
    /// retention ends.
    Launched,
}

/// Shows `path` with `$CAREPOST_VIEWER`, else the platform's opener, and
/// waits for it.
pub fn show(path: &Path) -> Result<Viewed> {
    let mut command = match std::env::var_os("CAREPOST_VIEWER") {
        Some(viewer) => Command::new(viewer),
        None if cfg!(target_os = "macos") => {
            let mut c = Command::new("open");
            c.arg("-W");
            c
        }
        None if cfg!(windows) => {
            let mut c = Command::new("cmd");
            c.args(["/C", "start", "/WAIT", ""]);
            c
        }
        None => Command::new("xdg-open"),
    };
    let started = Instant::now();
    let status = command.arg(path).status().map_err(|e| Error::Viewer(e.to_string()))?;
    if !status.success() {
        return Err(Error::Viewer(status.to_string()));
    }
    Ok(if started.elapsed() >= LAUNCHER_THRESHOLD { Viewed::Closed } else { Viewed::Launched })
}
