//! The real SMTP server the delivery tests send to: aiosmtpd
//! (`tests/fixtures/smtp_server.py`) on loopback, speaking STARTTLS,
//! implicit TLS or plain SMTP with a certificate made for the test run by
//! `openssl`, requiring AUTH, and keeping every message it accepts as a
//! file with its envelope beside it.

use super::have_peer;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The account the test server accepts.
pub const SMTP_USER: &str = "dr.jansen@praktijk.test";
pub const SMTP_PASSWORD: &str = "smtp password, not for real use";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Checks that python3 with aiosmtpd, openssl and gpg are here, failing
/// the test otherwise (tests needing them are marked ignored by build.rs
/// through `missing_smtp_peers` when they are missing off CI).
pub fn have_tools() -> bool {
    if !(have_peer("python3") && have_peer("gpg") && have_peer("openssl")) {
        return false;
    }
    let aiosmtpd = Command::new("python3").args(["-c", "import aiosmtpd"]).stderr(Stdio::null()).status();
    if !aiosmtpd.is_ok_and(|s| s.success()) {
        super::missing_peer("Python's aiosmtpd is not installed (python3 -m pip install aiosmtpd)");
    }
    true
}

/// A test CA and a server certificate for 127.0.0.1 and localhost, made
/// once per test run.
pub struct Certs {
    _dir: tempfile::TempDir,
    pub ca: PathBuf,
    pub chain: PathBuf,
    pub key: PathBuf,
}

pub fn certs() -> &'static Certs {
    static CERTS: OnceLock<Certs> = OnceLock::new();
    CERTS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let made = super::tls::server_certificate(dir.path(), &["127.0.0.1", "localhost"]);
        Certs { ca: made.ca, chain: made.chain, key: made.key, _dir: dir }
    })
}

#[derive(Clone, Copy, PartialEq)]
pub enum Tls {
    Starttls,
    Implicit,
    None,
}

impl Tls {
    pub fn arg(self) -> &'static str {
        match self {
            Tls::Starttls => "starttls",
            Tls::Implicit => "implicit",
            Tls::None => "none",
        }
    }
}

/// The aiosmtpd server of `tests/fixtures/smtp_server.py`, killed on drop.
pub struct Server {
    child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

#[derive(Default)]
pub struct ServerOptions<'a> {
    pub reject: Option<&'a str>,
    pub size_limit: Option<u64>,
    pub password: Option<&'a str>,
}

impl Server {
    pub fn start(tls: Tls, options: ServerOptions<'_>) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let outdir = dir.path().join("received");
        std::fs::create_dir(&outdir).unwrap();
        let password_file = dir.path().join("server-password");
        std::fs::write(&password_file, options.password.unwrap_or(SMTP_PASSWORD)).unwrap();
        let certs = certs();
        let mut cmd = Command::new("python3");
        cmd.arg(fixture("smtp_server.py"))
            .arg("--outdir")
            .arg(&outdir)
            .args(["--tls", tls.arg(), "--user", SMTP_USER])
            .arg("--password-file")
            .arg(&password_file)
            .arg("--cert")
            .arg(&certs.chain)
            .arg("--key")
            .arg(&certs.key);
        if let Some(reject) = options.reject {
            cmd.args(["--reject", reject]);
        }
        if let Some(limit) = options.size_limit {
            cmd.args(["--size-limit", &limit.to_string()]);
        }
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).expect("the SMTP server starts within 30 s");
        let port = line.trim().strip_prefix("READY ").and_then(|p| p.parse().ok()).unwrap_or_else(|| {
            let _ = child.kill();
            panic!("the SMTP server did not start: {line:?}")
        });
        Server { child, port, dir }
    }

    /// The messages received so far, in order.
    pub fn received(&self) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(self.dir.path().join("received"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        found.sort();
        found
    }

    pub fn envelope(&self, message: &Path) -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(message.with_extension("json")).unwrap()).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback port that nothing listens on.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    port
}

pub fn received_one(server: &Server) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let received = server.received();
        if !received.is_empty() || Instant::now() > deadline {
            assert_eq!(received.len(), 1, "exactly one message arrives");
            return received[0].clone();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
