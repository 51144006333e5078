//! `carepost renew` and the warnings before the identity expires, with the
//! clock moved: `faketime` for carepost and GnuPG together, or
//! `CAREPOST_TEST_NOW` where carepost alone reads the clock. An identity
//! "made long ago" is made by running `init` under `faketime` in the past,
//! so that every later command, at the real time, sees an old key.

mod common;

use common::password::add_patient_without_key;
use common::*;
use openpgp::parse::Parse;
use sequoia_openpgp as openpgp;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const DAY: u64 = 24 * 60 * 60;
/// A new identity's life in days (`identity::VALIDITY`).
const LIFE_DAYS: u64 = 3 * 365 + 1;

/// `carepost` on `cp`'s home with the clock moved by `offset` (faketime's
/// syntax: `+10d`, `-1046d`).
fn at(cp: &Carepost, offset: &str) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new("faketime");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CAREPOST_LANG", "en")
        .env("TZ", "UTC")
        .args(["-f", offset])
        .arg(assert_cmd::cargo::cargo_bin("carepost"))
        .arg("--home")
        .arg(&cp.home)
        .arg("--no-keychain")
        .arg("--passphrase-file")
        .arg(&cp.passphrase_file);
    cmd
}

/// `carepost` with `CAREPOST_TEST_NOW` set to `now`.
fn as_of(cp: &Carepost, now: SystemTime) -> assert_cmd::Command {
    let mut cmd = cp.cmd();
    cmd.env("CAREPOST_TEST_NOW", rfc3339(now));
    cmd
}

fn rfc3339(t: SystemTime) -> String {
    let secs = t.duration_since(SystemTime::UNIX_EPOCH).unwrap().as_secs();
    // Days to a civil date (Howard Hinnant's algorithm), UTC.
    let (days, rem) = ((secs / DAY) as i64, secs % DAY);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

fn parse_time(v: &Value) -> SystemTime {
    let text = v.as_str().unwrap_or_else(|| panic!("not a time: {v}"));
    // Only the form carepost writes: YYYY-MM-DDTHH:MM:SSZ.
    let n = |r: std::ops::Range<usize>| text[r].parse::<i64>().unwrap();
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * DAY as i64 + n(11..13) * 3600 + n(14..16) * 60 + n(17..19);
    SystemTime::UNIX_EPOCH + Duration::from_secs(secs as u64)
}

fn close(a: SystemTime, b: SystemTime, slack: Duration) -> bool {
    a.duration_since(b).or_else(|e| Ok::<_, ()>(e.duration())).unwrap() <= slack
}

/// A home whose identity was made long enough ago to have `days_left`
/// days of its life left now (negative: expired that many days ago).
fn identity_with_days_left(name: &str, email: &str, days_left: i64) -> Carepost {
    let cp = Carepost::new();
    let ago = LIFE_DAYS as i64 - days_left;
    at(&cp, &format!("-{ago}d")).args(["init", "--name", name, "--email", email]).assert().success();
    cp
}

fn json_of(cmd: &mut assert_cmd::Command) -> Value {
    ok_json(&cmd.output().unwrap())
}

/// The certificate in an armored key file, with the expiry of its primary
/// key and of each subkey at `now`.
fn expiries(path: &Path, now: SystemTime) -> (String, Option<SystemTime>, Vec<Option<SystemTime>>) {
    let cert = openpgp::Cert::from_file(path).unwrap();
    assert!(!cert.is_tsk(), "a public key file holds no secret");
    let policy = openpgp::policy::StandardPolicy::new();
    let vc = cert.with_policy(&policy, now).unwrap();
    let subkeys = vc.keys().subkeys().map(|ka| ka.key_expiration_time()).collect();
    (cert.fingerprint().to_hex(), vc.primary_key().key_expiration_time(), subkeys)
}

fn write_doc(cp: &Carepost, name: &str, text: &str) -> PathBuf {
    write(cp, name, text.as_bytes())
}

#[test]
#[cfg_attr(missing_faketime, ignore = "needs faketime, not installed")]
fn the_warning_starts_sixty_days_before_expiry_on_stderr_only() {
    have_peer("faketime");
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let expires = parse_time(&cp.json(&["whoami"])["expires"]);

    // 70 days before: quiet everywhere.
    let before = expires - Duration::from_secs(70 * DAY);
    for args in [&["status"][..], &["whoami"], &["contact", "list"], &["log"]] {
        let out = as_of(&cp, before).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("carepost renew"), "{args:?} warned 70 days before: {}", stderr(&out));
    }
    let status = json_of(as_of(&cp, before).args(["--json", "status"]));
    assert_eq!(status["renew_due"], false, "{status:#}");
    assert_eq!(status["identity_expires_in_days"], 70, "{status:#}");

    // 50 days before: every command says it, with the date and the command.
    let soon = expires - Duration::from_secs(50 * DAY);
    for args in [&["status"][..], &["whoami"], &["contact", "list"], &["log"], &["retention", "show"]] {
        let out = as_of(&cp, soon).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("warning: your own key expires on"), "{args:?}: {err}");
        assert!(err.contains("(in 50 days)") && err.contains("carepost renew"), "{args:?}: {err}");
        assert_eq!(err.matches("carepost renew").count(), 1, "said once: {err}");
        assert!(!stdout(&out).contains("carepost renew"), "{args:?}: the warning is not the result");
    }
    // --json: stdout stays one JSON document, with the new fields.
    let out = as_of(&cp, soon).args(["--json", "status"]).output().unwrap();
    assert!(stderr(&out).contains("carepost renew"));
    let status = ok_json(&out);
    assert_eq!(status["renew_due"], true, "{status:#}");
    assert_eq!(status["identity_expires_in_days"], 50, "{status:#}");
    assert_eq!(parse_time(&status["identity_expires"]), expires);
    ok_json(&as_of(&cp, soon).args(["--json", "whoami"]).output().unwrap());

    // Past the date, the warning says it expired.
    let out = as_of(&cp, expires + Duration::from_secs(2 * DAY)).arg("whoami").output().unwrap();
    assert!(stderr(&out).contains("your own key expired on"), "{}", stderr(&out));
    let status = json_of(as_of(&cp, expires + Duration::from_secs(2 * DAY)).args(["--json", "status"]));
    assert_eq!(status["identity_expires_in_days"], -2, "{status:#}");

    // Commands that have no identity yet stay quiet.
    let fresh = Carepost::new();
    let out = as_of(&fresh, soon).args(["init", "--name", "B", "--email", "b@example.org"]).output().unwrap();
    assert!(out.status.success() && !stderr(&out).contains("carepost renew"), "{}", stderr(&out));
    let out = as_of(&cp, soon).args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success() && !stderr(&out).contains("carepost renew"), "{}", stderr(&out));

    // The same from a key really made 1046 days ago, with faketime.
    let old = identity_with_days_left("Dr. B", "b@praktijk.example", 50);
    let out = old.cmd().arg("status").output().unwrap();
    assert!(stderr(&out).contains("in 49 days") || stderr(&out).contains("in 50 days"), "{}", stderr(&out));
}

#[test]
#[cfg_attr(missing_faketime, ignore = "needs faketime, not installed")]
fn renew_before_expiry_keeps_the_fingerprint_and_moves_both_expiries() {
    have_peer("faketime");
    let cp = identity_with_days_left("Dr. A. Jansen", "a.jansen@praktijk.example", 50);
    let fingerprint = cp.fingerprint();
    let old_key = cp.path("old-key.asc");
    cp.cmd().args(["export-key", "-o"]).arg(&old_key).assert().success();
    let secret_before = std::fs::read(cp.home.join("identity/key.pgp")).unwrap();

    // Refusals change nothing.
    for years in ["0", "6", "x"] {
        let out = cp.cmd().args(["renew", "--years", years]).output().unwrap();
        assert_eq!(code(&out), 2, "--years {years}: {}", stderr(&out));
    }
    let taken = write_doc(&cp, "taken.asc", "mine");
    let out = cp.cmd().args(["renew", "-o"]).arg(&taken).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&taken).unwrap(), b"mine");
    assert_eq!(std::fs::read(cp.home.join("identity/key.pgp")).unwrap(), secret_before);

    let key_file = cp.path("renewed.asc");
    let now = SystemTime::now();
    let done = json_of(cp.cmd().args(["--json", "renew", "--years", "2", "-o"]).arg(&key_file));
    assert_eq!(done["fingerprint"], fingerprint.as_str());
    assert_eq!(done["was_expired"], false);
    assert_eq!(done["key_file"], key_file.to_str().unwrap());
    let expires = parse_time(&done["expires"]);
    assert!(close(expires, now + Duration::from_secs((2 * 365 + 1) * DAY), Duration::from_secs(120)), "{done:#}");
    let previous = parse_time(&done["previous_expires"]);
    assert!(close(previous, now + Duration::from_secs(50 * DAY), Duration::from_secs(2 * DAY)), "{done:#}");

    // The written key: same fingerprint, primary and subkey renewed.
    let (fpr, primary, subkeys) = expiries(&key_file, SystemTime::now());
    assert_eq!(fpr, fingerprint);
    assert_eq!(primary, Some(expires));
    assert_eq!(subkeys, vec![Some(expires)], "the encryption subkey is renewed too");
    // The old export still says the old date: contacts need the new one.
    assert_eq!(expiries(&old_key, SystemTime::now()).1, Some(previous));

    // The stored secret key: renewed, still protected by the same
    // passphrase (it is unlocked with it below), and no secret in the
    // public file.
    let secret_after = std::fs::read(cp.home.join("identity/key.pgp")).unwrap();
    assert_ne!(secret_after, secret_before);
    let tsk = openpgp::Cert::from_bytes(&secret_after).unwrap();
    assert!(tsk.keys().secret().all(|ka| !ka.key().has_unencrypted_secret()));
    assert_eq!(tsk.keys().secret().count(), 2);

    // whoami and status say the new date, and the warning is gone.
    let out = cp.cmd().args(["--json", "whoami"]).output().unwrap();
    assert!(!stderr(&out).contains("carepost renew"), "{}", stderr(&out));
    assert_eq!(parse_time(&ok_json(&out)["expires"]), expires);
    let status = cp.json(&["status"]);
    assert_eq!(status["renew_due"], false);

    // The human form, without -o: the key goes to the outbox, replaced
    // by a later renewal, and the next steps are said.
    let out = cp.cmd().args(["renew", "--years", "3"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let in_outbox = cp.home.join("outbox").join("my-public-key.asc");
    assert!(text.contains(in_outbox.to_str().unwrap()), "{text}");
    assert!(text.contains("carepost export-key") && text.contains("carepost contact update"), "{text}");
    assert!(text.contains("carepost publish wkd") && text.contains("carepost publish keyserver"), "{text}");
    // (A renewal in the same second as the one before is dated a second
    // later, so that it is the one read.)
    let (_, primary, _) = expiries(&in_outbox, SystemTime::now() + Duration::from_secs(2));
    assert!(primary.unwrap() > expires);
    // A shorter life than the key has now is refused.
    let out = cp.cmd().args(["renew", "--years", "1"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("already valid until"), "{}", stderr(&out));

    // The log records both renewals, and its signed checkpoints, made
    // before and after, all verify against the renewed key.
    let log = cp.json(&["log", "--action", "renew"]);
    assert_eq!(log["records"].as_array().map(Vec::len), Some(2), "{log:#}");
    let check = cp.json(&["log", "--check"]);
    assert_eq!(check["intact"], true, "{check:#}");
    assert_eq!(check["signed_through"], check["last_seq"], "{check:#}");
}

/// A clinician whose key expired: `send` refuses on every path with the
/// renew message (exit 5), `open` keeps working, and after `renew` the
/// send works and the contact, once updated, still has A verified.
#[test]
#[cfg_attr(missing_faketime, ignore = "needs faketime, not installed")]
fn after_expiry_send_says_renew_open_works_and_renew_brings_sending_back() {
    have_peer("faketime");
    // Six days left now; the patient's key is new.
    let clinician = identity_with_days_left("Dr. A. Jansen", "a.jansen@praktijk.example", 6);
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    clinician.add_verified("p-0042", &patient);
    patient.add_verified("dr-jansen", &clinician);
    add_patient_without_key(&clinician, "p-0050", "p50@example.org");
    // Before expiry: a letter from the patient, and one to them.
    let question = write_doc(&patient, "question.txt", "a question for the doctor");
    let sent = json_of(patient.cmd().args(["--json", "send"]).arg(&question).args(["--to", "dr-jansen"]));
    let incoming = PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap());
    let letter = write_doc(&clinician, "letter.txt", "the answer");
    clinician.cmd().arg("send").arg(&letter).args(["--to", "p-0042"]).assert().success();
    let signed_before = clinician.json(&["log", "--check"])["signed_through"].as_u64().unwrap();

    // Ten days on, the key has expired.
    let later = "+10d";
    let out = at(&clinician, later).arg("send").arg(&letter).args(["--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error: your own key expired on"), "{err}");
    assert!(err.contains("hint: run: carepost renew"), "{err}");
    // The password path signs too.
    let out = at(&clinician, later)
        .arg("send")
        .arg(&letter)
        .args(["--to", "p-0050", "--password", "--password-told"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(stderr(&out).contains("carepost renew"), "{}", stderr(&out));
    // --json: the error object on stdout, nothing else.
    let out = at(&clinician, later).args(["--json", "send"]).arg(&letter).args(["--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 5);
    let error: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(error.to_string().contains("carepost renew"), "{error}");
    // Nothing was written to the outbox by the refusals.
    let outbox_count = std::fs::read_dir(clinician.home.join("outbox")).unwrap().count();

    // Opening does not need a live key.
    let inbox = clinician.path("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let opened = json_of(at(&clinician, later).args(["--json", "open"]).arg(&incoming).arg("-o").arg(&inbox));
    assert_eq!(opened["sender"]["status"], "verified", "{opened:#}");
    assert_eq!(std::fs::read(inbox.join("question.txt")).unwrap(), b"a question for the doctor");
    assert_eq!(std::fs::read_dir(clinician.home.join("outbox")).unwrap().count(), outbox_count);

    // Renewed after expiry.
    let key_file = clinician.path("renewed.asc");
    let done = json_of(at(&clinician, later).args(["--json", "renew", "-o"]).arg(&key_file));
    assert_eq!(done["was_expired"], true, "{done:#}");
    assert_eq!(done["fingerprint"], clinician.fingerprint().as_str());
    let out = at(&clinician, later).arg("whoami").output().unwrap();
    assert!(!stderr(&out).contains("carepost renew"), "{}", stderr(&out));
    let sent = json_of(at(&clinician, later).args(["--json", "send"]).arg(&letter).args(["--to", "p-0042"]));
    let outgoing = PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap());
    at(&clinician, later)
        .arg("send")
        .arg(&letter)
        .args(["--to", "p-0050", "--password", "--password-told"])
        .assert()
        .success();

    // The patient's carepost: the old copy of A's key has expired, so it
    // refuses to send to A until it has the renewed one.
    let reply = write_doc(&patient, "reply.txt", "thank you");
    let out = at(&patient, later).arg("send").arg(&reply).args(["--to", "dr-jansen"]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    at(&patient, later).args(["contact", "update", "dr-jansen", "--key-file"]).arg(&key_file).assert().success();
    let shown = json_of(at(&patient, later).args(["--json", "contact", "show", "dr-jansen"]));
    assert_eq!(shown["verified"], true, "the verification survives: {shown:#}");
    assert_eq!(shown["fingerprint"], clinician.fingerprint().as_str());
    let opened = json_of(at(&patient, later).args(["--json", "open"]).arg(&outgoing).arg("-o").arg(patient.path(".")));
    assert_eq!(opened["sender"]["status"], "verified", "{opened:#}");
    let sent = json_of(at(&patient, later).args(["--json", "send"]).arg(&reply).args(["--to", "dr-jansen"]));
    let back = PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap());
    let opened = json_of(at(&clinician, later).args(["--json", "open"]).arg(&back).arg("-o").arg(&inbox));
    assert_eq!(opened["sender"]["status"], "verified");

    // The clinician's log: intact, the renewal in it, and the checkpoints
    // signed before and after it verify.
    let check = json_of(at(&clinician, later).args(["--json", "log", "--check"]));
    assert_eq!(check["intact"], true, "{check:#}");
    assert!(check["signed_through"].as_u64().unwrap() > signed_before, "{check:#}");
    assert_eq!(check["unsigned_records"], 0, "the first command that unlocked after renew signed them: {check:#}");
    let log = json_of(at(&clinician, later).args(["--json", "log", "--action", "renew"]));
    assert_eq!(log["records"].as_array().map(Vec::len), Some(1), "{log:#}");
}

/// A contact whose carepost verified A before A renewed accepts the
/// renewed key through `contact update`, keeps the verification, and goes
/// on sending to A past the day A's old key would have expired.
#[test]
#[cfg_attr(missing_faketime, ignore = "needs faketime, not installed")]
fn a_contact_takes_the_renewed_key_and_keeps_its_verification() {
    have_peer("faketime");
    let clinician = identity_with_days_left("Dr. A. Jansen", "a.jansen@praktijk.example", 50);
    let colleague = Carepost::with_identity("Dr. C. Colleague", "c@ziekenhuis.example");
    colleague.add_verified("dr-jansen", &clinician);
    clinician.add_verified("dr-c", &colleague);
    let key_file = clinician.path("renewed.asc");
    clinician.cmd().args(["renew", "-o"]).arg(&key_file).assert().success();

    // The update is the same key: no new verification needed.
    let out = colleague
        .cmd()
        .args(["--json", "contact", "update", "dr-jansen", "--key-file"])
        .arg(&key_file)
        .output()
        .unwrap();
    ok_json(&out);
    let shown = colleague.json(&["contact", "show", "dr-jansen"]);
    assert_eq!(shown["verified"], true, "{shown:#}");
    assert!(parse_time(&shown["expires"]) > SystemTime::now() + Duration::from_secs(1000 * DAY), "{shown:#}");

    // 60 days on, past the old expiry: sending to A still works.
    let note = write_doc(&colleague, "note.txt", "referral");
    let sent = json_of(at(&colleague, "+60d").args(["--json", "send"]).arg(&note).args(["--to", "dr-jansen"]));
    let message = PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap());
    let opened =
        json_of(at(&clinician, "+60d").args(["--json", "open"]).arg(&message).arg("-o").arg(clinician.path(".")));
    assert_eq!(opened["sender"]["status"], "verified");
}

/// GnuPG, with the same moved clock: the old key has expired and gpg
/// will not encrypt to it; the renewed key imports over it, gpg encrypts
/// to it, and carepost opens what gpg wrote.
#[test]
#[cfg_attr(any(missing_faketime, missing_gpg), ignore = "needs faketime and gpg, not installed")]
fn the_renewed_key_imports_into_gpg_which_encrypts_to_it() {
    have_peer("faketime");
    let Some(gpg) = Gpg::new() else { return };
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let fingerprint = clinician.fingerprint();
    gpg.import(&clinician.export_key());
    let later = format!("+{}d", LIFE_DAYS + 5);
    let gpg_at = |args: &[&str], input: Option<&Path>| {
        let mut cmd = std::process::Command::new("faketime");
        cmd.env("GNUPGHOME", gpg.home())
            .args(["-f", &later, "gpg", "--batch", "--yes", "--no-tty", "--trust-model", "always"])
            .args(args);
        if let Some(input) = input {
            cmd.arg(input);
        }
        cmd.output().unwrap()
    };
    let document = clinician.path("from-gpg.txt");
    std::fs::write(&document, b"written by GnuPG").unwrap();
    let encrypted = clinician.path("from-gpg.txt.gpg");
    let encrypt_args = ["--output", encrypted.to_str().unwrap(), "--recipient", &fingerprint, "--encrypt"];

    // Expired: gpg refuses.
    let out = gpg_at(&encrypt_args, Some(&document));
    assert!(!out.status.success(), "gpg encrypted to an expired key");
    assert!(!encrypted.exists());

    let key_file = clinician.path("renewed.asc");
    at(&clinician, &later).args(["renew", "-o"]).arg(&key_file).assert().success();
    let out = gpg_at(&["--import"], Some(&key_file));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // gpg sees the new expiry on the same fingerprint.
    let out = gpg_at(&["--with-colons", "--list-keys", &fingerprint], None);
    let listing = String::from_utf8_lossy(&out.stdout).into_owned();
    let fields: Vec<&str> = listing.lines().find(|l| l.starts_with("pub:")).unwrap().split(':').collect();
    assert!(!["e", "r", "i"].contains(&fields[1]), "gpg sees the key valid again: {listing}");
    let sub: Vec<&str> = listing.lines().find(|l| l.starts_with("sub:")).unwrap().split(':').collect();
    assert!(!["e", "r", "i"].contains(&sub[1]), "the encryption subkey is renewed for gpg too: {listing}");
    assert_eq!(sub[6], fields[6], "the subkey expires with the primary key: {listing}");
    let gpg_expiry: u64 = fields[6].parse().unwrap();
    let expected = SystemTime::now() + Duration::from_secs((2 * LIFE_DAYS + 5) * DAY);
    let gpg_expiry = SystemTime::UNIX_EPOCH + Duration::from_secs(gpg_expiry);
    assert!(close(gpg_expiry, expected, Duration::from_secs(600)), "{listing}");

    let out = gpg_at(&encrypt_args, Some(&document));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let inbox = clinician.path("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let opened = json_of(at(&clinician, &later).args(["--json", "open"]).arg(&encrypted).arg("-o").arg(&inbox));
    assert_eq!(opened["sender"]["status"], "unsigned", "{opened:#}");
    let name = opened["filename"].as_str().unwrap();
    assert_eq!(std::fs::read(inbox.join(name)).unwrap(), b"written by GnuPG");
}

/// The refresh path: the practice publishes the renewed key in its Web
/// Key Directory (here the loopback key server), and a colleague's
/// `contact refresh` takes it, keeps the verification, and sends to A past
/// A's old expiry.
#[test]
#[cfg_attr(any(missing_faketime, missing_python, missing_openssl), ignore = "needs faketime, python3 and openssl")]
fn a_contact_refreshing_from_the_web_key_directory_gets_the_renewed_key() {
    have_peer("faketime");
    if !common::keyserver::available() {
        return;
    }
    let server = common::keyserver::KeyServer::start();
    let email = "a.jansen@example.org";
    let clinician = identity_with_days_left("Dr. A. Jansen", email, 50);
    let wkd = common::keyserver::Wkd::Advanced;
    server.publish_wkd(email, &std::fs::read(clinician.export_key()).unwrap(), wkd);
    let colleague = Carepost::with_identity("Dr. C. Colleague", "c@ziekenhuis.example");
    colleague
        .cmd()
        .envs(server.env())
        .args(["contact", "add", "dr-jansen", "--colleague", "--email", email])
        .assert()
        .success();
    colleague
        .cmd()
        .args(["contact", "verify", "dr-jansen", "--fingerprint", &clinician.fingerprint()])
        .assert()
        .success();
    let before = colleague.json(&["contact", "show", "dr-jansen"]);

    let key_file = clinician.path("renewed.asc");
    clinician.cmd().args(["renew", "-o"]).arg(&key_file).assert().success();
    server.publish_wkd(email, &std::fs::read(&key_file).unwrap(), wkd);
    let out = colleague.cmd().envs(server.env()).args(["--json", "contact", "refresh", "dr-jansen"]).output().unwrap();
    let report = ok_json(&out);
    assert_eq!(report["contacts"][0]["result"], "updated", "{report:#}");
    let after = colleague.json(&["contact", "show", "dr-jansen"]);
    assert_eq!(after["verified"], true, "{after:#}");
    assert_eq!(after["fingerprint"], before["fingerprint"]);
    assert!(parse_time(&after["expires"]) > parse_time(&before["expires"]), "{after:#}");

    let note = write_doc(&colleague, "note.txt", "referral");
    at(&colleague, "+60d").arg("send").arg(&note).args(["--to", "dr-jansen"]).assert().success();
}

/// A revoked key stays revoked: `renew` refuses (exit 3) and leaves the
/// key file as it was.
#[test]
fn a_revoked_key_is_not_renewed() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let key_path = cp.home.join("identity/key.pgp");
    cp.cmd().args(["revoke", "--reason", "retired", "--yes"]).assert().success();
    let before = std::fs::read(&key_path).unwrap();
    let out = cp.cmd().arg("renew").output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("revoked"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&key_path).unwrap(), before);
    assert!(!cp.home.join("outbox/my-public-key.asc").exists());
}
