//! state.db read back as types: a value carepost never writes is a damaged
//! database (exit 4), never a guess; paths come back byte for byte, so
//! purge deletes what carepost wrote even in a folder whose name is not
//! UTF-8.
//!
//! The database is damaged with Python's sqlite3, as someone editing it by
//! hand would.

mod common;

use common::{code, ok_json, pair, stderr, write, Carepost};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn later(secs: u64) -> String {
    carepost::fmt_time(SystemTime::now() + Duration::from_secs(secs))
}

/// Runs `sql` on `cp`'s state.db with Python's sqlite3, CHECK constraints
/// off (as a hand edit can do).
fn edit_state(cp: &Carepost, sql: &str) {
    let script = "import sqlite3, sys\n\
                  db = sqlite3.connect(sys.argv[1])\n\
                  db.execute('PRAGMA ignore_check_constraints = ON')\n\
                  n = db.execute(sys.argv[2]).rowcount\n\
                  db.commit()\n\
                  assert n > 0, 'no row changed'\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(cp.home.join("state.db"))
        .arg(sql)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Sends a document to p-0042; returns the outbox copy.
fn sent_copy(clinician: &Carepost) -> PathBuf {
    let document = write(clinician, "brief.pdf", b"%PDF-1.4 state types");
    let out = clinician.cmd().args(["--json", "send"]).arg(&document).args(["--to", "p-0042"]).output().unwrap();
    PathBuf::from(ok_json(&out)["outputs"][0]["output"].as_str().unwrap())
}

fn assert_damaged(cp: &Carepost, column: &str, value: &str) {
    let out = cp.cmd().arg("files").output().unwrap();
    let err = stderr(&out);
    assert_eq!(code(&out), 4, "{err}");
    let wanted = format!("{column} = \"{value}\"");
    assert!(err.contains("error: the state database holds a value carepost never writes"), "{err}");
    assert!(err.contains(&wanted), "{err}");
    assert!(err.contains("hint: keep a copy of state.db and audit.log as evidence"), "{err}");

    let out = cp.cmd().args(["--json", "files"]).output().unwrap();
    assert_eq!(code(&out), 4);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["code"], 4, "{doc:#}");
    assert!(doc["error"]["message"].as_str().unwrap().contains(&wanted), "{doc:#}");
}

#[test]
fn an_unknown_file_kind_is_a_damaged_state_not_a_received_file() {
    let (clinician, _patient) = pair();
    let copy = sent_copy(&clinician);
    edit_state(&clinician, "UPDATE managed_files SET kind = 'archive'");
    assert_damaged(&clinician, "managed_files.kind", "archive");
    // Nothing was guessed at: not purged as a document of some kind.
    let out = clinician.cmd().env("CAREPOST_TEST_NOW", later(30 * 24 * 3600)).arg("purge").output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(copy.exists());
}

#[test]
fn an_unknown_file_state_is_a_damaged_state() {
    let (clinician, _patient) = pair();
    sent_copy(&clinician);
    edit_state(&clinician, "UPDATE managed_files SET state = 'archived'");
    let out = clinician.cmd().args(["files", "--all"]).output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("managed_files.state = \"archived\""), "{}", stderr(&out));
}

#[test]
fn an_unknown_outbox_state_is_a_damaged_state_not_no_such_message() {
    let (clinician, _patient) = pair();
    edit_state(
        &clinician,
        "INSERT INTO mail_outbox (path, message_id, recipients, size, sha256, queued_at, state)
         VALUES ('/nowhere/m.eml', 'm1@carepost.test', '[]', 1, 'ab', '2026-01-01T00:00:00Z', 'lost')",
    );
    let out = clinician.cmd().args(["mail", "cancel", "m1@carepost.test"]).output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("mail_outbox.state = \"lost\""), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_document_opened_into_a_folder_not_named_in_utf8_is_purged() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let (clinician, patient) = pair();
    let message = sent_copy(&clinician);
    // "ontvangen-\xff": Latin-1 era names on old disks and shares.
    let folder = patient.dir.path().join(OsStr::from_bytes(b"ontvangen-\xff"));
    std::fs::create_dir(&folder).unwrap();
    let out = patient.cmd().arg("open").arg(&message).arg("-o").arg(&folder).args(["--retain", "1h"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let opened: Vec<PathBuf> = std::fs::read_dir(&folder).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(opened.len(), 1, "{opened:?}");

    let out = patient.cmd().env("CAREPOST_TEST_NOW", later(2 * 3600)).args(["--json", "purge"]).output().unwrap();
    let report = ok_json(&out);
    let verdicts: Vec<&str> =
        report["files"].as_array().unwrap().iter().map(|f| f["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["deleted"], "{report:#}");
    assert!(!opened[0].exists(), "the document is still at {}", Path::new(&opened[0]).display());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}
