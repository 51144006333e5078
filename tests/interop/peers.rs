//! Other OpenPGP implementations, driven the way their own users drive
//! them, each in a throw-away directory.
//!
//! Every peer runs with `HOME` (and, where the tool has one, its home
//! directory option) pointing into a temporary directory, so that no test
//! ever reads or writes a developer's real keyrings. A test that
//! needs a peer is marked ignored by build.rs when the program is missing
//! on a developer machine; a constructor that still finds it missing
//! panics (see `common::have_peer`).

use crate::common::{have_peer, Gpg};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary working directory for one peer, with its own `HOME`.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new(prefix: &str) -> Sandbox {
        let dir = tempfile::Builder::new().prefix(prefix).tempdir().unwrap();
        std::fs::create_dir(dir.path().join("home")).unwrap();
        Sandbox { dir }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `program` with `HOME` inside the sandbox and the sandbox as its
    /// working directory.
    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("HOME", self.path("home"))
            .env_remove("GNUPGHOME")
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }
}

/// Runs `cmd`, optionally feeding `stdin` from a file and sending stdout
/// to a file.
fn run(mut cmd: Command, stdin: Option<&Path>, stdout: Option<&Path>) -> Output {
    if let Some(input) = stdin {
        cmd.stdin(std::fs::File::open(input).unwrap());
    }
    if let Some(output) = stdout {
        cmd.stdout(std::fs::File::create(output).unwrap());
    }
    cmd.output().expect("the peer runs")
}

/// Panics with the peer's stderr unless it succeeded.
pub fn check(what: &str, out: Output) -> Output {
    assert!(out.status.success(), "{what} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr));
    out
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// GnuPG with a throw-away home, whose agent is stopped when the test is
/// done (otherwise every test would leave a `gpg-agent` behind).
pub struct GpgUser {
    pub gpg: Gpg,
}

impl GpgUser {
    pub fn new() -> Option<GpgUser> {
        Gpg::new().map(|gpg| GpgUser { gpg })
    }

    /// A Curve25519 key as `gpg --quick-gen-key UID future-default`
    /// makes it (Ed25519 primary that signs, Cv25519 encryption
    /// subkey). Returns the fingerprint.
    pub fn generate_curve25519(&self, uid: &str) -> String {
        self.gpg.run(&["--quick-gen-key", uid, "future-default", "default", "0"]);
        self.gpg.fingerprint(uid)
    }

    /// An RSA-3072 primary key that signs and certifies, with an RSA-3072
    /// encryption subkey. Returns the fingerprint.
    pub fn generate_rsa3072(&self, uid: &str) -> String {
        self.gpg.generate(uid, "rsa3072", Some("rsa3072"), "0")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.gpg.home().join(name)
    }
}

impl Drop for GpgUser {
    fn drop(&mut self) {
        let _ = Command::new("gpgconf")
            .env("GNUPGHOME", self.gpg.home())
            .args(["--kill", "all"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Sequoia's `sq` 0.27 (sequoia-openpgp 1.x), used statelessly: keys and
/// certificates are files.
pub struct Sq {
    pub sandbox: Sandbox,
}

impl Sq {
    pub fn new() -> Option<Sq> {
        have_peer("sq").then(|| Sq { sandbox: Sandbox::new("sq") })
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.sandbox.path(name)
    }

    fn sq(&self, args: &[&str]) -> Output {
        let mut cmd = self.sandbox.command("sq");
        cmd.arg("--force").args(args);
        run(cmd, None, None)
    }

    /// Generates a key (`sq`'s default layout: certification-only
    /// primary, signing, authentication and encryption subkeys) and
    /// returns the paths of the secret key and the certificate.
    pub fn generate(&self, userid: &str, name: &str) -> (PathBuf, PathBuf) {
        let key = self.path(&format!("{name}.key.asc"));
        let cert = self.path(&format!("{name}.cert.asc"));
        check(
            "sq key generate",
            self.sq(&["key", "generate", "--userid", userid, "--expires-in", "never", "--export", s(&key)]),
        );
        check("sq key extract-cert", self.sq(&["key", "extract-cert", "--output", s(&cert), s(&key)]));
        (key, cert)
    }

    /// Signs with `signer_key` and encrypts to `recipient_cert`;
    /// `compression` as `sq encrypt --compression` takes it, `None` for
    /// `sq`'s default.
    pub fn encrypt(
        &self,
        recipient_cert: &Path,
        signer_key: &Path,
        input: &Path,
        output: &Path,
        compression: Option<&str>,
    ) {
        let mut args = vec![
            "encrypt",
            "--recipient-cert",
            s(recipient_cert),
            "--signer-key",
            s(signer_key),
            "--output",
            s(output),
        ];
        if let Some(c) = compression {
            args.extend(["--compression", c]);
        }
        args.push(s(input));
        check("sq encrypt", self.sq(&args));
    }

    /// `sq decrypt`, requiring a signature by `signer_cert`; the caller
    /// checks the result.
    pub fn decrypt(&self, key: &Path, signer_cert: &Path, input: &Path, output: &Path) -> Output {
        self.sq(&[
            "decrypt",
            "--recipient-key",
            s(key),
            "--signer-cert",
            s(signer_cert),
            "--output",
            s(output),
            s(input),
        ])
    }
}

/// RNP 0.16 (Botan), with its own home directory.
pub struct Rnp {
    pub sandbox: Sandbox,
}

impl Rnp {
    pub fn new() -> Option<Rnp> {
        if !have_peer("rnp") || !have_peer("rnpkeys") {
            return None;
        }
        let sandbox = Sandbox::new("rnp");
        let home = sandbox.path("rnp-home");
        std::fs::create_dir(&home).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        Some(Rnp { sandbox })
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.sandbox.path(name)
    }

    fn cmd(&self, program: &str) -> Command {
        let mut cmd = self.sandbox.command(program);
        cmd.arg("--homedir").arg(self.path("rnp-home"));
        cmd
    }

    /// An EdDSA + Curve25519 key through `--expert` (answer 22). The
    /// expert dialogue loops forever at end of input, hence `timeout`.
    pub fn generate_curve25519(&self, userid: &str) {
        let answers = self.path("expert-answers");
        std::fs::write(&answers, "22\n").unwrap();
        let mut cmd = self.sandbox.command("timeout");
        cmd.arg("20").arg("rnpkeys").arg("--homedir").arg(self.path("rnp-home")).args([
            "--notty",
            "--generate-key",
            "--expert",
            "--expiration",
            "0",
            "--userid",
            userid,
            "--password",
            "",
        ]);
        check("rnpkeys --generate-key --expert", run(cmd, Some(&answers), None));
    }

    /// rnp's default key: RSA primary that signs, RSA encryption subkey.
    pub fn generate_rsa3072(&self, userid: &str) {
        let mut cmd = self.cmd("rnpkeys");
        cmd.args(["--generate-key", "--numbits", "3072", "--expiration", "0", "--userid", userid, "--password", ""]);
        check("rnpkeys --generate-key", run(cmd, None, None));
    }

    /// Exports the public key of `who` to a new file.
    pub fn export(&self, who: &str, name: &str) -> PathBuf {
        let path = self.path(name);
        let mut cmd = self.cmd("rnpkeys");
        cmd.args(["--export-key", "--output", s(&path), who]);
        check("rnpkeys --export-key", run(cmd, None, None));
        path
    }

    pub fn import(&self, path: &Path) {
        let mut cmd = self.cmd("rnpkeys");
        cmd.args(["--import", s(path)]);
        check("rnpkeys --import", run(cmd, None, None));
    }

    /// Signs as `signer` and encrypts to `recipient` (both in the
    /// keyring); rnp compresses by default, `-z 0` turns it off.
    pub fn encrypt(&self, signer: &str, recipient: &str, input: &Path, output: &Path, armor: bool, compress: bool) {
        let mut cmd = self.cmd("rnp");
        cmd.args(["--notty", "-e", "-s", "-u", signer, "-r", recipient, "--password", "", "--output", s(output)]);
        if armor {
            cmd.arg("--armor");
        }
        if !compress {
            cmd.args(["-z", "0"]);
        }
        cmd.arg(input);
        check("rnp -e -s", run(cmd, None, None));
    }

    /// Like [`Rnp::encrypt`] (binary, rnp's default compression) with
    /// `--aead=MODE`: LibrePGP's AEAD packet (tag 20, version 1), the
    /// format GnuPG 2.3 and later call "OCB mode".
    pub fn encrypt_librepgp_aead(&self, signer: &str, recipient: &str, input: &Path, output: &Path, mode: &str) {
        let mut cmd = self.cmd("rnp");
        cmd.args(["--notty", "-e", "-s", "-u", signer, "-r", recipient, "--password", ""])
            .arg(format!("--aead={mode}"))
            .args(["--output", s(output)])
            .arg(input);
        check("rnp -e -s --aead", run(cmd, None, None));
    }

    /// `rnp -d`; the caller checks the result (rnp exits 0 even when it
    /// could not verify the signature: read stderr).
    pub fn decrypt(&self, input: &Path, output: &Path) -> Output {
        let mut cmd = self.cmd("rnp");
        cmd.args(["--notty", "-d", "--password", "", "--output", s(output), s(input)]);
        run(cmd, None, None)
    }
}

/// A Stateless OpenPGP (SOP) command-line tool: `sqop`, `gosop`,
/// `pgpainless-cli`.
pub struct Sop {
    pub program: &'static str,
    pub sandbox: Sandbox,
}

impl Sop {
    pub fn new(program: &'static str) -> Option<Sop> {
        have_peer(program).then(|| Sop { program, sandbox: Sandbox::new(program) })
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.sandbox.path(name)
    }

    fn sop(&self, args: &[&str], stdin: &Path, stdout: &Path) -> Output {
        let mut cmd = self.sandbox.command(self.program);
        cmd.args(args);
        run(cmd, Some(stdin), Some(stdout))
    }

    /// `generate-key` then `extract-cert`: paths of the key and the cert.
    pub fn generate(&self, userid: &str) -> (PathBuf, PathBuf) {
        let key = self.path("peer.key");
        let cert = self.path("peer.cert");
        let mut cmd = self.sandbox.command(self.program);
        cmd.args(["generate-key", userid]);
        check(&format!("{} generate-key", self.program), run(cmd, None, Some(&key)));
        check(&format!("{} extract-cert", self.program), self.sop(&["extract-cert"], &key, &cert));
        (key, cert)
    }

    /// `encrypt --sign-with=KEY CERT < input > output`, the tool's
    /// defaults otherwise.
    pub fn encrypt(&self, sign_with: &Path, cert: &Path, input: &Path, output: &Path) {
        let sign = format!("--sign-with={}", s(sign_with));
        check(&format!("{} encrypt", self.program), self.sop(&["encrypt", &sign, s(cert)], input, output));
    }

    /// `decrypt --verify-with=CERT KEY < input > output`; returns the
    /// verification lines the tool wrote.
    pub fn decrypt(&self, key: &Path, verify_with: &Path, input: &Path, output: &Path) -> String {
        // SOP tools refuse to overwrite an output file.
        let verifications = self.path("verifications");
        let _ = std::fs::remove_file(&verifications);
        // gosop predates the option's final name.
        let flag = if self.program == "gosop" { "--verify-out" } else { "--verifications-out" };
        let out = format!("{flag}={}", s(&verifications));
        let with = format!("--verify-with={}", s(verify_with));
        check(&format!("{} decrypt", self.program), self.sop(&["decrypt", &out, &with, s(key)], input, output));
        std::fs::read_to_string(verifications).unwrap()
    }
}
