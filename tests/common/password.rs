//! What the tests of sending to a patient without a key share: a
//! clinician with such a patient, a small valid PDF and JPEG made byte by
//! byte, what a directory holds, the audit records of sends, and qpdf to
//! open an encrypted PDF the way a patient's reader would.

use super::{ok_json, Carepost};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// A small valid PDF with one page showing `text` (objects and
/// cross-reference table written with exact offsets).
pub fn pdf(text: &str, padding: usize) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n{}", "% filler line\n".repeat(padding));
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        "<< /Title (Lab result marker-7f3c2a) >>".to_owned(),
    ];
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).into_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .into_bytes(),
    );
    out
}

/// A baseline JPEG, 8×8 grey: one block, DC and AC tables of one code.
pub fn jpeg() -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    out.extend([0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    out.extend([0xFF, 0xDB, 0x00, 0x43, 0x00]);
    out.extend([1u8; 64]);
    out.extend([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]);
    for class in [0x00u8, 0x10] {
        out.extend([0xFF, 0xC4, 0x00, 0x14, class, 1]);
        out.extend([0u8; 15]);
        out.push(0x00);
    }
    out.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    out.push(0x3F);
    out.extend([0xFF, 0xD9]);
    out
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The names a user sees in `dir` (carepost's own `.part` files aside).
pub fn visible(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.retain(|n| !(n.starts_with(".carepost-") && n.ends_with(".part")));
    names.sort();
    names
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether qpdf is there; off CI a missing qpdf skips the check loudly,
/// in CI it fails.
pub fn have_qpdf() -> bool {
    let found = std::process::Command::new("qpdf").arg("--version").stdout(Stdio::null()).status().is_ok();
    if !found {
        if super::in_ci() {
            panic!("qpdf is not installed; CI needs it");
        }
        eprintln!("SKIPPED: qpdf is not installed, so the encrypted PDF was not opened with it");
    }
    found
}

/// `qpdf --password=… --decrypt IN OUT`: the decrypted file, or qpdf's
/// complaint.
pub fn qpdf_decrypt(path: &Path, password: Option<&str>) -> Result<Vec<u8>, String> {
    let out_path = path.with_extension("decrypted.pdf");
    let mut cmd = std::process::Command::new("qpdf");
    // QDF mode: streams uncompressed, so the page text can be compared.
    cmd.arg("--qdf");
    if let Some(password) = password {
        cmd.arg(format!("--password={password}"));
    }
    let out = cmd.arg("--decrypt").arg(path).arg(&out_path).output().unwrap();
    // qpdf exits 3 for warnings: the file was still written.
    if !(out.status.success() || out.status.code() == Some(3)) {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let bytes = std::fs::read(&out_path).unwrap();
    std::fs::remove_file(&out_path).unwrap();
    Ok(bytes)
}

/// What the test documents say: if these bytes appear in an output, the
/// document travelled in clear.
pub const LAB_TEXT: &str = "Haemoglobin 8.1 mmol/l marker-7f3c2a";

/// Adds `alias` as a patient without a key who consented by phone, with
/// `email` for mail delivery.
pub fn add_patient_without_key(cp: &Carepost, alias: &str, email: &str) {
    cp.cmd()
        .args(["contact", "add", alias, "--patient", "--no-key", "--email", email, "--consent", "verbal"])
        .assert()
        .success();
}

/// A clinician with an identity and a patient `p-0042` without a key.
pub fn clinician() -> Carepost {
    let cp = Carepost::with_identity("Dr. A. Peeters", "dr@praktijk.example");
    add_patient_without_key(&cp, "p-0042", "patient@example.org");
    cp
}

/// `send … --json --password-told`, succeeded: the result.
pub fn send_told(cp: &Carepost, files: &[&Path], extra: &[&str]) -> Value {
    let mut cmd = cp.cmd();
    cmd.args(["--json", "send"]).args(files).args(["--to", "p-0042", "--password-told"]).args(extra);
    ok_json(&cmd.output().unwrap())
}

pub fn password_of(result: &Value) -> String {
    let password = result["password"].as_str().expect("the result carries the password").to_owned();
    assert!(password.split(' ').count() >= 5, "a password of words: {password}");
    password
}

/// The audit log's records, raw.
pub fn audit(cp: &Carepost) -> String {
    std::fs::read_to_string(cp.home.join("audit.log")).unwrap_or_default()
}

/// The audit records of sends that succeeded.
pub fn sends_recorded(cp: &Carepost) -> Vec<String> {
    audit(cp).lines().filter(|l| l.contains("\"send\"") && l.contains("\"success\"")).map(str::to_owned).collect()
}

/// `carepost` as `Carepost::cmd` makes it, as a std command (to spawn).
pub fn std_cmd(cp: &Carepost) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("carepost"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CAREPOST_LANG", "en")
        .env("TZ", "UTC")
        .arg("--home")
        .arg(&cp.home)
        .arg("--no-keychain")
        .arg("--passphrase-file")
        .arg(&cp.passphrase_file);
    cmd
}
