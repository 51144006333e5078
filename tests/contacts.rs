//! The contact book through the real binary: `contact add | list | show |
//! verify | update | remove`, with keys made at test time by GnuPG (as
//! patients and colleagues make them) and by Sequoia (for shapes GnuPG
//! will not make), and with the state database tampered with directly.

mod common;

use common::{Carepost, Gpg};
use openpgp::cert::prelude::*;
use openpgp::packet::signature::subpacket::NotationDataFlags;
use openpgp::packet::signature::SignatureBuilder;
use openpgp::packet::UserID;
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::types::SignatureType;
use openpgp::{Cert, Packet};
use predicates::prelude::*;
use sequoia_openpgp as openpgp;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const METHOD_NOTATION: &str = "method@carepost.invalid";
const ALIAS_NOTATION: &str = "alias@carepost.invalid";

/// The fields `contact list` and `contact show` must carry (PRODUCT.md).
const CONTRACT_FIELDS: [&str; 7] = ["alias", "kind", "fingerprint", "verified", "verified_at", "method", "expires"];

fn clinician() -> Carepost {
    Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example")
}

// ---------------------------------------------------------------------------
// Helpers: the contact book as JSON, refusals, key files.

/// `contact list --json`, whole.
fn list(cp: &Carepost) -> Value {
    cp.json(&["contact", "list"])
}

/// The aliases in the contact book, in listed order.
fn aliases(cp: &Carepost) -> Vec<String> {
    list(cp)["contacts"]
        .as_array()
        .expect("contacts is an array")
        .iter()
        .map(|c| c["alias"].as_str().unwrap().to_owned())
        .collect()
}

/// One contact as `contact list` reports it.
fn listed(cp: &Carepost, alias: &str) -> Value {
    list(cp)["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["alias"] == alias)
        .unwrap_or_else(|| panic!("{alias} is not listed"))
        .clone()
}

fn add(cp: &Carepost, alias: &str, key: &Path) -> Value {
    let out = cp.cmd().args(["--json", "contact", "add", alias, "--key-file"]).arg(key).output().unwrap();
    assert!(out.status.success(), "adding {alias} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn verify(cp: &Carepost, alias: &str, fingerprint: &str) -> Value {
    cp.json(&["contact", "verify", alias, "--fingerprint", fingerprint])
}

/// Runs `carepost ARGS` expecting exit `code`; returns stderr.
fn fails(cp: &Carepost, args: &[&str], code: i32) -> String {
    let out = cp.cmd().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "carepost {args:?}: expected exit {code}; stderr: {stderr}");
    assert!(stderr.starts_with("error: "), "carepost {args:?}: not an error line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// Offers `key` as contact `alias`, expects exit `code` with every piece of
/// `why` in the message, and checks the contact book did not change.
/// Returns stderr.
fn add_is_refused(cp: &Carepost, alias: &str, key: &Path, code: i32, why: &[&str]) -> String {
    let before = list(cp);
    let out = cp.cmd().args(["contact", "add", alias, "--key-file"]).arg(key).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "adding {} as {alias:?}: expected exit {code}; stderr: {stderr}",
        key.display()
    );
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for part in why {
        assert!(stderr.contains(part), "adding {} should say {part:?}; stderr: {stderr}", key.display());
    }
    assert_eq!(list(cp), before, "the contact book changed");
    stderr
}

fn write(cp: &Carepost, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = cp.path(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A Curve25519 certificate made by Sequoia, secrets included.
fn sequoia_cert(uid: &str) -> Cert {
    CertBuilder::general_purpose(Some(uid)).generate().unwrap().0
}

/// Writes the public part of `cert`, armored.
fn write_public(cp: &Carepost, name: &str, cert: &Cert) -> PathBuf {
    write(cp, name, cert.armored().to_vec().unwrap())
}

/// A gpg key as a patient makes it with defaults: Curve25519, 2 years.
fn gpg_curve25519(gpg: &Gpg, uid: &str) -> String {
    gpg.quick_gen_key(&[], uid, "future-default", "default", "2y")
}

/// A gpg RSA-3072 key with an RSA-3072 encryption subkey, 2 years.
fn gpg_rsa3072(gpg: &Gpg, uid: &str) -> String {
    gpg.generate(uid, "rsa3072", Some("rsa3072"), "2y")
}

fn gpg_export(gpg: &Gpg, cp: &Carepost, uid: &str, name: &str) -> PathBuf {
    let path = cp.path(name);
    gpg.export(uid, &path);
    path
}

/// The fingerprint in `n`-character groups joined by `sep`.
fn grouped(fpr: &str, n: usize, sep: &str) -> String {
    fpr.as_bytes().chunks(n).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(sep)
}

fn fingerprint_bytes(fpr: &str) -> Vec<u8> {
    (0..fpr.len()).step_by(2).map(|i| u8::from_str_radix(&fpr[i..i + 2], 16).unwrap()).collect()
}

fn unix_seconds(rfc3339: &str) -> u64 {
    carepost::parse_time(rfc3339)
        .unwrap_or_else(|| panic!("not an RFC 3339 time: {rfc3339}"))
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn assert_contract_fields(contact: &Value) {
    for field in CONTRACT_FIELDS {
        assert!(contact.get(field).is_some(), "{field} missing in {contact}");
    }
}

// ---------------------------------------------------------------------------
// The state database, edited behind carepost's back.

fn state_db(cp: &Carepost) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(cp.home.join("state.db")).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn
}

fn stored_cert(cp: &Carepost, alias: &str) -> Cert {
    let blob: Vec<u8> =
        state_db(cp).query_row("SELECT cert FROM contacts WHERE alias = ?1", [alias], |r| r.get(0)).unwrap();
    Cert::from_bytes(&blob).unwrap()
}

fn store_raw(cp: &Carepost, alias: &str, fingerprint: &str, blob: &[u8]) {
    let changed = state_db(cp)
        .execute(
            "UPDATE contacts SET fingerprint = ?2, cert = ?3 WHERE alias = ?1",
            rusqlite::params![alias, fingerprint, blob],
        )
        .unwrap();
    assert_eq!(changed, 1);
}

/// Every certificate the state database holds.
fn all_stored_certs(cp: &Carepost) -> Vec<Cert> {
    let conn = state_db(cp);
    let mut stmt = conn.prepare("SELECT cert FROM contacts").unwrap();
    let blobs: Vec<Vec<u8>> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    blobs.iter().map(|b| Cert::from_bytes(b).unwrap()).collect()
}

/// The bytes of the state database and its write-ahead log.
fn state_files(cp: &Carepost) -> Vec<u8> {
    let mut bytes = Vec::new();
    for name in ["state.db", "state.db-wal"] {
        if let Ok(b) = std::fs::read(cp.home.join(name)) {
            bytes.extend(b);
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A certification over `target`'s first user ID carrying carepost's
/// notations for `alias`, made by `signer_cert`; with `claimed_issuer`,
/// the issuer subpackets name that certificate instead of the real signer.
fn forged_certification(target: &Cert, alias: &str, signer_cert: &Cert, claimed_issuer: Option<&Cert>) -> Cert {
    let mut signer = signer_cert.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
    let userid = target.userids().next().unwrap().userid().clone();
    let flags = NotationDataFlags::empty().set_human_readable();
    let mut builder = SignatureBuilder::new(SignatureType::PositiveCertification)
        .set_exportable_certification(false)
        .unwrap()
        .add_notation(METHOD_NOTATION, "phone", flags.clone(), false)
        .unwrap()
        .add_notation(ALIAS_NOTATION, alias, flags, false)
        .unwrap();
    if let Some(claimed) = claimed_issuer {
        builder = builder.set_issuer_fingerprint(claimed.fingerprint()).unwrap().set_issuer(claimed.keyid()).unwrap();
    }
    let sig = builder.sign_userid_binding(&mut signer, target.primary_key().key(), &userid).unwrap();
    target.clone().insert_packets(vec![Packet::from(userid), sig.into()]).unwrap().0
}

// ---------------------------------------------------------------------------
// Accepted keys and the JSON contract.

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn gpg_rsa3072_patient_key_is_listed_unverified_with_the_contract_fields() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    let fpr = gpg_rsa3072(&gpg, "Patient Rsa <rsa.patient@example.org>");
    let key = gpg_export(&gpg, &cp, "rsa.patient@example.org", "rsa.asc");
    cp.cmd()
        .args(["contact", "add", "p-0001", "--patient", "--key-file"])
        .arg(&key)
        .assert()
        .success()
        .stdout(predicate::str::contains("p-0001").and(predicate::str::contains(grouped(&fpr, 4, " "))));

    let all = list(&cp);
    let contacts = all["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 1);
    let c = &contacts[0];
    assert_contract_fields(c);
    assert_eq!(c["alias"], "p-0001");
    assert_eq!(c["kind"], "patient");
    assert_eq!(c["fingerprint"], fpr.as_str());
    assert_eq!(c["verified"], false);
    assert_eq!(c["verified_at"], Value::Null);
    assert_eq!(c["method"], Value::Null);
    let gpg_expiry = gpg.expiry(&fpr).expect("the key expires");
    assert_eq!(unix_seconds(c["expires"].as_str().unwrap()), gpg_expiry);

    let shown = cp.json(&["contact", "show", "p-0001"]);
    assert_contract_fields(&shown);
    for field in CONTRACT_FIELDS {
        assert_eq!(shown[field], c[field], "show and list differ on {field}");
    }
    assert_eq!(shown["user_ids"], serde_json::json!(["Patient Rsa <rsa.patient@example.org>"]));
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn gpg_curve25519_key_is_added_as_a_colleague_from_a_binary_export() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    let fpr = gpg_curve25519(&gpg, "Dr. Cv Collega <collega@example.org>");
    let key = write(&cp, "collega.gpg", gpg.export_binary("collega@example.org"));
    cp.cmd().args(["contact", "add", "gp.collega", "--colleague", "--key-file"]).arg(&key).assert().success();
    let c = listed(&cp, "gp.collega");
    assert_eq!(c["kind"], "colleague");
    assert_eq!(c["fingerprint"], fpr.as_str());
    assert_eq!(c["verified"], false);
    let shown = cp.json(&["contact", "show", "gp.collega"]);
    assert_eq!(shown["kind"], "colleague");
    assert_eq!(shown["usable"], true);
}

#[test]
fn contacts_default_to_patient_and_are_listed_by_alias() {
    let cp = clinician();
    for (alias, uid) in [("p-b", "B <b@example.org>"), ("p-a", "A <a@example.org>")] {
        let key = write_public(&cp, &format!("{alias}.asc"), &sequoia_cert(uid));
        add(&cp, alias, &key);
    }
    assert_eq!(aliases(&cp), ["p-a", "p-b"]);
    assert!(list(&cp)["contacts"].as_array().unwrap().iter().all(|c| c["kind"] == "patient"));
}

#[test]
fn patient_and_colleague_flags_cannot_be_combined() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    let out =
        cp.cmd().args(["contact", "add", "k", "--patient", "--colleague", "--key-file"]).arg(&key).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(aliases(&cp).is_empty());
}

// ---------------------------------------------------------------------------
// Rejected keys: exit 4 with the reason, nothing stored.

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn secret_key_exports_are_refused_and_no_secret_material_is_stored() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    gpg_curve25519(&gpg, "Careless <careless@example.org>");
    let armored = write(&cp, "secret.asc", gpg.export_secret_armored("careless@example.org"));
    let binary = write(&cp, "secret.gpg", gpg.export_secret_binary("careless@example.org"));
    // A secret key mislabelled as a public key block must be caught too.
    let tsk = Cert::from_bytes(&std::fs::read(&binary).unwrap()).unwrap();
    assert!(tsk.is_tsk());
    let mut w = openpgp::armor::Writer::new(Vec::new(), openpgp::armor::Kind::PublicKey).unwrap();
    std::io::Write::write_all(&mut w, &tsk.as_tsk().to_vec().unwrap()).unwrap();
    let mislabelled = write(&cp, "mislabelled.asc", w.finalize().unwrap());

    for file in [&armored, &binary, &mislabelled] {
        let stderr = add_is_refused(&cp, "p-0001", file, 4, &["SECRET", "nothing"]);
        assert!(
            stderr.contains("hint: ") && stderr.contains("PUBLIC key"),
            "the hint should ask for the public key: {stderr}"
        );
    }

    // The same person's public key is accepted; what is stored then holds
    // no secret key packet from the files offered before.
    let public = gpg_export(&gpg, &cp, "careless@example.org", "public.asc");
    add(&cp, "p-0001", &public);
    let stored = all_stored_certs(&cp);
    assert_eq!(stored.len(), 1);
    assert!(stored.iter().all(|c| !c.is_tsk()));
    let state = state_files(&cp);
    let mut secret_packets = 0;
    for key in tsk.keys().secret() {
        let packet = Packet::from(key.key().clone().role_into_primary());
        let bytes = packet.to_vec().unwrap();
        assert!(!contains(&state, &bytes), "a secret key packet was stored");
        secret_packets += 1;
    }
    assert_eq!(secret_packets, 2);

    // `contact update` refuses secrets the same way.
    let stderr = fails(&cp, &["contact", "update", "p-0001", "--key-file", armored.to_str().unwrap()], 4);
    assert!(stderr.contains("SECRET"), "{stderr}");
    assert!(all_stored_certs(&cp).iter().all(|c| !c.is_tsk()));
}

#[test]
fn empty_and_plain_text_files_hold_no_certificate() {
    let cp = clinician();
    let empty = write(&cp, "empty.asc", b"");
    add_is_refused(&cp, "p-0001", &empty, 4, &["no OpenPGP key"]);
    let blank = write(&cp, "blank.asc", b"\n \n\t\n");
    add_is_refused(&cp, "p-0001", &blank, 4, &["no OpenPGP key"]);
    let text = write(&cp, "letter.txt", "Dear doctor,\nhere is my key: please call me on my mobile.\nRegards\n");
    add_is_refused(&cp, "p-0001", &text, 4, &["OpenPGP key"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn a_file_with_two_certificates_is_refused() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    gpg_curve25519(&gpg, "First <first@example.org>");
    gpg_curve25519(&gpg, "Second <second@example.org>");
    let both = write(&cp, "both.asc", gpg.run(&["--armor", "--export"]));
    add_is_refused(&cp, "p-0001", &both, 4, &["2 keys", "exactly one"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn a_revoked_certificate_is_refused() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    let fpr = gpg_curve25519(&gpg, "Revoked <revoked@example.org>");
    gpg.revoke(&fpr);
    let key = gpg_export(&gpg, &cp, "revoked@example.org", "revoked.asc");
    add_is_refused(&cp, "p-0001", &key, 4, &["revoked"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn an_expired_certificate_is_refused() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    gpg.quick_gen_key(
        &["--faked-system-time", "20200101T000000"],
        "Expired <expired@example.org>",
        "future-default",
        "default",
        "1y",
    );
    let key = gpg_export(&gpg, &cp, "expired@example.org", "expired.asc");
    add_is_refused(&cp, "p-0001", &key, 4, &["expired", "31 Dec 2020"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn a_sign_only_certificate_is_refused_for_lacking_an_encryption_subkey() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    gpg.quick_gen_key(&[], "Signer <signer@example.org>", "ed25519", "sign", "1y");
    let key = gpg_export(&gpg, &cp, "signer@example.org", "signer.asc");
    add_is_refused(&cp, "p-0001", &key, 4, &["cannot be used for encryption"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn rsa_1024_keys_are_refused_as_too_weak() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    gpg.generate("Old Rsa <old.rsa@example.org>", "rsa1024", Some("rsa1024"), "2y");
    let key = gpg_export(&gpg, &cp, "old.rsa@example.org", "rsa1024.asc");
    add_is_refused(&cp, "p-0001", &key, 4, &["too weak"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn dsa_and_elgamal_keys_are_refused_as_too_weak_at_2048_bits() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    gpg.generate("Old Dsa <old.dsa@example.org>", "dsa2048", Some("elg2048"), "2y");
    let key = gpg_export(&gpg, &cp, "old.dsa@example.org", "dsa.asc");
    add_is_refused(&cp, "p-0001", &key, 4, &["too weak", "DSA"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn a_strong_primary_with_only_an_rsa_1024_encryption_subkey_is_refused_as_too_weak() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    gpg.generate("Mixed <mixed@example.org>", "ed25519", Some("rsa1024"), "2y");
    let key = gpg_export(&gpg, &cp, "mixed@example.org", "mixed.asc");
    add_is_refused(&cp, "p-0001", &key, 4, &["too weak", "1024"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn sha1_self_signatures_are_refused_as_too_weak() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    let uid = "Sha One <sha1@example.org>";
    let fpr = gpg.quick_gen_key(&["--cert-digest-algo", "SHA1"], uid, "rsa2048", "sign,cert", "2y");
    gpg.run(&["--cert-digest-algo", "SHA1", "--quick-add-key", &fpr, "rsa2048", "encr", "2y"]);
    let key = gpg_export(&gpg, &cp, "sha1@example.org", "sha1.asc");
    add_is_refused(&cp, "p-0001", &key, 4, &["too weak", "SHA1"]);
}

#[test]
fn garbage_bytes_are_refused_as_unreadable() {
    let cp = clinician();
    let mut noise = vec![0u8; 4096];
    openpgp::crypto::random(&mut noise).unwrap();
    // Start with a plausible public-key packet tag so the parser digs in.
    noise[0] = 0x99;
    let garbage = write(&cp, "garbage.gpg", &noise);
    add_is_refused(&cp, "p-0001", &garbage, 4, &["not a readable OpenPGP key"]);
    let fake_armor = write(
        &cp,
        "fake.asc",
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbm90IGEga2V5IGF0IGFsbA==\n-----END PGP PUBLIC KEY BLOCK-----\n",
    );
    add_is_refused(&cp, "p-0001", &fake_armor, 4, &["OpenPGP key"]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn truncated_armored_and_binary_files_are_refused() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    gpg_curve25519(&gpg, "Cut <cut@example.org>");
    let armored = String::from_utf8(gpg.run(&["--armor", "--export", "cut@example.org"])).unwrap();
    let lines: Vec<&str> = armored.lines().collect();
    let half_armor = write(&cp, "half.asc", lines[..lines.len() / 2].join("\n") + "\n");
    add_is_refused(&cp, "p-0001", &half_armor, 4, &["OpenPGP key"]);

    let binary = gpg.export_binary("cut@example.org");
    for (name, cut) in [("half.gpg", binary.len() / 2), ("short.gpg", binary.len() - 7)] {
        let truncated = write(&cp, name, &binary[..cut]);
        add_is_refused(&cp, "p-0001", &truncated, 4, &["not a readable OpenPGP key"]);
    }
    // The untruncated file is fine: the refusals were about the damage.
    add(&cp, "p-0001", &write(&cp, "whole.gpg", &binary));
}

#[test]
fn a_certificate_without_a_user_id_is_refused() {
    let cp = clinician();
    let (cert, _) = CertBuilder::new().add_transport_encryption_subkey().generate().unwrap();
    assert_eq!(cert.userids().count(), 0);
    let key = write_public(&cp, "anonymous.asc", &cert);
    add_is_refused(&cp, "p-0001", &key, 4, &["no name or email"]);
}

#[test]
fn your_own_key_is_refused_as_a_contact() {
    let cp = clinician();
    let own = cp.export_key();
    let stderr = add_is_refused(&cp, "me", &own, 4, &["this is your own key"]);
    assert!(
        !stderr.contains("not a readable") && !stderr.contains("export their public key again"),
        "your own key is readable; the message must not say otherwise: {stderr}"
    );
    assert!(stderr.contains("hint: add the key file your contact sent you"));

    // Nor can a contact's key be replaced by your own.
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    let fpr = add(&cp, "p-0001", &key)["fingerprint"].clone();
    let stderr = fails(&cp, &["contact", "update", "p-0001", "--key-file", own.to_str().unwrap()], 4);
    assert!(stderr.contains("this is your own key"), "{stderr}");
    assert_eq!(listed(&cp, "p-0001")["fingerprint"], fpr);
}

#[test]
fn a_missing_key_file_or_a_folder_is_refused_naming_the_path() {
    let cp = clinician();
    let missing = cp.path("no-such-key.asc");
    add_is_refused(&cp, "p-0001", &missing, 1, &["no-such-key.asc"]);
    let folder = cp.path("keys");
    std::fs::create_dir(&folder).unwrap();
    add_is_refused(&cp, "p-0001", &folder, 1, &["folder"]);
}

// ---------------------------------------------------------------------------
// Aliases.

#[test]
fn invalid_aliases_are_usage_errors() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    let too_long = "a".repeat(65);
    for alias in ["Jansen", "p 0001", too_long.as_str(), "../x", "a/b", ".hidden", ""] {
        add_is_refused(&cp, alias, &key, 2, &["not a valid alias"]);
    }
    // 64 characters is still fine.
    add(&cp, &"a".repeat(64), &key);
}

#[test]
fn an_alias_already_in_use_is_refused() {
    let cp = clinician();
    let first = write_public(&cp, "first.asc", &sequoia_cert("First <f@example.org>"));
    let second = write_public(&cp, "second.asc", &sequoia_cert("Second <s@example.org>"));
    let added = add(&cp, "p-0001", &first);
    let stderr = add_is_refused(&cp, "p-0001", &second, 1, &["already a contact \"p-0001\""]);
    assert!(stderr.contains("contact update p-0001"), "{stderr}");
    assert_eq!(listed(&cp, "p-0001")["fingerprint"], added["fingerprint"]);
}

#[test]
fn the_same_certificate_under_a_second_alias_is_refused() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    add(&cp, "p-0001", &key);
    add_is_refused(&cp, "p-0002", &key, 4, &["already in your contacts as \"p-0001\""]);
}

// ---------------------------------------------------------------------------
// Hostile text in certificates.

#[test]
fn a_hostile_user_id_cannot_drive_the_terminal() {
    let cp = clinician();
    let hostile = "Mallory\u{1b}[2J\u{1b}]0;title\u{7} \u{202E}gpj.exe <m@example.org>";
    let (cert, _) =
        CertBuilder::new().add_userid(UserID::from(hostile)).add_transport_encryption_subkey().generate().unwrap();
    let key = write_public(&cp, "mallory.asc", &cert);
    let added = cp.cmd().args(["contact", "add", "p-0001", "--key-file"]).arg(&key).output().unwrap();
    assert!(added.status.success());
    let shown = cp.cmd().args(["contact", "show", "p-0001"]).output().unwrap();
    assert!(shown.status.success());
    for (what, out) in [("add", &added), ("show", &shown)] {
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8(stream.clone()).unwrap();
            for bad in ['\u{1b}', '\u{7}', '\u{202E}'] {
                assert!(!text.contains(bad), "`contact {what}` let {bad:?} through: {text:?}");
            }
        }
    }
    // The user ID is still shown, visibly escaped.
    let text = String::from_utf8(shown.stdout).unwrap();
    assert!(text.contains("Mallory\\u{1b}[2J"), "{text}");
    assert!(text.contains("\\u{202e}gpj.exe"), "{text}");
}

#[test]
fn json_output_escapes_bidi_c1_and_separators_in_a_user_id() {
    let cp = clinician();
    let hostile = "Mallory \u{202E}gpj.exe\u{85}\u{9b}31m\u{2028}\u{2067}x\u{200E} <m@example.org>";
    let (cert, _) =
        CertBuilder::new().add_userid(UserID::from(hostile)).add_transport_encryption_subkey().generate().unwrap();
    let key = write_public(&cp, "mallory.asc", &cert);
    let added = cp.cmd().args(["--json", "contact", "add", "p-0001", "--key-file"]).arg(&key).output().unwrap();
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    for args in [&["--json", "contact", "show", "p-0001"][..], &["--json", "contact", "list"]] {
        let out = cp.cmd().args(args).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        for bad in ['\u{202E}', '\u{85}', '\u{9b}', '\u{2028}', '\u{2067}', '\u{200E}'] {
            assert!(!text.contains(bad), "{args:?} let {bad:?} through raw: {text:?}");
        }
        let value: Value = serde_json::from_str(&text).unwrap();
        if args[2] == "show" {
            assert!(text.contains("\\u202e"), "{args:?}: {text}");
            // Escaped, not dropped: a JSON reader gets the user ID back exactly.
            assert_eq!(value["user_ids"], serde_json::json!([hostile]), "{value:#}");
        }
    }
    let out = cp.cmd().args(["--json", "contact", "add", "p-0002", "--key-file"]).arg(&key).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "the same certificate again is input rejected");
}

// ---------------------------------------------------------------------------
// Verification.

#[test]
fn verify_accepts_the_full_fingerprint_in_every_spelling_and_records_the_method() {
    let cp = clinician();
    let start = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs();
    let mut fingerprints = Vec::new();
    for i in 0..7 {
        let key = write_public(&cp, &format!("c{i}.asc"), &sequoia_cert(&format!("C{i} <c{i}@example.org>")));
        fingerprints.push(add(&cp, &format!("c{i}"), &key)["fingerprint"].as_str().unwrap().to_owned());
    }
    let phrase = |fpr: &str| carepost::words::to_phrase(&fingerprint_bytes(fpr));
    let readings: Vec<(&str, String, &str)> = vec![
        ("--fingerprint", fingerprints[0].to_lowercase(), "phone"),
        ("--fingerprint", grouped(&fingerprints[1], 2, ":"), "in-person"),
        ("--fingerprint", grouped(&fingerprints[2], 4, "-"), "video"),
        ("--fingerprint", grouped(&fingerprints[3], 4, "  "), "phone"),
        ("--fingerprint", grouped(&fingerprints[4], 4, " "), "in-person"),
        ("--words", phrase(&fingerprints[5]), "video"),
        ("--words", phrase(&fingerprints[6]).to_lowercase(), "phone"),
    ];
    for (i, (option, reading, method)) in readings.iter().enumerate() {
        let alias = format!("c{i}");
        let result = cp.json(&["contact", "verify", &alias, option, reading, "--method", method]);
        assert_eq!(result["verified"], true, "{alias} with {reading:?}");
        assert_eq!(result["method"], *method);
        let listed = listed(&cp, &alias);
        assert_eq!(listed["verified"], true);
        assert_eq!(listed["method"], *method);
        let at = unix_seconds(listed["verified_at"].as_str().unwrap());
        let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs();
        assert!(start <= at && at <= now, "verified_at {at} not in {start}..={now}");
    }
}

#[test]
fn a_mismatched_fingerprint_is_refused_and_the_contact_stays_unverified() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    let fpr = add(&cp, "p-0001", &key)["fingerprint"].as_str().unwrap().to_owned();
    let other = sequoia_cert("Other <o@example.org>").fingerprint().to_hex();
    // One digit off, as when a digit is misheard.
    let last = fpr.chars().last().unwrap();
    let misheard = format!("{}{}", &fpr[..39], if last == '0' { '1' } else { '0' });
    for reading in [other.as_str(), misheard.as_str()] {
        let stderr = fails(&cp, &["contact", "verify", "p-0001", "--fingerprint", reading], 3);
        assert!(stderr.contains("does NOT match"), "{stderr}");
        assert!(stderr.contains("may not belong to this contact"), "{stderr}");
        assert!(stderr.contains("hint: do not send anything"), "{stderr}");
        let c = listed(&cp, "p-0001");
        assert_eq!(c["verified"], false);
        assert_eq!(c["verified_at"], Value::Null);
    }
    assert!(stored_cert(&cp, "p-0001").userids().all(|ua| ua.certifications().next().is_none()));
}

#[test]
fn key_ids_and_partial_fingerprints_are_refused_as_partial() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    let fpr = add(&cp, "p-0001", &key)["fingerprint"].as_str().unwrap().to_owned();
    let key_id = fpr[24..].to_owned();
    let first_half = grouped(&fpr[..20], 4, " ");
    let phrase = carepost::words::to_phrase(&fingerprint_bytes(&fpr));
    let ten_words = phrase.split(' ').take(10).collect::<Vec<_>>().join(" ");
    for (option, reading, said) in [
        ("--fingerprint", key_id.as_str(), "you typed 16 of the 40 characters"),
        ("--fingerprint", first_half.as_str(), "you typed 20 of the 40 characters"),
        ("--words", ten_words.as_str(), "you typed 10 of the 20 words"),
    ] {
        let stderr = fails(&cp, &["contact", "verify", "p-0001", option, reading], 3);
        assert!(stderr.contains(said), "{reading}: {stderr}");
        assert!(stderr.contains("\"p-0001\" stays unverified"), "{reading}: {stderr}");
        assert!(stderr.contains("hint: ask the contact to read out the whole fingerprint"));
    }
    assert_eq!(listed(&cp, "p-0001")["verified"], false);
}

#[test]
fn a_misread_fingerprint_says_what_is_wrong_without_revealing_the_right_one() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    let fpr = add(&cp, "p-0001", &key)["fingerprint"].as_str().unwrap().to_owned();
    let own = cp.json(&["whoami"])["fingerprint"].as_str().unwrap().to_owned();
    let phrase = carepost::words::to_phrase(&fingerprint_bytes(&fpr));
    let first_word = phrase.split(' ').next().unwrap();
    // A letter O for a digit 0: make sure the reading has a 0 to replace.
    let with_zero = format!("0{}", &fpr[1..]);
    let misspelt = phrase.replacen(first_word, "Zyzzyva\u{7}", 1);
    for (option, reading, said) in [
        ("--fingerprint", own.clone(), "that is your own fingerprint".to_owned()),
        ("--fingerprint", with_zero.replacen('0', "O", 1), "the letter O, not the digit 0".to_owned()),
        ("--fingerprint", fpr[..36].to_owned(), "you typed 36 of the 40 characters".to_owned()),
        ("--words", misspelt, "word 1 (\"Zyzzyva\\u{7}\") is not in the PGP word list".to_owned()),
    ] {
        let stderr = fails(&cp, &["contact", "verify", "p-0001", option, &reading], 3);
        assert!(stderr.contains(&said), "{reading}: {stderr}");
        assert!(!stderr.contains(&fpr) && !stderr.contains(&fpr[36..]), "reveals the fingerprint: {stderr}");
        assert!(!stderr.contains('\u{7}'), "{stderr}");
    }
    assert_eq!(listed(&cp, "p-0001")["verified"], false);
    // Each refused reading is audited, with a code rather than a sentence.
    let log = std::fs::read_to_string(cp.home.join("audit.log")).unwrap();
    assert!(log.contains("reading-own-fingerprint") && log.contains("reading-not-hex"), "{log}");
}

#[test]
fn a_mismatch_on_a_verified_contact_says_it_stays_verified_as_it_was() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    let fpr = add(&cp, "p-0001", &key)["fingerprint"].as_str().unwrap().to_owned();
    cp.json(&["contact", "verify", "p-0001", "--fingerprint", &fpr, "--method", "in-person"]);
    let before = listed(&cp, "p-0001");
    let other = sequoia_cert("Other <o@example.org>").fingerprint().to_hex();
    let stderr = fails(&cp, &["contact", "verify", "p-0001", "--fingerprint", &other], 3);
    assert!(stderr.contains("does NOT match"), "{stderr}");
    assert!(!stderr.contains("unverified"), "{stderr}");
    assert!(stderr.contains("nothing changed: \"p-0001\" stays verified"), "{stderr}");
    assert!(stderr.contains("(in person)"), "the method, in words: {stderr}");
    assert_eq!(listed(&cp, "p-0001"), before);
}

#[test]
fn verifying_an_unknown_alias_fails() {
    let cp = clinician();
    let stderr = fails(&cp, &["contact", "verify", "p-9999", "--fingerprint", &"AB".repeat(20)], 2);
    assert!(stderr.contains("no contact \"p-9999\""), "{stderr}");
    assert!(stderr.contains("carepost contact list"), "{stderr}");
}

#[test]
fn verify_without_a_reading_off_a_terminal_says_what_to_give_instead_of_waiting() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    add(&cp, "p-0001", &key);
    let out = cp.cmd().args(["contact", "verify", "p-0001"]).timeout(Duration::from_secs(30)).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nobody is at a terminal"), "{stderr}");
    assert!(stderr.contains("--fingerprint") && stderr.contains("--words"), "{stderr}");
    assert_eq!(listed(&cp, "p-0001")["verified"], false);
}

// ---------------------------------------------------------------------------
// Tampering with the state database cannot fake "verified".

#[test]
fn a_certification_by_another_key_does_not_verify_a_contact() {
    let attacker = sequoia_cert("Attacker <attacker@example.org>");
    let contact = sequoia_cert("Contact <contact@example.org>");
    for claims_to_be_you in [false, true] {
        let cp = clinician();
        add(&cp, "p-0001", &write_public(&cp, "contact.asc", &contact));
        let own = Cert::from_bytes(&std::fs::read(cp.export_key()).unwrap()).unwrap();
        let forged = forged_certification(&contact, "p-0001", &attacker, claims_to_be_you.then_some(&own));
        store_raw(&cp, "p-0001", &contact.fingerprint().to_hex(), &forged.to_vec().unwrap());
        // The tampered blob is read (not refused as damaged) and carries
        // the forged certification.
        assert_eq!(stored_cert(&cp, "p-0001").userids().flat_map(|ua| ua.certifications()).count(), 1);
        let what = if claims_to_be_you { "claims the user's key as issuer" } else { "names the attacker as issuer" };
        let c = listed(&cp, "p-0001");
        assert_eq!(c["verified"], false, "a certification that {what}");
        assert_eq!(c["method"], Value::Null);
        let shown = cp.json(&["contact", "show", "p-0001"]);
        assert_eq!(shown["verified"], false, "a certification that {what}");
    }
}

#[test]
fn a_certification_copied_from_another_contact_does_not_verify() {
    let cp = clinician();
    let a = sequoia_cert("A <a@example.org>");
    let b = sequoia_cert("B <b@example.org>");
    add(&cp, "p-a", &write_public(&cp, "a.asc", &a));
    add(&cp, "p-b", &write_public(&cp, "b.asc", &b));
    verify(&cp, "p-a", &a.fingerprint().to_hex());
    let certified_a = stored_cert(&cp, "p-a");
    let carepost_sig = certified_a
        .userids()
        .flat_map(|ua| ua.certifications())
        .next()
        .expect("verification left a certification")
        .clone();
    // Re-label the copy for p-b's alias would break the signature; copy it as is.
    let b_uid = b.userids().next().unwrap().userid().clone();
    let b_with_copy = b.clone().insert_packets(vec![Packet::from(b_uid), carepost_sig.into()]).unwrap().0;
    store_raw(&cp, "p-b", &b.fingerprint().to_hex(), &b_with_copy.to_vec().unwrap());
    assert_eq!(listed(&cp, "p-a")["verified"], true);
    assert_eq!(listed(&cp, "p-b")["verified"], false);
}

#[test]
fn swapping_stored_certificates_does_not_carry_verification_to_another_alias() {
    let cp = clinician();
    let a = sequoia_cert("A <a@example.org>");
    let b = sequoia_cert("B <b@example.org>");
    add(&cp, "p-a", &write_public(&cp, "a.asc", &a));
    add(&cp, "p-b", &write_public(&cp, "b.asc", &b));
    verify(&cp, "p-a", &a.fingerprint().to_hex());
    assert_eq!(listed(&cp, "p-a")["verified"], true);

    let conn = state_db(&cp);
    let row = |alias: &str| -> (String, Vec<u8>) {
        conn.query_row("SELECT fingerprint, cert FROM contacts WHERE alias = ?1", [alias], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
    };
    let (fa, ca) = row("p-a");
    let (fb, cb) = row("p-b");
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn.execute("UPDATE contacts SET fingerprint = 'swapping' WHERE alias = 'p-a'", []).unwrap();
    for (alias, fpr, cert) in [("p-b", &fa, &ca), ("p-a", &fb, &cb)] {
        conn.execute(
            "UPDATE contacts SET fingerprint = ?2, cert = ?3 WHERE alias = ?1",
            rusqlite::params![alias, fpr, cert],
        )
        .unwrap();
    }
    conn.execute_batch("COMMIT").unwrap();
    drop(conn);

    // p-b now holds a's certified certificate, but the certification names
    // p-a: p-b is not verified, and neither is p-a (it holds b's key).
    let b_row = listed(&cp, "p-b");
    assert_eq!(b_row["fingerprint"], a.fingerprint().to_hex());
    assert_eq!(b_row["verified"], false);
    let a_row = listed(&cp, "p-a");
    assert_eq!(a_row["fingerprint"], b.fingerprint().to_hex());
    assert_eq!(a_row["verified"], false);
}

#[test]
fn a_damaged_or_mismatched_stored_certificate_is_a_clear_error() {
    let cp = clinician();
    let a = sequoia_cert("A <a@example.org>");
    add(&cp, "p-a", &write_public(&cp, "a.asc", &a));
    let fpr = a.fingerprint().to_hex();
    let other = sequoia_cert("Other <o@example.org>");
    for (what, blob) in
        [("garbage", b"\x99\x01\x0dnot a certificate".to_vec()), ("another key", other.to_vec().unwrap())]
    {
        store_raw(&cp, "p-a", &fpr, &blob);
        let stderr = fails(&cp, &["contact", "show", "p-a"], 1);
        assert!(stderr.contains("stored key for \"p-a\" is damaged"), "{what}: {stderr}");
        assert!(stderr.contains("hint: "), "{stderr}");
        // The rest of the book stays usable; the damage is reported.
        let out = cp.cmd().args(["--json", "contact", "list"]).output().unwrap();
        assert!(out.status.success(), "{what}");
        let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(listed["contacts"].as_array().unwrap().iter().all(|c| c["alias"] != "p-a"), "{what}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("stored key for \"p-a\" is damaged"), "{what}: {stderr}");
        fails(&cp, &["contact", "verify", "p-a", "--fingerprint", &fpr], 1);
    }
}

// ---------------------------------------------------------------------------
// Updating a contact's key.

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn updating_to_the_same_key_with_a_later_expiry_keeps_verification() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    // Made two days ago, so that the renewal's self-signature is newer.
    let two_days_ago = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs() - 2 * 86400;
    let uid = "Renewing <renew@example.org>";
    let fpr =
        gpg.quick_gen_key(&["--faked-system-time", &two_days_ago.to_string()], uid, "future-default", "default", "1y");
    add(&cp, "p-0001", &gpg_export(&gpg, &cp, uid, "v1.asc"));
    verify(&cp, "p-0001", &fpr);
    let before = listed(&cp, "p-0001");
    assert_eq!(before["verified"], true);

    gpg.run(&["--quick-set-expire", &fpr, "3y"]);
    gpg.run(&["--quick-set-expire", &fpr, "3y", "*"]);
    let renewed = gpg_export(&gpg, &cp, uid, "v2.asc");
    let updated = cp.json(&["contact", "update", "p-0001", "--key-file", renewed.to_str().unwrap()]);
    assert_eq!(updated["key_changed"], false);
    assert_eq!(updated["old_fingerprint"], Value::Null);
    assert_eq!(updated["fingerprint"], fpr.as_str());
    assert_eq!(updated["verified"], true);

    let after = listed(&cp, "p-0001");
    assert_eq!(after["verified"], true);
    assert_eq!(after["method"], before["method"]);
    assert_eq!(after["verified_at"], before["verified_at"]);
    let new_expiry = unix_seconds(after["expires"].as_str().unwrap());
    assert!(new_expiry > unix_seconds(before["expires"].as_str().unwrap()));
    assert_eq!(Some(new_expiry), gpg.expiry(&fpr));
}

#[test]
fn a_different_key_for_a_contact_warns_loudly_and_drops_verification() {
    let cp = clinician();
    let old = sequoia_cert("Contact <contact@example.org>");
    let new = sequoia_cert("Contact <contact@example.org>");
    add(&cp, "p-0001", &write_public(&cp, "old.asc", &old));
    verify(&cp, "p-0001", &old.fingerprint().to_hex());
    let new_key = write_public(&cp, "new.asc", &new);
    let out = cp.cmd().args(["--json", "contact", "update", "p-0001", "--key-file"]).arg(&new_key).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("WARNING"), "{stderr}");
    assert!(stderr.contains("has CHANGED"), "{stderr}");
    assert!(stderr.contains("intercepting"), "{stderr}");
    assert!(stderr.contains(&grouped(&old.fingerprint().to_hex(), 4, " ")));
    assert!(stderr.contains(&grouped(&new.fingerprint().to_hex(), 4, " ")));
    assert!(stderr.contains("carepost contact verify p-0001"), "{stderr}");
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["key_changed"], true);
    assert_eq!(result["old_fingerprint"], old.fingerprint().to_hex());
    assert_eq!(result["fingerprint"], new.fingerprint().to_hex());
    assert_eq!(result["verified"], false);
    let c = listed(&cp, "p-0001");
    assert_eq!(c["fingerprint"], new.fingerprint().to_hex());
    assert_eq!(c["verified"], false);
    assert_eq!(c["method"], Value::Null);
}

#[test]
fn updating_to_a_key_stored_under_another_alias_is_refused() {
    let cp = clinician();
    let a = sequoia_cert("A <a@example.org>");
    let b = sequoia_cert("B <b@example.org>");
    let a_key = write_public(&cp, "a.asc", &a);
    add(&cp, "p-a", &a_key);
    add(&cp, "p-b", &write_public(&cp, "b.asc", &b));
    let before = list(&cp);
    let stderr = fails(&cp, &["contact", "update", "p-b", "--key-file", a_key.to_str().unwrap()], 4);
    assert!(stderr.contains("already in your contacts as \"p-a\""), "{stderr}");
    assert_eq!(list(&cp), before);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn updating_with_a_revoked_version_of_the_same_key_keeps_the_revocation() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = clinician();
    let uid = "Revoking <revoking@example.org>";
    let fpr = gpg_curve25519(&gpg, uid);
    add(&cp, "p-0001", &gpg_export(&gpg, &cp, uid, "v1.asc"));
    cp.cmd().args(["contact", "consent", "p-0001", "--give", "verbal"]).assert().success();
    gpg.revoke(&fpr);
    let revoked = gpg_export(&gpg, &cp, uid, "revoked.asc");
    let stderr = fails(&cp, &["contact", "update", "p-0001", "--key-file", revoked.to_str().unwrap()], 4);
    assert!(stderr.contains("REVOKED"), "{stderr}");
    assert_eq!(listed(&cp, "p-0001")["fingerprint"], fpr.as_str());
    // The revocation was kept: nothing can be sent to this key any more,
    // not even with a reason.
    let document = cp.path("brief.pdf");
    std::fs::write(&document, b"x").unwrap();
    let out = cp
        .cmd()
        .arg("send")
        .arg(&document)
        .args(["--to", "p-0001", "--unverified-ok", "urgent", "-o"])
        .arg(cp.dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("revoked"));
}

#[test]
fn updating_an_unknown_alias_fails() {
    let cp = clinician();
    let key = write_public(&cp, "k.asc", &sequoia_cert("K <k@example.org>"));
    let stderr = fails(&cp, &["contact", "update", "p-9999", "--key-file", key.to_str().unwrap()], 2);
    assert!(stderr.contains("no contact \"p-9999\""), "{stderr}");
    assert!(aliases(&cp).is_empty());
}

// ---------------------------------------------------------------------------
// Removing contacts.

#[test]
fn a_removed_contact_is_gone_from_the_list() {
    let cp = clinician();
    let a = sequoia_cert("A <a@example.org>");
    add(&cp, "p-a", &write_public(&cp, "a.asc", &a));
    add(&cp, "p-b", &write_public(&cp, "b.asc", &sequoia_cert("B <b@example.org>")));
    verify(&cp, "p-a", &a.fingerprint().to_hex());
    let removed = cp.json(&["contact", "remove", "p-a"]);
    assert_eq!(removed["alias"], "p-a");
    assert_eq!(aliases(&cp), ["p-b"]);
    fails(&cp, &["contact", "show", "p-a"], 2);
    // The key can come back, under its old alias or another, unverified.
    let again = add(&cp, "p-a2", &cp.path("a.asc"));
    assert_eq!(again["verified"], false);
}

#[test]
fn an_unknown_alias_suggests_the_one_probably_meant() {
    let cp = clinician();
    let key = write_public(&cp, "a.asc", &sequoia_cert("A <a@example.org>"));
    add(&cp, "p-0042", &key);
    add(&cp, "gp.bakker", &write_public(&cp, "b.asc", &sequoia_cert("B <b@example.org>")));
    for args in [
        vec!["contact", "show", "p-042"],
        vec!["contact", "remove", "p-042"],
        vec!["contact", "verify", "p-042", "--fingerprint", "0000"],
        vec!["contact", "update", "p-042", "--key-file", key.to_str().unwrap()],
    ] {
        let stderr = fails(&cp, &args, 2);
        assert!(stderr.contains("error: there is no contact \"p-042\" — did you mean p-0042?"), "{args:?}: {stderr}");
        assert!(stderr.contains("hint: see your contacts with: carepost contact list"), "{args:?}: {stderr}");
    }
    // Nothing close: no guess.
    let stderr = fails(&cp, &["contact", "show", "p-9999"], 2);
    assert!(stderr.contains("no contact \"p-9999\"") && !stderr.contains("did you mean"), "{stderr}");
    assert_eq!(aliases(&cp), ["gp.bakker", "p-0042"]);
}

#[test]
fn removing_an_unknown_alias_fails() {
    let cp = clinician();
    add(&cp, "p-a", &write_public(&cp, "a.asc", &sequoia_cert("A <a@example.org>")));
    let stderr = fails(&cp, &["contact", "remove", "p-9999"], 2);
    assert!(stderr.contains("no contact \"p-9999\""), "{stderr}");
    assert_eq!(aliases(&cp), ["p-a"]);
}

// ---------------------------------------------------------------------------
// Several carepost processes at once.

fn spawn_add(cp: &Carepost, alias: &str, key: &Path) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("carepost"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CAREPOST_LANG", "en")
        .arg("--home")
        .arg(&cp.home)
        .arg("--no-keychain")
        .arg("--passphrase-file")
        .arg(&cp.passphrase_file)
        .args(["contact", "add", alias, "--key-file"])
        .arg(key)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn eight_concurrent_adds_all_land() {
    let cp = clinician();
    let keys: Vec<(String, PathBuf, String)> = (0..8)
        .map(|i| {
            let cert = sequoia_cert(&format!("P{i} <p{i}@example.org>"));
            let path = write_public(&cp, &format!("p{i}.asc"), &cert);
            (format!("p-{i:04}"), path, cert.fingerprint().to_hex())
        })
        .collect();
    let children: Vec<_> = keys.iter().map(|(alias, key, _)| spawn_add(&cp, alias, key)).collect();
    for (child, (alias, _, _)) in children.into_iter().zip(&keys) {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{alias}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let all = list(&cp);
    let contacts = all["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 8);
    for (alias, _, fpr) in &keys {
        assert!(
            contacts.iter().any(|c| c["alias"] == alias.as_str() && c["fingerprint"] == fpr.as_str()),
            "{alias} missing"
        );
    }
}

#[test]
fn two_concurrent_adds_of_one_alias_let_exactly_one_win() {
    let cp = clinician();
    for round in 0..3 {
        let alias = format!("p-race-{round}");
        let certs = [
            sequoia_cert(&format!("X{round} <x{round}@example.org>")),
            sequoia_cert(&format!("Y{round} <y{round}@example.org>")),
        ];
        let keys: Vec<PathBuf> =
            certs.iter().enumerate().map(|(i, c)| write_public(&cp, &format!("race-{round}-{i}.asc"), c)).collect();
        let children: Vec<_> = keys.iter().map(|k| spawn_add(&cp, &alias, k)).collect();
        let outs: Vec<_> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
        let winners: Vec<usize> = (0..2).filter(|&i| outs[i].status.success()).collect();
        assert_eq!(winners.len(), 1, "round {round}: {outs:?}");
        let loser = &outs[1 - winners[0]];
        assert_eq!(loser.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&loser.stderr);
        assert!(stderr.contains("already a contact"), "{stderr}");
        assert_eq!(listed(&cp, &alias)["fingerprint"], certs[winners[0]].fingerprint().to_hex());
    }
    assert_eq!(aliases(&cp).len(), 3);
}

#[test]
fn a_contacts_kind_is_shown_in_the_users_language_and_stays_a_code_in_json() {
    let doctor = Carepost::with_identity("Dr. A. Jansen", "a.jansen@huisarts.example");
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    let out = doctor
        .cmd()
        .env("CAREPOST_LANG", "nl")
        .args(["contact", "add", "p-0042", "--key-file"])
        .arg(patient.export_key())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("patiënt"), "{}", String::from_utf8_lossy(&out.stdout));
    let listed = doctor.cmd().env("CAREPOST_LANG", "nl").args(["contact", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("patiënt"));
    let json = doctor.json(&["contact", "list"]);
    assert_eq!(json["contacts"][0]["kind"], "patient", "{json}");
}

#[test]
fn a_key_from_a_file_says_so_and_the_log_names_only_the_kind_of_source() {
    let doctor = clinician();
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    let key = patient.export_key();
    add(&doctor, "p-0042", &key);
    let shown = doctor.json(&["contact", "show", "p-0042"]);
    assert_eq!(shown["source"]["kind"], "file");
    assert!(shown["source"]["location"].is_null() && shown["source"]["email"].is_null());
    assert!(shown["source"]["refreshed_at"].is_null());
    let text = common::stdout(&doctor.cmd().args(["contact", "show", "p-0042"]).output().unwrap());
    assert!(text.contains("Key from:") && text.contains("a key file"), "{text}");
    let log = std::fs::read_to_string(doctor.home.join("audit.log")).unwrap();
    assert!(log.contains("patient; source file"), "{log}");
}
