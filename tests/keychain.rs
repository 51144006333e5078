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

/// Starts an unlocked keyring with a default "login" collection, then runs
/// each step under `timeout`, recording stdout, stderr and exit code in
/// $OUT/<step>.{out,err,code}.
const SESSION_SCRIPT: &str = r#"
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

#[test]
#[cfg_attr(
    missing_keyring,
    ignore = "needs dbus-run-session, gnome-keyring-daemon, secret-tool and timeout, not all installed"
)]
fn init_stores_the_passphrase_in_the_keychain_and_later_commands_unlock_with_it() {
    if !["dbus-run-session", "gnome-keyring-daemon", "secret-tool", "timeout"].iter().all(|p| common::have_peer(p)) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let home = private_dir(tmp.path(), "user-home");
    let runtime = private_dir(tmp.path(), "runtime");
    let out_dir = private_dir(tmp.path(), "steps");
    let cp_home = tmp.path().join("carepost-home");

    let peer = CertBuilder::general_purpose(Some("Peer <peer@example.org>")).generate().unwrap().0;
    let peer_key = tmp.path().join("peer.asc");
    std::fs::write(&peer_key, peer.armored().to_vec().unwrap()).unwrap();

    let mut cmd = Command::new("dbus-run-session");
    cmd.args(["--", "bash", "-c", SESSION_SCRIPT])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("CAREPOST", assert_cmd::cargo::cargo_bin("carepost"))
        .env("CAREPOST_LANG", "en")
        .env("CAREPOST_KEYCHAIN_TIMEOUT", "20")
        .env("CP_HOME", &cp_home)
        .env("OUT", &out_dir)
        .env("PEER_KEY", &peer_key)
        .env("PEER_FPR", peer.fingerprint().to_hex());
    let (code, stdout, stderr, _) = run_with_deadline(cmd, tmp.path(), SESSION_DEADLINE);
    assert_eq!(code, Some(0), "the session failed: {stdout}{stderr}");

    let probe = step(&out_dir, "probe");
    if probe.code != 0 {
        let why = format!("no Secret Service could be started in a private D-Bus session: {}", probe.err);
        common::missing_peer(&why);
    }

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
