//! Hostile and broken input through the real binary: messages that crash
//! a parser, decompression bombs, files for someone else, key files that
//! never end. Each must get the contract's exit code, one `error:` and one
//! `hint:` line, and leave nothing on disk.

mod common;

use common::{pair, stderr, write, Carepost, Gpg};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn fresh_dir(cp: &Carepost, name: &str) -> PathBuf {
    let dir = cp.path(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

fn send(from: &Carepost, path: &Path, alias: &str, dir: &Path) -> PathBuf {
    let out = from.cmd().args(["--json", "send"]).arg(path).args(["--to", alias, "-o"]).arg(dir).output().unwrap();
    assert!(out.status.success(), "send failed: {}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    PathBuf::from(json["outputs"][0]["output"].as_str().unwrap())
}

/// The contract's failure shape: exit `code`, `error:` then `hint:`, no
/// panic text.
fn assert_clear_failure(out: &std::process::Output, code: i32) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.starts_with("warning: ")).collect();
    assert_eq!(lines.len(), 2, "expected `error:` and `hint:` lines, got {err:?}");
    assert!(lines[0].starts_with("error: ") && lines[1].starts_with("hint: "), "{err}");
    err
}

/// A gpg home that can encrypt to `recipient`'s carepost identity.
fn gpg_for(recipient: &Carepost) -> Gpg {
    let gpg = Gpg::new().expect("gpg");
    gpg.import(&recipient.export_key());
    gpg
}

/// gpg streams a literal from stdin with partial body lengths; SEIPDv1
/// cut 18 to 39 bytes into the encrypted data made sequoia-openpgp 2.4
/// panic (parse.rs, `data_consume_hard(bl + 2).unwrap()`).
#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn truncated_seipdv1_with_partial_lengths_is_damaged_not_a_crash() {
    let (_clinician, patient) = pair();
    let gpg = gpg_for(&patient);
    let plaintext = write(&patient, "plain.bin", &vec![0x5au8; 200_000]);
    // From a pipe (stdin), not a named file, so gpg cannot know the size.
    let out = std::process::Command::new("gpg")
        .env("GNUPGHOME", gpg.home())
        .args(["--batch", "--no-tty", "--trust-model", "always", "--compress-algo", "none"])
        .args(["-r", "p.devries@example.org", "-e"])
        .stdin(std::fs::File::open(&plaintext).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let message = out.stdout;
    // The SEIPD packet follows the PKESK; find its start from the header.
    let pkesk_len = 2 + message[1] as usize;
    assert_eq!(message[pkesk_len] & 0x3f, 18, "gpg should write SEIPDv1 after one PKESK");
    let body = pkesk_len + 2;
    let dir = fresh_dir(&patient, "in");
    for cut in (body..body + 48).chain([body + 500, message.len() - 30]) {
        let cut_file = write(&patient, &format!("cut-{cut}.pgp"), &message[..cut]);
        let out = patient.cmd().arg("open").arg(&cut_file).arg("-o").arg(&dir).output().unwrap();
        let err = assert_clear_failure(&out, 4);
        assert!(
            ["damaged or cut short", "incomplete", "changed, damaged"].iter().any(|s| err.contains(s)),
            "cut at {cut}: {err}"
        );
        assert!(!err.contains("not encrypted to your key"), "cut at {cut}: {err}");
        assert!(files_in(&dir).is_empty(), "cut at {cut} left {:?}", files_in(&dir));
    }
    // Each refusal is in the audit log like any other damaged input.
    let log = patient.cmd().arg("log").output().unwrap();
    assert!(String::from_utf8_lossy(&log.stdout).contains("damaged"), "{}", common::stdout(&log));
}

#[test]
fn a_file_for_a_contact_is_refused_before_the_passphrase() {
    let (clinician, _patient) = pair();
    // A colleague who knows the patient as p-0042 receives a file meant
    // only for the patient (and the clinician's own copy).
    let colleague = Carepost::with_identity("Dr. B", "b@hospital.example");
    let patient_key = colleague.path("p.asc");
    std::fs::copy(_patient.export_key(), &patient_key).unwrap();
    colleague.cmd().args(["contact", "add", "p-0042", "--key-file"]).arg(&patient_key).assert().success();
    let input = write(&clinician, "brief.pdf", b"for the patient only");
    let sent = send(&clinician, &input, "p-0042", &fresh_dir(&clinician, "out"));
    let dir = fresh_dir(&colleague, "in");
    // No passphrase can be had: a missing passphrase file, stdin closed.
    let out = colleague
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(colleague.path("no-such-passphrase"))
        .arg("open")
        .arg(&sent)
        .arg("-o")
        .arg(&dir)
        .output()
        .unwrap();
    let err = assert_clear_failure(&out, 4);
    assert!(err.contains("locked for p-0042") && err.contains(" only"), "{err}");
    assert!(files_in(&dir).is_empty());
    let json = colleague
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(colleague.path("no-such-passphrase"))
        .args(["--json", "open"])
        .arg(&sent)
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(4), "{}", stderr(&json));
}

fn bomb(gpg: &Gpg, recipient_email: &str, algo: &str, dir: &Path) -> PathBuf {
    let path = dir.join(format!("bomb-{algo}.pgp"));
    let zeros = vec![0u8; 64 << 20];
    let out = gpg.run_raw(
        &[
            "--trust-model",
            "always",
            "--compress-algo",
            algo,
            "-z",
            "9",
            "-r",
            recipient_email,
            "-o",
            path.to_str().unwrap(),
            "-e",
        ],
        Some(&zeros),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    path
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn decompression_bombs_are_refused_quickly_by_default() {
    let (_clinician, patient) = pair();
    let gpg = gpg_for(&patient);
    for algo in ["bzip2", "zlib"] {
        let bomb = bomb(&gpg, "p.devries@example.org", algo, patient.dir.path());
        let size = std::fs::metadata(&bomb).unwrap().len();
        assert!(size < 1 << 20, "{algo}: {size} bytes");
        let dir = fresh_dir(&patient, &format!("in-{algo}"));
        let started = Instant::now();
        let out = patient.cmd().arg("open").arg(&bomb).arg("-o").arg(&dir).output().unwrap();
        let took = started.elapsed();
        let err = assert_clear_failure(&out, 4);
        assert!(err.contains("larger than 16 MiB") && err.contains("decompression"), "{algo}: {err}");
        assert!(files_in(&dir).is_empty(), "{algo}: {:?}", files_in(&dir));
        assert!(took < Duration::from_secs(10), "{algo}: took {took:?}");
    }
}

#[cfg(unix)]
#[test]
fn key_files_that_never_end_or_block_are_refused() {
    let cp = Carepost::with_identity("Dr. A", "a@example.org");
    let add = |path: &Path| {
        let mut cmd = cp.cmd();
        cmd.args(["contact", "add", "p-1", "--key-file"]).arg(path).timeout(Duration::from_secs(20));
        cmd.output().unwrap()
    };
    let fifo = cp.path("key.fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for path in [Path::new("/dev/zero"), fifo.as_path()] {
        let err = assert_clear_failure(&add(path), 1);
        assert!(err.contains("not a regular file"), "{err}");
    }
    let folder = fresh_dir(&cp, "keys");
    let err = assert_clear_failure(&add(&folder), 1);
    assert!(err.contains("folder"), "{err}");
    let huge = cp.path("huge.asc");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(17 << 20).unwrap();
    let err = assert_clear_failure(&add(&huge), 4);
    assert!(err.contains("too large"), "{err}");
    let list = cp.json(&["contact", "list"]);
    assert_eq!(list["contacts"].as_array().unwrap().len(), 0);
}

/// Opening a PGP/MIME email keeps its bulk on disk: the email and its
/// decrypted inside are parsed without their base64 runs, and the
/// attachment is decoded from the file straight into the spool. With a
/// 25 MiB attachment (a 46 MiB .eml) the whole email once took about
/// 100 MiB of memory; now it takes about what opening a small one does.
///
/// The bound is on the child's own peak RSS (wait4, not RUSAGE_CHILDREN,
/// which other tests' children would share). A debug build peaks at about
/// 27 MiB here, the old code at about 100 MiB; 48 MiB leaves room for the
/// test process's own memory, which the child's peak counts from the
/// spawn, while one more full copy of the attachment (25 MiB) breaks it.
#[cfg(target_os = "linux")]
#[test]
fn a_25_mib_attachment_is_opened_in_bounded_memory() {
    use std::io::Write as _;
    const BOUND_KIB: i64 = 48 << 10;
    let (clinician, patient) = pair();
    let doc = clinician.path("scan.pdf");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&doc).unwrap());
    file.write_all(b"%PDF-1.7\n").unwrap();
    // Incompressible, so that nothing along the way makes it smaller.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..(25 << 20) / 8 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        file.write_all(&state.to_le_bytes()).unwrap();
    }
    drop(file);
    let eml = clinician.path("scan.eml");
    clinician.cmd().arg("send").arg(&doc).args(["--to", "p-0042", "--eml"]).arg(&eml).assert().success();
    let inbox = fresh_dir(&patient, "in");
    let errors = patient.path("open.err");
    // Reaped below by wait4, which also returns its resource usage.
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_carepost"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CAREPOST_LANG", "en")
        .arg("--home")
        .arg(&patient.home)
        .arg("--no-keychain")
        .arg("--passphrase-file")
        .arg(&patient.passphrase_file)
        .args(["--json", "open", "--require-verified-sender"])
        .arg(&eml)
        .arg("-o")
        .arg(&inbox)
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&errors).unwrap())
        .spawn()
        .unwrap()
        .id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for this child only.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child, &mut status, 0, &mut usage) };
    assert_eq!(pid, child);
    let err = std::fs::read_to_string(&errors).unwrap();
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "open failed: {err}");
    // ru_maxrss is in KiB on Linux.
    let peak = usage.ru_maxrss;
    eprintln!("open of a 25 MiB attachment: peak RSS {} MiB", peak >> 10);
    assert!(peak < BOUND_KIB, "peak RSS {} MiB, bound {} MiB", peak >> 10, BOUND_KIB >> 10);
    let saved = files_in(&inbox);
    assert_eq!(saved, ["scan.pdf"]);
    assert!(std::fs::read(inbox.join("scan.pdf")).unwrap() == std::fs::read(&doc).unwrap());
}
