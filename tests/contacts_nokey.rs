//! Patients without an OpenPGP key through the real binary: `contact add
//! --patient --no-key [--email]`, how list/show/check/status report them,
//! what verify/refresh/publish/send say about them, a key added later
//! with `contact update`, removal, and a home from before keyless
//! contacts existed being taken forward.

mod common;

use common::{code, ok_json, python_sqlite, stderr, stdout, write, Carepost};
use serde_json::Value;
use std::process::Output;

const NO_KEY_EN: &str = "no key: documents are sent with a password you tell them by phone";

fn clinician() -> Carepost {
    Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example")
}

fn run(cp: &Carepost, args: &[&str]) -> Output {
    cp.cmd().args(args).output().unwrap()
}

fn add_no_key(cp: &Carepost, alias: &str, extra: &[&str]) -> Value {
    let out = cp.cmd().args(["--json", "contact", "add", alias, "--patient", "--no-key"]).args(extra).output().unwrap();
    ok_json(&out)
}

fn listed(cp: &Carepost, alias: &str) -> Value {
    let list = cp.json(&["contact", "list"]);
    list["contacts"].as_array().unwrap().iter().find(|c| c["alias"] == alias).cloned().unwrap_or(Value::Null)
}

/// Asserts a refusal: the exit code, an `error:` line containing
/// `message` and a `hint:` line containing `hint`.
fn assert_refused(out: &Output, exit: i32, message: &str, hint: &str) {
    let err = stderr(out);
    assert_eq!(code(out), exit, "{err}");
    let error_line = err.lines().find(|l| l.starts_with("error: ")).unwrap_or_else(|| panic!("no error line: {err}"));
    assert!(error_line.contains(message), "{err}");
    let hint_line = err.lines().find(|l| l.starts_with("hint: ")).unwrap_or_else(|| panic!("no hint line: {err}"));
    assert!(hint_line.contains(hint), "{err}");
}

/// A second carepost user whose key the clinician can add.
fn patient_with_key() -> Carepost {
    Carepost::with_identity("P. de Vries", "p.devries@example.org")
}

/// The audit log's records as JSON (`log --json`).
fn audit_records(cp: &Carepost) -> Vec<Value> {
    let log = cp.json(&["log"]);
    log["records"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_patient_without_a_key_is_listed_and_shown_with_the_password_path() {
    let cp = clinician();
    let added = add_no_key(&cp, "p-0042", &[]);
    assert_eq!(added["alias"], "p-0042");
    assert_eq!(added["fingerprint"], Value::Null);
    assert_eq!(added["key"], false);
    assert_eq!(added["delivery"], "password");

    // A keyed contact beside it says so too.
    let other = patient_with_key();
    cp.cmd()
        .args(["contact", "add", "p-0043", "--consent", "verbal", "--key-file"])
        .arg(other.export_key())
        .assert()
        .success();

    let list = cp.json(&["contact", "list"]);
    let contacts = list["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 2);
    let keyless = &contacts[0];
    for field in ["alias", "kind", "fingerprint", "verified", "verified_at", "method", "expires", "key", "delivery"] {
        assert!(keyless.get(field).is_some(), "{field} missing: {keyless}");
    }
    assert_eq!(keyless["kind"], "patient");
    assert_eq!(keyless["fingerprint"], Value::Null);
    assert_eq!(keyless["verified"], false);
    assert_eq!(keyless["expires"], Value::Null);
    assert_eq!(keyless["key"], false);
    assert_eq!(keyless["delivery"], "password");
    assert_eq!(contacts[1]["key"], true);
    assert_eq!(contacts[1]["delivery"], "key");
    assert_eq!(contacts[1]["fingerprint"], other.fingerprint());

    let human = stdout(&run(&cp, &["contact", "list"]));
    let line = human.lines().find(|l| l.starts_with("p-0042")).unwrap();
    assert!(line.contains(NO_KEY_EN), "{human}");
    assert!(human.lines().any(|l| l.starts_with("p-0043") && l.contains("NOT verified")), "{human}");

    let show = cp.json(&["contact", "show", "p-0042"]);
    assert_eq!(show["fingerprint"], Value::Null);
    assert_eq!(show["key"], false);
    assert_eq!(show["delivery"], "password");
    assert_eq!(show["verified"], false);
    assert_eq!(show["user_ids"], serde_json::json!([]));
    assert_eq!(show["source"]["kind"], "none");
    let human = stdout(&run(&cp, &["contact", "show", "p-0042"]));
    assert!(human.contains("Key:") && human.contains(NO_KEY_EN), "{human}");
    assert!(!human.contains("Fingerprint:"), "{human}");
}

#[test]
fn list_and_show_say_it_in_dutch_and_french() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &[]);
    for (lang, sentence) in [
        ("nl", "geen sleutel: documenten gaan met een wachtwoord dat u telefonisch doorgeeft"),
        ("fr", "pas de clé : les documents sont envoyés avec un mot de passe que vous lui dictez par téléphone"),
    ] {
        for verb in [&["contact", "list"][..], &["contact", "show", "p-0042"][..]] {
            let out = cp.cmd().env("CAREPOST_LANG", lang).args(verb).output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
            assert!(stdout(&out).contains(sentence), "{lang} {verb:?}: {}", stdout(&out));
        }
    }
}

#[test]
fn an_email_address_is_kept_for_sending_and_not_looked_up() {
    let cp = clinician();
    // No key server is reachable in this test: a lookup would fail.
    let added = add_no_key(&cp, "p-0042", &["--email", "P.deVries@Example.org"]);
    assert_eq!(added["key"], false);
    assert!(added["email"].as_str().unwrap().eq_ignore_ascii_case("p.devries@example.org"), "{added}");
    let show = cp.json(&["contact", "show", "p-0042"]);
    assert!(show["source"]["email"].as_str().unwrap().eq_ignore_ascii_case("p.devries@example.org"));
    let human = stdout(&run(&cp, &["contact", "show", "p-0042"]));
    assert!(human.contains("Email (for sending):"), "{human}");

    // The address identifies the patient: the audit log never holds it.
    let log = std::fs::read(cp.home.join("audit.log")).unwrap();
    let log = String::from_utf8_lossy(&log).to_lowercase();
    assert!(!log.contains("devries"), "the address is in the audit log");
    assert!(log.contains("no key"), "{log}");

    let out = run(&cp, &["contact", "add", "p-0043", "--patient", "--no-key", "--email", "not an address"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(listed(&cp, "p-0043").is_null());
}

#[test]
fn a_colleague_always_needs_a_key() {
    let cp = clinician();
    let out = run(&cp, &["contact", "add", "dr-bakker", "--colleague", "--no-key"]);
    assert_refused(&out, 2, "a colleague always needs a key", "--colleague --key-file FILE");
    assert!(listed(&cp, "dr-bakker").is_null());
    let out = cp.cmd().args(["--json", "contact", "add", "dr-bakker", "--colleague", "--no-key"]).output().unwrap();
    assert_eq!(code(&out), 2);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["code"], 2, "{doc}");
}

#[test]
fn the_command_line_must_say_how_and_no_key_excludes_a_key_file() {
    let cp = clinician();
    let key = patient_with_key().export_key();
    let out = cp.cmd().args(["contact", "add", "p-0042", "--no-key", "--key-file"]).arg(&key).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    // Not a terminal: nobody to ask, so the usage error names the three ways.
    let out = run(&cp, &["contact", "add", "p-0042"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("--no-key"), "{}", stderr(&out));
    assert!(listed(&cp, "p-0042").is_null());
}

#[test]
fn aliases_follow_the_same_rules_with_or_without_a_key() {
    let cp = clinician();
    for bad in ["Jansen", "a b", "-x", ".hidden", "naam@x", &"a".repeat(65)] {
        let out = run(&cp, &["contact", "add", bad, "--patient", "--no-key"]);
        assert_eq!(code(&out), 2, "{bad}: {}", stderr(&out));
    }
    add_no_key(&cp, "p-0042", &[]);
    // Several patients without a key: no fingerprint to collide on.
    add_no_key(&cp, "p-0043", &[]);
    let out = run(&cp, &["contact", "add", "p-0042", "--patient", "--no-key"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("p-0042"), "{}", stderr(&out));
    // A key for the same alias never lands on it through `add`.
    let key = patient_with_key().export_key();
    let out = cp.cmd().args(["contact", "add", "p-0042", "--key-file"]).arg(&key).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    // Nor through a lookup by email: refused before anything is asked.
    let out = run(&cp, &["contact", "add", "p-0042", "--email", "p.devries@example.org"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("contact update p-0042"), "{}", stderr(&out));
    assert_eq!(listed(&cp, "p-0042")["key"], false);
}

#[test]
fn verify_says_there_is_no_key_to_verify() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &[]);
    let fingerprint = cp.fingerprint();
    let out = run(&cp, &["contact", "verify", "p-0042", "--fingerprint", &fingerprint]);
    assert_refused(
        &out,
        2,
        "\"p-0042\" has no key to verify: documents to them go with a password by phone",
        "contact update p-0042 --key-file",
    );
    // Without a reading (the dialogue): the same answer, not "no terminal".
    let out = run(&cp, &["contact", "verify", "p-0042"]);
    assert_refused(&out, 2, "has no key to verify", "contact update p-0042");
    assert_eq!(listed(&cp, "p-0042")["verified"], false);
}

#[test]
fn refresh_skips_a_contact_without_a_key_and_says_so() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &["--email", "p.devries@example.org"]);
    let report = cp.json(&["contact", "refresh"]);
    let results = report["contacts"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{report}");
    assert_eq!(results[0]["result"], "skipped");
    assert!(results[0]["reason"].as_str().unwrap().contains("no key"), "{report}");
    let out = run(&cp, &["contact", "refresh", "p-0042"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("p-0042") && stdout(&out).contains("no key to refresh"), "{}", stdout(&out));
    assert_eq!(listed(&cp, "p-0042")["key"], false);
}

#[test]
fn publish_refuses_a_contact_without_a_key() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &[]);
    let out_dir = cp.path("wkd");
    let out = cp
        .cmd()
        .args(["publish", "wkd", "--out"])
        .arg(&out_dir)
        .args(["--domain", "praktijk.example", "--contact", "p-0042"])
        .output()
        .unwrap();
    assert_refused(&out, 3, "\"p-0042\" has no key to publish", "leave this contact out");
    assert!(!out_dir.exists() || std::fs::read_dir(&out_dir).unwrap().next().is_none());
}

#[test]
fn check_reports_the_password_path() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &["--email", "p.devries@example.org"]);
    let out = cp.cmd().args(["--json", "contact", "check", "p-0042"]).output().unwrap();
    let check = ok_json(&out);
    assert_eq!(check["key"], false);
    assert_eq!(check["delivery"], "password");
    assert_eq!(check["verified"], false);
    assert!(check.get("encryption_keys").is_none(), "key facts for a contact without a key: {check}");
    let out = run(&cp, &["contact", "check", "p-0042"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Delivery:") && text.contains("a password you tell them by phone"), "{text}");
    assert!(text.contains("read the password to them by phone"), "{text}");
    assert!(!text.contains("Fingerprint:"), "{text}");
}

#[test]
fn send_to_a_contact_without_a_key_takes_the_password_path() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &["--consent", "verbal"]);
    let document = write(&cp, "brief.pdf", b"%PDF-1.4 lab result");
    // The password path needs someone to confirm the password was told:
    // without a terminal (and without --password-told) nothing is made.
    let out = cp.cmd().arg("send").arg(&document).args(["--to", "p-0042"]).output().unwrap();
    assert_refused(&out, 2, "nobody is at a terminal", "--password-told");
    let outbox = cp.home.join("outbox");
    assert!(!outbox.exists() || std::fs::read_dir(&outbox).unwrap().next().is_none());
    let sent = audit_records(&cp).into_iter().filter(|r| r["action"] == "send" && r["outcome"] == "success").count();
    assert_eq!(sent, 0);
}

#[test]
fn a_key_added_later_makes_a_normal_unverified_contact() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &["--email", "p.devries@example.org", "--consent", "verbal"]);
    let patient = patient_with_key();
    let out = cp.cmd().args(["--json", "contact", "update", "p-0042", "--key-file"]).arg(patient.export_key()).output();
    let updated = ok_json(&out.unwrap());
    assert_eq!(updated["key_added"], true);
    assert_eq!(updated["key_changed"], false);
    assert_eq!(updated["fingerprint"], patient.fingerprint());
    assert_eq!(updated["verified"], false);
    assert_eq!(updated["delivery"], "key");

    let human = cp.cmd().args(["contact", "show", "p-0042"]).output().unwrap();
    assert!(stdout(&human).contains("Fingerprint:"), "{}", stdout(&human));
    assert!(!stdout(&human).contains(NO_KEY_EN));
    let show = cp.json(&["contact", "show", "p-0042"]);
    assert_eq!(show["source"]["kind"], "file");
    assert_eq!(show["key"], true);
    // The next step printed is the phone check.
    let patient2 = Carepost::with_identity("Q", "q@example.org");
    add_no_key(&cp, "p-0050", &[]);
    let out = cp.cmd().args(["contact", "update", "p-0050", "--key-file"]).arg(patient2.export_key()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("contact verify p-0050"), "{}", stdout(&out));

    // Until verified, send refuses as for everyone.
    let document = write(&cp, "brief.pdf", b"%PDF-1.4 lab result");
    let out = cp.cmd().arg("send").arg(&document).args(["--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("verif"), "{}", stderr(&out));
    cp.cmd().args(["contact", "verify", "p-0042", "--fingerprint", &patient.fingerprint()]).assert().success();
    assert_eq!(listed(&cp, "p-0042")["verified"], true);
    let sent = ok_json(&cp.cmd().args(["--json", "send"]).arg(&document).args(["--to", "p-0042"]).output().unwrap());
    assert_eq!(sent["outputs"][0]["recipients"][0]["fingerprint"], patient.fingerprint());

    let updates: Vec<Value> = audit_records(&cp)
        .into_iter()
        .filter(|r| r["action"] == "contact-update" && r["contact"] == "p-0042")
        .collect();
    assert_eq!(updates.len(), 1, "{updates:?}");
    assert_eq!(updates[0]["fingerprint"], patient.fingerprint());
    assert!(updates[0]["detail"].as_str().unwrap().contains("key added"), "{updates:?}");
}

#[test]
fn a_key_already_held_by_another_contact_is_not_attached() {
    let cp = clinician();
    let patient = patient_with_key();
    cp.cmd()
        .args(["contact", "add", "p-0043", "--consent", "verbal", "--key-file"])
        .arg(patient.export_key())
        .assert()
        .success();
    add_no_key(&cp, "p-0042", &[]);
    let out = cp.cmd().args(["contact", "update", "p-0042", "--key-file"]).arg(patient.export_key()).output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("p-0043"), "{}", stderr(&out));
    assert_eq!(listed(&cp, "p-0042")["key"], false);
    // Our own key is refused as on `add`.
    let out = cp.cmd().args(["contact", "update", "p-0042", "--key-file"]).arg(cp.export_key()).output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert_eq!(listed(&cp, "p-0042")["key"], false);
}

#[test]
fn remove_works_and_is_audited_without_a_fingerprint() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &[]);
    let removed = ok_json(&cp.cmd().args(["--json", "contact", "remove", "p-0042"]).output().unwrap());
    assert_eq!(removed["alias"], "p-0042");
    assert_eq!(removed["key"], false);
    assert!(listed(&cp, "p-0042").is_null());
    let out = run(&cp, &["contact", "show", "p-0042"]);
    assert_eq!(code(&out), 2);
    let records = audit_records(&cp);
    for action in ["contact-add", "contact-remove"] {
        let record = records
            .iter()
            .find(|r| r["action"] == action && r["contact"] == "p-0042")
            .unwrap_or_else(|| panic!("no {action} record: {records:?}"));
        assert!(record.get("fingerprint").is_none_or(Value::is_null), "{record}");
    }
    let out = run(&cp, &["log", "--check"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn state_survives_a_reopen_and_status_counts_contacts_without_a_key() {
    let cp = clinician();
    add_no_key(&cp, "p-0042", &["--email", "p.devries@example.org"]);
    add_no_key(&cp, "p-0043", &[]);
    // Each command opens the home anew.
    let status = cp.json(&["status"]);
    assert_eq!(status["contacts_without_key"], 2, "{status}");
    let human = stdout(&run(&cp, &["status"]));
    assert!(human.contains("Without a key:") && human.contains("2 patients"), "{human}");
    let show = cp.json(&["contact", "show", "p-0042"]);
    assert_eq!(show["key"], false);
    assert!(show["source"]["email"].as_str().is_some());
    assert_eq!(cp.json(&["contact", "list"])["contacts"].as_array().unwrap().len(), 2);
}

#[test]
fn a_home_from_before_contacts_without_a_key_is_taken_forward() {
    let cp = clinician();
    let patient = patient_with_key();
    cp.cmd()
        .args(["contact", "add", "p-0043", "--consent", "verbal", "--key-file"])
        .arg(patient.export_key())
        .assert()
        .success();
    cp.cmd().args(["contact", "verify", "p-0043", "--fingerprint", &patient.fingerprint()]).assert().success();
    // Put the contacts table back as schema version 7 had it (every
    // contact with a key), with its rows.
    python_sqlite(
        &cp,
        "import sqlite3, sys\n\
         db = sqlite3.connect(sys.argv[1])\n\
         db.executescript('''\n\
         CREATE TABLE contacts_v7 (\n\
             alias TEXT PRIMARY KEY,\n\
             kind TEXT NOT NULL CHECK (kind IN ('patient', 'colleague')),\n\
             fingerprint TEXT NOT NULL UNIQUE,\n\
             cert BLOB NOT NULL,\n\
             added_at TEXT NOT NULL,\n\
             updated_at TEXT NOT NULL,\n\
             source TEXT NOT NULL DEFAULT 'file' CHECK (source IN ('file', 'autocrypt', 'wkd', 'vks', 'hkp')),\n\
             source_url TEXT, email TEXT, refreshed_at TEXT);\n\
         INSERT INTO contacts_v7 SELECT alias, kind, fingerprint, cert, added_at, updated_at, source,\n\
             source_url, email, refreshed_at FROM contacts;\n\
         DROP TABLE contacts;\n\
         ALTER TABLE contacts_v7 RENAME TO contacts;\n\
         PRAGMA user_version = 7;\n\
         ''')\n\
         db.commit()\n",
    );
    let version =
        "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute('PRAGMA user_version').fetchone()[0])";
    assert_eq!(python_sqlite(&cp, version), "7");
    // The old contact is still there, verified, and a keyless one can join.
    let kept = listed(&cp, "p-0043");
    assert_eq!(kept["fingerprint"], patient.fingerprint());
    assert_eq!(kept["verified"], true);
    assert_eq!(kept["key"], true);
    assert_ne!(python_sqlite(&cp, version), "7");
    add_no_key(&cp, "p-0042", &[]);
    assert_eq!(listed(&cp, "p-0042")["key"], false);
    // The new constraints hold: a colleague without a key is refused by the
    // database itself, not only by carepost.
    let script = "import sqlite3, sys\n\
                  db = sqlite3.connect(sys.argv[1])\n\
                  try:\n\
                  \x20   db.execute(\"INSERT INTO contacts (alias, kind, added_at, updated_at, source) VALUES ('x', 'colleague', 't', 't', 'none')\")\n\
                  \x20   print('stored')\n\
                  except sqlite3.IntegrityError:\n\
                  \x20   print('refused')\n";
    assert_eq!(python_sqlite(&cp, script), "refused");
}
