//! `contact check ALIAS`: what it says about a recipient, its exit status,
//! and that what it says is what `send` does (the SEIPD version of the
//! file `send` writes, read back from its packets); and the expiry
//! warnings of `send` and `status`.

mod common;

use common::{code, ok_json, pair, stderr, write, Carepost, Gpg};
use openpgp::cert::prelude::*;
use openpgp::parse::{PacketParser, PacketParserResult, Parse};
use openpgp::serialize::SerializeInto;
use openpgp::types::Features;
use openpgp::Packet;
use sequoia_openpgp as openpgp;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const DAY: u64 = 86400;

fn check(cp: &Carepost, alias: &str) -> std::process::Output {
    cp.cmd().args(["--json", "contact", "check", alias]).output().unwrap()
}

fn check_json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {}", stderr(out)))
}

/// A contact key made with Sequoia: `features` as given, valid for
/// `validity` from a minute ago.
fn sequoia_key(uid: &str, features: Features, validity: Option<Duration>) -> Cert {
    CertBuilder::general_purpose(Some(uid))
        .set_creation_time(SystemTime::now() - Duration::from_secs(60))
        .set_validity_period(validity)
        .set_features(features)
        .unwrap()
        .generate()
        .unwrap()
        .0
        .strip_secret_key_material()
}

/// Adds `cert` as `alias` and verifies it by its fingerprint.
fn add_verified_cert(cp: &Carepost, alias: &str, cert: &Cert) {
    let path = cp.path(&format!("{alias}.asc"));
    std::fs::write(&path, cert.armored().to_vec().unwrap()).unwrap();
    cp.cmd().args(["contact", "add", alias, "--consent", "verbal", "--key-file"]).arg(&path).assert().success();
    cp.cmd().args(["contact", "verify", alias, "--fingerprint", &cert.fingerprint().to_hex()]).assert().success();
}

/// Sends a document to `alias`; returns the output file and the JSON.
fn send(cp: &Carepost, alias: &str) -> (PathBuf, serde_json::Value, String) {
    let input = write(cp, &format!("for-{alias}.pdf"), b"%PDF-1.7 consult");
    let dir = cp.path(&format!("out-{alias}"));
    std::fs::create_dir_all(&dir).unwrap();
    let out = cp.cmd().args(["--json", "send"]).arg(&input).args(["--to", alias, "-o"]).arg(&dir).output().unwrap();
    let json = ok_json(&out);
    (PathBuf::from(json["outputs"][0]["output"].as_str().unwrap()), json, stderr(&out))
}

/// The version of the SEIP packet in an OpenPGP message file.
fn seip_version(path: &Path) -> u8 {
    let mut ppr = PacketParser::from_file(path).unwrap();
    while let PacketParserResult::Some(pp) = ppr {
        if let Packet::SEIP(seip) = &pp.packet {
            return seip.version();
        }
        ppr = pp.recurse().unwrap().1;
    }
    panic!("no SEIP packet in {}", path.display());
}

fn program<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["programs"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn a_fresh_verified_contact_is_ready_and_check_says_what_send_does() {
    let (clinician, patient) = pair();
    let out = check(&clinician, "p-0042");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json = check_json(&out);
    assert_eq!(json["alias"], "p-0042");
    assert_eq!(json["usable"], true);
    assert!(json["problem"].is_null());
    assert_eq!(json["verified"], true);
    assert_eq!(json["method"], "phone");
    assert!(json["verified_at"].is_string());
    assert_eq!(json["source"]["kind"], "file");
    assert!(json["warnings"].as_array().unwrap().is_empty());
    // carepost's own keys are valid for years.
    assert!(json["days_left"].as_u64().unwrap() > 300, "{json}");
    let keys = json["encryption_keys"].as_array().unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["algorithm"], "ECDH Curve25519");
    assert_ne!(keys[0]["fingerprint"].as_str().unwrap(), patient.fingerprint());
    let (file, sent, _) = send(&clinician, "p-0042");
    assert_eq!(json["message_format"], sent["outputs"][0]["message_format"]);
    let version = if json["message_format"] == "seipdv2" { 2 } else { 1 };
    assert_eq!(seip_version(&file), version);
    assert_eq!(json["programs"].as_array().unwrap().len(), 7);

    let human = clinician.cmd().args(["contact", "check", "p-0042"]).output().unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    for expected in ["Usable now:", "Encrypts to:", "Message format:", "GnuPG 2.4", "Proton Mail", "is ready"] {
        assert!(text.contains(expected), "{expected} missing in:\n{text}");
    }
}

#[test]
fn an_unverified_contact_exits_3_and_says_how_to_verify() {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    clinician
        .cmd()
        .args(["contact", "add", "p-7", "--consent", "verbal", "--key-file"])
        .arg(patient.export_key())
        .assert()
        .success();
    let out = check(&clinician, "p-7");
    assert_eq!(code(&out), 3);
    let json = check_json(&out);
    assert_eq!(json["usable"], true);
    assert_eq!(json["verified"], false);
    assert!(stderr(&out).contains("carepost contact verify p-7"), "{}", stderr(&out));
}

#[test]
fn a_key_expiring_in_ten_days_warns_in_check_send_and_status() {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let cert = sequoia_key("Soon <soon@example.org>", Features::sequoia(), Some(Duration::from_secs(10 * DAY)));
    add_verified_cert(&clinician, "p-soon", &cert);
    let out = check(&clinician, "p-soon");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json = check_json(&out);
    assert_eq!(json["days_left"], 9);
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].as_str().unwrap().contains("carepost contact refresh p-soon"), "{warnings:?}");

    let (_, sent, said) = send(&clinician, "p-soon");
    assert!(said.contains("carepost contact refresh p-soon"), "{said}");
    assert!(sent["warnings"][0].as_str().unwrap().contains("p-soon"), "{sent}");

    let status = clinician.json(&["status"]);
    assert_eq!(status["contact_keys_expiring"], 1);
    assert_eq!(status["contact_keys_expired"], 0);
    let text = clinician.cmd().arg("status").output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("carepost contact refresh"));
}

#[test]
fn seipdv2_only_for_keys_that_advertise_it_as_send_writes() {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let v2 = sequoia_key("V2 <v2@example.org>", Features::sequoia(), None);
    let v1 = sequoia_key("V1 <v1@example.org>", Features::empty().set_seipdv1(), None);
    add_verified_cert(&clinician, "p-v2", &v2);
    add_verified_cert(&clinician, "p-v1", &v1);
    for (alias, format, version) in [("p-v2", "seipdv2", 2), ("p-v1", "seipdv1", 1)] {
        let json = check_json(&check(&clinician, alias));
        assert_eq!(json["message_format"], format, "{alias}");
        assert!(!json["format_reason"].as_str().unwrap().is_empty());
        let (file, sent, _) = send(&clinician, alias);
        assert_eq!(sent["outputs"][0]["message_format"], format);
        assert_eq!(seip_version(&file), version, "{alias}");
        let gnupg = program(&json, "GnuPG 2.4")["can_open"].clone();
        assert_eq!(gnupg, serde_json::Value::Bool(version == 1), "{alias}");
    }
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn a_gnupg_key_gets_seipdv1_which_gnupg_opens() {
    let Some(gpg) = Gpg::new() else { return };
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let fpr = gpg.generate("G Patient <g@example.org>", "ed25519", Some("cv25519"), "2y");
    let path = clinician.path("g.asc");
    gpg.export("g@example.org", &path);
    clinician.cmd().args(["contact", "add", "p-g", "--consent", "verbal", "--key-file"]).arg(&path).assert().success();
    clinician.cmd().args(["contact", "verify", "p-g", "--fingerprint", &fpr]).assert().success();
    let out = check(&clinician, "p-g");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json = check_json(&out);
    assert_eq!(json["message_format"], "seipdv1");
    assert_eq!(program(&json, "GnuPG 2.2")["can_open"], true);
    assert_eq!(program(&json, "GnuPG 2.4")["can_open"], true);
    assert_eq!(program(&json, "Kleopatra")["can_open"], true);
    let (file, _, _) = send(&clinician, "p-g");
    assert_eq!(seip_version(&file), 1);
}

#[test]
fn a_revoked_contact_exits_3() {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    // A revoked key cannot be imported; it arrives in the store by other
    // means (an old home, a restored backup).
    let (cert, revocation) = CertBuilder::general_purpose(Some("R <r@example.org>")).generate().unwrap();
    let revoked = cert.insert_packets(revocation).unwrap().0.strip_secret_key_material();
    let db = rusqlite::Connection::open(clinician.home.join("state.db")).unwrap();
    db.execute(
        "INSERT INTO contacts (alias, kind, fingerprint, cert, added_at, updated_at) VALUES ('r', 'patient', ?1, ?2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        rusqlite::params![revoked.fingerprint().to_hex(), revoked.to_vec().unwrap()],
    )
    .unwrap();
    let out = check(&clinician, "r");
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let json = check_json(&out);
    assert_eq!(json["usable"], false);
    assert!(json["problem"].as_str().unwrap().contains("revoked"), "{json}");
    assert!(stderr(&out).contains("revoked"));
}
