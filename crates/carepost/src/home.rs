//! The data home: where it is, its layout, its permissions, and how files
//! in it are written.
//!
//! ```text
//! HOME/                 0700, owned by the user
//!   state.db            SQLite state (contacts, settings), WAL mode, 0600
//!   identity/key.pgp    the identity's secret key, passphrase-protected, 0600
//!   identity/revocation.asc  revocation certificate for the identity, 0600
//!   outbox/  inbox/     documents carepost wrote, 0700
//!   tmp/                partial output before it is complete, 0700
//! ```
//!
//! With the platform's default home (no `--home`, no `CAREPOST_HOME`),
//! the encrypted files `send` writes go to `Documents/carepost/outbox`
//! instead, where a mail program's attach dialog finds them; the home's
//! `outbox/` then keeps only the emails carepost sends itself. Received
//! documents stay in the private `inbox/`: they are plaintext, and a
//! Documents folder is often synced to a cloud beyond carepost's retention.
//! A named home keeps everything inside it.
//!
//! Every command checks the home before using it and refuses, as ssh does,
//! when group or others could read or write it.

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Mode for directories carepost creates.
pub const DIR_MODE: u32 = 0o700;
/// Mode for files carepost creates in the home.
pub const FILE_MODE: u32 = 0o600;

/// A data home directory and the well-known paths inside it.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
    /// Where `send` puts the encrypted files to attach.
    outbox: PathBuf,
}

impl Home {
    /// The home named by the user, or the platform's data directory.
    pub fn locate(explicit: Option<PathBuf>) -> Result<Home> {
        let (root, documents) = match explicit {
            Some(path) => (path, None),
            None => (
                directories::ProjectDirs::from("", "", "carepost")
                    .map(|dirs| dirs.data_dir().to_path_buf())
                    .ok_or(Error::NoHomeDirectory)?,
                documents_dir(),
            ),
        };
        // Relative paths would change meaning if a later step changed the
        // working directory; pin them now.
        let root = if root.is_absolute() {
            root
        } else {
            std::env::current_dir().map_err(|e| Error::io("io-resolve", &root, e))?.join(root)
        };
        // Resolved once, here: recorded paths then hold no link, and purge
        // can refuse any link it meets on the way to a recorded file.
        let root = resolve_existing_prefix(&root);
        // The folder name does not follow the language: a name that changed
        // with `--lang` would split the files over two folders.
        let outbox = match documents {
            Some(documents) => resolve_existing_prefix(&documents.join("carepost").join("outbox")),
            None => root.join("outbox"),
        };
        Ok(Home { root, outbox })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
    pub fn state_db(&self) -> PathBuf {
        self.root.join("state.db")
    }
    pub fn identity_dir(&self) -> PathBuf {
        self.root.join("identity")
    }
    pub fn secret_key(&self) -> PathBuf {
        self.identity_dir().join("key.pgp")
    }
    pub fn revocation_certificate(&self) -> PathBuf {
        self.identity_dir().join("revocation.asc")
    }
    /// Where `send` writes the encrypted files to attach: the home's
    /// `outbox/`, or `Documents/carepost/outbox` for the default home.
    pub fn outbox(&self) -> PathBuf {
        self.outbox.clone()
    }
    /// The home's own `outbox/`, for the emails carepost sends itself
    /// (`send --smtp`); the same as [`Home::outbox`] for a named home.
    pub fn mail_outbox(&self) -> PathBuf {
        self.root.join("outbox")
    }
    /// The folders carepost writes documents into, each once.
    pub fn document_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.inbox(), self.mail_outbox()];
        if self.outbox != self.mail_outbox() {
            dirs.push(self.outbox());
        }
        dirs
    }
    pub fn inbox(&self) -> PathBuf {
        self.root.join("inbox")
    }
    pub fn tmp(&self) -> PathBuf {
        self.root.join("tmp")
    }
    pub fn audit_log(&self) -> PathBuf {
        self.root.join("audit.log")
    }
    pub fn sealed(&self) -> PathBuf {
        self.root.join("sealed")
    }
    /// Held while a purge runs, so that purges never race each other.
    pub fn purge_lock(&self) -> PathBuf {
        self.root.join("purge.lock")
    }

    pub fn exists(&self) -> bool {
        self.root.is_dir()
    }

    /// Creates the home and its folders with private permissions. Folders
    /// that exist already are checked, not changed.
    pub fn create(&self) -> Result<()> {
        create_private_dir_all(&self.root)?;
        for dir in [self.identity_dir(), self.mail_outbox(), self.inbox(), self.tmp()] {
            create_private_dir(&dir)?;
        }
        if self.outbox != self.mail_outbox() {
            create_private_dir_all(&self.outbox)?;
        }
        self.check()
    }

    /// Where a command writes its output: the folder the user named, which
    /// must exist (resolved, so that the records name the real place), or
    /// else `default`, one of the home's folders, created when missing.
    pub fn output_dir(&self, requested: Option<&Path>, default: PathBuf) -> Result<PathBuf> {
        match requested {
            Some(dir) if dir.is_dir() => std::fs::canonicalize(dir).map_err(|e| Error::io("io-resolve", dir, e)),
            Some(dir) => Err(Error::OutputDir(dir.to_path_buf())),
            None => {
                self.ensure_dir(&default)?;
                Ok(default)
            }
        }
    }

    /// Recreates a missing sub-folder of an existing home (e.g. a user
    /// deleted `inbox/`, or `Documents/carepost`), privately.
    pub fn ensure_dir(&self, dir: &Path) -> Result<()> {
        create_private_dir_all(dir)?;
        check_mode(dir, DIR_MODE)
    }

    /// Refuses to go on when the home or a secret in it is reachable by
    /// other users.
    pub fn check(&self) -> Result<()> {
        check_mode(&self.root, DIR_MODE)?;
        // The Documents outbox is not checked here: it holds ciphertext
        // only, and a Documents folder on a file system without modes must
        // not stop every command. `send` checks it before writing.
        for dir in [self.identity_dir(), self.tmp(), self.inbox(), self.mail_outbox()] {
            if dir.exists() {
                check_mode(&dir, DIR_MODE)?;
            }
        }
        for file in [self.secret_key(), self.revocation_certificate(), self.state_db(), self.audit_log()] {
            if file.exists() {
                check_mode(&file, FILE_MODE)?;
            }
        }
        Ok(())
    }
}

/// The user's Documents folder, when there is one on disk:
/// `$XDG_DOCUMENTS_DIR` when a desktop session sets it, else what the
/// platform says (on Linux `user-dirs.dirs`, which the `directories` crate
/// reads without looking at the environment). A folder that does not
/// exist, or that is the home folder itself (how `user-dirs.dirs` says
/// "none"), counts as none: carepost does not make a Documents folder.
fn documents_dir() -> Option<PathBuf> {
    let from_env = std::env::var_os("XDG_DOCUMENTS_DIR").map(PathBuf::from).filter(|d| d.is_absolute());
    let documents = from_env.or_else(|| directories::UserDirs::new()?.document_dir().map(Path::to_path_buf))?;
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    (documents.is_dir() && Some(&documents) != home.as_ref()).then_some(documents)
}

/// `path` with its longest existing prefix resolved (links followed, as
/// the user meant them) and the not-yet-created rest appended.
fn resolve_existing_prefix(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut prefix = path;
    loop {
        if let Ok(resolved) = fs::canonicalize(prefix) {
            return rest.iter().rev().fold(resolved, |acc: PathBuf, part| acc.join(part));
        }
        match (prefix.parent(), prefix.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                prefix = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(Error::io("io-create-dir", dir, e)),
    }
}

fn create_private_dir_all(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        if !parent.as_os_str().is_empty() && !parent.exists() {
            // Parents (e.g. ~/.local/share) get an explicit mode too:
            // without one they get 0777 minus the umask, which is 0777
            // under umask 000.
            let mut builder = fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
            builder.create(parent).map_err(|e| Error::io("io-create-dir", parent, e))?;
        }
    }
    create_private_dir(dir)
}

/// Whether any user may create, rename or delete entries in `dir` (as in
/// `/tmp`): they can then see the names of documents written there, and
/// watch for them.
pub fn is_shared_folder(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(dir).is_ok_and(|m| m.is_dir() && m.mode() & 0o002 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        false
    }
}

/// Fails with a `chmod` hint when `path` grants group or others any access
/// beyond what `wanted` allows, or belongs to another user.
pub fn check_mode(path: &Path, wanted: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::symlink_metadata(path).map_err(|e| Error::io("io-inspect", path, e))?;
        // A symlinked home is fine (users relocate data dirs); judge the target.
        let meta = if meta.file_type().is_symlink() {
            fs::metadata(path).map_err(|e| Error::io("io-inspect", path, e))?
        } else {
            meta
        };
        let mode = meta.mode() & 0o7777;
        if mode & 0o077 != 0 {
            return Err(Error::UnsafePermissions { path: path.to_path_buf(), mode, wanted });
        }
        if meta.uid() != current_uid() {
            return Err(Error::ForeignOwner { path: path.to_path_buf() });
        }
    }
    #[cfg(not(unix))]
    let _ = (path, wanted);
    Ok(())
}

#[cfg(unix)]
fn current_uid() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// Opens a new file that must not exist yet, private to the user.
pub fn create_new_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options.open(path)
}

/// Writes `bytes` to `path` all at once: a private temporary file in the
/// same directory is written, flushed to disk and renamed over `path`, so a
/// reader sees the old content or the new, never a mix. With `replace`
/// false, an existing file is never overwritten.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".carepost-")
        .suffix(".part")
        .permissions(private_permissions())
        .tempfile_in(dir)
        .map_err(|e| Error::io("io-write", path, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io("io-write", path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io("io-write", path, e))?;
    if replace {
        tmp.persist(path).map_err(|e| Error::io("io-write", path, e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| Error::io("io-write", path, e.error))?;
    }
    sync_dir(dir);
    Ok(())
}

/// Takes the advisory lock on `path` (created private if missing): the
/// standard library's flock on Unix, LockFileEx on Windows, which the
/// kernel drops with the last descriptor, also when the process is killed.
/// Waits for it when `wait` says so; otherwise `None` when another process
/// holds it. The lock lasts as long as the returned file.
pub fn lock_file(path: &Path, wait: bool) -> Result<Option<File>> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    let file = options.open(path).map_err(|e| Error::io("io-create", path, e))?;
    if wait {
        file.lock().map_err(|e| Error::io("io-create", path, e))?;
    } else {
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io("io-create", path, e)),
        }
    }
    Ok(Some(file))
}

/// Flushes a directory entry change (a rename) to disk where the platform
/// allows it; failure only weakens durability, never correctness.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

pub fn private_permissions() -> fs::Permissions {
    #[cfg(unix)]
    {
        std::os::unix::fs::PermissionsExt::from_mode(FILE_MODE)
    }
    #[cfg(not(unix))]
    {
        tempfile::NamedTempFile::new()
            .and_then(|f| f.as_file().metadata())
            .map(|m| m.permissions())
            .expect("temporary file")
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn create_makes_a_private_home() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::locate(Some(dir.path().join("h"))).unwrap();
        home.create().unwrap();
        let mode = fs::metadata(home.root()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        home.check().unwrap();
    }

    #[test]
    fn readable_home_is_refused_with_a_chmod_hint() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::locate(Some(dir.path().join("h"))).unwrap();
        home.create().unwrap();
        fs::set_permissions(home.root(), fs::Permissions::from_mode(0o755)).unwrap();
        let err = home.check().unwrap_err();
        assert_eq!(err.exit_status().code(), 1);
        assert!(err.hint().unwrap().contains("chmod 700"));
    }

    #[test]
    fn group_readable_secret_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::locate(Some(dir.path().join("h"))).unwrap();
        home.create().unwrap();
        fs::write(home.secret_key(), b"x").unwrap();
        fs::set_permissions(home.secret_key(), fs::Permissions::from_mode(0o640)).unwrap();
        let err = home.check().unwrap_err();
        assert!(err.hint().unwrap().contains("chmod 600"));
    }

    #[test]
    fn atomic_write_never_clobbers_without_permission() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        write_atomic(&path, b"one", false).unwrap();
        assert!(write_atomic(&path, b"two", false).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // No temporary files are left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
