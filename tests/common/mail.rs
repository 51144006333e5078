//! The people and helpers the email tests share: a doctor and a patient
//! who verified each other, a colleague known only to gpg, and the Python
//! composer and parser (`tests/mail/mailkit.py`).

use super::{have_peer, Carepost, Gpg};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const DOCTOR_NAME: &str = "Dr. A. Bakker";
pub const DOCTOR_EMAIL: &str = "a.bakker@praktijk.example";
pub const PATIENT_NAME: &str = "P. de Vries";
pub const PATIENT_EMAIL: &str = "p.devries@example.net";
pub const COLLEAGUE_UID: &str = "C. Peeters <c.peeters@ziekenhuis.example>";
pub const COLLEAGUE_EMAIL: &str = "c.peeters@ziekenhuis.example";
pub const MAILKIT: &str = include_str!("../mail/mailkit.py");

pub fn s(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// A doctor ("dr" for the patient) and a patient ("pat" for the doctor)
/// who verified each other.
pub fn pair() -> (Carepost, Carepost) {
    let doctor = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let patient = Carepost::with_identity(PATIENT_NAME, PATIENT_EMAIL);
    doctor.add_verified("pat", &patient);
    patient.add_verified("dr", &doctor);
    (doctor, patient)
}

pub fn fresh_dir(cp: &Carepost, name: &str) -> PathBuf {
    let dir = cp.path(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The names in `dir`, sorted; none when it does not exist.
pub fn files_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut names: Vec<String> = entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Python with `tests/mail/mailkit.py`, or None when python3 is missing.
pub struct Python {
    script: PathBuf,
}

impl Python {
    pub fn new(cp: &Carepost) -> Option<Python> {
        if !have_peer("python3") {
            return None;
        }
        let script = cp.path("mailkit.py");
        std::fs::write(&script, MAILKIT).unwrap();
        Some(Python { script })
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("python3").arg(&self.script).args(args).output().expect("python3 runs");
        assert!(out.status.success(), "mailkit {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.run(args)).unwrap()
    }
}

/// A colleague whose key lives in gpg, added and verified by the doctor as
/// "peeters", and who has the doctor's key: the gpg home and the
/// colleague's fingerprint. None when gpg is missing.
pub fn verified_colleague(doctor: &Carepost) -> Option<(Gpg, String)> {
    let gpg = Gpg::new()?;
    let fingerprint = gpg.generate(COLLEAGUE_UID, "ed25519", Some("cv25519"), "0");
    gpg.import(&doctor.export_key());
    let cert = doctor.path("peeters.asc");
    gpg.export(COLLEAGUE_UID, &cert);
    doctor.cmd().args(["contact", "add", "peeters", "--colleague", "--key-file", s(&cert)]).assert().success();
    doctor.cmd().args(["contact", "verify", "peeters", "--fingerprint", &fingerprint]).assert().success();
    Some((gpg, fingerprint))
}

/// `gpg --sign --encrypt --armor` of `input` to `recipient`, signed by
/// `signer` (an email address or fingerprint in `gpg`'s keyring).
pub fn gpg_sign_encrypt(gpg: &Gpg, signer: &str, recipient: &str, input: &Path, output: &Path) {
    gpg.run(&[
        "--trust-model",
        "always",
        "--recipient",
        recipient,
        "--local-user",
        signer,
        "--armor",
        "--output",
        s(output),
        "--sign",
        "--encrypt",
        s(input),
    ]);
}
