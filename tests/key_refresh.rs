//! `contact add --email` through the real binary, against a Web Key
//! Directory served over HTTPS on loopback (a test CA made by `openssl`
//! at test time, host names pointed at the server with `CAREPOST_RESOLVE`).

mod common;

use assert_cmd::Command as CarepostCommand;
use common::{code, have_peer, stderr, stdout, Carepost};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const PATIENT_EMAIL: &str = "p.devries@example.org";
const HOSTS: [&str; 3] = ["openpgpkey.example.org", "example.org", "keys.openpgp.org"];

fn clinician() -> Carepost {
    Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example")
}

/// A test CA and a certificate for [`HOSTS`] signed by it.
fn make_certs(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl").args(args).current_dir(dir).output().unwrap();
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend(["-keyout", "ca.key", "-out", "ca.pem", "-days", "3", "-subj", "/CN=carepost test CA"]);
    openssl(&ca);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend(["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=example.org"]);
    openssl(&csr);
    let sans: Vec<String> = HOSTS.iter().map(|h| format!("DNS:{h}")).collect();
    std::fs::write(
        dir.join("ext.cnf"),
        format!(
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n\
             extendedKeyUsage=serverAuth\nsubjectAltName={}\n",
            sans.join(",")
        ),
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-set_serial",
        "4243",
        "-days",
        "3",
        "-extfile",
        "ext.cnf",
        "-out",
        "server.pem",
    ]);
    (dir.join("ca.pem"), dir.join("server.pem"), dir.join("server.key"))
}

/// A port nothing listens on (bound, then let go).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A static HTTPS server for a WKD tree on loopback.
struct Wkd {
    dir: tempfile::TempDir,
    ca: PathBuf,
    port: u16,
    child: Option<Child>,
}

impl Wkd {
    fn start() -> Wkd {
        assert!(have_peer("python3") && have_peer("openssl"));
        let dir = tempfile::tempdir().unwrap();
        let (ca, cert, key) = make_certs(dir.path());
        let root = dir.path().join("root");
        std::fs::create_dir_all(&root).unwrap();
        let port = free_port();
        let ready = dir.path().join("ready");
        let script = common::workspace_root().join("tests/servers/wkd_https.py");
        let child = Command::new("python3")
            .arg(script)
            .arg(&root)
            .arg(&cert)
            .arg(&key)
            .arg("127.0.0.1")
            .arg(port.to_string())
            .arg(&ready)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while !ready.exists() {
            assert!(started.elapsed() < Duration::from_secs(20), "the WKD server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Wkd { dir, ca, port, child: Some(child) }
    }

    /// Publishes `key` for `address` in the advanced layout.
    fn publish(&self, address: &str, key: &[u8]) {
        let (local, domain) = address.split_once('@').unwrap();
        let hu = self.dir.path().join("root/.well-known/openpgpkey").join(domain).join("hu");
        std::fs::create_dir_all(&hu).unwrap();
        std::fs::write(hu.join(carepost::wkd::hu_name(local)), key).unwrap();
        std::fs::write(hu.parent().unwrap().join("policy"), b"").unwrap();
    }

    /// carepost, pointed at this server for every test host.
    fn cmd(&self, cp: &Carepost) -> CarepostCommand {
        self.cmd_at(cp, self.port)
    }

    fn cmd_at(&self, cp: &Carepost, port: u16) -> CarepostCommand {
        let resolve: Vec<String> = HOSTS.iter().map(|h| format!("{h}=127.0.0.1:{port}")).collect();
        let mut cmd = cp.cmd();
        cmd.env("CAREPOST_RESOLVE", resolve.join(",")).env("CAREPOST_CA_FILE", &self.ca);
        cmd
    }
}

impl Drop for Wkd {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn contacts(cp: &Carepost) -> usize {
    cp.json(&["contact", "list"])["contacts"].as_array().unwrap().len()
}

#[test]
fn a_key_found_by_email_in_a_web_key_directory_is_added_unverified_with_its_origin() {
    let server = Wkd::start();
    let doctor = clinician();
    let patient = Carepost::with_identity("P. de Vries", PATIENT_EMAIL);
    server.publish(PATIENT_EMAIL, &std::fs::read(patient.export_key()).unwrap());
    let out = server.cmd(&doctor).args(["contact", "add", "p-0042", "--email", PATIENT_EMAIL]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Web Key Directory") && text.contains("openpgpkey.example.org"), "{text}");
    assert!(text.contains("P. de Vries <p.devries@example.org>"), "{text}");
    assert!(text.contains("Not verified yet"), "{text}");
    assert!(text.contains("carepost contact verify p-0042"), "{text}");
    let shown = doctor.json(&["contact", "show", "p-0042"]);
    assert_eq!(shown["fingerprint"], patient.fingerprint());
    assert_eq!(shown["verified"], false);
    assert_eq!(shown["source"]["kind"], "wkd");
    assert_eq!(shown["source"]["email"], PATIENT_EMAIL);
    assert!(shown["source"]["location"].as_str().unwrap().starts_with("https://openpgpkey.example.org/"));
    // The audit log names the kind of source and its host, not the address.
    let log = std::fs::read_to_string(doctor.home.join("audit.log")).unwrap();
    assert!(log.contains("source wkd openpgpkey.example.org"), "{log}");
    assert!(!log.contains(PATIENT_EMAIL), "{log}");
}

#[test]
fn an_address_no_source_knows_adds_nothing_and_says_what_was_tried() {
    let server = Wkd::start();
    let doctor = clinician();
    let out = server.cmd(&doctor).args(["contact", "add", "p-0042", "--email", PATIENT_EMAIL]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("Web Key Directory"), "{err}");
    assert_eq!(contacts(&doctor), 0, "nothing may be added");
}

#[test]
fn a_server_that_is_down_adds_nothing_and_exits_1() {
    let server = Wkd::start();
    let doctor = clinician();
    let out = server
        .cmd_at(&doctor, free_port())
        .args(["contact", "add", "p-0042", "--email", PATIENT_EMAIL])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
    assert_eq!(contacts(&doctor), 0, "nothing may be added");
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn a_revoked_key_from_a_server_is_refused_as_from_a_file() {
    let Some(gpg) = common::Gpg::new() else { return };
    let server = Wkd::start();
    let doctor = clinician();
    let fpr = gpg.generate("P. de Vries <p.devries@example.org>", "ed25519", Some("cv25519"), "1y");
    gpg.revoke(&fpr);
    let key = gpg.export_binary("p.devries@example.org");
    server.publish(PATIENT_EMAIL, &key);
    let file = doctor.path("revoked.pgp");
    std::fs::write(&file, &key).unwrap();
    let by_file = doctor.cmd().args(["contact", "add", "p-1", "--key-file"]).arg(&file).output().unwrap();
    let by_email = server.cmd(&doctor).args(["contact", "add", "p-2", "--email", PATIENT_EMAIL]).output().unwrap();
    assert_eq!(code(&by_email), code(&by_file), "{}", stderr(&by_email));
    assert_eq!(code(&by_email), 4);
    assert!(stderr(&by_email).contains("revoked"), "{}", stderr(&by_email));
    assert_eq!(contacts(&doctor), 0, "nothing may be added");
}

#[test]
fn key_file_and_email_are_alternatives() {
    let doctor = clinician();
    let key = doctor.export_key();
    let both = doctor
        .cmd()
        .args(["contact", "add", "p-1", "--email", PATIENT_EMAIL, "--key-file"])
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(code(&both), 2, "{}", stderr(&both));
    let neither = doctor.cmd().args(["contact", "add", "p-1"]).output().unwrap();
    assert_eq!(code(&neither), 2, "{}", stderr(&neither));
    assert_eq!(contacts(&doctor), 0);
}
