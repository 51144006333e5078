//! `carepost report`: the practice's accountability record, computed from
//! a scripted history in a temporary home — sends by key and by password,
//! a refused send, a risk accepted with a reason, an open, a purge — with
//! exact figures in JSON, the same figures in Markdown and in the HTML
//! page as a browser prints it, no patient's alias or file name in the
//! general report, one patient's own report, the report in Dutch and
//! French, `--since`, the evaluation date, and `status` showing the
//! accepted risk.

mod common;

use common::{code, ok_json, stderr, stdout, write, Carepost};
use serde_json::Value;
use std::path::Path;

const REASON: &str = "colleague confirmed the key by secure fax";
/// The document's name, which must never reach the general report.
const PATIENT_FILE: &str = "Jansen_ontslagbrief.txt";
/// Where the history is purged and the reports are made: 30 days on,
/// past every document's retention.
const LATER_DAYS: i64 = 30;

fn later() -> String {
    let t = chrono::Utc::now() + chrono::Duration::days(LATER_DAYS);
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The clinician's home after the scripted history, and what it sent.
struct History {
    clinician: Carepost,
    _patient: Carepost,
    now: String,
    /// The hash of the document sent to p-0042, and of the one to p-0043.
    hash_0042: String,
    hash_0043: String,
}

fn log_hash(cp: &Carepost, alias: &str) -> String {
    let log = cp.json(&["log", "--contact", alias, "--action", "send"]);
    log["records"][0]["document_sha256"].as_str().expect("a send to the contact").to_owned()
}

fn history() -> History {
    let (clinician, patient) = common::pair();
    let c = &clinician;
    // A second patient with a key, verified; a colleague not verified;
    // a patient without a key.
    let other = Carepost::with_identity("Q. Peeters", "q.peeters@example.org");
    c.add_verified("p-0043", &other);
    let colleague = Carepost::with_identity("Dr. B. Bakker", "b.bakker@ziekenhuis.example");
    c.cmd()
        .args(["contact", "add", "gp-bakker", "--colleague", "--key-file"])
        .arg(colleague.export_key())
        .assert()
        .success();
    c.cmd().args(["contact", "add", "p-x", "--patient", "--no-key", "--consent", "verbal"]).assert().success();

    let letter = write(c, PATIENT_FILE, b"discharge letter, marker-4d1e");
    let send = |input: &Path, to: &str, extra: &[&str]| {
        c.cmd().args(["--json", "send"]).arg(input).args(["--to", to]).args(extra).output().unwrap()
    };
    let to_0042 = ok_json(&send(&letter, "p-0042", &[]));
    let lab = write(c, "lab-0043.txt", b"lab result for another patient");
    ok_json(&send(&lab, "p-0043", &[]));
    // p-0043 then withdraws consent; p-y is added without it.
    c.cmd().args(["contact", "consent", "p-0043", "--withdraw"]).assert().success();
    c.cmd().args(["contact", "add", "p-y", "--patient", "--no-key"]).assert().success();
    // 2 MiB: the middle size band.
    let scan = write(c, "scan.bin", &vec![7u8; 2 * 1024 * 1024]);
    ok_json(&send(&scan, "p-0042", &[]));
    let referral = write(c, "referral.txt", b"referral");
    let refused = send(&referral, "gp-bakker", &[]);
    assert_eq!(code(&refused), 3, "{}", stderr(&refused));
    ok_json(&send(&referral, "gp-bakker", &["--unverified-ok", REASON]));
    ok_json(&send(&letter, "p-x", &["--password-told", "--format", "openpgp"]));

    // The patient opens the letter; the clinician opens a reply.
    let message = to_0042["outputs"][0]["output"].as_str().unwrap().to_owned();
    patient.cmd().args(["--json", "open", &message]).assert().success();
    let reply = write(&patient, "reply.txt", b"thank you");
    let sent =
        ok_json(&patient.cmd().args(["--json", "send"]).arg(&reply).args(["--to", "dr-jansen"]).output().unwrap());
    let reply_message = sent["outputs"][0]["output"].as_str().unwrap().to_owned();
    c.cmd().args(["--json", "open", &reply_message]).assert().success();

    // Past every retention period: everything carepost made is deleted.
    let now = later();
    ok_json(&c.cmd().env("CAREPOST_TEST_NOW", &now).args(["--json", "purge"]).output().unwrap());
    History { hash_0042: log_hash(c, "p-0042"), hash_0043: log_hash(c, "p-0043"), clinician, _patient: patient, now }
}

impl History {
    fn report(&self, args: &[&str]) -> std::process::Output {
        self.clinician.cmd().env("CAREPOST_TEST_NOW", &self.now).arg("report").args(args).output().unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        ok_json(&self.report(&all))
    }
}

fn count(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

#[test]
fn the_report_gives_exact_figures_for_the_scripted_history() {
    let h = history();
    let r = h.json(&[]);
    let contacts = &r["personal_data"]["contacts"];
    assert_eq!(count(&contacts["patients_with_key"]), 2, "{r:#}");
    assert_eq!(count(&contacts["patients_without_key"]), 2);
    assert_eq!(count(&contacts["colleagues_with_key"]), 1);
    assert_eq!(count(&contacts["colleagues_without_key"]), 0);
    let d = &r["personal_data"]["documents"];
    assert_eq!(count(&d["sent_by_key"]), 4, "{d:#}");
    assert_eq!(count(&d["sent_by_password"]), 1);
    assert_eq!(count(&d["sends_refused"]), 1);
    assert_eq!(count(&d["opened_by_key"]), 1);
    assert_eq!(count(&d["opened_by_password"]), 0);
    assert_eq!(count(&d["viewed"]), 0);
    assert_eq!(d["sent_sizes"], serde_json::json!({"under_1_mib": 4, "from_1_to_10_mib": 1, "over_10_mib": 0}));
    assert_eq!(d["opened_sizes"], serde_json::json!({"under_1_mib": 1, "from_1_to_10_mib": 0, "over_10_mib": 0}));

    let ret = &r["retention"];
    assert_eq!(ret["policy"]["sent"], "7d");
    assert_eq!(ret["policy"]["received"], "14d");
    // Five files sent (one per input), one opened: all deleted by the purge.
    assert_eq!(count(&ret["by_state"]["deleted"]), 6, "{ret:#}");
    assert_eq!(count(&ret["overdue"]), 0);
    assert_eq!(count(&ret["not_deleted_changed"]), 0);
    assert_eq!(ret["kept"], serde_json::json!({"received": 0, "sealed": 0, "sent": 0, "view": 0}));
    assert!(ret["timer_installed"].is_boolean());
    assert!(["yes", "no", "unknown"].contains(&ret["encrypted_volume"].as_str().unwrap()));

    let risks = &r["risks"];
    let accepted = risks["unverified_sends"].as_array().unwrap();
    assert_eq!(accepted.len(), 1, "{risks:#}");
    assert_eq!(accepted[0]["contacts"], serde_json::json!(["gp-bakker"]));
    assert_eq!(accepted[0]["reason"], REASON);
    assert_eq!(count(&accepted[0]["documents"]), 1);
    assert_eq!(risks["keys_expiring"], serde_json::json!([]));
    assert_eq!(risks["keys_not_refreshed"], serde_json::json!([]));
    assert_eq!(risks["old_verifications"], serde_json::json!([]));
    assert_eq!(count(&risks["verification_age_days"]), 730);

    let m = &r["measures"];
    assert_eq!(m["encryption_by_default"], true);
    assert_eq!(m["documents_signed"], true);
    assert_eq!(count(&m["contacts_verified"]), 2);
    assert_eq!(count(&m["contacts_unverified"]), 1);
    assert_eq!(count(&m["sends_to_verified"]), 3);
    assert_eq!(count(&m["sends_with_override"]), 1);
    assert_eq!(m["audit_intact"], true);
    assert!(count(&m["audit_records"]) > 10);
    assert_eq!(m["keychain"], "not used");

    assert_eq!(r["patients_informed"]["leaflets"], 0);
    // Given for p-0042, p-0043 and p-x; withdrawn by p-0043; p-y never asked.
    assert_eq!(r["patients_informed"]["consent"], serde_json::json!({"given": 3, "withdrawn": 1}));
    assert_eq!(
        r["patients_informed"]["patients_by_consent"],
        serde_json::json!({"given": 2, "withdrawn": 1, "missing": 1})
    );
    let one = h.json(&["--contact", "p-0043"]);
    assert_eq!(one["consent"], serde_json::json!({"given": 1, "withdrawn": 1}), "{one:#}");
    assert_eq!(one["consent_now"]["state"], "withdrawn", "{one:#}");
    let actions: Vec<&str> = one["events"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"consent-give") && actions.contains(&"consent-withdraw"), "{actions:?}");
    let e = &r["evaluation"];
    assert_eq!(e["source"], "default");
    assert_eq!(e["passed"], false);
    let first = &h.now[..10];
    assert_eq!(e["first_report"], first);
    let year_on = format!("{}{}", first[..4].parse::<u32>().unwrap() + 1, &first[4..]);
    assert_eq!(e["date"].as_str().unwrap(), year_on, "{e:#}");
    assert_eq!(r["application"]["licence"], "LGPL-2.0-or-later");
    assert_eq!(r["application"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(r["application"]["crypto_backend"].as_str().unwrap().contains("RustCrypto"), "{r:#}");
    assert!(r["period"]["from"].is_string());

    // The Markdown on standard output carries the same figures.
    let out = h.report(&[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = stdout(&out);
    for line in [
        "- **Patients in the contact book:** 2 with a key, 2 without a key",
        "- **Patients' consent now:** given: 2, withdrawn: 1, not recorded: 1",
        "- **Colleagues in the contact book:** 1 with a key, 0 without a key",
        "- **Documents sent:** 4 with the recipient's key, 1 with a password",
        "- **Sends refused by carepost:** 1",
        "- **Documents received and opened:** 1 with the practice's key, 0 with a password",
        "- **Deleted by carepost so far:** 6",
        "| sent | 4 | 1 | 0 |",
        "| opened | 1 | 0 | 0 |",
        "- **Contacts with a key verified by phone, in person or by video:** 2 verified, 1 not verified",
    ] {
        assert!(md.contains(line), "{line:?} in\n{md}");
    }
    assert!(md.contains("3 to verified contacts, 1 to unverified contacts with a reason"), "{md}");
    assert!(md.contains(REASON), "{md}");
    for private in ["p-0042", "p-0043", "p-x", "p-y", "Jansen", PATIENT_FILE, "P. de Vries", "Q. Peeters"] {
        assert!(!md.contains(private), "{private} in the general report:\n{md}");
    }
    assert!(!md.contains("report-") && !md.contains("{ $"), "{md}");

    // Making a report is recorded, with its form.
    let log = h.clinician.json(&["log", "--action", "report"]);
    let forms: Vec<&str> = log["records"].as_array().unwrap().iter().map(|r| r["detail"].as_str().unwrap()).collect();
    assert_eq!(forms, ["json", "json", "text"]);

    // The Markdown file is the same text, written once, never over a file.
    let md_file = h.clinician.path("report.md");
    let written = h.json(&["-o", md_file.to_str().unwrap()]);
    assert_eq!(written["form"], "markdown");
    assert_eq!(written["report"]["personal_data"], r["personal_data"]);
    let text = std::fs::read_to_string(&md_file).unwrap();
    assert!(text.contains("- **Documents sent:** 4 with the recipient's key, 1 with a password"), "{text}");
    let again = h.report(&["-o", md_file.to_str().unwrap()]);
    assert_eq!(code(&again), 1, "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&md_file).unwrap(), text);
}

#[test]
fn a_report_file_must_be_html_or_markdown_and_a_bad_date_is_a_usage_error() {
    let h = history();
    let pdf = h.clinician.path("report.pdf");
    let out = h.report(&["-o", pdf.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains(".html or .md"), "{}", stderr(&out));
    assert!(!pdf.exists());
    for bad in [["--since", "last tuesday"], ["--evaluate-on", "2027-13-01"], ["--evaluate-on", "2020-01-01"]] {
        let out = h.report(&bad);
        assert_eq!(code(&out), 2, "{bad:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
    // Nothing was recorded as made, and no first-report day stored.
    let log = h.clinician.json(&["log", "--action", "report"]);
    assert_eq!(log["records"], serde_json::json!([]));
}

#[test]
fn since_filters_the_period_counts() {
    let h = history();
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let r = h.json(&["--since", &tomorrow]);
    let d = &r["personal_data"]["documents"];
    assert_eq!(count(&d["sent_by_key"]), 0, "{d:#}");
    assert_eq!(count(&d["sent_by_password"]), 0);
    assert_eq!(count(&d["opened_by_key"]), 0);
    assert_eq!(r["risks"]["unverified_sends"], serde_json::json!([]));
    assert!(r["period"]["from"].as_str().unwrap().starts_with(&tomorrow), "{r:#}");
    // The contact book is not a period count.
    assert_eq!(count(&r["personal_data"]["contacts"]["patients_with_key"]), 2);
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let r = h.json(&["--since", &yesterday]);
    assert_eq!(count(&r["personal_data"]["documents"]["sent_by_key"]), 4);
}

#[test]
fn the_evaluation_date_is_set_shown_and_warned_about_once_passed() {
    let h = history();
    let day = (chrono::Utc::now() + chrono::Duration::days(LATER_DAYS + 10)).format("%Y-%m-%d").to_string();
    let r = h.json(&["--evaluate-on", &day]);
    assert_eq!(r["evaluation"]["date"], day.as_str());
    assert_eq!(r["evaluation"]["source"], "set");
    assert_eq!(r["evaluation"]["passed"], false);
    let md = stdout(&h.report(&[]));
    assert!(md.contains("- **Date chosen:** set by the practice"), "{md}");
    assert!(md.contains("- **Audit log check:** intact:"), "{md}");
    // Two months on, the date has passed: the report says so, on stderr too.
    let much_later = (chrono::Utc::now() + chrono::Duration::days(LATER_DAYS + 60)).to_rfc3339();
    let out = h.clinician.cmd().env("CAREPOST_TEST_NOW", &much_later).arg("report").output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("has passed: review the measures"), "{}", stdout(&out));
    assert!(stderr(&out).contains("has passed"), "{}", stderr(&out));
}

#[test]
fn one_patients_report_lists_their_documents_and_nothing_of_another() {
    let h = history();
    let r = h.json(&["--contact", "p-0042"]);
    assert_eq!(r["alias"], "p-0042");
    assert_eq!(r["kind"], "patient");
    let events = r["events"].as_array().unwrap();
    let actions: Vec<(&str, &str)> =
        events.iter().map(|e| (e["action"].as_str().unwrap(), e["outcome"].as_str().unwrap())).collect();
    assert_eq!(actions.iter().filter(|a| **a == ("send", "success")).count(), 2, "{actions:?}");
    assert_eq!(actions.iter().filter(|a| **a == ("open", "success")).count(), 1, "{actions:?}");
    // The reply opened from them was purged. (The purges of the encrypted
    // outbox copies name the encrypted file's hash, which no send record
    // links to the patient: they are not listed.)
    assert_eq!(actions.iter().filter(|a| a.0 == "purge").count(), 1, "{actions:?}");
    let letter = events.iter().find(|e| e["document_sha256"] == h.hash_0042.as_str()).expect("the letter");
    assert_eq!(letter["path"], "key");
    assert!(letter["document_size"].as_u64().unwrap() > 0);
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.contains(&h.hash_0043), "another patient's document: {text}");
    assert!(!text.contains("p-0043") && !text.contains("gp-bakker"), "{text}");

    let md = stdout(&h.report(&["--contact", "p-0042"]));
    assert!(md.contains(&h.hash_0042), "{md}");
    assert!(md.contains("| sent | with the key |"), "{md}");
    assert!(md.contains("| deleted |"), "{md}");
    for absent in [h.hash_0043.as_str(), "p-0043", "gp-bakker", "p-x", PATIENT_FILE] {
        assert!(!md.contains(absent), "{absent} in p-0042's report:\n{md}");
    }
    let log = h.clinician.json(&["log", "--action", "report"]);
    assert_eq!(log["records"][0]["contact"], "p-0042");

    let out = h.report(&["--contact", "p-9999"]);
    assert_ne!(code(&out), 0);
}

/// The English sentences of the report's catalogue: values of three words
/// or more, up to their first variable.
fn english_sentences() -> Vec<String> {
    include_str!("../crates/carepost/src/i18n/en/report.ftl")
        .lines()
        .filter(|l| l.starts_with("report-"))
        .filter_map(|l| l.split_once(" = ").map(|(_, v)| v.split("{ $").next().unwrap_or_default().trim().to_owned()))
        .filter(|v| v.split_whitespace().count() >= 3)
        .collect()
}

#[test]
fn dutch_and_french_reports_hold_no_english_sentence() {
    let h = history();
    let sentences = english_sentences();
    assert!(sentences.len() > 60, "{}", sentences.len());
    for (lang, title) in [("nl", "Verantwoording"), ("fr", "Registre de responsabilité")] {
        for extra in [&[][..], &["--contact", "p-0042"][..]] {
            let out = h
                .clinician
                .cmd()
                .env("CAREPOST_TEST_NOW", &h.now)
                .args(["--lang", lang, "report"])
                .args(extra)
                .output()
                .unwrap();
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            let text = stdout(&out);
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for sentence in &sentences {
                assert!(!flat.contains(sentence.as_str()), "{lang}: English {sentence:?} in\n{text}");
            }
            assert!(!text.contains("report-") && !text.contains("{ $"), "{text}");
            if extra.is_empty() {
                assert!(text.contains(title), "{text}");
            }
        }
    }
}

#[test]
fn status_shows_the_accepted_risk() {
    let h = history();
    let status = h.clinician.json(&["status"]);
    assert_eq!(status["risks_accepted"], 1, "{status:#}");
    assert_eq!(status["recent_risks"][0]["reason"], REASON);
    assert_eq!(status["recent_risks"][0]["contacts"], serde_json::json!(["gp-bakker"]));
    let out = h.clinician.cmd().arg("status").output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("Risks accepted") && text.contains(REASON) && text.contains("gp-bakker"), "{text}");
}

#[test]
#[cfg_attr(missing_chromium, ignore = "chromium is not installed: the printed report is not checked")]
#[cfg_attr(missing_poppler, ignore = "poppler (pdftotext) is not installed: the printed report is not checked")]
fn the_html_report_prints_with_the_same_figures_and_no_patient() {
    let h = history();
    let page = h.clinician.path("report.html");
    ok_json(&h.report(&["--json", "-o", page.to_str().unwrap()]));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"), "{html}");
    assert!(!html.contains("<link") && !html.contains("src="), "nothing fetched");

    common::have_peer("chromium");
    let pdf = h.clinician.path("report.pdf");
    let profile = h.clinician.path("chromium-profile");
    let out = std::process::Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&page)
        .env("HOME", h.clinician.dir.path())
        .output()
        .unwrap();
    assert!(pdf.exists(), "chromium printed nothing: {}", String::from_utf8_lossy(&out.stderr));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for title in [
        "1. The application",
        "2. Personal data processed",
        "3. Where copies are and for how long",
        "4. Risks accepted",
        "5. Measures taken",
        "6. How patients are informed",
        "7. Evaluation",
    ] {
        assert!(flat.contains(title), "{title:?} in\n{text}");
    }
    for figure in [
        "2 with a key, 2 without a key",
        "4 with the recipient's key, 1 with a password",
        "1 with the practice's key, 0 with a password",
        "3 to verified contacts, 1 to unverified contacts with a reason",
        REASON,
    ] {
        assert!(flat.contains(figure), "{figure:?} in\n{text}");
    }
    assert!(!flat.contains("report-") && !flat.contains("{ $"), "{text}");
    for private in ["p-0042", "p-0043", "p-x", "p-y", "Jansen", PATIENT_FILE] {
        assert!(!flat.contains(private), "{private} in the printed report:\n{text}");
    }
}

#[test]
fn text_from_the_home_is_escaped_in_the_html_page() {
    let (clinician, _patient) = common::pair();
    let colleague = Carepost::with_identity("Dr. C. Claes", "c.claes@example.org");
    let c = &clinician;
    c.cmd()
        .args(["contact", "add", "gp-claes", "--colleague", "--key-file"])
        .arg(colleague.export_key())
        .assert()
        .success();
    let letter = write(c, "letter.txt", b"letter");
    let hostile = "checked <b>in person</b> & \"by fax\"";
    let out = c
        .cmd()
        .args(["--json", "send"])
        .arg(&letter)
        .args(["--to", "gp-claes", "--unverified-ok", hostile])
        .output()
        .unwrap();
    ok_json(&out);
    let page = c.path("report.html");
    c.cmd().args(["report", "-o"]).arg(&page).assert().success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("checked &lt;b&gt;in person&lt;/b&gt; &amp; &quot;by fax&quot;"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
}

#[test]
fn old_verifications_and_keys_that_expire_soon_are_reported_risks() {
    let h = history();
    // Thirty days on, every verification is older than one day.
    let r = h.json(&["--verification-age", "1"]);
    let old: Vec<&str> =
        r["risks"]["old_verifications"].as_array().unwrap().iter().map(|v| v["alias"].as_str().unwrap()).collect();
    assert_eq!(old, ["p-0042", "p-0043"], "{r:#}");
    assert_eq!(count(&r["risks"]["verification_age_days"]), 1);
    // Thirty days before the keys expire (they last three years): every key
    // with a send in the period is listed with its count.
    let near_expiry = (chrono::Utc::now() + chrono::Duration::days(3 * 365 - 30)).to_rfc3339();
    let out = h.clinician.cmd().env("CAREPOST_TEST_NOW", &near_expiry).args(["--json", "report"]).output().unwrap();
    let r = ok_json(&out);
    let expiring: Vec<(&str, u64)> = r["risks"]["keys_expiring"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["alias"].as_str().unwrap(), count(&k["sends"])))
        .collect();
    assert_eq!(expiring, [("gp-bakker", 1), ("p-0042", 2), ("p-0043", 1)], "{r:#}");
    // Not refreshed for more than a year, too.
    assert_eq!(r["risks"]["keys_not_refreshed"].as_array().unwrap().len(), 3, "{r:#}");
}

#[test]
fn leaflets_handed_out_are_counted_by_language() {
    let (clinician, _patient) = common::pair();
    let c = &clinician;
    c.cmd().args(["contact", "add", "p-x", "--patient", "--no-key"]).assert().success();
    let dir = c.dir.path();
    for (i, (lang, extra)) in
        [("nl", &[][..]), ("fr", &[][..]), ("fr", &["--for", "p-x"][..]), ("nl", &["--for", "p-0042"][..])]
            .iter()
            .enumerate()
    {
        c.cmd()
            .args(["--lang", lang, "leaflet", "-o"])
            .arg(dir.join(format!("leaflet-{i}.html")))
            .args(*extra)
            .assert()
            .success();
    }
    let r = c.json(&["report"]);
    assert_eq!(r["patients_informed"]["leaflets"], 4, "{r}");
    assert_eq!(r["patients_informed"]["leaflets_by_language"], serde_json::json!({"fr": 2, "nl": 2}), "{r}");
}
