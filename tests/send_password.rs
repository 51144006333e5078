//! `carepost send` to a patient without a key: documents protected by a
//! password that carepost makes and the clinician tells by phone.
//!
//! Checked through the real binary in temporary homes: the encrypted PDF
//! (for a PDF and for a JPEG) opens with qpdf and the password and not
//! without it; the OpenPGP form opens with gpg and the password; the
//! sender's copy opens in carepost; the JSON fields; refusals (no
//! confirmation, --json without --password-told, mixed sends, a damaged or
//! encrypted PDF) leave nothing and record nothing as sent; the password
//! is in no file of the home and not in the email; the audit log says the
//! path and that the password was told; a kill mid-write leaves nothing.

mod common;

use common::password::{
    add_patient_without_key, audit, clinician, contains, files_under, have_qpdf, jpeg, password_of, pdf, qpdf_decrypt,
    send_told, sends_recorded, std_cmd, visible, LAB_TEXT,
};
use common::{code, ok_json, stderr, Carepost};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Stdio;

#[test]
fn a_pdf_to_a_patient_without_a_key_opens_with_the_password_and_only_with_it() {
    let cp = clinician();
    let input = common::write(&cp, "Jansen_lab.pdf", &pdf(LAB_TEXT, 0));
    let result = send_told(&cp, &[&input], &[]);
    let password = password_of(&result);
    let sent = &result["outputs"][0];
    assert_eq!(sent["format"], "pdf");
    assert_eq!(sent["path"], "password");
    assert_eq!(sent["form"], "encrypted");
    assert_eq!(sent["recipients"][0]["alias"], "p-0042");
    assert_eq!(sent["recipients"][0]["fingerprint"], Value::Null);
    let output = PathBuf::from(sent["output"].as_str().unwrap());
    let name = output.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("document-") && name.ends_with(".pdf") && !name.contains("Jansen"), "{name}");

    let raw = std::fs::read(&output).unwrap();
    assert!(raw.starts_with(b"%PDF-"));
    assert!(!contains(&raw, LAB_TEXT.as_bytes()), "the page text is in clear");
    assert!(!contains(&raw, b"marker-7f3c2a"), "the title is in clear");
    assert!(!contains(&raw, password.as_bytes()), "the password is in the file");

    if have_qpdf() {
        let decrypted = qpdf_decrypt(&output, Some(&password)).expect("the password opens it");
        assert!(contains(&decrypted, LAB_TEXT.as_bytes()), "the page is the original's");
        assert!(qpdf_decrypt(&output, None).is_err(), "opened without a password");
        assert!(qpdf_decrypt(&output, Some("wrong words here")).is_err(), "opened with a wrong password");
    }

    // The sender's copy: an OpenPGP message to our own key, in the outbox.
    let copy = PathBuf::from(sent["copy"].as_str().expect("a sender's copy"));
    assert!(copy.starts_with(cp.home.join("outbox")), "{}", copy.display());
    let opened_dir = cp.path("opened");
    std::fs::create_dir(&opened_dir).unwrap();
    let out = cp.cmd().arg("--json").arg("open").arg(&copy).arg("-o").arg(&opened_dir).output().unwrap();
    let opened = ok_json(&out);
    let opened_path = PathBuf::from(opened["output"].as_str().unwrap());
    assert_eq!(std::fs::read(opened_path).unwrap(), std::fs::read(&input).unwrap());
}

#[test]
fn a_jpeg_travels_attached_inside_the_encrypted_pdf() {
    let cp = clinician();
    let photo = jpeg();
    let input = common::write(&cp, "wound.jpg", &photo);
    let result = send_told(&cp, &[&input], &[]);
    let password = password_of(&result);
    let sent = &result["outputs"][0];
    assert_eq!(sent["format"], "pdf");
    assert_eq!(sent["form"], "attachment");
    assert_eq!(sent["attachment_reason"], "not-pdf");
    let output = PathBuf::from(sent["output"].as_str().unwrap());
    assert!(output.to_string_lossy().ends_with(".pdf"));
    let raw = std::fs::read(&output).unwrap();
    assert!(!contains(&raw, &photo[20..100]), "the photo is in clear");
    if have_qpdf() {
        qpdf_decrypt(&output, Some(&password)).expect("the password opens it");
        assert!(qpdf_decrypt(&output, None).is_err(), "opened without a password");
        let listed = std::process::Command::new("qpdf")
            .arg(format!("--password={password}"))
            .arg("--list-attachments")
            .arg(&output)
            .output()
            .unwrap();
        assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
        assert!(String::from_utf8_lossy(&listed.stdout).contains("wound.jpg"), "the photo is attached");
    }
}

#[test]
fn the_openpgp_form_opens_with_gpg_and_the_password() {
    let Some(gpg) = common::Gpg::new() else {
        if common::in_ci() {
            panic!("gpg is not installed; CI needs it");
        }
        eprintln!("SKIPPED: gpg is not installed");
        return;
    };
    let cp = clinician();
    let input = common::write(&cp, "letter.txt", LAB_TEXT.as_bytes());
    let result = send_told(&cp, &[&input], &["--format", "openpgp"]);
    let password = password_of(&result);
    let sent = &result["outputs"][0];
    assert_eq!(sent["format"], "openpgp");
    assert_eq!(sent["path"], "password");
    assert_eq!(sent["copy"], Value::Null, "our own key opens the openpgp form itself");
    let output = PathBuf::from(sent["output"].as_str().unwrap());
    assert!(output.to_string_lossy().ends_with(".txt.pgp"));
    let password_file = cp.path("password.txt");
    common::write_secret(&password_file, format!("{password}\n").as_bytes());
    let out = std::process::Command::new("gpg")
        .env("GNUPGHOME", gpg.home())
        .args(["--batch", "--no-tty", "--pinentry-mode", "loopback", "--passphrase-file"])
        .arg(&password_file)
        .arg("--decrypt")
        .arg(&output)
        .output()
        .unwrap();
    // gpg exits 2 because it has not our key to check the signature with;
    // what counts is that the password decrypted it.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("encrypted with 1 passphrase"), "gpg: {err}");
    assert_eq!(out.stdout, LAB_TEXT.as_bytes(), "gpg: {err}");
}

#[test]
fn json_without_password_told_is_refused_before_anything_is_made() {
    let cp = clinician();
    let input = common::write(&cp, "lab.pdf", &pdf(LAB_TEXT, 0));
    let out = cp.cmd().args(["--json", "send"]).arg(&input).args(["--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("--password-told"), "{}", stderr(&out));
    assert!(visible(&cp.home.join("outbox")).is_empty());
    assert!(sends_recorded(&cp).is_empty());
}

#[test]
fn without_a_terminal_or_password_told_nothing_is_sent() {
    let cp = clinician();
    let input = common::write(&cp, "lab.pdf", &pdf(LAB_TEXT, 0));
    let out = cp.cmd().arg("send").arg(&input).args(["--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: ") && err.contains("\nhint: "), "{err}");
    assert!(visible(&cp.home.join("outbox")).is_empty());
    assert!(sends_recorded(&cp).is_empty());
}

#[test]
fn unverified_ok_is_refused_on_the_password_path_and_nothing_is_recorded() {
    // The override skips a key's phone check; a password send uses no key,
    // so an override there would be recorded as a risk that was never taken.
    let (clinician_home, _patient) = common::pair();
    add_patient_without_key(&clinician_home, "p-0050", "patient@example.org");
    let input = common::write(&clinician_home, "lab.pdf", &pdf(LAB_TEXT, 0));
    for to in [&["--to", "p-0050"][..], &["--to", "p-0042", "--password"][..]] {
        let out = clinician_home
            .cmd()
            .arg("send")
            .arg(&input)
            .args(to)
            .args(["--password-told", "--unverified-ok", "patient asked by phone"])
            .output()
            .unwrap();
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("error: --unverified-ok") && err.contains("\nhint: leave out --unverified-ok"),
            "{err}"
        );
    }
    assert!(visible(&clinician_home.home.join("outbox")).is_empty());
    assert!(sends_recorded(&clinician_home).is_empty());
    assert!(!audit(&clinician_home).contains("patient asked by phone"), "{}", audit(&clinician_home));
    // In Dutch, the same refusal.
    let out = clinician_home
        .cmd()
        .args(["--lang", "nl", "send"])
        .arg(&input)
        .args(["--to", "p-0050", "--password-told", "--unverified-ok", "x"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("geldt niet bij versturen met een wachtwoord"), "{}", stderr(&out));
}

/// Runs `carepost ARGS` on a pseudo-terminal (util-linux `script`),
/// answering `answer`; returns the exit code and what the terminal showed.
fn on_terminal(cp: &Carepost, args: &[&str], answer: &str) -> Option<(i32, String)> {
    if std::process::Command::new("script").arg("--version").stdout(Stdio::null()).status().is_err() {
        eprintln!("SKIPPED: `script` (util-linux) is not installed, so no terminal could be simulated");
        return None;
    }
    let binary = assert_cmd::cargo::cargo_bin("carepost");
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = vec![
        quote(binary.to_str().unwrap()),
        "--home".into(),
        quote(cp.home.to_str().unwrap()),
        "--no-keychain".into(),
        "--passphrase-file".into(),
        quote(cp.passphrase_file.to_str().unwrap()),
    ];
    line.extend(args.iter().map(|a| quote(a)));
    let mut child = std::process::Command::new("script")
        .args(["-qefc", &line.join(" "), "/dev/null"])
        .env("CAREPOST_LANG", "en")
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // Give the prompt time to appear before the answer arrives.
        std::thread::sleep(std::time::Duration::from_secs(3));
        stdin.write_all(answer.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Some((out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned()))
}

#[test]
fn a_password_not_confirmed_as_told_sends_nothing_and_records_nothing_as_sent() {
    let cp = clinician();
    let input = common::write(&cp, "lab.pdf", &pdf(LAB_TEXT, 0));
    let Some((status, screen)) = on_terminal(&cp, &["send", input.to_str().unwrap(), "--to", "p-0042"], "n\n") else {
        return;
    };
    assert_eq!(status, 1, "{screen}");
    assert!(screen.contains("Read it to the patient now"), "{screen}");
    assert!(screen.contains("Have you told the password to p-0042?"), "{screen}");
    assert!(screen.contains("Nothing was sent"), "{screen}");
    assert!(screen.contains("new password"), "the hint says sending again makes a new password: {screen}");
    assert!(visible(&cp.home.join("outbox")).is_empty(), "{:?}", visible(&cp.home.join("outbox")));
    assert!(sends_recorded(&cp).is_empty(), "{}", audit(&cp));
    let files = cp.json(&["files"]);
    assert!(!files.to_string().contains("document-"), "a managed file remains: {files}");
}

#[test]
fn a_password_confirmed_on_the_terminal_is_recorded_as_told() {
    let cp = clinician();
    let input = common::write(&cp, "lab.pdf", &pdf(LAB_TEXT, 0));
    let Some((status, screen)) = on_terminal(&cp, &["send", input.to_str().unwrap(), "--to", "p-0042"], "y\n") else {
        return;
    };
    assert_eq!(status, 0, "{screen}");
    assert!(screen.contains('╔') && screen.contains("Password for p-0042"), "{screen}");
    let names = visible(&cp.home.join("outbox"));
    assert!(names.iter().any(|n| n.starts_with("document-") && n.ends_with(".pdf")), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("copy-") && n.ends_with(".pdf.pgp")), "{names:?}");
    let sends = sends_recorded(&cp);
    assert_eq!(sends.len(), 1, "{}", audit(&cp));
    assert!(sends[0].contains("path=password") && sends[0].contains("password-told=confirmed"), "{}", sends[0]);
}

#[test]
fn the_password_is_in_no_file_of_the_home_and_not_in_the_email() {
    let cp = clinician();
    let input = common::write(&cp, "Jansen_lab.pdf", &pdf(LAB_TEXT, 0));
    let eml = cp.path("to-patient.eml");
    let result = send_told(&cp, &[&input], &["--eml", eml.to_str().unwrap()]);
    let password = password_of(&result);
    let sent = &result["outputs"][0];
    assert_eq!(sent["output"].as_str().unwrap(), eml.to_str().unwrap());

    let mail = std::fs::read(&eml).unwrap();
    let text = String::from_utf8_lossy(&mail);
    assert!(text.contains("Content-Type: multipart/mixed"), "{text}");
    assert!(!text.contains("multipart/encrypted"), "not PGP/MIME: the patient has no key");
    assert!(text.contains("Content-Type: application/pdf"), "{text}");
    assert!(text.contains("To: patient@example.org"), "{text}");
    assert!(!text.contains("Jansen"), "the file name is in the email");
    assert!(text.contains("Subject: A document from your healthcare provider"), "{text}");
    assert!(text.contains("never") || text.contains("Never"), "{text}");

    let mut checked = 0;
    for file in files_under(&cp.home).into_iter().chain([eml.clone()]) {
        let bytes = std::fs::read(&file).unwrap();
        for needle in [password.clone(), password.replace(' ', ""), password.split(' ').next().unwrap().to_owned()] {
            // A single word could be an ordinary word somewhere; the whole
            // password never may.
            if needle.contains(' ') || needle.len() > 12 {
                assert!(!contains(&bytes, needle.as_bytes()), "the password is in {}", file.display());
            }
        }
        checked += 1;
    }
    assert!(checked >= 4, "state.db, the audit log, the copy and the email were looked at");
    assert!(files_under(&cp.home).iter().any(|f| f.ends_with("state.db")));
}

#[test]
fn the_audit_log_says_the_path_the_format_and_that_the_password_was_told() {
    let cp = clinician();
    let input = common::write(&cp, "lab.pdf", &pdf(LAB_TEXT, 0));
    let result = send_told(&cp, &[&input], &[]);
    let password = password_of(&result);
    let sends = sends_recorded(&cp);
    assert_eq!(sends.len(), 1, "{}", audit(&cp));
    let record = &sends[0];
    assert!(record.contains("p-0042"), "{record}");
    assert!(record.contains("path=password"), "{record}");
    assert!(record.contains("format=pdf"), "{record}");
    assert!(record.contains("password-told=flag"), "{record}");
    assert!(record.contains(result["outputs"][0]["sha256"].as_str().unwrap()), "the document's hash: {record}");
    assert!(!audit(&cp).contains(&password));
    cp.cmd().args(["log", "--check"]).assert().success();
}

#[test]
fn the_email_speaks_the_patients_language_formally() {
    for (lang, greeting, never) in [
        ("en", "Dear Sir or Madam", "Never reply"),
        ("nl", "Geachte heer, mevrouw", "Stuur het wachtwoord nooit"),
        ("fr", "Madame, Monsieur", "Ne r=C3=A9pondez jamais"),
    ] {
        let cp = clinician();
        let input = common::write(&cp, "lab.pdf", &pdf(LAB_TEXT, 0));
        let eml = cp.path("mail.eml");
        let out = cp
            .cmd()
            .args(["--json", "--lang", lang, "send"])
            .arg(&input)
            .args(["--to", "p-0042", "--password-told", "--eml"])
            .arg(&eml)
            .output()
            .unwrap();
        let result = ok_json(&out);
        let text = std::fs::read_to_string(&eml).unwrap().replace("=\r\n", "");
        assert!(text.contains(greeting), "{lang}: {text}");
        assert!(text.contains(never), "{lang}: {text}");
        assert!(!text.contains(result["password"].as_str().unwrap()), "{lang}");
    }
}

#[test]
fn a_damaged_or_encrypted_pdf_is_refused_before_any_output() {
    let cp = clinician();
    let damaged = common::write(&cp, "damaged.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n");
    let out = cp.cmd().args(["send"]).arg(&damaged).args(["--to", "p-0042", "--password-told"]).output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("hint: "), "{}", stderr(&out));
    assert!(visible(&cp.home.join("outbox")).is_empty());
    if have_qpdf() {
        let plain = common::write(&cp, "plain.pdf", &pdf(LAB_TEXT, 0));
        let locked = cp.path("locked.pdf");
        let made = std::process::Command::new("qpdf")
            .args(["--encrypt", "user-pw", "owner-pw", "256", "--"])
            .arg(&plain)
            .arg(&locked)
            .status()
            .unwrap();
        assert!(made.success());
        let out = cp.cmd().args(["send"]).arg(&locked).args(["--to", "p-0042", "--password-told"]).output().unwrap();
        assert_eq!(code(&out), 4, "{}", stderr(&out));
        assert!(visible(&cp.home.join("outbox")).is_empty());
    }
    assert!(sends_recorded(&cp).is_empty());
}

#[test]
fn mixed_and_several_password_sends_are_refused_with_the_way_forward() {
    let (clinician_home, _patient) = common::pair();
    add_patient_without_key(&clinician_home, "p-0050", "patient@example.org");
    clinician_home
        .cmd()
        .args(["contact", "add", "p-0051", "--patient", "--no-key", "--consent", "verbal"])
        .assert()
        .success();
    let input = common::write(&clinician_home, "lab.pdf", &pdf(LAB_TEXT, 0));
    let out = clinician_home
        .cmd()
        .arg("send")
        .arg(&input)
        .args(["--to", "p-0050", "--to", "p-0042", "--password-told"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("--to p-0050"), "{}", stderr(&out));
    let out = clinician_home
        .cmd()
        .arg("send")
        .arg(&input)
        .args(["--to", "p-0050", "--to", "p-0051", "--password-told"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    // --format is for the password path only.
    let out =
        clinician_home.cmd().arg("send").arg(&input).args(["--to", "p-0042", "--format", "pdf"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(visible(&clinician_home.home.join("outbox")).is_empty());

    // --password to a contact with a key: the password path.
    let result = ok_json(
        &clinician_home
            .cmd()
            .args(["--json", "send"])
            .arg(&input)
            .args(["--to", "p-0042", "--password", "--password-told"])
            .output()
            .unwrap(),
    );
    assert_eq!(result["outputs"][0]["path"], "password");
    assert_eq!(result["outputs"][0]["recipients"][0]["key"], true);
}

#[test]
fn a_kill_while_the_protected_pdf_is_written_leaves_nothing() {
    use std::os::unix::process::ExitStatusExt;
    let cp = clinician();
    // About 2 MiB of page content: the hook holds after 1 MiB of output.
    let input = common::write(&cp, "big.pdf", &pdf(LAB_TEXT, 150_000));
    let signals = cp.path("signals");
    std::fs::create_dir(&signals).unwrap();
    let held = signals.join("held");
    let outbox = cp.home.join("outbox");
    let mut child = std_cmd(&cp)
        .arg("send")
        .arg(&input)
        .args(["--to", "p-0042", "--password-told"])
        .env("CAREPOST_TEST_HOLD_WRITE", &held)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    while !held.exists() {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            panic!("the send ended ({status}) before it was held: {err}");
        }
        assert!(std::time::Instant::now() < deadline, "the send never reached the hold point");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    assert_eq!(child.wait().unwrap().signal(), Some(9));
    assert!(visible(&outbox).is_empty(), "the killed send left a name: {:?}", visible(&outbox));
    cp.cmd().arg("status").assert().success();
    let left: Vec<String> = std::fs::read_dir(&outbox)
        .map(|r| r.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "something remains after the next command: {left:?}");
    assert!(sends_recorded(&cp).is_empty());
}

#[test]
fn carepost_checks_a_protected_pdf_with_the_password_and_writes_nothing() {
    let cp = clinician();
    let photo = jpeg();
    let input = common::write(&cp, "wound.jpg", &photo);
    let result = send_told(&cp, &[&input], &[]);
    let password = password_of(&result);
    let output = PathBuf::from(result["outputs"][0]["output"].as_str().unwrap());
    let inbox_before = files_under(&cp.home.join("inbox"));

    // As a support call goes: typed with a capital and a double space.
    let typed = cp.path("typed-password");
    common::write_secret(&typed, format!("{}\n", password.replacen(' ', "  ", 1).to_uppercase()).as_bytes());
    let out = cp.cmd().arg("--json").arg("open").arg(&output).arg("--password-file").arg(&typed).output().unwrap();
    let checked = ok_json(&out);
    assert_eq!(checked["password_opens"], true);
    assert_eq!(checked["pages"], 1);
    assert_eq!(checked["revision"], 6);
    assert_eq!(checked["metadata_encrypted"], true);
    assert_eq!(checked["attachments"][0]["name"], "wound.jpg");
    assert_eq!(checked["attachments"][0]["size"], photo.len());
    let text = cp.cmd().arg("open").arg(&output).arg("--password-file").arg(&typed).output().unwrap();
    assert_eq!(code(&text), 0, "{}", stderr(&text));
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(shown.contains("The password opens this PDF") && shown.contains("wound.jpg"), "{shown}");
    assert_eq!(files_under(&cp.home.join("inbox")), inbox_before, "a check writes nothing");

    let wrong = cp.path("wrong-password");
    common::write_secret(&wrong, b"appel tafel fiets molen kaas boom\n");
    let out = cp.cmd().arg("open").arg(&output).arg("--password-file").arg(&wrong).output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(!stderr(&out).contains("appel tafel"), "the password is not repeated in the error");
}
