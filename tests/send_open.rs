//! `send` and `open` through the real binary: what is refused before any
//! output exists, what a damaged or hostile message does, and that nothing
//! partial is ever left behind.

mod common;

use common::{pair, write, Carepost};
use openpgp::cert::prelude::*;
use openpgp::packet::prelude::*;
use openpgp::parse::Parse;
use openpgp::policy::StandardPolicy;
use openpgp::serialize::stream::{Encryptor, LiteralWriter, Message, Signer};
use openpgp::serialize::{Serialize, SerializeInto};
use openpgp::types::SignatureType;
use predicates::prelude::*;
use sequoia_openpgp as openpgp;
use std::io::Write;
use std::path::{Path, PathBuf};

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

fn fresh_dir(cp: &Carepost, name: &str) -> PathBuf {
    let dir = cp.path(name);
    std::fs::create_dir(&dir).unwrap();
    dir
}

/// Sends `path` from `from` to `alias` into `dir`; returns the output file.
fn send(from: &Carepost, path: &Path, alias: &str, dir: &Path, extra: &[&str]) -> PathBuf {
    let out = from
        .cmd()
        .args(["--json", "send"])
        .arg(path)
        .args(["--to", alias, "-o"])
        .arg(dir)
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "send failed: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    PathBuf::from(json["outputs"][0]["output"].as_str().unwrap())
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut v = vec![0u8; n];
    openpgp::crypto::random(&mut v).unwrap();
    v
}

#[test]
fn a_document_round_trips_with_a_neutral_outer_name() {
    let (clinician, patient) = pair();
    let document = random_bytes(300_000);
    let input = write(&clinician, "Jansen_ontslagbrief.pdf", &document);
    let sent_dir = fresh_dir(&clinician, "sent");
    let out = clinician
        .cmd()
        .args(["--json", "send"])
        .arg(&input)
        .args(["--to", "p-0042", "-o"])
        .arg(&sent_dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entry = &json["outputs"][0];
    assert_eq!(entry["input"], input.to_str().unwrap());
    assert_eq!(entry["recipients"][0]["alias"], "p-0042");
    assert_eq!(entry["recipients"][0]["fingerprint"], patient.fingerprint());
    let output = PathBuf::from(entry["output"].as_str().unwrap());
    let name = output.file_name().unwrap().to_str().unwrap();
    let pattern = regex_lite(name);
    assert!(pattern, "outer name {name} is not document-YYYYMMDD-id.pdf.pgp");
    assert!(!name.contains("Jansen"));
    // The real name travels inside, and the patient gets it back.
    let inbox = fresh_dir(&patient, "inbox");
    let opened = patient.json(&["open", output.to_str().unwrap(), "-o", inbox.to_str().unwrap()]);
    assert_eq!(opened["filename"], "Jansen_ontslagbrief.pdf");
    assert_eq!(opened["sender"]["status"], "verified");
    assert_eq!(opened["sender"]["alias"], "dr-jansen");
    assert_eq!(opened["sender"]["fingerprint"], clinician.fingerprint());
    assert_eq!(std::fs::read(inbox.join("Jansen_ontslagbrief.pdf")).unwrap(), document);
    assert_eq!(files_in(&inbox), ["Jansen_ontslagbrief.pdf"]);
}

/// `document-` + 8 digits + `-` + 8 id characters + `.pdf.pgp`.
fn regex_lite(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("document-") else {
        return false;
    };
    let Some(rest) = rest.strip_suffix(".pdf.pgp") else {
        return false;
    };
    let parts: Vec<&str> = rest.split('-').collect();
    parts.len() == 2
        && parts[0].len() == 8
        && parts[0].bytes().all(|b| b.is_ascii_digit())
        && parts[1].len() == 8
        && parts[1].bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

#[test]
fn default_output_goes_to_the_outbox_and_the_sender_can_reopen_it() {
    let (clinician, _patient) = pair();
    let input = write(&clinician, "lab.txt", b"HbA1c 48 mmol/mol\n");
    let json = clinician.json(&["send", input.to_str().unwrap(), "--to", "p-0042", "--armor"]);
    let output = PathBuf::from(json["outputs"][0]["output"].as_str().unwrap());
    assert!(output.starts_with(clinician.home.join("outbox")));
    assert!(output.to_str().unwrap().ends_with(".txt.asc"));
    assert!(std::fs::read_to_string(&output).unwrap().starts_with("-----BEGIN PGP MESSAGE-----"));
    let opened = clinician.json(&["open", output.to_str().unwrap()]);
    assert_eq!(opened["sender"]["status"], "verified");
    assert_eq!(opened["sender"]["self"], true);
    assert!(opened["output"].as_str().unwrap().starts_with(clinician.home.join("inbox").to_str().unwrap()));
}

#[test]
fn open_into_a_missing_folder_names_the_folder_that_is_missing() {
    let (clinician, patient) = pair();
    let input = write(&clinician, "lab.txt", b"HbA1c 48 mmol/mol\n");
    let message = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out"), &[]);
    let missing = patient.path("no-such-folder");
    let out = patient.cmd().arg("open").arg(&message).arg("-o").arg(missing.join("sub")).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("there is not even a folder {}", missing.display())), "{stderr}");
    assert!(stderr.contains("hint: create it first (mkdir -p "), "{stderr}");
    assert!(!stderr.contains("outbox"), "{stderr}");
    assert!(!missing.exists());
}

#[test]
fn opening_the_same_message_twice_points_at_the_first_copy() {
    let (clinician, patient) = pair();
    let input = write(&clinician, "lab.txt", b"HbA1c 48 mmol/mol\n");
    let message = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out"), &[]);
    let first = patient.json(&["open", message.to_str().unwrap()]);
    assert_eq!(first["already_opened"], false);
    let again = patient.cmd().arg("open").arg(&message).output().unwrap();
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert!(stdout.contains("Already opened on ") && stdout.contains(first["output"].as_str().unwrap()), "{stdout}");
    let json = patient.json(&["open", message.to_str().unwrap()]);
    assert_eq!(json["already_opened"], true);
    assert_eq!(json["output"], first["output"]);
    assert_eq!(json["id"], first["id"]);
    let inbox = patient.home.join("inbox");
    assert_eq!(files_in(&inbox), ["lab.txt"], "no -2 copy");
    // Once the first copy is gone, the message opens as new.
    std::fs::remove_file(first["output"].as_str().unwrap()).unwrap();
    let reopened = patient.json(&["open", message.to_str().unwrap()]);
    assert_eq!(reopened["already_opened"], false);
    assert!(PathBuf::from(reopened["output"].as_str().unwrap()).is_file());
}

#[test]
fn keep_name_keeps_the_name_outside_and_never_overwrites() {
    let (clinician, _patient) = pair();
    let input = write(&clinician, "verwijzing.pdf", b"%PDF-1.7 referral");
    let dir = fresh_dir(&clinician, "out");
    std::fs::write(dir.join("verwijzing.pdf.pgp"), b"an older file").unwrap();
    let output = send(&clinician, &input, "p-0042", &dir, &["--keep-name"]);
    assert_eq!(output.file_name().unwrap(), "verwijzing-2.pdf.pgp");
    assert_eq!(std::fs::read(dir.join("verwijzing.pdf.pgp")).unwrap(), b"an older file");
}

#[test]
fn unverified_recipients_are_refused_before_anything_is_written() {
    let clinician = Carepost::with_identity("Dr. A", "a@example.org");
    let patient = Carepost::with_identity("P", "p@example.org");
    clinician
        .cmd()
        .args(["contact", "add", "p-1", "--consent", "verbal", "--key-file"])
        .arg(patient.export_key())
        .assert()
        .success();
    let input = write(&clinician, "brief.pdf", b"content");
    let dir = fresh_dir(&clinician, "out");
    clinician
        .cmd()
        .arg("send")
        .arg(&input)
        .args(["--to", "p-1", "-o"])
        .arg(&dir)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("not verified").and(predicate::str::contains("carepost contact verify p-1")));
    assert!(files_in(&dir).is_empty());
    assert!(files_in(&clinician.home.join("outbox")).is_empty());
}

#[test]
fn one_unverified_recipient_stops_the_whole_send() {
    let (clinician, _patient) = pair();
    let other = Carepost::with_identity("Q", "q@example.org");
    clinician
        .cmd()
        .args(["contact", "add", "q", "--consent", "verbal", "--key-file"])
        .arg(other.export_key())
        .assert()
        .success();
    let input = write(&clinician, "a.pdf", b"x");
    let dir = fresh_dir(&clinician, "out");
    clinician.cmd().arg("send").arg(&input).args(["--to", "p-0042", "--to", "q", "-o"]).arg(&dir).assert().code(3);
    assert!(files_in(&dir).is_empty());
}

#[test]
fn a_reason_allows_sending_unverified_and_is_recorded() {
    let clinician = Carepost::with_identity("Dr. A", "a@example.org");
    let patient = Carepost::with_identity("P", "p@example.org");
    clinician
        .cmd()
        .args(["contact", "add", "p-1", "--consent", "verbal", "--key-file"])
        .arg(patient.export_key())
        .assert()
        .success();
    let input = write(&clinician, "brief.pdf", b"content");
    let dir = fresh_dir(&clinician, "out");
    clinician
        .cmd()
        .arg("send")
        .arg(&input)
        .args(["--to", "p-1", "--unverified-ok", "  ", "-o"])
        .arg(&dir)
        .assert()
        .code(2);
    let reason = "patient in consult room, fingerprint checked on screen";
    let json = clinician.json(&[
        "send",
        input.to_str().unwrap(),
        "--to",
        "p-1",
        "-o",
        dir.to_str().unwrap(),
        "--unverified-ok",
        reason,
    ]);
    assert_eq!(json["unverified_ok"], reason);
    assert_eq!(json["outputs"][0]["recipients"][0]["verified"], false);
    let db = rusqlite::Connection::open(clinician.home.join("state.db")).unwrap();
    let (stored, contacts): (String, String) =
        db.query_row("SELECT reason, contacts FROM risk_acceptances", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(stored, reason);
    assert!(contacts.contains("p-1") && contacts.contains(&patient.fingerprint()));
    assert!(!contacts.contains("brief"));
}

#[test]
fn input_problems_are_caught_before_any_output() {
    let (clinician, _patient) = pair();
    let dir = fresh_dir(&clinician, "out");
    let good = write(&clinician, "good.pdf", b"fine");
    let empty = write(&clinician, "empty.pdf", b"");
    let folder = fresh_dir(&clinician, "a-folder");
    let missing = clinician.path("missing.pdf");
    for (bad, message, code, hint) in [
        (&missing, "does not exist", 2, "hint: check the file name"),
        (&empty, "is empty", 1, "hint: check that the document was saved"),
        (&folder, "is not a file", 2, "hint: name each document to send"),
    ] {
        clinician
            .cmd()
            .arg("send")
            .arg(&good)
            .arg(bad)
            .args(["--to", "p-0042", "-o"])
            .arg(&dir)
            .assert()
            .code(code)
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains(hint));
        assert!(files_in(&dir).is_empty(), "output left behind after {message}");
    }
    clinician
        .cmd()
        .arg("send")
        .arg(&good)
        .args(["--to", "p-042", "-o"])
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean p-0042?"))
        .stderr(predicate::str::contains("carepost contact list"));
    clinician
        .cmd()
        .arg("send")
        .arg(&good)
        .args(["--to", "p-0042", "-o"])
        .arg(clinician.path("no-such-dir"))
        .assert()
        .code(1);
    assert!(files_in(&dir).is_empty());
}

#[test]
fn several_documents_give_one_output_each() {
    let (clinician, patient) = pair();
    let a = write(&clinician, "a.pdf", b"first");
    let b = write(&clinician, "b.jpg", b"second");
    let dir = fresh_dir(&clinician, "out");
    let json = clinician.json(&[
        "send",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--to",
        "p-0042",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(json["outputs"].as_array().unwrap().len(), 2);
    assert_eq!(files_in(&dir).len(), 2);
    let inbox = fresh_dir(&patient, "in");
    for output in json["outputs"].as_array().unwrap() {
        patient.json(&["open", output["output"].as_str().unwrap(), "-o", inbox.to_str().unwrap()]);
    }
    assert_eq!(files_in(&inbox), ["a.pdf", "b.jpg"]);
}

#[test]
fn a_recipient_whose_stored_key_is_revoked_is_refused_without_override() {
    let (clinician, _patient) = pair();
    // A revoked key cannot be imported; simulate one arriving in the store
    // by other means (an old home, a restored backup).
    let (cert, revocation) = CertBuilder::general_purpose(Some("R <r@example.org>")).generate().unwrap();
    let revoked = cert.insert_packets(revocation).unwrap().0.strip_secret_key_material();
    let db = rusqlite::Connection::open(clinician.home.join("state.db")).unwrap();
    db.execute(
        "INSERT INTO contacts (alias, kind, fingerprint, cert, added_at, updated_at, consent_state, consent_how, consent_at) VALUES ('r', 'patient', ?1, ?2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'given', 'verbal', '2026-01-01T00:00:00Z')",
        rusqlite::params![revoked.fingerprint().to_hex(), revoked.to_vec().unwrap()],
    )
    .unwrap();
    let input = write(&clinician, "a.pdf", b"x");
    let dir = fresh_dir(&clinician, "out");
    clinician
        .cmd()
        .arg("send")
        .arg(&input)
        .args(["--to", "r", "--unverified-ok", "urgent", "-o"])
        .arg(&dir)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("revoked"));
    assert!(files_in(&dir).is_empty());
}

// --- Opening damaged, foreign and hostile messages ---------------------

fn assert_nothing_written(dir: &Path) {
    assert!(files_in(dir).is_empty(), "left behind: {:?}", files_in(dir));
}

fn open_fails(cp: &Carepost, message: &Path, code: i32, says: &str) -> PathBuf {
    open_fails_with(cp, message, &[], code, says)
}

fn open_fails_with(cp: &Carepost, message: &Path, extra: &[&str], code: i32, says: &str) -> PathBuf {
    open_fails_saying_one_of(cp, message, extra, code, &[says])
}

fn open_fails_saying_one_of(cp: &Carepost, message: &Path, extra: &[&str], code: i32, any_of: &[&str]) -> PathBuf {
    let dir = fresh_dir(cp, &format!("in-{}", common_suffix()));
    let out = cp.cmd().arg("open").arg(message).args(extra).arg("-o").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    assert!(any_of.iter().any(|s| stderr.contains(s)), "stderr {stderr:?} says none of {any_of:?}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert_nothing_written(&dir);
    dir
}

fn common_suffix() -> String {
    format!("{:x}", random_bytes(6).iter().fold(0u64, |a, b| a << 8 | *b as u64))
}

#[test]
fn tampered_ciphertext_is_rejected_and_nothing_is_written() {
    let (clinician, patient) = pair();
    let input = write(&clinician, "scan.jpg", &random_bytes(2_000_000));
    let sent = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out"), &[]);
    let mut bytes = std::fs::read(&sent).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    let tampered = write(&patient, "tampered.jpg.pgp", &bytes);
    open_fails(&patient, &tampered, 4, "changed, damaged");
}

#[test]
fn truncated_messages_are_rejected() {
    let (clinician, patient) = pair();
    let input = write(&clinician, "scan.jpg", &random_bytes(500_000));
    let sent = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out"), &[]);
    let bytes = std::fs::read(&sent).unwrap();
    for cut in [bytes.len() / 2, bytes.len() - 10, 300] {
        let truncated = write(&patient, &format!("cut-{cut}.pgp"), &bytes[..cut]);
        open_fails_saying_one_of(&patient, &truncated, &[], 4, &["incomplete", "cut short"]);
    }
    let armored = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out-armor"), &["--armor"]);
    let text = std::fs::read(&armored).unwrap();
    let truncated = write(&patient, "cut.asc", &text[..text.len() / 2]);
    open_fails_saying_one_of(&patient, &truncated, &[], 4, &["incomplete", "cut short", "damaged"]);
}

#[test]
fn garbage_and_armored_garbage_are_rejected() {
    let (_clinician, patient) = pair();
    // Random bytes, starting with a byte that is no packet header (top bit
    // clear), so they can never pass for the start of a message.
    let mut noise = random_bytes(10_000);
    noise[0] &= 0x7f;
    let garbage = write(&patient, "garbage.pgp", &noise);
    open_fails(&patient, &garbage, 4, "not an OpenPGP-encrypted message");
    let fake = write(
        &patient,
        "fake.asc",
        b"-----BEGIN PGP MESSAGE-----\n\nbm90IGEgbWVzc2FnZSBhdCBhbGw=\n=AAAA\n-----END PGP MESSAGE-----\n",
    );
    open_fails(&patient, &fake, 4, "damaged");
    let text = write(&patient, "note.txt.pgp", b"Dear colleague, see attachment.\n");
    open_fails(&patient, &text, 4, "not an OpenPGP-encrypted message");
    let empty = write(&patient, "empty.pgp", b"");
    open_fails(&patient, &empty, 4, "not an OpenPGP-encrypted message");
    open_fails(&patient, &patient.export_key(), 4, "is an OpenPGP key");
}

#[test]
fn a_message_for_someone_else_names_the_keys_it_is_for() {
    let (clinician, patient) = pair();
    let stranger = Carepost::with_identity("S", "s@example.org");
    let input = write(&clinician, "a.pdf", b"not for the stranger");
    let sent = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out"), &[]);
    let err = String::from_utf8(
        stranger.cmd().arg("open").arg(&sent).arg("-o").arg(fresh_dir(&stranger, "in")).output().unwrap().stderr,
    )
    .unwrap();
    assert!(err.contains("not encrypted to your key"), "{err}");
    let cert = openpgp::Cert::from_file(patient.export_key()).unwrap();
    let subkey = cert.keys().subkeys().next().unwrap().key().keyid().to_hex();
    assert!(err.contains(&subkey), "{err} should name {subkey}");
    open_fails(&stranger, &sent, 4, "not encrypted to your key");
}

/// Builds a message to `recipient` with sequoia directly: the literal
/// packet says `filename`, the content is `data`, and the signature (if
/// any) is by `signer` over `signed_data` (which differs from `data` for a
/// forged signature).
fn custom_message(
    recipient: &openpgp::Cert,
    signer: Option<&openpgp::Cert>,
    filename: &[u8],
    data: &[u8],
    signed_data: &[u8],
) -> Vec<u8> {
    let policy = StandardPolicy::new();
    let mut sink = Vec::new();
    let message = Message::new(&mut sink);
    let recipients =
        recipient.keys().with_policy(&policy, None).supported().alive().revoked(false).for_transport_encryption();
    let mut message = Encryptor::for_recipients(message, recipients).build().unwrap();
    if let Some(signer_cert) = signer {
        let mut keypair = signer_cert.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
        if data == signed_data {
            message = Signer::new(message, keypair).unwrap().build().unwrap();
        } else {
            let mut ops = OnePassSig3::new(SignatureType::Binary);
            ops.set_pk_algo(keypair.public().pk_algo());
            ops.set_hash_algo(openpgp::types::HashAlgorithm::SHA256);
            ops.set_issuer(keypair.public().keyid());
            ops.set_last(true);
            Packet::from(ops).serialize(&mut message).unwrap();
            let mut literal = LiteralWriter::new(message).filename(filename).unwrap().build().unwrap();
            literal.write_all(data).unwrap();
            let mut message = literal.finalize_one().unwrap().unwrap();
            let sig = SignatureBuilder::new(SignatureType::Binary).sign_message(&mut keypair, signed_data).unwrap();
            Packet::from(sig).serialize(&mut message).unwrap();
            message.finalize().unwrap();
            return sink;
        }
    }
    let mut literal = LiteralWriter::new(message).filename(filename).unwrap().build().unwrap();
    literal.write_all(data).unwrap();
    literal.finalize().unwrap();
    sink
}

fn stranger_key() -> openpgp::Cert {
    CertBuilder::general_purpose(Some("Stranger <stranger@example.org>"))
        .set_primary_key_flags(openpgp::types::KeyFlags::empty().set_certification().set_signing())
        .generate()
        .unwrap()
        .0
}

#[test]
fn a_forged_signature_is_rejected() {
    let (_clinician, patient) = pair();
    let recipient = openpgp::Cert::from_file(patient.export_key()).unwrap();
    let signer = stranger_key();
    let key_file = write(&patient, "stranger.asc", &signer.armored().to_vec().unwrap());
    patient.cmd().args(["contact", "add", "stranger", "--key-file"]).arg(&key_file).assert().success();
    let forged = custom_message(&recipient, Some(&signer), b"brief.pdf", b"what arrived", b"what was signed");
    let path = write(&patient, "forged.pgp", &forged);
    open_fails(&patient, &path, 4, "signature");
}

#[test]
fn unsigned_and_unknown_senders_are_reported_and_can_be_refused() {
    let (_clinician, patient) = pair();
    let recipient = openpgp::Cert::from_file(patient.export_key()).unwrap();
    let unsigned = write(&patient, "unsigned.pgp", &custom_message(&recipient, None, b"a.txt", b"hello", b"hello"));
    let dir = fresh_dir(&patient, "in");
    let json = patient.json(&["open", unsigned.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
    assert_eq!(json["sender"]["status"], "unsigned");
    assert!(json["sender"]["fingerprint"].is_null());
    open_fails_with(&patient, &unsigned, &["--require-verified-sender"], 3, "not a verified contact");

    let stranger = stranger_key();
    let signed = write(&patient, "signed.pgp", &custom_message(&recipient, Some(&stranger), b"b.txt", b"hi", b"hi"));
    let out = patient.cmd().args(["--json", "open"]).arg(&signed).arg("-o").arg(&dir).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sender"]["status"], "unknown");
    assert_eq!(json["sender"]["fingerprint"], stranger.fingerprint().to_hex());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not in your contacts"));
    open_fails_with(&patient, &signed, &["--require-verified-sender"], 3, "not a verified contact");
}

#[test]
fn hostile_inner_names_stay_inside_the_output_folder() {
    let (_clinician, patient) = pair();
    let recipient = openpgp::Cert::from_file(patient.export_key()).unwrap();
    let dir = fresh_dir(&patient, "in");
    let cases: &[(&[u8], &str)] = &[
        (b"../../.bashrc", "bashrc"),
        (b"/etc/cron.d/evil", "evil"),
        (b"..", "document.pdf"),
        ("rapport\u{202E}fdp.exe".as_bytes(), "rapportfdp.exe"),
        (b"\x1b]0;pwned\x07name.txt", "]0;pwnedname.txt"),
    ];
    for (inner, expected) in cases {
        let message =
            write(&patient, "document-20261123-abcdefgh.pdf.pgp", &custom_message(&recipient, None, inner, b"x", b"x"));
        let json = patient.json(&["open", message.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
        assert_eq!(json["filename"], *expected, "{:?}", String::from_utf8_lossy(inner));
        assert_eq!(Path::new(json["output"].as_str().unwrap()).parent().unwrap(), dir);
    }
    assert!(!patient.path(".bashrc").exists());
    assert_eq!(files_in(&dir).len(), cases.len());
}

#[test]
fn opening_twice_adds_a_suffix_instead_of_overwriting() {
    let (clinician, patient) = pair();
    let input = write(&clinician, "brief.pdf", b"v1");
    let sent = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out"), &[]);
    let dir = fresh_dir(&patient, "in");
    patient.json(&["open", sent.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
    std::fs::write(dir.join("brief.pdf"), b"edited by the patient").unwrap();
    let second = patient.json(&["open", sent.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
    assert_eq!(second["filename"], "brief-2.pdf");
    assert_eq!(std::fs::read(dir.join("brief.pdf")).unwrap(), b"edited by the patient");
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn decompression_bombs_stop_at_the_bound_and_leave_nothing() {
    let Some(gpg) = common::Gpg::new() else { return };
    let (_clinician, patient) = pair();
    gpg.import(&patient.export_key());
    gpg.run(&["--quick-gen-key", "Bomber <b@example.org>", "future-default", "default", "1y"]);
    // 64 MiB of zeros compresses to a few dozen KiB.
    let zeros = write(&patient, "zeros.bin", &vec![0u8; 64 << 20]);
    let bomb = patient.path("bomb.pgp");
    gpg.run(&[
        "--trust-model",
        "always",
        "-u",
        "b@example.org",
        "-r",
        "p.devries@example.org",
        "--compress-algo",
        "zlib",
        "-z",
        "9",
        "-se",
        "-o",
        bomb.to_str().unwrap(),
        zeros.to_str().unwrap(),
    ]);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20);
    let dir = fresh_dir(&patient, "in");
    patient
        .cmd()
        .arg("open")
        .arg(&bomb)
        .args(["--max-size", "8M", "-o"])
        .arg(&dir)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("larger than 8.0 MiB"));
    assert_nothing_written(&dir);
    // Within the bound, the same message opens.
    let json = patient.json(&["open", bomb.to_str().unwrap(), "--max-size", "65M", "-o", dir.to_str().unwrap()]);
    assert_eq!(json["size"], 64 << 20);
    assert_eq!(json["compressed"], true);
}

#[cfg(target_os = "linux")]
#[test]
fn killing_open_midway_leaves_no_plaintext() {
    let (clinician, patient) = pair();
    let input = write(&clinician, "large.bin", &random_bytes(256 << 20));
    let sent = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out"), &[]);
    std::fs::remove_file(&input).unwrap();
    let dir = fresh_dir(&patient, "in");
    for delay_ms in [50, 300] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("carepost"))
            .arg("--home")
            .arg(&patient.home)
            .arg("--no-keychain")
            .arg("--passphrase-file")
            .arg(&patient.passphrase_file)
            .arg("open")
            .arg(&sent)
            .arg("-o")
            .arg(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        if status.success() {
            // The machine was fast enough to finish: that is fine too, as
            // long as the result is whole.
            assert_eq!(std::fs::metadata(dir.join("large.bin")).unwrap().len(), 256 << 20);
            std::fs::remove_file(dir.join("large.bin")).unwrap();
        }
        assert_nothing_written(&dir);
    }
    // The next run works normally.
    patient.json(&["open", sent.to_str().unwrap(), "-o", dir.to_str().unwrap()]);
    assert_eq!(files_in(&dir), ["large.bin"]);
}
