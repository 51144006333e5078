//! Email end to end: `send --eml` writes one PGP/MIME message (RFC 3156)
//! with the subject protected inside (RFC 9788) and an Autocrypt header;
//! `open MESSAGE.eml` opens what carepost, Thunderbird, GpgOL/Kleopatra
//! and inline-PGP users send, and handles hostile mail.
//!
//! The independent side is Python's `email` package (composer and parser,
//! `tests/mail/mailkit.py`) plus GnuPG. Each peer test is marked
//! ignored when gpg or python3 is missing on a developer machine (build.rs
//! probes PATH) and fails under CI.

mod common;

use common::mail::*;
use common::{Carepost, Gpg};
use sequoia_openpgp as openpgp;
use serde_json::Value;
use std::path::{Path, PathBuf};

use openpgp::parse::Parse;

const SUBJECT: &str = "Ontslagbrief mevrouw Jansen-Öztürk";
const TEXT: &str = "Geachte heer De Vries,\n\nHierbij de ontslagbrief en de foto van de wond. Graag bij de\npoli laten zien = belangrijk.\n\nMet vriendelijke groet,\nDr. A. Bakker\n";

/// A PDF-looking document with a non-ASCII name, and a JPEG-looking one
/// of random bytes (several base64 chunks long).
fn documents(cp: &Carepost) -> (PathBuf, PathBuf) {
    let pdf = cp.path("Verwijsbrief Öztürk.pdf");
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..5000u32).flat_map(|i| format!("regel {i} van de brief\n").into_bytes()));
    std::fs::write(&pdf, bytes).unwrap();
    let jpg = cp.path("wondfoto.jpg");
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    let mut random = vec![0u8; 300_000];
    openpgp::crypto::random(&mut random).unwrap();
    bytes.extend(random);
    std::fs::write(&jpg, bytes).unwrap();
    (pdf, jpg)
}

/// `carepost send ... --eml OUT`, returning the JSON result.
fn compose(cp: &Carepost, docs: &[&Path], to: &[&str], out: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["send"];
    args.extend(docs.iter().map(|d| s(d)));
    for alias in to {
        args.extend(["--to", alias]);
    }
    args.extend(["--eml", s(out), "--subject", SUBJECT, "--message", TEXT]);
    args.extend(extra);
    cp.json(&args)
}

/// `carepost open EML -o DIR --json` with extra flags: (exit code, JSON or
/// Null, stderr).
fn open_eml(cp: &Carepost, eml: &Path, dir: &Path, extra: &[&str]) -> (i32, Value, String) {
    let out = cp.cmd().arg("--json").args(["open", s(eml), "-o", s(dir)]).args(extra).output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), json, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn opened_ok(cp: &Carepost, eml: &Path, dir: &Path, extra: &[&str]) -> Value {
    let (code, json, stderr) = open_eml(cp, eml, dir, extra);
    assert_eq!(code, 0, "open failed: {stderr}");
    json
}

/// The header section of an email, unfolded into (name, value) pairs.
fn outer_headers(eml: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(eml);
    let head = text.split("\r\n\r\n").next().unwrap();
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            headers.last_mut().unwrap().1.push_str(line.trim());
        } else {
            let (name, value) = line.split_once(':').unwrap();
            headers.push((name.to_owned(), value.trim().to_owned()));
        }
    }
    headers
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    find(haystack, needle).is_some()
}

fn find(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// A colleague using GnuPG (as Thunderbird, GpgOL and Kleopatra do), who
/// has the doctor's key; the doctor has verified the colleague as
/// "peeters".
struct Colleague {
    gpg: Gpg,
    fingerprint: String,
}

fn colleague(doctor: &Carepost) -> Option<Colleague> {
    let (gpg, fingerprint) = verified_colleague(doctor)?;
    Some(Colleague { gpg, fingerprint })
}

impl Colleague {
    /// `gpg --encrypt [--sign] --armor` to the doctor.
    fn encrypt(&self, input: &Path, output: &Path, sign: bool, armor: bool) {
        let mut args = vec!["--trust-model", "always", "--recipient", DOCTOR_EMAIL, "--output", s(output)];
        if armor {
            args.push("--armor");
        }
        if sign {
            args.extend(["--local-user", COLLEAGUE_EMAIL, "--sign"]);
        }
        args.extend(["--encrypt", s(input)]);
        self.gpg.run(&args);
    }
}

// ---------------------------------------------------------------------
// carepost → carepost

#[test]
fn carepost_email_round_trip_keeps_subject_text_and_attachments() {
    let (doctor, patient) = pair();
    let (pdf, jpg) = documents(&doctor);
    let eml = doctor.path("brief.eml");
    let sent = compose(&doctor, &[&pdf, &jpg], &["pat"], &eml, &[]);

    // The contract's send fields, each document "sent" in the one email.
    let outputs = sent["outputs"].as_array().unwrap();
    assert_eq!(outputs.len(), 2, "{sent}");
    for (output, input) in outputs.iter().zip([&pdf, &jpg]) {
        assert_eq!(output["input"], s(input));
        assert_eq!(PathBuf::from(output["output"].as_str().unwrap()), std::fs::canonicalize(&eml).unwrap());
        assert_eq!(output["recipients"][0]["alias"], "pat");
    }
    assert_eq!(sent["from"], DOCTOR_EMAIL);
    assert_eq!(sent["to"], serde_json::json!([PATIENT_EMAIL]));
    let message_id = sent["message_id"].as_str().unwrap();
    assert!(message_id.ends_with("@praktijk.example"), "{message_id}");

    // Outside: nothing about the patient or the documents.
    let bytes = std::fs::read(&eml).unwrap();
    let headers = outer_headers(&bytes);
    assert_eq!(header(&headers, "Subject"), Some("[...]"));
    assert_eq!(header(&headers, "To"), Some(PATIENT_EMAIL));
    assert!(header(&headers, "From").unwrap().ends_with(&format!("<{DOCTOR_EMAIL}>")));
    assert_eq!(header(&headers, "Message-ID"), Some(format!("<{message_id}>").as_str()));
    assert!(header(&headers, "Date").is_some());
    let content_type = header(&headers, "Content-Type").unwrap();
    assert!(content_type.starts_with("multipart/encrypted;"), "{content_type}");
    assert!(content_type.contains("protocol=\"application/pgp-encrypted\""), "{content_type}");
    for secret in ["Ontslagbrief", "Jansen", "Öztürk", "Verwijsbrief", "wondfoto", "De Vries", "Hierbij"] {
        assert!(!contains(&bytes, secret), "{secret:?} is visible in the email");
    }
    assert!(bytes.windows(2).all(|w| w[1] != b'\n' || w[0] == b'\r'), "every line ends in CRLF");
    assert!(contains(&bytes, "OpenKeychain") && contains(&bytes, "encrypted message"), "the preamble explains");

    // The Autocrypt header carries exactly the doctor's minimal key.
    let autocrypt = header(&headers, "Autocrypt").unwrap();
    assert!(autocrypt.starts_with(&format!("addr={DOCTOR_EMAIL}; prefer-encrypt=mutual; keydata=")), "{autocrypt}");
    let keydata = autocrypt.split("keydata=").nth(1).unwrap().replace([' ', '\t'], "");
    use base64::Engine as _;
    let key = base64::engine::general_purpose::STANDARD.decode(keydata).unwrap();
    let certs: Vec<_> = openpgp::cert::CertParser::from_bytes(&key).unwrap().collect();
    assert_eq!(certs.len(), 1);
    let cert = certs.into_iter().next().unwrap().unwrap();
    assert_eq!(cert.fingerprint().to_hex(), doctor.fingerprint());
    assert!(!cert.is_tsk());
    assert_eq!(cert.userids().count(), 1);
    assert_eq!(cert.keys().subkeys().count(), 1);

    // The email is a managed `sent` file; each document has an audit record.
    let files = doctor.json(&["files"]);
    let managed = files["files"].as_array().unwrap();
    assert!(managed.iter().any(|f| f["kind"] == "sent" && f["path"] == outputs[0]["output"]), "{files}");
    let log = doctor.json(&["log", "--action", "send"]);
    let hashes: Vec<&str> = log["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["outcome"] == "success")
        .map(|r| r["document_sha256"].as_str().unwrap())
        .collect();
    for output in outputs {
        assert!(hashes.contains(&output["sha256"].as_str().unwrap()), "{log}");
    }

    // Inside, for the patient: subject, text and both documents, byte for byte.
    let inbox = fresh_dir(&patient, "inbox");
    let opened = opened_ok(&patient, &eml, &inbox, &[]);
    assert_eq!(opened["encrypted"], true);
    assert_eq!(opened["format"], "pgp-mime");
    assert_eq!(opened["subject"], SUBJECT);
    assert_eq!(opened["subject_protected"], true);
    assert_eq!(opened["text"], TEXT);
    assert_eq!(opened["from"], DOCTOR_EMAIL);
    assert_eq!(opened["from_mismatch"], false);
    assert_eq!(opened["sender"]["status"], "verified");
    assert_eq!(opened["sender"]["alias"], "dr");
    let attachments = opened["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 2, "{opened}");
    assert_eq!(attachments[0]["filename"], "Verwijsbrief Öztürk.pdf");
    assert_eq!(attachments[0]["content_type"], "application/pdf");
    assert_eq!(attachments[1]["filename"], "wondfoto.jpg");
    assert_eq!(attachments[1]["content_type"], "image/jpeg");
    assert_eq!(opened["output"], attachments[0]["output"]);
    assert_eq!(opened["filename"], attachments[0]["filename"]);
    for (attachment, original) in attachments.iter().zip([&pdf, &jpg]) {
        let saved = std::fs::read(attachment["output"].as_str().unwrap()).unwrap();
        assert!(saved == std::fs::read(original).unwrap(), "{} differs", original.display());
        assert_eq!(attachment["size"], saved.len() as u64);
        assert_eq!(attachment["sha256"].as_str().unwrap().len(), 64);
    }
    assert_eq!(files_in(&inbox), ["Verwijsbrief Öztürk.pdf", "wondfoto.jpg"]);
    let received = patient.json(&["files"]);
    assert_eq!(received["files"].as_array().unwrap().iter().filter(|f| f["kind"] == "received").count(), 2);

    // Opening again never overwrites: new names.
    let again = opened_ok(&patient, &eml, &inbox, &[]);
    assert_eq!(again["attachments"][0]["filename"], "Verwijsbrief Öztürk-2.pdf");

    // The human rendering shows the subject and the text.
    let out = patient.cmd().args(["open", s(&eml), "-o", s(&inbox)]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains(SUBJECT) && stdout.contains("poli laten zien"), "{stdout}");
}

#[test]
fn the_note_outside_the_encryption_is_in_the_senders_language() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let patient = Carepost::with_identity(PATIENT_NAME, PATIENT_EMAIL);
    doctor.add_verified("pat", &patient);
    let (pdf, _) = documents(&doctor);
    let eml = doctor.path("brief.eml");
    let out = doctor
        .cmd()
        .env("CAREPOST_LANG", "nl")
        .args(["send", s(&pdf), "--to", "pat", "--eml", s(&eml)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&eml).unwrap();
    let dutch = find(&bytes, "Dit is een versleuteld bericht").expect("the note is in Dutch");
    assert!(contains(&bytes, "Ziet u alleen deze tekst?"), "and addresses the patient formally");
    let french = find(&bytes, "Ceci est un message chiffre").expect("and in French");
    let english = find(&bytes, "This is an encrypted message").expect("and in English");
    assert!(dutch < french && dutch < english, "the sender's language comes first");
    // Outside the encryption, everything else stays the same in every language.
    assert_eq!(header(&outer_headers(&bytes), "Subject"), Some("[...]"));
    assert!(bytes.is_ascii(), "the outside of the email is plain ASCII");
}

#[test]
fn unverified_recipients_are_refused_and_nothing_is_written() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let patient = Carepost::with_identity(PATIENT_NAME, PATIENT_EMAIL);
    doctor
        .cmd()
        .args(["contact", "add", "pat", "--consent", "verbal", "--key-file"])
        .arg(patient.export_key())
        .assert()
        .success();
    let (pdf, _) = documents(&doctor);
    let eml = doctor.path("brief.eml");
    let out = doctor.cmd().args(["send", s(&pdf), "--to", "pat", "--eml", s(&eml)]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!eml.exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains("contact verify pat"));
    // With a recorded reason it goes, and the reason is in the log.
    let sent = compose(&doctor, &[&pdf], &["pat"], &eml, &["--unverified-ok", "key checked next visit"]);
    assert_eq!(sent["unverified_ok"], "key checked next visit");
    assert!(eml.exists());
}

#[test]
fn an_existing_file_is_never_replaced() {
    let (doctor, _patient) = pair();
    let (pdf, _) = documents(&doctor);
    let eml = doctor.path("brief.eml");
    std::fs::write(&eml, b"mine").unwrap();
    let out = doctor.cmd().args(["send", s(&pdf), "--to", "pat", "--eml", s(&eml)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&eml).unwrap(), b"mine");
    // --subject without --eml is a usage error.
    let out = doctor.cmd().args(["send", s(&pdf), "--to", "pat", "--subject", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn autocrypt_key_can_be_added_as_an_unverified_contact() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let patient = Carepost::with_identity(PATIENT_NAME, PATIENT_EMAIL);
    doctor.add_verified("pat", &patient);
    let (pdf, _) = documents(&doctor);
    let eml = doctor.path("brief.eml");
    compose(&doctor, &[&pdf], &["pat"], &eml, &[]);
    // The patient does not know the doctor yet: the signer is unknown.
    let inbox = fresh_dir(&patient, "inbox");
    let opened = opened_ok(&patient, &eml, &inbox, &[]);
    assert_eq!(opened["sender"]["status"], "unknown");
    assert_eq!(opened["autocrypt"]["addr"], DOCTOR_EMAIL);
    assert_eq!(opened["autocrypt"]["fingerprint"], doctor.fingerprint());
    assert_eq!(opened["autocrypt"]["matches_from"], true);
    assert!(opened["autocrypt"]["added_as"].is_null());
    assert!(patient.json(&["contact", "list"])["contacts"].as_array().unwrap().is_empty(), "nothing added unasked");
    // Asked: added, but never verified.
    let opened = opened_ok(&patient, &eml, &inbox, &["--add-autocrypt", "dr"]);
    assert_eq!(opened["autocrypt"]["added_as"], "dr");
    let contact = patient.json(&["contact", "show", "dr"]);
    assert_eq!(contact["fingerprint"], doctor.fingerprint());
    assert_eq!(contact["verified"], false);
    assert_eq!(contact["source"]["kind"], "autocrypt");
    assert_eq!(contact["source"]["email"], DOCTOR_EMAIL);
    assert!(contact["source"]["location"].is_null());
    // Now the signer is a known, unverified contact.
    let opened = opened_ok(&patient, &eml, &inbox, &[]);
    assert_eq!(opened["sender"]["status"], "unverified");
    assert_eq!(opened["autocrypt"]["known_as"], "dr");
    let (code, _, _) = open_eml(&patient, &eml, &inbox, &["--require-verified-sender"]);
    assert_eq!(code, 3);
}

#[test]
fn a_tampered_email_is_rejected_and_nothing_saved() {
    let (doctor, patient) = pair();
    let (pdf, _) = documents(&doctor);
    let eml = doctor.path("brief.eml");
    compose(&doctor, &[&pdf], &["pat"], &eml, &[]);
    let mut bytes = std::fs::read(&eml).unwrap();
    // Change one base64 character in the middle of the armored message.
    let start = bytes.windows(27).position(|w| w == b"-----BEGIN PGP MESSAGE-----").unwrap();
    let at = start + (bytes.len() - start) / 2;
    let at = at + bytes[at..].iter().position(|b| b.is_ascii_alphabetic()).unwrap();
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let broken = patient.path("broken.eml");
    std::fs::write(&broken, bytes).unwrap();
    let inbox = fresh_dir(&patient, "inbox");
    let (code, _, stderr) = open_eml(&patient, &broken, &inbox, &[]);
    assert_eq!(code, 4, "{stderr}");
    assert!(files_in(&inbox).is_empty());
    assert!(files_in(&patient.home.join("tmp")).is_empty(), "no decrypted leftovers");
}

// ---------------------------------------------------------------------
// carepost → GnuPG + Python's email package

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn gpg_decrypts_the_email_and_python_parses_it() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some(peer) = colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let (pdf, jpg) = documents(&doctor);
    let eml = doctor.path("brief.eml");
    compose(&doctor, &[&pdf, &jpg], &["peeters"], &eml, &[]);

    let work = fresh_dir(&doctor, "work");
    let encrypted = work.join("encrypted.asc");
    let outer = python.json(&["outer-report", s(&eml), s(&encrypted)]);
    assert_eq!(outer["content_type"], "multipart/encrypted");
    assert_eq!(outer["protocol"], "application/pgp-encrypted");
    assert_eq!(outer["parts"], serde_json::json!(["application/pgp-encrypted", "application/octet-stream"]));
    assert_eq!(outer["version"], "Version: 1");
    assert_eq!(outer["subject"], "[...]");
    assert_eq!(outer["to"], serde_json::json!([COLLEAGUE_EMAIL]));
    assert!(outer["from"].as_str().unwrap().contains(DOCTOR_NAME), "{outer}");
    assert!(outer["autocrypt"].as_str().unwrap().starts_with("addr=a.bakker@praktijk.example;"));
    assert_eq!(outer["defects"], serde_json::json!([]));

    let inner = work.join("inner.eml");
    let out = peer.gpg.run_raw(&["--status-fd", "1", "--output", s(&inner), "--decrypt", s(&encrypted)], None);
    assert!(out.status.success(), "gpg --decrypt failed: {}", String::from_utf8_lossy(&out.stderr));
    let status = String::from_utf8_lossy(&out.stdout);
    assert!(status.contains(&format!("VALIDSIG {}", doctor.fingerprint())), "{status}");
    assert!(status.contains("DECRYPTION_OKAY") && status.contains("GOODSIG"), "{status}");

    let inner_report = python.json(&["inner-report", s(&inner), s(&work)]);
    assert_eq!(inner_report["content_type"], "multipart/mixed");
    assert_eq!(inner_report["hp"], "cipher");
    assert_eq!(inner_report["protected_headers"], "v1");
    assert_eq!(inner_report["subject"], SUBJECT);
    assert!(inner_report["from"].as_str().unwrap().contains(DOCTOR_EMAIL));
    assert!(inner_report["hp_outer"].as_array().unwrap().iter().any(|h| h == "Subject: [...]"), "{inner_report}");
    assert_eq!(inner_report["text"], TEXT);
    assert_eq!(inner_report["defects"], serde_json::json!([]));
    let attachments = inner_report["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 2);
    assert_eq!(attachments[0]["filename"], "Verwijsbrief Öztürk.pdf");
    assert_eq!(attachments[0]["content_type"], "application/pdf");
    assert_eq!(attachments[1]["filename"], "wondfoto.jpg");
    assert_eq!(attachments[1]["content_type"], "image/jpeg");
    for (n, original) in [&pdf, &jpg].iter().enumerate() {
        let decoded = std::fs::read(work.join(format!("attachment-{n}"))).unwrap();
        assert!(decoded == std::fs::read(original).unwrap(), "attachment {n} differs");
    }
}

// ---------------------------------------------------------------------
// Other mail programs → carepost

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn thunderbird_style_pgp_mime_with_protected_headers_opens() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some(peer) = colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let (pdf, _) = documents(&doctor);
    let work = fresh_dir(&doctor, "work");
    let inner = work.join("inner.eml");
    let pdf_spec = format!("{}:labuitslag.pdf:application/pdf", s(&pdf));
    python.run(&["inner-mixed", s(&inner), COLLEAGUE_UID, DOCTOR_EMAIL, "Uitslag lab", "Zie bijlage.\n", &pdf_spec]);
    let encrypted = work.join("encrypted.asc");
    peer.encrypt(&inner, &encrypted, true, true);
    let eml = work.join("thunderbird.eml");
    python.run(&["pgp-mime", s(&eml), COLLEAGUE_UID, DOCTOR_EMAIL, "...", s(&encrypted)]);

    let inbox = fresh_dir(&doctor, "inbox");
    let opened = opened_ok(&doctor, &eml, &inbox, &[]);
    assert_eq!(opened["format"], "pgp-mime");
    assert_eq!(opened["subject"], "Uitslag lab");
    assert_eq!(opened["subject_protected"], true);
    assert_eq!(opened["text"], "Zie bijlage.\n");
    assert_eq!(opened["sender"]["status"], "verified");
    assert_eq!(opened["sender"]["alias"], "peeters");
    assert_eq!(opened["sender"]["fingerprint"], peer.fingerprint.as_str());
    assert_eq!(opened["from_mismatch"], false);
    assert_eq!(opened["attachments"].as_array().unwrap().len(), 1);
    assert_eq!(opened["filename"], "labuitslag.pdf");
    assert!(std::fs::read(inbox.join("labuitslag.pdf")).unwrap() == std::fs::read(&pdf).unwrap());
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn multipart_signed_inside_the_encryption_is_checked() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some(peer) = colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let (pdf, _) = documents(&doctor);
    let work = fresh_dir(&doctor, "work");
    let part = work.join("part.eml");
    let spec = format!("{}:brief.pdf:application/pdf", s(&pdf));
    python.run(&["inner-mixed", s(&part), COLLEAGUE_UID, DOCTOR_EMAIL, "Getekend", "Getekende brief.\n", &spec]);
    let signature = work.join("part.sig");
    peer.gpg.run(&["--local-user", COLLEAGUE_EMAIL, "--armor", "--output", s(&signature), "--detach-sign", s(&part)]);
    let signed = work.join("signed.eml");
    python.run(&["signed", s(&signed), s(&part), s(&signature)]);
    let encrypted = work.join("encrypted.asc");
    peer.encrypt(&signed, &encrypted, false, true);
    let eml = work.join("enigmail.eml");
    python.run(&["pgp-mime", s(&eml), COLLEAGUE_UID, DOCTOR_EMAIL, "...", s(&encrypted)]);

    // The encryption around the signed part is not signed: anyone who
    // got the signed part could have re-encrypted it, so it does not
    // count as vouched for (see tests/mail_integrity.rs).
    let inbox = fresh_dir(&doctor, "inbox");
    let opened = opened_ok(&doctor, &eml, &inbox, &[]);
    assert_eq!(opened["sender"]["status"], "unsigned", "{opened}");
    assert_eq!(opened["forwarded_from"]["alias"], "peeters");
    assert_eq!(opened["subject"], "Getekend");
    assert_eq!(opened["text"], "Getekende brief.\n");
    assert_eq!(opened["filename"], "brief.pdf");

    // Signed inside and outside by the same colleague: verified.
    let encrypted = work.join("signed-twice.asc");
    peer.encrypt(&signed, &encrypted, true, true);
    let eml = work.join("signed-twice.eml");
    python.run(&["pgp-mime", s(&eml), COLLEAGUE_UID, DOCTOR_EMAIL, "...", s(&encrypted)]);
    let inbox = fresh_dir(&doctor, "inbox-twice");
    let opened = opened_ok(&doctor, &eml, &inbox, &[]);
    assert_eq!(opened["sender"]["status"], "verified", "{opened}");
    assert_eq!(opened["sender"]["alias"], "peeters");
    assert_eq!(opened["text_protected"], true);

    // A signature over other bytes is a bad signature: nothing saved.
    let other = work.join("other.eml");
    python.run(&["inner-mixed", s(&other), COLLEAGUE_UID, DOCTOR_EMAIL, "Vervalst", "Andere tekst.\n", &spec]);
    let forged = work.join("forged.eml");
    python.run(&["signed", s(&forged), s(&other), s(&signature)]);
    let encrypted = work.join("forged.asc");
    peer.encrypt(&forged, &encrypted, false, true);
    let eml = work.join("forged-outer.eml");
    python.run(&["pgp-mime", s(&eml), COLLEAGUE_UID, DOCTOR_EMAIL, "...", s(&encrypted)]);
    let empty = fresh_dir(&doctor, "empty");
    let (code, _, stderr) = open_eml(&doctor, &eml, &empty, &[]);
    assert_eq!(code, 4, "{stderr}");
    assert!(files_in(&empty).is_empty());
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn gpgol_style_separately_encrypted_attachments_open() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some(peer) = colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let (pdf, jpg) = documents(&doctor);
    let work = fresh_dir(&doctor, "work");
    let pdf_gpg = work.join("uitslag.pdf.gpg");
    let named_pdf = work.join("uitslag.pdf");
    std::fs::copy(&pdf, &named_pdf).unwrap();
    peer.encrypt(&named_pdf, &pdf_gpg, true, false);
    let jpg_asc = work.join("foto.jpg.asc");
    peer.encrypt(&jpg, &jpg_asc, true, true);
    let key = work.join("OpenPGP_key.asc");
    peer.gpg.export(COLLEAGUE_UID, &key);
    let text = work.join("text.txt");
    std::fs::write(&text, "Zie de versleutelde bijlagen.\n").unwrap();
    let eml = work.join("gpgol.eml");
    python.run(&[
        "plain",
        s(&eml),
        COLLEAGUE_UID,
        DOCTOR_EMAIL,
        "Bijlagen",
        s(&text),
        &format!("{}:uitslag.pdf.gpg:application/octet-stream", s(&pdf_gpg)),
        &format!("{}:foto.jpg.asc:application/pgp-encrypted", s(&jpg_asc)),
        &format!("{}:OpenPGP_key.asc:application/pgp-keys", s(&key)),
    ]);

    let inbox = fresh_dir(&doctor, "inbox");
    let opened = opened_ok(&doctor, &eml, &inbox, &[]);
    assert_eq!(opened["format"], "pgp-attachments");
    assert_eq!(opened["encrypted"], true);
    assert_eq!(opened["subject_protected"], false, "the subject travelled in clear");
    assert_eq!(opened["sender"]["status"], "verified");
    let attachments = opened["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 2, "{opened}");
    assert_eq!(attachments[0]["filename"], "uitslag.pdf");
    assert_eq!(attachments[1]["filename"], "wondfoto.jpg", "the name inside the encryption wins");
    assert!(std::fs::read(inbox.join("uitslag.pdf")).unwrap() == std::fs::read(&pdf).unwrap());
    assert!(std::fs::read(inbox.join("wondfoto.jpg")).unwrap() == std::fs::read(&jpg).unwrap());
    assert_eq!(opened["unsaved_attachments"], 1, "the key file is not encrypted, so not saved");
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn inline_pgp_text_opens() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some(peer) = colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let work = fresh_dir(&doctor, "work");
    let letter = work.join("letter.txt");
    std::fs::write(&letter, "Beste collega, de uitslag is goed.\n").unwrap();
    let armored = work.join("letter.asc");
    peer.encrypt(&letter, &armored, true, true);
    let eml = work.join("inline.eml");
    python.run(&["plain", s(&eml), COLLEAGUE_UID, DOCTOR_EMAIL, "Uitslag", s(&armored)]);
    let inbox = fresh_dir(&doctor, "inbox");
    let opened = opened_ok(&doctor, &eml, &inbox, &[]);
    assert_eq!(opened["format"], "inline-pgp");
    assert_eq!(opened["text"], "Beste collega, de uitslag is goed.\n");
    assert_eq!(opened["sender"]["status"], "verified");
    assert!(opened["output"].is_null());
    assert!(files_in(&inbox).is_empty());
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn a_message_from_one_person_signed_by_another_is_flagged() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some(peer) = colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let work = fresh_dir(&doctor, "work");
    let inner = work.join("inner.eml");
    let boss = "Prof. Hoofd <hoofd@ziekenhuis.example>";
    python.run(&["inner-mixed", s(&inner), boss, DOCTOR_EMAIL, "Dringend", "Maak geld over.\n"]);
    let encrypted = work.join("encrypted.asc");
    peer.encrypt(&inner, &encrypted, true, true);
    let eml = work.join("forged.eml");
    python.run(&["pgp-mime", s(&eml), boss, DOCTOR_EMAIL, "...", s(&encrypted)]);
    let inbox = fresh_dir(&doctor, "inbox");
    let (code, json, stderr) = open_eml(&doctor, &eml, &inbox, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["from_mismatch"], true);
    assert_eq!(json["from"], "hoofd@ziekenhuis.example");
    assert_eq!(json["sender"]["alias"], "peeters");
    assert!(stderr.contains("MAY BE FORGED"), "{stderr}");
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn an_attachment_named_to_escape_the_folder_stays_inside() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some(peer) = colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let work = fresh_dir(&doctor, "work");
    let payload = work.join("payload");
    std::fs::write(&payload, "echo pwned\n").unwrap();
    let inner = work.join("inner.eml");
    let spec = format!("{}:../../.bashrc:text/plain", s(&payload));
    python.run(&["inner-mixed", s(&inner), COLLEAGUE_UID, DOCTOR_EMAIL, "x", "x\n", &spec]);
    let encrypted = work.join("encrypted.asc");
    peer.encrypt(&inner, &encrypted, true, true);
    let eml = work.join("evil.eml");
    python.run(&["pgp-mime", s(&eml), COLLEAGUE_UID, DOCTOR_EMAIL, "...", s(&encrypted)]);
    let inbox = fresh_dir(&doctor, "deep/er/inbox");
    let opened = opened_ok(&doctor, &eml, &inbox, &[]);
    assert_eq!(opened["filename"], "bashrc");
    assert_eq!(files_in(&inbox), ["bashrc"]);
    assert!(!doctor.path("deep/.bashrc").exists() && !doctor.path(".bashrc").exists());
}

// ---------------------------------------------------------------------
// Unencrypted and hostile mail

fn write_mail(cp: &Carepost, name: &str, bytes: &[u8]) -> PathBuf {
    let path = cp.path(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const PLAIN_WITH_ATTACHMENT: &str = "From: someone@example.org\r\nTo: a.bakker@praktijk.example\r\n\
Subject: Uitslag\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHierbij.\r\n\
--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"uitslag.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKaGFsbG8K\r\n--b--\r\n";

#[test]
fn a_plain_message_is_reported_and_saved_only_on_request() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let eml = write_mail(&doctor, "plain.eml", PLAIN_WITH_ATTACHMENT.as_bytes());
    let inbox = fresh_dir(&doctor, "inbox");
    let (code, json, stderr) = open_eml(&doctor, &eml, &inbox, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["encrypted"], false);
    assert_eq!(json["format"], "plain");
    assert_eq!(json["sender"]["status"], "unsigned");
    assert!(json["text"].as_str().unwrap().starts_with("Hierbij."), "{json}");
    assert_eq!(json["unsaved_attachments"], 1);
    assert!(json["output"].is_null());
    assert!(files_in(&inbox).is_empty());
    assert!(stderr.contains("NOT encrypted"), "{stderr}");
    let (code, _, _) = open_eml(&doctor, &eml, &inbox, &["--require-verified-sender", "--accept-unencrypted"]);
    assert_eq!(code, 3);
    assert!(files_in(&inbox).is_empty());
    let (code, json, _) = open_eml(&doctor, &eml, &inbox, &["--accept-unencrypted"]);
    assert_eq!(code, 0);
    assert_eq!(json["attachments"][0]["encrypted"], false);
    assert_eq!(std::fs::read(inbox.join("uitslag.pdf")).unwrap(), b"%PDF-1.4\nhallo\n");
}

#[test]
fn hostile_mail_gets_a_clear_answer_and_no_crash() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let inbox = fresh_dir(&doctor, "inbox");

    // Deeply nested MIME.
    let mut nested = String::from("From: x@example.org\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
    for i in 1..200 {
        nested.push_str(&format!("--b{}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n", i - 1));
    }
    let eml = write_mail(&doctor, "nested.eml", nested.as_bytes());
    let (code, _, stderr) = open_eml(&doctor, &eml, &inbox, &[]);
    assert_eq!(code, 4, "{stderr}");
    assert!(stderr.contains("levels deep"), "{stderr}");

    // A header section of 2 MiB.
    let mut huge = String::from("From: x@example.org\r\nSubject: ");
    huge.push_str(&"A".repeat(2 << 20));
    huge.push_str("\r\n\r\nbody\r\n");
    let eml = write_mail(&doctor, "huge.eml", huge.as_bytes());
    let (code, _, stderr) = open_eml(&doctor, &eml, &inbox, &[]);
    assert_eq!(code, 4, "{stderr}");
    assert!(stderr.contains("header section"), "{stderr}");

    // A charset nobody knows, with 8-bit bytes.
    let bogus = b"From: x@example.org\r\nSubject: =?x-bogus?B?AAAA?=\r\nContent-Type: text/plain; charset=\"x-no-such-charset\"\r\n\r\nHall\xf6 \xff\xfe\r\n";
    let eml = write_mail(&doctor, "bogus.eml", bogus);
    let (code, json, stderr) = open_eml(&doctor, &eml, &inbox, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(json["encrypted"], false);
    assert!(json["text"].as_str().unwrap().starts_with("Hall"));

    // PGP/MIME without a boundary: no encrypted part to be found.
    let broken = b"From: x@example.org\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"\r\n\r\nVersion: 1\r\n";
    let eml = write_mail(&doctor, "noboundary.eml", broken);
    let (code, _, stderr) = open_eml(&doctor, &eml, &inbox, &[]);
    assert_eq!(code, 4, "{stderr}");
    assert!(stderr.contains("encrypted part"), "{stderr}");

    // PGP/MIME whose encrypted part is garbage.
    let garbage = b"From: x@example.org\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n\r\nnot base64 at all!!\r\n-----END PGP MESSAGE-----\r\n--b--\r\n";
    let eml = write_mail(&doctor, "garbage.eml", garbage);
    let (code, _, stderr) = open_eml(&doctor, &eml, &inbox, &[]);
    assert_eq!(code, 4, "{stderr}");

    assert!(files_in(&inbox).is_empty());
    assert!(files_in(&doctor.home.join("tmp")).is_empty(), "no decrypted leftovers");
    // Every failure was logged, without names.
    let log = doctor.json(&["log", "--action", "open"]);
    let failed = log["records"].as_array().unwrap().iter().filter(|r| r["outcome"] == "failed").count();
    assert!(failed >= 4, "{log}");
}

/// A 200-character Dutch and French file name goes out as RFC 2231
/// continuations (shortened to what carepost ever writes as a name, as
/// for `send`) and comes back identical: in Python's `email` package
/// (after gpg decrypted the message) and in `carepost open`.
#[test]
fn a_long_accented_file_name_survives_the_round_trip() {
    let name = "Ontslagbrief en verslag na consultatie bij de kinderarts, résumé de l’hôpital Sint-Jozef, \
                compte-rendu opératoire, échographie abdominale, coördinatie, geëvalueerde behandeling, \
                naïeve patiënt Zoë.pdf";
    assert_eq!(name.chars().count(), 200);
    let (doctor, patient) = pair();
    let Some(peer) = colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let pdf = doctor.path(name);
    std::fs::write(&pdf, b"%PDF-1.7\nde brief\n").unwrap();
    let eml = doctor.path("lang.eml");
    compose(&doctor, &[&pdf], &["pat", "peeters"], &eml, &[]);
    let sent_name = carepost::names::sanitize(name.as_bytes()).unwrap();
    assert!(sent_name.len() > 100 && !sent_name.is_ascii(), "{sent_name}");

    // Python, inside the decrypted message: the exact name.
    let work = fresh_dir(&doctor, "work");
    let encrypted = work.join("encrypted.asc");
    python.json(&["outer-report", s(&eml), s(&encrypted)]);
    let inner = work.join("inner.eml");
    let out = peer.gpg.run_raw(&["--output", s(&inner), "--decrypt", s(&encrypted)], None);
    assert!(out.status.success(), "gpg --decrypt failed: {}", String::from_utf8_lossy(&out.stderr));
    let inner_bytes = std::fs::read(&inner).unwrap();
    assert!(contains(&inner_bytes, "filename*1*="), "the name is continued");
    assert!(inner_bytes.split(|&b| b == b'\n').all(|l| l.len() <= 78), "header lines stay short");
    let report = python.json(&["inner-report", s(&inner), s(&work)]);
    assert_eq!(report["attachments"][0]["filename"], sent_name.as_str(), "{report}");
    assert_eq!(report["defects"], serde_json::json!([]));

    // carepost open: the same name.
    let dir = fresh_dir(&patient, "in");
    let opened = opened_ok(&patient, &eml, &dir, &[]);
    assert_eq!(opened["attachments"][0]["filename"], sent_name.as_str(), "{opened}");
    assert_eq!(std::fs::read(dir.join(&sent_name)).unwrap(), std::fs::read(&pdf).unwrap());
}
