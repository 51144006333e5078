//! `contact add --email` and `contact refresh` through the real binary,
//! against the loopback key server of tests/common/keyserver.rs (WKD, VKS
//! and HKP over HTTPS, its test CA trusted with `CAREPOST_CA_FILE`, host
//! names pointed at it with `CAREPOST_RESOLVE`).

mod common;

use assert_cmd::Command as CarepostCommand;
use common::keyserver::{available, Fault, KeyServer, Wkd, HOSTS};
use common::{code, stderr, stdout, Carepost};
use std::time::Duration;

const PATIENT_EMAIL: &str = "p.devries@example.org";

fn clinician() -> Carepost {
    Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example")
}

/// The key server, or None (said loudly; a failure under CI) when the
/// programs it needs are missing.
fn server() -> Option<KeyServer> {
    available().then(KeyServer::start)
}

/// carepost, pointed at `server` for every test host.
fn at(server: &KeyServer, cp: &Carepost) -> CarepostCommand {
    let mut cmd = cp.cmd();
    cmd.envs(server.env());
    cmd
}

/// carepost, with every test host pointed at a port nothing listens on.
fn at_a_server_that_is_down(server: &KeyServer, cp: &Carepost) -> CarepostCommand {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let resolve: Vec<String> = HOSTS.iter().map(|h| format!("{h}=127.0.0.1:{port}")).collect();
    let mut cmd = at(server, cp);
    cmd.env("CAREPOST_RESOLVE", resolve.join(","));
    cmd
}

fn contacts(cp: &Carepost) -> usize {
    cp.json(&["contact", "list"])["contacts"].as_array().unwrap().len()
}

#[test]
fn a_key_found_by_email_in_a_web_key_directory_is_added_unverified_with_its_origin() {
    let Some(server) = server() else { return };
    let doctor = clinician();
    let patient = Carepost::with_identity("P. de Vries", PATIENT_EMAIL);
    server.publish_wkd(PATIENT_EMAIL, &std::fs::read(patient.export_key()).unwrap(), Wkd::Advanced);
    let out = at(&server, &doctor).args(["contact", "add", "p-0042", "--email", PATIENT_EMAIL]).output().unwrap();
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
    let Some(server) = server() else { return };
    let doctor = clinician();
    let out = at(&server, &doctor).args(["contact", "add", "p-0042", "--email", PATIENT_EMAIL]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("Web Key Directory"), "{err}");
    assert_eq!(contacts(&doctor), 0, "nothing may be added");
}

#[test]
fn a_server_that_is_down_adds_nothing_and_exits_1() {
    let Some(server) = server() else { return };
    let doctor = clinician();
    let out = at_a_server_that_is_down(&server, &doctor)
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
    let Some(server) = server() else { return };
    let doctor = clinician();
    let fpr = gpg.generate("P. de Vries <p.devries@example.org>", "ed25519", Some("cv25519"), "1y");
    gpg.revoke(&fpr);
    let key = gpg.export_binary("p.devries@example.org");
    server.publish_wkd(PATIENT_EMAIL, &key, Wkd::Advanced);
    let file = doctor.path("revoked.pgp");
    std::fs::write(&file, &key).unwrap();
    let by_file = doctor.cmd().args(["contact", "add", "p-1", "--key-file"]).arg(&file).output().unwrap();
    let by_email = at(&server, &doctor).args(["contact", "add", "p-2", "--email", PATIENT_EMAIL]).output().unwrap();
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
fn added_and_verified(server: &KeyServer, key: &Cert) -> Carepost {
    let doctor = clinician();
    server.publish_wkd(PATIENT_EMAIL, &public(key), Wkd::Advanced);
    at(server, &doctor)
        .args(["contact", "add", "p-0042", "--consent", "verbal", "--email", PATIENT_EMAIL])
        .assert()
        .success();
    let fpr = key.fingerprint().to_hex();
    doctor.cmd().args(["contact", "verify", "p-0042", "--fingerprint", &fpr]).assert().success();
    doctor
}

#[test]
fn a_refresh_that_extends_the_expiry_keeps_the_verification() {
    let Some(server) = server() else { return };
    let key = patient_key(20);
    let doctor = added_and_verified(&server, &key);
    let before = doctor.json(&["contact", "show", "p-0042"]);
    // The owner extends the key by a year and republishes it.
    server.publish_wkd(PATIENT_EMAIL, &public(&extended(&key)), Wkd::Advanced);
    let out = at(&server, &doctor).args(["--json", "contact", "refresh"]).output().unwrap();
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
    let again = at(&server, &doctor).args(["--json", "contact", "refresh", "p-0042"]).output().unwrap();
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["contacts"][0]["result"], "unchanged");
}

#[test]
fn a_revocation_on_the_server_is_stored_said_loudly_and_sending_refuses() {
    let Some(server) = server() else { return };
    let key = patient_key(300);
    let doctor = added_and_verified(&server, &key);
    let mut signer = key.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
    let revocation =
        key.revoke(&mut signer, openpgp::types::ReasonForRevocation::KeyCompromised, b"lost laptop").unwrap();
    let (revoked, _) = key.clone().insert_packets(revocation).unwrap();
    server.publish_wkd(PATIENT_EMAIL, &public(&revoked), Wkd::Advanced);
    let out = at(&server, &doctor).args(["contact", "refresh"]).output().unwrap();
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
    let Some(server) = server() else { return };
    let key = patient_key(300);
    let doctor = added_and_verified(&server, &key);
    let before = doctor.json(&["contact", "show", "p-0042"]);
    let other = patient_key(300);
    server.publish_wkd(PATIENT_EMAIL, &public(&other), Wkd::Advanced);
    let out = at(&server, &doctor).args(["--json", "contact", "refresh"]).output().unwrap();
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
    let Some(server) = server() else { return };
    let key = patient_key(300);
    let doctor = added_and_verified(&server, &key);
    let before = doctor.json(&["contact", "show", "p-0042"]);
    let out = at_a_server_that_is_down(&server, &doctor).args(["contact", "refresh", "p-0042"]).output().unwrap();
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

/// The patient's key, extended by a year (as its owner would).
fn extended(key: &Cert) -> Cert {
    let policy = StandardPolicy::new();
    let mut signer = key.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
    let later = std::time::SystemTime::now() + Duration::from_secs(400 * 86400);
    let sigs = key.set_expiration_time(&policy, None, &mut signer, Some(later)).unwrap();
    key.clone().insert_packets(sigs).unwrap().0
}

/// Adds the patient by email (wherever `server` has the key), verifies
/// it, has the owner extend it (`republish` puts the new copy where it
/// came from), refreshes, and checks the merge kept the verification.
fn refresh_from(server: &KeyServer, doctor: &Carepost, key: &Cert, kind: &str, republish: impl Fn(&[u8])) {
    at(server, doctor).args(["contact", "add", "p-0042", "--email", PATIENT_EMAIL]).assert().success();
    let fpr = key.fingerprint().to_hex();
    doctor.cmd().args(["contact", "verify", "p-0042", "--fingerprint", &fpr]).assert().success();
    let before = doctor.json(&["contact", "show", "p-0042"]);
    assert_eq!(before["source"]["kind"], kind, "{before}");
    republish(&public(&extended(key)));
    let out = at(server, doctor).args(["--json", "contact", "refresh", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["contacts"][0]["result"], "updated", "{report}");
    let after = doctor.json(&["contact", "show", "p-0042"]);
    assert_eq!(after["verified"], true, "the verification survives the merge");
    assert!(after["expires"].as_str().unwrap() > before["expires"].as_str().unwrap(), "{after}");
}

#[test]
fn a_key_from_keys_openpgp_org_is_refreshed_there_by_fingerprint() {
    let Some(server) = server() else { return };
    let key = patient_key(20);
    let doctor = clinician();
    let fpr = key.fingerprint().to_hex();
    server.put_vks(PATIENT_EMAIL, Some(&fpr), &public(&key));
    refresh_from(&server, &doctor, &key, "vks", |new| server.put_vks(PATIENT_EMAIL, Some(&fpr), new));
}

#[test]
fn a_key_from_a_configured_key_server_is_refreshed_there_by_fingerprint() {
    let Some(server) = server() else { return };
    let key = patient_key(20);
    let doctor = clinician();
    doctor.cmd().args(["contact", "sources", "--set", "hkp:hkps://keys.example.net"]).assert().success();
    let by_fingerprint = format!("0x{}", key.fingerprint().to_hex());
    server.put_hkp("keys.example.net", PATIENT_EMAIL, &public(&key));
    server.put_hkp("keys.example.net", &by_fingerprint, &public(&key));
    refresh_from(&server, &doctor, &key, "hkp", |new| server.put_hkp("keys.example.net", &by_fingerprint, new));
}

#[test]
fn a_server_error_during_refresh_fails_and_changes_nothing() {
    let Some(server) = server() else { return };
    let key = patient_key(300);
    let doctor = added_and_verified(&server, &key);
    let before = doctor.json(&["contact", "show", "p-0042"]);
    let (advanced, _) = KeyServer::wkd_paths(PATIENT_EMAIL);
    server.fault(&advanced, Fault::Status500);
    let out = at(&server, &doctor).args(["contact", "refresh", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("nothing changed"), "{}", stderr(&out));
    assert_eq!(doctor.json(&["contact", "show", "p-0042"]), before);
}

#[test]
fn an_expired_key_from_a_server_is_refused_as_from_a_file() {
    let Some(server) = server() else { return };
    let doctor = clinician();
    let made = std::time::SystemTime::now() - Duration::from_secs(10 * 86400);
    let (key, _) = CertBuilder::general_purpose(Some(format!("P. de Vries <{PATIENT_EMAIL}>")))
        .set_creation_time(made)
        .set_validity_period(Duration::from_secs(2 * 86400))
        .generate()
        .unwrap();
    server.publish_wkd(PATIENT_EMAIL, &public(&key), Wkd::Advanced);
    let file = doctor.path("expired.pgp");
    std::fs::write(&file, public(&key)).unwrap();
    let by_file = doctor.cmd().args(["contact", "add", "p-1", "--key-file"]).arg(&file).output().unwrap();
    let by_email = at(&server, &doctor).args(["contact", "add", "p-2", "--email", PATIENT_EMAIL]).output().unwrap();
    assert_eq!(code(&by_email), code(&by_file), "{}", stderr(&by_email));
    assert_eq!(code(&by_email), 4);
    assert!(stderr(&by_email).contains("expired"), "{}", stderr(&by_email));
    assert_eq!(contacts(&doctor), 0, "nothing may be added");
}
