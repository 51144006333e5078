//! The identity's passphrase in a real OS keychain: a private D-Bus session
//! with an unlocked GNOME Keyring (a Secret Service), never the
//! developer's own. Each run gets a fresh HOME and XDG_RUNTIME_DIR, no
//! display, and every child runs under a deadline so that a keychain
//! waiting for a prompt fails the test instead of hanging it.

mod common;

use openpgp::cert::prelude::*;
use openpgp::serialize::SerializeInto;
use sequoia_openpgp as openpgp;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Starts an unlocked keyring with a default "login" collection, and defines
/// `step NAME CMD…`, which runs CMD under `timeout`, recording stdout,
/// stderr and exit code in $OUT/NAME.{out,err,code}. A session whose probe
/// could not store a secret stops there.
const SESSION_PRELUDE: &str = r#"
set -u
step() {
    name=$1; shift
    timeout -k 5 60 "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
    echo $? >"$OUT/$name.code"
}
eval "$(printf %s test | gnome-keyring-daemon --unlock --components=secrets)"
eval "$(gnome-keyring-daemon --start --components=secrets)"
printf %s probe >"$OUT/probe.in"
step probe sh -c 'secret-tool store --label=probe service carepost-probe username probe <"$OUT/probe.in"'
[ "$(cat "$OUT/probe.code")" = 0 ] || exit 0
"#;

/// The steps of the keychain test proper, after [`SESSION_PRELUDE`].
const SESSION_SCRIPT: &str = r#"
step init "$CAREPOST" --json --home "$CP_HOME" init --name "Dr. K. Eychain" --email k.eychain@example.org
fpr=$(sed -n 's/.*"fingerprint": *"\([0-9A-F]*\)".*/\1/p' "$OUT/init.out")
step add "$CAREPOST" --home "$CP_HOME" contact add peer --key-file "$PEER_KEY"
step verify "$CAREPOST" --json --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
step lookup secret-tool lookup service carepost username "$fpr"
step clear secret-tool clear service carepost username "$fpr"
step verify_after_clear "$CAREPOST" --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
"#;

/// How long one whole keychain session may take.
const SESSION_DEADLINE: Duration = Duration::from_secs(240);

/// Runs `cmd` in its own process group with stdout and stderr sent to
/// files in `dir`; kills the whole group and panics if it outlives
/// `deadline`. Returns the exit code, stdout, stderr and time taken.
fn run_with_deadline(mut cmd: Command, dir: &Path, deadline: Duration) -> (Option<i32>, String, String, Duration) {
    use std::os::unix::process::CommandExt;
    let out_path = dir.join("child.stdout");
    let err_path = dir.join("child.stderr");
    cmd.stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .process_group(0);
    let started = Instant::now();
    let mut child = cmd.spawn().expect("the child starts");
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > deadline {
            if let Some(pid) = rustix::process::Pid::from_raw(child.id() as i32) {
                let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
            }
            let _ = child.wait();
            panic!(
                "{cmd:?} did not finish within {deadline:?}; stderr so far: {}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    (
        status.code(),
        std::fs::read_to_string(&out_path).unwrap(),
        std::fs::read_to_string(&err_path).unwrap(),
        started.elapsed(),
    )
}

/// A fresh, private directory for HOME or XDG_RUNTIME_DIR.
fn private_dir(parent: &Path, name: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = parent.join(name);
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// What one step of [`SESSION_SCRIPT`] did.
struct Step {
    code: i32,
    out: String,
    err: String,
}

fn step(out_dir: &Path, name: &str) -> Step {
    let read = |ext: &str| {
        std::fs::read_to_string(out_dir.join(format!("{name}.{ext}")))
            .unwrap_or_else(|_| panic!("step {name} did not run"))
    };
    Step { code: read("code").trim().parse().unwrap(), out: read("out"), err: read("err") }
}

fn expect_success(out_dir: &Path, name: &str) -> Step {
    let s = step(out_dir, name);
    assert_eq!(s.code, 0, "step {name} failed: {}{}", s.out, s.err);
    s
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// The peers a keychain session needs, each reported loudly when missing.
fn have_keyring_peers() -> bool {
    ["dbus-run-session", "gnome-keyring-daemon", "secret-tool", "timeout"].iter().all(|p| common::have_peer(p))
}

/// Runs `script` (which starts with [`SESSION_PRELUDE`]) in a private D-Bus
/// session with `env` added, and returns the folder of its steps' output.
/// Panics, loudly, when no Secret Service could be started there.
fn run_session(tmp: &Path, script: &str, env: &[(&str, &std::ffi::OsStr)]) -> PathBuf {
    let home = private_dir(tmp, "user-home");
    let runtime = private_dir(tmp, "runtime");
    let out_dir = private_dir(tmp, "steps");
    let mut cmd = Command::new("dbus-run-session");
    cmd.args(["--", "bash", "-c", script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("CAREPOST", assert_cmd::cargo::cargo_bin("carepost"))
        .env("CAREPOST_LANG", "en")
        .env("LC_ALL", "C.UTF-8")
        .env("CAREPOST_KEYCHAIN_TIMEOUT", "20")
        .env("OUT", &out_dir);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let (code, stdout, stderr, _) = run_with_deadline(cmd, tmp, SESSION_DEADLINE);
    assert_eq!(code, Some(0), "the session failed: {stdout}{stderr}");
    let probe = step(&out_dir, "probe");
    if probe.code != 0 {
        let why = format!("no Secret Service could be started in a private D-Bus session: {}", probe.err);
        common::missing_peer(&why);
    }
    out_dir
}

#[test]
#[cfg_attr(
    missing_keyring,
    ignore = "needs dbus-run-session, gnome-keyring-daemon, secret-tool and timeout, not all installed"
)]
fn init_stores_the_passphrase_in_the_keychain_and_later_commands_unlock_with_it() {
    if !have_keyring_peers() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let cp_home = tmp.path().join("carepost-home");

    let (peer_key, peer_fpr) = write_peer_key(tmp.path());

    let script = format!("{SESSION_PRELUDE}{SESSION_SCRIPT}");
    let out_dir = run_session(
        tmp.path(),
        &script,
        &[("CP_HOME", cp_home.as_os_str()), ("PEER_KEY", peer_key.as_os_str()), ("PEER_FPR", peer_fpr.as_ref())],
    );

    let init = expect_success(&out_dir, "init");
    let created: serde_json::Value = serde_json::from_str(&init.out).unwrap();
    let fingerprint = created["fingerprint"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 40);

    // A command that needs the secret key unlocks it with the passphrase
    // from the keychain: no passphrase file, no terminal.
    expect_success(&out_dir, "add");
    let verified: serde_json::Value = serde_json::from_str(&expect_success(&out_dir, "verify").out).unwrap();
    assert_eq!(verified["verified"], true);

    // The keychain holds the passphrase under service=carepost and the
    // fingerprint as account; nothing in the home holds it in clear.
    let secret = expect_success(&out_dir, "lookup").out;
    let secret = secret.trim_end_matches('\n');
    assert!(secret.len() >= 22, "a generated passphrase carries at least 128 bits; got {} characters", secret.len());
    let files = files_under(&cp_home);
    assert!(files.iter().any(|f| f.ends_with("identity/key.pgp")));
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the keychain's passphrase is in {}",
            file.display()
        );
    }

    // Without the keychain entry the same command cannot unlock the key:
    // the passphrase really came from the keychain.
    expect_success(&out_dir, "clear");
    let after = step(&out_dir, "verify_after_clear");
    assert_eq!(after.code, 5, "{}", after.err);
    assert!(after.err.contains("keychain"), "{}", after.err);
}

#[test]
fn init_with_an_unreachable_keychain_exits_5_at_once_and_keeps_no_identity() {
    let tmp = tempfile::tempdir().unwrap();
    let home = private_dir(tmp.path(), "user-home");
    let runtime = private_dir(tmp.path(), "runtime");
    let cp_home = tmp.path().join("carepost-home");
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("carepost"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .env("CAREPOST_LANG", "en")
        .arg("--home")
        .arg(&cp_home)
        .args(["init", "--name", "Dr. N. Okeychain", "--email", "n@example.org"]);
    let (code, _, stderr, took) = run_with_deadline(cmd, tmp.path(), Duration::from_secs(60));
    assert_eq!(code, Some(5), "{stderr}");
    assert!(took < Duration::from_secs(15), "init took {took:?} to notice there is no keychain");
    let mut lines = stderr.lines();
    let error = lines.next().unwrap_or_default();
    assert!(error.starts_with("error: "), "{stderr}");
    assert!(error.contains("keychain"), "{stderr}");
    let hint = lines.find(|l| l.starts_with("hint: ")).unwrap_or_default();
    // How to get a keychain here, and what to do meanwhile.
    assert!(hint.contains("GNOME Keyring") && hint.contains("gnome-keyring"), "{stderr}");
    assert!(hint.contains("--passphrase-file"), "{stderr}");
    assert!(!cp_home.join("identity/key.pgp").exists());
    assert!(!cp_home.join("identity/revocation.asc").exists());
}

/// An identity made without the keychain, moved into one later. `$PW` is
/// its passphrase file, `$BAD` a file with another passphrase.
const MOVE_SCRIPT: &str = r#"
step init "$CAREPOST" --json --home "$CP_HOME" --no-keychain --passphrase-file "$PW" init --name "Dr. L. Ater" --email l.ater@example.org
fpr=$(sed -n 's/.*"fingerprint": *"\([0-9A-F]*\)".*/\1/p' "$OUT/init.out")
step add "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" contact add peer --key-file "$PEER_KEY"
step status "$CAREPOST" --home "$CP_HOME" status
step status_json "$CAREPOST" --json --home "$CP_HOME" status
step whoami "$CAREPOST" --home "$CP_HOME" whoami
step verify_before "$CAREPOST" --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
step both "$CAREPOST" --home "$CP_HOME" --no-keychain --passphrase-file "$PW" passphrase --to-keychain
step wrong "$CAREPOST" --home "$CP_HOME" --passphrase-file "$BAD" passphrase --to-keychain
step lookup_after_wrong secret-tool lookup service carepost username "$fpr"
step move "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" passphrase --to-keychain
step lookup secret-tool lookup service carepost username "$fpr"
step verify "$CAREPOST" --json --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
step status_after "$CAREPOST" --home "$CP_HOME" status
step status_after_json "$CAREPOST" --json --home "$CP_HOME" status
step again "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" passphrase --to-keychain
printf %s stale-passphrase >"$OUT/stale.in"
step stale sh -c 'secret-tool store --label=stale service carepost username "$1" <"$OUT/stale.in"' sh "$fpr"
step wrong_over_stale "$CAREPOST" --home "$CP_HOME" --passphrase-file "$BAD" passphrase --to-keychain
step lookup_stale secret-tool lookup service carepost username "$fpr"
step replace "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" passphrase --to-keychain
step lookup_replaced secret-tool lookup service carepost username "$fpr"
step out_existing "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" passphrase --from-keychain
step out_no_file "$CAREPOST" --home "$CP_HOME" passphrase --from-keychain
step out "$CAREPOST" --home "$CP_HOME" --passphrase-file "$NEW" passphrase --from-keychain
step lookup_out secret-tool lookup service carepost username "$fpr"
step verify_out "$CAREPOST" --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
step whoami_out "$CAREPOST" --home "$CP_HOME" whoami
"#;

#[test]
#[cfg_attr(
    missing_keyring,
    ignore = "needs dbus-run-session, gnome-keyring-daemon, secret-tool and timeout, not all installed"
)]
fn the_passphrase_moves_into_a_keychain_that_became_available_and_back_out() {
    if !have_keyring_peers() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let cp_home = tmp.path().join("carepost-home");
    let secret = "a passphrase from a file, not for real use";
    let pw = tmp.path().join("pw");
    let bad = tmp.path().join("bad");
    for (path, text) in [(&pw, secret), (&bad, "another passphrase, not this key's")] {
        std::fs::write(path, format!("{text}\n")).unwrap();
        std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    }
    let new_file = tmp.path().join("new-pw");
    let (peer_key, peer_fpr) = write_peer_key(tmp.path());

    let script = format!("{SESSION_PRELUDE}{MOVE_SCRIPT}");
    let out_dir = run_session(
        tmp.path(),
        &script,
        &[
            ("CP_HOME", cp_home.as_os_str()),
            ("PW", pw.as_os_str()),
            ("BAD", bad.as_os_str()),
            ("NEW", new_file.as_os_str()),
            ("PEER_KEY", peer_key.as_os_str()),
            ("PEER_FPR", peer_fpr.as_ref()),
        ],
    );
    let offer = "carepost passphrase --to-keychain";
    let json = |name: &str| -> serde_json::Value { serde_json::from_str(&expect_success(&out_dir, name).out).unwrap() };

    expect_success(&out_dir, "init");
    expect_success(&out_dir, "add");
    // The keychain answers but does not hold the passphrase: status and
    // whoami offer the move, on stderr; JSON carries only the code.
    let status = expect_success(&out_dir, "status");
    assert!(status.err.contains(offer), "{}", status.err);
    assert!(!status.out.contains(offer), "{}", status.out);
    assert_eq!(json("status_json")["passphrase_source"], "prompt");
    assert!(!step(&out_dir, "status_json").err.contains(offer));
    assert!(expect_success(&out_dir, "whoami").err.contains(offer));
    // Without the file nothing unlocks the key yet.
    assert_eq!(step(&out_dir, "verify_before").code, 5);

    let both = step(&out_dir, "both");
    assert_eq!(both.code, 2, "{}", both.err);
    assert!(both.err.contains("--no-keychain"), "{}", both.err);

    // A passphrase that does not unlock the key is never stored.
    let wrong = step(&out_dir, "wrong");
    assert_eq!(wrong.code, 5, "{}", wrong.err);
    assert!(wrong.err.contains("does not unlock"), "{}", wrong.err);
    assert_ne!(step(&out_dir, "lookup_after_wrong").code, 0, "a wrong passphrase reached the keychain");

    let moved = expect_success(&out_dir, "move");
    assert!(moved.out.contains("now in the keychain"), "{}", moved.out);
    // The file stays, and the user is told what it is and what to do with it.
    assert!(moved.out.contains(&pw.display().to_string()) && moved.out.contains("delete it"), "{}", moved.out);
    assert!(pw.exists());
    assert_eq!(expect_success(&out_dir, "lookup").out.trim_end_matches('\n'), secret);

    // A command that needs the secret key unlocks it from the keychain now.
    assert_eq!(json("verify")["verified"], true);
    let after = expect_success(&out_dir, "status_after");
    assert!(!after.err.contains(offer), "{}", after.err);
    assert_eq!(json("status_after_json")["passphrase_source"], "keychain");

    let again = expect_success(&out_dir, "again");
    assert!(again.out.contains("already holds"), "{}", again.out);

    // A stale entry is replaced only by a passphrase that unlocks the key.
    expect_success(&out_dir, "stale");
    assert_eq!(step(&out_dir, "wrong_over_stale").code, 5);
    assert_eq!(expect_success(&out_dir, "lookup_stale").out.trim_end_matches('\n'), "stale-passphrase");
    let replaced = expect_success(&out_dir, "replace");
    assert!(replaced.out.contains("another passphrase"), "{}", replaced.out);
    assert_eq!(expect_success(&out_dir, "lookup_replaced").out.trim_end_matches('\n'), secret);

    // --from-keychain never overwrites a file, and needs one named.
    let existing = step(&out_dir, "out_existing");
    assert_ne!(existing.code, 0, "{}", existing.err);
    assert_eq!(std::fs::read_to_string(&pw).unwrap(), format!("{secret}\n"));
    assert_eq!(step(&out_dir, "out_no_file").code, 2);
    // Moved out: a new private file holds the passphrase, the keychain no
    // longer does, and nothing is offered while the keychain cannot help.
    let out = expect_success(&out_dir, "out");
    assert!(out.out.contains("no longer in the keychain"), "{}", out.out);
    assert_eq!(std::fs::read_to_string(&new_file).unwrap(), format!("{secret}\n"));
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&new_file).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
    assert_ne!(step(&out_dir, "lookup_out").code, 0, "the keychain still holds the passphrase");
    assert_eq!(step(&out_dir, "verify_out").code, 5, "unlocked without the file");
    assert!(expect_success(&out_dir, "whoami_out").err.contains(offer));

    // The audit log records each move by its code, never the passphrase.
    let log = std::fs::read_to_string(cp_home.join("audit.log")).unwrap();
    let moves: Vec<&str> = log.lines().filter(|l| l.contains("passphrase-to-keychain")).collect();
    assert_eq!(moves.len(), 2, "one for the move, one for the replacement (none for \"already there\"): {log}");
    assert!(moves[0].contains("stored") && moves[1].contains("replaced"), "{moves:?}");
    assert_eq!(log.lines().filter(|l| l.contains("passphrase-from-keychain")).count(), 1, "{log}");
    assert!(!log.contains(secret));
}

#[test]
fn passphrase_to_keychain_without_a_keychain_says_how_to_get_one_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let home = private_dir(tmp.path(), "user-home");
    let runtime = private_dir(tmp.path(), "runtime");
    let cp_home = tmp.path().join("carepost-home");
    let pw = tmp.path().join("pw");
    std::fs::write(&pw, "a passphrase from a file, not for real use\n").unwrap();
    std::fs::set_permissions(&pw, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let carepost = |args: &[&str]| {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("carepost"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
            .env("CAREPOST_LANG", "en")
            .env("LC_ALL", "C.UTF-8")
            .arg("--home")
            .arg(&cp_home)
            .args(args);
        run_with_deadline(cmd, tmp.path(), Duration::from_secs(60))
    };
    let pw_arg = pw.to_str().unwrap();
    let (code, _, stderr, _) = carepost(&[
        "--no-keychain",
        "--passphrase-file",
        pw_arg,
        "init",
        "--name",
        "Dr. N. One",
        "--email",
        "n@example.org",
    ]);
    assert_eq!(code, Some(0), "{stderr}");

    let (code, _, stderr, took) = carepost(&["--passphrase-file", pw_arg, "passphrase", "--to-keychain"]);
    assert_eq!(code, Some(5), "{stderr}");
    assert!(took < Duration::from_secs(15), "took {took:?} to notice there is no keychain");
    assert!(stderr.starts_with("error: ") && stderr.contains("keychain"), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("hint: ") && l.contains("gnome-keyring")), "{stderr}");
    let log = std::fs::read_to_string(cp_home.join("audit.log")).unwrap();
    assert!(!log.contains("passphrase-to-keychain"), "{log}");

    // No keychain answers: nothing to offer.
    let (code, _, stderr, _) = carepost(&["status"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("passphrase --to-keychain"), "{stderr}");
}

/// A contact's public key written to `dir/peer.asc`, and its fingerprint.
fn write_peer_key(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let peer = CertBuilder::general_purpose(Some("Peer <peer@example.org>")).generate().unwrap().0;
    let path = dir.join("peer.asc");
    std::fs::write(&path, peer.armored().to_vec().unwrap()).unwrap();
    (path, peer.fingerprint().to_hex())
}
