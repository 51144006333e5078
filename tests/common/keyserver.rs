//! A real key server on loopback for the key-discovery tests:
//! `tests/servers/keyserver.py` serving WKD, VKS and HKP over HTTPS with a
//! certificate from a CA made by `openssl` for the test, and plain HTTP
//! for `hkp://`.
//!
//! ```ignore
//! let server = KeyServer::start();
//! server.publish_wkd("p@example.org", &cert_bytes, Wkd::Advanced);
//! server.put_vks("p@example.org", &cert_bytes);
//! server.fault("openpgpkey.example.org/.well-known/…", Fault::Huge);
//! cmd.envs(server.env());   // CAREPOST_RESOLVE, CAREPOST_CA_FILE, a short timeout
//! ```

use super::{have_peer, missing_peer};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// The host names the server's certificate is valid for; every one is
/// pointed at the server by [`KeyServer::env`].
pub const HOSTS: &[&str] = &[
    "openpgpkey.example.org",
    "example.org",
    "openpgpkey.example.com",
    "example.com",
    "keys.openpgp.org",
    "keys.example.net",
];

/// The VKS host carepost asks by default.
pub const VKS_HOST: &str = "keys.openpgp.org";

/// Which WKD layout a key is published in.
#[derive(Debug, Clone, Copy)]
pub enum Wkd {
    Advanced,
    Direct,
}

/// What a path answers instead of its file.
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    Garbage,
    /// 5 MiB, streamed.
    Huge,
    RedirectHttp,
    RedirectLoop,
    /// No answer for a minute.
    Slow,
    Status500,
}

impl Fault {
    fn code(self) -> &'static str {
        match self {
            Fault::Garbage => "garbage",
            Fault::Huge => "huge",
            Fault::RedirectHttp => "redirect-http",
            Fault::RedirectLoop => "redirect-loop",
            Fault::Slow => "slow",
            Fault::Status500 => "500",
        }
    }
}

pub struct KeyServer {
    pub dir: tempfile::TempDir,
    pub https_port: u16,
    pub http_port: u16,
    child: Child,
}

/// Whether the programs the server needs are here (fails under CI).
pub fn available() -> bool {
    if have_peer("python3") && have_peer("openssl") {
        return true;
    }
    if super::in_ci() {
        missing_peer("python3 and openssl are needed for the key server tests");
    }
    eprintln!("SKIPPED: python3 or openssl is missing: the key server tests did not run");
    false
}

impl KeyServer {
    /// Makes a CA and a server certificate, starts the server, and waits
    /// until it listens.
    pub fn start() -> KeyServer {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("files")).unwrap();
        let certificate = super::tls::server_certificate(dir.path(), HOSTS);
        let script = super::workspace_root().join("tests/servers/keyserver.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(dir.path())
            .arg(&certificate.cert)
            .arg(&certificate.key)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut ready = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut ready).unwrap();
        let ports: Vec<u16> = ready
            .trim()
            .strip_prefix("PORTS ")
            .expect("the server's ports")
            .split(' ')
            .map(|p| p.parse().unwrap())
            .collect();
        KeyServer { dir, https_port: ports[0], http_port: ports[1], child }
    }

    /// The CA certificate (PEM) the server's certificate is signed by.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    /// The variables that point every test host at the server and trust
    /// its CA, with a short request bound (3 s).
    pub fn env(&self) -> Vec<(String, String)> {
        let resolve: Vec<String> = HOSTS.iter().map(|h| format!("{h}=127.0.0.1:{}", self.https_port)).collect();
        vec![
            ("CAREPOST_RESOLVE".into(), resolve.join(",")),
            ("CAREPOST_CA_FILE".into(), self.ca_file().display().to_string()),
            ("CAREPOST_NET_TIMEOUT_MS".into(), "3000".into()),
        ]
    }

    /// Writes `body` where a GET of `host` + `path` finds it.
    pub fn put(&self, host: &str, path: &str, body: &[u8]) {
        let file = self.dir.path().join("files").join(host).join(path.trim_start_matches('/'));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, body).unwrap();
    }

    /// Publishes `cert` for `address` in the address's Web Key Directory.
    pub fn publish_wkd(&self, address: &str, cert: &[u8], layout: Wkd) {
        let a = carepost::wkd::Address::parse(address).unwrap();
        let hu = a.hashed_local_part();
        match layout {
            Wkd::Advanced => {
                let host = format!("openpgpkey.{}", a.domain);
                self.put(&host, &format!(".well-known/openpgpkey/{}/hu/{hu}", a.domain), cert);
                self.put(&host, &format!(".well-known/openpgpkey/{}/policy", a.domain), b"");
            }
            Wkd::Direct => {
                self.put(&a.domain, &format!(".well-known/openpgpkey/hu/{hu}"), cert);
                self.put(&a.domain, ".well-known/openpgpkey/policy", b"");
            }
        }
    }

    /// The advanced and direct WKD paths of `address` ("HOST/PATH"), for
    /// [`KeyServer::fault`].
    pub fn wkd_paths(address: &str) -> (String, String) {
        let a = carepost::wkd::Address::parse(address).unwrap();
        let hu = a.hashed_local_part();
        (
            format!("openpgpkey.{d}/.well-known/openpgpkey/{d}/hu/{hu}", d = a.domain),
            format!("{}/.well-known/openpgpkey/hu/{hu}", a.domain),
        )
    }

    /// Serves `cert` from keys.openpgp.org's VKS by email, and by
    /// fingerprint when `fingerprint` (hex) is given.
    pub fn put_vks(&self, address: &str, fingerprint: Option<&str>, cert: &[u8]) {
        self.put(VKS_HOST, &format!("vks/v1/by-email/{address}"), cert);
        if let Some(fpr) = fingerprint {
            self.put(VKS_HOST, &format!("vks/v1/by-fingerprint/{}", fpr.to_uppercase()), cert);
        }
    }

    /// Serves `cert` from the HKP server `host` for `search` (an address or
    /// `0xFINGERPRINT`).
    pub fn put_hkp(&self, host: &str, search: &str, cert: &[u8]) {
        self.put(host, &format!("pks/lookup/{}", search.to_lowercase()), cert);
    }

    /// Makes "HOST/PATH" answer with `fault`.
    pub fn fault(&self, host_path: &str, fault: Fault) {
        let file = self.dir.path().join("faults.json");
        let mut faults: serde_json::Map<String, serde_json::Value> =
            std::fs::read(&file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
        faults.insert(host_path.to_owned(), fault.code().into());
        std::fs::write(file, serde_json::to_vec(&faults).unwrap()).unwrap();
    }

    /// The JSON answered to the next VKS upload.
    pub fn upload_answer(&self, answer: &serde_json::Value) {
        std::fs::write(self.dir.path().join("upload-answer.json"), answer.to_string()).unwrap();
    }

    /// The JSON answered to the next VKS request for confirmation emails.
    pub fn verify_answer(&self, answer: &serde_json::Value) {
        std::fs::write(self.dir.path().join("verify-answer.json"), answer.to_string()).unwrap();
    }

    /// Every POST so far: `{"path", "body"}`.
    pub fn uploads(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.dir.path().join("uploads.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// The folder served as HOST's document root.
    pub fn root_of(&self, host: &str) -> PathBuf {
        self.dir.path().join("files").join(host)
    }
}

impl Drop for KeyServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
