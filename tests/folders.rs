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

/// A user account in a temporary folder: `HOME`, `XDG_DATA_HOME` and
/// `XDG_CONFIG_HOME` point into it, so carepost's platform default home
/// (no `--home`, no `CAREPOST_HOME`) is a temporary one, and the real home
/// and keychain are out of reach.
struct Account {
    dir: tempfile::TempDir,
    passphrase_file: std::path::PathBuf,
}

impl Account {
    fn new() -> Account {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["user", "data", "config"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        let passphrase_file = dir.path().join("passphrase");
        common::write_secret(&passphrase_file, format!("{}\n", common::PASSPHRASE).as_bytes());
        Account { dir, passphrase_file }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// A Documents folder, named the way a desktop session does.
    fn with_documents(self, name: &str) -> Account {
        std::fs::create_dir(self.path("user").join(name)).unwrap();
        std::fs::write(
            self.path("config").join("user-dirs.dirs"),
            format!("XDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/{name}\"\n"),
        )
        .unwrap();
        self
    }

    fn cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("carepost"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("user"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("CAREPOST_LANG", "en")
            .env("TZ", "UTC")
            .env("CAREPOST_NO_KEYCHAIN", "true")
            .arg("--no-keychain")
            .arg("--passphrase-file")
            .arg(&self.passphrase_file);
        cmd
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.cmd().arg("--json").args(args).output().unwrap();
        assert_eq!(code(&out), 0, "carepost {args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// An identity in the default home and a verified patient to send to.
    fn ready_to_send(&self) {
        self.json(&["init", "--name", "Dr. A. Jansen", "--email", "a.jansen@praktijk.example"]);
        let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
        let key = patient.export_key();
        self.json(&["contact", "add", "p-0042", "--consent", "verbal", "--key-file", key.to_str().unwrap()]);
        self.json(&["contact", "verify", "p-0042", "--fingerprint", &patient.fingerprint()]);
    }

    fn send(&self) -> std::path::PathBuf {
        let document = self.path("Jansen_brief.pdf");
        std::fs::write(&document, b"%PDF-1.4 findable").unwrap();
        let sent = self.json(&["send", document.to_str().unwrap(), "--to", "p-0042"]);
        sent["outputs"][0]["output"].as_str().unwrap().into()
    }
}

/// Linux: the command shown is `xdg-open`.
#[cfg(target_os = "linux")]
#[test]
fn the_default_home_sends_into_the_documents_folder_under_retention() {
    let account = Account::new().with_documents("Documenten");
    account.ready_to_send();
    let outbox = account.path("user").join("Documenten").join("carepost").join("outbox");
    let sent = account.send();
    assert_eq!(sent.parent().unwrap(), outbox.canonicalize().unwrap(), "{}", sent.display());
    assert!(sent.is_file());
    // Nothing carepost keeps for itself moved: the home is where it was.
    assert!(account.path("data").join("carepost").join("identity").is_dir());

    let out =
        account.cmd().args(["send"]).arg(account.path("Jansen_brief.pdf")).args(["--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = common::stdout(&out);
    let folder = outbox.canonicalize().unwrap();
    assert!(text.contains(&format!("xdg-open {}", folder.display())), "{text}");

    let status = account.json(&["status"]);
    assert_eq!(status["outbox"], folder.display().to_string(), "{status}");
    let files = account.json(&["files"]);
    let entry = files["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == sent.display().to_string())
        .unwrap_or_else(|| panic!("files does not list {}: {files}", sent.display()))
        .clone();

    // When the retention ends, purge deletes it there too.
    let expires = entry["expires_at"].as_str().unwrap();
    let before = account.cmd().args(["purge"]).output().unwrap();
    assert_eq!(code(&before), 0, "{}", stderr(&before));
    assert!(sent.exists(), "purged before {expires}");
    let out = account.cmd().env("CAREPOST_TEST_NOW", "2099-01-01T00:00:00Z").args(["purge"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!sent.exists(), "still there after its retention ended ({expires})");
    assert!(outbox.is_dir(), "the folder itself stays, for the next file");
}

#[test]
fn the_documents_folder_can_come_from_the_environment() {
    let account = Account::new();
    let documents = account.path("user").join("Docs");
    std::fs::create_dir(&documents).unwrap();
    account.ready_to_send();
    let out = account.cmd().env("XDG_DOCUMENTS_DIR", &documents).args(["--json", "status"]).output().unwrap();
    let status = common::ok_json(&out);
    let expected = documents.canonicalize().unwrap().join("carepost").join("outbox");
    assert_eq!(status["outbox"], expected.display().to_string(), "{status}");
}

#[test]
fn without_a_documents_folder_the_home_keeps_its_outbox() {
    let account = Account::new();
    account.ready_to_send();
    let sent = account.send();
    let home = account.path("data").join("carepost").canonicalize().unwrap();
    assert_eq!(sent.parent().unwrap(), home.join("outbox"));
}

#[test]
fn a_named_home_keeps_its_outbox_even_with_a_documents_folder() {
    let account = Account::new().with_documents("Documents");
    let home = account.path("named");
    let named = |args: &[&str]| {
        let out = account.cmd().arg("--home").arg(&home).arg("--json").args(args).output().unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        common::ok_json(&out)
    };
    named(&["init", "--name", "Dr. A. Jansen", "--email", "a.jansen@praktijk.example"]);
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    named(&["contact", "add", "p-0042", "--consent", "verbal", "--key-file", patient.export_key().to_str().unwrap()]);
    named(&["contact", "verify", "p-0042", "--fingerprint", &patient.fingerprint()]);
    let document = account.path("brief.pdf");
    std::fs::write(&document, b"%PDF-1.4").unwrap();
    let sent = named(&["send", document.to_str().unwrap(), "--to", "p-0042"]);
    let output = std::path::PathBuf::from(sent["outputs"][0]["output"].as_str().unwrap());
    assert_eq!(output.parent().unwrap(), home.canonicalize().unwrap().join("outbox"));
    assert!(!account.path("user").join("Documents").join("carepost").exists());
}

#[test]
fn rebuilding_the_state_finds_the_files_in_the_documents_outbox() {
    let account = Account::new().with_documents("Documents");
    account.ready_to_send();
    let sent = account.send();
    let home = account.path("data").join("carepost");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(home.join(format!("state.db{suffix}")));
    }
    let rebuilt = account.json(&["log", "--rebuild-state"]);
    assert_eq!(rebuilt["files_recovered"], 1, "{rebuilt:#}");
    let files = account.json(&["files"]);
    assert_eq!(files["files"][0]["path"], sent.display().to_string(), "{files:#}");
}

#[test]
fn a_documents_outbox_others_can_read_stops_send_only() {
    let account = Account::new().with_documents("Documents");
    account.ready_to_send();
    let outbox = account.path("user").join("Documents").join("carepost").join("outbox");
    std::fs::set_permissions(&outbox, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = account.cmd().arg("status").output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let document = account.path("brief.pdf");
    std::fs::write(&document, b"%PDF-1.4").unwrap();
    let out = account.cmd().arg("send").arg(&document).args(["--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("chmod 700"), "{}", stderr(&out));
}

/// Linux: the command shown is `xdg-open`.
#[cfg(target_os = "linux")]
#[test]
fn open_prints_where_the_document_is_and_how_to_open_it() {
    let (clinician, patient) = common::pair();
    let document = common::write(&clinician, "brief.pdf", b"%PDF-1.4 find me");
    let sent = clinician.json(&["send", document.to_str().unwrap(), "--to", "p-0042"]);
    let message = sent["outputs"][0]["output"].as_str().unwrap().to_owned();
    let out = patient.cmd().args(["open", &message]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let saved = patient.home.canonicalize().unwrap().join("inbox").join("brief.pdf");
    assert!(saved.is_file());
    assert!(
        common::stdout(&out).contains(&format!("To open it: xdg-open {}", saved.display())),
        "{}",
        common::stdout(&out)
    );

    // An email's attachments: the folder they were saved in.
    let eml = clinician.path("brief.eml");
    clinician.json(&["send", document.to_str().unwrap(), "--to", "p-0042", "--eml", eml.to_str().unwrap()]);
    let folder = patient.path("mail");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    let out = patient.cmd().arg("open").arg(&eml).arg("-o").arg(&folder).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let shown = format!("To open the folder: xdg-open {}", folder.canonicalize().unwrap().display());
    assert!(common::stdout(&out).contains(&shown), "{}", common::stdout(&out));
}
