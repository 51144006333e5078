//! `carepost backup` and `carepost restore`: the full move of an identity
//! to a new computer, and every way a restore is refused without writing
//! anything.

mod common;

use common::{code, ok_json, stderr, write, write_secret, Carepost, Gpg};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The passphrase on the new computer: not the old one.
const NEW_PASSPHRASE: &str = "another passphrase for laptop two";

/// Laptop 1: identity A with three verified contacts (who verified A
/// back), two documents they sent kept sealed, and a log.
struct Laptop {
    a: Carepost,
    contacts: Vec<Carepost>,
    sealed: Vec<(String, Vec<u8>)>,
}

fn laptop() -> Laptop {
    let a = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let mut contacts = Vec::new();
    for i in 1..=3 {
        let c = Carepost::with_identity(&format!("Patient {i}"), &format!("p{i}@example.org"));
        a.add_verified(&format!("p-{i}"), &c);
        c.add_verified("dr-jansen", &a);
        contacts.push(c);
    }
    let mut sealed = Vec::new();
    for c in &contacts[..2] {
        let content = format!("%PDF-1.4 uitslag voor dr. Jansen van {}", c.home.display()).into_bytes();
        let document = write(c, "uitslag.pdf", &content);
        let sent =
            ok_json(&c.cmd().args(["--json", "send"]).arg(&document).args(["--to", "dr-jansen"]).output().unwrap());
        let message = sent["outputs"][0]["output"].as_str().unwrap().to_owned();
        let opened = ok_json(&a.cmd().args(["--json", "open", &message, "--sealed"]).output().unwrap());
        let id = opened["id"].as_i64().unwrap_or_else(|| panic!("{opened:#}")).to_string();
        sealed.push((id, content));
    }
    Laptop { a, contacts, sealed }
}

/// A second computer: a fresh temporary folder whose home does not exist
/// yet, with its own passphrase.
fn laptop_two() -> Carepost {
    let cp = Carepost::new();
    write_secret(&cp.passphrase_file, format!("{NEW_PASSPHRASE}\n").as_bytes());
    cp
}

/// Makes a backup; returns the backup file and the recovery code file.
fn backup(from: &Carepost, name: &str, extra: &[&str]) -> (PathBuf, PathBuf) {
    let file = from.path(&format!("{name}.cpbackup"));
    let code_file = from.path(&format!("{name}.code"));
    let out = from
        .cmd()
        .args(["--json", "backup", "-o"])
        .arg(&file)
        .arg("--recovery-code-file")
        .arg(&code_file)
        .args(extra)
        .output()
        .unwrap();
    let json = ok_json(&out);
    assert!(json["recovery_code"].is_null(), "the code went to the file, not the output: {json}");
    (file, code_file)
}

fn restore(into: &Carepost, file: &Path, code_file: &Path) -> std::process::Output {
    into.cmd().args(["--json", "restore"]).arg(file).arg("--recovery-code-file").arg(code_file).output().unwrap()
}

/// A backup made with carepost's clock at `now`: the file and the code file.
fn backup_at(from: &Carepost, name: &str, now: &str) -> (PathBuf, PathBuf) {
    let file = from.path(&format!("{name}.cpbackup"));
    let code_file = from.path(&format!("{name}.code"));
    let out = from
        .cmd()
        .env("CAREPOST_TEST_NOW", now)
        .args(["backup", "-o"])
        .arg(&file)
        .arg("--recovery-code-file")
        .arg(&code_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (file, code_file)
}

/// `restore` with carepost's clock at `now`.
fn restore_at(into: &Carepost, file: &Path, code_file: &Path, now: &str) -> std::process::Output {
    into.cmd()
        .env("CAREPOST_TEST_NOW", now)
        .args(["--json", "restore"])
        .arg(file)
        .arg("--recovery-code-file")
        .arg(code_file)
        .output()
        .unwrap()
}

fn error_message(out: &std::process::Output) -> String {
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(out)));
    json["error"]["message"].as_str().unwrap_or_default().to_owned()
}

fn mode(path: &Path) -> u32 {
    std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(path).unwrap().permissions()) & 0o777
}

#[test]
fn the_full_move_keeps_every_verification_and_continues_the_log() {
    let laptop = laptop();
    let (file, code_file) = backup(&laptop.a, "move", &[]);
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&code_file), 0o600);
    let code_text = std::fs::read_to_string(&code_file).unwrap();
    assert_eq!(code_text.trim().len(), 34, "seven groups of four: {code_text}");

    let two = laptop_two();
    let restored = ok_json(&restore(&two, &file, &code_file));
    assert_eq!(restored["fingerprint"], laptop.a.fingerprint());
    assert_eq!(restored["contacts"], 3);
    assert_eq!(restored["verified"], 3);
    // The sealed documents stayed on laptop 1 and are said to be there.
    assert_eq!(restored["documents_left_behind"], 2);
    assert_eq!(mode(&two.home), 0o700);

    // Every contact is still verified, by the certification itself.
    let list = two.json(&["contact", "list"]);
    let contacts = list["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 3);
    assert!(contacts.iter().all(|c| c["verified"] == true), "{list:#}");

    // The key opens with the new passphrase only.
    let old = Carepost::new();
    let with_old = two.bare_cmd().arg("--passphrase-file").arg(&old.passphrase_file).args(["whoami"]).output().unwrap();
    assert!(with_old.status.success());
    let document = write(&two, "brief.pdf", b"%PDF-1.4 verwijsbrief");
    let refused = two
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(&old.passphrase_file)
        .args(["send"])
        .arg(&document)
        .args(["--to", "p-1"])
        .output()
        .unwrap();
    assert_eq!(code(&refused), 5, "{}", stderr(&refused));

    // Sending to a verified contact works, and the contact's carepost
    // opens it from a verified sender.
    let sent = ok_json(&two.cmd().args(["--json", "send"]).arg(&document).args(["--to", "p-1"]).output().unwrap());
    let message = sent["outputs"][0]["output"].as_str().unwrap().to_owned();
    let opened = ok_json(&laptop.contacts[0].cmd().args(["--json", "open", &message]).output().unwrap());
    assert_eq!(opened["sender"]["status"], "verified");
    assert_eq!(opened["sender"]["alias"], "dr-jansen");

    // The log is whole, and shows the restore.
    let check = two.cmd().args(["log", "--check"]).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    let records = two.json(&["log"])["records"].as_array().unwrap().clone();
    assert!(records.iter().any(|r| r["action"] == "restore" && r["outcome"] == "success"));
    // The backup was copied before laptop 1 recorded making it.
    assert!(!records.iter().any(|r| r["action"] == "backup"), "laptop 1's backup record is not in its own backup");
    let log_text = common::stdout(&two.cmd().arg("log").output().unwrap());
    assert!(log_text.contains("restore"), "{log_text}");

    // With the documents: the sealed documents come along and open.
    let (file, code_file) = backup(&laptop.a, "with-documents", &["--with-documents"]);
    let three = laptop_two();
    let restored = ok_json(&restore(&three, &file, &code_file));
    assert_eq!(restored["documents_left_behind"], 0);
    assert!(restored["documents"].as_u64().unwrap() >= 2, "{restored}");
    for (id, content) in &laptop.sealed {
        let out_dir = three.path("exported");
        std::fs::create_dir_all(&out_dir).unwrap();
        let exported = three.json(&["export", id, "-o", out_dir.to_str().unwrap()]);
        let path = exported["output"].as_str().map(PathBuf::from).unwrap_or_else(|| panic!("{exported:#}"));
        assert_eq!(&std::fs::read(&path).unwrap(), content);
        std::fs::remove_file(path).unwrap();
    }
    let check = three.cmd().args(["log", "--check"]).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
}

/// A lone identity, backed up once; returns it with the backup.
fn backed_up() -> (Carepost, PathBuf, PathBuf) {
    let a = Carepost::with_identity("Dr. B. Peeters", "b.peeters@praktijk.example");
    let (file, code_file) = backup(&a, "lone", &[]);
    (a, file, code_file)
}

/// Nothing at all was written where the home was to be, and nothing
/// half-made is left beside it.
fn assert_untouched(cp: &Carepost) {
    assert!(!cp.home.exists(), "a refused restore left a home");
    let leftovers: Vec<_> = std::fs::read_dir(cp.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".carepost-restore"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn a_wrong_code_or_a_typo_is_refused_and_writes_nothing() {
    let (a, file, code_file) = backed_up();
    let good = std::fs::read_to_string(&code_file).unwrap().trim().to_owned();
    let two = laptop_two();

    // Another backup's code: well formed, but not this backup's.
    let (_, other_code) = backup(&a, "other", &[]);
    let out = restore(&two, &file, &other_code);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(error_message(&out).contains("does not open this backup"), "{}", error_message(&out));
    assert_untouched(&two);

    // One character changed: a typo, said as such.
    let mut typo = good.clone().into_bytes();
    typo[0] = if typo[0] == b'A' { b'B' } else { b'A' };
    let typo_file = two.path("typo.code");
    write_secret(&typo_file, &typo);
    let out = restore(&two, &file, &typo_file);
    assert_eq!(code(&out), 5);
    assert!(error_message(&out).contains("typo"), "{}", error_message(&out));
    assert_untouched(&two);

    // Without a code and nobody to ask.
    let out = two.cmd().args(["restore"]).arg(&file).output().unwrap();
    assert_eq!(code(&out), 5);
    assert_untouched(&two);

    // Typed sloppily (small letters, spaces, O for zero) it still opens.
    let sloppy = two.path("sloppy.code");
    write_secret(&sloppy, good.replace('-', " ").to_lowercase().replace('0', "o").as_bytes());
    let restored = ok_json(&restore(&two, &file, &sloppy));
    assert_eq!(restored["fingerprint"], a.fingerprint());
}

#[test]
fn a_damaged_or_cut_backup_is_refused_and_writes_nothing() {
    let (_a, file, code_file) = backed_up();
    let bytes = std::fs::read(&file).unwrap();
    let two = laptop_two();
    let damaged = two.path("damaged.cpbackup");
    let len = bytes.len();
    let cuts = [0, 1, 30, 60, 200, len / 3, len / 2, len - 100, len - 23, len - 1];
    for cut in cuts {
        std::fs::write(&damaged, &bytes[..cut]).unwrap();
        let out = restore(&two, &damaged, &code_file);
        assert_eq!(code(&out), 4, "cut at {cut} of {len}: {}", stderr(&out));
        assert_untouched(&two);
    }
    // A flipped byte inside the encrypted data: the MDC refuses it.
    for at in [100, len / 4, len / 2, len - 30, len - 2] {
        let mut changed = bytes.clone();
        changed[at] ^= 0x20;
        std::fs::write(&damaged, &changed).unwrap();
        let out = restore(&two, &damaged, &code_file);
        assert_eq!(code(&out), 4, "flipped at {at} of {len}: {}", stderr(&out));
        assert_untouched(&two);
    }
    // Not a backup at all.
    std::fs::write(&damaged, b"%PDF-1.4 not a backup").unwrap();
    let out = restore(&two, &damaged, &code_file);
    assert_eq!(code(&out), 4);
    assert_untouched(&two);
}

#[test]
fn a_home_that_is_in_use_is_never_restored_over() {
    let (a, file, code_file) = backed_up();
    let log_before = std::fs::read(a.home.join("audit.log")).unwrap();

    // The same identity's own home: refused, and the backup is reported
    // as older (the home has recorded the backup itself since).
    let out = restore(&a, &file, &code_file);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let message = error_message(&out);
    assert!(message.contains("already holds this identity") && message.contains("older"), "{message}");
    assert_eq!(std::fs::read(a.home.join("audit.log")).unwrap(), log_before);

    // Another identity's home.
    let b = Carepost::with_identity("Dr. C. Dubois", "c.dubois@cabinet.example");
    let b_log = std::fs::read(b.home.join("audit.log")).unwrap();
    let out = restore(&b, &file, &code_file);
    assert_eq!(code(&out), 3);
    assert!(error_message(&out).contains("another identity"), "{}", error_message(&out));
    assert_eq!(std::fs::read(b.home.join("audit.log")).unwrap(), b_log);
    assert!(b.cmd().args(["log", "--check"]).output().unwrap().status.success());

    // A folder with something else in it.
    let two = laptop_two();
    std::fs::create_dir(&two.home).unwrap();
    std::fs::write(two.home.join("notes.txt"), b"mine").unwrap();
    let out = restore(&two, &file, &code_file);
    assert_eq!(code(&out), 3);
    assert_eq!(std::fs::read_dir(&two.home).unwrap().count(), 1);

    // An empty folder is fine.
    let three = laptop_two();
    std::fs::create_dir(&three.home).unwrap();
    ok_json(&restore(&three, &file, &code_file));

    // And backup never writes over an existing file.
    let out = a.cmd().args(["backup", "-o"]).arg(&file).output().unwrap();
    assert_ne!(code(&out), 0);
}

#[test]
fn a_restore_killed_at_any_moment_leaves_no_half_home() {
    let a = Carepost::with_identity("Dr. D. Maes", "d.maes@praktijk.example");
    // A large document in the inbox makes the restore take a while.
    let mut big = vec![0u8; 48 << 20];
    for (i, b) in big.iter_mut().enumerate() {
        *b = (i.wrapping_mul(2654435761) >> 13) as u8;
    }
    std::fs::write(a.home.join("inbox").join("scan.pdf"), &big).unwrap();
    let (file, code_file) = backup(&a, "big", &["--with-documents"]);
    let two = laptop_two();
    let mut killed_midway = 0;
    for delay_ms in [20, 80, 200, 400, 700, 1000, 1500] {
        if two.home.exists() {
            break;
        }
        #[allow(deprecated)]
        let binary = assert_cmd::cargo::cargo_bin("carepost");
        let mut child = std::process::Command::new(binary)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .arg("--home")
            .arg(&two.home)
            .args(["--no-keychain", "--passphrase-file"])
            .arg(&two.passphrase_file)
            .args(["restore"])
            .arg(&file)
            .arg("--recovery-code-file")
            .arg(&code_file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if !status.success() {
            killed_midway += 1;
        }
        if two.home.exists() {
            // Complete and working.
            assert_eq!(two.fingerprint(), a.fingerprint());
            assert!(two.cmd().args(["log", "--check"]).output().unwrap().status.success());
            assert_eq!(std::fs::read(two.home.join("inbox").join("scan.pdf")).unwrap(), big);
        }
    }
    assert!(killed_midway > 0, "no restore was stopped before it finished");
    if !two.home.exists() {
        ok_json(&restore(&two, &file, &code_file));
    }
    assert_eq!(std::fs::read(two.home.join("inbox").join("scan.pdf")).unwrap(), big);
    assert!(two.cmd().args(["log", "--check"]).output().unwrap().status.success());
}

#[test]
fn status_shows_the_last_backup_and_warns_when_it_is_old() {
    let a = Carepost::with_identity("Dr. E. Claes", "e.claes@praktijk.example");
    let later = |days: i64| {
        let at = chrono::Utc::now() + chrono::Duration::days(days);
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    // A new home is not warned on its first day; after 90 days without a
    // backup it is.
    let status = a.json(&["status"]);
    assert!(status["last_backup"].is_null());
    assert_eq!(status["backup_overdue"], false);
    let text = common::stdout(&a.cmd().arg("status").output().unwrap());
    assert!(text.contains("Last backup:") && text.contains("never"), "{text}");
    let text = common::stdout(&a.cmd().env("CAREPOST_TEST_NOW", later(91)).arg("status").output().unwrap());
    assert!(text.contains("no backup of this identity was made here yet"), "{text}");

    backup(&a, "status", &[]);
    let status = a.json(&["status"]);
    assert!(status["last_backup"].is_string(), "{status:#}");
    assert_eq!(status["backup_overdue"], false);
    let soon = a.cmd().env("CAREPOST_TEST_NOW", later(89)).args(["--json", "status"]).output().unwrap();
    assert_eq!(ok_json(&soon)["backup_overdue"], false);
    let old = a.cmd().env("CAREPOST_TEST_NOW", later(91)).args(["--json", "status"]).output().unwrap();
    assert_eq!(ok_json(&old)["backup_overdue"], true);
    let text = common::stdout(&a.cmd().env("CAREPOST_TEST_NOW", later(91)).arg("status").output().unwrap());
    assert!(text.contains("the last backup was made on"), "{text}");
}

#[test]
fn without_a_code_file_the_code_is_shown_once_and_gpg_opens_the_backup_with_it() {
    let a = Carepost::with_identity("Dr. F. Wouters", "f.wouters@praktijk.example");
    let file = a.path("shown.cpbackup");
    let out = a.cmd().args(["backup", "-o"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = common::stdout(&out);
    let shown = text
        .split_whitespace()
        .find(|w| w.len() == 34 && w.matches('-').count() == 6)
        .unwrap_or_else(|| panic!("no code shown: {text}"))
        .to_owned();
    assert!(text.contains("Write it down"), "{text}");
    // --json carries it, as the send-by-password path carries its password.
    let json = a.json(&["backup", "-o", a.path("json.cpbackup").to_str().unwrap()]);
    assert_eq!(json["recovery_code"].as_str().unwrap().len(), 34);

    let Some(gpg) = Gpg::new() else { return };
    let code_file = a.path("shown.code");
    write_secret(&code_file, shown.as_bytes());
    let out = std::process::Command::new("gpg")
        .env("GNUPGHOME", gpg.home())
        .args(["--batch", "--no-tty", "--pinentry-mode", "loopback", "--passphrase-file"])
        .arg(&code_file)
        .arg("--decrypt")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "gpg: {}", stderr(&out));
    // A tar archive whose first entry describes the backup.
    assert!(out.stdout.starts_with(b"manifest.json"), "not the archive");
    assert_eq!(&out.stdout[257..262], b"ustar");
}

#[test]
fn a_restored_home_never_deletes_the_old_computers_documents() {
    let (clinician, _patient) = common::pair();
    let document = write(&clinician, "brief.pdf", b"%PDF-1.4 verwijsbrief");
    let sent =
        ok_json(&clinician.cmd().args(["--json", "send"]).arg(&document).args(["--to", "p-0042"]).output().unwrap());
    let on_laptop_one = PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap());
    let (file, code_file) = backup(&clinician, "beside", &[]);

    // Restored beside the original, on the same computer.
    let two = laptop_two();
    let restored = ok_json(&restore(&two, &file, &code_file));
    assert_eq!(restored["documents_left_behind"], 1);
    let files = two.json(&["files", "--all"]);
    let states: Vec<&str> = files["files"].as_array().unwrap().iter().map(|f| f["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["released"], "{files:#}");

    let later = (chrono::Utc::now() + chrono::Duration::days(200)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let purge = two.cmd().env("CAREPOST_TEST_NOW", &later).arg("purge").output().unwrap();
    assert!(purge.status.success(), "{}", stderr(&purge));
    assert!(on_laptop_one.exists(), "the new home's purge deleted the old home's document");
    assert!(two.cmd().env("CAREPOST_TEST_NOW", &later).args(["log", "--check"]).output().unwrap().status.success());

    // The old home still looks after its own.
    let purge = clinician.cmd().env("CAREPOST_TEST_NOW", &later).arg("purge").output().unwrap();
    assert!(purge.status.success(), "{}", stderr(&purge));
    assert!(!on_laptop_one.exists());
}

/// The backup's archive re-made with its manifest edited by `edit` (a
/// Python expression over the dict `m`), encrypted again with the same
/// code by gpg: what a newer carepost, or someone who has the code and
/// changed the contents, would hand over.
fn remade(cp: &Carepost, file: &Path, code_file: &Path, name: &str, edit: &str) -> Option<PathBuf> {
    let gpg = Gpg::new()?;
    let gpg_with_code = |args: &[&str], input: &Path, output: &Path| {
        let out = std::process::Command::new("gpg")
            .env("GNUPGHOME", gpg.home())
            .args(["--batch", "--yes", "--no-tty", "--pinentry-mode", "loopback", "--passphrase-file"])
            .arg(code_file)
            .args(args)
            .arg("-o")
            .arg(output)
            .arg(input)
            .output()
            .unwrap();
        assert!(out.status.success(), "gpg {args:?}: {}", stderr(&out));
    };
    let tar = cp.path(&format!("{name}.tar"));
    gpg_with_code(&["--decrypt"], file, &tar);
    let edited = cp.path(&format!("{name}-edited.tar"));
    let script = format!(
        "import json, tarfile, io\n\
         src = tarfile.open({tar:?}); dst = tarfile.open({edited:?}, 'w')\n\
         for info in src.getmembers():\n\
         \x20   data = src.extractfile(info).read()\n\
         \x20   if info.name == 'manifest.json':\n\
         \x20       m = json.loads(data); {edit}; data = json.dumps(m).encode(); info.size = len(data)\n\
         \x20   dst.addfile(info, io.BytesIO(data))\n\
         dst.close()\n",
        tar = tar.to_str().unwrap(),
        edited = edited.to_str().unwrap()
    );
    let out = std::process::Command::new("python3").arg("-c").arg(&script).output().unwrap();
    assert!(out.status.success(), "python: {}", stderr(&out));
    let result = cp.path(&format!("{name}.cpbackup"));
    gpg_with_code(&["--symmetric", "--cipher-algo", "AES256"], &edited, &result);
    Some(result)
}

#[test]
fn a_newer_format_or_contents_that_disagree_are_refused() {
    let (a, file, code_file) = backed_up();
    let two = laptop_two();
    // The emergency path and back: gpg's own re-encryption restores.
    let Some(same) = remade(&a, &file, &code_file, "same", "pass") else { return };
    ok_json(&restore(&two, &same, &code_file));

    let three = laptop_two();
    let newer = remade(&a, &file, &code_file, "newer", "m['format'] = 2").unwrap();
    let out = restore(&three, &newer, &code_file);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(error_message(&out).contains("newer carepost"), "{}", error_message(&out));
    assert_untouched(&three);

    for (name, edit) in [
        ("other-key", "m['fingerprint'] = '0' * 40"),
        ("log-head", "m['log_head_seq'] = 99"),
        ("verified", "m['verified'] = 3"),
    ] {
        let changed = remade(&a, &file, &code_file, name, edit).unwrap();
        let out = restore(&three, &changed, &code_file);
        assert_eq!(code(&out), 4, "{name}: {}", stderr(&out));
        assert!(error_message(&out).contains("does not check out"), "{name}: {}", error_message(&out));
        assert_untouched(&three);
    }
}

#[test]
fn an_expired_identity_is_still_backed_up_and_restored_and_a_wrong_passphrase_writes_nothing() {
    let a = Carepost::with_identity("Dr. G. Janssens", "g.janssens@praktijk.example");
    let expired =
        (chrono::Utc::now() + chrono::Duration::days(1200)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (file, code_file) = backup_at(&a, "expired", &expired);
    let two = laptop_two();
    let out = restore_at(&two, &file, &code_file, &expired);
    assert_eq!(ok_json(&out)["fingerprint"], a.fingerprint());

    // The current passphrase is checked: a wrong one leaves neither a
    // backup nor a code file.
    let wrong = a.path("wrong-passphrase");
    write_secret(&wrong, b"not the passphrase of this key\n");
    let out = a
        .bare_cmd()
        .arg("--passphrase-file")
        .arg(&wrong)
        .args(["backup", "-o"])
        .arg(a.path("wrong.cpbackup"))
        .arg("--recovery-code-file")
        .arg(a.path("wrong.code"))
        .output()
        .unwrap();
    assert_eq!(code(&out), 5);
    assert!(!a.path("wrong.cpbackup").exists() && !a.path("wrong.code").exists());
}

/// `CAREPOST_TEST_NOW` for a moment `days` from now, as carepost reads it.
fn days_ahead(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[test]
fn the_full_move_after_a_renew_keeps_the_renewed_key_and_every_verification() {
    let laptop = laptop();
    // Fifty days before the three years are up: renewed, then moved.
    let later = days_ahead(3 * 365 + 1 - 50);
    let renewed = ok_json(
        &laptop.a.cmd().env("CAREPOST_TEST_NOW", &later).args(["--json", "renew", "--years", "3"]).output().unwrap(),
    );
    let expires = renewed["expires"].as_str().unwrap_or_else(|| panic!("{renewed:#}")).to_owned();
    let (file, code_file) = backup_at(&laptop.a, "after-renew", &later);
    let two = laptop_two();
    let restored = ok_json(&restore_at(&two, &file, &code_file, &later));
    assert_eq!(restored["fingerprint"], laptop.a.fingerprint());
    assert_eq!(restored["verified"], 3);

    // Home 2 has the renewed key: its expiry, no warning to renew.
    let whoami = two.cmd().env("CAREPOST_TEST_NOW", &later).args(["--json", "whoami"]).output().unwrap();
    assert!(!stderr(&whoami).contains("carepost renew"), "{}", stderr(&whoami));
    assert_eq!(ok_json(&whoami)["expires"], expires);
    let list =
        ok_json(&two.cmd().env("CAREPOST_TEST_NOW", &later).args(["--json", "contact", "list"]).output().unwrap());
    assert!(list["contacts"].as_array().unwrap().iter().all(|c| c["verified"] == true), "{list:#}");

    // A send from home 2 (the contacts' own keys, made the same day,
    // expire with the old date): the contact takes the renewed key and
    // opens the document from a verified sender.
    let then = later.clone();
    let document = write(&two, "brief.pdf", b"%PDF-1.4 na de verhuizing");
    let sent = ok_json(
        &two.cmd()
            .env("CAREPOST_TEST_NOW", &then)
            .args(["--json", "send"])
            .arg(&document)
            .args(["--to", "p-2"])
            .output()
            .unwrap(),
    );
    let message = sent["outputs"][0]["output"].as_str().unwrap().to_owned();
    let key = two.path("renewed-key.asc");
    two.cmd().args(["export-key", "-o"]).arg(&key).assert().success();
    let contact = &laptop.contacts[1];
    let update = contact
        .cmd()
        .env("CAREPOST_TEST_NOW", &then)
        .args(["contact", "update", "dr-jansen", "--key-file"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(update.status.success(), "{}", stderr(&update));
    let opened =
        ok_json(&contact.cmd().env("CAREPOST_TEST_NOW", &then).args(["--json", "open", &message]).output().unwrap());
    assert_eq!(opened["sender"]["status"], "verified", "{opened:#}");

    // One chain: the renewal on laptop 1, the restore on laptop 2.
    let check = two.cmd().env("CAREPOST_TEST_NOW", &then).args(["log", "--check"]).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    let log = ok_json(&two.cmd().env("CAREPOST_TEST_NOW", &then).args(["--json", "log"]).output().unwrap());
    let actions: Vec<&str> = log["records"].as_array().unwrap().iter().filter_map(|r| r["action"].as_str()).collect();
    let renew_at = actions.iter().position(|a| *a == "renew").expect("renew in the log");
    let restore_at = actions.iter().position(|a| *a == "restore").expect("restore in the log");
    assert!(renew_at < restore_at, "{actions:?}");
}

#[test]
fn a_replaced_identity_moves_with_its_old_key_and_follows_a_passphrase_change() {
    let a = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    a.add_verified("p-devries", &patient);
    patient.add_verified("dr-jansen", &a);
    let content = b"%PDF-1.4 sent to the first key".to_vec();
    let document = write(&patient, "uitslag.pdf", &content);
    let sent =
        ok_json(&patient.cmd().args(["--json", "send"]).arg(&document).args(["--to", "dr-jansen"]).output().unwrap());
    let to_old_key = sent["outputs"][0]["output"].as_str().unwrap().to_owned();
    let old_fingerprint = a.fingerprint();

    let out = a.cmd().args(["revoke", "--reason", "superseded", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = a
        .cmd()
        .args(["init", "--replace", "--name", "Dr. A. Jansen", "--email", "a.jansen@praktijk.example"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(a.fingerprint(), old_fingerprint);

    // A new passphrase: the kept old key follows it.
    let new_passphrase = a.path("new-passphrase");
    write_secret(&new_passphrase, b"a changed passphrase after the replacement\n");
    let out = a.cmd().args(["passphrase", "change", "--new-passphrase-file"]).arg(&new_passphrase).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let with_new = |cp: &Carepost, args: &[&str]| {
        cp.bare_cmd().arg("--passphrase-file").arg(&new_passphrase).args(args).output().unwrap()
    };
    let out_dir = a.path("opened-after-change");
    std::fs::create_dir(&out_dir).unwrap();
    let opened = with_new(&a, &["--json", "open", &to_old_key, "-o", out_dir.to_str().unwrap()]);
    let opened = ok_json(&opened);
    assert_eq!(std::fs::read(opened["output"].as_str().unwrap()).unwrap(), content);

    // Backed up and restored: home 2 opens what was sent to the old key,
    // and the log's checkpoints by both keys verify.
    let file = a.path("replaced.cpbackup");
    let code_file = a.path("replaced.code");
    let out =
        with_new(&a, &["backup", "-o", file.to_str().unwrap(), "--recovery-code-file", code_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let two = laptop_two();
    let restored = ok_json(&restore(&two, &file, &code_file));
    assert_eq!(restored["fingerprint"], a.fingerprint());
    let opened = ok_json(&two.cmd().args(["--json", "open", &to_old_key]).output().unwrap());
    assert_eq!(std::fs::read(opened["output"].as_str().unwrap()).unwrap(), content);
    let check = two.json(&["log", "--check"]);
    assert_eq!(check["intact"], true, "{check:#}");
    assert_eq!(check["signed_through"], check["last_seq"], "{check:#}");
    let records = two.json(&["log"])["records"].as_array().unwrap().clone();
    for action in ["revoke", "key-replace", "passphrase-change", "restore"] {
        assert!(records.iter().any(|r| r["action"] == action), "{action} missing: {records:#?}");
    }
}
