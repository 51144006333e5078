//! Consent on record for patients, through the real binary: `contact add
//! --consent`, `contact consent --give/--withdraw`, what `contact show`
//! and `contact list` say, and every send path refusing a patient whose
//! consent is missing or withdrawn (exit 3, nothing written, refusal in
//! the log) until consent is given again. Colleagues need none.

mod common;

use common::{code, ok_json, python_sqlite, stderr, Carepost};
use serde_json::Value;
use std::path::Path;

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A clinician and a patient who exchanged keys; the clinician adds the
/// patient as `p-0042` with `extra` (e.g. `--consent verbal`) and
/// verifies them.
fn clinician_with(extra: &[&str]) -> (Carepost, Carepost) {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    clinician
        .cmd()
        .args(["contact", "add", "p-0042", "--key-file", s(&patient.export_key())])
        .args(extra)
        .assert()
        .success();
    clinician.cmd().args(["contact", "verify", "p-0042", "--fingerprint", &patient.fingerprint()]).assert().success();
    (clinician, patient)
}

fn letter(cp: &Carepost) -> std::path::PathBuf {
    let path = cp.path("brief.txt");
    std::fs::write(&path, b"Uitslag: alles in orde.\n").unwrap();
    path
}

/// The consent object of `contact show --json`.
fn consent_of(cp: &Carepost, alias: &str) -> Value {
    cp.json(&["contact", "show", alias])["consent"].clone()
}

/// The audit log's records, raw.
fn audit(cp: &Carepost) -> String {
    std::fs::read_to_string(cp.home.join("audit.log")).unwrap_or_default()
}

/// The names in `dir`, none if it is not there.
fn names_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

#[test]
fn each_way_of_consenting_is_recorded_and_shown() {
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    let key = patient.export_key();
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    for (alias, how) in [("p-1", "verbal"), ("p-2", "written"), ("p-3", "portal")] {
        let args = ["--json", "contact", "add", alias, "--no-key", "--consent", how, "--consent-note", "folder 12"];
        let added = ok_json(&clinician.cmd().args(args).output().unwrap());
        assert_eq!(added["consent"]["state"], "given", "{added}");
        assert_eq!(added["consent"]["how"], how);
        let consent = consent_of(&clinician, alias);
        assert_eq!(consent["state"], "given");
        assert_eq!(consent["how"], how);
        assert!(consent["at"].as_str().unwrap().starts_with("20"), "{consent}");
        assert_eq!(consent.as_object().unwrap().len(), 3, "exactly state, how, at: {consent}");
    }
    let shown = clinician.cmd().args(["contact", "show", "p-2"]).output().unwrap();
    let text = common::stdout(&shown);
    assert!(text.contains("Consent:") && text.contains("given in writing"), "{text}");
    assert!(text.contains("folder 12"), "the note is shown to the user: {text}");
    // With a key too.
    clinician.cmd().args(["contact", "add", "p-4", "--consent", "portal", "--key-file", s(&key)]).assert().success();
    assert_eq!(consent_of(&clinician, "p-4")["how"], "portal");
}

#[test]
fn show_and_list_carry_the_consent_of_patients_and_null_for_colleagues() {
    let (clinician, patient) = clinician_with(&[]);
    clinician.cmd().args(["contact", "add", "p-0043", "--no-key"]).assert().success();
    clinician.cmd().args(["contact", "consent", "p-0043", "--withdraw"]).assert().success();
    clinician
        .cmd()
        .args(["contact", "add", "dr-peeters", "--colleague", "--key-file", s(&patient.export_key())])
        .assert()
        .failure(); // the same key under two aliases is refused
    let colleague = Carepost::with_identity("Dr. B. Peeters", "b.peeters@praktijk.example");
    clinician
        .cmd()
        .args(["contact", "add", "dr-peeters", "--colleague", "--key-file", s(&colleague.export_key())])
        .assert()
        .success();
    assert_eq!(consent_of(&clinician, "p-0042"), serde_json::json!({"state": "missing", "how": null, "at": null}));
    let withdrawn = consent_of(&clinician, "p-0043");
    assert_eq!(withdrawn["state"], "withdrawn");
    assert_eq!(withdrawn["how"], Value::Null);
    assert!(withdrawn["at"].is_string());
    assert_eq!(consent_of(&clinician, "dr-peeters"), Value::Null);
    let list = clinician.json(&["contact", "list"]);
    let by_alias = |alias: &str| {
        list["contacts"].as_array().unwrap().iter().find(|c| c["alias"] == alias).unwrap()["consent"].clone()
    };
    assert_eq!(by_alias("p-0042")["state"], "missing");
    assert_eq!(by_alias("p-0043")["state"], "withdrawn");
    assert_eq!(by_alias("dr-peeters"), Value::Null);
    let text = common::stdout(&clinician.cmd().args(["contact", "list"]).output().unwrap());
    let line = |alias: &str| text.lines().find(|l| l.starts_with(alias)).unwrap().to_owned();
    assert!(line("p-0042").contains("(no consent yet)"), "{text}");
    assert!(line("p-0043").contains("(consent withdrawn)"), "{text}");
    assert!(!line("dr-peeters").contains("consent"), "{text}");
}

#[test]
fn adding_a_patient_without_consent_off_a_terminal_says_sending_is_refused() {
    let (clinician, _patient) = clinician_with(&[]);
    clinician.cmd().args(["contact", "add", "p-7", "--no-key"]).assert().success();
    let out = clinician.cmd().args(["contact", "add", "p-8", "--no-key"]).output().unwrap();
    assert!(stderr(&out).contains("carepost contact consent p-8 --give"), "{}", stderr(&out));
    assert!(!audit(&clinician).contains("consent-give"), "nothing was given");
}

#[test]
fn sending_without_consent_is_refused_on_every_path_and_nothing_is_written() {
    let (clinician, _patient) = clinician_with(&[]);
    clinician.cmd().args(["contact", "add", "p-0043", "--no-key", "--email", "p43@example.org"]).assert().success();
    let doc = letter(&clinician);
    let out_dir = clinician.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    let eml = clinician.path("bericht.eml");
    let attempts: Vec<Vec<&str>> = vec![
        // The key path, even with a reason for an unverified contact.
        vec!["send", s(&doc), "--to", "p-0042", "-o", s(&out_dir)],
        vec!["send", s(&doc), "--to", "p-0042", "-o", s(&out_dir), "--unverified-ok", "patient asked"],
        // The key path as an email.
        vec!["send", s(&doc), "--to", "p-0042", "--eml", s(&eml)],
        // The password path: to a patient without a key, and --password.
        vec!["send", s(&doc), "--to", "p-0043", "-o", s(&out_dir), "--password-told"],
        vec!["send", s(&doc), "--to", "p-0042", "-o", s(&out_dir), "--password", "--password-told"],
        vec!["send", s(&doc), "--to", "p-0043", "--eml", s(&eml), "--password-told"],
    ];
    for args in &attempts {
        let out = clinician.cmd().args(args).output().unwrap();
        assert_eq!(code(&out), 3, "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("no consent is on record"), "{args:?}: {err}");
        assert!(err.contains("carepost contact consent p-004"), "the hint names the next step: {err}");
        assert!(names_in(&out_dir).is_empty(), "{args:?} wrote {:?}", names_in(&out_dir));
        assert!(!eml.exists(), "{args:?} wrote the email");
    }
    let refusals = audit(&clinician).lines().filter(|l| l.contains("consent missing")).count();
    assert_eq!(refusals, attempts.len(), "every refusal is in the log:\n{}", audit(&clinician));
    let json = clinician.cmd().args(["--json", "send", s(&doc), "--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&json), 3);
}

#[test]
fn after_withdrawal_nothing_is_sent_until_consent_is_given_again() {
    let (clinician, _patient) = clinician_with(&["--consent", "verbal"]);
    let doc = letter(&clinician);
    let out_dir = clinician.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    let send = || clinician.cmd().args(["send", s(&doc), "--to", "p-0042", "-o", s(&out_dir)]).output().unwrap();
    assert_eq!(code(&send()), 0, "{}", stderr(&send()));
    let sent = names_in(&out_dir);
    assert_eq!(sent.len(), 1);
    let files_before = clinician.json(&["files"]);

    let withdrawn = clinician
        .cmd()
        .args(["--json", "contact", "consent", "p-0042", "--withdraw", "--note", "called the practice"])
        .output()
        .unwrap();
    assert_eq!(ok_json(&withdrawn)["consent"]["state"], "withdrawn");
    // The contact and the documents already sent stay as they were.
    assert_eq!(clinician.json(&["contact", "show", "p-0042"])["key"], true);
    assert_eq!(clinician.json(&["files"]), files_before);

    let refused = send();
    assert_eq!(code(&refused), 3, "{}", stderr(&refused));
    let err = stderr(&refused);
    assert!(err.contains("withdrew their consent on"), "{err}");
    assert!(err.contains("only if the patient asks"), "{err}");
    assert_eq!(names_in(&out_dir), sent, "nothing new was written");
    assert!(audit(&clinician).contains("consent withdrawn"), "the refusal is in the log");

    clinician.cmd().args(["contact", "consent", "p-0042", "--give", "written"]).assert().success();
    assert_eq!(code(&send()), 0);
    assert_eq!(names_in(&out_dir).len(), 2);
}

#[test]
fn the_log_records_consent_with_alias_and_how_but_not_the_note() {
    let (clinician, _patient) = clinician_with(&["--consent", "portal", "--consent-note", "form 2026-17 Jansen"]);
    clinician
        .cmd()
        .args(["contact", "consent", "p-0042", "--withdraw", "--note", "by phone to Mevr. Jansen"])
        .assert()
        .success();
    clinician.cmd().args(["contact", "consent", "p-0042", "--give", "verbal"]).assert().success();
    let records = clinician.json(&["log"])["records"].as_array().unwrap().clone();
    let of = |action: &str| records.iter().filter(|r| r["action"] == action).cloned().collect::<Vec<_>>();
    let given = of("consent-give");
    assert_eq!(given.len(), 2, "{records:?}");
    assert!(given.iter().all(|r| r["contact"] == "p-0042" && r["outcome"] == "success"));
    assert!(given[0]["detail"].as_str().unwrap().contains("how=portal note=yes"), "{}", given[0]);
    assert!(given[1]["detail"].as_str().unwrap().contains("how=verbal note=no"), "{}", given[1]);
    let withdrawn = of("consent-withdraw");
    assert_eq!(withdrawn.len(), 1);
    assert!(withdrawn[0]["detail"].as_str().unwrap().contains("was=given how=portal note=yes"), "{}", withdrawn[0]);
    assert!(given.iter().chain(&withdrawn).all(|r| r["actor"].is_string()), "{records:?}");
    let raw = audit(&clinician);
    assert!(!raw.contains("Jansen") && !raw.contains("form 2026-17"), "the notes stay out of the log");
    assert_eq!(code(&clinician.cmd().args(["log", "--check"]).output().unwrap()), 0);
}

#[test]
fn colleagues_need_no_consent_and_cannot_be_given_one() {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let colleague = Carepost::with_identity("Dr. B. Peeters", "b.peeters@praktijk.example");
    let key = colleague.export_key();
    let with_consent = clinician
        .cmd()
        .args(["contact", "add", "dr-peeters", "--colleague", "--consent", "verbal", "--key-file", s(&key)])
        .output()
        .unwrap();
    assert_eq!(code(&with_consent), 2, "{}", stderr(&with_consent));
    assert!(stderr(&with_consent).contains("patients only"), "{}", stderr(&with_consent));
    assert_eq!(code(&clinician.cmd().args(["contact", "show", "dr-peeters"]).output().unwrap()), 2, "nothing added");

    clinician.cmd().args(["contact", "add", "dr-peeters", "--colleague", "--key-file", s(&key)]).assert().success();
    clinician
        .cmd()
        .args(["contact", "verify", "dr-peeters", "--fingerprint", &colleague.fingerprint()])
        .assert()
        .success();
    for args in [
        ["contact", "consent", "dr-peeters", "--give", "verbal"],
        ["contact", "consent", "dr-peeters", "--withdraw", ""],
    ] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        let out = clinician.cmd().args(&args).output().unwrap();
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    }
    let doc = letter(&clinician);
    let out_dir = clinician.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    clinician.cmd().args(["send", s(&doc), "--to", "dr-peeters", "-o", s(&out_dir)]).assert().success();
}

#[test]
fn consent_needs_exactly_one_change_and_a_known_alias() {
    let (clinician, _patient) = clinician_with(&[]);
    for args in [
        vec!["contact", "consent", "p-0042"],
        vec!["contact", "consent", "p-0042", "--give", "verbal", "--withdraw"],
        vec!["contact", "consent", "p-0042", "--give", "by-pigeon"],
        vec!["contact", "consent", "p-0042", "--give", "verbal", "--note", "  "],
    ] {
        let out = clinician.cmd().args(&args).output().unwrap();
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    }
    assert_eq!(consent_of(&clinician, "p-0042")["state"], "missing", "nothing was recorded");
    let unknown = clinician.cmd().args(["contact", "consent", "p-0024", "--give", "verbal"]).output().unwrap();
    assert_eq!(code(&unknown), 2);
    assert!(stderr(&unknown).contains("p-0042"), "the not-found error suggests the close alias: {}", stderr(&unknown));
    // --consent-note only with --consent.
    let out = clinician.cmd().args(["contact", "add", "p-9", "--no-key", "--consent-note", "x"]).output().unwrap();
    assert_eq!(code(&out), 2);
}

#[test]
fn the_refusal_in_dutch_and_french_has_no_english_left() {
    let (clinician, _patient) = clinician_with(&[]);
    let doc = letter(&clinician);
    let english = stderr(&clinician.cmd().args(["send", s(&doc), "--to", "p-0042"]).output().unwrap());
    assert!(english.contains("Not sent"), "{english}");
    clinician.cmd().args(["contact", "consent", "p-0042", "--withdraw"]).assert().success();
    let english_withdrawn = stderr(&clinician.cmd().args(["send", s(&doc), "--to", "p-0042"]).output().unwrap());
    clinician.cmd().args(["contact", "add", "p-0043", "--no-key"]).assert().success();
    for lang in ["nl", "fr"] {
        for (alias, english) in [("p-0042", &english_withdrawn), ("p-0043", &english)] {
            let out = clinician.cmd().args(["--lang", lang, "send", s(&doc), "--to", alias]).output().unwrap();
            assert_eq!(code(&out), 3);
            let text = stderr(&out);
            // The command lines are the same in every language; the rest
            // must be translated.
            let words: String =
                text.lines().filter(|l| !l.contains("carepost contact consent")).collect::<Vec<_>>().join("\n");
            for phrase in
                ["Not sent", "no consent", "their consent", "Tell the patient", "withdrew", "only if the patient"]
            {
                assert!(!words.contains(phrase), "{lang}: English {phrase:?} left in\n{text}");
            }
            for sentence in english.lines().filter(|l| !l.contains("carepost contact consent")).map(str::trim) {
                if sentence.split(' ').count() > 3 {
                    assert!(!text.contains(sentence), "{lang}: English {sentence:?} left in\n{text}");
                }
            }
            assert!(text.contains(&format!("carepost contact consent {alias} --give")), "{lang}: {text}");
        }
    }
}

#[test]
fn a_home_of_schema_version_8_has_no_consent_recorded_after_the_upgrade() {
    let (clinician, _patient) = clinician_with(&["--consent", "verbal"]);
    // Put the contacts table back as schema version 8 had it, with its
    // rows: no consent columns.
    python_sqlite(
        &clinician,
        "import sqlite3, sys\n\
         db = sqlite3.connect(sys.argv[1])\n\
         db.executescript('''\n\
         CREATE TABLE contacts_v8 (\n\
             alias TEXT PRIMARY KEY,\n\
             kind TEXT NOT NULL CHECK (kind IN ('patient', 'colleague')),\n\
             fingerprint TEXT UNIQUE, cert BLOB,\n\
             added_at TEXT NOT NULL, updated_at TEXT NOT NULL,\n\
             source TEXT NOT NULL DEFAULT 'file',\n\
             source_url TEXT, email TEXT, refreshed_at TEXT);\n\
         INSERT INTO contacts_v8 SELECT alias, kind, fingerprint, cert, added_at, updated_at, source,\n\
             source_url, email, refreshed_at FROM contacts;\n\
         DROP TABLE contacts;\n\
         ALTER TABLE contacts_v8 RENAME TO contacts;\n\
         PRAGMA user_version = 8;\n\
         ''')\n\
         db.commit()\n",
    );
    let version =
        "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute('PRAGMA user_version').fetchone()[0])";
    assert_eq!(python_sqlite(&clinician, version), "8");
    let shown = clinician.json(&["contact", "show", "p-0042"]);
    assert_eq!(python_sqlite(&clinician, version), "9");
    assert_eq!(shown["verified"], true, "the contact is kept as it was: {shown}");
    assert_eq!(shown["consent"]["state"], "missing", "{shown}");
    let doc = letter(&clinician);
    let out_dir = clinician.dir.path();
    let out = clinician.cmd().args(["send", s(&doc), "--to", "p-0042", "-o", s(out_dir)]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    clinician.cmd().args(["contact", "consent", "p-0042", "--give", "verbal"]).assert().success();
    clinician.cmd().args(["send", s(&doc), "--to", "p-0042", "-o", s(out_dir)]).assert().success();
}
