//! `carepost leaflet`: the printable patient leaflet. It is rendered in a
//! real browser (Chromium, headless) to A4 PDF pages and to a screenshot:
//! the QR code scans (zbarimg) to the identity's `OPENPGP4FPR:` URI, and
//! the printed text carries every group and word of the fingerprint. The
//! Dutch and French leaflets hold no English sentence; the contact's path
//! is printed without their alias or email; values from the user and the
//! home are escaped; an existing file is never replaced; the audit log
//! records each leaflet with its language.

mod common;

use common::{code, ok_json, stderr, Carepost};
use std::path::{Path, PathBuf};
use std::process::Command;

const NAME: &str = "Dr. A. Jansen";
const EMAIL: &str = "a.jansen@praktijk.example";
const PRACTICE: &str = "Huisartsenpraktijk De Linde";

fn clinician() -> Carepost {
    Carepost::with_identity(NAME, EMAIL)
}

/// `carepost [--lang LANG] leaflet ARGS -o DIR/NAME --json`; the output path.
fn leaflet(cp: &Carepost, lang: &str, file: &str, args: &[&str]) -> (serde_json::Value, PathBuf) {
    let path = cp.path(file);
    let out = cp.cmd().args(["--lang", lang, "--json", "leaflet", "-o"]).arg(&path).args(args).output().unwrap();
    (ok_json(&out), path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The text a reader sees: tags, the style sheet and the QR code dropped,
/// the five escapes undone, whitespace collapsed.
fn visible_text(html: &str) -> String {
    let body = html.split("</style>").nth(1).expect("a style element");
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The English leaflet's sentences: each line of every value in
/// en/leaflet.ftl but the programs' names, up to its first variable, of
/// three words or more.
fn english_sentences() -> Vec<String> {
    let catalogue = include_str!("../crates/carepost/src/i18n/en/leaflet.ftl");
    let mut sentences = vec![];
    // The programs' names (leaflet-app-*) are the same in every language.
    let mut in_names = false;
    for line in catalogue.lines() {
        let value = match line.split_once(" = ") {
            Some((id, value)) if id.starts_with("leaflet-") => {
                in_names = id.starts_with("leaflet-app-");
                value
            }
            _ if line.starts_with("    ") => line,
            _ => continue,
        };
        if in_names {
            continue;
        }
        let fixed = value.split("{ $").next().unwrap_or_default().trim();
        if fixed.split_whitespace().count() >= 3 {
            sentences.push(fixed.to_owned());
        }
    }
    assert!(sentences.len() > 30, "en/leaflet.ftl has fewer sentences than expected: {}", sentences.len());
    sentences
}

/// Runs `program ARGS` and returns its stdout; panics with its stderr.
fn run(program: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Chromium, headless, with a profile of its own in `dir`.
fn chromium(dir: &Path, html: &Path, what: &[&str]) {
    if !common::have_peer("chromium") {
        return;
    }
    let profile = dir.join("chromium-profile");
    let out = Command::new("chromium")
        .env("HOME", dir)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(what)
        .arg(html)
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium: {}", String::from_utf8_lossy(&out.stderr));
}

fn print_to_pdf(dir: &Path, html: &Path) -> PathBuf {
    let pdf = html.with_extension("pdf");
    chromium(dir, html, &[&format!("--print-to-pdf={}", pdf.display())]);
    assert!(pdf.is_file(), "chromium made no PDF");
    pdf
}

/// Page count and the size of each page from `pdfinfo`.
fn pages(pdf: &Path) -> (usize, Vec<String>) {
    let info = run("pdfinfo", &["-f".as_ref(), "1".as_ref(), "-l".as_ref(), "99".as_ref(), pdf.as_os_str()]);
    let count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo names the page count");
    let sizes = info.lines().filter(|l| l.starts_with("Page ") && l.contains("size:")).map(|l| l.to_owned()).collect();
    (count, sizes)
}

#[test]
#[cfg_attr(missing_chromium, ignore = "needs chromium, zbarimg, pdftotext and pdfinfo")]
fn prints_on_at_most_two_a4_pages_with_the_fingerprint_and_a_qr_code_that_scans() {
    let cp = clinician();
    let fingerprint = cp.fingerprint();
    let words = cp.json(&["whoami"])["words"].as_str().unwrap().to_owned();
    for lang in ["en", "nl", "fr"] {
        let (result, html) =
            leaflet(&cp, lang, &format!("leaflet-{lang}.html"), &["--practice", PRACTICE, "--reach", "010 123 45 67"]);
        assert_eq!(result["language"], lang);
        assert_eq!(result["fingerprint"], fingerprint.as_str());
        let pdf = print_to_pdf(cp.dir.path(), &html);
        let (count, sizes) = pages(&pdf);
        assert!((1..=2).contains(&count), "{lang}: {count} pages");
        assert_eq!(sizes.len(), count, "{lang}: {sizes:?}");
        for size in &sizes {
            // A4 is 595.28 x 841.89 points; browsers round to their own units.
            let numbers: Vec<f64> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
            assert!(
                matches!(numbers[..], [_, w, h] if (w - 595.28f64).abs() < 1.0 && (h - 841.89f64).abs() < 1.0),
                "{lang}: not A4: {size}"
            );
        }
        let text = run("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for group in fingerprint.as_bytes().chunks(4) {
            let group = std::str::from_utf8(group).unwrap();
            assert!(flat.contains(group), "{lang}: hex group {group} not printed:\n{text}");
        }
        for word in words.split_whitespace() {
            assert!(flat.contains(word), "{lang}: PGP word {word} not printed:\n{text}");
        }
        assert!(flat.contains(PRACTICE), "{lang}: practice not printed");
        assert!(flat.contains("010 123 45 67"), "{lang}: contact line not printed");
    }

    // The QR code, as a phone's camera sees the page.
    let html = cp.path("leaflet-en.html");
    let png = cp.path("leaflet.png");
    chromium(
        cp.dir.path(),
        &html,
        &[&format!("--screenshot={}", png.display()), "--window-size=1000,1400", "--hide-scrollbars"],
    );
    if !common::have_peer("zbarimg") {
        return;
    }
    let decoded = run("zbarimg", &["--raw".as_ref(), "-q".as_ref(), png.as_os_str()]);
    assert_eq!(decoded.trim_end(), format!("OPENPGP4FPR:{fingerprint}"));
}

#[test]
fn dutch_and_french_leaflets_have_no_english_left() {
    let cp = clinician();
    let sentences = english_sentences();
    let (_, en) = leaflet(&cp, "en", "en.html", &[]);
    let english = visible_text(&read(&en));
    // The extraction finds the leaflet's sentences (some are only for
    // --for and --name, some are the command's own messages).
    let found = sentences.iter().filter(|s| english.contains(s.as_str())).count();
    assert!(found > 25, "only {found} of the English sentences are on the English leaflet:\n{english}");
    for lang in ["nl", "fr"] {
        let (_, path) = leaflet(&cp, lang, &format!("{lang}.html"), &[]);
        let html = read(&path);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        let text = visible_text(&html);
        assert_ne!(text, english, "{lang}: the same text as English");
        for sentence in &sentences {
            assert!(!text.contains(sentence.as_str()), "{lang}: English {sentence:?} untranslated in\n{text}");
        }
    }
}

#[test]
fn for_a_contact_the_path_is_printed_but_nothing_that_identifies_them() {
    let cp = clinician();
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    cp.add_verified("p-0042", &patient);
    let out = cp
        .cmd()
        .args(["contact", "add", "p-0043", "--patient", "--no-key", "--email", "m.peeters@example.be"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let (key, key_path) = leaflet(&cp, "en", "key.html", &["--for", "p-0042"]);
    assert_eq!(key["for"], "p-0042");
    assert_eq!(key["delivery"], "key");
    let html = read(&key_path);
    let text = visible_text(&html);
    assert!(text.contains("You will receive documents encrypted to your own key."), "{text}");
    let patient_fpr = patient.fingerprint();
    let grouped: Vec<&str> = patient_fpr.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect();
    assert!(text.contains(&grouped.join(" ")), "the key on record is printed");
    assert!(!text.contains("protected with a password"), "{text}");

    let (password, password_path) = leaflet(&cp, "en", "password.html", &["--for", "p-0043"]);
    assert_eq!(password["for"], "p-0043");
    assert_eq!(password["delivery"], "password");
    let password_html = read(&password_path);
    let password_text = visible_text(&password_html);
    assert!(password_text.contains("You will receive documents as a PDF file protected with a password."));
    assert!(!password_text.contains("encrypted to your own key"), "{password_text}");

    for page in [&html, &password_html] {
        for identifying in ["p-0042", "p-0043", "m.peeters@example.be", "p.devries@example.org", "P. de Vries"] {
            assert!(!page.contains(identifying), "{identifying} on the leaflet");
        }
    }

    // The patient's name only when given.
    let (_, named) = leaflet(&cp, "en", "named.html", &["--for", "p-0043", "--name", "M. Peeters"]);
    assert!(visible_text(&read(&named)).contains("This leaflet was prepared for: M. Peeters"));
    assert!(!password_html.contains("prepared for"));

    // Without --for: no path sentence, and JSON says so.
    let (general, general_path) = leaflet(&cp, "en", "general.html", &[]);
    assert_eq!(general["for"], serde_json::Value::Null);
    assert_eq!(general["delivery"], serde_json::Value::Null);
    let general_text = visible_text(&read(&general_path));
    assert!(!general_text.contains("You will receive documents"), "{general_text}");
}

#[test]
fn an_unknown_contact_is_the_usual_not_found_error_and_writes_nothing() {
    let cp = clinician();
    let path = cp.path("nobody.html");
    let out = cp.cmd().args(["leaflet", "--for", "p-9999", "-o"]).arg(&path).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("p-9999"), "{}", stderr(&out));
    assert!(!path.exists());
}

#[test]
fn hostile_values_are_escaped() {
    // Names with angle brackets are refused by init; "&" and quotes are not.
    let cp = Carepost::with_identity("Dr. \"Jansen\" & Zn", "dr@praktijk.example");
    let (_, path) = leaflet(
        &cp,
        "en",
        "hostile.html",
        &[
            "--practice",
            "Praktijk <img onerror=alert(2)> & \"Co\"",
            "--reach",
            "<script>alert(3)</script> 010",
            "--name",
            "</p><script>alert(4)</script>",
        ],
    );
    let html = read(&path);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("Dr. &quot;Jansen&quot; &amp; Zn"), "{html}");
    assert!(html.contains("Praktijk &lt;img onerror=alert(2)&gt; &amp; &quot;Co&quot;"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(3)&lt;/script&gt; 010"), "{html}");
    assert!(html.contains("&lt;/p&gt;&lt;script&gt;alert(4)&lt;/script&gt;"), "{html}");
}

#[test]
fn a_line_break_in_a_value_is_refused() {
    let cp = clinician();
    let path = cp.path("bad.html");
    let out = cp.cmd().args(["leaflet", "--practice", "De Linde\nline two", "-o"]).arg(&path).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("--practice"), "{}", stderr(&out));
    assert!(!path.exists());
}

#[test]
fn an_existing_file_is_never_replaced() {
    let cp = clinician();
    let path = common::write(&cp, "leaflet.html", b"the practice's own page");
    let out = cp.cmd().args(["leaflet", "-o"]).arg(&path).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert!(stderr(&out).contains("hint:"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), b"the practice's own page");
    let leftovers: Vec<_> = std::fs::read_dir(cp.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn practice_details_are_remembered_until_changed_or_cleared() {
    let cp = clinician();
    let (_, first) = leaflet(&cp, "en", "1.html", &["--practice", PRACTICE, "--reach", "010 123 45 67"]);
    assert!(read(&first).contains(PRACTICE));
    let (again, second) = leaflet(&cp, "en", "2.html", &[]);
    assert_eq!(again["practice"], PRACTICE);
    assert_eq!(again["reach"], "010 123 45 67");
    let text = visible_text(&read(&second));
    assert!(text.contains(PRACTICE) && text.contains("Contact: 010 123 45 67"), "{text}");
    // An empty value forgets: the name and email alone, the usual contact sentence.
    let (cleared, third) = leaflet(&cp, "en", "3.html", &["--practice", "", "--reach", ""]);
    assert_eq!(cleared["practice"], serde_json::Value::Null);
    let text = visible_text(&read(&third));
    assert!(!text.contains(PRACTICE), "{text}");
    assert!(text.contains("Contact the practice as you usually do."), "{text}");
    assert!(text.contains(NAME) && text.contains(EMAIL), "{text}");
}

#[test]
fn the_retention_periods_printed_are_the_homes() {
    let cp = clinician();
    cp.cmd().args(["retention", "set", "sent=30d", "received=3d"]).assert().success();
    let (_, path) = leaflet(&cp, "en", "retention.html", &[]);
    let text = visible_text(&read(&path));
    assert!(text.contains("it sends you for 30 days"), "{text}");
    assert!(text.contains("deleted from this system 3 days after"), "{text}");
}

#[test]
fn each_leaflet_is_recorded_with_its_language_and_contact() {
    let cp = clinician();
    cp.cmd().args(["contact", "add", "p-0043", "--patient", "--no-key"]).assert().success();
    leaflet(&cp, "nl", "nl.html", &[]);
    leaflet(&cp, "fr", "fr.html", &["--for", "p-0043", "--name", "M. Peeters"]);
    let log = cp.json(&["log"]);
    let records: Vec<&serde_json::Value> =
        log["records"].as_array().unwrap().iter().filter(|r| r["action"] == "leaflet").collect();
    assert_eq!(records.len(), 2, "{log}");
    assert_eq!(records[0]["detail"], "language nl");
    assert!(records[0].get("contact").is_none_or(|c| c.is_null()), "{log}");
    assert_eq!(records[1]["detail"], "language fr; password");
    assert_eq!(records[1]["contact"], "p-0043");
    assert!(!log.to_string().contains("Peeters"), "no patient name in the log");
}
