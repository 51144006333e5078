//! The audit log through the real binary: what is recorded for each
//! action (NEN 7513: who, what, when, which pseudonymous contact, outcome),
//! what is never recorded, the filters, and `log --check` against the
//! ways someone with access to the files would tamper with it.

mod common;

use common::{code, ok_json, stderr, stdout, write, Carepost};
use sequoia_openpgp as openpgp;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

const DAY: u64 = 86400;
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn later(secs: u64) -> String {
    carepost::fmt_time(SystemTime::now() + Duration::from_secs(secs))
}

fn sha256(bytes: &[u8]) -> String {
    let mut context = openpgp::types::HashAlgorithm::SHA256.context().unwrap().for_digest();
    context.update(bytes);
    openpgp::fmt::hex::encode(context.into_digest().unwrap()).to_lowercase()
}

/// `carepost --json log ARGS`: the records.
fn log(cp: &Carepost, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["log"];
    all.extend_from_slice(args);
    cp.json(&all)["records"].as_array().unwrap().clone()
}

fn log_check(cp: &Carepost) -> Output {
    cp.cmd().args(["log", "--check"]).output().unwrap()
}

fn audit_path(cp: &Carepost) -> PathBuf {
    cp.home.join("audit.log")
}

fn log_lines(cp: &Carepost) -> Vec<String> {
    std::fs::read_to_string(audit_path(cp)).unwrap().lines().map(str::to_owned).collect()
}

fn write_lines(cp: &Carepost, lines: &[String]) {
    let mut text = lines.join("\n");
    text.push('\n');
    std::fs::write(audit_path(cp), text).unwrap();
}

/// Asserts that `log --check` finds the log broken, with exit 4 and a
/// message naming the problem.
fn assert_broken(cp: &Carepost, says: &str) {
    let out = log_check(cp);
    assert_eq!(code(&out), 4, "expected a broken log, got: {}{}", stdout(&out), stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: the audit log was changed or damaged"), "{err}");
    assert!(err.contains(says), "expected {says:?} in: {err}");
    assert!(err.contains("hint:"), "{err}");
}

fn sends(cp: &Carepost, input: &Path, to: &[&str], extra: &[&str]) -> Output {
    let mut cmd = cp.cmd();
    cmd.args(["--json", "send"]).arg(input);
    for alias in to {
        cmd.args(["--to", alias]);
    }
    cmd.args(extra).output().unwrap()
}

fn output_of(out: &Output) -> PathBuf {
    PathBuf::from(ok_json(out)["outputs"][0]["output"].as_str().unwrap())
}

const DOCUMENT_NAME: &str = "Jansen_ontslagbrief.pdf";
const CONTENT_MARKER: &str = "CONTENT-MARKER-7731 ontslag na hartinfarct";
const REPLY_NAME: &str = "Quistorp_vragenlijst.pdf";
const REASON: &str = "identity confirmed at the front desk";

/// A clinician's home that has done a bit of everything, and the people
/// they dealt with.
struct Practice {
    clinician: Carepost,
    /// A patient whose certificate carries a distinctive name.
    patient: Carepost,
    /// Another patient, never verified.
    other: Carepost,
    document: Vec<u8>,
    reply: Vec<u8>,
    /// The outbox copy the user edited before it expired.
    edited: PathBuf,
    /// The one purge deletes, and the SHA-256 it had.
    deleted: PathBuf,
    deleted_sha256: String,
}

fn practice() -> Practice {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let patient = Carepost::with_identity("Henrietta Quistorp", "h.quistorp@voorbeeld.example");
    let other = Carepost::with_identity("Bartholomeus Zwanenburg", "b.zwanenburg@voorbeeld.example");
    let c = &clinician;

    c.cmd()
        .args(["contact", "add", "p-0042", "--consent", "verbal", "--key-file"])
        .arg(patient.export_key())
        .assert()
        .success();
    // A misheard fingerprint is refused (and recorded), then the right one.
    let wrong = format!("{}0000", &patient.fingerprint()[..36]);
    let out = c.cmd().args(["contact", "verify", "p-0042", "--fingerprint", &wrong]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    c.cmd().args(["contact", "verify", "p-0042", "--fingerprint", &patient.fingerprint()]).assert().success();
    c.cmd()
        .args(["contact", "add", "p-0099", "--consent", "verbal", "--key-file"])
        .arg(other.export_key())
        .assert()
        .success();

    let document = format!("%PDF-1.4 {CONTENT_MARKER}\n").repeat(20).into_bytes();
    let input = write(c, DOCUMENT_NAME, &document);
    // Refused by policy: p-0099 is not verified.
    let out = sends(c, &input, &["p-0099"], &[]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    // Accepted with a reason, which is recorded.
    output_of(&sends(c, &input, &["p-0099"], &["--unverified-ok", REASON]));
    let edited = output_of(&sends(c, &input, &["p-0042"], &["--keep-name"]));
    let deleted = output_of(&sends(c, &input, &["p-0042", "p-0099"], &["--unverified-ok", REASON]));

    // Replies: from the verified patient, and from the unverified one
    // (refused with --require-verified-sender).
    patient.add_verified("dr-jansen", c);
    let reply = format!("%PDF-1.4 vragenlijst {CONTENT_MARKER}\n").into_bytes();
    let reply_input = write(&patient, REPLY_NAME, &reply);
    let from_patient = output_of(&sends(&patient, &reply_input, &["dr-jansen"], &[]));
    c.cmd().arg("open").arg(&from_patient).assert().success();
    other.add_verified("dr-jansen", c);
    let from_other = output_of(&sends(&other, &write(&other, REPLY_NAME, &reply), &["dr-jansen"], &[]));
    let out = c.cmd().arg("open").arg(&from_other).arg("--require-verified-sender").output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));

    c.cmd().args(["contact", "update", "p-0042", "--key-file"]).arg(patient.export_key()).assert().success();
    c.cmd().args(["contact", "remove", "p-0099"]).assert().success();
    c.cmd().env("CAREPOST_TEST_NOW", later(2 * DAY)).args(["retention", "set", "sent=30d"]).assert().success();

    // Purge, ten days on: one copy the user edited is refused, the others go.
    let mut bytes = std::fs::read(&edited).unwrap();
    bytes.extend_from_slice(b"edited");
    std::fs::write(&edited, bytes).unwrap();
    let deleted_sha256 = sha256(&std::fs::read(&deleted).unwrap());
    c.cmd().env("CAREPOST_TEST_NOW", later(10 * DAY)).arg("purge").assert().success();
    assert!(!deleted.exists() && edited.exists());
    Practice { clinician, patient, other, document, reply, edited, deleted, deleted_sha256 }
}

fn find<'a>(records: &'a [Value], action: &str, outcome: &str) -> Vec<&'a Value> {
    records.iter().filter(|r| r["action"] == action && r["outcome"] == outcome).collect()
}

#[test]
fn every_action_is_recorded_with_who_what_when_and_outcome() {
    let p = practice();
    let records = log(&p.clinician, &[]);
    let own = p.clinician.fingerprint();
    let patient_fpr = p.patient.fingerprint();
    let other_fpr = p.other.fingerprint();
    let document_sha = sha256(&p.document);

    // The chain and the NEN 7513 fields every record has.
    let mut ids = std::collections::BTreeSet::new();
    let mut prev = GENESIS.to_owned();
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["seq"], i as u64 + 1, "{r:#}");
        let id = r["id"].as_str().unwrap();
        assert!(id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()), "{r:#}");
        assert!(ids.insert(id.to_owned()), "event ids are unique");
        let time = r["time"].as_str().unwrap();
        assert!(time.ends_with('Z') && carepost::parse_time(time).is_some(), "UTC: {r:#}");
        assert_eq!(r["actor"], own, "{r:#}");
        assert!(["success", "refused", "failed"].contains(&r["outcome"].as_str().unwrap()), "{r:#}");
        assert_eq!(r["prev"], prev.as_str(), "{r:#}");
        prev = r["hash"].as_str().unwrap().to_owned();
        assert_eq!(prev.len(), 64);
    }

    let init = find(&records, "init", "success");
    assert_eq!(init.len(), 1);
    assert_eq!(init[0]["seq"], 1);
    assert_eq!(init[0]["fingerprint"], own);

    let added = find(&records, "contact-add", "success");
    assert_eq!(added.len(), 2);
    assert_eq!((&added[0]["contact"], &added[0]["fingerprint"]), (&"p-0042".into(), &patient_fpr.clone().into()));
    assert_eq!((&added[1]["contact"], &added[1]["fingerprint"]), (&"p-0099".into(), &other_fpr.clone().into()));

    let refused = find(&records, "verify", "refused");
    assert_eq!(refused.len(), 1, "{records:#?}");
    assert_eq!(refused[0]["contact"], "p-0042");
    assert_eq!(refused[0]["fingerprint"], patient_fpr);
    assert!(refused[0]["detail"].as_str().unwrap().contains("method"), "{:#}", refused[0]);
    let verified = find(&records, "verify", "success");
    assert_eq!(verified.len(), 1);
    assert_eq!(verified[0]["contact"], "p-0042");
    assert!(verified[0]["seq"].as_u64() > refused[0]["seq"].as_u64());

    // Sending: the policy refusal, then one record per recipient and
    // document, with the document's hash and size and any reason.
    let send_refused = find(&records, "send", "refused");
    assert_eq!(send_refused.len(), 1, "{records:#?}");
    assert_eq!(send_refused[0]["contact"], "p-0099");
    assert_eq!(send_refused[0]["fingerprint"], other_fpr);
    assert!(send_refused[0]["detail"].as_str().unwrap().contains("not verified"));
    let sent = find(&records, "send", "success");
    assert_eq!(sent.len(), 4, "{sent:#?}");
    for r in &sent {
        assert_eq!(r["document_sha256"], document_sha.as_str(), "{r:#}");
        assert_eq!(r["document_size"], p.document.len() as u64, "{r:#}");
    }
    let to: Vec<(&str, &str)> =
        sent.iter().map(|r| (r["contact"].as_str().unwrap(), r["fingerprint"].as_str().unwrap())).collect();
    assert_eq!(
        to,
        [
            ("p-0099", other_fpr.as_str()),
            ("p-0042", patient_fpr.as_str()),
            ("p-0042", patient_fpr.as_str()),
            ("p-0099", other_fpr.as_str())
        ]
    );
    let reason = format!("unverified-ok: {REASON}");
    assert_eq!(sent[0]["detail"], reason.as_str());
    assert_eq!(sent[1]["detail"], Value::Null, "no exception needed for a verified contact");
    assert_eq!(sent[2]["detail"], Value::Null);
    assert_eq!(sent[3]["detail"], reason.as_str());
    assert_eq!(sent[2]["time"], sent[3]["time"], "one send, two recipients");

    // Opening: who sent it and whether they were verified.
    let opened = find(&records, "open", "success");
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0]["contact"], "p-0042");
    assert_eq!(opened[0]["fingerprint"], patient_fpr);
    assert_eq!(opened[0]["document_sha256"], sha256(&p.reply).as_str());
    assert_eq!(opened[0]["document_size"], p.reply.len() as u64);
    assert!(opened[0]["detail"].as_str().unwrap().contains("sender verified"), "{:#}", opened[0]);
    let open_refused = find(&records, "open", "refused");
    assert_eq!(open_refused.len(), 1);
    assert_eq!(open_refused[0]["contact"], "p-0099");
    assert!(open_refused[0]["detail"].as_str().unwrap().contains("sender unverified"), "{:#}", open_refused[0]);

    let updated = find(&records, "contact-update", "success");
    assert_eq!(updated.len(), 1);
    assert_eq!(updated[0]["contact"], "p-0042");
    let removed = find(&records, "contact-remove", "success");
    assert_eq!(removed.len(), 1);
    assert_eq!((&removed[0]["contact"], &removed[0]["fingerprint"]), (&"p-0099".into(), &other_fpr.clone().into()));

    let retention = find(&records, "retention-set", "success");
    assert_eq!(retention.len(), 1);
    assert_eq!(retention[0]["detail"], "sent=30d");

    // Purging: each deletion with the file's hash, and the refusal.
    let files = p.clinician.json(&["files", "--all"]);
    let recorded_sha = |path: &Path| {
        files["files"].as_array().unwrap().iter().find(|f| f["path"] == path.to_str().unwrap()).unwrap()["sha256"]
            .clone()
    };
    let deletions = find(&records, "purge", "success");
    assert!(deletions.iter().all(|r| r["detail"] == "sent deleted" || r["detail"] == "received deleted"));
    // A deleted file's record keeps only its folder: find it by its hash.
    let deleted_record = files["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["sha256"] == p.deleted_sha256.as_str())
        .expect("the deleted file's record stays");
    assert_eq!(deleted_record["state"], "deleted");
    assert_eq!(Path::new(deleted_record["path"].as_str().unwrap()), p.deleted.parent().unwrap());
    assert!(deletions.iter().any(|r| r["document_sha256"] == p.deleted_sha256.as_str()), "{deletions:#?}");
    let purge_refused = find(&records, "purge", "refused");
    assert_eq!(purge_refused.len(), 1, "{records:#?}");
    assert_eq!(purge_refused[0]["document_sha256"], recorded_sha(&p.edited));
    assert!(purge_refused[0]["detail"].as_str().unwrap().contains("changed"), "{:#}", purge_refused[0]);

    // The human rendering shows the same.
    let out = p.clinician.cmd().arg("log").output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), records.len(), "{text}");
    assert!(text.contains("verify") && text.contains("refused") && text.contains(REASON), "{text}");
    assert_eq!(code(&log_check(&p.clinician)), 0);
}

#[test]
fn log_filters_by_date_action_and_contact() {
    let p = practice();
    let all = log(&p.clinician, &[]);

    let sends = log(&p.clinician, &["--action", "send"]);
    assert_eq!(sends.len(), 5);
    assert!(sends.iter().all(|r| r["action"] == "send"));
    assert_eq!(log(&p.clinician, &["--action", "verify"]).len(), 2);
    assert!(log(&p.clinician, &["--action", "no-such-action"]).is_empty());

    let other = log(&p.clinician, &["--contact", "p-0099"]);
    let actions: Vec<(&str, &str)> =
        other.iter().map(|r| (r["action"].as_str().unwrap(), r["outcome"].as_str().unwrap())).collect();
    assert_eq!(
        actions,
        [
            ("contact-add", "success"),
            ("consent-give", "success"),
            ("send", "refused"),
            ("send", "success"),
            ("send", "success"),
            ("open", "refused"),
            ("contact-remove", "success")
        ]
    );
    let both = log(&p.clinician, &["--contact", "p-0042", "--action", "send"]);
    assert_eq!(both.len(), 2);
    assert!(both.iter().all(|r| r["contact"] == "p-0042" && r["action"] == "send"));

    // --since: a date (from midnight) or a full time. The retention change
    // happened two days on, the purge ten days on.
    let in_two_days = SystemTime::now() + Duration::from_secs(2 * DAY);
    let date = carepost::fmt_time(in_two_days)[..10].to_owned();
    let recent = log(&p.clinician, &["--since", &date]);
    assert_eq!(recent[0]["action"], "retention-set", "{recent:#?}");
    assert!(recent[1..].iter().all(|r| r["action"] == "purge"), "{recent:#?}");
    assert!(recent.len() < all.len());
    let purges_only = log(&p.clinician, &["--since", &later(5 * DAY)]);
    assert!(!purges_only.is_empty() && purges_only.iter().all(|r| r["action"] == "purge"), "{purges_only:#?}");
    assert!(log(&p.clinician, &["--since", &later(20 * DAY)]).is_empty());
    assert_eq!(log(&p.clinician, &["--since", "2000-01-01"]).len(), all.len());

    let out = p.clinician.cmd().args(["log", "--since", "last tuesday"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let out = p.clinician.cmd().args(["log", "--check", "--action", "send"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn the_log_never_holds_content_file_names_or_patient_user_ids() {
    let p = practice();
    let forbidden = [
        "Jansen_ontslagbrief",
        "ontslagbrief",
        "Quistorp",
        "vragenlijst",
        "CONTENT-MARKER-7731",
        "hartinfarct",
        "Henrietta",
        "h.quistorp@",
        "Zwanenburg",
        "Bartholomeus",
        "b.zwanenburg@",
        ".pdf",
    ];
    let raw = std::fs::read(audit_path(&p.clinician)).unwrap();
    assert!(raw.len() > 1000, "the log has records");
    let json = p.clinician.cmd().args(["--json", "log"]).output().unwrap();
    let text = p.clinician.cmd().arg("log").output().unwrap();
    for (what, bytes) in [("audit.log", raw.as_slice()), ("log --json", &json.stdout), ("log", &text.stdout)] {
        let haystack = String::from_utf8_lossy(bytes).to_lowercase();
        for word in forbidden {
            assert!(!haystack.contains(&word.to_lowercase()), "{what} contains {word:?}");
        }
    }
    // The same for the homes of the patients, who logged sends and opens.
    for cp in [&p.patient, &p.other] {
        let raw = String::from_utf8_lossy(&std::fs::read(audit_path(cp)).unwrap()).to_lowercase();
        for word in ["quistorp_vragenlijst", "vragenlijst", "content-marker-7731", ".pdf"] {
            assert!(!raw.contains(word), "a patient's log contains {word:?}");
        }
    }
    // The clinician's name is their own business, but it has no reason to
    // be in the log either: the actor is a fingerprint.
    assert!(!String::from_utf8_lossy(&raw).contains("Dr. A. Jansen"));
}

#[test]
fn accepted_risks_and_the_log_anchor_are_kept_without_names_either() {
    let p = practice();
    let db = rusqlite::Connection::open(p.clinician.home.join("state.db")).unwrap();
    // The exceptions: who was sent to unverified, why, and which documents
    // (by hash) — for the accountability report.
    let mut stmt = db.prepare("SELECT actor, action, contacts, reason, documents FROM risk_acceptances").unwrap();
    let rows: Vec<[String; 5]> = stmt
        .query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    let document_sha = sha256(&p.document);
    for [actor, action, contacts, reason, documents] in &rows {
        assert_eq!(actor, &p.clinician.fingerprint());
        assert_eq!(action, "send-unverified");
        assert!(contacts.contains("p-0099") && contacts.contains(&p.other.fingerprint()), "{contacts}");
        assert!(!contacts.contains("p-0042"), "only the unverified recipient is the exception: {contacts}");
        assert_eq!(reason, REASON);
        assert!(documents.contains(&document_sha), "{documents}");
    }
    let anchor: (i64, String, i64, String) = db
        .query_row("SELECT base_seq, base_prev, head_seq, head_hash FROM audit_anchor", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    let records = log(&p.clinician, &[]);
    assert_eq!(anchor.0, 1);
    assert_eq!(anchor.1, GENESIS);
    assert_eq!(anchor.2 as usize, records.len());
    assert_eq!(anchor.3, records.last().unwrap()["hash"].as_str().unwrap());
    let text = format!("{rows:?} {anchor:?}").to_lowercase();
    for word in ["jansen_ontslagbrief", "quistorp", "henrietta", "zwanenburg", "content-marker", ".pdf"] {
        assert!(!text.contains(word), "{word:?} in {text}");
    }
}

// ---------------------------------------------------------------------------
// Tamper evidence

/// A home with a dozen records of different kinds.
fn logged_home() -> Carepost {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    // Nothing is sent here: the patient needs no consent record.
    cp.cmd().args(["contact", "add", "p-0042", "--key-file"]).arg(patient.export_key()).assert().success();
    cp.cmd().args(["contact", "verify", "p-0042", "--fingerprint", &patient.fingerprint()]).assert().success();
    for (i, period) in ["8d", "9d", "10d", "11d", "12d", "13d", "14d", "15d"].iter().enumerate() {
        let key = if i % 2 == 0 { "sent" } else { "received" };
        cp.cmd().args(["retention", "set", &format!("{key}={period}")]).assert().success();
    }
    assert_eq!(log_lines(&cp).len(), 11);
    cp
}

#[test]
fn an_intact_log_checks_out() {
    let cp = logged_home();
    let out = log_check(&cp);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("intact: 11 records"), "{}", stdout(&out));
    let report = ok_json(&cp.cmd().args(["--json", "log", "--check"]).output().unwrap());
    assert_eq!(report["intact"], true);
    assert_eq!(report["records"], 11);
    assert_eq!(report["first_seq"], 1);
    assert_eq!(report["last_seq"], 11);
    assert_eq!(report["problem"], Value::Null);
    assert_eq!(cp.json(&["status"])["audit_intact"], true);
}

#[test]
fn an_edited_field_is_detected() {
    for (line, from, to) in [
        (5, "\"outcome\":\"success\"", "\"outcome\":\"refused\""),
        (3, "\"contact\":\"p-0042\"", "\"contact\":\"p-0043\""),
        (11, "received=15d", "received=99d"),
    ] {
        let cp = logged_home();
        let mut lines = log_lines(&cp);
        let edited = lines[line - 1].replacen(from, to, 1);
        assert_ne!(edited, lines[line - 1], "line {line} has {from}");
        lines[line - 1] = edited;
        write_lines(&cp, &lines);
        assert_broken(&cp, &format!("record {line} was altered"));
        // `status` says so too, and `--json` gives one error document.
        assert_eq!(cp.json(&["status"])["audit_intact"], false);
        let out = cp.cmd().args(["--json", "log", "--check"]).output().unwrap();
        assert_eq!(code(&out), 4);
        let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
        assert_eq!(doc["error"]["code"], 4);
        assert!(doc["error"]["message"].as_str().unwrap().contains(&format!("record {line}")), "{doc:#}");
    }
}

#[test]
fn a_deleted_record_is_detected() {
    for line in [1, 6] {
        let cp = logged_home();
        let mut lines = log_lines(&cp);
        lines.remove(line - 1);
        write_lines(&cp, &lines);
        assert_broken(&cp, &format!("line {line} holds record {} where record {line} was expected", line + 1));
        // Appending more records does not paper over it.
        cp.cmd().args(["retention", "set", "view=20m"]).assert().success();
        assert_broken(&cp, &format!("record {line} was expected"));
    }
}

#[test]
fn swapped_records_are_detected() {
    let cp = logged_home();
    let mut lines = log_lines(&cp);
    lines.swap(6, 7);
    write_lines(&cp, &lines);
    assert_broken(&cp, "line 7 holds record 8 where record 7 was expected");
}

#[test]
fn a_truncated_tail_is_detected() {
    // One record, several, or all cut off at a line boundary.
    for keep in [10, 7, 0] {
        let cp = logged_home();
        let lines = log_lines(&cp);
        write_lines(&cp, &lines[..keep]);
        if keep == 0 {
            std::fs::write(audit_path(&cp), b"").unwrap();
        }
        assert_broken(&cp, &format!("the log ends at record {keep}, but the state database says there were 11"));
    }
    // Cut in the middle of a line.
    let cp = logged_home();
    let text = std::fs::read(audit_path(&cp)).unwrap();
    std::fs::write(audit_path(&cp), &text[..text.len() - 40]).unwrap();
    assert_broken(&cp, "line 11 is not a readable record");
    // The whole file deleted.
    let cp = logged_home();
    std::fs::remove_file(audit_path(&cp)).unwrap();
    assert_broken(&cp, "the log file is missing");
    // Truncated, then a new record written: still detected.
    let cp = logged_home();
    let lines = log_lines(&cp);
    write_lines(&cp, &lines[..9]);
    cp.cmd().args(["retention", "set", "view=20m"]).assert().success();
    assert_broken(&cp, "record 10 was expected");
}

/// Recomputes every record's chain fields, as an attacker who read the
/// source would.
fn rechain(records: &mut [carepost::audit::Record]) -> Vec<String> {
    let mut prev = GENESIS.to_owned();
    let mut lines = Vec::new();
    for (i, r) in records.iter_mut().enumerate() {
        r.seq = i as u64 + 1;
        r.prev = prev;
        r.hash = r.compute_hash();
        prev = r.hash.clone();
        lines.push(serde_json::to_string(r).unwrap());
    }
    lines
}

#[test]
fn a_consistently_rewritten_chain_is_caught_by_the_head_kept_outside_the_log() {
    let cp = logged_home();
    let parse = |cp: &Carepost| -> Vec<carepost::audit::Record> {
        log_lines(cp).iter().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    // Sanity: rechaining an untouched log reproduces it exactly.
    assert_eq!(rechain(&mut parse(&cp)), log_lines(&cp));

    // Edit a record and rewrite every hash after it.
    let mut records = parse(&cp);
    records[3].outcome = "refused".into();
    write_lines(&cp, &rechain(&mut records));
    assert_broken(&cp, "record 11 differs from the one the state database remembers");

    // Delete a record, renumber and rewrite the rest.
    let cp = logged_home();
    let mut records = parse(&cp);
    records.remove(4);
    write_lines(&cp, &rechain(&mut records));
    assert_broken(&cp, "the log ends at record 10, but the state database says there were 11");
}

/// Regression: the chain hashed a re-serialised record, so a line whose
/// bytes changed without changing a field value still checked out.
#[test]
fn a_line_that_is_not_byte_for_byte_what_carepost_wrote_is_rejected() {
    type Change = fn(&str) -> String;
    let variants: [(&str, Change); 4] = [
        ("an added field", |l| l.replacen("\"seq\":", "\"note\":\"x\",\"seq\":", 1)),
        ("reordered keys", |l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let mut pairs: Vec<_> = v.as_object().unwrap().iter().collect();
            pairs.reverse();
            let fields: Vec<String> = pairs.iter().map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), v)).collect();
            format!("{{{}}}", fields.join(","))
        }),
        ("changed whitespace", |l| l.replacen("\"seq\":", "\"seq\": ", 1)),
        ("an escape written differently", |l| l.replacen("\"action\":\"r", "\"action\":\"\\u0072", 1)),
    ];
    for (what, change) in variants {
        let cp = logged_home();
        let mut lines = log_lines(&cp);
        let edited = change(&lines[6]);
        assert_ne!(edited, lines[6], "{what}");
        // Still the same record for a lenient reader: only the bytes differ.
        let same: carepost::audit::Record = serde_json::from_str(&lines[6]).unwrap();
        if what != "an added field" {
            assert_eq!(serde_json::from_str::<carepost::audit::Record>(&edited).unwrap(), same, "{what}");
        }
        lines[6] = edited;
        write_lines(&cp, &lines);
        assert_broken(&cp, "line 7 is not a readable record");
    }
}

/// Appends a correctly chained record after the last one, as someone who
/// can write the home but does not have the key would.
fn append_forged(cp: &Carepost, outcome: &str) {
    let mut lines = log_lines(cp);
    let last: carepost::audit::Record = serde_json::from_str(lines.last().unwrap()).unwrap();
    let mut forged = last.clone();
    forged.seq = last.seq + 1;
    forged.id = "ff".repeat(16);
    forged.action = "retention-set".into();
    forged.outcome = outcome.into();
    forged.detail = Some("sent=1d".into());
    forged.signature = None;
    forged.prev = last.hash.clone();
    forged.hash = forged.compute_hash();
    lines.push(serde_json::to_string(&forged).unwrap());
    write_lines(cp, &lines);
}

fn check_json(cp: &Carepost) -> Value {
    ok_json(&cp.cmd().args(["--json", "log", "--check"]).output().unwrap())
}

/// Regression: correctly chained records appended after the head were
/// reported intact and adopted, whoever wrote them.
#[test]
fn records_after_the_last_signed_checkpoint_are_reported_as_unsigned() {
    let (cp, patient) = (logged_home(), Carepost::with_identity("P. Bakker", "p.bakker@example.org"));
    // `contact verify` unlocked the key and signed; the retention changes
    // after it did not.
    let report = check_json(&cp);
    assert_eq!(report["signed_through"], 3, "{report:#}");
    assert_eq!(report["unsigned_records"], 8, "{report:#}");
    let out = log_check(&cp);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("8 records after record 3 are not signed by your key"), "{}", stderr(&out));

    // A command that unlocks signs everything so far.
    cp.add_verified("p-0050", &patient);
    let report = check_json(&cp);
    assert_eq!(report["unsigned_records"], 0, "{report:#}");
    let signed = report["signed_through"].as_u64().unwrap();
    assert_eq!(Some(signed), report["last_seq"].as_u64());
    assert!(!stderr(&log_check(&cp)).contains("not signed"));

    // A forged record chains correctly, but is not signed: reported.
    append_forged(&cp, "success");
    let report = check_json(&cp);
    assert_eq!(report["unsigned_records"], 1, "{report:#}");
    assert_eq!(report["signed_through"], signed);
    let err = stderr(&log_check(&cp));
    assert!(err.contains(&format!("1 record after record {signed} is not signed")), "{err}");
}

#[test]
fn a_tampered_checkpoint_is_detected() {
    let cp = logged_home();
    let patient = Carepost::with_identity("P. Bakker", "p.bakker@example.org");
    cp.add_verified("p-0050", &patient);
    patient.add_verified("dr-jansen", &cp);
    let lines = log_lines(&cp);
    let last: carepost::audit::Record = serde_json::from_str(lines.last().unwrap()).unwrap();
    let signature = last.signature.clone().expect("the last record is a checkpoint");

    // The signature's last byte changed, the hash recomputed.
    let mut bad = last.clone();
    let flipped = if signature.ends_with('0') { '1' } else { '0' };
    bad.signature = Some(format!("{}{flipped}", &signature[..signature.len() - 1]));
    // The signed content changed under a valid signature.
    let mut moved = last.clone();
    moved.outcome = "refused".into();
    // A signature by a key that is not the identity's: the signature of
    // another home's checkpoint.
    let other: carepost::audit::Record = serde_json::from_str(log_lines(&patient).last().unwrap()).unwrap();
    let mut foreign = last.clone();
    foreign.signature = other.signature.clone();
    assert!(foreign.signature.is_some());
    for mut record in [bad, moved, foreign] {
        record.hash = record.compute_hash();
        let mut edited = lines.clone();
        *edited.last_mut().unwrap() = serde_json::to_string(&record).unwrap();
        write_lines(&cp, &edited);
        assert_broken(&cp, &format!("record {} carries a checkpoint signature that does not verify", last.seq));
    }
}

// ---------------------------------------------------------------------------
// The log's own retention

#[test]
fn records_older_than_the_log_retention_are_cut_and_the_rest_still_verifies() {
    let cp = logged_home();
    let old = log_lines(&cp).len() as u64;
    // Within the default five years nothing is cut.
    let report =
        ok_json(&cp.cmd().env("CAREPOST_TEST_NOW", later(365 * DAY)).args(["--json", "purge"]).output().unwrap());
    assert_eq!(report["log_records_cut"], 0);
    assert_eq!(log_lines(&cp).len() as u64, old);

    // A year on, the log is set to keep one year; a little later the
    // purge cuts what is older than that.
    let year_on = later(400 * DAY);
    cp.cmd().env("CAREPOST_TEST_NOW", &year_on).args(["retention", "set", "log=1y"]).assert().success();
    let out = cp.cmd().env("CAREPOST_TEST_NOW", later(401 * DAY)).args(["--json", "purge"]).output().unwrap();
    let report = ok_json(&out);
    assert_eq!(report["log_records_cut"], old, "{report:#}");

    let records = log(&cp, &[]);
    assert_eq!(records[0]["seq"], old + 1);
    assert_eq!(records[0]["action"], "retention-set");
    assert_eq!(records[0]["detail"], "log=1y");
    assert!(records.iter().any(|r| r["action"] == "log-cut"), "the cut itself is recorded: {records:#?}");
    assert!(records.iter().all(|r| carepost::parse_time(r["time"].as_str().unwrap()).unwrap()
        > SystemTime::now() + Duration::from_secs(300 * DAY)));

    let out = log_check(&cp);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report = ok_json(&cp.cmd().args(["--json", "log", "--check"]).output().unwrap());
    assert_eq!(report["first_seq"], old + 1);
    assert_eq!(report["records"], records.len() as u64);

    // The cut keeps the log tamper-evident: dropping the new first record
    // is still detected.
    let lines = log_lines(&cp);
    write_lines(&cp, &lines[1..]);
    assert_broken(&cp, &format!("where record {} was expected", old + 1));
}

#[test]
fn a_tampered_log_is_never_cut_so_the_evidence_stays() {
    for tamper in ["edit", "delete"] {
        let cp = logged_home();
        let mut lines = log_lines(&cp);
        if tamper == "edit" {
            lines[2] = lines[2].replacen("\"contact\":\"p-0042\"", "\"contact\":\"p-0043\"", 1);
        } else {
            lines.remove(2);
        }
        write_lines(&cp, &lines);
        let expected = if tamper == "edit" { "record 3 was altered" } else { "line 3 holds record 4" };
        assert_broken(&cp, expected);
        // Everything tampered with is older than the log retention: a cut
        // would remove it and leave a log that checks out again.
        cp.cmd().env("CAREPOST_TEST_NOW", later(400 * DAY)).args(["retention", "set", "log=1y"]).assert().success();
        let out = cp.cmd().env("CAREPOST_TEST_NOW", later(401 * DAY)).args(["--json", "purge"]).output().unwrap();
        assert_eq!(ok_json(&out)["log_records_cut"], 0, "{tamper}");
        assert_broken(&cp, expected);
    }
}

/// Regression: the reason for an exception was stored word for word in a
/// log kept for years, patient names included.
#[test]
fn a_reason_for_an_exception_that_names_a_contact_is_refused() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let patient = Carepost::with_identity("Henrietta Quistorp", "h.quistorp@voorbeeld.example");
    cp.cmd()
        .args(["contact", "add", "p-0099", "--consent", "verbal", "--key-file"])
        .arg(patient.export_key())
        .assert()
        .success();
    let input = write(&cp, "document.pdf", b"%PDF-1.4 letter");
    let send = |extra: &[&str]| {
        let mut cmd = cp.cmd();
        cmd.arg("send").arg(&input).args(["--to", "p-0099"]).args(extra);
        cmd.output().unwrap()
    };
    // Where the user learns of the option, they are told what not to write.
    let out = send(&[]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("do not write a patient's name or email in it"), "{}", stderr(&out));
    let help = stdout(&cp.cmd().args(["send", "--help"]).output().unwrap());
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("never write a patient's name, email or other identifying detail"), "{help}");

    let before = log_lines(&cp);
    for reason in [
        "sent for henrietta QUISTORP, she asked by phone",
        "asked by H.Quistorp@Voorbeeld.example",
        "p-0099 asked by phone",
    ] {
        let out = send(&["--unverified-ok", reason]);
        assert_eq!(code(&out), 2, "{reason}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.starts_with("error: the reason for --unverified-ok names the contact \"p-0099\""), "{err}");
        assert_eq!(log_lines(&cp), before, "nothing recorded for {reason}");
    }
    assert!(!std::fs::read_to_string(audit_path(&cp)).unwrap().to_lowercase().contains("quistorp"));
    // A reason that names nobody is accepted, even with a word that only
    // contains the alias.
    let out = send(&["--unverified-ok", "asked by phone; not p-00990"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

// ---------------------------------------------------------------------------
// The state database and the log agree

/// A home with a received document in the inbox and a sent copy in the
/// outbox, both under retention.
fn home_with_documents() -> (Carepost, PathBuf) {
    let (cp, patient) = (
        Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example"),
        Carepost::with_identity("P. de Vries", "p.devries@example.org"),
    );
    cp.add_verified("p-0042", &patient);
    patient.add_verified("dr", &cp);
    let sent = output_of(&sends(&patient, &write(&patient, "letter.pdf", b"%PDF-1.4 reply"), &["dr"], &[]));
    let opened = ok_json(&cp.cmd().args(["--json", "open"]).arg(&sent).output().unwrap());
    let document = PathBuf::from(opened["output"].as_str().unwrap());
    output_of(&sends(&cp, &write(&cp, "out.pdf", b"%PDF-1.4 out"), &["p-0042"], &[]));
    assert_eq!(cp.json(&["files"])["files"].as_array().unwrap().len(), 2);
    (cp, document)
}

fn assert_state_disagrees(out: &Output, says: &str) {
    assert_eq!(code(out), 4, "{}{}", stdout(out), stderr(out));
    let err = stderr(out);
    assert!(err.contains("error: the state database does not match the audit log"), "{err}");
    assert!(err.contains(says), "{says:?} in {err}");
    assert!(err.contains("hint:") && err.contains("carepost log --rebuild-state"), "{err}");
    assert!(!err.contains("could not purge"), "said once, not also as a purge warning: {err}");
}

/// Regression: a deleted state.db was silently recreated: "0 files kept"
/// while the plaintext stayed in the inbox.
#[test]
fn a_deleted_state_database_is_not_recreated_and_can_be_rebuilt_from_the_log() {
    let (cp, document) = home_with_documents();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(cp.home.join(format!("state.db{suffix}")));
    }
    for args in [&["status"][..], &["log", "--check"], &["files"]] {
        assert_state_disagrees(&cp.cmd().args(args).output().unwrap(), "state.db is missing");
    }
    assert!(!cp.home.join("state.db").exists(), "nothing recreated it");

    let rebuilt = ok_json(&cp.cmd().args(["--json", "log", "--rebuild-state"]).output().unwrap());
    assert_eq!(rebuilt["files_recovered"], 2, "{rebuilt:#}");
    assert_eq!(rebuilt["contacts"], 0);
    assert_eq!(rebuilt["head_seq"].as_u64(), Some(log_lines(&cp).len() as u64));
    let out = log_check(&cp);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Retention deletes the received plaintext again.
    let files = cp.json(&["files"]);
    assert_eq!(files["files"].as_array().unwrap().len(), 2, "{files:#}");
    cp.cmd().env("CAREPOST_TEST_NOW", later(400 * DAY)).arg("purge").assert().success();
    assert!(!document.exists(), "the inbox document was purged");
}

/// Regression: restoring an older state.db passed `log --check`.
#[test]
fn an_older_state_database_is_detected() {
    let (cp, _) = home_with_documents();
    let saved = cp.path("state-copy.db");
    // A consistent copy, as a backup tool would take.
    cp.cmd().args(["status"]).assert().success();
    std::fs::copy(cp.home.join("state.db"), &saved).unwrap();
    let head = log_lines(&cp).len();
    cp.cmd().args(["retention", "set", "sent=20d"]).assert().success();
    cp.cmd().args(["retention", "set", "sent=21d"]).assert().success();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(cp.home.join(format!("state.db{suffix}")));
    }
    std::fs::copy(&saved, cp.home.join("state.db")).unwrap();
    let says = format!("remembers the log up to record {head}, but the log goes on to record {}", head + 2);
    assert_state_disagrees(&log_check(&cp), &says);
    assert_state_disagrees(&cp.cmd().args(["retention", "set", "sent=22d"]).output().unwrap(), &says);

    let rebuilt = ok_json(&cp.cmd().args(["--json", "log", "--rebuild-state"]).output().unwrap());
    assert_eq!(rebuilt["head_seq"].as_u64(), Some(head as u64 + 2));
    assert_eq!(rebuilt["contacts"], 1, "the older state keeps its contacts");
    assert_eq!(rebuilt["files_recovered"], 0, "its files were tracked already");
    let out = log_check(&cp);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}
