//! Delivery over SMTP against a real server on loopback: aiosmtpd (from
//! PyPI; `.ci/run` installs it) speaking STARTTLS or implicit TLS with a
//! certificate made for the test by `openssl`, requiring AUTH. The
//! recipient is a GnuPG user who decrypts what arrived; Python's `email`
//! package reads it the way a recipient's mail program would.
//!
//! Nothing here contacts anything but 127.0.0.1. Servers are killed when a
//! test ends; every network wait is bounded.

mod common;

use common::smtp::{
    certs, closed_port, fixture, have_tools, received_one, Server, ServerOptions, Tls, SMTP_PASSWORD, SMTP_USER,
};
use common::{have_peer, Carepost, Gpg};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
const PATIENT: &str = "Patient P <p@patient.test>";
const PATIENT_ADDRESS: &str = "p@patient.test";

/// Starts one of the raw-socket test servers below (Python `script` with
/// `args`) and waits for the port it prints as `READY PORT`.
fn raw_server(script: &str, args: &[&std::ffi::OsStr]) -> (std::process::Child, u16) {
    let mut child = Command::new("python3").args(["-c", script]).args(args).stdout(Stdio::piped()).spawn().unwrap();
    let mut ready = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut ready).unwrap();
    let port: u16 = ready.trim().strip_prefix("READY ").unwrap().parse().unwrap();
    (child, port)
}

/// A clinician's carepost home with a verified GnuPG patient contact
/// `p-1`, a document to send, and the password file for the mail server.
struct Setup {
    cp: Carepost,
    patient: Gpg,
    document: PathBuf,
    password_file: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let cp = Carepost::with_identity("Dr. A. Jansen", SMTP_USER);
        let patient = Gpg::new().expect("gpg is here");
        let fpr = patient.generate(PATIENT, "ed25519", Some("cv25519"), "1y");
        let cert = cp.path("patient.asc");
        patient.export(PATIENT_ADDRESS, &cert);
        cp.cmd()
            .args(["contact", "add", "p-1", "--patient", "--consent", "verbal", "--key-file"])
            .arg(&cert)
            .assert()
            .success();
        cp.cmd().args(["contact", "verify", "p-1", "--fingerprint", &fpr]).assert().success();
        // The patient knows the clinician's key, to check the signature.
        patient.import(&cp.export_key());
        let document = cp.path("Jansen_ontslagbrief.pdf");
        let mut content = b"%PDF-1.7\n".to_vec();
        content.extend((0..40_000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
        std::fs::write(&document, content).unwrap();
        let password_file = cp.path("smtp-password");
        common::write_secret(&password_file, format!("{SMTP_PASSWORD}\n").as_bytes());
        Setup { cp, patient, document, password_file }
    }

    /// `carepost` with the mail password file in the environment and
    /// bounded network waits.
    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.cp.cmd();
        cmd.env("CAREPOST_SMTP_PASSWORD_FILE", &self.password_file).env("CAREPOST_SMTP_TIMEOUT", "15");
        cmd.timeout(Duration::from_secs(120));
        cmd
    }

    /// A STARTTLS server with `options`, set up as this home's mail server
    /// (its test CA trusted when `trust_ca`).
    fn starttls_server(&self, options: ServerOptions, trust_ca: bool) -> Server {
        let server = Server::start(Tls::Starttls, options);
        self.mail_setup(server.port, Tls::Starttls, trust_ca);
        server
    }

    fn mail_setup(&self, port: u16, tls: Tls, ca: bool) {
        let mut cmd = self.cmd();
        cmd.args(["mail", "setup", "--host", "127.0.0.1", "--port", &port.to_string(), "--user", SMTP_USER])
            .args(["--from", SMTP_USER, "--tls", tls.arg()])
            .arg("--password-file")
            .arg(&self.password_file);
        if ca {
            cmd.arg("--ca-file").arg(&certs().ca);
        }
        if tls == Tls::None {
            cmd.arg("--allow-plaintext-loopback");
        }
        cmd.assert().success();
    }

    fn send(&self) -> std::process::Output {
        self.cmd()
            .args(["--json", "send"])
            .arg(&self.document)
            .args(["--to", "p-1", "--smtp", "--subject", "Ontslagbrief mevrouw Jansen"])
            .output()
            .unwrap()
    }

    /// Sends and expects the failure `step` in the error, exit code 1.
    fn send_fails(&self, step: &str) -> String {
        let out = self.send();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
        assert!(stderr.contains(&format!("(step: {step})")), "expected step {step}: {stderr}");
        assert!(stderr.contains("hint:"), "{stderr}");
        assert!(!stderr.contains(SMTP_PASSWORD), "the password leaked: {stderr}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["error"]["code"], 1);
        stderr
    }

    fn pending(&self) -> Vec<serde_json::Value> {
        let out = self.cmd().args(["--json", "mail", "show"]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["pending"].as_array().unwrap().clone()
    }

    fn retry(&self) -> serde_json::Value {
        let out = self.cmd().args(["--json", "mail", "retry"]).output().unwrap();
        assert!(out.status.success(), "mail retry failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// What the patient's software makes of a received message.
    fn read_as_patient(&self, message: &Path) -> serde_json::Value {
        let outdir = tempfile::tempdir().unwrap();
        let out = Command::new("python3")
            .arg(fixture("pgp_mime_check.py"))
            .arg(message)
            .arg(self.patient.home())
            .arg(outdir.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "checking the message failed: {text} {}", String::from_utf8_lossy(&out.stderr));
        let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
        // Attachment bytes are read before the temporary folder goes.
        for attachment in json["attachments"].as_array_mut().into_iter().flatten() {
            let bytes = std::fs::read(attachment["path"].as_str().unwrap()).unwrap();
            attachment["bytes"] = serde_json::Value::from(bytes);
        }
        json
    }

    /// Asserts that `message` is PGP/MIME that the patient decrypts to
    /// the document, byte for byte.
    fn assert_delivered_intact(&self, message: &Path) {
        let seen = self.read_as_patient(message);
        assert_eq!(seen["outer_content_type"], "multipart/encrypted", "{seen}");
        assert_eq!(seen["protocol"], "application/pgp-encrypted");
        assert_eq!(seen["parts"], serde_json::json!(["application/pgp-encrypted", "application/octet-stream"]));
        assert_eq!(seen["version"], "Version: 1");
        assert_eq!(seen["outer_subject"], "[...]");
        assert!(seen["crlf"].as_bool().unwrap(), "SMTP carries CRLF line endings only");
        let status = seen["gpg_status"].to_string();
        assert!(status.contains("DECRYPTION_OKAY"), "{status}");
        assert!(status.contains("GOODSIG"), "{status}");
        assert_eq!(seen["inner_content_type"], "multipart/mixed");
        assert_eq!(seen["inner_subject"], "Ontslagbrief mevrouw Jansen");
        let attachments = seen["attachments"].as_array().unwrap();
        assert_eq!(attachments.len(), 1, "{seen}");
        assert_eq!(attachments[0]["filename"], "Jansen_ontslagbrief.pdf");
        let bytes: Vec<u8> = serde_json::from_value(attachments[0]["bytes"].clone()).unwrap();
        assert!(bytes == std::fs::read(&self.document).unwrap(), "the attachment differs from the document");
        // Nothing about the patient or the document outside the encryption.
        let raw = String::from_utf8_lossy(&std::fs::read(message).unwrap()).into_owned();
        assert!(!raw.contains("Jansen_ontslagbrief") && !raw.contains("Ontslagbrief"), "a name leaked outside");
    }
}

fn delivered_over(tls: Tls) {
    if !have_tools() {
        return;
    }
    let s = Setup::new();
    let server = Server::start(tls, ServerOptions::default());
    s.mail_setup(server.port, tls, true);
    let out = s.send();
    assert!(out.status.success(), "send --smtp failed: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["delivery"]["status"], "sent", "{json}");
    assert_eq!(json["delivery"]["server"], format!("127.0.0.1:{}", server.port));
    let message_id = json["delivery"]["message_id"].as_str().unwrap().to_owned();
    assert_eq!(json["message_id"], message_id.as_str());
    assert_eq!(json["outputs"][0]["recipients"][0]["alias"], "p-1");

    let message = received_one(&server);
    let envelope = server.envelope(&message);
    assert_eq!(envelope["mail_from"], SMTP_USER);
    assert_eq!(envelope["rcpt_tos"], serde_json::json!([PATIENT_ADDRESS]));
    if tls != Tls::None {
        assert_eq!(envelope["tls"], true);
    }
    s.assert_delivered_intact(&message);
    let raw = String::from_utf8_lossy(&std::fs::read(&message).unwrap()).into_owned();
    assert!(raw.contains(&format!("<{message_id}>")), "the Message-ID the JSON names is the one sent");

    // The outbox copy is the message that was sent; nothing is pending.
    let kept = std::fs::read(json["path"].as_str().unwrap()).unwrap();
    assert!(kept == std::fs::read(&message).unwrap(), "the server received exactly the outbox copy");
    assert!(s.pending().is_empty());
    let retried = s.retry();
    assert_eq!(retried["deliveries"], serde_json::json!([]));
    assert_eq!(server.received().len(), 1, "nothing is sent twice");

    // Audited per alias, with no address, subject or file name.
    let log = s.cp.json(&["log", "--action", "mail-send"]);
    let records = log["records"].as_array().unwrap();
    assert_eq!(records.len(), 1, "{log}");
    assert_eq!(records[0]["contact"], "p-1");
    assert_eq!(records[0]["outcome"], "success");
    let text = std::fs::read_to_string(s.cp.home.join("audit.log")).unwrap();
    assert!(!text.contains(PATIENT_ADDRESS) && !text.contains("Jansen"), "the audit log holds personal data");
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_document_is_delivered_over_starttls_and_the_patient_decrypts_it() {
    delivered_over(Tls::Starttls);
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_document_is_delivered_over_implicit_tls() {
    delivered_over(Tls::Implicit);
}

#[test]
fn plain_smtp_is_refused_except_to_loopback_with_the_flag() {
    let cp = Carepost::with_identity("Dr. A. Jansen", SMTP_USER);
    let setup = |host: &str, flag: bool| {
        let mut cmd = cp.cmd();
        cmd.args(["mail", "setup", "--host", host, "--port", "25", "--user", "u", "--from", SMTP_USER])
            .args(["--tls", "none"]);
        if flag {
            cmd.arg("--allow-plaintext-loopback");
        }
        cmd.output().unwrap()
    };
    let out = setup("smtp.praktijk.test", true);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("without encryption"));
    let out = setup("127.0.0.1", false);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--allow-plaintext-loopback"));
    let out = setup("127.0.0.1", true);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Nothing secret was needed or stored; `mail show` says so.
    let shown = cp.json(&["mail", "show"]);
    assert_eq!(shown["tls"], "none");
    assert_eq!(shown["password"], "file");
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn plain_smtp_to_a_loopback_relay_delivers() {
    if !have_tools() {
        return;
    }
    let s = Setup::new();
    let server = Server::start(Tls::None, ServerOptions::default());
    s.mail_setup(server.port, Tls::None, false);
    let out = s.send();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    s.assert_delivered_intact(&received_one(&server));
}

#[test]
fn setup_keeps_no_secret_and_show_never_prints_the_password() {
    let cp = Carepost::with_identity("Dr. A. Jansen", SMTP_USER);
    let password_file = cp.path("smtp-password");
    common::write_secret(&password_file, format!("{SMTP_PASSWORD}\n").as_bytes());
    cp.cmd()
        .args(["mail", "setup", "--host", "smtp.praktijk.test", "--port", "587", "--user", SMTP_USER])
        .args(["--from", SMTP_USER, "--password-file"])
        .arg(&password_file)
        .assert()
        .success();
    for args in [&["mail", "show"][..], &["--json", "mail", "show"][..]] {
        let out = cp.cmd().args(args).output().unwrap();
        assert!(out.status.success());
        let all = [out.stdout, out.stderr].concat();
        assert!(!String::from_utf8_lossy(&all).contains(SMTP_PASSWORD));
    }
    let shown = cp.json(&["mail", "show"]);
    assert_eq!(shown["tls"], "starttls", "port 587 means STARTTLS");
    assert_eq!(shown["password"], "file", "--no-keychain: nothing stored");
    let db = std::fs::read(cp.home.join("state.db")).unwrap();
    assert!(!db.windows(SMTP_PASSWORD.len()).any(|w| w == SMTP_PASSWORD.as_bytes()));
    // Without a password for this send, nothing is composed.
    let doc = cp.path("doc.txt");
    std::fs::write(&doc, "x").unwrap();
    let colleague = Carepost::with_identity("Dr. B. Claes", "b.claes@ziekenhuis.example");
    cp.add_verified("colleague", &colleague);
    let out = cp.cmd().arg("send").arg(&doc).args(["--to", "colleague", "--smtp"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no password for the mail account"));
    assert_eq!(std::fs::read_dir(cp.home.join("outbox")).map(|d| d.count()).unwrap_or(0), 0);
    // A CA file that holds no certificate is refused at setup.
    let out = cp
        .cmd()
        .args(["mail", "setup", "--host", "smtp.praktijk.test", "--port", "465", "--user", SMTP_USER])
        .args(["--from", SMTP_USER, "--ca-file"])
        .arg(&password_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).contains(SMTP_PASSWORD));
}

/// A failed send keeps the encrypted message pending; after the problem
/// is fixed, `mail retry` delivers it exactly once.
fn fails_then_retry_delivers(step: &str, broken: impl FnOnce(&Setup) -> Option<Server>) -> String {
    let s = Setup::new();
    let broken_server = broken(&s);
    let stderr = s.send_fails(step);
    if let Some(server) = &broken_server {
        assert!(server.received().is_empty(), "nothing arrives when a step fails");
    }
    let pending = s.pending();
    assert_eq!(pending.len(), 1, "the message waits in the outbox");
    let path = PathBuf::from(pending[0]["path"].as_str().unwrap());
    assert!(path.starts_with(s.cp.home.join("outbox")) && path.exists());
    drop(broken_server);

    // The problem is solved: a server that accepts the message.
    let server = s.starttls_server(ServerOptions::default(), true);
    let retried = s.retry();
    let deliveries = retried["deliveries"].as_array().unwrap();
    assert_eq!(deliveries.len(), 1, "{retried}");
    assert_eq!(deliveries[0]["status"], "sent");
    assert_eq!(deliveries[0]["message_id"], pending[0]["message_id"]);
    let message = received_one(&server);
    s.assert_delivered_intact(&message);
    assert!(s.pending().is_empty());
    assert_eq!(s.retry()["deliveries"], serde_json::json!([]));
    assert_eq!(server.received().len(), 1, "delivered exactly once");

    let log = s.cp.json(&["log", "--action", "mail-send"]);
    let outcomes: Vec<_> = log["records"].as_array().unwrap().iter().map(|r| r["outcome"].clone()).collect();
    assert_eq!(outcomes, vec!["failed", "success"], "{log}");
    let detail = log["records"][0]["detail"].as_str().unwrap();
    assert!(detail.contains(&format!("step={step}")) || detail.contains(&format!("step={}", step.to_lowercase())));
    stderr
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn an_unreachable_server_keeps_the_message_for_retry() {
    if !have_tools() {
        return;
    }
    let stderr = fails_then_retry_delivers("connect", |s| {
        s.mail_setup(closed_port(), Tls::Starttls, true);
        None
    });
    assert!(stderr.contains("could not reach the mail server"), "{stderr}");
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn an_untrusted_certificate_stops_before_anything_is_sent() {
    if !have_tools() {
        return;
    }
    let stderr = fails_then_retry_delivers("TLS", |s| Some(s.starttls_server(ServerOptions::default(), false)));
    assert!(stderr.contains("not signed by an authority this computer trusts"), "{stderr}");
    assert!(stderr.contains("--ca-file"), "the hint names the way out: {stderr}");
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn an_untrusted_certificate_over_implicit_tls_is_a_tls_failure() {
    if !have_tools() {
        return;
    }
    let s = Setup::new();
    let server = Server::start(Tls::Implicit, ServerOptions::default());
    s.mail_setup(server.port, Tls::Implicit, false);
    let stderr = s.send_fails("TLS");
    assert!(stderr.contains("not signed by an authority"), "{stderr}");
    assert!(server.received().is_empty());
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_wrong_password_is_a_login_failure() {
    if !have_tools() {
        return;
    }
    let stderr = fails_then_retry_delivers("login", |s| {
        Some(s.starttls_server(ServerOptions { password: Some("another"), ..Default::default() }, true))
    });
    assert!(stderr.contains("refused the login") && stderr.contains("535"), "{stderr}");
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_rejected_recipient_sends_nothing() {
    if !have_tools() {
        return;
    }
    let stderr = fails_then_retry_delivers("recipient", |s| {
        Some(s.starttls_server(ServerOptions { reject: Some(PATIENT_ADDRESS), ..Default::default() }, true))
    });
    assert!(stderr.contains(PATIENT_ADDRESS) && stderr.contains("550"), "{stderr}");
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_message_too_large_for_the_server_is_refused_before_transfer() {
    if !have_tools() {
        return;
    }
    let stderr = fails_then_retry_delivers("data", |s| {
        Some(s.starttls_server(ServerOptions { size_limit: Some(4096), ..Default::default() }, true))
    });
    assert!(stderr.contains("larger than the mail server") && stderr.contains("4.0 KiB"), "{stderr}");
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_changed_outbox_message_is_never_sent() {
    if !have_tools() {
        return;
    }
    let s = Setup::new();
    s.mail_setup(closed_port(), Tls::Starttls, true);
    s.send_fails("connect");
    let pending = s.pending();
    let path = PathBuf::from(pending[0]["path"].as_str().unwrap());
    // Someone swaps the encrypted message for plain text.
    std::fs::write(
        &path,
        format!("From: {SMTP_USER}\r\nTo: {PATIENT_ADDRESS}\r\nSubject: letter\r\n\r\nthe letter in clear\r\n"),
    )
    .unwrap();
    let server = Server::start(Tls::Starttls, ServerOptions::default());
    s.mail_setup(server.port, Tls::Starttls, true);
    let out = s.cmd().args(["mail", "retry"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("refuses to send"), "{stderr}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(server.received().is_empty(), "nothing unencrypted is ever sent");
    // The user can give up on it.
    let id = pending[0]["message_id"].as_str().unwrap();
    s.cmd().args(["mail", "cancel", id]).assert().success();
    assert!(s.pending().is_empty());
}

/// `mail setup` puts the password into a real OS keychain (a private
/// D-Bus session with an unlocked GNOME Keyring, as in tests/keychain.rs)
/// under service `carepost-smtp` and `user@host`, and `send --smtp` logs
/// in with it: no password file, no terminal.
const KEYCHAIN_SCRIPT: &str = r#"
set -u
step() {
    name=$1; shift
    timeout -k 5 60 "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
    echo $? >"$OUT/$name.code"
}
eval "$(printf %s test | gnome-keyring-daemon --unlock --components=secrets)"
eval "$(gnome-keyring-daemon --start --components=secrets)"
printf %s probe >"$OUT/probe.in"
step probe sh -c 'secret-tool store --label=probe service carepost-probe username probe <"$OUT/probe.in"'
[ "$(cat "$OUT/probe.code")" = 0 ] || exit 0
cp="$CAREPOST --home $CP_HOME --passphrase-file $PASSPHRASE_FILE"
step setup $cp mail setup --host 127.0.0.1 --port "$PORT" --user "$SMTP_USER" --from "$SMTP_USER" --ca-file "$CA" --password-file "$SMTP_PASSWORD_FILE"
rm -f "$SMTP_PASSWORD_FILE"
step lookup secret-tool lookup service carepost-smtp username "$SMTP_USER@127.0.0.1"
step show $cp --json mail show
step send $cp --json send "$DOCUMENT" --to p-1 --smtp --subject "Ontslagbrief mevrouw Jansen"
"#;

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
#[cfg_attr(
    all(not(missing_smtp_peers), missing_keyring),
    ignore = "needs dbus-run-session, gnome-keyring-daemon, secret-tool and timeout, not all installed"
)]
fn the_mail_password_lives_in_the_keychain() {
    if !have_tools()
        || !["dbus-run-session", "gnome-keyring-daemon", "secret-tool", "timeout"].iter().all(|p| have_peer(p))
    {
        return;
    }
    let s = Setup::new();
    let server = Server::start(Tls::Starttls, ServerOptions::default());
    let private = |name: &str| {
        use std::os::unix::fs::PermissionsExt;
        let dir = s.cp.path(name);
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        dir
    };
    let (user_home, runtime, out_dir) = (private("user-home"), private("runtime"), private("steps"));
    let status = Command::new("timeout")
        .args(["-k", "5", "200", "dbus-run-session", "--", "bash", "-c", KEYCHAIN_SCRIPT])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &user_home)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("CAREPOST", assert_cmd::cargo::cargo_bin("carepost"))
        .env("CAREPOST_LANG", "en")
        .env("CAREPOST_KEYCHAIN_TIMEOUT", "20")
        .env("CAREPOST_SMTP_TIMEOUT", "15")
        .env("CP_HOME", &s.cp.home)
        .env("PASSPHRASE_FILE", &s.cp.passphrase_file)
        .env("SMTP_PASSWORD_FILE", &s.password_file)
        .env("SMTP_USER", SMTP_USER)
        .env("PORT", server.port.to_string())
        .env("CA", &certs().ca)
        .env("DOCUMENT", &s.document)
        .env("OUT", &out_dir)
        .stdin(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "the keychain session failed: {status}");
    let step = |name: &str| {
        let read = |ext: &str| std::fs::read_to_string(out_dir.join(format!("{name}.{ext}"))).unwrap_or_default();
        (read("code").trim().parse::<i32>().unwrap_or(-1), read("out"), read("err"))
    };
    let (probe, _, why) = step("probe");
    if probe != 0 {
        common::missing_peer(&format!("no Secret Service could be started in a private D-Bus session: {why}"));
    }
    for name in ["setup", "lookup", "show", "send"] {
        let (code, out, err) = step(name);
        assert_eq!(code, 0, "step {name} failed: {out}{err}");
    }
    assert_eq!(step("lookup").1.trim_end_matches('\n'), SMTP_PASSWORD);
    let shown: serde_json::Value = serde_json::from_str(&step("show").1).unwrap();
    assert_eq!(shown["password"], "keychain");
    assert!(!step("show").1.contains(SMTP_PASSWORD));
    let sent: serde_json::Value = serde_json::from_str(&step("send").1).unwrap();
    assert_eq!(sent["delivery"]["status"], "sent");
    s.assert_delivered_intact(&received_one(&server));
    let db = std::fs::read(s.cp.home.join("state.db")).unwrap();
    assert!(!db.windows(SMTP_PASSWORD.len()).any(|w| w == SMTP_PASSWORD.as_bytes()));
}

/// A STARTTLS server that answers the client's STARTTLS with its "220"
/// *and*, in the same plaintext packet, every reply the client will wait
/// for after the handshake; after the handshake it answers nothing.
const INJECTING_SERVER: &str = r#"
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print("READY", s.getsockname()[1], flush=True)
c, _ = s.accept()
c.settimeout(20)
def line():
    data = b""
    while not data.endswith(b"\n"):
        chunk = c.recv(1)
        if not chunk:
            sys.exit(0)
        data += chunk
    return data
c.sendall(b"220 mail.test ESMTP\r\n")
line()
c.sendall(b"250-mail.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n")
line()
c.sendall(b"220 ready to start TLS\r\n250-mail.test\r\n250 AUTH PLAIN LOGIN\r\n235 ok\r\n"
          b"250 ok\r\n250 ok\r\n354 go ahead\r\n250 queued as INJECTED\r\n")
try:
    t = ctx.wrap_socket(c, server_side=True)
    while t.recv(4096):
        pass
except Exception:
    pass
"#;

/// Regression: with lettre 0.11.23, replies injected before the TLS
/// handshake were believed; carepost printed "Sent" and audited success.
#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn replies_injected_before_the_starttls_handshake_are_refused() {
    if !have_tools() {
        return;
    }
    let s = Setup::new();
    let certs = certs();
    let (mut child, port) = raw_server(INJECTING_SERVER, &[certs.chain.as_os_str(), certs.key.as_os_str()]);
    s.mail_setup(port, Tls::Starttls, true);
    let out = s.send();
    let _ = child.kill();
    let _ = child.wait();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("STARTTLS response injection"), "{stderr}");
    assert!(!stderr.contains("Sent") && !String::from_utf8_lossy(&out.stdout).contains("INJECTED"), "{stderr}");
    let log = s.cp.json(&["log", "--action", "mail-send"]);
    let outcomes: Vec<_> = log["records"].as_array().unwrap().iter().map(|r| r["outcome"].clone()).collect();
    assert_eq!(outcomes, vec!["failed"], "{log}");
    assert_eq!(s.pending().len(), 1, "the message waits for a safe server");
}

/// A STARTTLS server that reads each message through its final "." and
/// then closes the connection without a reply (or, with `before-dot`,
/// closes as soon as it said "354"). It counts connections in
/// OUTDIR/connections and keeps what it read as OUTDIR/N.eml.
const DROPPING_SERVER: &str = r#"
import os, socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
outdir = sys.argv[3]
before_dot = sys.argv[4] == "before-dot"
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(4)
print("READY", s.getsockname()[1], flush=True)
count = 0
while True:
    c, _ = s.accept()
    count += 1
    with open(os.path.join(outdir, "connections"), "a") as f:
        f.write("connection\n")
    c.settimeout(20)
    buf = [b""]
    def line(conn):
        while b"\n" not in buf[0]:
            chunk = conn.recv(4096)
            if not chunk:
                raise EOFError
            buf[0] += chunk
        first, buf[0] = buf[0].split(b"\n", 1)
        return first + b"\n"
    try:
        c.sendall(b"220 mail.test ESMTP\r\n")
        line(c)
        c.sendall(b"250-mail.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n")
        line(c)
        c.sendall(b"220 ready to start TLS\r\n")
        t = ctx.wrap_socket(c, server_side=True)
        while True:
            command = line(t).upper()
            if command.startswith(b"EHLO"):
                t.sendall(b"250-mail.test\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n")
            elif command.startswith(b"AUTH"):
                t.sendall(b"235 ok\r\n")
            elif command.startswith(b"DATA"):
                t.sendall(b"354 go ahead\r\n")
                if before_dot:
                    t.close()
                    break
                while b"\r\n.\r\n" not in buf[0]:
                    chunk = t.recv(65536)
                    if not chunk:
                        raise EOFError
                    buf[0] += chunk
                message = buf[0].split(b"\r\n.\r\n", 1)[0] + b"\r\n"
                with open(os.path.join(outdir, "%d.eml" % count), "wb") as f:
                    f.write(message)
                # The message is in; the reply never comes.
                t.close()
                break
            else:
                t.sendall(b"250 ok\r\n")
    except Exception:
        pass
    c.close()
"#;

/// The dropping server, killed on drop.
struct DroppingServer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl DroppingServer {
    fn start() -> DroppingServer {
        DroppingServer::start_with("after-dot")
    }

    fn start_with(mode: &str) -> DroppingServer {
        let dir = tempfile::tempdir().unwrap();
        let certs = certs();
        let (child, port) = raw_server(
            DROPPING_SERVER,
            &[certs.chain.as_os_str(), certs.key.as_os_str(), dir.path().as_os_str(), std::ffi::OsStr::new(mode)],
        );
        DroppingServer { child, port, dir }
    }

    fn connections(&self) -> usize {
        std::fs::read_to_string(self.dir.path().join("connections")).map(|s| s.lines().count()).unwrap_or(0)
    }

    fn messages(&self) -> Vec<Vec<u8>> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        found.sort();
        found.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }
}

impl Drop for DroppingServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Regression: a server that drops the connection after the final "."
/// (the message may be queued, no 250 came) got the whole message again
/// on every `mail retry`. Now the message "may have been delivered", a
/// plain retry leaves it alone, and only `--resend ID` sends it again.
#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_connection_dropped_after_the_final_dot_is_not_sent_again_without_resend() {
    if !have_tools() {
        return;
    }
    let s = Setup::new();
    let dropping = DroppingServer::start();
    s.mail_setup(dropping.port, Tls::Starttls, true);

    let out = s.send();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("may have been delivered") && stderr.contains("(step: data)"), "{stderr}");
    assert!(stderr.contains("hint:") && stderr.contains("carepost mail retry --resend "), "{stderr}");
    assert!(!stderr.contains("Sent to"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["error"]["code"], 1, "{json}");
    assert_eq!(json["error"]["delivery"]["status"], "maybe-delivered", "{json}");
    let message_id = json["error"]["delivery"]["message_id"].as_str().unwrap().to_owned();
    assert!(json["error"]["hint"].as_str().unwrap().contains(&format!("--resend {message_id}")), "{json}");
    assert_eq!(dropping.connections(), 1);
    let arrived = dropping.messages();
    assert_eq!(arrived.len(), 1, "the whole message went out once");

    // `mail show` lists it with its new state and the next step.
    let pending = s.pending();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0]["state"], "maybe-delivered");
    assert_eq!(pending[0]["message_id"], message_id.as_str());
    let outbox_copy = std::fs::read(pending[0]["path"].as_str().unwrap()).unwrap();
    assert!(arrived[0] == outbox_copy, "the server got the whole message");
    let shown = s.cmd().args(["mail", "show"]).output().unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout).into_owned();
    assert!(shown.contains("may have been delivered") && shown.contains("--resend"), "{shown}");

    // A plain retry does not connect, says why, and exits 0.
    let out = s.cmd().args(["mail", "retry"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains(&format!("Not sent again: {message_id} may have been delivered")), "{text}");
    let retried = s.retry();
    assert_eq!(retried["deliveries"].as_array().unwrap().len(), 1, "{retried}");
    assert_eq!(retried["deliveries"][0]["status"], "maybe-delivered");
    assert_eq!(retried["deliveries"][0]["message_id"], message_id.as_str());
    assert!(retried["deliveries"][0]["hint"].as_str().unwrap().contains("--resend"), "{retried}");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(dropping.connections(), 1, "mail retry did not connect again");
    assert_eq!(dropping.messages().len(), 1, "no second copy");
    drop(dropping);

    // The user checked with the recipient: sent again, to a server that
    // answers, exactly once.
    let server = s.starttls_server(ServerOptions::default(), true);
    let out = s.cmd().args(["--json", "mail", "retry", "--resend", &message_id]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let resent: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(resent["deliveries"][0]["status"], "sent", "{resent}");
    assert_eq!(resent["deliveries"][0]["message_id"], message_id.as_str());
    let message = received_one(&server);
    s.assert_delivered_intact(&message);
    assert!(std::fs::read(&message).unwrap() == outbox_copy, "the same message, sent again");
    assert!(s.pending().is_empty());
    assert_eq!(s.retry()["deliveries"], serde_json::json!([]));
    assert_eq!(server.received().len(), 1);

    // Audited: the unconfirmed attempt, then the resend the user confirmed.
    let log = s.cp.json(&["log", "--action", "mail-send"]);
    let records = log["records"].as_array().unwrap();
    let outcomes: Vec<_> = records.iter().map(|r| r["outcome"].clone()).collect();
    assert_eq!(outcomes, vec!["failed", "success"], "{log}");
    assert!(records[0]["detail"].as_str().unwrap().contains("step=data: unconfirmed"), "{log}");
    assert!(records[1]["detail"].as_str().unwrap().contains("resend=confirmed"), "{log}");
}

/// The other side of the line: a connection lost while the message is
/// still going out (before the final ".") cannot have delivered it, so the
/// message stays pending and a plain `mail retry` sends it.
#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn a_connection_dropped_before_the_final_dot_stays_pending_for_retry() {
    if !have_tools() {
        return;
    }
    let s = Setup::new();
    // Many chunks, so the writes meet the closed connection well before
    // the end.
    let content: Vec<u8> = (0..2u32 << 20).map(|i| (i.wrapping_mul(2654435761) >> 11) as u8).collect();
    std::fs::write(&s.document, content).unwrap();
    let dropping = DroppingServer::start_with("before-dot");
    s.mail_setup(dropping.port, Tls::Starttls, true);
    let stderr = s.send_fails("data");
    assert!(stderr.contains("broke off") && !stderr.contains("may have been delivered"), "{stderr}");
    assert!(dropping.messages().is_empty());
    let pending = s.pending();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0]["state"], "pending");
    drop(dropping);

    let server = s.starttls_server(ServerOptions::default(), true);
    let retried = s.retry();
    assert_eq!(retried["deliveries"][0]["status"], "sent", "{retried}");
    s.assert_delivered_intact(&received_one(&server));
    assert!(s.pending().is_empty());
}

#[test]
#[cfg_attr(
    missing_smtp_peers,
    ignore = "needs gpg, openssl and python3 with aiosmtpd (python3 -m pip install aiosmtpd), not all installed"
)]
fn consent_withdrawn_after_queueing_stops_the_queued_message() {
    if !have_tools() {
        return;
    }
    let s = Setup::new();
    s.mail_setup(closed_port(), Tls::Starttls, true);
    s.send_fails("connect");
    let pending = s.pending();
    assert_eq!(pending.len(), 1, "the message waits in the outbox");
    s.cmd().args(["contact", "consent", "p-1", "--withdraw"]).assert().success();

    // A server that would accept it: the outbox checks consent again first.
    let server = s.starttls_server(ServerOptions::default(), true);
    let out = s.cmd().args(["mail", "retry"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("withdrew their consent"), "{stderr}");
    assert!(server.received().is_empty(), "nothing went out");
    assert_eq!(s.pending().len(), 1, "it stays queued, to be cancelled or sent after new consent");
    let log = s.cp.json(&["log", "--action", "mail-send"]);
    let last = log["records"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["outcome"], "refused", "{log}");
    assert!(last["detail"].as_str().unwrap().contains("consent withdrawn"), "{last}");
    assert_eq!(last["contact"], "p-1");

    // Consent given again: the same message goes.
    s.cmd().args(["contact", "consent", "p-1", "--give", "written"]).assert().success();
    let retried = s.retry();
    assert_eq!(retried["deliveries"][0]["status"], "sent", "{retried}");
    assert_eq!(server.received().len(), 1);
}
