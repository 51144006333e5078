//! The OpenPGP password form, for a patient without a key: messages that
//! carepost seals with a password open in gpg and sq and in carepost, and
//! a wrong password is refused by all three; carepost opens what gpg and
//! sq seal with a password; damage gives exit 4 and no file; the password
//! never reaches a command line, the audit log or the home.
//!
//! The messages are made by the library (`Sealer::seal_with_password`,
//! what `send --format openpgp` calls) for a home made by `carepost init`.

mod common;

use carepost::context::{NonInteractive, SecretsConfig};
use carepost::send::{Sealer, Silent};
use common::{code, stderr, Carepost, Gpg};
use sequoia_openpgp as openpgp;
use std::path::{Path, PathBuf};
use std::process::Command;

const PASSWORD: &str = "appel tafel fiets molen kaas boom";
const WRONG: &str = "appel tafel fiets molen kaas bos";
const DOCUMENT: &[u8] = b"%PDF-1.7\nUitslag bloedonderzoek: Hb 8.4 mmol/l\n%%EOF\n";
const NAME: &str = "uitslag-bloed.pdf";

/// A message sealed by `cp` with `password` (and to `cp`'s own key).
fn seal(cp: &Carepost, password: &str, armor: bool) -> Vec<u8> {
    let home = carepost::home::Home::locate(Some(cp.home.clone())).unwrap();
    let secrets =
        SecretsConfig { passphrase_file: Some(cp.passphrase_file.clone()), no_keychain: true, ..Default::default() };
    let mut ctx = carepost::Context::new(home, secrets, &NonInteractive);
    let sealer = Sealer::without_recipients(&mut ctx).unwrap();
    let mut out = Vec::new();
    let (sha256, size) = sealer
        .seal_with_password(
            &mut &DOCUMENT[..],
            &mut out,
            NAME.as_bytes(),
            armor,
            &openpgp::crypto::Password::from(password),
            &Silent,
        )
        .unwrap();
    assert_eq!(size, DOCUMENT.len() as u64);
    assert_eq!(sha256.len(), 64);
    out
}

/// Writes `content` to a private file `name` in `cp`'s folder.
fn secret_file(cp: &Carepost, name: &str, content: &str) -> PathBuf {
    let path = cp.path(name);
    common::write_secret(&path, format!("{content}\n").as_bytes());
    path
}

/// `gpg` in `gpg`'s home, reading the password from `password_file`.
fn gpg_with_password(gpg: &Gpg, password_file: &Path, args: &[&str]) -> std::process::Output {
    Command::new("gpg")
        .env("GNUPGHOME", gpg.home())
        .args(["--batch", "--no-tty", "--pinentry-mode", "loopback", "--passphrase-file"])
        .arg(password_file)
        .args(args)
        .output()
        .unwrap()
}

/// The files in `dir` (none when it does not exist).
fn files(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    }
}

/// The doctor who seals, and a second carepost home (the clinician's
/// other practice, or support) that has no key packet in the message and
/// opens it with the password only.
fn doctor_and_reader() -> (Carepost, Carepost) {
    (
        Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example"),
        Carepost::with_identity("Support", "support@praktijk.example"),
    )
}

#[test]
#[cfg_attr(missing_gpg, ignore = "gpg is not installed")]
fn gpg_opens_the_password_form_and_refuses_a_wrong_password() {
    let Some(gpg) = Gpg::new() else { return };
    let doctor = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    gpg.import(&doctor.export_key());
    for armor in [false, true] {
        let message = common::write(&doctor, "uitslag.pgp", &seal(&doctor, PASSWORD, armor));
        let right = secret_file(&doctor, "password", PASSWORD);
        let out = gpg_with_password(&gpg, &right, &["--decrypt", message.to_str().unwrap()]);
        assert!(out.status.success(), "armor {armor}: {}", stderr(&out));
        assert_eq!(out.stdout, DOCUMENT);
        // Signed by the doctor's key, which the patient's gpg knows.
        assert!(stderr(&out).contains("Good signature"), "{}", stderr(&out));

        let wrong = secret_file(&doctor, "wrong", WRONG);
        let out = gpg_with_password(&gpg, &wrong, &["--decrypt", message.to_str().unwrap()]);
        assert!(!out.status.success(), "a wrong password opened it");
        assert!(out.stdout.is_empty(), "plaintext with a wrong password");
        assert!(
            stderr(&out).contains("Bad session key") || stderr(&out).contains("decryption failed"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
#[cfg_attr(missing_gpg, ignore = "gpg is not installed")]
fn gpg_sees_aes256_the_strongest_s2k_our_key_and_seipdv1() {
    let Some(gpg) = Gpg::new() else { return };
    let doctor = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let message = common::write(&doctor, "uitslag.pgp", &seal(&doctor, PASSWORD, false));
    let right = secret_file(&doctor, "password", PASSWORD);
    let out = gpg_with_password(&gpg, &right, &["--list-packets", message.to_str().unwrap()]);
    let packets = String::from_utf8_lossy(&out.stdout).into_owned();
    let symkey: Vec<&str> = packets.lines().filter(|l| l.contains(":symkey enc packet:")).collect();
    assert_eq!(symkey.len(), 1, "{packets}");
    // Version 4, AES-256 (9), iterated and salted (3) with SHA-512 (10).
    let symkey = symkey[0].replace(' ', "");
    assert!(symkey.contains("version4,cipher9,aead0,s2k3,hash10"), "{packets}");
    assert!(packets.contains("count 65011712"), "{packets}");
    // One key packet, for the doctor's own encryption subkey.
    let own_subkey = own_encryption_keyid(&doctor);
    let pubkey: Vec<&str> = packets.lines().filter(|l| l.contains(":pubkey enc packet:")).collect();
    assert_eq!(pubkey.len(), 1, "{packets}");
    assert!(pubkey[0].contains(&format!("keyid {own_subkey}")), "{own_subkey}: {packets}");
    // SEIPDv1 with MDC; signed; no compression; the name inside.
    assert!(packets.contains(":encrypted data packet:") && packets.contains("mdc_method: 2"), "{packets}");
    assert!(!packets.contains(":aead encrypted packet:"), "{packets}");
    assert!(packets.contains(":onepass_sig packet:") && packets.contains(":signature packet:"), "{packets}");
    assert!(!packets.contains(":compressed packet:"), "{packets}");
    assert!(packets.contains(&format!("name=\"{NAME}\"")), "{packets}");
}

/// The key ID (16 uppercase hex) of `cp`'s encryption subkey.
fn own_encryption_keyid(cp: &Carepost) -> String {
    use openpgp::parse::Parse;
    let cert = openpgp::Cert::from_file(cp.export_key()).unwrap();
    let policy = openpgp::policy::StandardPolicy::new();
    let key = cert.keys().with_policy(&policy, None).for_transport_encryption().next().unwrap();
    key.key().keyid().to_hex()
}

#[test]
fn carepost_opens_the_password_form_with_the_password_and_refuses_a_wrong_one() {
    let (doctor, reader) = doctor_and_reader();
    let message = common::write(&reader, "document-20261204-ab12.pdf.pgp", &seal(&doctor, PASSWORD, false));
    let inbox = reader.path("opened");
    std::fs::create_dir(&inbox).unwrap();

    // Without a password: refused before anything is written, naming --password.
    let out = reader.cmd().args(["open", message.to_str().unwrap(), "-o"]).arg(&inbox).output().unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error: this message is protected with a password"), "{}", stderr(&out));
    assert!(stderr(&out).contains("hint: ") && stderr(&out).contains("--password"), "{}", stderr(&out));
    assert!(files(&inbox).is_empty());

    // A wrong password: exit 4, nothing written.
    let wrong = secret_file(&reader, "wrong", WRONG);
    let out = reader
        .cmd()
        .args(["open", message.to_str().unwrap(), "-o"])
        .arg(&inbox)
        .arg("--password-file")
        .arg(&wrong)
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error: the password does not open this message"), "{}", stderr(&out));
    assert!(stderr(&out).contains("\nhint: "), "{}", stderr(&out));
    assert!(!stderr(&out).contains(WRONG), "{}", stderr(&out));
    assert!(files(&inbox).is_empty(), "{:?}", files(&inbox));

    // The right one: the document under its inner name; the signer is a
    // key this home does not know.
    let right = secret_file(&reader, "password", PASSWORD);
    let out = reader
        .cmd()
        .arg("--json")
        .args(["open", message.to_str().unwrap(), "-o"])
        .arg(&inbox)
        .arg("--password-file")
        .arg(&right)
        .output()
        .unwrap();
    let json = common::ok_json(&out);
    assert_eq!(json["opened_with"], "password", "{json:#}");
    assert_eq!(json["filename"], NAME, "{json:#}");
    assert_eq!(json["sender"]["status"], "unknown", "{json:#}");
    assert_eq!(json["sender"]["fingerprint"], doctor.fingerprint(), "{json:#}");
    assert_eq!(std::fs::read(inbox.join(NAME)).unwrap(), DOCUMENT);

    // Once the doctor is a verified contact, the same message says so.
    reader.add_verified("dr-jansen", &doctor);
    let again = reader.path("again");
    std::fs::create_dir(&again).unwrap();
    let json = reader.json(&[
        "open",
        message.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
        "--password-file",
        right.to_str().unwrap(),
        "--require-verified-sender",
    ]);
    assert_eq!(json["sender"]["status"], "verified", "{json:#}");
    assert_eq!(json["sender"]["alias"], "dr-jansen", "{json:#}");
}

#[test]
fn a_typed_password_with_other_spacing_or_capitals_still_opens_it() {
    let (doctor, reader) = doctor_and_reader();
    let message = common::write(&reader, "m.pgp", &seal(&doctor, PASSWORD, true));
    let typed = secret_file(&reader, "typed", "  Appel tafel  fiets molen KAAS boom ");
    let out = reader.path("out");
    std::fs::create_dir(&out).unwrap();
    let json = reader.json(&[
        "open",
        message.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--password-file",
        typed.to_str().unwrap(),
    ]);
    assert_eq!(json["opened_with"], "password", "{json:#}");
    assert_eq!(std::fs::read(out.join(NAME)).unwrap(), DOCUMENT);
}

#[test]
fn our_own_key_opens_the_password_form_without_the_password() {
    let doctor = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let message = common::write(&doctor, "m.pgp", &seal(&doctor, PASSWORD, false));
    let out = doctor.path("out");
    std::fs::create_dir(&out).unwrap();
    let json = doctor.json(&["open", message.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(json["opened_with"], "key", "{json:#}");
    // Our own signature: the sender is us.
    assert_eq!(json["sender"]["fingerprint"], doctor.fingerprint(), "{json:#}");
    assert_eq!(std::fs::read(out.join(NAME)).unwrap(), DOCUMENT);
    // With --password-file too: the key is used, the file not read (it
    // need not even exist), and the user is told.
    let out2 = doctor.path("out2");
    std::fs::create_dir(&out2).unwrap();
    let result = doctor
        .cmd()
        .arg("--json")
        .args(["open", message.to_str().unwrap(), "-o", out2.to_str().unwrap(), "--password-file"])
        .arg(doctor.path("no-such-file"))
        .output()
        .unwrap();
    let json = common::ok_json(&result);
    assert_eq!(json["opened_with"], "key", "{json:#}");
    assert!(stderr(&result).contains("your own key opens this message"), "{}", stderr(&result));
}

#[test]
fn the_senders_own_copy_is_sealed_to_our_key_only() {
    use openpgp::parse::{PacketParser, PacketParserResult, Parse};
    let doctor = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let home = carepost::home::Home::locate(Some(doctor.home.clone())).unwrap();
    let secrets = SecretsConfig {
        passphrase_file: Some(doctor.passphrase_file.clone()),
        no_keychain: true,
        ..Default::default()
    };
    let mut ctx = carepost::Context::new(home, secrets, &NonInteractive);
    let sealer = Sealer::without_recipients(&mut ctx).unwrap();
    let mut sealed = Vec::new();
    sealer.seal_for_self(&mut &DOCUMENT[..], &mut sealed, NAME.as_bytes(), false, &Silent).unwrap();
    drop(ctx);
    let mut ppr = PacketParser::from_bytes(&sealed).unwrap();
    let (mut pkesks, mut skesks) = (Vec::new(), 0);
    while let PacketParserResult::Some(pp) = ppr {
        match &pp.packet {
            // SEIPDv2 key packets name the subkey by fingerprint.
            openpgp::Packet::PKESK(p) => pkesks.push(openpgp::KeyID::from(p.recipient().unwrap()).to_hex()),
            openpgp::Packet::SKESK(_) => skesks += 1,
            _ => break,
        }
        ppr = pp.next().unwrap().1;
    }
    assert_eq!(pkesks, [own_encryption_keyid(&doctor)]);
    assert_eq!(skesks, 0);
    let message = common::write(&doctor, "own.pgp", &sealed);
    let out = doctor.path("out");
    std::fs::create_dir(&out).unwrap();
    let json = doctor.json(&["open", message.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(json["sender"]["fingerprint"], doctor.fingerprint(), "{json:#}");
    assert_eq!(std::fs::read(out.join(NAME)).unwrap(), DOCUMENT);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "gpg is not installed")]
fn carepost_opens_what_gpg_encrypts_with_a_password_signed_or_not() {
    let Some(gpg) = Gpg::new() else { return };
    let reader = Carepost::with_identity("Support", "support@praktijk.example");
    gpg.generate("Lab <lab@example.org>", "ed25519", None, "1y");
    let document = common::write(&reader, NAME, DOCUMENT);
    let right = secret_file(&reader, "password", PASSWORD);
    let wrong = secret_file(&reader, "wrong", WRONG);
    for (signed, expected_status) in [(false, "unsigned"), (true, "unknown")] {
        let message = reader.path(&format!("gpg-{signed}.gpg"));
        let mut args = vec!["--symmetric", "--cipher-algo", "AES256", "--output", message.to_str().unwrap()];
        if signed {
            args.extend(["--sign", "--local-user", "lab@example.org"]);
        }
        args.push(document.to_str().unwrap());
        let made = gpg_with_password(&gpg, &right, &args);
        assert!(made.status.success(), "{}", stderr(&made));

        let out_dir = reader.path(&format!("out-{signed}"));
        std::fs::create_dir(&out_dir).unwrap();
        let refused = reader
            .cmd()
            .args(["open", message.to_str().unwrap(), "-o", out_dir.to_str().unwrap(), "--password-file"])
            .arg(&wrong)
            .output()
            .unwrap();
        assert_eq!(code(&refused), 4, "{}", stderr(&refused));
        assert!(files(&out_dir).is_empty());

        let json = reader.json(&[
            "open",
            message.to_str().unwrap(),
            "-o",
            out_dir.to_str().unwrap(),
            "--password-file",
            right.to_str().unwrap(),
        ]);
        assert_eq!(json["opened_with"], "password", "{json:#}");
        assert_eq!(json["sender"]["status"], expected_status, "{json:#}");
        assert_eq!(std::fs::read(out_dir.join(NAME)).unwrap(), DOCUMENT);
    }
}

#[test]
#[cfg_attr(missing_sqop, ignore = "sqop is not installed")]
fn sequoias_sop_opens_the_password_form_and_carepost_opens_its() {
    // Sequoia through the Stateless OpenPGP interface (`sqop`): Debian's
    // `sq` 0.27 only asks for a password on the terminal.
    if !common::have_peer("sqop") {
        return;
    }
    let (doctor, reader) = doctor_and_reader();
    let message = common::write(&reader, "m.pgp", &seal(&doctor, PASSWORD, false));
    let right = secret_file(&reader, "password", PASSWORD);
    let wrong = secret_file(&reader, "wrong", WRONG);
    let sqop = |args: &[String], input: &Path| {
        Command::new("sqop").args(args).stdin(std::fs::File::open(input).unwrap()).output().unwrap()
    };
    let with = |file: &Path| format!("--with-password={}", file.display());
    let out = sqop(&["decrypt".into(), with(&right)], &message);
    assert_eq!(out.stdout, DOCUMENT, "{}", stderr(&out));
    let out = sqop(&["decrypt".into(), with(&wrong)], &message);
    assert!(!out.status.success() && out.stdout.is_empty(), "{}", stderr(&out));

    let document = common::write(&reader, NAME, DOCUMENT);
    let out = sqop(&["encrypt".into(), "--no-armor".into(), with(&right)], &document);
    assert!(out.status.success(), "{}", stderr(&out));
    let sealed = common::write(&reader, "sqop.pgp", &out.stdout);
    let out_dir = reader.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    let json = reader.json(&[
        "open",
        sealed.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--password-file",
        right.to_str().unwrap(),
    ]);
    assert_eq!(json["opened_with"], "password", "{json:#}");
    assert_eq!(std::fs::read(out_dir.join(json["filename"].as_str().unwrap())).unwrap(), DOCUMENT);
}

#[test]
fn a_truncated_or_tampered_password_message_gives_exit_4_and_no_file() {
    let (doctor, reader) = doctor_and_reader();
    let sealed = seal(&doctor, PASSWORD, false);
    let right = secret_file(&reader, "password", PASSWORD);
    let mut damaged = Vec::new();
    damaged.push(("truncated", sealed[..sealed.len() / 2].to_vec()));
    damaged.push(("cut-last-byte", sealed[..sealed.len() - 1].to_vec()));
    let mut flipped = sealed.clone();
    let middle = flipped.len() * 2 / 3;
    flipped[middle] ^= 0x01;
    damaged.push(("tampered", flipped));
    for (what, bytes) in damaged {
        let message = common::write(&reader, &format!("{what}.pgp"), &bytes);
        let out_dir = reader.path(&format!("out-{what}"));
        std::fs::create_dir(&out_dir).unwrap();
        let out = reader
            .cmd()
            .args(["open", message.to_str().unwrap(), "-o", out_dir.to_str().unwrap(), "--password-file"])
            .arg(&right)
            .output()
            .unwrap();
        assert_eq!(code(&out), 4, "{what}: {}", stderr(&out));
        assert!(stderr(&out).starts_with("error: ") && stderr(&out).contains("\nhint: "), "{what}: {}", stderr(&out));
        assert!(files(&out_dir).is_empty(), "{what}: {:?}", files(&out_dir));
    }
}

#[test]
fn password_without_a_terminal_and_password_files_others_can_read_are_refused() {
    let (doctor, reader) = doctor_and_reader();
    let message = common::write(&reader, "m.pgp", &seal(&doctor, PASSWORD, false));
    // No terminal: --password cannot ask.
    let out = reader.cmd().args(["open", message.to_str().unwrap(), "--password"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("--password-file"), "{}", stderr(&out));
    // Both at once is a usage error.
    let right = secret_file(&reader, "password", PASSWORD);
    let out = reader
        .cmd()
        .args(["open", message.to_str().unwrap(), "--password", "--password-file"])
        .arg(&right)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&right, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out =
            reader.cmd().args(["open", message.to_str().unwrap(), "--password-file"]).arg(&right).output().unwrap();
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        assert!(stderr(&out).contains("chmod 600"), "{}", stderr(&out));
        assert!(!stderr(&out).contains(PASSWORD), "{}", stderr(&out));
    }
}

/// The password is read from its file and nowhere else: not on any
/// command line carepost starts, not in anything it writes (strace sees
/// every execve and write), not in the audit log or any file of the home.
#[test]
#[cfg(target_os = "linux")]
fn the_password_is_never_on_argv_in_output_or_in_the_home() {
    let (doctor, reader) = doctor_and_reader();
    let message = common::write(&reader, "m.pgp", &seal(&doctor, PASSWORD, false));
    let right = secret_file(&reader, "password", PASSWORD);
    let out_dir = reader.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    let traced = Command::new("strace").arg("-V").output().is_ok_and(|o| o.status.success());
    if traced {
        let log = reader.path("strace.log");
        let out = common::under_strace(&reader, &log)
            .args(["open", message.to_str().unwrap(), "-o", out_dir.to_str().unwrap(), "--password-file"])
            .arg(&right)
            .output()
            .unwrap();
        let trace = std::fs::read_to_string(&log).unwrap_or_default();
        if out.status.success() {
            assert!(trace.contains("execve("), "strace saw nothing: {trace}");
            for word in ["fiets molen", "appel tafel"] {
                assert!(!trace.contains(word), "the password went out: {word}");
            }
        } else if trace.is_empty() && stderr(&out).contains("ptrace") {
            // strace cannot trace here (no ptrace in this sandbox); the
            // checks on the home below still run.
            assert!(!common::in_ci(), "strace cannot trace in CI: {}", stderr(&out));
            eprintln!("SKIPPED the strace part: {}", stderr(&out).trim());
        } else {
            panic!("carepost under strace failed: {}", stderr(&out));
        }
    } else {
        assert!(!common::in_ci(), "strace is not installed; CI needs it");
        eprintln!("SKIPPED the strace part: strace is not installed");
    }
    // Opened (under strace, or now).
    if files(&out_dir).is_empty() {
        reader
            .cmd()
            .args(["open", message.to_str().unwrap(), "-o", out_dir.to_str().unwrap(), "--password-file"])
            .arg(&right)
            .assert()
            .success();
    }
    assert_eq!(std::fs::read(out_dir.join(NAME)).unwrap(), DOCUMENT);
    // Nothing in the home holds it: state, WAL, audit log, anything.
    let mut stack = vec![reader.home.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                let found = bytes.windows(PASSWORD.len()).any(|w| w == PASSWORD.as_bytes());
                assert!(!found, "the password is in {}", path.display());
            }
        }
    }
}

#[test]
#[cfg_attr(missing_gpg, ignore = "gpg is not installed")]
fn a_spoken_password_opens_the_form_in_gpg_and_in_carepost() {
    let Some(gpg) = Gpg::new() else { return };
    let (doctor, reader) = doctor_and_reader();
    let spoken = carepost::password::SpokenPassword::generate(carepost::i18n::Language::Nl);
    let home = carepost::home::Home::locate(Some(doctor.home.clone())).unwrap();
    let secrets = SecretsConfig {
        passphrase_file: Some(doctor.passphrase_file.clone()),
        no_keychain: true,
        ..Default::default()
    };
    let mut ctx = carepost::Context::new(home, secrets, &NonInteractive);
    let sealer = Sealer::without_recipients(&mut ctx).unwrap();
    let mut sealed = Vec::new();
    sealer.seal_for_password(&mut &DOCUMENT[..], &mut sealed, NAME.as_bytes(), true, &spoken, &Silent).unwrap();
    drop(ctx);
    let message = common::write(&reader, "spoken.asc", &sealed);
    let file = secret_file(&reader, "spoken", spoken.as_str());
    let out = gpg_with_password(&gpg, &file, &["--decrypt", message.to_str().unwrap()]);
    assert_eq!(out.stdout, DOCUMENT, "{}", stderr(&out));
    let out_dir = reader.path("out");
    std::fs::create_dir(&out_dir).unwrap();
    let json = reader.json(&[
        "open",
        message.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--password-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(json["opened_with"], "password", "{json:#}");
    assert_eq!(std::fs::read(out_dir.join(NAME)).unwrap(), DOCUMENT);
}
