//! Folders carepost creates and folders it writes into, through the real
//! binary.

#![cfg(unix)]

mod common;

use common::{code, stderr, Carepost};
use std::os::unix::fs::{MetadataExt, PermissionsExt};

fn mode(path: &std::path::Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().mode() & 0o7777
}

#[test]
fn every_folder_made_for_a_new_home_is_private_even_under_umask_000() {
    let cp = Carepost::new();
    let home = cp.path("a").join("b").join("home");
    let out = std::process::Command::new("sh")
        .args(["-c", "umask 000; exec \"$0\" \"$@\""])
        .arg(assert_cmd::cargo::cargo_bin("carepost"))
        .env_clear()
        .env("CAREPOST_LANG", "en")
        .arg("--home")
        .arg(&home)
        .arg("--no-keychain")
        .arg("--passphrase-file")
        .arg(&cp.passphrase_file)
        .args(["init", "--name", "A", "--email", "a@example.org"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for dir in [cp.path("a"), cp.path("a").join("b"), home.clone(), home.join("inbox"), home.join("identity")] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
}

#[test]
fn opening_into_a_folder_everyone_can_write_warns() {
    let (clinician, patient) = common::pair();
    let document = common::write(&clinician, "Jansen_brief.pdf", b"%PDF-1.4 shared");
    let out = clinician.cmd().args(["--json", "send"]).arg(&document).args(["--to", "p-0042"]).output().unwrap();
    let message = common::ok_json(&out)["outputs"][0]["output"].as_str().unwrap().to_owned();
    let shared = patient.path("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let out = patient.cmd().args(["open", &message, "-o"]).arg(&shared).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning:") && stderr(&out).contains("every user of this computer can write to"),
        "{}",
        stderr(&out)
    );
    // A folder of one's own: no warning.
    let own = patient.path("own");
    std::fs::create_dir(&own).unwrap();
    std::fs::set_permissions(&own, std::fs::Permissions::from_mode(0o700)).unwrap();
    let out = patient.cmd().args(["open", &message, "-o"]).arg(&own).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!stderr(&out).contains("every user"), "{}", stderr(&out));
}

/// The `.carepost-*.part` files in `dir`.
fn parts_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(".carepost-") && name.ends_with(".part")
        })
        .collect()
}

#[test]
#[cfg(target_os = "linux")]
fn a_part_file_left_by_a_kill_without_o_tmpfile_is_removed_by_the_next_run() {
    let (clinician, patient) = common::pair();
    // Big enough that decrypting takes a while.
    let big: Vec<u8> = (0..48u32 << 20).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let document = common::write(&clinician, "scan.pdf", &big);
    drop(big);
    let out = clinician.cmd().args(["--json", "send"]).arg(&document).args(["--to", "p-0042"]).output().unwrap();
    let message = common::ok_json(&out)["outputs"][0]["output"].as_str().unwrap().to_owned();
    let dir = patient.path("usb-stick");
    std::fs::create_dir(&dir).unwrap();

    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("carepost"))
        .env_clear()
        .env("CAREPOST_LANG", "en")
        .env("CAREPOST_NO_TMPFILE", "1")
        .arg("--home")
        .arg(&patient.home)
        .arg("--no-keychain")
        .arg("--passphrase-file")
        .arg(&patient.passphrase_file)
        .args(["open", &message, "-o"])
        .arg(&dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut caught = false;
    while std::time::Instant::now() < deadline {
        if parts_in(&dir).iter().any(|p| p.metadata().is_ok_and(|m| m.len() > 0)) {
            caught = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(caught, "never saw the .part file being written");
    let left = parts_in(&dir);
    assert_eq!(left.len(), 1, "the kill left a partial plaintext: {left:?}");

    let out = patient.cmd().arg("status").output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(parts_in(&dir), Vec::<std::path::PathBuf>::new(), "the next run removes it");
}
