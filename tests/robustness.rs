//! Robustness through the real binary: concurrent commands, `kill -9` at
//! random moments, a clock set back, missing folders, read-only places and
//! a full disk. After each, the audit chain must verify, the managed-file
//! records must match the disk, and no plaintext may be left outside the
//! places carepost manages.

mod common;

use common::{pair, stderr, Carepost};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// `carepost` for `cp`'s home as a plain process (so it can be killed),
/// optionally at a fixed time.
fn carepost(cp: &Carepost, now: Option<&str>) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("carepost"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CAREPOST_LANG", "en")
        .arg("--home")
        .arg(&cp.home)
        .arg("--no-keychain")
        .arg("--passphrase-file")
        .arg(&cp.passphrase_file)
        .stdin(Stdio::null());
    if let Some(now) = now {
        cmd.env("CAREPOST_TEST_NOW", now);
    }
    cmd
}

fn run(cp: &Carepost, now: Option<&str>, args: &[&str]) -> Output {
    carepost(cp, now).args(args).output().unwrap()
}

/// Runs a `--json` command that must succeed and parses its result.
fn json(cp: &Carepost, now: Option<&str>, args: &[&str]) -> serde_json::Value {
    let out = carepost(cp, now).arg("--json").args(args).output().unwrap();
    assert!(out.status.success(), "carepost {args:?} failed: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn at(t: SystemTime) -> String {
    carepost::fmt_time(t)
}

fn hours(n: u64) -> Duration {
    Duration::from_secs(n * 3600)
}

/// A failed command as the contract wants it: the exit code, one `error:`
/// line, then a `hint:` line; nothing else on stderr.
fn assert_clear_failure(out: &Output, code: i32, mentions: &[&str]) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.starts_with("warning: ")).collect();
    assert_eq!(lines.len(), 2, "expected `error:` and `hint:` lines, got {err:?}");
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines[1].starts_with("hint: "), "{err}");
    let lower = err.to_lowercase();
    assert!(mentions.iter().any(|m| lower.contains(&m.to_lowercase())), "{err:?} mentions none of {mentions:?}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
    err
}

fn log_check_passes(cp: &Carepost, now: Option<&str>) -> serde_json::Value {
    let out = carepost(cp, now).args(["--json", "log", "--check"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "log --check failed: {}{}",
        stderr(&out),
        String::from_utf8_lossy(&out.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["intact"], true, "{report}");
    report
}

/// Every managed-file record (`files --all --json`).
fn all_files(cp: &Carepost, now: Option<&str>) -> Vec<serde_json::Value> {
    json(cp, now, &["files", "--all"])["files"].as_array().unwrap().clone()
}

fn log_records(cp: &Carepost, now: Option<&str>) -> Vec<serde_json::Value> {
    json(cp, now, &["log"])["records"].as_array().unwrap().clone()
}

fn sha256_file(path: &Path) -> (String, u64) {
    carepost::hashing::sha256_of(&mut std::fs::File::open(path).unwrap()).unwrap()
}

fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            files_under(&entry.path(), found);
        } else if kind.is_file() {
            found.push(entry.path());
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Files under `root` holding `marker`, except those in `allowed`.
fn plaintext_outside(root: &Path, marker: &[u8], allowed: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
    let mut all = Vec::new();
    files_under(root, &mut all);
    all.into_iter()
        .filter(|p| !allowed.contains(p))
        .filter(|p| std::fs::read(p).is_ok_and(|bytes| contains(&bytes, marker)))
        .collect()
}

/// The checks every scenario ends with: every active record names a file
/// that exists with the recorded size and hash; no record is left pending;
/// `folders` hold nothing but recorded outputs (and `extra_ok`); the audit
/// chain verifies. Returns the active records' paths by kind.
fn assert_consistent(
    cp: &Carepost,
    now: Option<&str>,
    folders: &[&Path],
    extra_ok: &BTreeSet<PathBuf>,
) -> BTreeMap<String, BTreeSet<PathBuf>> {
    let records = all_files(cp, now);
    let mut active: BTreeMap<String, BTreeSet<PathBuf>> = BTreeMap::new();
    for record in &records {
        let state = record["state"].as_str().unwrap();
        assert_ne!(state, "pending", "a pending record survived recovery: {record}");
        if state != "active" {
            continue;
        }
        let path = PathBuf::from(record["path"].as_str().unwrap());
        let meta = std::fs::symlink_metadata(&path).unwrap_or_else(|e| panic!("{record}: {e}"));
        assert!(meta.is_file(), "{record}");
        let (sha256, size) = sha256_file(&path);
        assert_eq!(size, record["size"].as_u64().unwrap(), "{record}");
        assert_eq!(sha256, record["sha256"].as_str().unwrap(), "{record}");
        let fresh = active.entry(record["kind"].as_str().unwrap().to_owned()).or_default().insert(path);
        assert!(fresh, "two active records for one file: {record}");
    }
    // Every deletion is in the audit log (record and log entry are written
    // in one transaction). A purge killed after its log entry reached the
    // file but before the database committed leaves the record active with
    // its file gone: the next purge closes it as "missing" — so a logged
    // deletion may belong to a "missing" record, but never to nothing.
    let log = log_records(cp, now);
    let key = |sha256: &serde_json::Value, size: &serde_json::Value| {
        (sha256.as_str().unwrap().to_owned(), size.as_u64().unwrap())
    };
    // (deleted records, missing records, logged deletions) per document.
    let mut tally: BTreeMap<(String, u64), (u64, u64, u64)> = BTreeMap::new();
    for record in &records {
        let entry = tally.entry(key(&record["sha256"], &record["size"])).or_default();
        match record["state"].as_str().unwrap() {
            "deleted" => entry.0 += 1,
            "missing" => entry.1 += 1,
            _ => {}
        }
    }
    for entry in log.iter().filter(|r| r["action"] == "purge" && r["outcome"] == "success") {
        if entry["detail"].as_str().is_some_and(|d| d.ends_with(" deleted")) {
            tally.entry(key(&entry["document_sha256"], &entry["document_size"])).or_default().2 += 1;
        }
    }
    for (document, (deleted, missing, logged)) in &tally {
        assert!(
            *deleted <= *logged && *logged <= deleted + missing,
            "{document:?}: {deleted} deleted and {missing} missing records, {logged} logged deletions"
        );
    }
    let recorded: BTreeSet<&PathBuf> = active.values().flatten().collect();
    for folder in folders {
        for name in names_in(folder) {
            let path = folder.join(&name);
            assert!(
                recorded.contains(&path) || extra_ok.contains(&path),
                "{} is in {} but carepost has no record of it",
                name,
                folder.display()
            );
        }
    }
    log_check_passes(cp, now);
    active
}

/// A tiny deterministic generator (xorshift), seeded from the clock or
/// `CAREPOST_TEST_SEED` so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("CAREPOST_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1);
        eprintln!("random seed: {seed} (set CAREPOST_TEST_SEED to repeat)");
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A document whose every line carries `marker`, so any copy of any part
/// of it can be found.
fn document(marker: &str, lines: usize) -> Vec<u8> {
    let mut text = String::new();
    for i in 0..lines {
        text.push_str(&format!("{marker} line {i:06}: HbA1c 48 mmol/mol, eGFR 74\n"));
    }
    text.into_bytes()
}

fn send_json(cp: &Carepost, now: Option<&str>, input: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["send", input.to_str().unwrap(), "--to", "p-0042"];
    args.extend_from_slice(extra);
    json(cp, now, &args)
}

// --- 1. Concurrency ----------------------------------------------------

#[test]
fn eight_concurrent_sends_and_a_purge_lose_nothing() {
    let (clinician, _patient) = pair();
    let t0 = SystemTime::now();
    let later = at(t0 + hours(2));
    // Three earlier sends that have expired by the time the others run,
    // so the purges (the explicit one and every send's quick purge) race
    // each other for them.
    let mut expired = Vec::new();
    for i in 0..3 {
        let input = clinician.path(&format!("old-{i}.txt"));
        std::fs::write(&input, document(&format!("OLD-{i}"), 50)).unwrap();
        let sent = send_json(&clinician, Some(&at(t0)), &input, &["--retain", "1h"]);
        let path = PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap());
        let id = all_files(&clinician, Some(&at(t0)))
            .into_iter()
            .find(|r| r["path"] == path.to_str().unwrap())
            .expect("a new output is recorded")["id"]
            .clone();
        expired.push((path, id));
    }
    let started = Instant::now();
    let out_dir = clinician.path("sent");
    std::fs::create_dir(&out_dir).unwrap();
    let mut children = Vec::new();
    for i in 0..8 {
        let input = clinician.path(&format!("brief-{i}.txt"));
        std::fs::write(&input, document(&format!("CONCURRENT-{i}"), 200)).unwrap();
        let mut cmd = carepost(&clinician, Some(&later));
        cmd.args(["--json", "send"]).arg(&input).args(["--to", "p-0042"]);
        if i % 2 == 1 {
            cmd.arg("-o").arg(&out_dir);
        }
        children.push(("send", cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()));
    }
    let purge = carepost(&clinician, Some(&later))
        .args(["--json", "purge"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    children.insert(4, ("purge", purge));
    let mut sent = Vec::new();
    for (what, child) in children {
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "concurrent {what} failed: {err}");
        assert!(!err.contains("warning"), "concurrent {what} warned: {err}");
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        if what == "send" {
            sent.push(value["outputs"][0].clone());
        }
    }
    eprintln!("8 sends and a purge ran together in {:?}", started.elapsed());

    let records = all_files(&clinician, Some(&later));
    let log = log_records(&clinician, Some(&later));
    assert_eq!(sent.len(), 8);
    for output in &sent {
        let path = output["output"].as_str().unwrap();
        let mine: Vec<_> = records.iter().filter(|r| r["path"] == path).collect();
        assert_eq!(mine.len(), 1, "{path} should have exactly one record: {mine:?}");
        assert_eq!(mine[0]["state"], "active");
        assert_eq!(mine[0]["kind"], "sent");
        assert!(Path::new(path).is_file());
        let audited = log
            .iter()
            .filter(|r| r["action"] == "send" && r["outcome"] == "success" && r["document_sha256"] == output["sha256"])
            .count();
        assert_eq!(audited, 1, "the send of {path} should be in the audit log once");
    }
    // The expired ones were deleted exactly once, and say so once.
    for (path, id) in &expired {
        assert!(!path.exists(), "{} outlived its retention", path.display());
        let record = records.iter().find(|r| r["id"] == *id).unwrap();
        assert_eq!(record["state"], "deleted", "{record}");
        let (sha256, size) = (record["sha256"].clone(), record["size"].clone());
        let purges: Vec<_> = log
            .iter()
            .filter(|r| r["action"] == "purge" && r["document_sha256"] == sha256 && r["document_size"] == size)
            .collect();
        assert_eq!(purges.len(), 1, "one purge record per deleted file, got {purges:?}");
        assert_eq!(purges[0]["outcome"], "success");
    }
    // Sequence numbers are dense: nothing interleaved or lost.
    let seqs: Vec<u64> = log.iter().map(|r| r["seq"].as_u64().unwrap()).collect();
    assert_eq!(seqs, (1..=seqs.len() as u64).collect::<Vec<_>>());
    assert_consistent(&clinician, Some(&later), &[&clinician.home.join("outbox"), &out_dir], &BTreeSet::new());
}

// --- 2. kill -9 at random moments ----------------------------------------

#[cfg(unix)]
#[test]
fn kill_9_at_random_moments_leaves_consistent_state_and_no_plaintext() {
    let iterations: u64 = match std::env::var("CAREPOST_FAST_TESTS") {
        Ok(v) if !v.is_empty() && v != "0" => 30,
        _ => 100,
    };
    let (clinician, _patient) = pair();
    let mut rng = Rng::new();
    let marker = format!("PLAINTEXT-MARKER-{:016x}", rng.next());
    let docs = clinician.path("documents");
    std::fs::create_dir(&docs).unwrap();
    let input = docs.join("lab-result.txt");
    std::fs::write(&input, document(&marker, 400)).unwrap();
    let sent_dir = clinician.path("sent");
    let opened_dir = clinician.path("opened");
    let pool = clinician.path("pool");
    for dir in [&sent_dir, &opened_dir, &pool] {
        std::fs::create_dir(dir).unwrap();
    }
    let start = SystemTime::now();
    // A message to open, kept outside the managed places.
    let first = send_json(&clinician, Some(&at(start)), &input, &[]);
    let message = pool.join("message.pgp");
    std::fs::copy(first["outputs"][0]["output"].as_str().unwrap(), &message).unwrap();

    // How long the commands take here, to kill them anywhere in their run.
    let timed = |args: &[&str]| {
        let began = Instant::now();
        let out = run(&clinician, Some(&at(start)), args);
        assert!(out.status.success(), "{}", stderr(&out));
        began.elapsed()
    };
    let send_time = timed(&["send", input.to_str().unwrap(), "--to", "p-0042"]);
    let open_time = timed(&["open", message.to_str().unwrap()]);
    let longest = send_time.max(open_time).as_millis() as u64;
    let window = (longest * 5 / 4).max(20);
    eprintln!("send {send_time:?}, open {open_time:?}: killing within {window} ms");

    let began = Instant::now();
    let (mut killed, mut finished) = (0, 0);
    let mut now = start;
    for i in 0..iterations {
        // The clock moves on 3 minutes a step, past the grace period after
        // which a killed writer's journal is recovered.
        now += Duration::from_secs(180);
        let mut cmd = carepost(&clinician, Some(&at(now)));
        let retain = if rng.below(2) == 0 { "10m" } else { "1d" };
        match rng.below(10) {
            0..=3 => {
                cmd.arg("send").arg(&input).args(["--to", "p-0042", "--retain", retain]);
                if rng.below(2) == 0 {
                    cmd.arg("-o").arg(&sent_dir);
                }
            }
            4..=7 => {
                cmd.arg("open").arg(&message).args(["--retain", retain]);
                if rng.below(2) == 0 {
                    cmd.arg("-o").arg(&opened_dir);
                }
            }
            _ => {
                cmd.arg("purge");
            }
        }
        let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.below(window)));
        match child.try_wait().unwrap() {
            Some(status) => {
                let mut err = String::new();
                std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
                assert!(status.success(), "iteration {i}: {err}");
                assert!(!err.contains("warning"), "iteration {i} warned: {err}");
                finished += 1;
            }
            None => {
                child.kill().unwrap(); // SIGKILL
                let status = child.wait().unwrap();
                // It may have finished between the check and the kill.
                if std::os::unix::process::ExitStatusExt::signal(&status) == Some(9) {
                    killed += 1;
                } else {
                    assert!(status.success(), "iteration {i}: {status}");
                    finished += 1;
                }
            }
        }
    }
    eprintln!("{iterations} iterations in {:?}: {killed} killed, {finished} finished", began.elapsed());
    assert!(killed > 0, "nothing was killed: the window is too short to test anything");

    // Leftovers a killed writer could leave where O_TMPFILE is missing.
    let stale: Vec<PathBuf> =
        ["outbox", "inbox", "tmp"].iter().map(|dir| clinician.home.join(dir).join(".carepost-killed.part")).collect();
    for path in &stale {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, document(&marker, 3)).unwrap();
    }
    // The next run, after the grace period, recovers and cleans.
    let after = at(now + Duration::from_secs(120));
    let out = run(&clinician, Some(&after), &["status"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for path in &stale {
        assert!(!path.exists(), "{} was not cleaned", path.display());
    }
    let folders = [
        clinician.home.join("outbox"),
        clinician.home.join("inbox"),
        clinician.home.join("tmp"),
        sent_dir.clone(),
        opened_dir.clone(),
    ];
    let folder_refs: Vec<&Path> = folders.iter().map(PathBuf::as_path).collect();
    let active = assert_consistent(&clinician, Some(&after), &folder_refs, &BTreeSet::new());
    let received = active.get("received").cloned().unwrap_or_default();
    for path in &received {
        assert_eq!(std::fs::read(path).unwrap(), document(&marker, 400), "{} is not whole", path.display());
    }
    let mut allowed = received.clone();
    allowed.insert(input.clone());
    let leaked = plaintext_outside(clinician.dir.path(), marker.as_bytes(), &allowed);
    assert!(leaked.is_empty(), "plaintext left outside the managed places: {leaked:?}");

    // And everything still works, including a purge of all of it.
    let far = at(now + hours(15 * 24));
    json(&clinician, Some(&far), &["purge"]);
    let active = assert_consistent(&clinician, Some(&far), &folder_refs, &BTreeSet::new());
    assert!(active.values().all(BTreeSet::is_empty), "{active:?}");
    let leaked = plaintext_outside(clinician.dir.path(), marker.as_bytes(), &BTreeSet::from([input.clone()]));
    assert!(leaked.is_empty(), "plaintext left after purging everything: {leaked:?}");
}

/// What a writer held mid-write has of its output in `dir`: the size of
/// its nameless `O_TMPFILE` (seen through `/proc/PID/fd`), or of its
/// journaled `.carepost-*.part` file.
#[cfg(target_os = "linux")]
fn output_being_written(pid: u32, dir: &Path, home: &Path, named_part: bool) -> Option<(PathBuf, u64)> {
    let dir = std::fs::canonicalize(dir).unwrap();
    if named_part {
        let journal = std::fs::read_to_string(home.join("tmp").join("parts.journal")).unwrap_or_default();
        let name = names_in(&dir).into_iter().find(|n| n.starts_with(".carepost-") && n.ends_with(".part"))?;
        let part = dir.join(name);
        // Entries are the path's bytes in hex (older homes: the path as text).
        let entry = |line: &str| -> PathBuf {
            use std::os::unix::ffi::OsStringExt;
            match line.strip_prefix("hex:") {
                Some(hex) => PathBuf::from(std::ffi::OsString::from_vec(
                    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect(),
                )),
                None => PathBuf::from(line),
            }
        };
        assert!(journal.lines().any(|l| entry(l) == part), "{} is not journaled: {journal:?}", part.display());
        let size = std::fs::metadata(&part).unwrap().len();
        return Some((part, size));
    }
    for fd in std::fs::read_dir(format!("/proc/{pid}/fd")).unwrap().flatten() {
        let Ok(target) = std::fs::read_link(fd.path()) else { continue };
        let text = target.to_string_lossy();
        // A nameless file shows as `DIR/#INODE (deleted)`.
        if target.parent() == Some(dir.as_path()) && text.ends_with(" (deleted)") {
            return Some((target, std::fs::metadata(fd.path()).unwrap().len()));
        }
    }
    None
}

/// Starts a send with `args` and the test hook that holds it once output is
/// on disk, waits until it holds, checks the output is being written, kills
/// it with SIGKILL and checks it died of that signal, then that the next
/// command leaves consistent state, nothing in `out_dir` and no plaintext.
#[cfg(target_os = "linux")]
fn kill_while_writing(args: &[&str], out_dir: &Path, named_part: bool) {
    use std::os::unix::process::ExitStatusExt;
    let (clinician, _patient) = pair();
    let marker = format!("MID-WRITE-MARKER-{:016x}", Rng::new().next());
    let input = clinician.path("discharge-letter.txt");
    // About 20 MiB: the hook holds after 16 MiB of the document.
    std::fs::write(&input, document(&marker, 350_000)).unwrap();
    let out_dir = clinician.dir.path().join(out_dir);
    std::fs::create_dir_all(&out_dir).unwrap();
    let signals = clinician.path("signals");
    std::fs::create_dir(&signals).unwrap();
    let held = signals.join("held");
    // Names a user sees (a `.part` is carepost's, and checked below).
    let visible = |dir: &Path| -> BTreeSet<String> {
        names_in(dir).into_iter().filter(|n| !(n.starts_with(".carepost-") && n.ends_with(".part"))).collect()
    };
    let before = visible(&out_dir);

    let mut cmd = carepost(&clinician, None);
    cmd.arg("send").arg(&input).args(["--to", "p-0042"]);
    // `@NAME` is a path in the test's folder.
    for arg in args {
        match arg.strip_prefix('@') {
            Some(name) => cmd.arg(clinician.dir.path().join(name)),
            None => cmd.arg(arg),
        };
    }
    cmd.env("CAREPOST_TEST_HOLD_WRITE", &held);
    if named_part {
        cmd.env("CAREPOST_NO_TMPFILE", "1");
    }
    // A held writer never ends by itself: kill it even if a check fails.
    struct KillOnDrop(std::process::Child);
    impl Drop for KillOnDrop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut guard = KillOnDrop(cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap());
    let child = &mut guard.0;
    // The child cannot finish while held, so this waits only for it to
    // get there (or to fail, which is reported); the deadline only stops
    // a broken hook from hanging the suite.
    let deadline = Instant::now() + Duration::from_secs(600);
    while !held.exists() {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            panic!("the send ended ({status}) before it was held: {err}");
        }
        assert!(Instant::now() < deadline, "the send never reached the hold point");
        std::thread::sleep(Duration::from_millis(20));
    }
    let (writing, size) = output_being_written(child.id(), &out_dir, &clinician.home, named_part)
        .expect("a held writer has its output open");
    // More than any header: sealed content reached the file.
    assert!(size > 1 << 20, "only {size} bytes of {} were written", writing.display());
    assert_eq!(child.try_wait().unwrap(), None, "the held send finished");
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "the send was not killed by SIGKILL: {status}");
    if named_part {
        // Killed with its part on disk: only the next command removes it.
        assert!(writing.exists(), "{} vanished with its writer", writing.display());
    }
    assert_eq!(visible(&out_dir), before, "the killed send left a name");

    let out = run(&clinician, None, &["status"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!writing.exists(), "{} was not cleaned", writing.display());
    assert_eq!(names_in(&out_dir), before, "something appeared after the kill");
    let outbox = clinician.home.join("outbox");
    let folders: Vec<&Path> = vec![out_dir.as_path(), outbox.as_path(), signals.as_path()];
    let active = assert_consistent(&clinician, None, &folders, &BTreeSet::from([held.clone()]));
    assert!(active.values().all(BTreeSet::is_empty), "the killed send left a record: {active:?}");
    let leaked = plaintext_outside(clinician.dir.path(), marker.as_bytes(), &BTreeSet::from([input.clone()]));
    assert!(leaked.is_empty(), "plaintext left by the killed send: {leaked:?}");
    let log = log_records(&clinician, None);
    assert!(!log.iter().any(|r| r["action"] == "send" && r["outcome"] == "success"), "a killed send was audited");
}

#[cfg(target_os = "linux")]
#[test]
fn send_killed_while_writing_leaves_nothing() {
    kill_while_writing(&[], Path::new("home/outbox"), false);
}

#[cfg(target_os = "linux")]
#[test]
fn send_killed_while_writing_a_part_file_leaves_nothing() {
    kill_while_writing(&["-o", "@sent"], Path::new("sent"), true);
}

#[cfg(target_os = "linux")]
#[test]
fn email_killed_while_writing_leaves_nothing() {
    kill_while_writing(&["--eml", "@mail/letter.eml"], Path::new("mail"), false);
}

#[cfg(target_os = "linux")]
#[test]
fn email_killed_while_writing_a_part_file_leaves_nothing() {
    kill_while_writing(&["--eml", "@mail/letter.eml"], Path::new("mail"), true);
}

// --- 3. A clock set back -------------------------------------------------

/// Like [`pair`], with keys made at `when` (so a clock set back to before
/// today still finds them valid).
fn pair_at(when: &str) -> (Carepost, Carepost) {
    let clinician = Carepost::new();
    let patient = Carepost::new();
    for (cp, name, email) in
        [(&clinician, "Dr. A. Jansen", "a.jansen@praktijk.example"), (&patient, "P. de Vries", "p.devries@example.org")]
    {
        let out = run(cp, Some(when), &["init", "--name", name, "--email", email]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    for (cp, alias, other) in [(&clinician, "p-0042", &patient), (&patient, "dr-jansen", &clinician)] {
        let key = other.path("key.asc");
        if !key.exists() {
            assert!(run(other, Some(when), &["export-key", "-o", key.to_str().unwrap()]).status.success());
        }
        let fingerprint = json(other, Some(when), &["whoami"])["fingerprint"].as_str().unwrap().to_owned();
        let out =
            run(cp, Some(when), &["contact", "add", alias, "--consent", "verbal", "--key-file", key.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let out = run(cp, Some(when), &["contact", "verify", alias, "--fingerprint", &fingerprint]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    (clinician, patient)
}

#[test]
fn a_clock_set_back_is_reported_and_each_file_keeps_its_own_expiry() {
    let t = SystemTime::now();
    let (clinician, _patient) = pair_at(&at(t - hours(30 * 24)));
    let input = clinician.path("brief.txt");
    std::fs::write(&input, document("CLOCK", 20)).unwrap();
    let first = send_json(&clinician, Some(&at(t)), &input, &[]);
    let first_out = PathBuf::from(first["outputs"][0]["output"].as_str().unwrap());
    let opened = json(&clinician, Some(&at(t)), &["open", first_out.to_str().unwrap()]);
    let opened_path = PathBuf::from(opened["output"].as_str().unwrap());

    // The clock jumps back ten days.
    let back = at(t - hours(240));
    let second = send_json(&clinician, Some(&back), &input, &[]);
    let second_out = PathBuf::from(second["outputs"][0]["output"].as_str().unwrap());
    let purge = json(&clinician, Some(&back), &["purge"]);
    assert!(purge["files"].as_array().unwrap().is_empty(), "{purge}");
    let report = log_check_passes(&clinician, Some(&back));
    assert!(
        report["clock_went_back"].as_u64().unwrap_or(0) >= 1,
        "log --check should note that the clock went back: {report}"
    );
    let out = run(&clinician, Some(&back), &["log", "--check"]);
    assert!(stderr(&out).to_lowercase().contains("clock"), "{}", stderr(&out));

    // While the clock is behind, status says so: a file is recorded later
    // than "now".
    let status = json(&clinician, Some(&back), &["status"]);
    assert!(status["files"]["clock_behind"].is_string(), "{status}");

    // Back at the right time (an hour on): each file's expiry counts from
    // its own recorded creation, never from the newest record (which would
    // let one run with the clock ahead stretch every later retention). The
    // send recorded "ten days ago" has had its seven days; nothing made at
    // the right time goes early.
    let fixed = at(t + hours(1));
    let purge = json(&clinician, Some(&fixed), &["purge"]);
    let purged: Vec<&str> = purge["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(purged, vec![second_out.to_str().unwrap()], "{purge}");
    assert!(!second_out.exists());
    for path in [&first_out, &opened_path] {
        assert!(path.exists(), "{} was deleted early", path.display());
    }
    // Seven days after the real send, its output goes; the received copy
    // (14 days) stays.
    let week = at(t + hours(7 * 24 + 2));
    let purge = json(&clinician, Some(&week), &["purge"]);
    assert_eq!(purge["files"].as_array().unwrap().len(), 1, "{purge}");
    assert!(!first_out.exists());
    assert!(opened_path.exists());
    assert_consistent(&clinician, Some(&week), &[&clinician.home.join("outbox")], &BTreeSet::new());
}

// --- 4. A missing home sub-folder --------------------------------------------

#[test]
fn missing_home_folders_are_recreated_and_nothing_is_lost() {
    let (clinician, _patient) = pair();
    let input = clinician.path("brief.txt");
    std::fs::write(&input, document("MISSING", 20)).unwrap();
    let first = send_json(&clinician, None, &input, &[]);
    let first_out = PathBuf::from(first["outputs"][0]["output"].as_str().unwrap());
    let keep = clinician.path("keep.pgp");
    std::fs::copy(&first_out, &keep).unwrap();

    // The user deletes the outbox, with the copy carepost recorded.
    std::fs::remove_dir_all(clinician.home.join("outbox")).unwrap();
    let second = send_json(&clinician, None, &input, &[]);
    let second_out = PathBuf::from(second["outputs"][0]["output"].as_str().unwrap());
    assert!(second_out.is_file());
    assert!(second_out.starts_with(clinician.home.join("outbox")));

    // …and the inbox, and the temporary area.
    for dir in ["inbox", "tmp"] {
        let _ = std::fs::remove_dir_all(clinician.home.join(dir));
    }
    let opened = json(&clinician, None, &["open", keep.to_str().unwrap()]);
    let opened_path = PathBuf::from(opened["output"].as_str().unwrap());
    assert_eq!(std::fs::read(&opened_path).unwrap(), document("MISSING", 20));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for dir in ["outbox", "inbox"] {
            let mode = std::fs::metadata(clinician.home.join(dir)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700, "{dir} recreated with {mode:o}");
        }
    }
    // The deleted copy's record is reconciled when it expires, not an error.
    let purge = json(&clinician, Some(&at(SystemTime::now() + hours(8 * 24))), &["purge"]);
    let verdicts: Vec<_> = purge["files"].as_array().unwrap().iter().map(|f| f["verdict"].clone()).collect();
    assert!(verdicts.contains(&serde_json::json!("already-gone")), "{purge}");
    assert!(opened_path.exists(), "the received copy keeps its 14 days");
    log_check_passes(&clinician, None);

    // A home folder replaced by a file: a clear error, nothing written.
    std::fs::remove_dir_all(clinician.home.join("outbox")).unwrap();
    std::fs::write(clinician.home.join("outbox"), b"not a folder").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(clinician.home.join("outbox"), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let out = run(&clinician, None, &["send", input.to_str().unwrap(), "--to", "p-0042"]);
    assert_clear_failure(&out, 1, &["outbox"]);
    assert_eq!(std::fs::read(clinician.home.join("outbox")).unwrap(), b"not a folder");
    let records = all_files(&clinician, None);
    assert!(records.iter().all(|r| r["state"] != "pending"), "{records:?}");
    log_check_passes(&clinician, None);
}

// --- 5. A read-only output folder --------------------------------------------

#[cfg(unix)]
fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// Unmounts on drop, so a failing test leaves no mount behind.
#[cfg(target_os = "linux")]
struct Mount(PathBuf);

#[cfg(target_os = "linux")]
impl Mount {
    /// Mounts a tmpfs with `options` on `dir`, or says why not.
    fn tmpfs(dir: &Path, options: &str) -> Result<Mount, String> {
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(Mount(dir.to_path_buf()))
        } else {
            Err(stderr(&out))
        }
    }
}

#[cfg(target_os = "linux")]
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A folder nobody, not even root, can write to: a read-only tmpfs when
/// root (permission bits do not stop root), else mode 0500.
#[cfg(target_os = "linux")]
fn read_only_dir(dir: &Path) -> Option<Option<Mount>> {
    std::fs::create_dir_all(dir).unwrap();
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).unwrap();
        return Some(None);
    }
    match Mount::tmpfs(dir, "ro,size=1m,mode=0700") {
        Ok(mount) => Some(Some(mount)),
        Err(why) => {
            assert!(!common::in_ci(), "CI runs as root and must be able to mount a tmpfs: {why}");
            eprintln!("\n*** SKIPPING the read-only folder case: cannot mount a read-only tmpfs as root: {why} ***\n");
            None
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_output_folder_gives_a_clear_error_and_leaves_nothing() {
    let (clinician, patient) = pair();
    let input = clinician.path("brief.txt");
    std::fs::write(&input, document("READONLY", 20)).unwrap();
    let out_dir = clinician.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    let sent = send_json(&clinician, None, &input, &["-o", out_dir.to_str().unwrap()]);
    let message = PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap());
    let before_sender = all_files(&clinician, None).len();
    let before_patient = all_files(&patient, None).len();

    let dir = clinician.path("read-only");
    let Some(_mount) = read_only_dir(&dir) else { return };
    let out = run(&clinician, None, &["send", input.to_str().unwrap(), "--to", "p-0042", "-o", dir.to_str().unwrap()]);
    assert_clear_failure(&out, 1, &["read-only", "permission denied"]);
    assert!(names_in(&dir).is_empty(), "{:?}", names_in(&dir));
    let pdir = patient.path("read-only");
    let Some(_pmount) = read_only_dir(&pdir) else { return };
    let out = run(&patient, None, &["open", message.to_str().unwrap(), "-o", pdir.to_str().unwrap()]);
    assert_clear_failure(&out, 1, &["read-only", "permission denied"]);
    assert!(names_in(&pdir).is_empty(), "{:?}", names_in(&pdir));

    // An output path through a regular file fails for everyone.
    let through_file = input.join("sub");
    let out = run(
        &clinician,
        None,
        &["send", input.to_str().unwrap(), "--to", "p-0042", "-o", through_file.to_str().unwrap()],
    );
    assert_clear_failure(&out, 1, &["does not exist", "not a directory", "not a folder"]);

    // Nothing recorded, nothing pending, chains intact.
    for (cp, before) in [(&clinician, before_sender), (&patient, before_patient)] {
        let records = all_files(cp, None);
        assert_eq!(records.len(), before, "{records:?}");
        assert_consistent(cp, None, &[], &BTreeSet::new());
    }
    // A read-only inbox (the home's own folder).
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        let inbox = patient.home.join("inbox");
        std::fs::set_permissions(&inbox, std::fs::Permissions::from_mode(0o500)).unwrap();
        let out = run(&patient, None, &["open", message.to_str().unwrap()]);
        std::fs::set_permissions(&inbox, std::fs::Permissions::from_mode(0o700)).unwrap();
        assert_clear_failure(&out, 1, &["permission denied"]);
        assert!(names_in(&inbox).is_empty());
    }
    let plain = plaintext_outside(clinician.dir.path(), b"READONLY", &BTreeSet::from([input.clone()]));
    assert!(plain.is_empty(), "{plain:?}");
    let plain = plaintext_outside(patient.dir.path(), b"READONLY", &BTreeSet::new());
    assert!(plain.is_empty(), "{plain:?}");
}

// --- 6. A full disk ----------------------------------------------------------

#[cfg(target_os = "linux")]
fn small_tmpfs(dir: &Path) -> Option<Mount> {
    std::fs::create_dir_all(dir).unwrap();
    let why = if is_root() {
        match Mount::tmpfs(dir, "size=2m,mode=0700") {
            Ok(mount) => return Some(mount),
            Err(why) => why,
        }
    } else {
        "not running as root".to_owned()
    };
    assert!(!common::in_ci(), "CI runs .ci/run as root and must be able to mount a small tmpfs: {why}");
    eprintln!("\n*** SKIPPING the full-disk test: cannot mount a 2 MiB tmpfs ({why}) ***\n");
    None
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_gives_a_clear_error_and_leaves_nothing() {
    let (clinician, patient) = pair();
    // 3 MiB that does not compress (not that carepost compresses).
    let mut content = document("FULLDISK", 10);
    let mut rng = Rng::new();
    while content.len() < 3 << 20 {
        content.extend_from_slice(&rng.next().to_le_bytes());
    }
    let input = clinician.path("scan.bin");
    std::fs::write(&input, &content).unwrap();
    let message = clinician.path("scan.bin.pgp");
    let sent = send_json(&clinician, None, &input, &[]);
    std::fs::copy(sent["outputs"][0]["output"].as_str().unwrap(), &message).unwrap();
    let before_sender = all_files(&clinician, None).len();

    let full = clinician.path("full");
    let Some(_mount) = small_tmpfs(&full) else { return };
    let out = run(&clinician, None, &["send", input.to_str().unwrap(), "--to", "p-0042", "-o", full.to_str().unwrap()]);
    assert_clear_failure(&out, 1, &["no space"]);
    assert!(names_in(&full).is_empty(), "{:?}", names_in(&full));
    assert_eq!(all_files(&clinician, None).len(), before_sender);
    assert_consistent(&clinician, None, &[&full], &BTreeSet::new());

    let pfull = patient.path("full");
    let Some(_pmount) = small_tmpfs(&pfull) else { return };
    let before_patient = all_files(&patient, None).len();
    let out = run(&patient, None, &["open", message.to_str().unwrap(), "-o", pfull.to_str().unwrap()]);
    assert_clear_failure(&out, 1, &["no space"]);
    assert!(names_in(&pfull).is_empty(), "{:?}", names_in(&pfull));
    assert_eq!(all_files(&patient, None).len(), before_patient);
    assert_consistent(&patient, None, &[&pfull], &BTreeSet::new());
    let plain = plaintext_outside(patient.dir.path(), b"FULLDISK", &BTreeSet::new());
    assert!(plain.is_empty(), "{plain:?}");

    // With room again, the same commands work.
    drop(_pmount);
    let opened = json(&patient, None, &["open", message.to_str().unwrap(), "-o", pfull.to_str().unwrap()]);
    assert_eq!(std::fs::read(opened["output"].as_str().unwrap()).unwrap(), content);
    assert_consistent(&patient, None, &[&pfull], &BTreeSet::new());
}
