//! The command-line contract as transcripts: the help of every command,
//! and the complete stdout, stderr and exit code of the main flows and of
//! every refusal in the contract, kept in `tests/transcripts/*.txt` so
//! that any change to what a user sees shows in review.
//!
//! Keys are made at run time in temporary homes; what differs from run to
//! run (fingerprints, word lists, the temporary folder, dates, document
//! IDs) is redacted to placeholders such as `[DOCTOR_FPR]`. The
//! behavioural tests elsewhere check the meaning; these pin the words.
//!
//! Update the transcripts after an intended change with
//! `SNAPSHOTS=overwrite cargo test --test transcripts`, then review the diff.

mod common;

use sequoia_openpgp as openpgp;
use snapbox::{Assert, Data, Redactions};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Who the transcripts' two homes belong to.
const DOCTOR: (&str, &str) = ("Dr. A. Jansen", "a.jansen@praktijk.example");
const PATIENT: (&str, &str) = ("P. de Vries", "p.devries@example.org");

/// What a transcript step has in its environment.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Env {
    Full,
    Locked,
    Bare,
}

/// A run of commands in one temporary folder, recorded as text.
struct Transcript {
    dir: tempfile::TempDir,
    text: String,
    redactions: Redactions,
    /// `LANG` for every step, instead of `CAREPOST_LANG=en`.
    locale: Option<&'static str>,
}

impl Transcript {
    fn new() -> Transcript {
        let dir = tempfile::tempdir().unwrap();
        common::write_secret(&dir.path().join("passphrase"), format!("{}\n", common::PASSPHRASE).as_bytes());
        common::write_secret(&dir.path().join("smtp-password"), b"not the real mail password\n");
        let mut redactions = Redactions::new();
        let root = dir.path().to_str().unwrap().to_owned();
        let canonical = dir.path().canonicalize().unwrap().to_str().unwrap().to_owned();
        redactions.insert("[ROOT]", root.clone()).unwrap();
        if canonical != root {
            redactions.insert("[ROOT]", canonical).unwrap();
        }
        let regex = |r: &str| regex::Regex::new(r).unwrap();
        // Generated names of documents and emails: `document-<date>-<id>`.
        redactions.insert("[NAMEID]", regex(r"(?:document|message)-(?<redacted>\d{8}-[0-9a-z]+)")).unwrap();
        redactions.insert("[PART]", regex(r"\.carepost-[0-9A-Za-z]{6}\.part")).unwrap();
        redactions.insert("[MESSAGE_ID]", regex(r"\b(?<redacted>[0-9a-f]{32})@")).unwrap();
        redactions
            .insert("[TIME]", regex(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?"))
            .unwrap();
        redactions.insert("[DATE]", regex(r"\b\d{4}-\d{2}-\d{2}\b")).unwrap();
        // Dates as people read them: `16 Dec 2026, 17:25`, `16 dec. 2026`.
        redactions.insert("[LOCAL_TIME]", regex(r"\b\d{1,2} \p{L}{3,4}\.? \d{4}, \d{2}:\d{2}")).unwrap();
        redactions.insert("[LOCAL_DATE]", regex(r"\b\d{1,2} \p{L}{3,4}\.? \d{4}\b")).unwrap();
        // An encrypted file's size can differ by a byte from run to run (an
        // OpenPGP number's leading zero byte is not written).
        redactions.insert("[N]", regex(r"\b(?<redacted>\d+) (?:bytes|octets)\b")).unwrap();
        // Whether the machine's disk is encrypted is the machine's, not carepost's.
        redactions.insert("[YES_OR_NO]", regex(r"Encrypted disk: +(?<redacted>\S+)")).unwrap();
        Transcript { dir, text: String::new(), redactions, locale: None }
    }

    /// A transcript whose every step runs with `LANG=locale`, as a user
    /// whose desktop speaks that language.
    fn in_locale(locale: &'static str) -> Transcript {
        let mut t = Transcript::new();
        t.locale = Some(locale);
        t.say(&format!("every step runs with LANG={locale}"));
        t
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, content: &[u8]) {
        std::fs::write(self.path(name), content).unwrap();
    }

    /// A line of prose in the transcript, to say what the next step shows.
    fn say(&mut self, text: &str) {
        self.text.push_str(&format!("# {text}\n"));
    }

    /// `carepost ARGS` in the folder, with the passphrase file and no
    /// keychain (see the transcripts' header), recorded.
    fn run(&mut self, args: &[&str]) -> Output {
        self.run_with(args, Env::Full)
    }

    /// `carepost ARGS` with no keychain and no passphrase, recorded.
    fn run_locked(&mut self, args: &[&str]) -> Output {
        self.say("no passphrase file here");
        self.run_with(args, Env::Locked)
    }

    /// `carepost ARGS` with no carepost settings in the environment at all,
    /// as a user first types it (clap shows environment values in help and
    /// usage), recorded.
    fn run_bare(&mut self, args: &[&str]) -> Output {
        self.run_with(args, Env::Bare)
    }

    fn run_with(&mut self, args: &[&str], env: Env) -> Output {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("carepost"));
        cmd.current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TZ", "UTC")
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .args(args)
            .stdin(Stdio::null());
        match self.locale {
            Some(locale) => cmd.env("LANG", locale),
            None => cmd.env("CAREPOST_LANG", "en"),
        };
        if env != Env::Bare {
            cmd.env("CAREPOST_NO_KEYCHAIN", "true");
        }
        if env == Env::Full {
            cmd.env("CAREPOST_PASSPHRASE_FILE", "passphrase").env("CAREPOST_SMTP_PASSWORD_FILE", "smtp-password");
        }
        let out = cmd.output().unwrap();
        let shown: Vec<String> = args
            .iter()
            .map(|a| if a.contains(' ') || a.is_empty() { format!("{a:?}") } else { a.to_string() })
            .collect();
        self.text.push_str(&format!("$ carepost {}\n", shown.join(" ")));
        for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if !bytes.is_empty() {
                let text = String::from_utf8_lossy(bytes);
                self.text.push_str(&format!("--- {name}\n{text}"));
                if !text.ends_with('\n') {
                    self.text.push_str("\n[no newline at the end]\n");
                }
            }
        }
        self.text.push_str(&format!("--- exit {}\n\n", out.status.code().map_or("signal".into(), |c| c.to_string())));
        out
    }

    /// Creates an identity in `home` and redacts its fingerprint, in all
    /// the forms carepost shows it, and its subkeys' as `[<WHO>_FPR]`,
    /// `[<WHO>_FPR_GROUPED]`, `[<WHO>_WORDS]` and `[<WHO>_SUBKEY]`.
    fn init(&mut self, home: &str, who: &str, (name, email): (&str, &str)) {
        let out = self.run(&["--home", home, "init", "--name", name, "--email", email]);
        assert_eq!(common::code(&out), 0, "{}", common::stderr(&out));
        let whoami = |args: &[&str]| {
            let out = Command::new(assert_cmd::cargo::cargo_bin("carepost"))
                .current_dir(self.dir.path())
                .env_clear()
                .env("CAREPOST_NO_KEYCHAIN", "true")
                .args(["--home", home])
                .args(args)
                .output()
                .unwrap();
            assert!(out.status.success());
            String::from_utf8(out.stdout).unwrap()
        };
        let json: serde_json::Value = serde_json::from_str(&whoami(&["--json", "whoami"])).unwrap();
        let hex = json["fingerprint"].as_str().unwrap().to_owned();
        let human = whoami(&["whoami"]);
        let field = |label: &str| {
            human
                .lines()
                .find_map(|l| l.strip_prefix(label))
                .map(|v| v.trim().to_owned())
                .unwrap_or_else(|| panic!("{human}"))
        };
        let groups = field("Fingerprint:");
        assert_eq!(groups.replace(' ', ""), hex);
        let placeholder = |suffix: &str| -> &'static str { Box::leak(format!("[{who}_{suffix}]").into_boxed_str()) };
        self.redactions.insert(placeholder("FPR"), hex).unwrap();
        self.redactions.insert(placeholder("FPR_GROUPED"), groups).unwrap();
        self.redactions.insert(placeholder("WORDS"), field("Words:")).unwrap();
        // Messages for someone else name the encryption subkeys.
        use openpgp::parse::Parse;
        let cert = openpgp::Cert::from_bytes(whoami(&["export-key"]).as_bytes()).unwrap();
        for key in cert.keys().subkeys() {
            self.redactions.insert(placeholder("SUBKEY"), key.key().fingerprint().to_hex()).unwrap();
        }
    }

    /// Compares the transcript with `tests/transcripts/NAME.txt`.
    fn check(self, name: &str) {
        let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts").join(format!("{name}.txt"));
        let header = "# Every command runs in a fresh temporary folder ([ROOT]) with\n\
             # CAREPOST_PASSPHRASE_FILE=passphrase, CAREPOST_SMTP_PASSWORD_FILE=smtp-password\n\
             # and CAREPOST_NO_KEYCHAIN=true\n\
             # unless a step says otherwise. Regenerate with\n\
             # SNAPSHOTS=overwrite cargo test --test transcripts\n\n";
        let actual = self.redactions.redact(&format!("{header}{}", self.text));
        Assert::new()
            .normalize_paths(false)
            .action_env(snapbox::assert::DEFAULT_ACTION_ENV)
            .redact_with(self.redactions)
            .eq(actual, Data::read_from(&expected, None));
    }

    /// A doctor and a patient make their identities and add each other's
    /// key, the patient as `alias`: nobody is verified yet.
    fn exchange_keys(&mut self, alias: &str) {
        self.init("doctor", "DOCTOR", DOCTOR);
        self.init("patient", "PATIENT", PATIENT);
        self.run(&["--home", "patient", "export-key", "-o", "patient.asc"]);
        self.run(&["--home", "doctor", "export-key", "-o", "doctor.asc"]);
        self.run(&[
            "--home",
            "doctor",
            "contact",
            "add",
            alias,
            "--key-file",
            "patient.asc",
            "--patient",
            "--consent",
            "verbal",
        ]);
        self.run(&["--home", "patient", "contact", "add", "dr-jansen", "--key-file", "doctor.asc", "--colleague"]);
    }

    /// The two homes of most transcripts: a doctor with a verified patient
    /// contact, and the patient, with the doctor as an unverified contact.
    fn pair() -> Transcript {
        let mut t = Transcript::new();
        t.exchange_keys("p-1");
        t
    }

    /// Writes `cert` (armored) to `name` and redacts its fingerprint.
    fn write_cert(&mut self, name: &str, cert: &openpgp::Cert, fpr: &'static str, grouped: &'static str) {
        use openpgp::serialize::SerializeInto;
        self.write(name, &cert.armored().to_vec().unwrap());
        let hex = cert.fingerprint().to_hex();
        let groups: Vec<&str> = (0..hex.len()).step_by(4).map(|i| &hex[i..i + 4]).collect();
        self.redactions.insert(grouped, groups.join(" ")).unwrap();
        self.redactions.insert(fpr, hex).unwrap();
    }

    fn fingerprint(&self, home: &str) -> String {
        let out = Command::new(assert_cmd::cargo::cargo_bin("carepost"))
            .env_clear()
            .env("CAREPOST_NO_KEYCHAIN", "true")
            .current_dir(self.dir.path())
            .args(["--home", home, "--json", "whoami"])
            .output()
            .unwrap();
        common::ok_json(&out)["fingerprint"].as_str().unwrap().to_owned()
    }
}

#[test]
fn help_of_every_command() {
    let mut t = Transcript::new();
    let mut queue: Vec<Vec<String>> = vec![vec![]];
    while let Some(path) = queue.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = t.run_bare(&args);
        assert_eq!(common::code(&out), 0);
        let mut children: Vec<Vec<String>> = common::listed_commands(&common::stdout(&out))
            .into_iter()
            .map(|c| path.iter().cloned().chain([c]).collect())
            .collect();
        children.reverse();
        queue.extend(children);
    }
    t.check("help");
}

#[test]
fn usage_errors_exit_2() {
    let mut t = Transcript::new();
    t.run_bare(&[]);
    t.run_bare(&["frobnicate"]);
    t.run_bare(&["send", "brief.pdf"]);
    t.run_bare(&["init", "--name", "Dr. A. Jansen"]);
    t.run_bare(&["open"]);
    t.run_bare(&["contact", "verify", "p-1", "--method", "carrier-pigeon"]);
    t.run_bare(&["--version-of-the-day"]);
    t.run_bare(&["open", "brief.pdf.pgp", "--view", "--sealed"]);
    t.run_bare(&["open", "brief.pdf.pgp", "--max-size", "lots"]);
    t.run_bare(&["--json", "send", "brief.pdf"]);
    t.say("in Dutch and French");
    t.run_bare(&["--lang", "nl", "send", "brief.pdf"]);
    t.run_bare(&["--lang", "nl", "contcat", "list"]);
    t.run_bare(&["--lang", "fr", "contact", "verify", "p-1", "--method", "carrier-pigeon"]);
    t.run_bare(&["--lang", "fr", "--version-of-the-day"]);
    t.check("usage");
}

#[test]
fn identity_missing_locked_or_present() {
    let mut t = Transcript::new();
    t.say("no identity in this home yet");
    t.run(&["--home", "empty", "whoami"]);
    t.run(&["--home", "empty", "send", "passphrase", "--to", "p-1"]);
    t.init("doctor", "DOCTOR", DOCTOR);
    t.say("an identity exists already");
    t.run(&["--home", "doctor", "init", "--name", "Dr. B. Peeters", "--email", "b.peeters@example.org"]);
    t.init("patient", "PATIENT", PATIENT);
    t.run(&["--home", "patient", "export-key", "-o", "patient.asc"]);
    t.run(&["--home", "doctor", "contact", "add", "p-1", "--key-file", "patient.asc", "--consent", "verbal"]);
    t.write("brief.pdf", b"%PDF-1.4 referral\n");
    t.run_locked(&["--home", "doctor", "send", "brief.pdf", "--to", "p-1", "--unverified-ok", "urgent referral"]);
    t.say("a wrong passphrase");
    common::write_secret(&t.path("wrong-passphrase"), b"not the passphrase\n");
    t.run(&[
        "--home",
        "doctor",
        "--passphrase-file",
        "wrong-passphrase",
        "send",
        "brief.pdf",
        "--to",
        "p-1",
        "--unverified-ok",
        "urgent referral",
    ]);
    t.check("identity");
}

#[test]
fn main_flow_from_init_to_purge() {
    let mut t = Transcript::pair();
    t.run(&["--home", "doctor", "whoami"]);
    t.run(&["--home", "doctor", "--json", "whoami"]);
    t.run(&["--home", "doctor", "contact", "list"]);
    t.say("sending to a contact nobody verified is refused (exit 3)");
    t.write("brief.pdf", b"%PDF-1.4 referral\n");
    t.run(&["--home", "doctor", "send", "brief.pdf", "--to", "p-1"]);
    t.say("a fingerprint that does not match is refused (exit 3)");
    t.run(&["--home", "doctor", "contact", "verify", "p-1", "--fingerprint", &"0123456789".repeat(4)]);
    t.say("part of a fingerprint is not enough (exit 3)");
    t.run(&["--home", "doctor", "contact", "verify", "p-1", "--fingerprint", "0000"]);
    let patient = t.fingerprint("patient");
    t.run(&["--home", "doctor", "contact", "verify", "p-1", "--fingerprint", &patient, "--method", "phone"]);
    t.run(&["--home", "doctor", "contact", "show", "p-1"]);
    t.run(&["--home", "doctor", "--json", "contact", "show", "p-1"]);
    std::fs::create_dir(t.path("out")).unwrap();
    let sent = t.run(&["--home", "doctor", "--json", "send", "brief.pdf", "--to", "p-1", "-o", "out"]);
    let output = common::ok_json(&sent)["outputs"][0]["output"].as_str().unwrap().to_owned();
    t.run(&["--home", "doctor", "send", "brief.pdf", "--to", "p-1"]);
    t.say("the patient opens it: the doctor is a known contact, not verified");
    std::fs::create_dir(t.path("received")).unwrap();
    t.run(&["--home", "patient", "open", &output, "-o", "received"]);
    t.say("with --require-verified-sender an unverified sender is refused (exit 3)");
    t.run(&["--home", "patient", "open", &output, "--require-verified-sender"]);
    let doctor = t.fingerprint("doctor");
    t.run(&["--home", "patient", "contact", "verify", "dr-jansen", "--fingerprint", &doctor]);
    t.run(&["--home", "patient", "--json", "open", &output, "--require-verified-sender"]);
    t.run(&["--home", "doctor", "status"]);
    t.run(&["--home", "doctor", "files"]);
    t.run(&["--home", "doctor", "log", "--check"]);
    t.run(&["--home", "doctor", "purge"]);
    t.say("email delivery: nothing listens on port 1, so the message waits in the outbox");
    t.run(&["--home", "doctor", "mail", "show"]);
    let from = DOCTOR.1;
    t.run(&["--home", "doctor", "mail", "setup", "--host", "127.0.0.1", "--port", "1", "--user", "dr", "--from", from]);
    t.run(&["--home", "doctor", "send", "brief.pdf", "--to", "p-1", "--smtp", "--subject", "Verwijsbrief"]);
    t.run(&["--home", "doctor", "mail", "show"]);
    t.run(&["--home", "doctor", "--json", "mail", "show"]);
    t.run(&["--home", "doctor", "mail", "retry"]);
    t.check("main-flow");
}

#[test]
fn a_revoked_recipient_is_refused_by_policy() {
    let mut t = Transcript::new();
    t.init("doctor", "DOCTOR", DOCTOR);
    let (cert, revocation) =
        openpgp::cert::CertBuilder::general_purpose(Some("R. Evoked <r.evoked@example.org>")).generate().unwrap();
    t.write_cert("colleague.asc", &cert, "[COLLEAGUE_FPR]", "[COLLEAGUE_FPR_GROUPED]");
    let fingerprint = cert.fingerprint().to_hex();
    let revoked = cert.insert_packets([revocation]).unwrap().0;
    t.write_cert("colleague-revoked.asc", &revoked, "[COLLEAGUE_FPR]", "[COLLEAGUE_FPR_GROUPED]");
    t.run(&["--home", "doctor", "contact", "add", "gp-bakker", "--key-file", "colleague.asc", "--colleague"]);
    t.run(&["--home", "doctor", "contact", "verify", "gp-bakker", "--fingerprint", &fingerprint]);
    t.say("the colleague revokes the key and the update comes in");
    t.run(&["--home", "doctor", "contact", "update", "gp-bakker", "--key-file", "colleague-revoked.asc"]);
    t.write("brief.pdf", b"%PDF-1.4 referral\n");
    t.run(&["--home", "doctor", "send", "brief.pdf", "--to", "gp-bakker"]);
    t.run(&["--home", "doctor", "--json", "send", "brief.pdf", "--to", "gp-bakker"]);
    t.run(&["--home", "doctor", "send", "brief.pdf", "--to", "gp-bakker", "--unverified-ok", "urgent referral"]);
    t.check("revoked-recipient");
}

#[test]
fn damaged_or_foreign_input_exits_4() {
    let mut t = Transcript::pair();
    let patient = t.fingerprint("patient");
    t.run(&["--home", "doctor", "contact", "verify", "p-1", "--fingerprint", &patient]);
    t.write("brief.pdf", b"%PDF-1.4 referral\n");
    std::fs::create_dir(t.path("out")).unwrap();
    let sent = t.run(&["--home", "doctor", "--json", "send", "brief.pdf", "--to", "p-1", "-o", "out"]);
    let output = PathBuf::from(common::ok_json(&sent)["outputs"][0]["output"].as_str().unwrap());

    t.say("one bit of the encrypted data changed");
    let mut bytes = std::fs::read(&output).unwrap();
    let last = bytes.len() - 30;
    bytes[last] ^= 0x01;
    t.write("tampered.pdf.pgp", &bytes);
    t.run(&["--home", "patient", "open", "tampered.pdf.pgp"]);
    t.say("cut short");
    let whole = std::fs::read(&output).unwrap();
    t.write("truncated.pdf.pgp", &whole[..whole.len() / 2]);
    t.run(&["--home", "patient", "--json", "open", "truncated.pdf.pgp"]);
    t.say("not OpenPGP at all");
    t.run(&["--home", "patient", "open", "brief.pdf"]);
    t.say("a message for someone else (a third identity's key)");
    t.init("other", "OTHER", ("O. Ther", "o.ther@example.org"));
    t.run(&["--home", "other", "open", output.to_str().unwrap()]);
    t.say("certificates that cannot be contacts");
    t.run(&["--home", "doctor", "contact", "add", "nothing", "--key-file", "brief.pdf"]);
    let mut two = std::fs::read(t.path("patient.asc")).unwrap();
    two.extend(std::fs::read(t.path("doctor.asc")).unwrap());
    t.write("two.asc", &two);
    t.run(&["--home", "other", "contact", "add", "two", "--key-file", "two.asc"]);
    t.run(&["--home", "doctor", "contact", "add", "again", "--key-file", "patient.asc"]);
    let uid = Some("E. Xpired <e.xpired@example.org>");
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 365 * 86400);
    let (expired, _) = openpgp::cert::CertBuilder::general_purpose(uid)
        .set_creation_time(long_ago)
        .set_validity_period(std::time::Duration::from_secs(86400))
        .generate()
        .unwrap();
    t.write_cert("expired.asc", &expired, "[EXPIRED_FPR]", "[EXPIRED_FPR_GROUPED]");
    t.run(&["--home", "doctor", "contact", "add", "expired", "--key-file", "expired.asc"]);
    let (secret, _) =
        openpgp::cert::CertBuilder::general_purpose(Some("S. Ecret <s.ecret@example.org>")).generate().unwrap();
    {
        use openpgp::serialize::SerializeInto;
        t.write("secret-key.asc", &secret.as_tsk().armored().to_vec().unwrap());
    }
    t.run(&["--home", "doctor", "contact", "add", "secret", "--key-file", "secret-key.asc"]);
    t.check("damaged-input");
}

#[test]
fn unsafe_home_and_bad_configuration_exit_1() {
    let mut t = Transcript::new();
    t.init("doctor", "DOCTOR", DOCTOR);
    t.say("an output folder that does not exist");
    t.write("brief.pdf", b"%PDF-1.4 referral\n");
    t.run(&["--home", "doctor", "export-key", "-o", "missing/doctor.asc"]);
    t.say("an alias outside a-z0-9._-");
    t.run(&["--home", "doctor", "export-key", "-o", "doctor.asc"]);
    t.run(&["--home", "doctor", "contact", "add", "Mevrouw Jansen", "--key-file", "doctor.asc"]);
    t.say("a home that others can read");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(t.path("doctor"), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    t.run(&["--home", "doctor", "whoami"]);
    t.check("configuration");
}

/// The first hour in each language, as a GP whose desktop speaks it: the
/// tour, then a first exchange — identities, keys, a refusal before the
/// phone check, a misheard fingerprint, the check, sending, opening, a
/// tampered copy refused — and the files and retention afterwards.
#[test]
fn the_first_hour_in_english_dutch_and_french() {
    for (name, locale) in [("en", "en_GB.UTF-8"), ("nl", "nl_NL.UTF-8"), ("fr", "fr_BE.UTF-8")] {
        let mut t = Transcript::in_locale(locale);
        let regex = |r: &str| regex::Regex::new(r).unwrap();
        // The tour's own identities and folder differ on every run.
        t.redactions.insert("[TOUR_DIR]", regex(r"[^\s(]*carepost-tour-[0-9A-Za-z]+")).unwrap();
        t.redactions.insert("[TOUR_FPR_GROUPED]", regex(r"\b[0-9A-F]{4}(?: [0-9A-F]{4}){9}\b")).unwrap();
        t.redactions.insert("[TOUR_WORDS]", regex(r"\b[a-z]+(?: [a-z]+){19}\b")).unwrap();
        t.run(&["tour"]);
        t.exchange_keys("p-0042");
        t.write("brief.pdf", b"%PDF-1.4 referral\n");
        t.say("before the phone check, sending is refused (exit 3)");
        t.run(&["--home", "doctor", "send", "brief.pdf", "--to", "p-0042"]);
        t.say("a mistyped alias");
        t.run(&["--home", "doctor", "send", "brief.pdf", "--to", "p-042"]);
        t.say("the doctor reads out her own fingerprint by mistake (exit 3)");
        let doctor = t.fingerprint("doctor");
        t.run(&["--home", "doctor", "contact", "verify", "p-0042", "--fingerprint", &doctor]);
        let patient = t.fingerprint("patient");
        t.run(&["--home", "doctor", "contact", "verify", "p-0042", "--fingerprint", &patient, "--method", "phone"]);
        t.run(&["--home", "patient", "contact", "verify", "dr-jansen", "--fingerprint", &doctor]);
        t.run(&["--home", "doctor", "contact", "list"]);
        std::fs::create_dir(t.path("out")).unwrap();
        let sent = t.run(&["--home", "doctor", "--json", "send", "brief.pdf", "--to", "p-0042", "-o", "out"]);
        let output = common::ok_json(&sent)["outputs"][0]["output"].as_str().unwrap().to_owned();
        t.run(&["--home", "doctor", "send", "brief.pdf", "--to", "p-0042", "-o", "out"]);
        std::fs::create_dir(t.path("received")).unwrap();
        t.run(&["--home", "patient", "open", &output, "-o", "received"]);
        t.say("one bit of the encrypted data changed in transit (exit 4)");
        let mut bytes = std::fs::read(&output).unwrap();
        let last = bytes.len() - 30;
        bytes[last] ^= 0x01;
        t.write("tampered.pdf.pgp", &bytes);
        t.run(&["--home", "patient", "open", "tampered.pdf.pgp"]);
        t.run(&["--home", "doctor", "files"]);
        t.run(&["--home", "doctor", "retention", "show"]);
        t.run(&["--home", "doctor", "retention", "set", "sent=30d"]);
        t.run(&["--home", "doctor", "purge"]);
        t.check(&format!("first-hour.{name}"));
    }
}
