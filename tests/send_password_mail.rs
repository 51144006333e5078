//! `carepost send --smtp` to a patient without a key, end to end against
//! the real aiosmtpd server on loopback (`tests/common/smtp.rs`): what
//! arrives is a plain email in the patient's language, formal, that names
//! neither the document nor its file and never holds the password; its
//! attachment is the encrypted PDF, which qpdf opens with the password. A
//! send while the server is down keeps the email in the outbox, with the
//! password still reported once, and `mail retry` delivers it later.
//! Afterwards no file of the home holds the password.

mod common;

use common::password::{contains, files_under, have_qpdf, pdf, qpdf_decrypt, LAB_TEXT};
use common::smtp::{
    certs, closed_port, have_tools, received_one, Server, ServerOptions, Tls, SMTP_PASSWORD, SMTP_USER,
};
use common::{code, stderr, Carepost};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const PATIENT_ADDRESS: &str = "p.jansen@patient.test";

/// How a mail program reads a message: its headers, its plain text
/// (decoded), and its attachments saved into a folder.
const READ_MAIL: &str = r#"
import email, email.policy, json, os, sys
with open(sys.argv[1], "rb") as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
out = {"content_type": msg.get_content_type(), "headers": [[k, str(v)] for k, v in msg.items()],
       "text": [], "attachments": []}
for part in msg.walk():
    if part.is_multipart():
        continue
    name = part.get_filename()
    if name is None and part.get_content_type() == "text/plain":
        out["text"].append(part.get_content())
    else:
        path = os.path.join(sys.argv[2], "attachment-%d" % len(out["attachments"]))
        with open(path, "wb") as f:
            f.write(part.get_payload(decode=True))
        out["attachments"].append({"filename": name, "content_type": part.get_content_type(), "path": path})
print(json.dumps(out))
"#;

/// A clinician whose mail account the test server accepts, with a patient
/// `p-0042` without a key, a lab result to send, and the mail password.
struct Practice {
    cp: Carepost,
    document: PathBuf,
    smtp_password: PathBuf,
}

impl Practice {
    fn new() -> Practice {
        let cp = Carepost::with_identity("Dr. A. Peeters", SMTP_USER);
        common::password::add_patient_without_key(&cp, "p-0042", PATIENT_ADDRESS);
        let document = common::write(&cp, "Jansen_labuitslag.pdf", &pdf(LAB_TEXT, 0));
        let smtp_password = cp.path("smtp-password");
        common::write_secret(&smtp_password, format!("{SMTP_PASSWORD}\n").as_bytes());
        Practice { cp, document, smtp_password }
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.cp.cmd();
        cmd.env("CAREPOST_SMTP_PASSWORD_FILE", &self.smtp_password).env("CAREPOST_SMTP_TIMEOUT", "15");
        cmd.timeout(Duration::from_secs(120));
        cmd
    }

    /// `mail setup` for a STARTTLS server on `port` that the test CA signed.
    fn mail_setup(&self, port: u16) {
        self.cmd()
            .args(["mail", "setup", "--host", "127.0.0.1", "--port", &port.to_string(), "--user", SMTP_USER])
            .args(["--from", SMTP_USER, "--tls", "starttls", "--password-file"])
            .arg(&self.smtp_password)
            .arg("--ca-file")
            .arg(&certs().ca)
            .assert()
            .success();
    }

    /// `--json --lang nl send DOCUMENT --to p-0042 --password-told --smtp`.
    fn send(&self) -> std::process::Output {
        self.cmd()
            .args(["--json", "--lang", "nl", "send"])
            .arg(&self.document)
            .args(["--to", "p-0042", "--password-told", "--smtp"])
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().arg("--json").args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

/// What a mail program makes of `message`; attachments saved under `dir`.
fn read_mail(message: &Path, dir: &Path) -> Value {
    let out = Command::new("python3").args(["-c", READ_MAIL]).arg(message).arg(dir).output().unwrap();
    assert!(out.status.success(), "reading the message failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Checks a received message: plain, Dutch, formal, naming nothing, and
/// carrying the encrypted PDF that `password` opens.
fn assert_plain_dutch_email_with_the_protected_pdf(practice: &Practice, message: &Path, password: &str) {
    let raw = std::fs::read(message).unwrap();
    for secret in [password, LAB_TEXT, "Jansen", "labuitslag", "marker-7f3c2a"] {
        assert!(!contains(&raw, secret.as_bytes()), "{secret:?} is in the message as sent");
    }
    let dir = practice.cp.path(&format!("read-{}", message.file_stem().unwrap().to_string_lossy()));
    std::fs::create_dir_all(&dir).unwrap();
    let mail = read_mail(message, &dir);
    assert_eq!(mail["content_type"], "multipart/mixed", "plain email, not PGP/MIME: {mail}");
    let headers = mail["headers"].to_string();
    let text = mail["text"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect::<Vec<_>>().join("\n");
    for secret in [password, LAB_TEXT, "Jansen", "labuitslag"] {
        assert!(!headers.contains(secret), "{secret:?} is in the headers: {headers}");
        assert!(!text.contains(secret), "{secret:?} is in the text: {text}");
    }
    // One word alone may be an ordinary word; two in a row never are.
    let two_words = password.split(' ').take(2).collect::<Vec<_>>().join(" ");
    assert!(!text.contains(&two_words), "part of the password is in the text: {text}");
    assert!(headers.contains("Een document van uw zorgverlener"), "the Dutch subject: {headers}");
    assert!(headers.contains(PATIENT_ADDRESS), "{headers}");
    // Formal Dutch: "u", never "je"/"jij".
    assert!(text.contains("Geachte heer, mevrouw"), "{text}");
    assert!(text.contains("Bijgevoegd vindt u een document"), "{text}");
    assert!(text.contains("Stuur het wachtwoord nooit"), "{text}");
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).filter(|w| !w.is_empty()).collect();
    assert!(words.iter().any(|w| w == "u"), "{text}");
    assert!(!words.iter().any(|w| ["je", "jij", "jouw"].contains(&w.as_str())), "informal Dutch: {text}");
    assert!(!text.contains("Dear") && !text.contains("password"), "English in the Dutch email: {text}");

    let attachments = mail["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 1, "{mail}");
    assert_eq!(attachments[0]["content_type"], "application/pdf");
    let name = attachments[0]["filename"].as_str().unwrap();
    assert!(name.starts_with("document-") && name.ends_with(".pdf"), "a neutral name: {name}");
    let attached = PathBuf::from(attachments[0]["path"].as_str().unwrap());
    let bytes = std::fs::read(&attached).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "the attachment is a PDF");
    assert!(contains(&bytes, b"/Encrypt"), "the attached PDF is encrypted");
    assert!(!contains(&bytes, LAB_TEXT.as_bytes()), "the page text is in clear");
    if have_qpdf() {
        let decrypted = qpdf_decrypt(&attached, Some(password)).expect("the password opens the attachment");
        assert!(contains(&decrypted, LAB_TEXT.as_bytes()), "the page is the original's");
        assert!(qpdf_decrypt(&attached, None).is_err(), "opened without the password");
    }
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_password_pdf_goes_out_by_smtp_and_waits_in_the_outbox_while_the_server_is_down() {
    if !have_tools() {
        return;
    }
    let practice = Practice::new();
    let server = Server::start(Tls::Starttls, ServerOptions::default());
    practice.mail_setup(server.port);

    // Delivered at once.
    let out = practice.send();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first_password = result["password"].as_str().expect("the result carries the password").to_owned();
    assert_eq!(result["delivery"]["status"], "sent", "{result}");
    assert_eq!(result["outputs"][0]["path"], "password");
    assert_eq!(result["outputs"][0]["format"], "pdf");
    let message = received_one(&server);
    let envelope = server.envelope(&message);
    assert_eq!(envelope["rcpt_tos"], serde_json::json!([PATIENT_ADDRESS]));
    assert_eq!(envelope["tls"], true);
    assert_plain_dutch_email_with_the_protected_pdf(&practice, &message, &first_password);
    drop(server);

    // The server is down: the email waits, and the password is still
    // reported (it was told already; the email goes out later).
    practice.mail_setup(closed_port());
    let out = practice.send();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    // In Dutch, as the whole send speaks (--lang nl).
    assert!(err.contains("(stap: verbinden)") && err.contains("carepost mail retry"), "{err}");
    let result: Value = serde_json::from_slice(&out.stdout).expect("one JSON result on stdout");
    let second_password = result["password"].as_str().expect("the password of the waiting email").to_owned();
    assert_ne!(second_password, first_password, "every send makes a new password");
    assert_eq!(result["delivery"]["status"], "pending", "{result}");
    assert_eq!(result["delivery"]["error"]["step"], "connect", "{result}");
    assert!(result.get("error").is_none(), "a result, not a second error document: {result}");
    assert!(!err.contains(&second_password), "the password is not in the error");
    let pending = practice.json(&["mail", "show"])["pending"].as_array().unwrap().clone();
    assert_eq!(pending.len(), 1, "{pending:?}");
    assert_eq!(pending[0]["message_id"], result["delivery"]["message_id"]);
    assert_eq!(pending[0]["message_id"], result["message_id"]);

    // Back up: `mail retry` delivers it, once.
    let server = Server::start(Tls::Starttls, ServerOptions::default());
    practice.mail_setup(server.port);
    let retried = practice.json(&["mail", "retry"]);
    let deliveries = retried["deliveries"].as_array().unwrap();
    assert_eq!(deliveries.len(), 1, "{retried}");
    assert_eq!(deliveries[0]["status"], "sent");
    assert_eq!(deliveries[0]["message_id"], pending[0]["message_id"]);
    let message = received_one(&server);
    assert_plain_dutch_email_with_the_protected_pdf(&practice, &message, &second_password);
    assert!(practice.json(&["mail", "show"])["pending"].as_array().unwrap().is_empty());
    assert_eq!(practice.json(&["mail", "retry"])["deliveries"], serde_json::json!([]));
    assert_eq!(server.received().len(), 1, "delivered exactly once");

    // Neither password is in any file of the home: state.db and its
    // WAL, the audit log, the outbox, the sender's copies.
    let files = files_under(&practice.cp.home);
    assert!(files.iter().any(|f| f.ends_with("state.db")) && files.iter().any(|f| f.ends_with("audit.log")));
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for password in [&first_password, &second_password] {
            assert!(!contains(&bytes, password.as_bytes()), "the password is in {}", file.display());
            assert!(!contains(&bytes, password.replace(' ', "").as_bytes()), "the password is in {}", file.display());
        }
    }
    practice.cp.cmd().args(["log", "--check"]).assert().success();
}
