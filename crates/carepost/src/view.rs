//! Viewing without saving: a private place for decrypted copies that live
//! minutes, and the program that shows them.
//!
//! The place is RAM-backed where the platform offers it
//! (`$XDG_RUNTIME_DIR`, else `/dev/shm`), in a new randomly named folder
//! only the user can enter; otherwise the home's own `tmp/view/`. Never a
//! shared `/tmp`.

use crate::error::{Error, Result};
use crate::home::Home;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A viewer that returns sooner than this only launched the real one
/// (`xdg-open` does that), so its exit says nothing about the document
/// being closed.
pub const LAUNCHER_THRESHOLD: Duration = Duration::from_secs(3);

/// A new private folder for one viewed copy.
///
/// Each view gets a folder of its own with a random name, created by
/// carepost with mode 0700 and checked (owner, mode, not a link) before
/// anything is written: `/dev/shm` is shared by every local user, and a
/// predictable name there lets another user plant a link that redirects
/// the document. A folder carepost did not just create is never used.
pub fn private_dir(home: &Home) -> Result<PathBuf> {
    let candidates = [
        std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).filter(|d| d.is_absolute()),
        Some(PathBuf::from("/dev/shm")),
    ];
    for base in candidates.into_iter().flatten() {
        if let Ok(dir) = new_private_dir(&base) {
            return Ok(dir);
        }
    }
    let fallback = home.tmp().join("view");
    home.ensure_dir(&home.tmp())?;
    home.ensure_dir(&fallback)?;
    new_private_dir(&fallback)
}

/// Creates `BASE/carepost-view-RANDOM` (mode 0700, failing if the name
/// exists) and checks what was created.
fn new_private_dir(base: &Path) -> Result<PathBuf> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(VIEW_DIR_PREFIX);
    // Explicit: without it the folder gets 0777 minus the umask.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(crate::home::DIR_MODE));
    let created = builder.tempdir_in(base).map_err(|e| Error::io("io-create-dir", base, e))?;
    let dir = created.keep();
    if let Err(e) = check_private_dir(&dir) {
        let _ = std::fs::remove_dir(&dir);
        return Err(e);
    }
    Ok(dir)
}

/// The name every view folder starts with.
pub const VIEW_DIR_PREFIX: &str = "carepost-view-";

/// A real folder (not a link), owned by this user, mode exactly 0700.
fn check_private_dir(dir: &Path) -> Result<()> {
    let meta = std::fs::symlink_metadata(dir).map_err(|e| Error::io("io-inspect", dir, e))?;
    if !meta.file_type().is_dir() {
        return Err(Error::OutputDir(dir.to_path_buf()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != uid() {
            return Err(Error::ForeignOwner { path: dir.to_path_buf() });
        }
        let mode = meta.mode() & 0o7777;
        if mode != crate::home::DIR_MODE {
            return Err(Error::UnsafePermissions { path: dir.to_path_buf(), mode, wanted: crate::home::DIR_MODE });
        }
    }
    Ok(())
}

/// The name a viewed copy gets inside its private folder: neutral, so the
/// viewer's command line (visible to every user in `ps`) does not carry
/// the document's real name, but with its extension, so the right program
/// opens it.
pub fn neutral_name(filename: &str) -> String {
    match Path::new(filename).extension().and_then(|e| e.to_str()) {
        Some(ext) if !ext.is_empty() && ext.len() <= 10 && ext.chars().all(|c| c.is_ascii_alphanumeric()) => {
            format!("document.{}", ext.to_ascii_lowercase())
        }
        _ => "document".to_owned(),
    }
}

/// Removes a view's folder once its copy is gone (it is carepost's own,
/// and empty then; a folder that is not empty stays).
pub fn remove_dir_of(copy: &Path) {
    if let Some(dir) = copy.parent() {
        if dir.file_name().is_some_and(|n| n.to_string_lossy().starts_with(VIEW_DIR_PREFIX)) {
            let _ = std::fs::remove_dir(dir);
        }
    }
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

/// The command a person types to open `path` (a document or a folder) in
/// the program the desktop chooses: `xdg-open`, `open` on macOS, `start` on
/// Windows; the path quoted for the shell and escaped for the terminal.
pub fn open_command(path: &Path) -> String {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "start \"\""
    } else {
        "xdg-open"
    };
    format!("{program} {}", crate::error::shell_quote(&path.display().to_string()))
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
    let status = command.arg(path).status().map_err(|e| Error::Viewer(crate::error::io_reason(&e)))?;
    if !status.success() {
        return Err(Error::Viewer(status.to_string()));
    }
    Ok(if started.elapsed() >= LAUNCHER_THRESHOLD { Viewed::Closed } else { Viewed::Launched })
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn the_open_command_quotes_the_path() {
        assert_eq!(
            super::open_command(std::path::Path::new("/home/dr a/brief.pdf")),
            "xdg-open '/home/dr a/brief.pdf'"
        );
        assert_eq!(super::open_command(std::path::Path::new("/tmp/x.pdf")), "xdg-open /tmp/x.pdf");
    }

    use super::*;

    #[test]
    fn viewed_copies_get_a_neutral_name_with_the_extension() {
        assert_eq!(neutral_name("Jansen_uitslag.PDF"), "document.pdf");
        assert_eq!(neutral_name("foto.jpg"), "document.jpg");
        assert_eq!(neutral_name("Jansen"), "document");
        assert_eq!(neutral_name("x.Jansen de Vries"), "document");
    }

    #[test]
    #[cfg(unix)]
    fn each_view_gets_a_new_private_folder() {
        let base = tempfile::tempdir().unwrap();
        let a = new_private_dir(base.path()).unwrap();
        let b = new_private_dir(base.path()).unwrap();
        assert_ne!(a, b);
        use std::os::unix::fs::MetadataExt;
        assert_eq!(std::fs::symlink_metadata(&a).unwrap().mode() & 0o7777, 0o700);
    }
}
