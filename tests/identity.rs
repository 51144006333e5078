//! `init`, `whoami`, `export-key`, and the home's safety checks, driven
//! through the real binary.

mod common;

use common::{Carepost, Gpg};
use predicates::prelude::*;

#[test]
fn init_creates_a_private_home_and_a_v4_key() {
    let cp = Carepost::new();
    cp.cmd()
        .args(["init", "--name", "Dr. A. Jansen", "--email", "a.jansen@praktijk.example"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Created your identity"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&cp.home), 0o700);
        assert_eq!(mode(&cp.home.join("identity/key.pgp")), 0o600);
        assert_eq!(mode(&cp.home.join("state.db")), 0o600);
    }
    let key = std::fs::read_to_string(cp.home.join("identity/key.pgp")).unwrap();
    assert!(key.contains("PRIVATE KEY BLOCK"));
    assert!(!key.contains(common::PASSPHRASE));
    let me = cp.json(&["whoami"]);
    assert_eq!(me["name"], "Dr. A. Jansen");
    assert_eq!(me["email"], "a.jansen@praktijk.example");
    let fpr = me["fingerprint"].as_str().unwrap();
    assert_eq!(fpr.len(), 40);
    assert!(fpr.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
}

#[test]
fn init_refuses_a_second_identity() {
    let cp = Carepost::with_identity("A", "a@example.org");
    let fpr = cp.fingerprint();
    cp.cmd()
        .args(["init", "--name", "B", "--email", "b@example.org"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already has an identity").and(predicate::str::contains(&fpr)));
    assert_eq!(cp.fingerprint(), fpr);
}

#[test]
fn init_without_any_passphrase_source_exits_5_with_a_hint() {
    let cp = Carepost::new();
    cp.bare_cmd().args(["init", "--name", "A", "--email", "a@example.org"]).assert().code(5).stderr(
        predicate::str::starts_with("error: ")
            .and(predicate::str::contains("hint: "))
            .and(predicate::str::contains("--passphrase-file")),
    );
    assert!(!cp.home.join("identity/key.pgp").exists());
}

#[test]
fn init_rejects_bad_names_and_emails_as_usage_errors() {
    let cp = Carepost::new();
    cp.cmd().args(["init", "--name", "A", "--email", "not-an-address"]).assert().code(2);
    cp.cmd().args(["init", "--name", "Evil\u{1b}[2J", "--email", "a@example.org"]).assert().code(2);
    assert!(!cp.home.join("identity/key.pgp").exists());
}

#[test]
fn commands_before_init_say_what_to_do() {
    let cp = Carepost::new();
    cp.cmd()
        .arg("whoami")
        .assert()
        .code(5)
        .stderr(predicate::str::contains("no identity").and(predicate::str::contains("carepost init")));
}

#[test]
fn wrong_passphrase_exits_5_and_never_echoes_it() {
    let cp = Carepost::with_identity("A", "a@example.org");
    let other = Carepost::with_identity("B", "b@example.org");
    cp.cmd().args(["contact", "add", "b", "--key-file"]).arg(other.export_key()).assert().success();
    let wrong = cp.path("wrong");
    common::write_secret(&wrong, b"the-wrong-passphrase-xyz\n");
    cp.bare_cmd()
        .arg("--passphrase-file")
        .arg(&wrong)
        .args(["contact", "verify", "b", "--fingerprint", &other.fingerprint()])
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("does not unlock").and(predicate::str::contains("the-wrong-passphrase").not()),
        );
}

#[test]
fn passphrase_comes_from_the_environment_too() {
    let cp = Carepost::new();
    cp.bare_cmd()
        .env("CAREPOST_PASSPHRASE_FILE", &cp.passphrase_file)
        .args(["init", "--name", "A", "--email", "a@example.org"])
        .assert()
        .success();
}

#[cfg(unix)]
#[test]
fn a_home_readable_by_others_is_refused_with_the_chmod_to_run() {
    use std::os::unix::fs::PermissionsExt;
    let cp = Carepost::with_identity("A", "a@example.org");
    std::fs::set_permissions(&cp.home, std::fs::Permissions::from_mode(0o755)).unwrap();
    cp.cmd()
        .arg("whoami")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("chmod 700 {}", cp.home.display())));
    std::fs::set_permissions(&cp.home, std::fs::Permissions::from_mode(0o700)).unwrap();
    let key = cp.home.join("identity/key.pgp");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    cp.cmd().arg("whoami").assert().code(1).stderr(predicate::str::contains(format!("chmod 600 {}", key.display())));
}

#[test]
fn whoami_shows_hex_groups_words_and_a_qr_code() {
    let cp = Carepost::with_identity("Dr. B", "b@example.org");
    let fpr = cp.fingerprint();
    let out = cp.cmd().args(["whoami", "--qr"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let groups: Vec<String> = fpr.as_bytes().chunks(4).map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
    assert!(text.contains(&groups.join(" ")), "{text}");
    let bytes: Vec<u8> = (0..40).step_by(2).map(|i| u8::from_str_radix(&fpr[i..i + 2], 16).unwrap()).collect();
    assert!(text.contains(&carepost::words::to_phrase(&bytes)));
    assert!(text.contains('▀') || text.contains('▄') || text.contains('█'));
    let svg = cp.path("fpr.svg");
    cp.cmd().args(["whoami", "--qr-svg"]).arg(&svg).assert().success();
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn exported_key_imports_cleanly_into_gpg() {
    let Some(gpg) = Gpg::new() else { return };
    let cp = Carepost::with_identity("Dr. C. de Vries", "c.devries@praktijk.example");
    let path = cp.export_key();
    let armored = std::fs::read_to_string(&path).unwrap();
    assert!(armored.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    assert!(!armored.contains("PRIVATE"));
    let out = gpg.run_raw(&["--import", path.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listing = String::from_utf8(gpg.run(&["--with-colons", "--list-keys", "c.devries@praktijk.example"])).unwrap();
    assert!(listing.contains(&cp.fingerprint()));
    // Ed25519 primary (algo 22) that signs and certifies, X25519 subkey (18) that encrypts.
    assert!(listing.lines().any(|l| l.starts_with("pub:") && l.split(':').nth(3) == Some("22")));
    assert!(listing.lines().any(|l| l.starts_with("sub:")
        && l.split(':').nth(3) == Some("18")
        && l.split(':').nth(11).unwrap().contains('e')));
}

#[test]
fn export_key_never_overwrites() {
    let cp = Carepost::with_identity("A", "a@example.org");
    let path = cp.path("existing.asc");
    std::fs::write(&path, "keep me").unwrap();
    cp.cmd().args(["export-key", "-o"]).arg(&path).assert().code(1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
}

#[test]
fn concurrent_inits_make_exactly_one_identity() {
    let cp = Carepost::new();
    let children: Vec<_> = (0..4)
        .map(|i| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("carepost"));
            cmd.arg("--home")
                .arg(&cp.home)
                .arg("--no-keychain")
                .arg("--passphrase-file")
                .arg(&cp.passphrase_file)
                .args(["init", "--name", &format!("N{i}"), "--email", "n@example.org"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null());
            cmd.spawn().unwrap()
        })
        .collect();
    let successes = children.into_iter().map(|mut c| c.wait().unwrap()).filter(|s| s.success()).count();
    assert_eq!(successes, 1);
    cp.json(&["whoami"]);
}
