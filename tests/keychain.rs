//! The identity's passphrase in a real OS keychain: a private D-Bus session
//! with an unlocked GNOME Keyring (a Secret Service), never the
//! developer's own. Each run gets a fresh HOME and XDG_RUNTIME_DIR, no
//! display, and every child runs under a deadline so that a keychain
//! waiting for a prompt fails the test instead of hanging it.

mod common;

use openpgp::cert::prelude::*;
use openpgp::parse::Parse;
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
printf %s stale-passphrase >"$OUT/stale.in"
step stale sh -c 'secret-tool store --label=stale service carepost username "$1" <"$OUT/stale.in"' sh "$fpr"
step move "$CAREPOST" --json --home "$CP_HOME" --passphrase-file "$PW" passphrase --to-keychain
step lookup secret-tool lookup service carepost username "$fpr"
step verify "$CAREPOST" --json --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
step verify_old_file "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" contact verify peer --fingerprint "$PEER_FPR"
step status_after "$CAREPOST" --home "$CP_HOME" status
step status_after_json "$CAREPOST" --json --home "$CP_HOME" status
step again "$CAREPOST" --home "$CP_HOME" passphrase --to-keychain
step rotate "$CAREPOST" --json --home "$CP_HOME" passphrase change
step lookup_rotated secret-tool lookup service carepost username "$fpr"
step verify_rotated "$CAREPOST" --json --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
step rotate_with_file "$CAREPOST" --home "$CP_HOME" passphrase change --new-passphrase-file "$CHOSEN"
step rotate_no_keychain "$CAREPOST" --home "$CP_HOME" --no-keychain passphrase change
step out_old_usage "$CAREPOST" --home "$CP_HOME" --passphrase-file "$NEW" passphrase --from-keychain
step out_weak "$CAREPOST" --home "$CP_HOME" passphrase --from-keychain --new-passphrase-file "$WEAK"
step lookup_after_weak secret-tool lookup service carepost username "$fpr"
step out_no_terminal "$CAREPOST" --home "$CP_HOME" passphrase --from-keychain
step out "$CAREPOST" --home "$CP_HOME" passphrase --from-keychain --new-passphrase-file "$CHOSEN"
step lookup_out secret-tool lookup service carepost username "$fpr"
step verify_out "$CAREPOST" --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
step verify_out_file "$CAREPOST" --json --home "$CP_HOME" --passphrase-file "$CHOSEN" contact verify peer --fingerprint "$PEER_FPR"
step status_out_json "$CAREPOST" --json --home "$CP_HOME" status
step whoami_out "$CAREPOST" --home "$CP_HOME" whoami
step out_again "$CAREPOST" --home "$CP_HOME" passphrase --from-keychain --new-passphrase-file "$CHOSEN"
step back_in "$CAREPOST" --home "$CP_HOME" --passphrase-file "$CHOSEN" passphrase --to-keychain
step verify_back "$CAREPOST" --json --home "$CP_HOME" contact verify peer --fingerprint "$PEER_FPR"
step status_back_json "$CAREPOST" --json --home "$CP_HOME" status
step log_check "$CAREPOST" --home "$CP_HOME" log --check
"#;

#[test]
#[cfg_attr(
    missing_keyring,
    ignore = "needs dbus-run-session, gnome-keyring-daemon, secret-tool and timeout, not all installed"
)]
fn the_key_is_protected_again_when_its_passphrase_moves_into_the_keychain_rotates_and_moves_out() {
    if !have_keyring_peers() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let cp_home = tmp.path().join("carepost-home");
    let secret = "a passphrase from a file, not for real use";
    let chosen = "a chosen passphrase for later, also not real";
    let pw = tmp.path().join("pw");
    let bad = tmp.path().join("bad");
    let chosen_file = tmp.path().join("chosen");
    let weak = tmp.path().join("weak");
    for (path, text) in
        [(&pw, secret), (&bad, "another passphrase, not this key's"), (&chosen_file, chosen), (&weak, "short")]
    {
        common::write_secret(path, format!("{text}\n").as_bytes());
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
            ("CHOSEN", chosen_file.as_os_str()),
            ("WEAK", weak.as_os_str()),
            ("PEER_KEY", peer_key.as_os_str()),
            ("PEER_FPR", peer_fpr.as_ref()),
        ],
    );
    let offer = "carepost passphrase --to-keychain";
    let json = |name: &str| -> serde_json::Value { serde_json::from_str(&expect_success(&out_dir, name).out).unwrap() };
    let lookup = |name: &str| expect_success(&out_dir, name).out.trim_end_matches('\n').to_owned();

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

    // A passphrase that does not unlock the key changes nothing.
    let wrong = step(&out_dir, "wrong");
    assert_eq!(wrong.code, 5, "{}", wrong.err);
    assert!(wrong.err.contains("does not unlock"), "{}", wrong.err);
    assert_ne!(step(&out_dir, "lookup_after_wrong").code, 0, "a wrong passphrase reached the keychain");

    // Into the keychain: a fresh generated passphrase protects the key
    // now, replacing a stale entry; the user's file no longer opens it.
    let moved = json("move");
    assert_eq!(moved["keychain"], "replaced");
    assert_eq!(moved["changed"], true);
    let generated = lookup("lookup");
    assert_ne!(generated, secret);
    assert_ne!(generated, "stale-passphrase");
    assert!(generated.len() >= 43, "a generated passphrase carries 256 bits");
    assert!(pw.exists(), "the user's file is theirs to delete");
    assert_eq!(json("verify")["verified"], true);
    assert_eq!(step(&out_dir, "verify_old_file").code, 5, "the old passphrase still opens the key");
    let after = expect_success(&out_dir, "status_after");
    assert!(!after.err.contains(offer), "{}", after.err);
    assert_eq!(json("status_after_json")["passphrase_source"], "keychain");
    assert!(expect_success(&out_dir, "again").out.contains("already in the keychain"));

    // Rotation: another generated passphrase, in the keychain.
    let rotated = json("rotate");
    assert_eq!(rotated["keychain"], "rotated");
    let fresh = lookup("lookup_rotated");
    assert_ne!(fresh, generated);
    assert_eq!(json("verify_rotated")["verified"], true);
    for name in ["rotate_with_file", "rotate_no_keychain"] {
        let refused = step(&out_dir, name);
        assert_eq!(refused.code, 2, "{name}: {}", refused.err);
    }
    assert!(step(&out_dir, "rotate_with_file").err.contains("--from-keychain"));

    // Out of the keychain: the old way (naming a new file with
    // --passphrase-file) is explained; a weak choice or no choice at all
    // changes nothing; then the chosen passphrase protects the key.
    let old_usage = step(&out_dir, "out_old_usage");
    assert_eq!(old_usage.code, 2, "{}", old_usage.err);
    assert!(old_usage.err.contains("--new-passphrase-file"), "{}", old_usage.err);
    assert!(!new_file.exists());
    assert_ne!(step(&out_dir, "out_weak").code, 0);
    assert!(step(&out_dir, "out_weak").err.contains("too easy to guess"));
    assert_eq!(lookup("lookup_after_weak"), fresh);
    assert_eq!(step(&out_dir, "out_no_terminal").code, 5);
    let out = expect_success(&out_dir, "out");
    assert!(out.out.contains("the keychain no longer holds one"), "{}", out.out);
    assert_ne!(step(&out_dir, "lookup_out").code, 0, "the keychain still holds the passphrase");
    assert_eq!(step(&out_dir, "verify_out").code, 5, "unlocked without the chosen passphrase");
    assert_eq!(json("verify_out_file")["verified"], true);
    assert_eq!(json("status_out_json")["passphrase_source"], "prompt");
    assert!(expect_success(&out_dir, "whoami_out").err.contains(offer));
    assert_eq!(step(&out_dir, "out_again").code, 2, "nothing to move out");

    // And back in, from the chosen passphrase.
    expect_success(&out_dir, "back_in");
    assert_eq!(json("verify_back")["verified"], true);
    assert_eq!(json("status_back_json")["passphrase_source"], "keychain");
    expect_success(&out_dir, "log_check");

    // The audit log records each change by its code, never a passphrase.
    let log = std::fs::read_to_string(cp_home.join("audit.log")).unwrap();
    let moves: Vec<&str> = log.lines().filter(|l| l.contains("passphrase-to-keychain")).collect();
    assert_eq!(moves.len(), 2, "one into a stale entry, one into none (none for \"already there\"): {log}");
    assert!(moves[0].contains("replaced") && moves[1].contains("stored"), "{moves:?}");
    assert_eq!(log.lines().filter(|l| l.contains("passphrase-from-keychain")).count(), 1, "{log}");
    let changes: Vec<&str> = log.lines().filter(|l| l.contains("\"passphrase-change\"")).collect();
    assert_eq!(changes.len(), 1, "{log}");
    assert!(changes[0].contains("rotated"));
    for text in [secret, chosen, generated.as_str(), fresh.as_str()] {
        assert!(!log.contains(text), "a passphrase is in the audit log");
    }
}

/// Kills `passphrase --to-keychain`, `passphrase change` (rotation) and
/// `passphrase --from-keychain` at each of their steps, then lets the next
/// commands finish or undo the change; records which secrets open the key.
const KILL_SCRIPT: &str = r#"
step init "$CAREPOST" --json --home "$CP_HOME" --no-keychain --passphrase-file "$PW" init --name "Dr. K. Ill" --email k.ill@example.org
fpr=$(sed -n 's/.*"fingerprint": *"\([0-9A-F]*\)".*/\1/p' "$OUT/init.out")
step add "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" contact add peer --key-file "$PEER_KEY"
opens() { # name, extra arguments: which secret unlocks the key now
    step "$1" "$CAREPOST" --home "$CP_HOME" "${@:2}" contact verify peer --fingerprint "$PEER_FPR"
}
step held_kill env CAREPOST_TEST_KILL_AT=pending-stored "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" passphrase --to-keychain
step held_status flock "$CP_HOME/passphrase.lock" "$CAREPOST" --json --home "$CP_HOME" status
step held_pending secret-tool lookup service carepost username "$fpr.pending"
step freed_status "$CAREPOST" --json --home "$CP_HOME" status
step freed_pending secret-tool lookup service carepost username "$fpr.pending"
for at in $TO_STEPS; do
    step "to_$at" env CAREPOST_TEST_KILL_AT="$at" "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" passphrase --to-keychain
    step "to_${at}_status" "$CAREPOST" --json --home "$CP_HOME" status
    step "to_${at}_pending" secret-tool lookup service carepost username "$fpr.pending"
    opens "to_${at}_kc"
    opens "to_${at}_pw" --passphrase-file "$PW"
    if [ "$(cat "$OUT/to_${at}_kc.code")" = 0 ]; then
        step "to_${at}_back" "$CAREPOST" --home "$CP_HOME" passphrase --from-keychain --new-passphrase-file "$PW"
    fi
done
step into "$CAREPOST" --home "$CP_HOME" --passphrase-file "$PW" passphrase --to-keychain
for at in $TO_STEPS; do
    step "rot_${at}_before" secret-tool lookup service carepost username "$fpr"
    step "rot_$at" env CAREPOST_TEST_KILL_AT="$at" "$CAREPOST" --home "$CP_HOME" passphrase change
    opens "rot_${at}_kc"
    step "rot_${at}_after" secret-tool lookup service carepost username "$fpr"
    step "rot_${at}_pending" secret-tool lookup service carepost username "$fpr.pending"
done
for at in $FROM_STEPS; do
    step "from_$at" env CAREPOST_TEST_KILL_AT="$at" "$CAREPOST" --home "$CP_HOME" passphrase --from-keychain --new-passphrase-file "$CHOSEN"
    opens "from_${at}_kc"
    opens "from_${at}_chosen" --passphrase-file "$CHOSEN"
    step "from_${at}_status" "$CAREPOST" --json --home "$CP_HOME" status
    if [ "$(cat "$OUT/from_${at}_chosen.code")" = 0 ]; then
        step "from_${at}_back" "$CAREPOST" --home "$CP_HOME" --passphrase-file "$CHOSEN" passphrase --to-keychain
    fi
done
step into_again "$CAREPOST" --home "$CP_HOME" --passphrase-file "$CHOSEN" passphrase --to-keychain
i=0
for delay in $DELAYS; do
    i=$((i + 1))
    step "timed_$i" timeout -s KILL "$delay" "$CAREPOST" --home "$CP_HOME" passphrase change
    opens "timed_${i}_kc"
    step "timed_${i}_pending" secret-tool lookup service carepost username "$fpr.pending"
done
step log_check "$CAREPOST" --home "$CP_HOME" log --check
"#;

/// The steps of a change towards the keychain, in order; from the first
/// named here on, the new protection is on disk.
const TO_STEPS: &[&str] =
    &["reprotected", "marked", "pending-stored", "key-replaced", "keychain-stored", "pending-deleted", "unmarked"];
const TO_NEW_FROM: &str = "key-replaced";
/// Moments (seconds) at which a rotation is killed by the clock rather
/// than at a named step: from before it reads anything to after it ends.
const DELAYS: &str = "0.002 0.005 0.01 0.015 0.02 0.025 0.03 0.035 0.04 0.045 0.05 0.06 0.07 0.08 0.1 0.15 0.3";
const FROM_STEPS: &[&str] = &["reprotected", "marked", "key-replaced", "keychain-deleted", "unmarked"];

#[test]
#[cfg_attr(
    missing_keyring,
    ignore = "needs dbus-run-session, gnome-keyring-daemon, secret-tool and timeout, not all installed"
)]
fn a_kill_at_any_step_of_a_keychain_change_leaves_the_old_or_the_new_protection_and_its_secret() {
    if !have_keyring_peers() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let cp_home = tmp.path().join("carepost-home");
    let pw = tmp.path().join("pw");
    let chosen = tmp.path().join("chosen");
    common::write_secret(&pw, b"a passphrase from a file, not for real use\n");
    common::write_secret(&chosen, b"a chosen passphrase for later, also not real\n");
    let (peer_key, peer_fpr) = write_peer_key(tmp.path());
    let script = format!("{SESSION_PRELUDE}{KILL_SCRIPT}");
    let to_steps = TO_STEPS.join(" ");
    let from_steps = FROM_STEPS.join(" ");
    let out_dir = run_session(
        tmp.path(),
        &script,
        &[
            ("CP_HOME", cp_home.as_os_str()),
            ("PW", pw.as_os_str()),
            ("CHOSEN", chosen.as_os_str()),
            ("PEER_KEY", peer_key.as_os_str()),
            ("PEER_FPR", peer_fpr.as_ref()),
            ("TO_STEPS", to_steps.as_ref()),
            ("FROM_STEPS", from_steps.as_ref()),
            ("DELAYS", DELAYS.as_ref()),
        ],
    );
    let killed = |name: &str| {
        let s = step(&out_dir, name);
        assert_eq!(s.code, 134, "{name} was not stopped at its step: {}{}", s.out, s.err);
    };
    let opens = |name: &str| step(&out_dir, name).code == 0;
    expect_success(&out_dir, "init");
    let new_from = TO_STEPS.iter().position(|s| *s == TO_NEW_FROM).unwrap();

    // While another process holds the change's lock, the change is left
    // alone (it may still be running); once free, it is undone.
    killed("held_kill");
    expect_success(&out_dir, "held_status");
    expect_success(&out_dir, "held_pending");
    expect_success(&out_dir, "freed_status");
    assert_ne!(step(&out_dir, "freed_pending").code, 0, "the interrupted change was not undone");

    for (i, at) in TO_STEPS.iter().enumerate() {
        killed(&format!("to_{at}"));
        let status: serde_json::Value =
            serde_json::from_str(&expect_success(&out_dir, &format!("to_{at}_status")).out).unwrap();
        assert_ne!(step(&out_dir, &format!("to_{at}_pending")).code, 0, "{at}: a pending entry was left");
        let (kc, pw) = (opens(&format!("to_{at}_kc")), opens(&format!("to_{at}_pw")));
        assert!(kc != pw, "{at}: exactly one secret opens the key (keychain {kc}, file {pw})");
        assert_eq!(kc, i >= new_from, "{at}: the new protection is on disk from the rename on");
        let source = if kc { "keychain" } else { "prompt" };
        assert_eq!(status["passphrase_source"], source, "{at}");
        if kc {
            expect_success(&out_dir, &format!("to_{at}_back"));
        }
    }
    expect_success(&out_dir, "into");
    for (i, at) in TO_STEPS.iter().enumerate() {
        killed(&format!("rot_{at}"));
        assert!(opens(&format!("rot_{at}_kc")), "{at}: the keychain no longer opens the key");
        let (before, after) = (
            expect_success(&out_dir, &format!("rot_{at}_before")).out,
            expect_success(&out_dir, &format!("rot_{at}_after")).out,
        );
        assert_eq!(before != after, i >= new_from, "{at}: the keychain holds the secret of the key on disk");
        assert_ne!(step(&out_dir, &format!("rot_{at}_pending")).code, 0, "{at}: a pending entry was left");
    }
    let new_from = FROM_STEPS.iter().position(|s| *s == "key-replaced").unwrap();
    for (i, at) in FROM_STEPS.iter().enumerate() {
        killed(&format!("from_{at}"));
        let (kc, chosen) = (opens(&format!("from_{at}_kc")), opens(&format!("from_{at}_chosen")));
        assert!(kc != chosen, "{at}: exactly one secret opens the key (keychain {kc}, chosen {chosen})");
        assert_eq!(chosen, i >= new_from, "{at}");
        let status: serde_json::Value =
            serde_json::from_str(&expect_success(&out_dir, &format!("from_{at}_status")).out).unwrap();
        assert_eq!(status["passphrase_source"], if kc { "keychain" } else { "prompt" }, "{at}");
        if chosen {
            expect_success(&out_dir, &format!("from_{at}_back"));
        }
    }
    expect_success(&out_dir, "into_again");
    let mut killed = 0;
    for i in 1..=DELAYS.split(' ').count() {
        if step(&out_dir, &format!("timed_{i}")).code != 0 {
            killed += 1;
        }
        assert!(opens(&format!("timed_{i}_kc")), "kill {i}: the keychain no longer opens the key");
        assert_ne!(step(&out_dir, &format!("timed_{i}_pending")).code, 0, "kill {i}: a pending entry was left");
    }
    eprintln!("{killed} of the timed rotations were killed");
    assert!(killed > 0, "no timed kill hit a rotation");
    expect_success(&out_dir, "log_check");
    // The key file is whole: one armored key, with this fingerprint.
    let key = std::fs::read(cp_home.join("identity/key.pgp")).unwrap();
    let cert = openpgp::Cert::from_bytes(&key).unwrap();
    assert!(cert.is_tsk());
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

/// Shell words shared by the sessions below: `A` is the clinician, whose
/// passphrase the keychain keeps; `B` is a peer with carepost and a
/// passphrase file; `json_field NAME FIELD` reads a string field of a
/// step's JSON output.
const PEERS_PRELUDE: &str = r#"
A=("$CAREPOST" --home "$A_HOME")
B=("$CAREPOST" --home "$B_HOME" --no-keychain --passphrase-file "$B_PW")
json_field() { sed -n "s/.*\"$2\": *\"\([^\"]*\)\".*/\1/p" "$OUT/$1.out" | head -n 1; }
"#;

/// Laptop 1: the clinician (keychain) and the peer verify each other, the
/// peer sends the clinician a letter, the clinician makes a backup, and a
/// second home on the same computer is restored from it.
const RESTORE_HERE_SCRIPT: &str = r#"
step a_init "${A[@]}" --json init --name "Dr. R. Estore" --email r.estore@example.org
fpr=$(json_field a_init fingerprint)
step a_export "${A[@]}" export-key -o "$SHARED/a.asc"
step a_add "${A[@]}" contact add peer --consent verbal --key-file "$B_KEY"
step a_verify "${A[@]}" contact verify peer --fingerprint "$B_FPR"
step b_add "${B[@]}" contact add dr-r --consent verbal --key-file "$SHARED/a.asc"
step b_verify "${B[@]}" contact verify dr-r --fingerprint "$fpr"
mkdir -p "$SHARED/to-a"
step b_send "${B[@]}" --json send "$LETTER" --to dr-r -o "$SHARED/to-a"
step a_backup "${A[@]}" --json backup -o "$SHARED/laptop.backup" --recovery-code-file "$SHARED/code"
step lookup_a secret-tool lookup service carepost username "$fpr"
step twin_restore "$CAREPOST" --home "$TWIN_HOME" --json restore "$SHARED/laptop.backup" --recovery-code-file "$SHARED/code"
step lookup_twin secret-tool lookup service carepost username "$fpr"
message=$(json_field b_send output)
for who in a twin; do
    if [ "$who" = a ]; then home=$A_HOME; else home=$TWIN_HOME; fi
    mkdir -p "$OUT/${who}-inbox"
    step "${who}_status" "$CAREPOST" --home "$home" --json status
    step "${who}_open" "$CAREPOST" --home "$home" --json open "$message" -o "$OUT/${who}-inbox"
    step "${who}_log_check" "$CAREPOST" --home "$home" log --check
done
"#;

/// Laptop 2, with a keychain of its own: the backup restored into a new
/// home; the letter opens and a new one goes to the peer, who opens it.
const RESTORE_THERE_SCRIPT: &str = r#"
step restore "$CAREPOST" --home "$NEW_HOME" --json restore "$SHARED/laptop.backup" --recovery-code-file "$SHARED/code"
fpr=$(json_field restore fingerprint)
step lookup secret-tool lookup service carepost username "$fpr"
step status "$CAREPOST" --home "$NEW_HOME" --json status
mkdir -p "$OUT/inbox" "$OUT/to-b" "$OUT/b-inbox"
step open "$CAREPOST" --home "$NEW_HOME" --json open "$MESSAGE" -o "$OUT/inbox"
step contacts "$CAREPOST" --home "$NEW_HOME" --json contact list
step send "$CAREPOST" --home "$NEW_HOME" --json send "$REPLY" --to peer -o "$OUT/to-b"
step b_open "${B[@]}" --json open "$(json_field send output)" -o "$OUT/b-inbox"
step log_check "$CAREPOST" --home "$NEW_HOME" log --check
step log "$CAREPOST" --home "$NEW_HOME" --json log
"#;

/// A peer outside the keychain sessions: its home, passphrase file,
/// exported key and fingerprint.
fn peer_b() -> (common::Carepost, PathBuf, String) {
    let b = common::Carepost::with_identity("Dr. B. Peer", "b.peer@example.org");
    let key = b.export_key();
    let fpr = b.fingerprint();
    (b, key, fpr)
}

#[test]
#[cfg_attr(
    missing_keyring,
    ignore = "needs dbus-run-session, gnome-keyring-daemon, secret-tool and timeout, not all installed"
)]
fn a_restore_with_the_keychain_protects_the_key_with_a_generated_passphrase_there_and_opens_beside_the_original() {
    if !have_keyring_peers() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (laptop_1, laptop_2, shared) =
        (private_dir(tmp.path(), "laptop-1"), private_dir(tmp.path(), "laptop-2"), private_dir(tmp.path(), "shared"));
    let (b, b_key, b_fpr) = peer_b();
    let letter = common::write(&b, "letter.txt", b"Results of 3 December: all normal.");
    let reply = common::write(&b, "reply.txt", b"Thank you, seen.");
    let a_home = laptop_1.join("carepost");
    let twin_home = laptop_1.join("carepost-twin");
    let new_home = laptop_2.join("carepost");
    let common_env = |extra: &[(&'static str, &std::ffi::OsStr)]| {
        let mut env: Vec<(&str, std::ffi::OsString)> = vec![
            ("A_HOME", a_home.clone().into()),
            ("B_HOME", b.home.clone().into()),
            ("B_PW", b.passphrase_file.clone().into()),
            ("SHARED", shared.clone().into()),
        ];
        env.extend(extra.iter().map(|(k, v)| (*k, v.to_os_string())));
        env
    };

    // Laptop 1.
    let env = common_env(&[
        ("TWIN_HOME", twin_home.as_os_str()),
        ("B_KEY", b_key.as_os_str()),
        ("B_FPR", b_fpr.as_ref()),
        ("LETTER", letter.as_os_str()),
    ]);
    let refs: Vec<(&str, &std::ffi::OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    let here = run_session(&laptop_1, &format!("{SESSION_PRELUDE}{PEERS_PRELUDE}{RESTORE_HERE_SCRIPT}"), &refs);
    let json = |dir: &Path, name: &str| -> serde_json::Value {
        serde_json::from_str(&expect_success(dir, name).out).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let fpr = json(&here, "a_init")["fingerprint"].as_str().unwrap().to_owned();
    for name in ["a_export", "a_add", "a_verify", "b_add", "b_verify"] {
        expect_success(&here, name);
    }
    let message = json(&here, "b_send")["outputs"][0]["output"].as_str().unwrap().to_owned();
    json(&here, "a_backup");
    // On the same computer the keychain already holds this key's
    // passphrase: the restored home is protected by that same one, so the
    // original home still opens.
    let twin = json(&here, "twin_restore");
    assert_eq!(twin["fingerprint"], fpr.as_str());
    assert_eq!(twin["passphrase"], "keychain");
    let original_secret = expect_success(&here, "lookup_a").out;
    assert_eq!(expect_success(&here, "lookup_twin").out, original_secret, "the original home lost its passphrase");
    for who in ["a", "twin"] {
        assert_eq!(json(&here, &format!("{who}_status"))["passphrase_source"], "keychain", "{who}");
        let opened = json(&here, &format!("{who}_open"));
        let text = std::fs::read(opened["output"].as_str().unwrap()).unwrap();
        assert_eq!(text, b"Results of 3 December: all normal.", "{who}");
        expect_success(&here, &format!("{who}_log_check"));
    }
    let code = std::fs::read_to_string(shared.join("code")).unwrap();

    // Laptop 2: its own keychain, no passphrase file anywhere.
    let env =
        common_env(&[("NEW_HOME", new_home.as_os_str()), ("MESSAGE", message.as_ref()), ("REPLY", reply.as_os_str())]);
    let refs: Vec<(&str, &std::ffi::OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    let there = run_session(&laptop_2, &format!("{SESSION_PRELUDE}{PEERS_PRELUDE}{RESTORE_THERE_SCRIPT}"), &refs);
    let restored = json(&there, "restore");
    assert_eq!(restored["fingerprint"], fpr.as_str());
    assert_eq!(restored["passphrase"], "keychain");
    assert_eq!(restored["verified"], 1);
    let generated = expect_success(&there, "lookup").out;
    assert!(generated.trim_end().len() >= 43, "a generated passphrase carries 256 bits");
    assert_ne!(generated, original_secret, "laptop 2 reused laptop 1's passphrase");
    assert_ne!(generated.trim_end(), code.trim_end(), "the recovery code protects the key");
    assert_eq!(json(&there, "status")["passphrase_source"], "keychain");
    let opened = json(&there, "open");
    assert_eq!(std::fs::read(opened["output"].as_str().unwrap()).unwrap(), b"Results of 3 December: all normal.");
    let contacts = json(&there, "contacts");
    assert_eq!(contacts["contacts"][0]["verified"], true, "{contacts}");
    json(&there, "send");
    let at_b = json(&there, "b_open");
    assert_eq!(at_b["sender"]["status"], "verified", "{at_b}");
    assert_eq!(std::fs::read(at_b["output"].as_str().unwrap()).unwrap(), b"Thank you, seen.");
    expect_success(&there, "log_check");
    let records = json(&there, "log")["records"].as_array().unwrap().clone();
    assert!(records.iter().any(|r| r["action"] == "restore" && r["outcome"] == "success"), "{records:?}");
    // No secret in the new home's log.
    let log = std::fs::read_to_string(new_home.join("audit.log")).unwrap();
    for secret in [generated.trim_end(), original_secret.trim_end(), code.trim_end()] {
        assert!(!log.contains(secret), "a secret is in the audit log");
    }
}

/// The clinician (keychain) and the peer verify each other; the peer
/// sends a letter to the clinician's key; the clinician revokes it as
/// superseded, makes a new one with `init --replace`, then rotates the
/// keychain's passphrase; the letter to the old key is opened before and
/// after.
const REPLACE_SCRIPT: &str = r#"
step a_init "${A[@]}" --json init --name "Dr. R. Eplace" --email r.eplace@example.org
old=$(json_field a_init fingerprint)
step a_export "${A[@]}" export-key -o "$SHARED/a.asc"
step a_add "${A[@]}" contact add peer --consent verbal --key-file "$B_KEY"
step a_verify "${A[@]}" contact verify peer --fingerprint "$B_FPR"
step b_add "${B[@]}" contact add dr-r --consent verbal --key-file "$SHARED/a.asc"
step b_verify "${B[@]}" contact verify dr-r --fingerprint "$old"
mkdir -p "$SHARED/to-a" "$OUT/inbox-1" "$OUT/inbox-2"
step b_send "${B[@]}" --json send "$LETTER" --to dr-r -o "$SHARED/to-a"
message=$(json_field b_send output)
step revoke "${A[@]}" --json revoke --reason superseded --yes
step replace "${A[@]}" --json init --replace --name "Dr. R. Eplace" --email r.eplace@example.org
new=$(json_field replace fingerprint)
step lookup_replaced secret-tool lookup service carepost username "$new"
step open_replaced "${A[@]}" --json open "$message" -o "$OUT/inbox-1"
step rotate "${A[@]}" --json passphrase change
step lookup_rotated secret-tool lookup service carepost username "$new"
step open_rotated "${A[@]}" --json open "$message" -o "$OUT/inbox-2"
step rotate_killed env CAREPOST_TEST_KILL_AT=key-replaced "${A[@]}" passphrase change
step status "${A[@]}" --json status
step lookup_killed secret-tool lookup service carepost username "$new"
mkdir -p "$OUT/inbox-3"
step open_killed "${A[@]}" --json open "$message" -o "$OUT/inbox-3"
step log_check "${A[@]}" log --check
"#;

#[test]
#[cfg_attr(
    missing_keyring,
    ignore = "needs dbus-run-session, gnome-keyring-daemon, secret-tool and timeout, not all installed"
)]
fn after_init_replace_a_keychain_rotation_still_opens_letters_sent_to_the_old_key() {
    if !have_keyring_peers() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let shared = private_dir(tmp.path(), "shared");
    let a_home = tmp.path().join("carepost");
    let (b, b_key, b_fpr) = peer_b();
    let letter = common::write(&b, "letter.txt", b"Referral of 1 December.");
    let env: Vec<(&str, &std::ffi::OsStr)> = vec![
        ("A_HOME", a_home.as_os_str()),
        ("B_HOME", b.home.as_os_str()),
        ("B_PW", b.passphrase_file.as_os_str()),
        ("SHARED", shared.as_os_str()),
        ("B_KEY", b_key.as_os_str()),
        ("B_FPR", b_fpr.as_ref()),
        ("LETTER", letter.as_os_str()),
    ];
    let out_dir = run_session(tmp.path(), &format!("{SESSION_PRELUDE}{PEERS_PRELUDE}{REPLACE_SCRIPT}"), &env);
    let json = |name: &str| -> serde_json::Value {
        serde_json::from_str(&expect_success(&out_dir, name).out).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let old = json("a_init")["fingerprint"].as_str().unwrap().to_owned();
    for name in ["a_export", "a_add", "a_verify", "b_add", "b_verify", "b_send", "revoke"] {
        expect_success(&out_dir, name);
    }
    let replaced = json("replace");
    let new = replaced["fingerprint"].as_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert_eq!(replaced["old_key_with_new_passphrase"], true, "{replaced}");
    assert!(a_home.join("identity").join("previous").join(format!("{old}.pgp")).exists());
    let before = expect_success(&out_dir, "lookup_replaced").out;
    let opened = json("open_replaced");
    assert_eq!(std::fs::read(opened["output"].as_str().unwrap()).unwrap(), b"Referral of 1 December.");

    let rotated = json("rotate");
    assert_eq!(rotated["keychain"], "rotated", "{rotated}");
    let after = expect_success(&out_dir, "lookup_rotated").out;
    assert_ne!(after, before, "the rotation left the keychain's passphrase as it was");
    // The kept old key follows the new passphrase: the letter to it opens.
    let opened = json("open_rotated");
    assert_eq!(std::fs::read(opened["output"].as_str().unwrap()).unwrap(), b"Referral of 1 December.");

    // A rotation killed once the key file has its new protection, before
    // the kept old key has it too: the next command finishes the change,
    // the old key included, so the letter still opens.
    assert_eq!(step(&out_dir, "rotate_killed").code, 134, "the rotation was not stopped at its step");
    assert_eq!(json("status")["passphrase_source"], "keychain");
    let finished = expect_success(&out_dir, "lookup_killed").out;
    assert_ne!(finished, after, "the killed rotation was not finished");
    let opened = json("open_killed");
    assert_eq!(std::fs::read(opened["output"].as_str().unwrap()).unwrap(), b"Referral of 1 December.");
    expect_success(&out_dir, "log_check");
}
