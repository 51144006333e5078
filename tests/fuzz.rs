//! A mutation fuzzer on stable Rust, over the library (not the binary, for
//! speed): `open` of OpenPGP messages and of emails, and `contact add`'s
//! key parsing. Seeds are real messages and keys made at test time by
//! carepost, gpg and sq; mutations are byte flips, truncations, splices of
//! two seeds, insertions, duplications and deletions, from a seeded RNG
//! (`CAREPOST_FUZZ_SEED`, printed on failure, replays a run).
//!
//! It fails when a panic escapes the library, when an error is not the
//! contract's "input rejected" (exit 4; 3 for an email refused by policy),
//! or when anything is left in the output folder after an error. The run
//! lasts `CAREPOST_FUZZ_SECONDS` (default 5); `scripts/fuzz.sh 3600` runs
//! it for an hour. Inputs that fail are written to `CAREPOST_FUZZ_FINDINGS`
//! (default: a temporary folder, printed).

mod common;

use carepost::context::{NonInteractive, SecretsConfig};
use carepost::error::Error;
use carepost::home::Home;
use carepost::open::Source;
use carepost::{contacts, ExitStatus};
use common::{pair, Carepost, Gpg};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// xorshift64*: small, fast, and the same everywhere for a given seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Message,
    Email,
    Key,
}

fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(7) {
            0 if len > 0 => {
                let at = rng.below(len);
                data[at] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let at = rng.below(len);
                data[at] = rng.next() as u8;
            }
            // Truncation: biased to the start, where headers live.
            2 => data.truncate(if rng.below(2) == 0 { rng.below(len.min(256) + 1) } else { rng.below(len + 1) }),
            3 if !other.is_empty() => {
                let cut = rng.below(len + 1);
                let from = rng.below(other.len());
                data.truncate(cut);
                data.extend_from_slice(&other[from..]);
            }
            4 => {
                let at = rng.below(len + 1);
                let n = 1 + rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                data.splice(at..at, bytes);
            }
            5 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                let chunk = data[start..end].to_vec();
                data.splice(start..start, chunk);
            }
            6 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                data.drain(start..end);
            }
            _ => {}
        }
    }
    data
}

struct Seeds {
    messages: Vec<Vec<u8>>,
    emails: Vec<Vec<u8>>,
    keys: Vec<Vec<u8>>,
}

fn run_ok(cmd: &mut std::process::Command) -> Vec<u8> {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Real messages and keys for `patient`, made by carepost, gpg and sq.
fn make_seeds(clinician: &Carepost, patient: &Carepost) -> Seeds {
    let mut messages = Vec::new();
    let mut emails = Vec::new();
    let mut keys = vec![std::fs::read(patient.export_key()).unwrap(), std::fs::read(clinician.export_key()).unwrap()];
    let doc = common::write(clinician, "brief.pdf", &b"%PDF-1.4 referral letter\n".repeat(40));
    let out = clinician.path("out");
    std::fs::create_dir_all(&out).unwrap();
    for extra in [&[][..], &["--armor"][..]] {
        let json = clinician.json(
            &[&["send", doc.to_str().unwrap(), "--to", "p-0042", "-o", out.to_str().unwrap()][..], extra].concat(),
        );
        messages.push(std::fs::read(json["outputs"][0]["output"].as_str().unwrap()).unwrap());
    }
    let eml = clinician.path("brief.eml");
    clinician.cmd().args(["send", doc.to_str().unwrap(), "--to", "p-0042", "--eml"]).arg(&eml).assert().success();
    emails.push(std::fs::read(&eml).unwrap());
    if let Some(gpg) = Gpg::new() {
        gpg.import(&patient.export_key());
        gpg.generate("Gpg Sender <g@example.org>", "ed25519", Some("cv25519"), "1y");
        keys.push(gpg.export_binary("g@example.org"));
        let plain = b"gpg-made document ".repeat(300);
        for args in [
            &["--compress-algo", "none", "-e"][..],
            &["--compress-algo", "zlib", "-se"][..],
            &["--compress-algo", "bzip2", "--armor", "-e"][..],
            &["--rfc4880", "--compress-algo", "zip", "-se"][..],
        ] {
            let mut all = vec!["--trust-model", "always", "-u", "g@example.org", "-r", "p.devries@example.org"];
            all.extend_from_slice(args);
            let out = gpg.run_raw(&all, Some(&plain));
            assert!(out.status.success(), "gpg {all:?}: {}", String::from_utf8_lossy(&out.stderr));
            messages.push(out.stdout);
        }
        // An email with the gpg message as an inline-armored body, and as
        // a PGP/MIME part, built with Python's email package.
        let armored = String::from_utf8(
            gpg.run_raw(
                &["--trust-model", "always", "-r", "p.devries@example.org", "--armor", "-e"],
                Some(b"inline body"),
            )
            .stdout,
        )
        .unwrap();
        let script = r#"
import sys
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.application import MIMEApplication
body = sys.stdin.read()
m = EmailMessage(); m['From'] = 'g@example.org'; m['To'] = 'p.devries@example.org'; m['Subject'] = 'x'
m.set_content(body)
sys.stdout.write(m.as_string()); sys.stdout.write('\n\x00SPLIT\x00\n')
e = MIMEMultipart('encrypted', protocol='application/pgp-encrypted')
e['From'] = 'g@example.org'; e['To'] = 'p.devries@example.org'
e.attach(MIMEApplication('Version: 1\n', 'pgp-encrypted'))
e.attach(MIMEApplication(body, 'octet-stream', name='encrypted.asc'))
sys.stdout.write(e.as_string())
"#;
        let mut python = std::process::Command::new("python3");
        python.args(["-c", script]).stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
        let mut child = python.spawn().unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(armored.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        for part in String::from_utf8(out.stdout).unwrap().split("\n\x00SPLIT\x00\n") {
            emails.push(part.as_bytes().to_vec());
        }
    }
    if common::have_peer("sq") {
        let cert = patient.export_key();
        let plain = common::write(patient, "sq-plain.txt", b"sq-made document");
        let sq_out = patient.path("sq.pgp");
        run_ok(
            std::process::Command::new("sq")
                .args(["encrypt", "--binary", "--recipient-cert"])
                .arg(&cert)
                .arg("-o")
                .arg(&sq_out)
                .arg(&plain),
        );
        messages.push(std::fs::read(&sq_out).unwrap());
    }
    Seeds { messages, emails, keys }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect()
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
#[cfg_attr(all(not(missing_gpg), missing_python), ignore = "needs python3, not installed")]
#[cfg_attr(all(not(missing_gpg), not(missing_python), missing_sq), ignore = "needs Sequoia's sq, not installed")]
fn fuzz_open_and_contact_add() {
    let seconds: u64 = std::env::var("CAREPOST_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let seed: u64 = std::env::var("CAREPOST_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    }) | 1;
    let (clinician, patient) = pair();
    let seeds = make_seeds(&clinician, &patient);
    let findings =
        std::env::var_os("CAREPOST_FUZZ_FINDINGS").map(PathBuf::from).unwrap_or_else(|| patient.path("findings"));
    std::fs::create_dir_all(&findings).unwrap();

    let prompter = NonInteractive;
    let secrets = SecretsConfig {
        passphrase_file: Some(patient.passphrase_file.clone()),
        no_keychain: true,
        ..Default::default()
    };
    let mut ctx = carepost::Context::new(Home::locate(Some(patient.home.clone())).unwrap(), secrets, &prompter);
    let unlocked = ctx.unlock(carepost::identity::Purpose::Decrypt).unwrap();
    let contact_list = contacts::list(&mut ctx).unwrap();
    let out_dir = patient.path("fuzz-out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let email_file = patient.path("fuzz-input.eml");

    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut runs = [0u64; 3];
    let mut failures: Vec<String> = Vec::new();
    while Instant::now() < deadline && failures.len() < 10 {
        let target = match rng.below(10) {
            0..=4 => Target::Message,
            5..=6 => Target::Email,
            _ => Target::Key,
        };
        let pool = match target {
            Target::Message => &seeds.messages,
            Target::Email => &seeds.emails,
            Target::Key => &seeds.keys,
        };
        let all: Vec<&Vec<u8>> = seeds.messages.iter().chain(&seeds.emails).chain(&seeds.keys).collect();
        let (pick, splice) = (rng.below(pool.len()), rng.below(all.len()));
        let input = mutate(&mut rng, &pool[pick], all[splice]);
        runs[target as usize] += 1;
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| -> Result<(), Error> {
            match target {
                Target::Message => {
                    let mut pending = carepost::output::PendingFile::new_in(&out_dir)?;
                    carepost::open::decrypt(
                        &ctx,
                        Source { reader: &input[..], path: None },
                        &unlocked,
                        &contact_list,
                        carepost::open::output_limit(input.len() as u64),
                        pending.file(),
                        None,
                        &carepost::send::Silent,
                    )
                    .map(drop)
                }
                Target::Email => {
                    std::fs::write(&email_file, &input).unwrap();
                    let request = carepost::mail::parse::OpenMailRequest {
                        input: email_file.clone(),
                        output_dir: Some(out_dir.clone()),
                        require_verified_sender: false,
                        accept_unencrypted: false,
                        add_autocrypt: None,
                        retain: None,
                        max_output: None,
                    };
                    carepost::mail::parse::open(&mut ctx, &request, &carepost::send::Silent).map(drop)
                }
                Target::Key => contacts::parse_one_cert(&input, ctx.now).map(drop),
            }
        }));
        let problem = match outcome {
            Err(_) => Some("a panic escaped the library".to_owned()),
            Ok(Ok(())) => None,
            Ok(Err(e)) => {
                let allowed: &[ExitStatus] = match target {
                    Target::Email => &[ExitStatus::Rejected, ExitStatus::Refused],
                    _ => &[ExitStatus::Rejected],
                };
                let left = files_in(&out_dir);
                if !allowed.contains(&e.exit_status()) {
                    Some(format!("exit {} ({e:?})", e.exit_status().code()))
                } else if !left.is_empty() {
                    Some(format!("left behind after an error: {left:?}"))
                } else {
                    None
                }
            }
        };
        // A success may save a document; start the next run clean.
        for file in files_in(&out_dir) {
            let _ = std::fs::remove_file(file);
        }
        if let Some(problem) = problem {
            let name = findings.join(format!("{target:?}-{}.bin", failures.len()));
            std::fs::write(&name, &input).unwrap();
            failures.push(format!("{target:?}: {problem} (input saved as {})", name.display()));
        }
    }
    eprintln!(
        "fuzz: seed {seed}, {} s: {} message, {} email, {} key runs; {} findings",
        seconds,
        runs[0],
        runs[1],
        runs[2],
        failures.len()
    );
    assert!(runs.iter().sum::<u64>() > 0);
    assert!(failures.is_empty(), "fuzzing with seed {seed} found:\n{}", failures.join("\n"));
}
