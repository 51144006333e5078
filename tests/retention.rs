//! Retention through the real binary: every file carepost creates is
//! recorded and expires; `purge` deletes exactly what it recorded and
//! nothing a user touched; viewing leaves no copy; sealed documents die
//! with their key; the hourly timer's unit files are sound.
//!
//! Time moves with `CAREPOST_TEST_NOW` (debug builds only).

mod common;

use common::{code, ok_json, pair, stderr, stdout, write, Carepost};
use sequoia_openpgp as openpgp;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;

/// The time `secs` from now, as `CAREPOST_TEST_NOW` wants it.
fn later(secs: u64) -> String {
    carepost::fmt_time(SystemTime::now() + Duration::from_secs(secs))
}

fn parse(time: &Value) -> SystemTime {
    carepost::parse_time(time.as_str().expect("a time")).expect("an RFC 3339 time")
}

/// How long a recorded file is kept: expires_at − created_at.
fn kept_for(entry: &Value) -> Duration {
    parse(&entry["expires_at"]).duration_since(parse(&entry["created_at"])).unwrap()
}

/// SHA-256 of a file, computed here rather than by carepost.
fn sha256(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut context = openpgp::types::HashAlgorithm::SHA256.context().unwrap().for_digest();
    context.update(&bytes);
    openpgp::fmt::hex::encode(context.into_digest().unwrap()).to_lowercase()
}

fn fresh_dir(cp: &Carepost, name: &str) -> PathBuf {
    let dir = cp.path(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// Sends `input` to p-0042; returns the `outputs[0]` entry.
fn send(from: &Carepost, input: &Path, extra: &[&str]) -> Value {
    let out = from.cmd().args(["--json", "send"]).arg(input).args(["--to", "p-0042"]).args(extra).output().unwrap();
    ok_json(&out)["outputs"][0].clone()
}

fn output_path(entry: &Value) -> PathBuf {
    PathBuf::from(entry["output"].as_str().expect("an output path"))
}

/// Opens `message`; returns the JSON result.
fn open(cp: &Carepost, message: &Path, extra: &[&str]) -> Value {
    ok_json(&cp.cmd().args(["--json", "open"]).arg(message).args(extra).output().unwrap())
}

/// `carepost files --json [--all]`.
fn files(cp: &Carepost, all: bool) -> Vec<Value> {
    let mut args = vec!["files"];
    if all {
        args.push("--all");
    }
    cp.json(&args)["files"].as_array().unwrap().clone()
}

fn file_entry(cp: &Carepost, id: &Value) -> Value {
    files(cp, true).into_iter().find(|f| f["id"] == *id).unwrap_or_else(|| panic!("no managed file #{id}"))
}

/// A record after its file was deleted: found by id, since a closed record
/// keeps only the folder, never the (often patient-identifying) name.
fn closed_entry(cp: &Carepost, id: &Value, path: &Path) -> Value {
    let entry = file_entry(cp, id);
    let name = path.file_name().unwrap().to_str().unwrap();
    let recorded = entry["path"].as_str().unwrap();
    assert!(!recorded.contains(name), "a closed record still names {name}: {entry:#}");
    assert_eq!(Path::new(recorded), path.parent().unwrap(), "{entry:#}");
    entry
}

/// `open --view` with a viewer that only launches another program, so the
/// copy stays until the `view` retention ends.
fn view_with_launcher(cp: &Carepost, message: &Path) -> std::process::Output {
    cp.cmd()
        .env("CAREPOST_VIEWER", launcher_viewer(cp))
        .env("XDG_RUNTIME_DIR", runtime_dir(cp))
        .args(["--json", "open", "--view"])
        .arg(message)
        .output()
        .unwrap()
}

fn entry_for_path(cp: &Carepost, path: &Path) -> Value {
    files(cp, true)
        .into_iter()
        .find(|f| f["path"] == path.to_str().unwrap())
        .unwrap_or_else(|| panic!("{} is not recorded", path.display()))
}

/// `carepost --json purge` at `now`.
fn purge_at(cp: &Carepost, now: &str, extra: &[&str]) -> Value {
    ok_json(&cp.cmd().env("CAREPOST_TEST_NOW", now).args(["--json", "purge"]).args(extra).output().unwrap())
}

/// The verdict `report` gives for `path`.
fn verdict(report: &Value, path: &Path) -> String {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path.to_str().unwrap())
        .unwrap_or_else(|| panic!("{} not in the purge report: {report:#}", path.display()))["verdict"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

// ---------------------------------------------------------------------------
// Retention policy

#[test]
fn retention_show_gives_the_defaults_and_set_changes_them() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let defaults = json!({"sent": "7d", "received": "14d", "view": "15m", "max": "90d", "log": "5y"});
    assert_eq!(cp.json(&["retention", "show"]), defaults);

    let set = cp.json(&["retention", "set", "sent=30d", "received=7d"]);
    assert_eq!(set, json!({"sent": "30d", "received": "7d", "view": "15m", "max": "90d", "log": "5y"}));
    assert_eq!(cp.json(&["retention", "show"]), set, "the change is kept");

    // Every unit: minutes, hours, days, weeks (shown as days), years.
    let set = cp.json(&["retention", "set", "view=45m", "sent=36h", "received=2w", "max=12w", "log=6y"]);
    assert_eq!(set, json!({"sent": "36h", "received": "14d", "view": "45m", "max": "84d", "log": "6y"}));

    let out = cp.cmd().args(["retention", "show"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    // People read the periods in words; JSON keeps the typed form.
    for line in ["36 hours", "14 days", "45 minutes", "84 days", "6 years"] {
        assert!(text.contains(line), "{line} missing from:\n{text}");
    }
}

#[test]
fn files_has_column_headers_in_the_users_language() {
    let (cp, _patient) = pair();
    send(&cp, &write(&cp, "brief.pdf", b"%PDF-1.4 letter"), &[]);
    for (lang, header, sent) in [
        ("en", ["Kind", "State"], "sent"),
        ("nl", ["Soort", "Status"], "verzonden"),
        ("fr", ["Type", "État"], "envoyé"),
    ] {
        let out = cp.cmd().env("CAREPOST_LANG", lang).env("LC_ALL", "C").arg("files").output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("ID ") && header.iter().all(|h| first.contains(h)), "{lang}: {text}");
        assert!(text.lines().nth(1).unwrap().contains(sent), "the kind in words: {lang}: {text}");
    }
}

#[test]
fn retention_set_takes_the_words_of_the_readme_and_the_guide() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let set = cp.json(&["retention", "set", "opened=14 days", "outbox=2 weeks", "viewed=30 minutes"]);
    assert_eq!(set, json!({"sent": "14d", "received": "14d", "view": "30m", "max": "90d", "log": "5y"}));
    let set = cp.json(&["retention", "set", "inbox=7d"]);
    assert_eq!(set["received"], "7d");
    // An unknown word lists every word that is accepted.
    let out = cp.cmd().args(["retention", "set", "documents=7d"]).output().unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("sent (outbox), received (opened, inbox), view (viewed, viewing), max, log"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn retention_set_rejects_zero_negative_and_garbage_as_usage_errors() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let before = cp.json(&["retention", "show"]);
    for bad in [
        "sent=0d",
        "sent=0m",
        "sent=-1d",
        "sent=-15m",
        "sent=abc",
        "sent=7",
        "sent=1.5d",
        "sent=",
        "sent=7x",
        "sent=d",
        "sent=101y",
        "=7d",
        "sent",
        "bogus=7d",
    ] {
        let out = cp.cmd().args(["retention", "set", bad]).output().unwrap();
        assert_eq!(code(&out), 2, "{bad}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.starts_with("error: "), "{bad}: {err}");
        assert!(!err.contains("panicked"), "{bad}: {err}");
    }
    // Durations come with a hint about the units.
    let out = cp.cmd().args(["retention", "set", "sent=0d"]).output().unwrap();
    assert!(stderr(&out).contains("hint:") && stderr(&out).contains("15m"), "{}", stderr(&out));
    assert!(stderr(&out).contains("longer than zero"), "zero is named as the problem: {}", stderr(&out));
    // Longer than the maximum: refused, with the way forward.
    let out = cp.cmd().args(["retention", "set", "sent=100d"]).output().unwrap();
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("90 days") && stderr(&out).contains("retention set max="), "{}", stderr(&out));
    // A log kept for minutes would lose the history at the next purge.
    let out = cp.cmd().args(["retention", "set", "log=1m"]).output().unwrap();
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("1 year") && stderr(&out).contains("hint:"), "{}", stderr(&out));
    // All or nothing: one bad assignment changes nothing.
    let out = cp.cmd().args(["retention", "set", "sent=30d", "received=0d"]).output().unwrap();
    assert_eq!(code(&out), 2);
    assert_eq!(cp.json(&["retention", "show"]), before);
}

#[test]
fn retain_on_send_and_open_sets_the_expiry_within_the_maximum() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 referral letter");
    let sent = send(&clinician, &document, &["--retain", "2h"]);
    let entry = entry_for_path(&clinician, &output_path(&sent));
    assert_eq!(entry["kind"], "sent");
    assert_eq!(kept_for(&entry), Duration::from_secs(2 * HOUR));
    assert_eq!(entry["expires_at"], sent["expires"]);

    let opened = open(&patient, &output_path(&sent), &["--retain", "3d"]);
    assert_eq!(kept_for(&file_entry(&patient, &opened["id"])), Duration::from_secs(3 * DAY));
    let sealed = open(&patient, &output_path(&sent), &["--sealed", "--retain", "1w"]);
    assert_eq!(kept_for(&file_entry(&patient, &sealed["id"])), Duration::from_secs(7 * DAY));
    let plain = send(&clinician, &document, &["--retain", "45m"]);
    assert_eq!(kept_for(&entry_for_path(&clinician, &output_path(&plain))), Duration::from_secs(45 * MINUTE));

    // Longer than the maximum (90 days by default): refused before
    // anything is written, with a hint.
    let outbox = clinician.home.join("outbox");
    let outbox_before = names_in(&outbox);
    let out = clinician.cmd().arg("send").arg(&document).args(["--to", "p-0042", "--retain", "91d"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("90 days"), "{}", stderr(&out));
    assert!(stderr(&out).contains("hint:") && stderr(&out).contains("retention set max="), "{}", stderr(&out));
    assert_eq!(names_in(&outbox), outbox_before);
    let inbox = patient.home.join("inbox");
    let inbox_before = names_in(&inbox);
    let out = patient.cmd().arg("open").arg(output_path(&sent)).args(["--retain", "13w"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("hint:"), "{}", stderr(&out));
    assert_eq!(names_in(&inbox), inbox_before);

    // Zero, negative and garbage are usage errors too.
    for bad in ["--retain=0d", "--retain=-1h", "--retain=soon", "--retain=5"] {
        let out = clinician.cmd().arg("send").arg(&document).args(["--to", "p-0042", bad]).output().unwrap();
        assert_eq!(code(&out), 2, "{bad}: {}", stderr(&out));
        let out = patient.cmd().arg("open").arg(output_path(&sent)).arg(bad).output().unwrap();
        assert_eq!(code(&out), 2, "{bad}: {}", stderr(&out));
    }
    assert_eq!(names_in(&outbox), outbox_before);
    assert_eq!(names_in(&inbox), inbox_before);

    // Raising the maximum allows a longer --retain.
    clinician.json(&["retention", "set", "max=120d"]);
    let long = send(&clinician, &document, &["--retain", "100d"]);
    assert_eq!(kept_for(&entry_for_path(&clinician, &output_path(&long))), Duration::from_secs(100 * DAY));
}

// ---------------------------------------------------------------------------
// What is recorded

/// A viewer that returns at once, as `xdg-open` does: carepost keeps the
/// copy until the `view` retention ends.
fn launcher_viewer(cp: &Carepost) -> PathBuf {
    let path = cp.path("launcher.sh");
    std::fs::write(&path, "#!/bin/sh\nexit 0\n").unwrap();
    make_executable(&path);
    path
}

/// A private runtime directory, as `$XDG_RUNTIME_DIR` is on a desktop.
fn runtime_dir(cp: &Carepost) -> PathBuf {
    let dir = fresh_dir(cp, "runtime");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    dir
}

#[test]
fn every_created_file_is_recorded_with_kind_size_hash_and_expiry() {
    let (clinician, patient) = pair();
    let content = b"Ontslagbrief: HbA1c 48 mmol/mol, controle over twee weken.\n".repeat(50);
    let document = write(&clinician, "Jansen_ontslagbrief.pdf", &content);
    let sent_dir = fresh_dir(&clinician, "to-mail");
    let sent = send(&clinician, &document, &["-o", sent_dir.to_str().unwrap()]);
    let in_outbox = send(&clinician, &document, &[]);
    let message = output_path(&sent);

    let received = open(&patient, &message, &[]);
    let sealed = open(&patient, &message, &["--sealed"]);
    let out = view_with_launcher(&patient, &message);
    let viewed = ok_json(&out);
    let runtime = runtime_dir(&patient);

    let check = |cp: &Carepost, path: &Path, kind: &str, period: u64| {
        let entry = entry_for_path(cp, path);
        assert_eq!(entry["kind"], kind, "{entry:#}");
        assert_eq!(entry["state"], "active");
        assert!(path.is_absolute());
        assert_eq!(entry["size"], std::fs::metadata(path).unwrap().len(), "{entry:#}");
        assert_eq!(entry["sha256"], sha256(path), "{entry:#}");
        assert_eq!(kept_for(&entry), Duration::from_secs(period), "{entry:#}");
        let created = parse(&entry["created_at"]);
        let age = SystemTime::now().duration_since(created).unwrap_or_default();
        assert!(age < Duration::from_secs(5 * MINUTE), "created_at is now: {entry:#}");
        entry
    };
    check(&clinician, &message, "sent", 7 * DAY);
    assert!(message.starts_with(&sent_dir));
    check(&clinician, &output_path(&in_outbox), "sent", 7 * DAY);
    assert_eq!(files(&clinician, false).len(), 2);

    let entry = check(&patient, &output_path(&received), "received", 14 * DAY);
    assert_eq!(std::fs::read(output_path(&received)).unwrap(), content);
    assert_eq!(entry["sha256"], sha256(&document), "a received document's hash is the document's");
    assert_eq!(received["kind"], "received");

    let entry = check(&patient, &output_path(&sealed), "sealed", 14 * DAY);
    assert_eq!(sealed["kind"], "sealed");
    assert!(output_path(&sealed).starts_with(patient.home.join("sealed")));
    assert_ne!(entry["sha256"], sha256(&document), "the sealed file is ciphertext");

    let view_path = output_path(&viewed);
    assert_eq!(viewed["kind"], "view");
    assert!(view_path.starts_with(&runtime), "{}", view_path.display());
    check(&patient, &view_path, "view", 15 * MINUTE);
    assert!(stderr(&out).contains("stays until"), "{}", stderr(&out));
    assert_eq!(files(&patient, false).len(), 3);
}

// ---------------------------------------------------------------------------
// Purge

#[test]
fn purge_deletes_only_expired_recorded_files_and_dry_run_deletes_nothing() {
    let (clinician, _patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 short-lived");
    let dir = fresh_dir(&clinician, "to-mail");
    let o = ["-o", dir.to_str().unwrap()];
    let soon = output_path(&send(&clinician, &document, &[o[0], o[1], "--retain", "1h"]));
    let week = output_path(&send(&clinician, &document, &o));
    let outbox_soon = output_path(&send(&clinician, &document, &["--retain", "1h"]));
    // Files carepost did not write, in the same folders — one of them a
    // byte-for-byte copy of a recorded file.
    let notes = write(&clinician, "to-mail/notes.txt", b"my own notes");
    let copy = dir.join("copy-of-expiring.pdf.pgp");
    std::fs::copy(&soon, &copy).unwrap();
    let own = clinician.home.join("outbox").join("own.txt");
    std::fs::write(&own, b"mine").unwrap();

    // Nothing has expired yet.
    let report = purge_at(&clinician, &later(30 * MINUTE), &[]);
    assert_eq!(report["files"], json!([]), "{report:#}");
    let out = clinician.cmd().arg("purge").output().unwrap();
    assert!(stdout(&out).contains("Nothing has expired"), "{}", stdout(&out));

    // A dry run reports and deletes nothing.
    let two_hours = later(2 * HOUR);
    let report = purge_at(&clinician, &two_hours, &["--dry-run"]);
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["files"].as_array().unwrap().len(), 2, "{report:#}");
    assert_eq!(verdict(&report, &soon), "deleted");
    assert_eq!(verdict(&report, &outbox_soon), "deleted");
    assert!(soon.exists() && outbox_soon.exists());
    let soon_id = entry_for_path(&clinician, &soon)["id"].clone();
    assert_eq!(entry_for_path(&clinician, &soon)["state"], "active");
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", &two_hours).args(["purge", "--dry-run"]).output().unwrap();
    assert!(stdout(&out).contains("would delete"), "{}", stdout(&out));
    assert!(soon.exists());

    // The real purge deletes exactly the expired recorded files.
    let report = purge_at(&clinician, &two_hours, &[]);
    assert_eq!(report["dry_run"], false);
    assert_eq!(report["files"].as_array().unwrap().len(), 2, "{report:#}");
    assert_eq!(verdict(&report, &soon), "deleted");
    assert_eq!(verdict(&report, &outbox_soon), "deleted");
    for entry in report["files"].as_array().unwrap() {
        assert_eq!(entry["kind"], "sent");
        assert!(entry["id"].is_i64());
    }
    assert!(!soon.exists() && !outbox_soon.exists());
    assert!(week.exists());
    assert_eq!(std::fs::read(&notes).unwrap(), b"my own notes");
    assert_eq!(std::fs::read(&own).unwrap(), b"mine");
    assert!(copy.exists(), "an unrecorded copy is not carepost's to delete");
    assert_eq!(closed_entry(&clinician, &soon_id, &soon)["state"], "deleted");
    assert_eq!(entry_for_path(&clinician, &week)["state"], "active");
    assert_eq!(files(&clinician, false).len(), 1);

    // A week later the other one goes too, and then there is nothing left.
    let report = purge_at(&clinician, &later(8 * DAY), &[]);
    assert_eq!(verdict(&report, &week), "deleted");
    assert!(!week.exists());
    assert_eq!(purge_at(&clinician, &later(9 * DAY), &[])["files"], json!([]));
    assert_eq!(names_in(&dir), ["copy-of-expiring.pdf.pgp", "notes.txt"]);
}

#[test]
fn purge_keeps_files_the_user_edited_or_replaced_and_says_so() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 the original letter");
    let dir = fresh_dir(&clinician, "to-mail");
    let o = ["-o", dir.to_str().unwrap(), "--retain", "1h"];
    let appended = output_path(&send(&clinician, &document, &o));
    let replaced = output_path(&send(&clinician, &document, &o));
    let flipped = output_path(&send(&clinician, &document, &o));
    let untouched = output_path(&send(&clinician, &document, &o));
    let opened = output_path(&open(&patient, &appended, &["--retain", "1h"]));

    // Appended to; replaced by another file of the same size (a new inode);
    // one byte changed in place; the patient edited the opened letter.
    let mut bytes = std::fs::read(&appended).unwrap();
    bytes.push(b'\n');
    std::fs::write(&appended, &bytes).unwrap();
    let size = std::fs::metadata(&replaced).unwrap().len() as usize;
    let other = dir.join("other.tmp");
    std::fs::write(&other, vec![b'x'; size]).unwrap();
    std::fs::rename(&other, &replaced).unwrap();
    let mut bytes = std::fs::read(&flipped).unwrap();
    bytes[size / 2] ^= 0x01;
    std::fs::write(&flipped, &bytes).unwrap();
    std::fs::write(&opened, b"%PDF-1.4 the original letter, with my notes").unwrap();
    let expected: Vec<(PathBuf, Vec<u8>)> = [&appended, &replaced, &flipped, &opened]
        .iter()
        .map(|p| (p.to_path_buf(), std::fs::read(p).unwrap()))
        .collect();

    let now = later(2 * HOUR);
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", &now).arg("purge").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("changed since carepost wrote it; not deleted"), "{text}");
    let report = purge_at(&patient, &now, &[]);
    assert_eq!(verdict(&report, &opened), "changed");

    for (path, content) in &expected {
        assert_eq!(&std::fs::read(path).unwrap(), content, "{} was touched", path.display());
    }
    assert!(!untouched.exists(), "the untouched one is deleted");
    for path in [&appended, &replaced, &flipped] {
        assert_eq!(entry_for_path(&clinician, path)["state"], "changed");
    }
    assert_eq!(entry_for_path(&patient, &opened)["state"], "changed");
    // They are the user's now: later purges leave them out.
    assert_eq!(purge_at(&clinician, &later(3 * HOUR), &[])["files"], json!([]));
}

#[test]
#[cfg(unix)]
fn purge_never_follows_a_symlink_at_a_recorded_path() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 linked away");
    let dir = fresh_dir(&clinician, "to-mail");
    let outside = fresh_dir(&clinician, "elsewhere");
    let message = output_path(&send(&clinician, &document, &["-o", dir.to_str().unwrap(), "--retain", "1h"]));
    let other = output_path(&send(&clinician, &document, &["-o", dir.to_str().unwrap(), "--retain", "1h"]));
    let opened = output_path(&open(&patient, &message, &["--retain", "1h"]));

    // The recorded path becomes a link to a file outside with exactly the
    // recorded content (so size and hash match through the link)…
    let same = outside.join("same.pgp");
    std::fs::rename(&message, &same).unwrap();
    std::os::unix::fs::symlink(&same, &message).unwrap();
    // …or to an unrelated file of the user's.
    let precious = outside.join("precious.txt");
    std::fs::write(&precious, b"someone's thesis").unwrap();
    std::fs::remove_file(&other).unwrap();
    std::os::unix::fs::symlink(&precious, &other).unwrap();
    // A plaintext copy is overwritten before deletion: a link must not
    // lead that overwrite to the target.
    let outside_letter = patient.path("letter-elsewhere.pdf");
    std::fs::rename(&opened, &outside_letter).unwrap();
    std::os::unix::fs::symlink(&outside_letter, &opened).unwrap();

    let now = later(2 * HOUR);
    let report = purge_at(&clinician, &now, &[]);
    assert_eq!(verdict(&report, &message), "changed");
    assert_eq!(verdict(&report, &other), "changed");
    let report = purge_at(&patient, &now, &[]);
    assert_eq!(verdict(&report, &opened), "changed");

    assert!(std::fs::symlink_metadata(&message).unwrap().file_type().is_symlink());
    assert_eq!(sha256(&same), entry_for_path(&clinician, &message)["sha256"].as_str().unwrap());
    assert_eq!(std::fs::read(&precious).unwrap(), b"someone's thesis");
    assert_eq!(std::fs::read(&outside_letter).unwrap(), b"%PDF-1.4 linked away");
}

#[test]
#[cfg(unix)]
fn purge_never_follows_a_recorded_folder_swapped_for_a_link() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 the real plaintext");
    let message = output_path(&send(&clinician, &document, &[]));
    let received = fresh_dir(&patient, "received");
    let opened = output_path(&open(&patient, &message, &["-o", received.to_str().unwrap(), "--retain", "1h"]));
    let name = opened.file_name().unwrap().to_owned();

    // The folder moves away and a link to the user's archive takes its
    // place; the archive holds a same-named, same-content copy, so the
    // file at the end of the link passes the size and hash checks.
    let moved = patient.path("received-moved");
    std::fs::rename(&received, &moved).unwrap();
    let archive = fresh_dir(&patient, "archive");
    std::fs::copy(moved.join(&name), archive.join(&name)).unwrap();
    std::os::unix::fs::symlink(&archive, &received).unwrap();

    let report = purge_at(&patient, &later(2 * HOUR), &[]);
    assert_eq!(verdict(&report, &opened), "changed", "{report:#}");
    assert_eq!(std::fs::read(archive.join(&name)).unwrap(), b"%PDF-1.4 the real plaintext", "the archive was touched");
    assert_eq!(std::fs::read(moved.join(&name)).unwrap(), b"%PDF-1.4 the real plaintext");
    let entry = entry_for_path(&patient, &opened);
    assert_eq!(entry["state"], "changed", "{entry:#}");
}

#[test]
fn a_clock_jump_does_not_extend_later_retention_and_is_reported() {
    let (clinician, _patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 clock");
    // One command runs with the clock two years ahead…
    let ahead = later(2 * 365 * DAY);
    let out = clinician
        .cmd()
        .env("CAREPOST_TEST_NOW", &ahead)
        .args(["--json", "send"])
        .arg(&document)
        .args(["--to", "p-0042"])
        .output()
        .unwrap();
    let early = output_path(&ok_json(&out)["outputs"][0]);
    // …then the clock is right again: a new file keeps its own 7 days.
    let message = output_path(&send(&clinician, &document, &[]));
    let entry = entry_for_path(&clinician, &message);
    assert_eq!(kept_for(&entry), Duration::from_secs(7 * DAY), "{entry:#}");
    let expires = parse(&entry["expires_at"]);
    assert!(expires < SystemTime::now() + Duration::from_secs(8 * DAY), "{entry:#}");

    let status = clinician.json(&["status"]);
    assert_eq!(status["files"]["clock_behind"], entry_for_path(&clinician, &early)["created_at"], "{status:#}");
    let out = clinician.cmd().arg("status").output().unwrap();
    assert!(stdout(&out).contains("warning: a file was recorded at"), "{}", stdout(&out));
    assert!(stdout(&out).contains("The clock jumped"), "{}", stdout(&out));
}

#[test]
fn a_file_deleted_by_hand_is_not_left_active() {
    let (clinician, _patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 deleted early by hand");
    let gone = output_path(&send(&clinician, &document, &[]));
    let id = entry_for_path(&clinician, &gone)["id"].clone();
    std::fs::remove_file(&gone).unwrap();
    // Long before its expiry, listing it already knows.
    assert!(files(&clinician, false).iter().all(|f| f["id"] != id), "still listed as kept");
    assert_eq!(closed_entry(&clinician, &id, &gone)["state"], "missing");
    assert_eq!(clinician.json(&["status"])["files"]["sent"], 0);
}

#[test]
fn changed_files_stay_visible_until_released_and_files_delete_removes_one_early() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 edited later");
    let message = output_path(&send(&clinician, &document, &[]));
    let edited = output_path(&open(&patient, &message, &["--retain", "1h"]));
    let early = output_path(&open(&patient, &message, &[]));
    std::fs::write(&edited, b"%PDF-1.4 the user's own notes now").unwrap();

    let now = later(2 * HOUR);
    assert_eq!(verdict(&purge_at(&patient, &now, &[]), &edited), "changed");
    // Reported once by purge, and still visible afterwards.
    let status = ok_json(&patient.cmd().env("CAREPOST_TEST_NOW", &now).args(["--json", "status"]).output().unwrap());
    assert_eq!(status["files"]["needs_decision"], 1, "{status:#}");
    let out = patient.cmd().env("CAREPOST_TEST_NOW", &now).arg("status").output().unwrap();
    let text = stdout(&out);
    assert!(text.lines().any(|l| l.starts_with("Changed, kept:") && l.ends_with(" 1")), "{text}");
    assert!(stdout(&out).contains("carepost files release ID"), "{}", stdout(&out));
    let entry = entry_for_path(&patient, &edited);
    assert!(files(&patient, false).iter().any(|f| f["id"] == entry["id"]), "gone from `files`");

    // Deleting the changed one is refused with the way forward.
    let id = entry["id"].to_string();
    let out = patient.cmd().args(["files", "delete", &id]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("changed since carepost wrote it"), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("hint: if you changed it on purpose, it is yours: delete it yourself, or take it out of carepost's care with: carepost files release {id}")), "{}", stderr(&out));
    assert!(edited.exists());
    // Released: it stays, carepost forgets its name and counts it no more.
    let released = ok_json(&patient.cmd().args(["--json", "files", "release", &id]).output().unwrap());
    assert_eq!(released["state"], "released");
    assert!(edited.exists());
    assert_eq!(closed_entry(&patient, &entry["id"], &edited)["state"], "released");
    assert_eq!(patient.json(&["status"])["files"]["needs_decision"], 0);

    // An unchanged document, deleted now, before its expiry.
    let early_id = entry_for_path(&patient, &early)["id"].clone();
    let out = patient.cmd().args(["files", "delete", &early_id.to_string()]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!early.exists());
    assert_eq!(closed_entry(&patient, &early_id, &early)["state"], "deleted");
    // A closed record cannot be deleted or released again.
    let out = patient.cmd().args(["files", "release", &early_id.to_string()]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("not in carepost's care any more"), "{}", stderr(&out));
}

#[test]
fn a_recorded_file_already_deleted_is_reconciled_not_an_error() {
    let (clinician, _patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 deleted by hand");
    let gone = output_path(&send(&clinician, &document, &["--retain", "1h"]));
    std::fs::remove_file(&gone).unwrap();
    let now = later(2 * HOUR);
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", &now).args(["purge", "--dry-run"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("was already gone"), "{}", stdout(&out));
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", &now).args(["purge"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("was already gone"), "{}", stdout(&out));
    assert!(!stderr(&out).contains("error"), "{}", stderr(&out));
    let gone_id = files(&clinician, true)[0]["id"].clone();
    assert_eq!(closed_entry(&clinician, &gone_id, &gone)["state"], "missing");
    assert!(files(&clinician, false).is_empty());
    assert_eq!(purge_at(&clinician, &now, &[])["files"], json!([]), "reported once");
}

#[test]
fn every_command_first_purges_what_has_expired() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 expires soon");
    let message = output_path(&send(&clinician, &document, &["--retain", "1h"]));
    let opened = output_path(&open(&patient, &message, &["--retain", "1h"]));
    let opened_id = entry_for_path(&patient, &opened)["id"].clone();
    let kept = output_path(&send(&clinician, &document, &[]));

    let now = later(2 * HOUR);
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", &now).args(["--json", "status"]).output().unwrap();
    let status = ok_json(&out);
    assert!(!message.exists(), "status purged the expired copy first");
    assert!(kept.exists());
    assert_eq!(status["files"]["sent"], 1);
    assert_eq!(status["files"]["overdue"], 0);
    assert!(stderr(&out).contains("carepost deleted 1 expired document"), "{}", stderr(&out));

    let out = patient.cmd().env("CAREPOST_TEST_NOW", &now).args(["contact", "list"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("dr-jansen"), "the command itself still runs");
    assert!(!opened.exists(), "contact list purged the expired document first");
    assert_eq!(closed_entry(&patient, &opened_id, &opened)["state"], "deleted");

    // Silent when there is nothing to do.
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", &now).args(["whoami"]).output().unwrap();
    assert!(out.status.success());
    assert!(!stderr(&out).contains("deleted"), "{}", stderr(&out));
}

#[test]
fn problems_in_the_automatic_purge_are_a_warning_not_a_failure() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 in a folder that moved");
    let dir = fresh_dir(&clinician, "usb-stick");
    let message = output_path(&send(&clinician, &document, &["-o", dir.to_str().unwrap(), "--retain", "1h"]));
    // The folder is replaced by a plain file: the recorded path cannot even
    // be looked at (not a directory).
    let moved = clinician.path("usb-stick-moved");
    std::fs::rename(&dir, &moved).unwrap();
    std::fs::write(&dir, b"not a folder").unwrap();

    let now = later(2 * HOUR);
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", &now).args(["contact", "list"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("p-0042"));
    assert!(stderr(&out).contains("warning:") && stderr(&out).contains("could not delete"), "{}", stderr(&out));
    let status = ok_json(&clinician.cmd().env("CAREPOST_TEST_NOW", &now).args(["--json", "status"]).output().unwrap());
    assert_eq!(status["files"]["overdue"], 1, "{status:#}");
    assert_eq!(entry_for_path(&clinician, &message)["state"], "active", "tried again later");

    // Once the folder is back, the next command deletes it.
    std::fs::remove_file(&dir).unwrap();
    std::fs::rename(&moved, &dir).unwrap();
    assert!(message.exists());
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", &now).args(["whoami"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!message.exists());

    // A purge that fails outright (here: the audit log cannot be written)
    // is a warning too, and the command does its job.
    let message = output_path(&send(&clinician, &document, &["--retain", "1h"]));
    open(&patient, &message, &["--retain", "1h"]);
    let audit = patient.home.join("audit.log");
    std::fs::rename(&audit, patient.path("audit.log.saved")).unwrap();
    std::fs::create_dir(&audit).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&audit, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let out = patient.cmd().env("CAREPOST_TEST_NOW", &now).args(["--json", "contact", "list"]).output().unwrap();
    let list = ok_json(&out);
    assert_eq!(list["contacts"][0]["alias"], "dr-jansen");
    assert!(stderr(&out).contains("warning:") && stderr(&out).contains("could not purge"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------
// The hourly timer

/// A stand-in for `systemctl` that records how it was called, so no test
/// talks to a real user session.
fn fake_systemctl(cp: &Carepost, name: &str, exit: i32) -> (PathBuf, PathBuf) {
    let log = cp.path(&format!("{name}.log"));
    let script = cp.path(name);
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho \"$*\" >> '{}'\necho 'no session bus here' >&2\nexit {exit}\n", log.display()),
    )
    .unwrap();
    make_executable(&script);
    (script, log)
}

/// `systemd-analyze verify` on the unit files, when it is installed.
fn systemd_verify(cp: &Carepost, config: &Path, units: &[PathBuf]) {
    let found =
        std::process::Command::new("systemd-analyze").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        common::missing_peer("systemd-analyze is not installed");
    }
    let runtime = runtime_dir(cp);
    let verify = |user: bool| {
        let mut command = std::process::Command::new("systemd-analyze");
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", cp.dir.path())
            .env("XDG_CONFIG_HOME", config)
            .env("XDG_RUNTIME_DIR", &runtime);
        if user {
            command.arg("--user");
        }
        command.arg("verify").args(units).output().unwrap()
    };
    let mut out = verify(true);
    if !out.status.success() && stderr(&out).contains("manager") {
        // No user manager can be set up here (containers): the unit files
        // are checked the same way in system mode.
        out = verify(false);
    }
    assert!(out.status.success(), "systemd-analyze verify failed:\n{}{}", stdout(&out), stderr(&out));
}

#[test]
#[cfg_attr(missing_systemd, ignore = "needs systemd-analyze, not installed")]
#[cfg(target_os = "linux")]
fn install_timer_writes_sound_unit_files_and_uninstall_removes_them() {
    // A home whose path needs quoting in a unit file: spaces, systemd
    // specifiers (%), variables ($), quotes and backslashes.
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join(r#"praktijk 100% $HOME "q" back\slash"#);
    let passphrase_file = dir.path().join("passphrase");
    common::write_secret(&passphrase_file, format!("{}\n", common::PASSPHRASE).as_bytes());
    let clinician = Carepost { dir, home, passphrase_file };
    clinician
        .cmd()
        .args(["init", "--name", "Dr. A. Jansen", "--email", "a.jansen@praktijk.example"])
        .assert()
        .success();
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    clinician.add_verified("p-0042", &patient);
    let config = clinician.path("config");
    let (systemctl, calls) = fake_systemctl(&clinician, "systemctl", 0);
    let with_env = |args: &[&str]| {
        clinician
            .cmd()
            .env("XDG_CONFIG_HOME", &config)
            .env("CAREPOST_SYSTEMCTL", &systemctl)
            .args(args)
            .output()
            .unwrap()
    };
    let status = ok_json(&with_env(&["--json", "status"]));
    assert_eq!(status["timer_installed"], false);

    let report = ok_json(&with_env(&["--json", "purge", "--install-timer"]));
    assert_eq!(report["activated"], true, "{report:#}");
    assert_eq!(report["note"], Value::Null);
    let units: Vec<PathBuf> =
        report["files"].as_array().unwrap().iter().map(|f| PathBuf::from(f.as_str().unwrap())).collect();
    assert_eq!(units.len(), 2);
    let unit_dir = config.join("systemd").join("user");
    let service = units.iter().find(|p| p.extension().unwrap() == "service").unwrap().clone();
    let timer = units.iter().find(|p| p.extension().unwrap() == "timer").unwrap().clone();
    assert!(service.starts_with(&unit_dir) && timer.starts_with(&unit_dir));
    assert_eq!(service.file_stem(), timer.file_stem(), "the timer starts the service of the same name");
    let name = timer.file_stem().unwrap().to_str().unwrap().to_owned();
    assert!(name.starts_with("carepost-purge-"), "{name}");

    let program = assert_cmd::cargo::cargo_bin("carepost");
    let service_text = std::fs::read_to_string(&service).unwrap();
    let exec = format!(
        r#"ExecStart="{}" --home "{}/praktijk 100%% $$HOME \"q\" back\\slash" --no-keychain purge --quiet"#,
        program.display(),
        clinician.dir.path().display()
    );
    assert!(service_text.contains(&exec), "{service_text}");
    assert!(service_text.contains("Type=oneshot\n"), "{service_text}");
    assert!(!service_text.contains("PrivateTmp"), "a private /tmp would hide documents written with -o /tmp/…");
    assert!(!service_text.contains("passphrase"), "the purge needs no passphrase");
    let timer_text = std::fs::read_to_string(&timer).unwrap();
    for line in ["[Timer]\n", "OnCalendar=hourly\n", "Persistent=true\n", "WantedBy=timers.target\n"] {
        assert!(timer_text.contains(line), "{line} missing:\n{timer_text}");
    }
    systemd_verify(&clinician, &config, &units);

    let calls_made = std::fs::read_to_string(&calls).unwrap();
    assert!(calls_made.contains("--user daemon-reload\n"), "{calls_made}");
    assert!(calls_made.contains(&format!("--user enable --now {name}.timer\n")), "{calls_made}");
    assert_eq!(ok_json(&with_env(&["--json", "status"]))["timer_installed"], true);

    // What the service runs works unattended: no passphrase, no keychain,
    // nothing printed when all is well.
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 for the timer");
    let message = output_path(&send(&clinician, &document, &["--retain", "1h"]));
    let out =
        clinician.bare_cmd().env("CAREPOST_TEST_NOW", later(2 * HOUR)).args(["purge", "--quiet"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(!message.exists());

    let report = ok_json(&with_env(&["--json", "purge", "--uninstall-timer"]));
    let removed: Vec<&str> = report["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    assert_eq!(removed.len(), 2, "{report:#}");
    assert!(!service.exists() && !timer.exists());
    let calls_made = std::fs::read_to_string(&calls).unwrap();
    assert!(calls_made.contains(&format!("--user disable --now {name}.timer\n")), "{calls_made}");
    assert_eq!(ok_json(&with_env(&["--json", "status"]))["timer_installed"], false);
    // Removing what is not there is fine.
    let report = ok_json(&with_env(&["--json", "purge", "--uninstall-timer"]));
    assert_eq!(report["files"], json!([]));
}

#[test]
#[cfg_attr(missing_systemd, ignore = "needs systemd-analyze, not installed")]
#[cfg(target_os = "linux")]
fn install_timer_without_a_session_leaves_the_files_and_says_what_to_run() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let config = cp.path("config");
    let (systemctl, _) = fake_systemctl(&cp, "broken-systemctl", 1);
    let out = cp
        .cmd()
        .env("XDG_CONFIG_HOME", &config)
        .env("CAREPOST_SYSTEMCTL", &systemctl)
        .args(["--json", "purge", "--install-timer"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let error: Value = serde_json::from_slice(&out.stdout).unwrap();
    let hint = error["error"]["hint"].as_str().unwrap();
    assert!(hint.contains("systemctl --user daemon-reload && systemctl --user enable --now carepost-purge-"), "{hint}");
    let text = stderr(&out);
    assert!(
        text.starts_with("error: the hourly purge is NOT enabled") && text.contains("no session bus here"),
        "{text}"
    );
    assert_eq!(names_in(&config.join("systemd").join("user")).len(), 2, "the files stay for the command in the hint");
    // status reports what systemd has enabled, not that files exist.
    let status =
        cp.cmd().env("XDG_CONFIG_HOME", &config).env("CAREPOST_SYSTEMCTL", &systemctl).arg("status").output().unwrap();
    let timer = stdout(&status).lines().find_map(|l| l.strip_prefix("Hourly purge:")).map(str::trim).map(str::to_owned);
    assert_eq!(timer.as_deref(), Some("no"), "{}", stdout(&status));
}

// ---------------------------------------------------------------------------
// Status

#[test]
fn status_counts_files_by_kind_and_reports_expiry_timer_and_key() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 status");
    let message = output_path(&send(&clinician, &document, &["--retain", "1h"]));
    send(&clinician, &document, &[]);
    open(&patient, &message, &[]);
    open(&patient, &message, &["--sealed"]);
    open(&patient, &message, &["--sealed"]);
    let out = view_with_launcher(&patient, &message);
    let viewed = ok_json(&out);

    let status = patient.json(&["status"]);
    assert_eq!(
        status["files"],
        json!({
            "sent": 0, "received": 1, "view": 1, "sealed": 2, "overdue": 0, "needs_decision": 0,
            "next_expiry": viewed["expires"]
        })
    );
    assert_eq!(status["fingerprint"], patient.fingerprint());
    assert_eq!(status["home"], patient.home.to_str().unwrap());
    assert_eq!(status["timer_installed"], false);
    assert_eq!(status["keychain"], "not used");
    assert!(["yes", "no", "unknown"].contains(&status["encrypted_volume"].as_str().unwrap()));
    assert_eq!(status["audit_intact"], true);
    assert!(status["audit_records"].as_u64().unwrap() >= 6, "{status:#}");
    // The identity is made to last three years.
    let expires = parse(&status["identity_expires"]);
    let left = expires.duration_since(SystemTime::now()).unwrap();
    assert!(left > Duration::from_secs(1090 * DAY) && left < Duration::from_secs(1097 * DAY), "{status:#}");
    // `doctor` is the same command.
    assert_eq!(patient.json(&["doctor"])["files"], status["files"]);

    let status = clinician.json(&["status"]);
    assert_eq!(status["files"]["sent"], 2);
    assert_eq!(status["files"]["received"], 0);
    assert_eq!(status["files"]["next_expiry"], entry_for_path(&clinician, &message)["expires_at"]);
    let out = clinician.cmd().arg("status").output().unwrap();
    assert!(stdout(&out).contains("2 sent, 0 received, 0 viewing, 0 sealed"), "{}", stdout(&out));
}

// ---------------------------------------------------------------------------
// Viewing without saving

/// A viewer that stays open for a while (as a real one does until the user
/// closes it) and writes down what it was given: the path, the modes of
/// the file and its folder, and a copy of the content.
fn recording_viewer(cp: &Carepost) -> (PathBuf, PathBuf) {
    let notes = fresh_dir(cp, "viewer-notes");
    let script = cp.path("viewer.sh");
    let n = notes.display();
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\n\
             printf '%s' \"$1\" > '{n}/path'\n\
             stat -c '%a %u' \"$(dirname \"$1\")\" > '{n}/dir'\n\
             stat -c '%a' \"$1\" > '{n}/file'\n\
             cp \"$1\" '{n}/content'\n\
             sleep 3\n"
        ),
    )
    .unwrap();
    make_executable(&script);
    (script, notes)
}

fn note(notes: &Path, name: &str) -> String {
    std::fs::read_to_string(notes.join(name)).unwrap_or_else(|_| panic!("the viewer wrote no {name}"))
}

#[test]
#[cfg(unix)]
fn open_view_shows_a_private_copy_and_deletes_it_when_the_viewer_closes() {
    let (clinician, patient) = pair();
    let content = b"%PDF-1.4 uitslag: alleen bekijken".to_vec();
    let document = write(&clinician, "Jansen_uitslag.pdf", &content);
    let message = output_path(&send(&clinician, &document, &[]));
    let uid = std::fs::metadata(&patient.home).map(|m| std::os::unix::fs::MetadataExt::uid(&m)).unwrap();

    for use_runtime_dir in [true, false] {
        let (viewer, notes) = recording_viewer(&patient);
        let mut cmd = patient.cmd();
        cmd.env("CAREPOST_VIEWER", &viewer).args(["--json", "open", "--view"]).arg(&message);
        let runtime = runtime_dir(&patient);
        if use_runtime_dir {
            cmd.env("XDG_RUNTIME_DIR", &runtime);
        }
        let out = cmd.output().unwrap();
        let viewed = ok_json(&out);
        let shown = PathBuf::from(note(&notes, "path"));
        assert_eq!(shown, output_path(&viewed));
        assert_eq!(std::fs::read(notes.join("content")).unwrap(), content, "the viewer saw the document");
        assert_eq!(note(&notes, "dir").trim(), format!("700 {uid}"), "a private folder");
        assert_eq!(note(&notes, "file").trim(), "600");
        let folder = shown.parent().unwrap();
        for shared in ["/tmp", "/var/tmp"] {
            assert_ne!(folder, Path::new(shared), "never straight into a shared {shared}");
        }
        if use_runtime_dir {
            assert!(shown.starts_with(&runtime), "{}", shown.display());
        } else {
            let in_shm = shown.parent().unwrap().parent() == Some(Path::new("/dev/shm"))
                && shown.parent().unwrap().file_name().unwrap().to_str().unwrap().starts_with("carepost-view-");
            assert!(
                in_shm || shown.starts_with(patient.home.join("tmp")),
                "RAM-backed or the home's own temp area: {}",
                shown.display()
            );
        }
        // Gone once the viewer closed, and recorded as a view.
        assert!(!shown.exists(), "{} survived the viewer", shown.display());
        assert!(stderr(&out).contains("private copy is deleted"), "{}", stderr(&out));
        let entry = file_entry(&patient, &viewed["id"]);
        assert_eq!(entry["kind"], "view");
        assert_eq!(entry["state"], "deleted");
        assert_eq!(entry["sha256"], sha256(&document));
    }
    assert_eq!(names_in(&patient.home.join("inbox")), Vec::<String>::new(), "nothing was saved");
}

#[test]
#[cfg(unix)]
fn a_link_planted_in_dev_shm_does_not_redirect_a_view_and_ps_shows_no_name() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "Jansen_uitslag.pdf", b"%PDF-1.4 uitslag");
    let message = output_path(&send(&clinician, &document, &[]));
    let uid = std::fs::metadata(&patient.home).map(|m| std::os::unix::fs::MetadataExt::uid(&m)).unwrap();
    // Another user's trap: the folder name an earlier carepost used,
    // pointing into the victim's ~/.ssh.
    let ssh = fresh_dir(&patient, "dot-ssh");
    let trap = PathBuf::from(format!("/dev/shm/carepost-view-{uid}"));
    let planted = std::os::unix::fs::symlink(&ssh, &trap).is_ok();
    let (viewer, notes) = recording_viewer(&patient);
    let out = patient
        .cmd()
        .env("CAREPOST_VIEWER", &viewer)
        .env_remove("XDG_RUNTIME_DIR")
        .args(["--json", "open", "--view"])
        .arg(&message)
        .output()
        .unwrap();
    if planted {
        let _ = std::fs::remove_file(&trap);
    }
    let viewed = ok_json(&out);
    assert_eq!(names_in(&ssh), Vec::<String>::new(), "the view was written through the planted link");
    let shown = PathBuf::from(note(&notes, "path"));
    assert!(!shown.starts_with(&trap) && !shown.starts_with(&ssh), "{}", shown.display());
    assert!(!note(&notes, "path").contains("Jansen"), "the viewer's argv names the patient: {}", shown.display());
    assert!(shown.to_str().unwrap().ends_with(".pdf"), "the extension stays for the right program");
    assert_eq!(viewed["filename"], "Jansen_uitslag.pdf");
    assert!(!shown.parent().unwrap().exists(), "the view folder is removed with its copy");
}

#[test]
fn a_view_whose_viewer_only_launched_expires_with_the_view_retention() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "foto.jpg", b"\xff\xd8\xff photo");
    let message = output_path(&send(&clinician, &document, &[]));
    let runtime = runtime_dir(&patient);
    let viewed = ok_json(
        &patient
            .cmd()
            .env("CAREPOST_VIEWER", launcher_viewer(&patient))
            .env("XDG_RUNTIME_DIR", &runtime)
            .args(["--json", "open", "--view"])
            .arg(&message)
            .output()
            .unwrap(),
    );
    let copy = output_path(&viewed);
    assert!(copy.exists(), "the launched viewer may still be reading it");
    assert_eq!(kept_for(&file_entry(&patient, &viewed["id"])), Duration::from_secs(15 * MINUTE));
    assert_eq!(purge_at(&patient, &later(10 * MINUTE), &[])["files"], json!([]));
    let report = purge_at(&patient, &later(16 * MINUTE), &[]);
    assert_eq!(verdict(&report, &copy), "deleted");
    assert!(!copy.exists());

    // A viewer that fails: the copy goes at once.
    let broken = patient.path("broken-viewer.sh");
    std::fs::write(&broken, "#!/bin/sh\nexit 3\n").unwrap();
    make_executable(&broken);
    let out = patient
        .cmd()
        .env("CAREPOST_VIEWER", &broken)
        .env("XDG_RUNTIME_DIR", &runtime)
        .args(["open", "--view"])
        .arg(&message)
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("viewer") && stderr(&out).contains("hint:"), "{}", stderr(&out));
    assert!(files(&patient, false).is_empty(), "{:#?}", files(&patient, false));
    assert_eq!(names_in(&runtime.join("carepost-view")), Vec::<String>::new());
}

// ---------------------------------------------------------------------------
// Sealed documents

/// Every file under `dir`, recursively.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            found.extend(all_files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn sealed_documents_export_byte_for_byte_and_die_with_their_key() {
    let (clinician, patient) = pair();
    let content = b"Ontslagbrief van mevrouw Jansen: SEALED-CONTENT-MARKER".repeat(100);
    let document = write(&clinician, "Jansen_ontslagbrief.pdf", &content);
    let message = output_path(&send(&clinician, &document, &[]));
    let sealed = open(&patient, &message, &["--sealed"]);
    assert_eq!(sealed["filename"], "Jansen_ontslagbrief.pdf");
    assert_eq!(sealed["sha256"], sha256(&document));
    let sealed_path = output_path(&sealed);
    let at_rest = std::fs::read(&sealed_path).unwrap();
    assert!(!contains(&at_rest, b"SEALED-CONTENT-MARKER"), "kept encrypted at rest");
    assert!(!contains(&at_rest, b"Jansen"), "the name is inside the encryption");
    assert!(!sealed_path.to_str().unwrap().contains("Jansen"));
    assert_eq!(names_in(&patient.home.join("inbox")), Vec::<String>::new());

    // export brings it back, byte for byte, as a received document.
    let id = sealed["id"].as_i64().unwrap().to_string();
    let out_dir = fresh_dir(&patient, "exported");
    let exported = patient.json(&["export", &id, "-o", out_dir.to_str().unwrap()]);
    let exported_path = output_path(&exported);
    assert_eq!(exported_path, out_dir.canonicalize().unwrap().join("Jansen_ontslagbrief.pdf"));
    assert_eq!(std::fs::read(&exported_path).unwrap(), content);
    assert_eq!(exported["kind"], "received");
    assert_eq!(entry_for_path(&patient, &exported_path)["sha256"], sha256(&document));

    // …or shows it without saving, like `open --view`.
    let (viewer, notes) = recording_viewer(&patient);
    let runtime = runtime_dir(&patient);
    let out = patient
        .cmd()
        .env("CAREPOST_VIEWER", &viewer)
        .env("XDG_RUNTIME_DIR", &runtime)
        .args(["--json", "export", &id, "--view"])
        .output()
        .unwrap();
    let viewed = ok_json(&out);
    assert_eq!(viewed["kind"], "view");
    assert_eq!(std::fs::read(notes.join("content")).unwrap(), content);
    assert!(PathBuf::from(note(&notes, "path")).starts_with(&runtime));
    assert!(!output_path(&viewed).exists(), "deleted once the viewer closed");
    assert_eq!(file_entry(&patient, &viewed["id"])["state"], "deleted");

    // The key lives in the state database; keep it to look for it later.
    let key: Vec<u8> = {
        let db = rusqlite::Connection::open(patient.home.join("state.db")).unwrap();
        db.query_row("SELECT sealed_key FROM managed_files WHERE id = ?1", [sealed["id"].as_i64()], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(key.len(), 32);
    let key_in_home = || all_files(&patient.home).into_iter().any(|f| contains(&std::fs::read(f).unwrap(), &key));
    assert!(key_in_home(), "the search below can find the key while it exists");
    // A backup of the sealed file, as a snapshot would keep it.
    let backup = patient.path("backup.sealed");
    std::fs::copy(&sealed_path, &backup).unwrap();

    let report = purge_at(&patient, &later(15 * DAY), &[]);
    assert_eq!(verdict(&report, &sealed_path), "deleted");
    assert!(!sealed_path.exists());

    let out = patient.cmd().args(["export", &id, "-o", out_dir.to_str().unwrap()]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("key was destroyed"), "{}", stderr(&out));
    assert!(stderr(&out).contains("hint:"), "{}", stderr(&out));
    // Putting the ciphertext back does not help: the key is gone…
    std::fs::copy(&backup, &sealed_path).unwrap();
    let out = patient.cmd().args(["export", &id]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("key was destroyed"), "{}", stderr(&out));
    // …from every file in the home, the database's journal included…
    assert!(!key_in_home(), "the sealed key survives in the home: {:?}", all_files(&patient.home));
    // …and the ciphertext is addressed to no key at all.
    let out = patient.cmd().arg("open").arg(&backup).output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));

    // Not a sealed document, or no such document: clear errors.
    let received = open(&patient, &message, &[]);
    let out = patient.cmd().args(["export", &received["id"].as_i64().unwrap().to_string()]).output().unwrap();
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("not a sealed document"), "{}", stderr(&out));
    let out = patient.cmd().args(["export", "9999"]).output().unwrap();
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("no file #9999"), "{}", stderr(&out));
}

#[test]
fn an_expired_sealed_document_cannot_be_read_even_before_it_is_purged() {
    let (clinician, patient) = pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 sealed until expiry");
    let message = output_path(&send(&clinician, &document, &[]));
    let sealed = open(&patient, &message, &["--sealed", "--retain", "1d"]);
    let id = sealed["id"].as_i64().unwrap().to_string();
    // Plenty of other expired files, all due earlier: the quick purge
    // before `export` (bounded) does not get as far as the sealed one.
    let inputs: Vec<PathBuf> = (0..25).map(|i| write(&patient, &format!("note-{i}.txt"), b"a note")).collect();
    let out = patient
        .cmd()
        .args(["--json", "send"])
        .args(&inputs)
        .args(["--to", "dr-jansen", "--retain", "1h"])
        .output()
        .unwrap();
    assert_eq!(ok_json(&out)["outputs"].as_array().unwrap().len(), 25);

    let out = patient.cmd().env("CAREPOST_TEST_NOW", later(2 * DAY)).args(["export", &id]).output().unwrap();
    assert_eq!(code(&out), 1, "an expired sealed document was exported: {}", stderr(&out));
    assert!(stderr(&out).contains("key was destroyed"), "{}", stderr(&out));
    assert_eq!(names_in(&patient.home.join("inbox")), Vec::<String>::new());
    let report = purge_at(&patient, &later(2 * DAY), &[]);
    assert_eq!(verdict(&report, &output_path(&sealed)), "deleted");
}

#[test]
#[cfg(unix)]
fn a_copy_the_user_kept_as_a_hard_link_is_not_wiped() {
    let (clinician, patient) = pair();
    let content = b"%PDF-1.4 the letter the patient wants to keep".to_vec();
    let document = write(&clinician, "brief.pdf", &content);
    let message = output_path(&send(&clinician, &document, &[]));
    let opened = output_path(&open(&patient, &message, &["--retain", "1h"]));
    let kept = fresh_dir(&patient, "Documents").join("brief-kept.pdf");
    std::fs::hard_link(&opened, &kept).unwrap();

    let report = purge_at(&patient, &later(2 * HOUR), &[]);
    assert_eq!(verdict(&report, &opened), "deleted");
    assert!(!opened.exists(), "carepost's copy is gone");
    assert_eq!(std::fs::read(&kept).unwrap(), content, "the user's copy was overwritten");
}

#[test]
fn status_shows_the_keychain_in_words_of_the_users_language() {
    let cp = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    let out = cp.cmd().env("CAREPOST_LANG", "nl").arg("status").output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // --no-keychain: the keychain is not used, said in Dutch; JSON keeps the code.
    assert!(stdout(&out).contains("niet gebruikt"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("not used"), "{}", stdout(&out));
    assert_eq!(cp.json(&["status"])["keychain"], "not used");
}
