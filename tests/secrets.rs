//! Secrets through the real binary: secret files others could read are
//! refused, and the process can leave no core dump.

mod common;

use common::Carepost;

#[test]
fn core_dumps_are_off_in_every_run() {
    let cp = Carepost::with_identity("A", "a@example.org");
    let status = cp.json(&["status"]);
    assert_eq!(status["core_dumps_disabled"], true, "{status:#}");
    let out = cp.cmd().arg("status").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = text.lines().find(|l| l.starts_with("Core dumps:")).unwrap_or_default();
    assert!(line.ends_with(" off"), "{text}");
}

/// The core-file limit of a running carepost, from /proc: it waits on a
/// FIFO passphrase file, so it is caught while it runs, before it read
/// any secret.
#[test]
#[cfg(target_os = "linux")]
fn the_core_limit_is_zero_before_a_secret_is_read() {
    let cp = Carepost::new();
    let fifo = cp.path("passphrase.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("carepost"))
        .env_clear()
        .env("CAREPOST_LANG", "en")
        .arg("--home")
        .arg(&cp.home)
        .args(["--no-keychain", "--passphrase-file"])
        .arg(&fifo)
        .args(["init", "--name", "A", "--email", "a@example.org"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut line = String::new();
    // Until the process blocks on the FIFO (its limit is set long before).
    while std::time::Instant::now() < deadline {
        let wchan = std::fs::read_to_string(format!("/proc/{}/wchan", child.id())).unwrap_or_default();
        line = std::fs::read_to_string(&limits)
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .unwrap_or_default()
            .to_owned();
        // Opening a FIFO nobody writes to waits in `wait_for_partner`.
        if wchan.contains("partner") || wchan.contains("fifo") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(fields.get(4..6), Some(&["0", "0"][..]), "{line:?}");
}

#[test]
#[cfg(unix)]
fn secret_files_others_can_read_are_refused_everywhere() {
    use std::os::unix::fs::PermissionsExt;
    let (cp, _patient) = common::pair();
    let loose = cp.path("loose-passphrase");
    common::write_secret(&loose, format!("{}\n", common::PASSPHRASE).as_bytes());
    std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o644)).unwrap();
    let document = common::write(&cp, "brief.pdf", b"%PDF-1.4 x");
    // Reading the identity's passphrase (send signs), and choosing one at init.
    let other = Carepost::new();
    for (home, args) in [
        (&cp, vec!["send", document.to_str().unwrap(), "--to", "p-0042"]),
        (&other, vec!["init", "--name", "B", "--email", "b@example.org"]),
    ] {
        let out = home.bare_cmd().arg("--passphrase-file").arg(&loose).args(&args).output().unwrap();
        let stderr = common::stderr(&out);
        assert_eq!(common::code(&out), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: ") && stderr.contains("other users"), "{stderr}");
        assert!(stderr.contains("hint: make it private with: chmod 600 "), "{stderr}");
        assert!(!stderr.contains(common::PASSPHRASE), "{stderr}");
    }
    // The SMTP password file too.
    let password = cp.path("smtp-password");
    common::write_secret(&password, b"smtp secret\n");
    std::fs::set_permissions(&password, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = cp
        .cmd()
        .args(["mail", "setup", "--host", "smtp.example.org", "--port", "587", "--user", "a@example.org"])
        .args(["--from", "a@example.org", "--password-file"])
        .arg(&password)
        .output()
        .unwrap();
    assert_eq!(common::code(&out), 1, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("chmod 600"), "{}", common::stderr(&out));
}

#[test]
#[cfg(unix)]
fn a_secret_file_of_another_user_is_refused() {
    let (cp, _patient) = common::pair();
    let foreign = cp.path("foreign-passphrase");
    common::write_secret(&foreign, format!("{}\n", common::PASSPHRASE).as_bytes());
    // Handing a file to another user takes root; elsewhere there is
    // nothing to test.
    if rustix::fs::chown(&foreign, Some(rustix::process::Uid::from_raw(65534)), None).is_err() {
        eprintln!("SKIPPED a_secret_file_of_another_user_is_refused: not root, cannot give a file to another user");
        return;
    }
    let document = common::write(&cp, "brief.pdf", b"%PDF-1.4 x");
    let out = cp
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(&foreign)
        .args(["send", document.to_str().unwrap(), "--to", "p-0042"])
        .output()
        .unwrap();
    let stderr = common::stderr(&out);
    assert_eq!(common::code(&out), 1, "{stderr}");
    assert!(stderr.contains("belongs to another user") && stderr.contains("hint: "), "{stderr}");
    assert!(!stderr.contains(common::PASSPHRASE), "{stderr}");
    assert!(std::fs::read_dir(cp.home.join("outbox")).map_or(true, |mut d| d.next().is_none()), "nothing sent");
}

#[test]
fn init_refuses_a_weak_chosen_passphrase_and_says_how_to_pick_one() {
    let cp = Carepost::new();
    let weak = cp.path("weak");
    common::write_secret(&weak, b"abc\n");
    let out = cp
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(&weak)
        .args(["init", "--name", "A", "--email", "a@example.org"])
        .output()
        .unwrap();
    let stderr = common::stderr(&out);
    assert_eq!(common::code(&out), 1, "{stderr}");
    assert!(
        stderr.contains("too easy to guess") && stderr.contains("hint: pick four or more random words"),
        "{stderr}"
    );
    assert!(!cp.home.join("identity").join("key.pgp").exists(), "no identity was made");
}
