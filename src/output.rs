//! Output files that appear under their final name only when complete.
//!
//! A [`PendingFile`] is written first and given a name last, without ever
//! replacing an existing file. On Linux it is created with `O_TMPFILE`: it
//! has no name at all until it is linked in, so a crash or a `kill -9`
//! mid-write leaves nothing behind. Elsewhere (or on file systems without
//! `O_TMPFILE`) it is a hidden `.carepost-*.part` file holding an exclusive
//! lock while it is written; [`clean_leftovers`] removes such files whose
//! writer has died.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::{Seek, SeekFrom};
use std::path::{Path, PathBuf};

const PART_PREFIX: &str = ".carepost-";
const PART_SUFFIX: &str = ".part";
/// How many `name-N` alternatives to try before giving up.
const MAX_SUFFIX: u32 = 10_000;

enum Backing {
    #[cfg(target_os = "linux")]
    Anonymous,
    Named(tempfile::TempPath),
}

/// A file being written in `dir` that has no visible name yet.
pub struct PendingFile {
    file: File,
    dir: PathBuf,
    backing: Backing,
}

impl PendingFile {
    /// Starts a new private (0600) file in `dir`.
    pub fn new_in(dir: &Path) -> Result<PendingFile> {
        #[cfg(target_os = "linux")]
        if let Some(file) = anonymous_in(dir) {
            return Ok(PendingFile { file, dir: dir.to_path_buf(), backing: Backing::Anonymous });
        }
        let named = tempfile::Builder::new()
            .prefix(PART_PREFIX)
            .suffix(PART_SUFFIX)
            .permissions(crate::home::private_permissions())
            .tempfile_in(dir)
            .map_err(|e| Error::io("io-create", dir, e))?;
        let (file, path) = named.into_parts();
        #[cfg(unix)]
        rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive)
            .map_err(|e| Error::io("io-create", &*path, e.into()))?;
        Ok(PendingFile { file, dir: dir.to_path_buf(), backing: Backing::Named(path) })
    }

    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// Reads the content back from the start (e.g. to hash what was written).
    pub fn rewind(&mut self) -> Result<&mut File> {
        self.file.seek(SeekFrom::Start(0)).map_err(|e| Error::io("io-read", &self.dir, e))?;
        Ok(&mut self.file)
    }

    /// Flushes the content to disk and gives it the first free name among
    /// `name`, `name-2`, `name-3`, … in its directory. Never replaces an
    /// existing file. Returns the final path.
    pub fn persist(mut self, name: &str) -> Result<PathBuf> {
        assert!(!name.is_empty() && !name.contains('/') && name != "." && name != "..", "persist takes a base name");
        self.file.sync_all().map_err(|e| Error::io("io-write", &self.dir, e))?;
        for n in 1..=MAX_SUFFIX {
            let target = self.dir.join(crate::names::with_suffix(name, n));
            match self.link(&target) {
                Ok(()) => {
                    crate::home::sync_dir(&self.dir);
                    return Ok(target);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(Error::io("io-write", target, e)),
            }
        }
        Err(Error::io("io-write", self.dir.join(name), std::io::ErrorKind::AlreadyExists.into()))
    }

    /// Like [`PendingFile::persist`], but under exactly `name`: fails
    /// (with `AlreadyExists`) rather than choosing another name, for a
    /// path the user gave.
    pub fn persist_new(mut self, name: &str) -> Result<PathBuf> {
        assert!(!name.is_empty() && !name.contains('/') && name != "." && name != "..", "persist takes a base name");
        self.file.sync_all().map_err(|e| Error::io("io-write", &self.dir, e))?;
        let target = self.dir.join(name);
        match self.link(&target) {
            Ok(()) => {
                crate::home::sync_dir(&self.dir);
                Ok(target)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::OutputExists(target)),
            Err(e) => Err(Error::io("io-write", target, e)),
        }
    }

    fn link(&mut self, target: &Path) -> std::io::Result<()> {
        match &mut self.backing {
            #[cfg(target_os = "linux")]
            Backing::Anonymous => {
                use std::os::fd::AsRawFd;
                let proc_path = format!("/proc/self/fd/{}", self.file.as_raw_fd());
                rustix::fs::linkat(
                    rustix::fs::CWD,
                    proc_path.as_str(),
                    rustix::fs::CWD,
                    target,
                    rustix::fs::AtFlags::SYMLINK_FOLLOW,
                )
                .map_err(std::io::Error::from)
            }
            Backing::Named(path) => {
                // A hard link fails if the target exists; then the
                // temporary name goes away with the TempPath.
                std::fs::hard_link(&**path, target)
            }
        }
    }
}

#[cfg(target_os = "linux")]
fn anonymous_in(dir: &Path) -> Option<File> {
    use rustix::fs::{Mode, OFlags};
    // Linking an anonymous file back in goes through /proc.
    if !Path::new("/proc/self/fd").is_dir() {
        return None;
    }
    rustix::fs::open(dir, OFlags::TMPFILE | OFlags::RDWR | OFlags::CLOEXEC, Mode::from_raw_mode(0o600))
        .ok()
        .map(File::from)
}

/// Removes `.carepost-*.part` files in `dir` whose writer is gone (their
/// lock can be taken). Returns how many were removed.
pub fn clean_leftovers(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(PART_PREFIX) && name.ends_with(PART_SUFFIX)) {
            continue;
        }
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let Ok(file) = File::open(entry.path()) else {
            continue;
        };
        #[cfg(unix)]
        if rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_err() {
            continue; // Still being written by a live process.
        }
        drop(file);
        if std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn nothing_is_visible_until_persisted() {
        let dir = tempfile::tempdir().unwrap();
        let mut pending = PendingFile::new_in(dir.path()).unwrap();
        pending.file().write_all(b"secret").unwrap();
        let visible: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        #[cfg(target_os = "linux")]
        assert!(visible.is_empty(), "{visible:?}");
        let path = pending.persist("a.pdf").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"secret");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn dropped_files_leave_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut pending = PendingFile::new_in(dir.path()).unwrap();
        pending.file().write_all(b"partial").unwrap();
        drop(pending);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn existing_files_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), b"mine").unwrap();
        std::fs::write(dir.path().join("a-2.pdf"), b"mine too").unwrap();
        let mut pending = PendingFile::new_in(dir.path()).unwrap();
        pending.file().write_all(b"new").unwrap();
        let path = pending.persist("a.pdf").unwrap();
        assert_eq!(path, dir.path().join("a-3.pdf"));
        assert_eq!(std::fs::read(dir.path().join("a.pdf")).unwrap(), b"mine");
    }

    #[cfg(unix)]
    #[test]
    fn persisted_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = PendingFile::new_in(dir.path()).unwrap().persist("x").unwrap();
        assert_eq!(std::fs::metadata(path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn leftovers_of_dead_writers_are_cleaned_but_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".carepost-dead.part"), b"stale plaintext").unwrap();
        std::fs::write(dir.path().join("unrelated.part"), b"not ours").unwrap();
        let live = tempfile::Builder::new().prefix(PART_PREFIX).suffix(PART_SUFFIX).tempfile_in(dir.path()).unwrap();
        #[cfg(unix)]
        rustix::fs::flock(live.as_file(), rustix::fs::FlockOperation::NonBlockingLockExclusive).unwrap();
        assert_eq!(clean_leftovers(dir.path()), 1);
        assert!(live.path().exists());
        assert!(dir.path().join("unrelated.part").exists());
    }
}
