//! `carepost passphrase change` for a passphrase the user chose, with
//! files (no keychain: tests/keychain.rs covers the keychain's moves and
//! their kills): the key is protected again, the old passphrase no longer
//! opens it, refusals change nothing, a kill at any moment leaves the old
//! or the new protection whole, and no passphrase leaks.

mod common;

use common::{code, pair, stderr, write_secret, Carepost, PASSPHRASE};
use openpgp::parse::Parse;
use sequoia_openpgp as openpgp;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NEW: &str = "lantern orbit velvet cactus, not for real use";

fn key_file(cp: &Carepost) -> PathBuf {
    cp.home.join("identity/key.pgp")
}

fn secret_file(cp: &Carepost, name: &str, text: &str) -> PathBuf {
    let path = cp.path(name);
    write_secret(&path, format!("{text}\n").as_bytes());
    path
}

/// Whether `passphrase` decrypts every secret key in the key file: read
/// with the OpenPGP library, not carepost, so a half-written file fails.
fn opens(key: &Path, passphrase: &str) -> bool {
    let cert = openpgp::Cert::from_file(key).expect("the key file is whole");
    assert!(cert.is_tsk());
    let password = openpgp::crypto::Password::from(passphrase);
    cert.keys().secret().all(|ka| ka.key().clone().decrypt_secret(&password).is_ok())
}

/// A command that needs the secret key: certifying the contact again.
fn unlocks_with(cp: &Carepost, file: &Path, alias: &str, fingerprint: &str) -> bool {
    cp.bare_cmd()
        .arg("--passphrase-file")
        .arg(file)
        .args(["contact", "verify", alias, "--fingerprint", fingerprint])
        .output()
        .unwrap()
        .status
        .success()
}

#[test]
fn a_changed_passphrase_opens_the_key_and_the_old_one_no_longer_does() {
    let (clinician, patient) = pair();
    let before_key = clinician.export_key();
    let public_before = std::fs::read(&before_key).unwrap();
    // A document sent before the change opens after it.
    let letter = common::write(&patient, "letter.txt", b"results attached");
    let sent = patient.path("sent");
    std::fs::create_dir(&sent).unwrap();
    let out = patient.json(&["send", letter.to_str().unwrap(), "--to", "dr-jansen", "-o", sent.to_str().unwrap()]);
    let message = out["outputs"][0]["output"].as_str().unwrap().to_owned();

    let new = secret_file(&clinician, "new-passphrase", NEW);
    let out =
        clinician.cmd().args(["--json", "passphrase", "change", "--new-passphrase-file"]).arg(&new).output().unwrap();
    let done = common::ok_json(&out);
    assert_eq!(done["changed"], true);
    assert_eq!(done["keychain"], "none");
    assert!(opens(&key_file(&clinician), NEW));
    assert!(!opens(&key_file(&clinician), PASSPHRASE));

    // The old passphrase file no longer unlocks (exit 5); the new one does.
    let refused = clinician
        .cmd()
        .args(["contact", "verify", "p-0042", "--fingerprint", &patient.fingerprint()])
        .output()
        .unwrap();
    assert_eq!(code(&refused), 5, "{}", stderr(&refused));
    assert!(unlocks_with(&clinician, &new, "p-0042", &patient.fingerprint()));
    // Sending and opening work with the new one; the public key is the same.
    let reply = common::write(&clinician, "reply.txt", b"see you on monday");
    let out_dir = clinician.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    let sent_reply = clinician
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(&new)
        .args(["--json", "send"])
        .arg(&reply)
        .args(["--to", "p-0042", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    let sent_reply = common::ok_json(&sent_reply);
    let reply_file = sent_reply["outputs"][0]["output"].as_str().unwrap();
    let opened = patient.json(&["open", reply_file]);
    assert_eq!(opened["sender"]["status"], "verified");
    let inbox = clinician.path("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let opened = clinician
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(&new)
        .args(["--json", "open", &message, "-o"])
        .arg(&inbox)
        .output()
        .unwrap();
    common::ok_json(&opened);
    assert_eq!(std::fs::read(inbox.join("letter.txt")).unwrap(), b"results attached");
    let after_key = clinician.path("after.asc");
    clinician.cmd().args(["export-key", "-o"]).arg(&after_key).assert().success();
    assert_eq!(std::fs::read(&after_key).unwrap(), public_before);

    // The log holds the change by its code, and no passphrase.
    let check = clinician.bare_cmd().arg("--passphrase-file").arg(&new).args(["log", "--check"]).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    let log = std::fs::read_to_string(clinician.home.join("audit.log")).unwrap();
    let changes: Vec<&str> = log.lines().filter(|l| l.contains("\"passphrase-change\"")).collect();
    assert_eq!(changes.len(), 1, "{log}");
    assert!(changes[0].contains("\"chosen\""));
    assert!(!log.contains(NEW) && !log.contains(PASSPHRASE));
    let status = clinician.json(&["status"]);
    assert_eq!(status["passphrase_source"], "file");
}

#[test]
fn refusals_change_nothing_and_name_no_passphrase() {
    let cp = Carepost::with_identity("Dr. R. Efused", "r@example.org");
    let key_before = std::fs::read(key_file(&cp)).unwrap();
    let log_before = std::fs::read(cp.home.join("audit.log")).unwrap();
    let weak = secret_file(&cp, "weak", "abcabcabcabcabc");
    let new = secret_file(&cp, "new", NEW);
    let wrong = secret_file(&cp, "wrong", "not the passphrase of this key at all");
    let unsafe_file = cp.path("world-readable");
    std::fs::write(&unsafe_file, format!("{NEW}\n")).unwrap();

    // A weak new passphrase.
    let out = cp.cmd().args(["passphrase", "change", "--new-passphrase-file"]).arg(&weak).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("too easy to guess"), "{}", stderr(&out));
    // A wrong current one: exit 5, before the new one is even read.
    let out = cp
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(&wrong)
        .args(["passphrase", "change", "--new-passphrase-file"])
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(stderr(&out).contains("does not unlock"));
    // A new passphrase file others can read.
    let out = cp.cmd().args(["passphrase", "change", "--new-passphrase-file"]).arg(&unsafe_file).output().unwrap();
    assert!(!out.status.success());
    // No new passphrase at all, and nobody at a terminal to type one.
    let out = cp.cmd().args(["passphrase", "change"]).output().unwrap();
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    // A missing new passphrase file.
    let out =
        cp.cmd().args(["passphrase", "change", "--new-passphrase-file"]).arg(cp.path("missing")).output().unwrap();
    assert!(!out.status.success());
    // --new-passphrase-file belongs to `change` and `--from-keychain`.
    let out = cp.cmd().args(["passphrase", "--to-keychain", "--new-passphrase-file"]).arg(&new).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));

    assert_eq!(std::fs::read(key_file(&cp)).unwrap(), key_before, "a refusal rewrote the key");
    assert_eq!(std::fs::read(cp.home.join("audit.log")).unwrap(), log_before, "a refusal was logged as a change");
    assert!(opens(&key_file(&cp), PASSPHRASE));
    let leftovers: Vec<_> =
        std::fs::read_dir(cp.home.join("identity")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(
        leftovers.iter().all(|n| !n.to_string_lossy().contains(".part") && !n.to_string_lossy().starts_with(".tmp")),
        "{leftovers:?}"
    );
    // The passphrases are never in what carepost says.
    for out in [
        cp.cmd().args(["passphrase", "change", "--new-passphrase-file"]).arg(&weak).output().unwrap(),
        cp.bare_cmd()
            .arg("--passphrase-file")
            .arg(&wrong)
            .args(["passphrase", "change", "--new-passphrase-file"])
            .arg(&new)
            .output()
            .unwrap(),
    ] {
        let said = format!("{}{}", common::stdout(&out), stderr(&out));
        for secret in [PASSPHRASE, NEW, "abcabcabcabcabc", "not the passphrase of this key at all"] {
            assert!(!said.contains(secret), "a passphrase is in the output: {said}");
        }
    }
}

/// `carepost passphrase change` from `from` to `to` for `cp`, as a plain
/// child process that can be killed.
fn spawn_change(cp: &Carepost, from: &Path, to: &Path, kill_at: Option<&str>) -> std::process::Child {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("carepost"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CAREPOST_LANG", "en")
        .arg("--home")
        .arg(&cp.home)
        .arg("--no-keychain")
        .arg("--passphrase-file")
        .arg(from)
        .args(["passphrase", "change", "--new-passphrase-file"])
        .arg(to)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Some(step) = kill_at {
        cmd.env("CAREPOST_TEST_KILL_AT", step);
    }
    cmd.spawn().unwrap()
}

#[test]
fn a_kill_at_any_moment_leaves_a_whole_key_that_the_old_or_the_new_passphrase_opens() {
    let cp = Carepost::with_identity("Dr. K. Ill", "k@example.org");
    let old = cp.passphrase_file.clone();
    let new = secret_file(&cp, "new", NEW);
    let key = key_file(&cp);
    // Which file opens the key now, and the other one.
    let current = |key: &Path| -> (PathBuf, PathBuf) {
        let (a, b) = (opens(key, PASSPHRASE), opens(key, NEW));
        assert!(a != b, "exactly one passphrase opens the key (old {a}, new {b})");
        if a {
            (old.clone(), new.clone())
        } else {
            (new.clone(), old.clone())
        }
    };

    // At each step the code names: before the rename the old, after it the new.
    for (step, moved) in [("reprotected", false), ("key-replaced", true)] {
        let (from, to) = current(&key);
        let status = spawn_change(&cp, &from, &to, Some(step)).wait().unwrap();
        assert!(!status.success(), "{step}: the change was not stopped");
        let (now, _) = current(&key);
        assert_eq!(now == to, moved, "{step}");
    }

    // And at moments chosen by the clock: increasing delays over the
    // whole run of the command.
    let (from, to) = current(&key);
    let began = Instant::now();
    assert!(spawn_change(&cp, &from, &to, None).wait().unwrap().success());
    let run = began.elapsed();
    let (mut killed, mut finished) = (0, 0);
    for i in 0..16u32 {
        let (from, to) = current(&key);
        let mut child = spawn_change(&cp, &from, &to, None);
        std::thread::sleep(run * i / 14);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
        }
        let status = child.wait().unwrap();
        if status.success() {
            finished += 1;
        } else {
            killed += 1;
        }
        let (now, _) = current(&key);
        // carepost agrees with the file: it unlocks with the secret that opens it.
        if i % 4 == 0 {
            let out = cp.bare_cmd().arg("--passphrase-file").arg(&now).args(["log", "--check"]).output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
        }
    }
    eprintln!("one change takes {run:?}; {killed} killed, {finished} finished");
    assert!(killed > 0, "nothing was killed");
    let (now, _) = current(&key);
    let out = cp.bare_cmd().arg("--passphrase-file").arg(&now).args(["--json", "export-key"]).output().unwrap();
    assert!(out.status.success());
    let _ = Duration::ZERO;
}

/// Runs `carepost ARGS` for `cp` on a pseudo-terminal (util-linux
/// `script`), typing `answer`; returns the exit code and the screen.
fn on_terminal(cp: &Carepost, args: &[&str], answer: &str) -> Option<(i32, String)> {
    use std::process::Stdio;
    if std::process::Command::new("script").arg("--version").stdout(Stdio::null()).status().is_err() {
        common::missing_peer("`script` (util-linux) is not installed, so no terminal could be simulated");
    }
    let binary = assert_cmd::cargo::cargo_bin("carepost");
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = vec![quote(binary.to_str().unwrap()), "--home".into(), quote(cp.home.to_str().unwrap())];
    line.push("--no-keychain".into());
    line.extend(args.iter().map(|a| quote(a)));
    let mut child = std::process::Command::new("script")
        .args(["-qefc", &line.join(" "), "/dev/null"])
        .env("CAREPOST_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        for line in answer.split_inclusive('\n') {
            // Each prompt appears before its answer arrives.
            std::thread::sleep(Duration::from_millis(1500));
            // carepost may have stopped already (a refusal): that is for
            // the caller's checks to judge.
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    }
    let out = child.wait_with_output().unwrap();
    Some((out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned()))
}

#[test]
fn on_a_terminal_the_current_passphrase_is_asked_then_the_new_one_twice() {
    let cp = Carepost::with_identity("Dr. T. Erminal", "t@example.org");
    let key = key_file(&cp);
    let before = std::fs::read(&key).unwrap();
    // Typed twice, differently: refused (usage), nothing changed.
    let typed = format!("{PASSPHRASE}\n{NEW}\n{NEW} but not the same\n");
    let Some((status, screen)) = on_terminal(&cp, &["passphrase", "change"], &typed) else { return };
    assert_eq!(status, 2, "{screen}");
    assert!(screen.contains("different"), "{screen}");
    assert_eq!(std::fs::read(&key).unwrap(), before);
    // A wrong current passphrase: exit 5 before any new one is asked.
    let typed = format!("wrong one, not this key's\n{NEW}\n{NEW}\n");
    let Some((status, screen)) = on_terminal(&cp, &["passphrase", "change"], &typed) else { return };
    assert_eq!(status, 5, "{screen}");
    assert!(!screen.contains("Choose a passphrase"), "{screen}");
    assert_eq!(std::fs::read(&key).unwrap(), before);
    // Current, then the new one twice.
    let typed = format!("{PASSPHRASE}\n{NEW}\n{NEW}\n");
    let Some((status, screen)) = on_terminal(&cp, &["passphrase", "change"], &typed) else { return };
    assert_eq!(status, 0, "{screen}");
    assert!(screen.contains("Passphrase for your carepost key"), "{screen}");
    assert!(screen.contains("Type the same passphrase again"), "{screen}");
    assert!(!screen.contains(NEW) && !screen.contains(PASSPHRASE), "a passphrase was echoed: {screen}");
    assert!(opens(&key, NEW) && !opens(&key, PASSPHRASE));
}

#[test]
fn no_passphrase_goes_out_on_argv_or_in_writes_and_none_stays_in_the_home() {
    let cp = Carepost::with_identity("Dr. S. Trace", "s@example.org");
    let new = secret_file(&cp, "new", NEW);
    let traced = std::process::Command::new("strace").arg("-V").output().is_ok_and(|o| o.status.success());
    let log = cp.path("strace.log");
    let mut changed = false;
    if traced {
        let out = common::under_strace(&cp, &log)
            .args(["passphrase", "change", "--new-passphrase-file"])
            .arg(&new)
            .output()
            .unwrap();
        let trace = std::fs::read_to_string(&log).unwrap_or_default();
        if out.status.success() {
            changed = true;
            assert!(trace.contains("execve("), "strace saw nothing: {trace}");
            for secret in [PASSPHRASE, NEW] {
                assert!(!trace.contains(secret), "a passphrase went out on argv or in a write");
            }
        } else if trace.is_empty() && stderr(&out).contains("ptrace") {
            assert!(!common::in_ci(), "strace cannot trace in CI: {}", stderr(&out));
            eprintln!("SKIPPED the strace part: {}", stderr(&out).trim());
        } else {
            panic!("carepost under strace failed: {}", stderr(&out));
        }
    } else {
        assert!(!common::in_ci(), "strace is not installed; CI needs it");
        eprintln!("SKIPPED the strace part: strace is not installed");
    }
    if !changed {
        cp.cmd().args(["passphrase", "change", "--new-passphrase-file"]).arg(&new).assert().success();
    }
    let mut stack = vec![cp.home.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                for secret in [PASSPHRASE, NEW] {
                    let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
                    assert!(!found, "a passphrase is in {}", path.display());
                }
            }
        }
    }
}

#[test]
fn an_expired_key_can_change_its_passphrase_before_it_is_renewed() {
    let cp = Carepost::with_identity("Dr. E. Xpired", "e@example.org");
    let new = secret_file(&cp, "new", NEW);
    let later = "2040-01-01T00:00:00Z";
    let out = cp
        .cmd()
        .env("CAREPOST_TEST_NOW", later)
        .args(["--json", "passphrase", "change", "--new-passphrase-file"])
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(common::ok_json(&out)["changed"], true);
    assert!(opens(&key_file(&cp), NEW) && !opens(&key_file(&cp), PASSPHRASE));
    let check = cp.bare_cmd().arg("--passphrase-file").arg(&new).args(["log", "--check"]).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
}
