//! Output files that appear under their final name only when complete.
//!
//! A [`PendingFile`] is written first and given a name last, without ever
//! replacing an existing file. On Linux it is created with `O_TMPFILE`: it
//! has no name at all until it is linked in, so a crash or a `kill -9`
//! mid-write leaves nothing behind. Elsewhere (or on file systems without
//! `O_TMPFILE`) it is a hidden `.carepost-*.part` file holding an exclusive
//! lock while it is written; [`clean_leftovers`] removes such files whose
//! writer has died. Because such a file can be in any folder (`open -o
//! DIR`), its path is first written to a journal in the home
//! ([`journal_parts_in`]), before any content, and [`clean_journaled`]
//! removes what a killed writer left wherever it was.
//!
//! Test hook: `CAREPOST_NO_TMPFILE=1` makes this module act as on a file
//! system without `O_TMPFILE`, so the fallback can be tested on Linux.

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
        // Held while the file is written: the lock tells a later run's
        // cleanup that its writer is alive.
        file.try_lock().map_err(|e| Error::io("io-create", &*path, e.into()))?;
        // Before a byte of plaintext goes in: a kill from here on leaves a
        // name the next run finds.
        journal_add(&path)?;
        Ok(PendingFile { file, dir: dir.to_path_buf(), backing: Backing::Named(path) })
    }

    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// The folder the file will be named in.
    pub fn dir(&self) -> &Path {
        &self.dir
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
    if std::env::var_os("CAREPOST_NO_TMPFILE").is_some_and(|v| v == "1") {
        return None;
    }
    // Linking an anonymous file back in goes through /proc.
    if !Path::new("/proc/self/fd").is_dir() {
        return None;
    }
    rustix::fs::open(dir, OFlags::TMPFILE | OFlags::RDWR | OFlags::CLOEXEC, Mode::from_raw_mode(0o600))
        .ok()
        .map(File::from)
}

static JOURNAL: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Names the journal of temporary `.part` files for this process (a file
/// in the home's private `tmp/`). Without one, nothing is journaled.
pub fn journal_parts_in(journal: PathBuf) {
    let _ = JOURNAL.set(journal);
}

/// Opens the journal, locked against other carepost processes.
fn open_journal(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, crate::home::FILE_MODE);
    let file = options.open(path)?;
    file.lock()?;
    Ok(file)
}

fn journal_add(part: &Path) -> Result<()> {
    match JOURNAL.get() {
        Some(journal) => journal_add_to(journal, part),
        None => Ok(()),
    }
}

/// Marks a journal line written by [`journal_line`].
const HEX_ENTRY: &str = "hex:";

/// `part` as one journal line: its exact bytes, hex-encoded, so that a
/// folder whose name is not UTF-8 (or holds a newline) comes back as the
/// same path and its leftover is found.
#[cfg(unix)]
fn journal_line(part: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut line = String::from(HEX_ENTRY);
    for byte in part.as_os_str().as_bytes() {
        line.push_str(&format!("{byte:02x}"));
    }
    line
}

#[cfg(not(unix))]
fn journal_line(part: &Path) -> String {
    part.as_os_str().to_string_lossy().into_owned()
}

/// The path of one journal line (also a plain path, as older versions
/// wrote).
fn journal_entry(line: &str) -> Option<PathBuf> {
    let Some(hex) = line.strip_prefix(HEX_ENTRY) else { return Some(PathBuf::from(line)) };
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = (0..hex.len())
            .step_by(2)
            .map(|i| hex.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
            .collect::<Option<Vec<u8>>>()?;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)))
    }
    #[cfg(not(unix))]
    {
        let _ = hex;
        None
    }
}

fn journal_add_to(journal: &Path, part: &Path) -> Result<()> {
    use std::io::Write;
    let mut line = journal_line(part);
    line.push('\n');
    open_journal(journal)
        .and_then(|mut f| f.write_all(line.as_bytes()).and_then(|()| f.sync_data()))
        .map_err(|e| Error::io("io-write", journal, e))
}

/// Removes the journaled `.part` files whose writer is gone, and forgets
/// every entry that is settled (removed now, or persisted/cleaned up by
/// its writer). Returns how many files were removed.
pub fn clean_journaled() -> usize {
    match JOURNAL.get() {
        Some(journal) => clean_journal(journal),
        None => 0,
    }
}

fn clean_journal(journal: &Path) -> usize {
    use std::io::{Read, Write};
    if !journal.exists() {
        return 0;
    }
    let Ok(mut file) = open_journal(journal) else { return 0 };
    let mut text = String::new();
    if file.read_to_string(&mut text).is_err() {
        return 0;
    }
    let mut removed = 0;
    let mut live = String::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let Some(path) = journal_entry(line) else { continue };
        match remove_if_abandoned(&path) {
            Leftover::Removed => removed += 1,
            Leftover::Gone => {}
            Leftover::InUse => {
                live.push_str(line);
                live.push('\n');
            }
        }
    }
    if file.set_len(0).is_ok() {
        let _ = file.write_all(live.as_bytes());
    }
    removed
}

enum Leftover {
    Removed,
    Gone,
    InUse,
}

/// Removes `path` if it is one of carepost's `.part` files (by name, a
/// regular file, not a link) and no live process holds its lock.
fn remove_if_abandoned(path: &Path) -> Leftover {
    let ours = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with(PART_PREFIX) && n.ends_with(PART_SUFFIX));
    let Ok(meta) = path.symlink_metadata() else { return Leftover::Gone };
    if !ours || !meta.is_file() {
        return Leftover::Gone;
    }
    let Ok(file) = File::open(path) else { return Leftover::InUse };
    if file.try_lock().is_err() {
        return Leftover::InUse;
    }
    drop(file);
    match std::fs::remove_file(path) {
        Ok(()) => Leftover::Removed,
        Err(_) => Leftover::InUse,
    }
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
        if file.try_lock().is_err() {
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

    #[cfg(unix)]
    #[test]
    fn a_journaled_leftover_in_a_folder_not_named_in_utf8_is_removed() {
        use std::os::unix::ffi::OsStrExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join(std::ffi::OsStr::from_bytes(b"ontvangen-\xff\nx"));
        std::fs::create_dir(&dir).unwrap();
        let part = dir.join(".carepost-dead.part");
        std::fs::write(&part, b"stale plaintext").unwrap();
        let journal = root.path().join("parts.journal");
        journal_add_to(&journal, &part).unwrap();
        // An entry an older version wrote (a plain path) still counts.
        let old = root.path().join(".carepost-old.part");
        std::fs::write(&old, b"stale too").unwrap();
        let mut text = std::fs::read_to_string(&journal).unwrap();
        text.push_str(&format!("{}\n", old.display()));
        std::fs::write(&journal, text).unwrap();
        assert_eq!(clean_journal(&journal), 2);
        assert!(!part.exists() && !old.exists());
        assert_eq!(std::fs::read_to_string(&journal).unwrap(), "");
    }

    #[test]
    fn leftovers_of_dead_writers_are_cleaned_but_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".carepost-dead.part"), b"stale plaintext").unwrap();
        std::fs::write(dir.path().join("unrelated.part"), b"not ours").unwrap();
        let live = tempfile::Builder::new().prefix(PART_PREFIX).suffix(PART_SUFFIX).tempfile_in(dir.path()).unwrap();
        live.as_file().try_lock().unwrap();
        assert_eq!(clean_leftovers(dir.path()), 1);
        assert!(live.path().exists());
        assert!(dir.path().join("unrelated.part").exists());
    }
}
