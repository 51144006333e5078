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

// ---------------------------------------------------------------------------
// contact refresh

use openpgp::cert::prelude::*;
use openpgp::policy::StandardPolicy;
use openpgp::serialize::SerializeInto;
use sequoia_openpgp as openpgp;

/// A patient's key made here, valid for `days`, with its secret kept.
fn patient_key(days: u64) -> Cert {
    CertBuilder::general_purpose(Some(format!("P. de Vries <{PATIENT_EMAIL}>")))
        .set_validity_period(Duration::from_secs(days * 86400))
        .generate()
        .unwrap()
        .0
}

fn public(cert: &Cert) -> Vec<u8> {
    cert.clone().strip_secret_key_material().to_vec().unwrap()
}

/// The doctor with the patient added by email from `server` and verified.
fn added_and_verified(server: &Wkd, key: &Cert) -> Carepost {
    let doctor = clinician();
    server.publish(PATIENT_EMAIL, &public(key));
    server.cmd(&doctor).args(["contact", "add", "p-0042", "--email", PATIENT_EMAIL]).assert().success();
    let fpr = key.fingerprint().to_hex();
    doctor.cmd().args(["contact", "verify", "p-0042", "--fingerprint", &fpr]).assert().success();
    doctor
}

#[test]
fn a_refresh_that_extends_the_expiry_keeps_the_verification() {
    let server = Wkd::start();
    let key = patient_key(20);
    let doctor = added_and_verified(&server, &key);
    let before = doctor.json(&["contact", "show", "p-0042"]);
    // The owner extends the key by a year and republishes it.
    let policy = StandardPolicy::new();
    let mut signer = key.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
    let later = std::time::SystemTime::now() + Duration::from_secs(400 * 86400);
    let sigs = key.set_expiration_time(&policy, None, &mut signer, Some(later)).unwrap();
    let (extended, _) = key.clone().insert_packets(sigs).unwrap();
    server.publish(PATIENT_EMAIL, &public(&extended));
    let out = server.cmd(&doctor).args(["--json", "contact", "refresh"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["contacts"][0]["alias"], "p-0042");
    assert_eq!(report["contacts"][0]["result"], "updated");
    let after = doctor.json(&["contact", "show", "p-0042"]);
    assert_eq!(after["verified"], true, "the verification survives the merge");
    assert_eq!(after["fingerprint"], before["fingerprint"]);
    assert!(after["expires"].as_str().unwrap() > before["expires"].as_str().unwrap(), "{after}");
    assert!(after["source"]["refreshed_at"].is_string());
    // Asked again: nothing new.
    let again = server.cmd(&doctor).args(["--json", "contact", "refresh", "p-0042"]).output().unwrap();
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["contacts"][0]["result"], "unchanged");
}

#[test]
fn a_revocation_on_the_server_is_stored_said_loudly_and_sending_refuses() {
    let server = Wkd::start();
    let key = patient_key(300);
    let doctor = added_and_verified(&server, &key);
    let mut signer = key.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
    let revocation =
        key.revoke(&mut signer, openpgp::types::ReasonForRevocation::KeyCompromised, b"lost laptop").unwrap();
    let (revoked, _) = key.clone().insert_packets(revocation).unwrap();
    server.publish(PATIENT_EMAIL, &public(&revoked));
    let out = server.cmd(&doctor).args(["contact", "refresh"]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("REVOKED"), "{}", stderr(&out));
    let document = common::write(&doctor, "brief.pdf", b"%PDF-1.4 x");
    let send =
        doctor.cmd().arg("send").arg(&document).args(["--to", "p-0042", "-o"]).arg(doctor.dir.path()).output().unwrap();
    assert_eq!(code(&send), 3, "{}", stderr(&send));
    assert!(stderr(&send).contains("revoked"), "{}", stderr(&send));
}

#[test]
fn a_different_key_under_the_same_address_is_never_merged() {
    let server = Wkd::start();
    let key = patient_key(300);
    let doctor = added_and_verified(&server, &key);
    let before = doctor.json(&["contact", "show", "p-0042"]);
    let other = patient_key(300);
    server.publish(PATIENT_EMAIL, &public(&other));
    let out = server.cmd(&doctor).args(["--json", "contact", "refresh"]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("DIFFERENT key") && err.contains("Nothing was merged"), "{err}");
    assert!(err.contains("carepost contact update p-0042 --key-file"), "{err}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["error"]["contacts"][0]["result"], "key-changed");
    let after = doctor.json(&["contact", "show", "p-0042"]);
    assert_eq!(after["fingerprint"], before["fingerprint"], "nothing merged");
    assert_eq!(after["verified"], true);
}

#[test]
fn a_server_down_during_refresh_fails_and_changes_nothing() {
    let server = Wkd::start();
    let key = patient_key(300);
    let doctor = added_and_verified(&server, &key);
    let before = doctor.json(&["contact", "show", "p-0042"]);
    let out = server.cmd_at(&doctor, free_port()).args(["contact", "refresh", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("nothing changed"), "{}", stderr(&out));
    let after = doctor.json(&["contact", "show", "p-0042"]);
    assert_eq!(after, before);
}

#[test]
fn a_contact_from_a_file_without_an_address_is_skipped_and_said_so() {
    let doctor = clinician();
    let patient = Carepost::with_identity("P. de Vries", PATIENT_EMAIL);
    doctor.cmd().args(["contact", "add", "p-1", "--key-file"]).arg(patient.export_key()).assert().success();
    let out = doctor.cmd().args(["contact", "refresh"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("p-1: skipped"), "{}", stdout(&out));
}
