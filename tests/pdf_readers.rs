//! The password-encrypted PDFs carepost makes for a patient without an
//! OpenPGP key, opened by the PDF readers patients use: qpdf, poppler
//! (pdfinfo, pdftotext, pdfdetach), MuPDF (mutool), PDFium (Chrome and
//! Edge; PyPI's pypdfium2) and pdf.js (Firefox; npm's pdfjs-dist, run with
//! node). The drivers for the last three are in tests/readers/.
//!
//! Inputs, made here: a one-page PDF with known page text and a title, the
//! same PDF rewritten with object streams by qpdf, a structurally signed PDF
//! (a /Sig field whose /ByteRange covers the file), and a small real JPEG
//! (tests/fixtures/photo.jpg). For every reader and every input, the
//! encrypted PDF opens with the password, shows the original's page text
//! (or carries the input, byte for byte, as an attachment), and is refused
//! with a wrong password, an empty one and none.
//!
//! A reader missing on a developer's machine marks its test ignored (the
//! `missing_*` cfgs of build.rs); under CI every reader must be there.

mod common;

use carepost::i18n::Language;
use carepost::pdf::{self, AttachmentReason, Form, Protected};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The password the tests encrypt with: words and spaces, as carepost's
/// spoken passwords are (a test value, so it may be on a reader's argv).
const PASSWORD: &str = "appel tafel fiets molen kaas boom";
/// One letter off.
const WRONG_PASSWORD: &str = "appel tafel fiets molen kaas boon";
/// For poppler's command-line tools, which read at most 32 bytes of
/// `-upw` (longer passwords are cut, so refused): their own short one.
const SHORT_PASSWORD: &str = "appel tafel fiets molen";
const SHORT_WRONG_PASSWORD: &str = "appel tafel fiets molen!";
/// Accented letters, as French words may have (UTF-8, 25 bytes: short
/// enough for every reader), and the same without the accents.
const ACCENTED_PASSWORD: &str = "café élève forêt noël";
const UNACCENTED_PASSWORD: &str = "cafe eleve foret noel";

/// The text on the input PDF's only page, one line each.
const PAGE_LINES: [&str; 2] =
    ["Haemoglobin 8.9 mmol/L, within the reference range", "Ferritin 45 ug/L, sample taken on 3 March"];
/// The input PDF's title (its Info dictionary).
const TITLE: &str = "Lab result of Mrs Jansen-Verbeek";
/// The photo's file name: a patient's name, as real file names often carry.
const PHOTO_NAME: &str = "wound-jansen-verbeek.jpg";
/// The signer's name in the signed PDF's signature dictionary.
const SIGNER: &str = "Regional Lab Signing Service";

// ---------------------------------------------------------------------------
// The inputs
// ---------------------------------------------------------------------------

/// A one-page PDF written by hand: Helvetica text in an uncompressed
/// content stream (so the raw checks can first see that the input does hold
/// the text) and an Info dictionary with a title. `catalog_extra` and
/// `page_extra` go into the catalog and the page dictionary; `extra` are
/// objects 7, 8, ...
fn hand_pdf(catalog_extra: &str, page_extra: &str, extra: &[String]) -> Vec<u8> {
    let mut content = String::from("BT /F1 14 Tf 72 760 Td");
    for (i, line) in PAGE_LINES.iter().enumerate() {
        if i > 0 {
            content.push_str(" 0 -24 Td");
        }
        write!(content, " ({line}) Tj").unwrap();
    }
    content.push_str(" ET");
    let mut objects = vec![
        format!("<< /Type /Catalog /Pages 2 0 R{catalog_extra} >>"),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
             /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R{page_extra} >>"
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        format!("<< /Title ({TITLE}) /Producer (carepost tests) >>"),
    ];
    objects.extend(extra.iter().cloned());
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut tail = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        writeln!(tail, "{offset:010} 00000 n ").unwrap();
    }
    write!(
        tail,
        "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R \
         /ID [<5c0ffee05c0ffee05c0ffee05c0ffee0> <5c0ffee05c0ffee05c0ffee05c0ffee0>] >>\n\
         startxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out.extend_from_slice(tail.as_bytes());
    out
}

/// The lab result: the hand-written PDF as it is.
fn lab_pdf() -> Vec<u8> {
    hand_pdf("", "", &[])
}

/// The lab result with object streams and a cross-reference stream, as many
/// programs write PDFs today (qpdf's rewrite, which also compresses).
fn lab_pdf_with_object_streams(work: &Path) -> Vec<u8> {
    let plain = work.join("object-streams-in.pdf");
    let rewritten = work.join("object-streams-out.pdf");
    std::fs::write(&plain, lab_pdf()).unwrap();
    let out = run(Command::new("qpdf").arg("--object-streams=generate").arg(&plain).arg(&rewritten));
    assert!(out.status.success(), "qpdf --object-streams=generate: {}", common::stderr(&out));
    let bytes = std::fs::read(&rewritten).unwrap();
    assert!(contains(&bytes, b"/ObjStm"), "qpdf wrote no object stream: the input would not test what it should");
    bytes
}

/// The lab result signed the way lab systems sign: an AcroForm signature
/// field whose value has a /ByteRange covering the whole file but the
/// /Contents hex string, which holds (in place of a real PKCS#7 blob) the
/// SHA-256 of the covered bytes. Structurally signed; no certificate.
fn signed_pdf() -> Vec<u8> {
    const PLACEHOLDER: &str = "/ByteRange [0000000000 0000000000 0000000000 0000000000]";
    const CONTENTS_HEX: usize = 2 * 1024;
    let field = "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) \
                 /Rect [0 0 0 0] /F 132 /P 3 0 R /V 8 0 R >>"
        .to_string();
    let signature = format!(
        "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached \
         /Name ({SIGNER}) /M (D:20260303101500Z) {PLACEHOLDER} /Contents <{}> >>",
        "0".repeat(CONTENTS_HEX)
    );
    let mut bytes = hand_pdf(" /AcroForm << /Fields [7 0 R] /SigFlags 3 >>", " /Annots [7 0 R]", &[field, signature]);
    let contents_start = find(&bytes, b"/Contents <0").unwrap() + b"/Contents ".len();
    let contents_end = contents_start + CONTENTS_HEX + 2;
    let ranges = [0, contents_start, contents_end, bytes.len() - contents_end];
    let byte_range = format!("/ByteRange [{:010} {:010} {:010} {:010}]", ranges[0], ranges[1], ranges[2], ranges[3]);
    let at = find(&bytes, PLACEHOLDER.as_bytes()).unwrap();
    bytes[at..at + PLACEHOLDER.len()].copy_from_slice(byte_range.as_bytes());
    let mut covered = bytes[..contents_start].to_vec();
    covered.extend_from_slice(&bytes[contents_end..]);
    let digest = sha256(&covered);
    bytes[contents_start + 1..contents_start + 1 + digest.len()].copy_from_slice(digest.as_bytes());
    bytes
}

/// A small real JPEG (tests/fixtures/README.md says how it was made).
fn photo() -> Vec<u8> {
    let bytes = std::fs::read(common::workspace_root().join("tests/fixtures/photo.jpg")).unwrap();
    assert!(bytes.starts_with(b"\xff\xd8\xff") && bytes.ends_with(b"\xff\xd9"));
    bytes
}

/// What a reader must find in carepost's output for one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// The same pages, re-encrypted.
    SamePages,
    /// The input, unchanged, as the one attachment behind a cover page.
    Attachment(AttachmentReason),
}

/// One input, and carepost's encrypted PDF of it.
struct Case {
    label: &'static str,
    file_name: &'static str,
    input: Vec<u8>,
    expect: Expect,
    protected: Protected,
}

fn case(label: &'static str, file_name: &'static str, input: Vec<u8>, expect: Expect) -> Case {
    case_with(label, file_name, input, expect, PASSWORD)
}

fn case_with(label: &'static str, file_name: &'static str, input: Vec<u8>, expect: Expect, password: &str) -> Case {
    let protected = pdf::protect(&input, file_name, Language::Nl, password)
        .unwrap_or_else(|e| panic!("{label}: carepost could not protect it: {e}"));
    let form = match expect {
        Expect::SamePages => Form::Encrypted,
        Expect::Attachment(reason) => Form::Attachment { reason },
    };
    assert_eq!(protected.form, form, "{label}: the form carepost chose");
    Case { label, file_name, input, expect, protected }
}

/// The inputs every check runs on, without the one that needs qpdf,
/// encrypted with `password`.
fn hand_made_cases(password: &str) -> Vec<Case> {
    vec![
        case_with("lab result PDF", "lab-result.pdf", lab_pdf(), Expect::SamePages, password),
        case_with(
            "signed lab result PDF",
            "signed-result.pdf",
            signed_pdf(),
            Expect::Attachment(AttachmentReason::SignedPdf),
            password,
        ),
        case_with("JPEG photo", PHOTO_NAME, photo(), Expect::Attachment(AttachmentReason::NotPdf), password),
    ]
}

/// Every input, including the one with object streams (qpdf makes it).
fn all_cases(work: &Path, password: &str) -> Vec<Case> {
    let mut cases = hand_made_cases(password);
    cases.insert(
        1,
        case_with(
            "lab result PDF with object streams",
            "lab-result-objstm.pdf",
            lab_pdf_with_object_streams(work),
            Expect::SamePages,
            password,
        ),
    );
    cases
}

// ---------------------------------------------------------------------------
// The readers
// ---------------------------------------------------------------------------

/// What a reader made of one file.
#[derive(Debug)]
enum Outcome {
    Opened(Opened),
    /// The reader asked for a password, or refused the one given.
    PasswordRefused(String),
    /// Any other failure: a bug in carepost's output or in the harness.
    Failed(String),
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Opened(opened) => write!(
                f,
                "opened: {} pages, page 1 {:?}, attachments {:?}",
                opened.pages, opened.text, opened.attachments
            ),
            Outcome::PasswordRefused(detail) => write!(f, "password refused: {}", detail.trim()),
            Outcome::Failed(detail) => write!(f, "failed: {}", detail.trim()),
        }
    }
}

#[derive(Debug, Default)]
struct Opened {
    pages: usize,
    /// Page 1 as the reader extracts it (qpdf: page 1's decoded content
    /// stream, as qpdf has no text extraction).
    text: String,
    attachments: Vec<Found>,
}

/// An embedded file, as a reader decoded it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    name: String,
    size: u64,
    sha256: String,
}

impl Found {
    fn of(name: &str, data: &[u8]) -> Found {
        Found { name: name.to_string(), size: data.len() as u64, sha256: sha256(data) }
    }
}

trait Reader {
    fn name(&self) -> &'static str;
    /// Whether `text` is text as the patient sees it (false for qpdf).
    fn extracts_text(&self) -> bool {
        true
    }
    /// Opens `file` with `password` (None: without one) in `work`.
    fn open(&self, work: &Path, file: &Path, password: Option<&str>) -> Outcome;
}

/// Writes the password to a file of its own (first line), for the readers
/// that take one there or on standard input.
fn password_file(work: &Path, password: &str) -> PathBuf {
    let path = work.join("password.txt");
    common::write_secret(&path, format!("{password}\n").as_bytes());
    path
}

fn run(command: &mut Command) -> Output {
    let program = command.get_program().to_string_lossy().into_owned();
    command.stdin(Stdio::null()).output().unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

/// Runs `command` with `stdin` as its standard input.
fn run_with_stdin(command: &mut Command, stdin: &[u8]) -> Output {
    use std::io::Write as _;
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Fresh scratch directory for one reader run.
fn scratch(work: &Path, name: &str) -> PathBuf {
    let dir = work.join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// qpdf: `--check`, `--decrypt`, then the decrypted copy's pages, page 1's
/// content and its attachments. The password goes in `--password-file`.
struct Qpdf;

impl Reader for Qpdf {
    fn name(&self) -> &'static str {
        "qpdf"
    }

    fn extracts_text(&self) -> bool {
        false
    }

    fn open(&self, work: &Path, file: &Path, password: Option<&str>) -> Outcome {
        let dir = scratch(work, "qpdf");
        let mut args = Vec::new();
        if let Some(password) = password {
            let path = password_file(&dir, password);
            args.push(format!("--password-file={}", path.display()));
        }
        let check = run(Command::new("qpdf").args(&args).arg("--check").arg(file));
        let err = common::stderr(&check);
        if err.contains("invalid password") {
            return Outcome::PasswordRefused(err);
        }
        // 0: no problem; 3: warnings only.
        if !matches!(check.status.code(), Some(0 | 3))
            || !common::stdout(&check).contains("No syntax or stream encoding errors")
        {
            return Outcome::Failed(format!("qpdf --check: {err}{}", common::stdout(&check)));
        }
        let decrypted = dir.join("decrypted.pdf");
        let out = run(Command::new("qpdf").args(&args).arg("--decrypt").arg(file).arg(&decrypted));
        if !matches!(out.status.code(), Some(0 | 3)) {
            return Outcome::Failed(format!("qpdf --decrypt: {}", common::stderr(&out)));
        }
        let out = run(Command::new("qpdf").arg("--show-npages").arg(&decrypted));
        let Ok(pages) = common::stdout(&out).trim().parse::<usize>() else {
            return Outcome::Failed(format!("qpdf --show-npages: {}", common::stderr(&out)));
        };
        let out = run(Command::new("qpdf").args(["--json", "--json-key=pages"]).arg(&decrypted));
        let json: serde_json::Value = match serde_json::from_slice(&out.stdout) {
            Ok(json) => json,
            Err(e) => return Outcome::Failed(format!("qpdf --json: {e}: {}", common::stderr(&out))),
        };
        let mut text = String::new();
        for content in json["pages"][0]["contents"].as_array().into_iter().flatten() {
            let number = content.as_str().unwrap_or_default().split(' ').next().unwrap_or_default();
            let out = run(Command::new("qpdf")
                .arg(format!("--show-object={number}"))
                .arg("--filtered-stream-data")
                .arg(&decrypted));
            if !out.status.success() {
                return Outcome::Failed(format!("qpdf --show-object: {}", common::stderr(&out)));
            }
            text.push_str(&String::from_utf8_lossy(&out.stdout));
            text.push('\n');
        }
        let out = run(Command::new("qpdf").arg("--list-attachments").arg(&decrypted));
        if !out.status.success() {
            return Outcome::Failed(format!("qpdf --list-attachments: {}", common::stderr(&out)));
        }
        let mut attachments = Vec::new();
        for line in common::stdout(&out).lines() {
            let Some((key, _)) = line.rsplit_once(" -> ") else {
                continue;
            };
            let data = run(Command::new("qpdf").arg(format!("--show-attachment={key}")).arg(&decrypted));
            if !data.status.success() {
                return Outcome::Failed(format!("qpdf --show-attachment: {}", common::stderr(&data)));
            }
            attachments.push(Found::of(key, &data.stdout));
        }
        Outcome::Opened(Opened { pages, text, attachments })
    }
}

/// poppler's tools: `pdfinfo`, `pdftotext` and `pdfdetach`, each with
/// `-upw` (the only way they take a password, 32 bytes at most).
struct Poppler;

impl Reader for Poppler {
    fn name(&self) -> &'static str {
        "poppler (tools)"
    }

    fn open(&self, work: &Path, file: &Path, password: Option<&str>) -> Outcome {
        let dir = scratch(work, "poppler");
        let upw: Vec<&str> = password.map(|p| vec!["-upw", p]).unwrap_or_default();
        let info = run(Command::new("pdfinfo").args(&upw).arg(file));
        let err = common::stderr(&info);
        if err.contains("Incorrect password") {
            return Outcome::PasswordRefused(err);
        }
        if !info.status.success() {
            return Outcome::Failed(format!("pdfinfo: {err}"));
        }
        let Some(pages) = field(&common::stdout(&info), "Pages:").and_then(|p| p.parse().ok()) else {
            return Outcome::Failed(format!("pdfinfo printed no page count: {}", common::stdout(&info)));
        };
        let text =
            run(Command::new("pdftotext").args(&upw).args(["-f", "1", "-l", "1", "-enc", "UTF-8"]).arg(file).arg("-"));
        if !text.status.success() {
            return Outcome::Failed(format!("pdftotext: {}", common::stderr(&text)));
        }
        let list = run(Command::new("pdfdetach").args(&upw).arg("-list").arg(file));
        if !list.status.success() {
            return Outcome::Failed(format!("pdfdetach -list: {}", common::stderr(&list)));
        }
        let mut attachments = Vec::new();
        // "N embedded files", then "1: name" per file.
        for line in common::stdout(&list).lines().skip(1) {
            let Some((number, name)) = line.split_once(": ") else {
                return Outcome::Failed(format!("pdfdetach -list printed {line:?}"));
            };
            let saved = dir.join(format!("{number}.bin"));
            let out = run(Command::new("pdfdetach").args(&upw).args(["-save", number, "-o"]).arg(&saved).arg(file));
            if !out.status.success() {
                return Outcome::Failed(format!("pdfdetach -save: {}", common::stderr(&out)));
            }
            attachments.push(Found::of(name, &std::fs::read(&saved).unwrap()));
        }
        Outcome::Opened(Opened { pages, text: common::stdout(&text), attachments })
    }
}

/// MuPDF: `mutool info` and `mutool draw -F txt` with `-p` (mutool's only
/// way for these), and for embedded files tests/readers/mupdf_attachments.js
/// run by `mutool run`, with the password on standard input.
struct Mupdf;

impl Reader for Mupdf {
    fn name(&self) -> &'static str {
        "MuPDF"
    }

    fn open(&self, work: &Path, file: &Path, password: Option<&str>) -> Outcome {
        let dir = scratch(work, "mupdf");
        let p: Vec<&str> = password.map(|p| vec!["-p", p]).unwrap_or_default();
        let info = run(Command::new("mutool").arg("info").args(&p).arg(file));
        let err = common::stderr(&info);
        if err.contains("cannot authenticate password") {
            return Outcome::PasswordRefused(err);
        }
        if !info.status.success() {
            return Outcome::Failed(format!("mutool info: {err}"));
        }
        let Some(pages) = field(&common::stdout(&info), "Pages:").and_then(|p| p.parse().ok()) else {
            return Outcome::Failed(format!("mutool info printed no page count: {}", common::stdout(&info)));
        };
        let text = run(Command::new("mutool").args(["draw", "-q", "-F", "txt", "-o", "-"]).args(&p).arg(file).arg("1"));
        if !text.status.success() {
            return Outcome::Failed(format!("mutool draw: {}", common::stderr(&text)));
        }
        let script = readers_dir().join("mupdf_attachments.js");
        let mut command = Command::new("mutool");
        command.arg("run").arg(script).arg(file).arg(&dir);
        let out = match password {
            Some(password) => {
                command.arg("--password-stdin");
                run_with_stdin(&mut command, format!("{password}\n").as_bytes())
            }
            None => run(&mut command),
        };
        let report = match driver_report(&out, "mutool run mupdf_attachments.js") {
            Ok(report) => report,
            Err(outcome) => return outcome,
        };
        let mut attachments = Vec::new();
        for attachment in report["attachments"].as_array().into_iter().flatten() {
            let data = std::fs::read(attachment["file"].as_str().unwrap_or_default()).unwrap();
            assert_eq!(Some(data.len() as u64), attachment["size"].as_u64());
            attachments.push(Found::of(attachment["name"].as_str().unwrap_or_default(), &data));
        }
        Outcome::Opened(Opened { pages, text: common::stdout(&text), attachments })
    }
}

/// poppler's library (tests/readers/poppler_open.py), PDFium
/// (tests/readers/pdfium_open.py) and pdf.js (tests/readers/pdfjs_open.mjs):
/// one JSON report each, the password on standard input.
struct Driver {
    name: &'static str,
    program: &'static str,
    script: &'static str,
}

/// Debian's own Python, which has python3-gi (the python3 on PATH may be
/// another one).
const DEBIAN_PYTHON: &str = "/usr/bin/python3";

const POPPLER_GLIB: Driver = Driver { name: "poppler (library)", program: DEBIAN_PYTHON, script: "poppler_open.py" };
const PDFIUM: Driver = Driver { name: "PDFium", program: "python3", script: "pdfium_open.py" };
const PDFJS: Driver = Driver { name: "pdf.js", program: "node", script: "pdfjs_open.mjs" };

impl Reader for Driver {
    fn name(&self) -> &'static str {
        self.name
    }

    fn open(&self, _work: &Path, file: &Path, password: Option<&str>) -> Outcome {
        let mut command = Command::new(self.program);
        command.arg(readers_dir().join(self.script)).arg(file);
        let out = match password {
            Some(password) => {
                command.arg("--password-stdin");
                run_with_stdin(&mut command, format!("{password}\n").as_bytes())
            }
            None => run(&mut command),
        };
        let report = match driver_report(&out, self.script) {
            Ok(report) => report,
            Err(outcome) => return outcome,
        };
        let attachments = report["attachments"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| Found {
                name: a["name"].as_str().unwrap_or_default().to_string(),
                size: a["size"].as_u64().unwrap_or(u64::MAX),
                sha256: a["sha256"].as_str().unwrap_or_default().to_string(),
            })
            .collect();
        Outcome::Opened(Opened {
            pages: report["pages"].as_u64().unwrap_or(0) as usize,
            text: report["text_page1"].as_str().unwrap_or_default().to_string(),
            attachments,
        })
    }
}

/// A driver's JSON report when it opened the file, else the outcome.
fn driver_report(out: &Output, what: &str) -> Result<serde_json::Value, Outcome> {
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        Outcome::Failed(format!("{what} printed no JSON ({e}): {}{}", common::stdout(out), common::stderr(out)))
    })?;
    match report["error"].as_str() {
        None if report["ok"] == true => Ok(report),
        Some("password") => Err(Outcome::PasswordRefused(report["detail"].to_string())),
        _ => Err(Outcome::Failed(format!("{what}: {report}; {}", common::stderr(out)))),
    }
}

fn readers_dir() -> PathBuf {
    common::workspace_root().join("tests/readers")
}

/// The value after `name` on the line that starts with it.
fn field(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|line| line.strip_prefix(name)).map(|value| value.trim().to_string())
}

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

/// Words separated by single spaces: readers lay out lines differently.
fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The password a reader is tested with, and a wrong one.
struct Passwords {
    right: &'static str,
    wrong: &'static str,
}

const SPOKEN: Passwords = Passwords { right: PASSWORD, wrong: WRONG_PASSWORD };
const SHORT: Passwords = Passwords { right: SHORT_PASSWORD, wrong: SHORT_WRONG_PASSWORD };
const ACCENTED: Passwords = Passwords { right: ACCENTED_PASSWORD, wrong: UNACCENTED_PASSWORD };

/// Opens every case's encrypted PDF in `reader`, with the right password,
/// a wrong one, an empty one and none, and fails listing every problem.
/// The lab result is also encrypted with a password with accents.
fn exercise(reader: &dyn Reader, passwords: &Passwords) {
    let work = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    let accented = case_with(
        "lab result PDF, password with accents",
        "lab-result.pdf",
        lab_pdf(),
        Expect::SamePages,
        ACCENTED.right,
    );
    let cases = all_cases(work.path(), passwords.right).into_iter().map(|case| (case, passwords));
    for (case, passwords) in cases.chain([(accented, &ACCENTED)]) {
        let before = problems.len();
        check_case(reader, work.path(), &case, passwords, &mut problems);
        let verdict = if problems.len() == before { "ok" } else { "FAILED" };
        eprintln!("{}: {} ({}): {verdict}", reader.name(), case.label, case.protected.form.as_str());
    }
    assert!(problems.is_empty(), "{}:\n{}", reader.name(), problems.join("\n"));
}

fn check_case(reader: &dyn Reader, work: &Path, case: &Case, passwords: &Passwords, problems: &mut Vec<String>) {
    let name = reader.name();
    let label = case.label;
    let input = work.join(format!("input-{}", case.file_name));
    let encrypted = work.join("encrypted.pdf");
    std::fs::write(&input, &case.input).unwrap();
    std::fs::write(&encrypted, &case.protected.bytes).unwrap();

    let opened = match reader.open(work, &encrypted, Some(passwords.right)) {
        Outcome::Opened(opened) => opened,
        other => {
            problems.push(format!("{name}: {label}: the password did not open it: {other}"));
            return;
        }
    };
    match case.expect {
        Expect::SamePages => {
            let original = match reader.open(work, &input, None) {
                Outcome::Opened(original) => original,
                other => panic!("{name}: {label}: the unencrypted input does not open: {other}"),
            };
            if opened.pages != original.pages {
                problems.push(format!("{name}: {label}: {} pages, the original has {}", opened.pages, original.pages));
            }
            if normalized(&opened.text) != normalized(&original.text) {
                problems.push(format!(
                    "{name}: {label}: page 1 differs from the original's:\n  encrypted: {:?}\n  original:  {:?}",
                    normalized(&opened.text),
                    normalized(&original.text)
                ));
            }
            if reader.extracts_text() {
                for line in PAGE_LINES {
                    if !normalized(&opened.text).contains(line) {
                        problems.push(format!("{name}: {label}: page 1 lacks {line:?}: {:?}", opened.text));
                    }
                }
            }
            if opened.attachments != original.attachments {
                problems.push(format!(
                    "{name}: {label}: attachments {:?}, the original has {:?}",
                    opened.attachments, original.attachments
                ));
            }
        }
        Expect::Attachment(_) => {
            let expected = Found::of(case.file_name, &case.input);
            // The same file may be listed twice: once from the document's
            // EmbeddedFiles, once from a paper-clip annotation on the
            // cover page pointing to it (poppler's pdfdetach lists both).
            let mut listed = opened.attachments.clone();
            listed.dedup();
            match listed.as_slice() {
                [found] if found.size == expected.size && found.sha256 == expected.sha256 => {
                    // The patient saves it under this name: its extension
                    // must still say which program opens it.
                    let extension = Path::new(case.file_name).extension().unwrap().to_str().unwrap();
                    if !found.name.to_lowercase().ends_with(&format!(".{extension}")) {
                        problems.push(format!("{name}: {label}: the attachment is named {:?}", found.name));
                    }
                }
                other => problems.push(format!(
                    "{name}: {label}: expected the input unchanged as the one attachment \
                     ({} bytes, SHA-256 {}), found {other:?}",
                    expected.size, expected.sha256
                )),
            }
            if opened.pages == 0 || normalized(&opened.text).is_empty() {
                problems.push(format!(
                    "{name}: {label}: the cover page is missing or blank: {} pages, page 1 {:?}",
                    opened.pages, opened.text
                ));
            }
        }
    }

    for (what, password) in
        [("a wrong password", Some(passwords.wrong)), ("an empty password", Some("")), ("no password", None)]
    {
        match reader.open(work, &encrypted, password) {
            Outcome::PasswordRefused(_) => {}
            other => problems.push(format!("{name}: {label}: {what} was not refused as a password: {other}")),
        }
    }
}

#[test]
#[cfg_attr(missing_qpdf, ignore = "needs qpdf, not installed (.ci/run installs it)")]
fn qpdf_opens_each_encrypted_pdf_with_the_password_only() {
    common::have_peer("qpdf");
    exercise(&Qpdf, &SPOKEN);
}

/// poppler's library, as GNOME's viewers use it, with carepost's passwords.
#[test]
#[cfg_attr(
    missing_poppler_glib,
    ignore = "needs Debian's python3-gi, gir1.2-poppler-0.18 and qpdf, not installed (.ci/run installs them)"
)]
fn poppler_opens_each_encrypted_pdf_with_the_password_only() {
    common::have_peer("qpdf");
    have_program(DEBIAN_PYTHON, &["-c", "import gi; gi.require_version('Poppler', '0.18')"]);
    exercise(&POPPLER_GLIB, &SPOKEN);
}

/// poppler's command-line tools, with a password they can take (32 bytes
/// at most: longer ones are cut, and so refused).
#[test]
#[cfg_attr(missing_poppler, ignore = "needs poppler-utils and qpdf, not installed (.ci/run installs them)")]
fn poppler_tools_open_each_encrypted_pdf_with_a_short_password_only() {
    common::have_peer("qpdf");
    have_program("pdfinfo", &["-v"]);
    assert!(SHORT.right.len() <= 32 && SHORT.wrong.len() <= 32);
    exercise(&Poppler, &SHORT);
}

#[test]
#[cfg_attr(missing_mupdf, ignore = "needs mupdf-tools and qpdf, not installed (.ci/run installs them)")]
fn mupdf_opens_each_encrypted_pdf_with_the_password_only() {
    common::have_peer("qpdf");
    have_program("mutool", &["-v"]);
    exercise(&Mupdf, &SPOKEN);
}

#[test]
#[cfg_attr(missing_pdfium, ignore = "needs PyPI's pypdfium2 and qpdf, not installed (.ci/run installs them)")]
fn pdfium_opens_each_encrypted_pdf_with_the_password_only() {
    common::have_peer("qpdf");
    have_program("python3", &["-c", "import pypdfium2"]);
    exercise(&PDFIUM, &SPOKEN);
}

#[test]
#[cfg_attr(
    missing_pdfjs,
    ignore = "needs node, qpdf and npm's pdfjs-dist (`npm ci --prefix tests/readers`), not installed"
)]
fn pdfjs_opens_each_encrypted_pdf_with_the_password_only() {
    common::have_peer("qpdf");
    have_program(
        "node",
        &[
            "-e",
            "require.resolve('pdfjs-dist/package.json', { paths: [process.argv[1]] })",
            &readers_dir().to_string_lossy(),
        ],
    );
    exercise(&PDFJS, &SPOKEN);
}

/// Fails (via common::missing_peer) when `program args` does not succeed.
fn have_program(program: &str, args: &[&str]) {
    let ok = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        common::missing_peer(&format!("`{program} {}` fails", args.join(" ")));
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

fn sha256(data: &[u8]) -> String {
    carepost::hashing::sha256_of(&mut &data[..]).unwrap().0
}

/// The raw file holds none of the page text, the title, the photo's name
/// or any piece of the attachment: all of it is encrypted. Each needle is
/// first found in the input (or is the input's name), so that the check
/// can fail.
#[test]
fn the_raw_encrypted_file_holds_no_plaintext() {
    let mut problems = Vec::new();
    for case in hand_made_cases(PASSWORD) {
        let mut needles: Vec<(String, Vec<u8>)> = Vec::new();
        if case.input.starts_with(b"%PDF-") {
            for line in PAGE_LINES {
                needles.push((format!("page text {line:?}"), line.as_bytes().to_vec()));
            }
            needles.push((format!("title {TITLE:?}"), TITLE.as_bytes().to_vec()));
            if case.expect == Expect::Attachment(AttachmentReason::SignedPdf) {
                needles.push((format!("signer {SIGNER:?}"), SIGNER.as_bytes().to_vec()));
            }
        } else {
            // Every 32-byte piece of the photo, at 16-byte steps.
            for start in (0..case.input.len().saturating_sub(32)).step_by(16) {
                needles.push((format!("photo bytes at {start}"), case.input[start..start + 32].to_vec()));
            }
        }
        for (what, needle) in &needles {
            assert!(contains(&case.input, needle), "{}: the input lacks its own {what}", case.label);
        }
        needles.push((format!("file name {:?}", case.file_name), case.file_name.as_bytes().to_vec()));
        needles.push(("the password".to_string(), PASSWORD.as_bytes().to_vec()));
        for (what, needle) in &needles {
            if contains(&case.protected.bytes, needle) {
                problems.push(format!("{}: the encrypted file holds the {what} in clear", case.label));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// qpdf reads the encryption dictionary: PDF 2.0's security handler
/// revision 6 with AES-256 for streams, strings and embedded files,
/// metadata encrypted too; the password given is the user password, not
/// the owner password; and the owner password is not empty (an empty one
/// would let qpdf open the file with no password at all).
#[test]
#[cfg_attr(missing_qpdf, ignore = "needs qpdf, not installed (.ci/run installs it)")]
fn qpdf_reports_aes_256_revision_6_with_metadata_encrypted_and_a_separate_owner_password() {
    common::have_peer("qpdf");
    let work = tempfile::tempdir().unwrap();
    let password = password_file(work.path(), PASSWORD);
    let password_arg = format!("--password-file={}", password.display());
    let mut problems = Vec::new();
    for case in all_cases(work.path(), PASSWORD) {
        let label = case.label;
        let file = work.path().join("encrypted.pdf");
        std::fs::write(&file, &case.protected.bytes).unwrap();

        let out = run(Command::new("qpdf").arg(&password_arg).arg("--show-encryption").arg(&file));
        let shown = common::stdout(&out);
        for line in [
            "R = 6",
            "Supplied password is user password",
            "stream encryption method: AESv3",
            "string encryption method: AESv3",
            "file encryption method: AESv3",
        ] {
            if !shown.lines().any(|l| l.trim() == line) {
                problems.push(format!("{label}: qpdf --show-encryption lacks {line:?}:\n{shown}"));
            }
        }

        let out = run(Command::new("qpdf").arg(&password_arg).args(["--json", "--json-key=encrypt"]).arg(&file));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let encrypt = &json["encrypt"];
        if encrypt["parameters"]["bits"] != 256 || encrypt["parameters"]["V"] != 5 {
            problems.push(format!("{label}: not a 256-bit V5 key: {encrypt}"));
        }
        if encrypt["userpasswordmatched"] != true || encrypt["ownerpasswordmatched"] != false {
            problems.push(format!(
                "{label}: the password should match the user password only \
                 (an owner password equal to it would match both): {encrypt}"
            ));
        }

        // /EncryptMetadata is absent (its default, true) or true.
        let out = run(Command::new("qpdf").arg(&password_arg).arg("--show-object=trailer").arg(&file));
        let trailer = common::stdout(&out);
        match trailer.split("/Encrypt ").nth(1).and_then(|rest| rest.split(' ').next()) {
            Some(number) => {
                let out =
                    run(Command::new("qpdf").arg(&password_arg).arg(format!("--show-object={number}")).arg(&file));
                let dictionary = common::stdout(&out);
                if dictionary.contains("/EncryptMetadata false") || !dictionary.contains("/R 6") {
                    problems.push(format!("{label}: encryption dictionary {dictionary}"));
                }
            }
            None => problems.push(format!("{label}: no /Encrypt in the trailer: {trailer}")),
        }

        // No password at all: qpdf tries the empty one, as user and as
        // owner password. It must fail.
        let out = run(Command::new("qpdf").arg("--check").arg(&file));
        if out.status.success() || !common::stderr(&out).contains("invalid password") {
            problems.push(format!(
                "{label}: qpdf opened it without a password (is the owner password empty?): {}",
                common::stderr(&out)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// carepost chooses the form from the content, not the name, and opens its
/// own output with the password (`pdf::check`, used by `carepost open`).
#[test]
fn the_form_follows_the_content_and_carepost_checks_its_own_output() {
    let renamed_pdf = case("PDF named .jpg", "lab-result.jpg", lab_pdf(), Expect::SamePages);
    let renamed_photo = case("JPEG named .pdf", "photo.pdf", photo(), Expect::Attachment(AttachmentReason::NotPdf));
    for case in hand_made_cases(PASSWORD).into_iter().chain([renamed_pdf, renamed_photo]) {
        let label = case.label;
        assert!(pdf::looks_like_pdf(&case.protected.bytes), "{label}");
        let checked = pdf::check(&case.protected.bytes, PASSWORD)
            .unwrap_or_else(|e| panic!("{label}: carepost does not open its own output: {e}"));
        assert_eq!(checked.revision, 6, "{label}");
        assert!(checked.metadata_encrypted, "{label}");
        assert!(checked.pages >= 1, "{label}");
        match case.expect {
            Expect::SamePages => assert!(checked.attachments.is_empty(), "{label}"),
            Expect::Attachment(_) => {
                assert_eq!(checked.attachments.len(), 1, "{label}");
                assert!(checked.attachments[0].data == case.input, "{label}: the attachment changed");
                assert_eq!(checked.attachments[0].size, case.input.len() as u64, "{label}");
            }
        }
        assert!(pdf::check(&case.protected.bytes, WRONG_PASSWORD).is_err(), "{label}: wrong password");
        assert!(pdf::check(&case.protected.bytes, "").is_err(), "{label}: empty password");
    }
}
