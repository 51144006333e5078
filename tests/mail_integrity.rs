//! What `open MESSAGE.eml` shows as signed and verified is exactly what
//! the verified sender encrypted and signed: one regression test per
//! attack on email display integrity. Each hostile email is built at test
//! time from a genuine one (made by carepost or gpg) with Python's
//! `email` package (`tests/mail/mailkit.py`), and each test checks the
//! exit code, the human output and the JSON.

mod common;

use common::mail::*;
use common::{Carepost, Gpg};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const GENUINE_TEXT: &str = "Hierbij de uitslag. Alles is in orde.\n";
const FORGED_TEXT: &str = "Dosis gewijzigd: neem 10 tabletten per dag. Bel 0900-1234.\n";

/// The result of one `carepost open`.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// `carepost [--json] open EML -o DIR EXTRA...`.
fn open(cp: &Carepost, eml: &Path, dir: &Path, json: bool, extra: &[&str]) -> Run {
    let mut cmd = cp.cmd();
    if json {
        cmd.arg("--json");
    }
    let out = cmd.args(["open", s(eml), "-o", s(dir)]).args(extra).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Opens `eml` twice into fresh folders, human and JSON, both exit 0.
fn open_both(cp: &Carepost, eml: &Path, name: &str, extra: &[&str]) -> (Run, Value, PathBuf) {
    let human_dir = fresh_dir(cp, &format!("{name}-human"));
    let human = open(cp, eml, &human_dir, false, extra);
    assert_eq!(human.code, 0, "{}", human.stderr);
    let json_dir = fresh_dir(cp, &format!("{name}-json"));
    let run = open(cp, eml, &json_dir, true, extra);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (human, serde_json::from_str(&run.stdout).unwrap(), json_dir)
}

/// `--require-verified-sender` refuses with exit 3 and saves nothing.
fn assert_refused_when_verified_required(cp: &Carepost, eml: &Path, name: &str) {
    let dir = fresh_dir(cp, &format!("{name}-strict"));
    let run = open(cp, eml, &dir, true, &["--require-verified-sender"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("error:"), "{}", run.stderr);
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));
    let log = cp.cmd().args(["log"]).output().unwrap();
    assert!(String::from_utf8_lossy(&log.stdout).contains("verified sender required"), "no audit record");
}

/// No line of carepost's own (outside the framed text) carries `text`.
fn assert_only_inside_frame(stdout: &str, text: &str) {
    for line in stdout.lines().filter(|l| l.contains(text)) {
        assert!(line.starts_with("│ "), "{line:?} is not inside the text frame:\n{stdout}");
    }
}

/// A genuine carepost email from the doctor to the patient with one PDF.
fn genuine_email(doctor: &Carepost) -> PathBuf {
    let pdf = doctor.path("uitslag.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\nuitslag\n").unwrap();
    let eml = doctor.path("genuine.eml");
    doctor.json(&["send", s(&pdf), "--to", "pat", "--eml", s(&eml), "--subject", "Uitslag", "--message", GENUINE_TEXT]);
    eml
}

/// A genuine carepost-encrypted document from the doctor to the patient,
/// as a separate `.pgp` file (what a Kleopatra user attaches).
fn genuine_pgp_file(doctor: &Carepost) -> PathBuf {
    let pdf = doctor.path("uitslag.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\nuitslag\n").unwrap();
    let out = fresh_dir(doctor, "sent");
    let sent = doctor.json(&["send", s(&pdf), "--to", "pat", "-o", s(&out)]);
    PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap())
}

fn text_file(cp: &Carepost, name: &str, text: &str) -> PathBuf {
    let path = cp.path(name);
    std::fs::write(&path, text).unwrap();
    path
}

// ---------------------------------------------------------------------

#[test]
#[cfg_attr(missing_python, ignore = "needs python3, not installed")]
fn efail_wrapping_of_a_pgp_mime_part_does_not_show_the_added_text() {
    let (doctor, patient) = pair();
    let Some(python) = Python::new(&patient) else { return };
    let genuine = genuine_email(&doctor);
    let forged_text = text_file(&patient, "forged.txt", FORGED_TEXT);
    let eml = patient.path("wrapped.eml");
    python.run(&["wrap", s(&eml), s(&genuine), s(&forged_text), "before"]);

    let (human, json, dir) = open_both(&patient, &eml, "wrapped", &[]);
    assert!(!human.stdout.contains("Dosis") && !human.stderr.contains("Dosis"), "{}", human.stdout);
    assert!(human.stdout.contains("│ Hierbij de uitslag"), "{}", human.stdout);
    assert!(human.stdout.contains("Signed by \"dr\" (verified)."), "{}", human.stdout);
    assert!(
        human.stderr.contains("NOT encrypted and NOT signed") && human.stderr.contains("not shown"),
        "{}",
        human.stderr
    );
    assert_eq!(json["format"], "pgp-mime");
    assert_eq!(json["sender"]["status"], "verified");
    assert_eq!(json["text"], GENUINE_TEXT);
    assert_eq!(json["text_protected"], true);
    assert_eq!(json["unprotected_text_withheld"], true);
    assert!(json["unprotected_text"].is_null());
    assert_eq!(json["attachments"][0]["filename"], "uitslag.pdf");
    assert_eq!(json["attachments"][0]["protected"], true);
    assert_eq!(files_in(&dir), ["uitslag.pdf"]);
    assert_refused_when_verified_required(&patient, &eml, "wrapped");

    // With --accept-unencrypted the added text is shown apart, marked,
    // and the email as a whole is no longer vouched for.
    let (human, json, _) = open_both(&patient, &eml, "wrapped-accepted", &["--accept-unencrypted"]);
    assert!(
        human.stdout.contains("text added OUTSIDE the encryption: NOT encrypted and NOT signed"),
        "{}",
        human.stdout
    );
    assert_only_inside_frame(&human.stdout, "Dosis");
    assert!(human.stdout.contains("Not signed."), "{}", human.stdout);
    assert_eq!(json["unprotected_text"], FORGED_TEXT);
    assert_eq!(json["text"], GENUINE_TEXT);
    assert_eq!(json["sender"]["status"], "unsigned");
    assert_eq!(json["text_protected"], false);
    assert_eq!(json["text_protection"]["sender"]["status"], "verified");
}

#[test]
#[cfg_attr(missing_python, ignore = "needs python3, not installed")]
fn pgp_mime_inside_multipart_mixed_is_unwrapped_and_the_footer_is_unprotected() {
    let (doctor, patient) = pair();
    let Some(python) = Python::new(&patient) else { return };
    let genuine = genuine_email(&doctor);
    let footer = text_file(&patient, "footer.txt", "-- \nDisclaimer: dit bericht is vertrouwelijk.\n");
    let eml = patient.path("footer.eml");
    python.run(&["wrap", s(&eml), s(&genuine), s(&footer), "after"]);

    let (human, json, dir) = open_both(&patient, &eml, "footer", &[]);
    assert_eq!(files_in(&dir), ["uitslag.pdf"], "no raw inner MIME saved as a file");
    assert!(!human.stdout.contains("Disclaimer"), "{}", human.stdout);
    assert!(human.stdout.contains("Saved: "), "{}", human.stdout);
    assert!(human.stderr.contains("not shown"), "{}", human.stderr);
    assert_eq!(json["format"], "pgp-mime");
    assert_eq!(json["subject"], "Uitslag");
    assert_eq!(json["subject_protected"], true);
    assert_eq!(json["sender"]["status"], "verified");
    assert_eq!(json["sender"]["alias"], "dr");
    assert_eq!(json["text"], GENUINE_TEXT);
    assert_eq!(json["text_protected"], true);
    assert_eq!(json["unprotected_text_withheld"], true);
    assert_eq!(json["attachments"].as_array().unwrap().len(), 1);
    assert_eq!(json["attachments"][0]["protected"], true);
    assert_eq!(json["attachments"][0]["sender"]["status"], "verified");

    let (human, json, _) = open_both(&patient, &eml, "footer-accepted", &["--accept-unencrypted"]);
    assert_only_inside_frame(&human.stdout, "Disclaimer");
    assert!(json["unprotected_text"].as_str().unwrap().contains("Disclaimer"), "{json}");
}

#[test]
#[cfg_attr(missing_python, ignore = "needs python3, not installed")]
fn wrapping_a_pgp_attachment_does_not_show_the_clear_text_as_its_message() {
    let (doctor, patient) = pair();
    let Some(python) = Python::new(&patient) else { return };
    let pgp = genuine_pgp_file(&doctor);
    let forged_text = text_file(&patient, "forged.txt", FORGED_TEXT);
    let eml = patient.path("gpgol-wrapped.eml");
    let spec = format!("{}:uitslag.pdf.pgp:application/octet-stream", s(&pgp));
    python.run(&[
        "plain",
        s(&eml),
        &format!("{DOCTOR_NAME} <{DOCTOR_EMAIL}>"),
        PATIENT_EMAIL,
        "Uitslag",
        s(&forged_text),
        &spec,
    ]);

    let (human, json, dir) = open_both(&patient, &eml, "gpgol", &[]);
    assert!(!human.stdout.contains("Dosis"), "{}", human.stdout);
    assert!(human.stderr.contains("not shown"), "{}", human.stderr);
    assert!(human.stdout.contains("Signed by \"dr\" (verified)."), "{}", human.stdout);
    assert_eq!(json["format"], "pgp-attachments");
    assert!(json["text"].is_null(), "{json}");
    assert_eq!(json["text_protected"], false);
    assert_eq!(json["unprotected_text_withheld"], true);
    assert_eq!(json["sender"]["status"], "verified");
    assert_eq!(json["attachments"][0]["protected"], true);
    assert_eq!(files_in(&dir), ["uitslag.pdf"]);
    assert_refused_when_verified_required(&patient, &eml, "gpgol");

    let (human, json, _) = open_both(&patient, &eml, "gpgol-accepted", &["--accept-unencrypted"]);
    assert_only_inside_frame(&human.stdout, "Dosis");
    assert!(human.stdout.contains("Saved, signed by \"dr\" (verified): "), "{}", human.stdout);
    assert_eq!(json["unprotected_text"], FORGED_TEXT);
    assert_eq!(json["sender"]["status"], "unsigned");
}

#[test]
#[cfg_attr(missing_python, ignore = "needs python3, not installed")]
fn injected_plain_attachments_are_marked_and_saved_only_on_request() {
    let (doctor, patient) = pair();
    let Some(python) = Python::new(&patient) else { return };
    let pgp = genuine_pgp_file(&doctor);
    let injected = text_file(&patient, "injected.pdf", "%PDF-1.4\nnieuwe dosering\n");
    let body = text_file(&patient, "body.txt", "Zie bijlagen.\n");
    let eml = patient.path("mixed.eml");
    python.run(&[
        "plain",
        s(&eml),
        DOCTOR_EMAIL,
        PATIENT_EMAIL,
        "Uitslag",
        s(&body),
        &format!("{}:uitslag.pdf.pgp:application/octet-stream", s(&pgp)),
        &format!("{}:dosering.pdf:application/pdf", s(&injected)),
    ]);

    let (human, json, dir) = open_both(&patient, &eml, "mixed", &[]);
    assert_eq!(files_in(&dir), ["uitslag.pdf"]);
    assert!(
        human.stderr.contains("1 attachment was not saved because it was NOT encrypted and NOT signed"),
        "{}",
        human.stderr
    );
    assert_eq!(json["unsaved_attachments"], 1);
    assert_eq!(json["sender"]["status"], "verified");
    assert_refused_when_verified_required(&patient, &eml, "mixed");

    let (human, json, dir) = open_both(&patient, &eml, "mixed-accepted", &["--accept-unencrypted"]);
    assert_eq!(files_in(&dir), ["dosering.pdf", "uitslag.pdf"]);
    let marked = human.stdout.lines().find(|l| l.contains("dosering.pdf")).unwrap();
    assert!(marked.starts_with("Saved, NOT encrypted and NOT signed (anyone could have made it): "), "{marked}");
    let genuine = human.stdout.lines().find(|l| l.contains("uitslag.pdf")).unwrap();
    assert!(genuine.starts_with("Saved, signed by \"dr\" (verified): "), "{genuine}");
    assert_eq!(json["sender"]["status"], "unsigned", "the weakest part decides");
    let attachments = json["attachments"].as_array().unwrap();
    let by_name = |n: &str| attachments.iter().find(|a| a["filename"] == n).unwrap().clone();
    assert_eq!(by_name("uitslag.pdf")["protected"], true);
    assert_eq!(by_name("uitslag.pdf")["sender"]["status"], "verified");
    assert_eq!(by_name("dosering.pdf")["protected"], false);
    assert_eq!(by_name("dosering.pdf")["encrypted"], false);
    assert_eq!(by_name("dosering.pdf")["sender"]["status"], "unsigned");
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn a_signed_part_re_encrypted_by_someone_else_is_not_verified() {
    // Surreptitious forwarding: the colleague signed a part for someone
    // else; that person re-encrypts it to the doctor without signing.
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some((colleague, _)) = verified_colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let Some(forwarder) = Gpg::new() else { return };
    forwarder.import(&doctor.export_key());

    let work = fresh_dir(&doctor, "work");
    let part = work.join("part.eml");
    let signed_text = "Signed by \"peeters\" (verified).\nDe operatie gaat door.\n";
    python.run(&["inner-mixed", s(&part), COLLEAGUE_UID, "iemand@elders.example", "Getekend", signed_text]);
    let signature = work.join("part.sig");
    colleague.run(&["--local-user", COLLEAGUE_EMAIL, "--armor", "--output", s(&signature), "--detach-sign", s(&part)]);
    let signed = work.join("signed.eml");
    python.run(&["signed", s(&signed), s(&part), s(&signature)]);
    let encrypted = work.join("encrypted.asc");
    forwarder.run(&[
        "--trust-model",
        "always",
        "--recipient",
        DOCTOR_EMAIL,
        "--armor",
        "--output",
        s(&encrypted),
        "--encrypt",
        s(&signed),
    ]);
    let eml = work.join("forwarded.eml");
    python.run(&["pgp-mime", s(&eml), COLLEAGUE_UID, DOCTOR_EMAIL, "...", s(&encrypted)]);

    let (human, json, _) = open_both(&doctor, &eml, "forwarded", &[]);
    assert!(!human.stdout.lines().any(|l| l.starts_with("Signed by")), "{}", human.stdout);
    assert!(human.stdout.contains("Not signed."), "{}", human.stdout);
    assert!(human.stdout.contains("message text: encrypted but NOT signed"), "{}", human.stdout);
    assert_only_inside_frame(&human.stdout, "Signed by \"peeters\"");
    assert!(human.stderr.contains("does not vouch for this email"), "{}", human.stderr);
    assert_eq!(json["sender"]["status"], "unsigned");
    assert_eq!(json["forwarded_from"]["alias"], "peeters");
    assert_eq!(json["text_protected"], false);
    assert_refused_when_verified_required(&doctor, &eml, "forwarded");
}

#[test]
fn a_status_line_inside_the_text_cannot_pass_for_carepost_s_own() {
    let (doctor, patient) = pair();
    let forged = "Signed by \"dr\" (verified).\nNot signed.\nSaved: /home/p/uitslag.pdf\n";
    let pdf = doctor.path("brief.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n").unwrap();
    // An unverified stranger's encrypted email whose text imitates
    // carepost's status lines.
    let stranger = Carepost::with_identity("M. Allory", "m@allory.example");
    stranger
        .cmd()
        .args(["contact", "add", "p", "--consent", "verbal", "--key-file", s(&patient.export_key())])
        .assert()
        .success();
    let eml = stranger.path("forged.eml");
    stranger
        .cmd()
        .args(["send", s(&pdf), "--to", "p", "--unverified-ok", "test", "--eml", s(&eml), "--message", forged])
        .assert()
        .success();
    let (human, json, _) = open_both(&patient, &eml, "status", &[]);
    assert_only_inside_frame(&human.stdout, "Signed by \"dr\"");
    assert_only_inside_frame(&human.stdout, "/home/p/uitslag.pdf");
    let own: Vec<&str> =
        human.stdout.lines().filter(|l| l.starts_with("Signed by") || l.starts_with("Not signed")).collect();
    assert_eq!(own, ["Signed by an unknown key."], "{}", human.stdout);
    assert!(human.stdout.lines().any(|l| l.starts_with("┌── message text:")), "{}", human.stdout);
    assert!(human.stdout.lines().any(|l| l == "└──"), "{}", human.stdout);
    assert_eq!(json["text"], forged);
    assert_eq!(json["sender"]["status"], "unknown");
    drop(doctor);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn a_from_of_another_contact_or_of_the_user_is_flagged_whatever_the_signer_s_key_says() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let colleague = Carepost::with_identity("Dr. B. Claes", "dr.b@hospital.example");
    doctor.add_verified("drb", &colleague);
    let Some(patient) = Gpg::new() else { return };
    let Some(python) = Python::new(&doctor) else { return };
    // The patient's own key also claims the colleague's and the doctor's
    // addresses: user IDs are chosen by the key's owner.
    let uid = format!("{PATIENT_NAME} <{PATIENT_EMAIL}>");
    let fingerprint = patient.generate(&uid, "ed25519", Some("cv25519"), "0");
    patient.run(&["--quick-add-uid", &fingerprint, "Dr. B. Claes <dr.b@hospital.example>"]);
    patient.run(&["--quick-add-uid", &fingerprint, &format!("Dr. A. Bakker <{DOCTOR_EMAIL}>")]);
    let cert = doctor.path("patient.asc");
    patient.export(&uid, &cert);
    doctor
        .cmd()
        .args(["contact", "add", "pat", "--patient", "--consent", "verbal", "--key-file", s(&cert)])
        .assert()
        .success();
    doctor.cmd().args(["contact", "verify", "pat", "--fingerprint", &fingerprint]).assert().success();
    patient.import(&doctor.export_key());

    for (from, owner, warning) in [
        ("Dr. B. Claes <dr.b@hospital.example>", "drb", "the address of your contact \"drb\""),
        (DOCTOR_EMAIL, "self", "your own address"),
    ] {
        let work = fresh_dir(&doctor, &format!("work-{owner}"));
        let inner = work.join("inner.eml");
        python.run(&["inner-mixed", s(&inner), from, DOCTOR_EMAIL, "Nieuwe dosering", FORGED_TEXT]);
        let encrypted = work.join("encrypted.asc");
        gpg_sign_encrypt(&patient, &fingerprint, DOCTOR_EMAIL, &inner, &encrypted);
        let eml = work.join("forged.eml");
        python.run(&["pgp-mime", s(&eml), from, DOCTOR_EMAIL, "...", s(&encrypted)]);
        let (human, json, _) = open_both(&doctor, &eml, &format!("from-{owner}"), &[]);
        assert!(human.stderr.contains("THIS EMAIL MAY BE FORGED"), "{}", human.stderr);
        assert!(human.stderr.contains(warning), "{}", human.stderr);
        assert!(human.stderr.contains("signed by \"pat\" (verified)"), "{}", human.stderr);
        assert_eq!(json["from_mismatch"], true, "{json}");
        assert_eq!(json["from_owner"], owner);
        assert_eq!(json["sender"]["alias"], "pat");
    }
}

// ---------------------------------------------------------------------
// Resource bounds

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
fn an_email_with_1100_attachments_opens_with_256_open_files() {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let Some((colleague, _)) = verified_colleague(&doctor) else { return };
    let Some(python) = Python::new(&doctor) else { return };
    let work = fresh_dir(&doctor, "work");
    let inner = work.join("inner.eml");
    python.run(&["many", s(&inner), COLLEAGUE_UID, DOCTOR_EMAIL, "1100"]);
    let encrypted = work.join("encrypted.asc");
    gpg_sign_encrypt(&colleague, COLLEAGUE_EMAIL, DOCTOR_EMAIL, &inner, &encrypted);
    let eml = work.join("many.eml");
    python.run(&["pgp-mime", s(&eml), COLLEAGUE_UID, DOCTOR_EMAIL, "...", s(&encrypted)]);

    let inbox = fresh_dir(&doctor, "inbox");
    let binary = assert_cmd::cargo::cargo_bin("carepost");
    let out = Command::new("sh")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CAREPOST_LANG", "en")
        .arg("-c")
        .arg("ulimit -n 256 && exec \"$0\" \"$@\"")
        .arg(&binary)
        .args(["--home", s(&doctor.home), "--no-keychain", "--passphrase-file", s(&doctor.passphrase_file)])
        .args(["--json", "open", s(&eml), "-o", s(&inbox)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["attachments"].as_array().unwrap().len(), 1100);
    assert_eq!(json["sender"]["status"], "verified");
    assert_eq!(files_in(&inbox).len(), 1100);
    assert_eq!(std::fs::read(inbox.join("a1099.txt")).unwrap(), b"attachment 1099\n");
}

#[test]
fn send_eml_and_open_share_one_size_limit_checked_before_writing() {
    let (doctor, patient) = pair();
    // 150 MiB of document make an email of about 280 MiB: over the limit
    // that `open` applies. Sparse, so the test writes almost nothing.
    let big = doctor.path("scan.dcm");
    std::fs::File::create(&big).unwrap().set_len(150 << 20).unwrap();
    let out_dir = fresh_dir(&doctor, "out");
    let eml = out_dir.join("big.eml");
    let out = doctor.cmd().args(["send", s(&big), "--to", "pat", "--eml", s(&eml)]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error: these documents make an email of about"), "{stderr}");
    assert!(stderr.contains("256 MiB") && stderr.contains("mail providers"), "{stderr}");
    assert!(files_in(&out_dir).is_empty(), "{:?}", files_in(&out_dir));

    // The same limit when opening.
    let eml = patient.path("big.eml");
    std::fs::write(&eml, format!("From: {DOCTOR_EMAIL}\r\nTo: {PATIENT_EMAIL}\r\nSubject: x\r\n\r\n")).unwrap();
    std::fs::OpenOptions::new().write(true).open(&eml).unwrap().set_len((256 << 20) + 1).unwrap();
    let dir = fresh_dir(&patient, "inbox");
    let run = open(&patient, &eml, &dir, false, &[]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(run.stderr.contains("256 MiB") && run.stderr.contains("mail providers"), "{}", run.stderr);
    assert!(files_in(&dir).is_empty());
}

#[test]
fn a_flood_of_empty_mime_parts_is_refused_without_eating_memory() {
    let patient = Carepost::with_identity(PATIENT_NAME, PATIENT_EMAIL);
    let eml = patient.path("flood.eml");
    let mut mail =
        format!("From: {DOCTOR_EMAIL}\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n").into_bytes();
    // 64 MiB of empty parts, 7 bytes each (the reported attack had 240).
    let part = b"--b\r\n\r\n";
    mail.reserve(64 << 20);
    while mail.len() < 64 << 20 {
        mail.extend_from_slice(part);
    }
    mail.extend_from_slice(b"--b--\r\n");
    std::fs::write(&eml, &mail).unwrap();
    drop(mail);
    let dir = fresh_dir(&patient, "inbox");
    let rss = patient.path("rss");
    let mut cmd = Command::new("/usr/bin/time");
    if !Path::new("/usr/bin/time").exists() {
        cmd = Command::new("env");
    } else {
        cmd.args(["-f", "%M", "-o", s(&rss)]);
    }
    let out = cmd
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CAREPOST_LANG", "en")
        .arg(assert_cmd::cargo::cargo_bin("carepost"))
        .args(["--home", s(&patient.home), "--no-keychain", "--passphrase-file", s(&patient.passphrase_file)])
        .args(["open", s(&eml), "-o", s(&dir)])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("error: this email has more than 5000 parts"), "{stderr}");
    assert!(files_in(&dir).is_empty());
    if let Ok(text) = std::fs::read_to_string(&rss) {
        let kib: u64 = text.trim().lines().last().unwrap().parse().unwrap();
        // The file itself is read (64 MiB); no per-part blow-up on top.
        assert!(kib < 160 << 10, "peak RSS {kib} KiB");
    }
}

/// An email for someone else is refused from its key packets alone: no
/// passphrase is asked for, and the refusal names who it was for.
#[test]
fn an_email_for_a_contact_is_refused_before_the_passphrase() {
    let (doctor, patient) = pair();
    let eml = genuine_email(&doctor);
    // A colleague who knows the patient as p-0042 gets the email.
    let colleague = Carepost::with_identity("Dr. B", "b@hospital.example");
    let patient_key = colleague.path("p.asc");
    std::fs::copy(patient.export_key(), &patient_key).unwrap();
    colleague
        .cmd()
        .args(["contact", "add", "p-0042", "--consent", "verbal", "--key-file", s(&patient_key)])
        .assert()
        .success();
    let dir = fresh_dir(&colleague, "in");
    for json in [false, true] {
        // No passphrase can be had: a missing passphrase file, stdin closed.
        let mut cmd = colleague.bare_cmd();
        cmd.args(["--passphrase-file", s(&colleague.path("no-such-passphrase"))]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.args(["open", s(&eml), "-o", s(&dir)]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{stdout}{stderr}");
        let said = if json { stdout } else { stderr };
        assert!(said.contains("locked for p-0042") && said.contains("your key was not unlocked"), "{said}");
        assert!(!said.contains("passphrase"), "no passphrase was looked for: {said}");
        assert!(files_in(&dir).is_empty());
    }
}
