//! The people and helpers the email tests share: a doctor and a patient
//! who verified each other, a colleague known only to gpg, and the Python
//! composer and parser (`tests/mail/mailkit.py`).

use super::Carepost;
use std::path::{Path, PathBuf};

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
