//! Shared test scaffolding: a throw-away carepost home driven through the
//! real binary, and a throw-away GnuPG home to make keys and messages the
//! way other people's software does.
//!
//! Nothing here touches the developer's real home, keychain or ~/.gnupg:
//! every command gets `--home` in a temporary directory, a passphrase file,
//! and `--no-keychain` unless a test starts its own keychain.

#![allow(dead_code)]

pub mod keyserver;
pub mod mail;
pub mod password;
pub mod smtp;
pub mod tls;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub const PASSPHRASE: &str = "test passphrase, not for real use";

/// Whether the suite runs in CI, where a missing peer is a failure.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Checks that `program` runs; panics when it does not. A test that needs
/// a peer carries `#[cfg_attr(missing_PEER, ignore = "...")]`, set by
/// build.rs when the peer is missing off CI, so reaching here without the
/// peer means CI lacks it, or it went away after the tests were built.
/// Returns true so callers can keep their `if !have_peer(..)` shape.
pub fn have_peer(program: &str) -> bool {
    let found = std::process::Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        missing_peer(&format!("`{program}` is not installed"));
    }
    found
}

/// Fails the test for a peer that is required but missing or unusable.
pub fn missing_peer(why: &str) -> ! {
    if in_ci() {
        panic!("{why}; CI needs every peer, and .ci/run installs them");
    }
    panic!(
        "{why}, yet this test was not marked ignored: it was there when the tests \
         were built; install it, or rebuild the tests (`touch build.rs`) to mark them ignored"
    );
}

/// A carepost home in a temporary directory.
pub struct Carepost {
    pub dir: tempfile::TempDir,
    pub home: PathBuf,
    pub passphrase_file: PathBuf,
}

impl Carepost {
    pub fn new() -> Carepost {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let passphrase_file = dir.path().join("passphrase");
        write_secret(&passphrase_file, format!("{PASSPHRASE}\n").as_bytes());
        Carepost { dir, home, passphrase_file }
    }

    /// A home with an identity already created.
    pub fn with_identity(name: &str, email: &str) -> Carepost {
        let cp = Carepost::new();
        cp.cmd().args(["init", "--name", name, "--email", email]).assert().success();
        cp
    }

    /// `carepost` with this home, the passphrase file and no keychain.
    pub fn cmd(&self) -> Command {
        let mut cmd = self.bare_cmd();
        cmd.arg("--passphrase-file").arg(&self.passphrase_file);
        cmd
    }

    /// `carepost` with this home and no keychain, without a passphrase.
    pub fn bare_cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("carepost").unwrap();
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("CAREPOST_LANG", "en")
            // Dates are shown in local time: the same for every developer.
            .env("TZ", "UTC")
            .arg("--home")
            .arg(&self.home)
            .arg("--no-keychain");
        cmd
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs a command with `--json` and parses its stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.cmd().arg("--json").args(args).output().unwrap();
        assert!(out.status.success(), "carepost {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    pub fn fingerprint(&self) -> String {
        self.json(&["whoami"])["fingerprint"].as_str().unwrap().to_owned()
    }

    /// Exports this identity's public key to a file and returns its path.
    pub fn export_key(&self) -> PathBuf {
        let path = self.path("my-key.asc");
        if !path.exists() {
            self.cmd().args(["export-key", "-o"]).arg(&path).assert().success();
        }
        path
    }

    /// Adds another carepost user as a contact, verified.
    pub fn add_verified(&self, alias: &str, other: &Carepost) {
        // Added as a patient (the default kind), told about the channel
        // and agreed: nothing is sent to a patient without consent.
        self.cmd()
            .args(["contact", "add", alias, "--consent", "verbal", "--key-file"])
            .arg(other.export_key())
            .assert()
            .success();
        self.cmd().args(["contact", "verify", alias, "--fingerprint", &other.fingerprint()]).assert().success();
    }
}

/// What a finished command wrote on stderr.
pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a finished command wrote on stdout.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A finished command's exit code.
pub fn code(out: &std::process::Output) -> i32 {
    out.status.code().expect("exited normally")
}

/// Parses a successful command's JSON result.
pub fn ok_json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "exit {:?}: {}", out.status.code(), stderr(out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not one JSON document ({e}): {}", stdout(out)))
}

/// Writes `content` to `name` in `cp`'s temporary directory.
pub fn write(cp: &Carepost, name: &str, content: &[u8]) -> PathBuf {
    let path = cp.path(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// A clinician (alias `dr-jansen` for the patient) and a patient (alias
/// `p-0042` for the clinician), each with carepost, who verified each other.
pub fn pair() -> (Carepost, Carepost) {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    clinician.add_verified("p-0042", &patient);
    patient.add_verified("dr-jansen", &clinician);
    (clinician, patient)
}

/// A GnuPG home in a temporary directory, unattended and passphrase-free.
pub struct Gpg {
    pub dir: tempfile::TempDir,
}

impl Gpg {
    pub fn new() -> Option<Gpg> {
        if !have_peer("gpg") {
            return None;
        }
        let dir = tempfile::Builder::new().prefix("gpg").tempdir().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        Some(Gpg { dir })
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    /// Runs gpg with this home; panics with gpg's stderr on failure.
    pub fn run(&self, args: &[&str]) -> Vec<u8> {
        let out = self.run_raw(args, None);
        assert!(out.status.success(), "gpg {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    }

    pub fn run_raw(&self, args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
        use std::io::Write;
        let mut cmd = std::process::Command::new("gpg");
        cmd.env("GNUPGHOME", self.home())
            .args(["--batch", "--yes", "--no-tty", "--pinentry-mode", "loopback", "--passphrase", ""])
            .args(args)
            .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("gpg runs");
        if let Some(input) = stdin {
            child.stdin.take().unwrap().write_all(input).unwrap();
        }
        child.wait_with_output().unwrap()
    }

    /// Fingerprint of the (single) key whose user ID contains `uid`.
    pub fn fingerprint(&self, uid: &str) -> String {
        let out = String::from_utf8(self.run(&["--with-colons", "--list-keys", uid])).unwrap();
        out.lines().find(|l| l.starts_with("fpr:")).and_then(|l| l.split(':').nth(9)).expect("a fingerprint").to_owned()
    }

    /// Generates a key: `algo` is e.g. "ed25519" or "rsa3072", and an
    /// encryption subkey (`cv25519` / same RSA size) is added when
    /// `encryption_subkey` names one. Returns the fingerprint.
    pub fn generate(&self, uid: &str, algo: &str, encryption_subkey: Option<&str>, expire: &str) -> String {
        self.run(&["--quick-gen-key", uid, algo, "sign,cert", expire]);
        let fpr = self.fingerprint(uid);
        if let Some(sub) = encryption_subkey {
            self.run(&["--quick-add-key", &fpr, sub, "encr", expire]);
        }
        fpr
    }

    /// Writes the armored public key of `uid` to `path`.
    pub fn export(&self, uid: &str, path: &Path) {
        let armored = self.run(&["--armor", "--export", uid]);
        std::fs::write(path, armored).unwrap();
    }

    pub fn import(&self, path: &Path) {
        self.run(&["--import", path.to_str().unwrap()]);
    }
}

impl Gpg {
    /// Runs gpg with extra arguments before the command, e.g.
    /// `--faked-system-time`, and returns the fingerprint of `uid`.
    pub fn quick_gen_key(&self, options: &[&str], uid: &str, algo: &str, usage: &str, expire: &str) -> String {
        let mut args = options.to_vec();
        args.extend(["--quick-gen-key", uid, algo, usage, expire]);
        self.run(&args);
        self.fingerprint(uid)
    }

    /// The key's public certificate, binary (unarmored).
    pub fn export_binary(&self, uid: &str) -> Vec<u8> {
        self.run(&["--export", uid])
    }

    /// The key including its secret parts, armored, as people send it by
    /// mistake when asked for their public key.
    pub fn export_secret_armored(&self, uid: &str) -> Vec<u8> {
        self.run(&["--armor", "--export-secret-keys", uid])
    }

    /// The key including its secret parts, binary.
    pub fn export_secret_binary(&self, uid: &str) -> Vec<u8> {
        self.run(&["--export-secret-keys", uid])
    }

    /// Revokes the key `fingerprint` with the revocation certificate gpg
    /// wrote when it made the key.
    pub fn revoke(&self, fingerprint: &str) {
        let path = self.home().join("openpgp-revocs.d").join(format!("{fingerprint}.rev"));
        let text = std::fs::read_to_string(&path).unwrap();
        // gpg prefixes the armor line with ':' so it cannot be imported by accident.
        let armored = text.replacen(":-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----", 1);
        assert_ne!(armored, text, "gpg's revocation certificate changed format");
        let out = self.run_raw(&["--import"], Some(armored.as_bytes()));
        assert!(out.status.success(), "importing the revocation failed: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// When gpg says the primary key `fingerprint` expires (seconds since
    /// the epoch), if ever.
    pub fn expiry(&self, fingerprint: &str) -> Option<u64> {
        let out = String::from_utf8(self.run(&["--with-colons", "--list-keys", fingerprint])).unwrap();
        let pub_line = out.lines().find(|l| l.starts_with("pub:")).expect("a pub line");
        pub_line.split(':').nth(6).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap())
    }
}

impl Drop for Gpg {
    /// Stops the gpg-agent this home started, so tests leave no daemons.
    fn drop(&mut self) {
        let _ = std::process::Command::new("gpgconf")
            .env("GNUPGHOME", self.home())
            .args(["--kill", "gpg-agent"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Writes a passphrase or password file readable by its owner only, as
/// carepost requires (it refuses secret files others can read).
pub fn write_secret(path: &Path, content: &[u8]) {
    std::fs::write(path, content).unwrap();
    #[cfg(unix)]
    std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
}

/// The commands listed under "Commands:" in an English `--help` text,
/// without the generated `help` command (a description wrapped onto the
/// next line is indented further, and skipped).
pub fn listed_commands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter(|line| !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(|name| name.trim_end_matches(',').to_owned())
        .collect()
}

/// The workspace's root folder (the command-line crate's).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, recursively.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Runs a Python sqlite3 script on the home's state database (to put a
/// home back as an older schema had it, or to read what it holds).
pub fn python_sqlite(cp: &Carepost, script: &str) -> String {
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(cp.home.join("state.db"))
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// `carepost` on this home under strace, which logs to `log` every
/// program started and every byte written or sent: the caller adds the
/// command's arguments.
pub fn under_strace(cp: &Carepost, log: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new("strace");
    cmd.args(["-f", "-qq", "-s", "65536", "-e", "trace=execve,write,writev,pwrite64,sendto,sendmsg", "-o"])
        .arg(log)
        .arg(assert_cmd::cargo::cargo_bin("carepost"))
        .env_clear()
        .env("CAREPOST_LANG", "en")
        .arg("--home")
        .arg(&cp.home)
        .args(["--no-keychain", "--passphrase-file"])
        .arg(&cp.passphrase_file);
    cmd
}
