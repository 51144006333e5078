//! `carepost tour`: the whole exchange, with real cryptography, between a
//! clinician and a patient who live in a temporary folder that is removed
//! afterwards. It never touches the user's home or keychain.

use crate::ui::Output;
use carepost::consent_state::ConsentHow;
use carepost::context::{NonInteractive, SecretsConfig};
use carepost::error::MessageProblem;
use carepost::fingerprint::hex_groups;
use carepost::home::Home;
use carepost::secret::Passphrase;
use carepost::{contacts, init, open, send, tr, verify, Context, Error};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Serialize, Default)]
struct Tour {
    steps: Vec<&'static str>,
    ok: bool,
}

struct Person {
    home: Home,
    secrets: SecretsConfig,
}

impl Person {
    fn new(root: &Path, name: &str) -> Result<Person, Error> {
        let passphrase_file = root.join(format!("{name}.passphrase"));
        let passphrase = Passphrase::generate()?;
        carepost::home::write_atomic(&passphrase_file, format!("{}\n", passphrase.expose()).as_bytes(), false)?;
        Ok(Person {
            home: Home::locate(Some(root.join(name)))?,
            secrets: SecretsConfig {
                passphrase_file: Some(passphrase_file),
                no_keychain: true,
                smtp_password_file: None,
            },
        })
    }

    fn ctx<'p>(&self, prompter: &'p NonInteractive) -> Context<'p> {
        Context::new(self.home.clone(), self.secrets.clone(), prompter)
    }
}

pub fn run(out: &Output) -> Result<(), Error> {
    let workspace = tempfile::Builder::new()
        .prefix("carepost-tour-")
        .tempdir()
        .map_err(|e| Error::io("io-create-dir", std::env::temp_dir(), e))?;
    let mut tour = Tour::default();
    let result = walk(workspace.path(), &mut tour, out);
    tour.ok = result.is_ok();
    let removed = workspace.close();
    result?;
    removed.map_err(|e| Error::io("io-write", std::env::temp_dir(), e))?;
    say(out, &format!("\n{}", tr!("tour-cleaned-up")));
    out.result(&tour, |w| writeln!(w, "{}", tr!("tour-done")))
}

/// An indented detail line under a step.
fn detail(out: &Output, text: &str) {
    say(out, &format!("  {text}"));
}

/// Progress lines go to stderr with --json, to stdout otherwise.
fn say(out: &Output, text: &str) {
    if out.json {
        eprintln!("{text}");
    } else {
        println!("{text}");
    }
}

fn step(out: &Output, tour: &mut Tour, id: &'static str, text: String) {
    tour.steps.push(id);
    say(out, &format!("\n{} {}", tr!("tour-step", number = tour.steps.len()), text));
}

fn walk(root: &Path, tour: &mut Tour, out: &Output) -> Result<(), Error> {
    let nobody = NonInteractive;
    let clinician = Person::new(root, "clinician")?;
    let patient = Person::new(root, "patient")?;
    say(out, &tr!("tour-intro", folder = root.display().to_string()));

    step(out, tour, "identities", tr!("tour-identities"));
    let dr = init::create(&mut clinician.ctx(&nobody), "Dr. A. Jansen", "a.jansen@huisarts.example")?;
    let pt = init::create(&mut patient.ctx(&nobody), "P. de Vries", "p.devries@example.org")?;
    detail(out, &tr!("tour-identity", who = "Dr. A. Jansen", fingerprint = hex_groups(&dr.fingerprint_hex())));
    detail(out, &tr!("tour-identity", who = "P. de Vries", fingerprint = hex_groups(&pt.fingerprint_hex())));

    step(out, tour, "exchange", tr!("tour-exchange"));
    let dr_key = write_file(root, "jansen-key.asc", &dr.export_armored()?)?;
    let pt_key = write_file(root, "devries-key.asc", &pt.export_armored()?)?;
    contacts::add(&mut clinician.ctx(&nobody), "p-0042", &pt_key, contacts::Kind::Patient)?;
    contacts::add(&mut patient.ctx(&nobody), "dr-jansen", &dr_key, contacts::Kind::Colleague)?;
    detail(out, &tr!("tour-exchanged"));
    // The patient was told about the channel and agreed: without that on
    // record nothing is sent to them.
    carepost::consent::give(&mut clinician.ctx(&nobody), "p-0042", ConsentHow::Verbal, None)?;
    detail(out, &tr!("tour-consent"));

    step(out, tour, "refused-unverified", tr!("tour-refused"));
    // The sample letter and its name in the user's language, as a
    // clinician would write them.
    let letter_text = tr!("tour-letter");
    let letter = write_file(root, &tr!("tour-letter-file-name"), letter_text.as_bytes())?;
    let outbox = root.join("to-email");
    std::fs::create_dir(&outbox).map_err(|e| Error::io("io-create-dir", &outbox, e))?;
    let request = send::Request {
        inputs: vec![letter.clone()],
        recipients: vec!["p-0042".into()],
        output_dir: Some(outbox.clone()),
        ..Default::default()
    };
    match send::send(&mut clinician.ctx(&nobody), &request, &send::Silent) {
        Err(e @ Error::RecipientsUnverified(_)) => detail(out, &format!("carepost: {e}")),
        Err(other) => return Err(other),
        Ok(_) => return Err(Error::Internal(tr!("tour-failed-unverified-sent"))),
    }

    step(out, tour, "verify", tr!("tour-verify"));
    let heard = carepost::fingerprint::words(&pt.fingerprint());
    detail(out, &tr!("tour-reads-out", who = "P. de Vries", words = heard.clone()));
    verify::verify(&mut clinician.ctx(&nobody), "p-0042", &heard, verify::Method::Phone)?;
    let heard = carepost::fingerprint::hex_groups(&dr.fingerprint_hex());
    detail(out, &tr!("tour-reads-out", who = "Dr. A. Jansen", words = heard.clone()));
    verify::verify(&mut patient.ctx(&nobody), "dr-jansen", &heard, verify::Method::Phone)?;
    detail(out, &tr!("tour-verified"));

    step(out, tour, "send", tr!("tour-send"));
    let report = send::send(&mut clinician.ctx(&nobody), &request, &send::Silent)?;
    let sent = &report.outputs[0].output;
    detail(out, &tr!("tour-sent", file = file_name(sent)));

    step(out, tour, "open", tr!("tour-open"));
    let documents = root.join("patient-documents");
    std::fs::create_dir(&documents).map_err(|e| Error::io("io-create-dir", &documents, e))?;
    let opened = open::open(
        &mut patient.ctx(&nobody),
        &open::Request {
            input: sent.clone(),
            output_dir: Some(documents.clone()),
            require_verified_sender: true,
            ..Default::default()
        },
        &send::Silent,
    )?;
    let content = std::fs::read(&opened.output).map_err(|e| Error::io("io-read", &opened.output, e))?;
    if content != letter_text.as_bytes() || opened.sender.status != open::SenderStatus::Verified {
        return Err(Error::Internal(tr!("tour-failed-content")));
    }
    detail(
        out,
        &tr!("tour-opened", file = opened.filename.clone(), alias = opened.sender.alias.clone().unwrap_or_default()),
    );

    step(out, tour, "tampered", tr!("tour-tamper"));
    let mut bytes = std::fs::read(sent).map_err(|e| Error::io("io-read", sent, e))?;
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let tampered = write_file(root, "tampered.txt.pgp", &bytes)?;
    let rejected_dir = root.join("tampered-out");
    std::fs::create_dir(&rejected_dir).map_err(|e| Error::io("io-create-dir", &rejected_dir, e))?;
    let request = open::Request { input: tampered, output_dir: Some(rejected_dir.clone()), ..Default::default() };
    match open::open(&mut patient.ctx(&nobody), &request, &send::Silent) {
        Err(e @ Error::MessageRejected(MessageProblem::Tampered | MessageProblem::Truncated)) => {
            detail(out, &format!("carepost: {e}"))
        }
        Err(other) => return Err(other),
        Ok(_) => return Err(Error::Internal(tr!("tour-failed-tamper-accepted"))),
    }
    let leftovers = std::fs::read_dir(&rejected_dir).map(|d| d.count()).unwrap_or(0);
    if leftovers != 0 {
        return Err(Error::Internal(tr!("tour-failed-tamper-accepted")));
    }
    detail(out, &tr!("tour-nothing-written"));
    Ok(())
}

fn write_file(root: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
    let path = root.join(name);
    carepost::home::write_atomic(&path, bytes, false)?;
    Ok(path)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
