//! Measures the two ways to sign while encrypting, in one run: Sequoia's
//! `stream::Signer` (what `carepost send` uses) and the two-thread path it
//! replaced (one-pass signature assembled by hand, the signature hash
//! computed on a second thread), plus `gpg --compress-algo none` when it
//! is installed. Same algorithms for all: Ed25519 signature over SHA-256,
//! X25519 recipients, AES-256 SEIPDv1, no compression; output hashed on
//! the side as `send` does.
//!
//! cargo run --release -p carepost --example signing -- [--runs N] [--sizes 1K,10M,100M]

use carepost::hashing::{HashingWriter, ParallelHasher};
use openpgp::cert::prelude::*;
use openpgp::crypto::KeyPair;
use openpgp::packet::prelude::*;
use openpgp::policy::StandardPolicy;
use openpgp::serialize::stream::{Encryptor, LiteralWriter, Message, Recipient, Signer};
use openpgp::serialize::Serialize as _;
use openpgp::types::{DataFormat, HashAlgorithm, SignatureType, SymmetricAlgorithm};
use openpgp::{Cert, Fingerprint};
use sequoia_openpgp as openpgp;
use std::io::{BufWriter, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

const CHUNK: usize = 1 << 20;
const HASH: HashAlgorithm = HashAlgorithm::SHA256;

fn main() -> openpgp::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let option = |name: &str, default: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned().unwrap_or(default.to_owned())
    };
    let runs: usize = option("--runs", "5").parse()?;
    let sizes: Vec<(String, usize)> =
        option("--sizes", "1K,10M,100M").split(',').map(|s| (s.to_owned(), size(s))).collect();

    let policy = StandardPolicy::new();
    let (sender, _) = CertBuilder::general_purpose(Some("sender <s@example.org>")).generate()?;
    let (contact, _) = CertBuilder::general_purpose(Some("contact <c@example.org>")).generate()?;
    let signer = sender
        .keys()
        .secret()
        .with_policy(&policy, None)
        .for_signing()
        .next()
        .expect("a signing key")
        .key()
        .clone()
        .into_keypair()?;
    let certs = [contact.clone(), sender.clone()];
    let dir = tempfile::tempdir()?;
    let gpg = GpgHome::new(dir.path(), &contact);

    println!("{:>6}  {:>14}  {:>14}  {:>14}  {:>8}", "size", "stream::Signer", "two threads", "gpg", "two/stream");
    for (label, bytes) in sizes {
        let input = dir.path().join(format!("doc-{label}"));
        write_random(&input, bytes)?;
        let (mut stream, mut threads, mut gpg_times) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            // Interleaved, so both see the same machine load.
            stream.push(time(|| run(&input, dir.path(), &certs, &signer, &policy, Way::Stream))?);
            threads.push(time(|| run(&input, dir.path(), &certs, &signer, &policy, Way::TwoThreads))?);
            if let Some(gpg) = &gpg {
                gpg_times.push(time(|| gpg.sign_encrypt(&input, dir.path()))?);
            }
        }
        let (s, t) = (median(&mut stream), median(&mut threads));
        let g = if gpg_times.is_empty() { "-".to_owned() } else { ms(median(&mut gpg_times)) };
        println!("{label:>6}  {:>14}  {:>14}  {g:>14}  {:>8.2}", ms(s), ms(t), s.as_secs_f64() / t.as_secs_f64());
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Way {
    Stream,
    TwoThreads,
}

fn run(
    input: &std::path::Path,
    dir: &std::path::Path,
    certs: &[Cert],
    signer: &KeyPair,
    policy: &StandardPolicy,
    way: Way,
) -> openpgp::Result<()> {
    let now = SystemTime::now();
    let valid = certs.iter().map(|c| c.with_policy(policy, now)).collect::<openpgp::Result<Vec<_>>>()?;
    let keys: Vec<Recipient> = valid
        .iter()
        .flat_map(|vc| vc.keys().for_transport_encryption().for_storage_encryption())
        .map(Recipient::from)
        .collect();
    let intended: Vec<Fingerprint> = certs.iter().map(Cert::fingerprint).collect();
    let mut file = std::fs::File::open(input)?;
    let out = std::fs::File::create(dir.join("out.pgp"))?;
    let mut sink = HashingWriter::new(out);
    let document_sha256 = match way {
        Way::Stream => stream(&mut file, &mut sink, keys, signer, certs, now)?,
        Way::TwoThreads => two_threads(&mut file, &mut sink, keys, signer, &intended, now)?,
    };
    let (output_sha256, _) = sink.finish()?;
    std::hint::black_box((document_sha256, output_sha256));
    Ok(())
}

/// `stream::Signer` under the encryptor; the document's SHA-256 (for the
/// records) on a second thread.
fn stream(
    input: &mut dyn Read,
    sink: &mut (dyn Write + Send + Sync),
    keys: Vec<Recipient<'_>>,
    signer: &KeyPair,
    certs: &[Cert],
    now: SystemTime,
) -> openpgp::Result<String> {
    let mut out = BufWriter::with_capacity(CHUNK, sink);
    let message = Message::new(&mut out);
    let message = Encryptor::for_recipients(message, keys).symmetric_algo(SymmetricAlgorithm::AES256).build()?;
    let mut message = Signer::new(message, signer.clone())?.hash_algo(HASH)?.creation_time(now);
    for cert in certs {
        message = message.add_intended_recipient(cert);
    }
    let message = message.build()?;
    let mut literal = LiteralWriter::new(message).format(DataFormat::Binary).filename("doc")?.build()?;
    let document = ParallelHasher::sha256();
    loop {
        let chunk = read_chunk(input)?;
        if chunk.is_empty() {
            break;
        }
        let chunk = Arc::new(chunk);
        document.update(Arc::clone(&chunk));
        literal.write_all(&chunk)?;
    }
    literal.finalize()?;
    out.flush()?;
    Ok(carepost::hashing::hex_digest(document.finish()?)?)
}

/// The hand-assembled one-pass signature, its hash on a second thread.
fn two_threads(
    input: &mut dyn Read,
    sink: &mut (dyn Write + Send + Sync),
    keys: Vec<Recipient<'_>>,
    signer: &KeyPair,
    intended: &[Fingerprint],
    now: SystemTime,
) -> openpgp::Result<String> {
    let mut out = BufWriter::with_capacity(CHUNK, sink);
    let message = Message::new(&mut out);
    let mut message = Encryptor::for_recipients(message, keys).symmetric_algo(SymmetricAlgorithm::AES256).build()?;
    let mut ops = OnePassSig3::new(SignatureType::Binary);
    ops.set_pk_algo(signer.public().pk_algo());
    ops.set_hash_algo(HASH);
    ops.set_issuer(signer.public().keyid());
    ops.set_last(true);
    Packet::from(ops).serialize(&mut message)?;
    let mut literal = LiteralWriter::new(message).format(DataFormat::Binary).filename("doc")?.build()?;
    let hash = HASH.context()?.for_signature(4);
    let hash = std::thread::scope(|scope| -> openpgp::Result<_> {
        let (chunks, received) = sync_channel::<Arc<Vec<u8>>>(4);
        let hasher = scope.spawn(move || {
            let mut hash = hash;
            for chunk in received {
                hash.update(&chunk);
            }
            hash
        });
        loop {
            let chunk = read_chunk(input)?;
            if chunk.is_empty() {
                break;
            }
            let chunk = Arc::new(chunk);
            let _ = chunks.send(Arc::clone(&chunk));
            literal.write_all(&chunk)?;
        }
        drop(chunks);
        hasher.join().map_err(|_| anyhow::anyhow!("hashing thread failed"))
    })?;
    let digest = openpgp::fmt::hex::encode(hash.clone().into_digest()?);
    let mut message = literal.finalize_one()?.expect("the literal writer sits on the encryptor");
    let signature = SignatureBuilder::new(SignatureType::Binary)
        .set_signature_creation_time(now)?
        .set_intended_recipients(intended)?
        .sign_hash(&mut signer.clone(), hash)?;
    Packet::from(signature).serialize(&mut message)?;
    message.finalize()?;
    out.flush()?;
    Ok(digest)
}

fn read_chunk(input: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    let mut buffer = vec![0u8; CHUNK];
    let mut filled = 0;
    while filled < CHUNK {
        match input.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    buffer.truncate(filled);
    Ok(buffer)
}

/// A throw-away GnuPG home with a signing key and the contact's key.
struct GpgHome(std::path::PathBuf);

impl GpgHome {
    fn new(dir: &std::path::Path, contact: &Cert) -> Option<GpgHome> {
        let home = dir.join("gnupg");
        std::fs::create_dir(&home).ok()?;
        #[cfg(unix)]
        std::fs::set_permissions(&home, std::os::unix::fs::PermissionsExt::from_mode(0o700)).ok()?;
        let gpg = GpgHome(home);
        let key = dir.join("contact.pgp");
        contact.serialize(&mut std::fs::File::create(&key).ok()?).ok()?;
        let ok = gpg
            .command()
            .args(["--quick-gen-key", "sender@example.org", "ed25519", "sign", "never"])
            .status()
            .ok()?
            .success()
            && gpg.command().args(["--import"]).arg(&key).status().ok()?.success();
        ok.then_some(gpg)
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("gpg");
        cmd.args([
            "--batch",
            "--quiet",
            "--yes",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            "",
            "--trust-model",
            "always",
            "--homedir",
        ])
        .arg(&self.0)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        cmd
    }

    fn sign_encrypt(&self, input: &std::path::Path, dir: &std::path::Path) -> openpgp::Result<()> {
        let status = self
            .command()
            .args(["--compress-algo", "none", "--cipher-algo", "AES256", "--digest-algo", "SHA256"])
            .args(["-r", "c@example.org", "-u", "sender@example.org", "--sign", "--encrypt", "-o"])
            .arg(dir.join("out.gpg"))
            .arg(input)
            .status()?;
        if !status.success() {
            return Err(anyhow::anyhow!("gpg failed"));
        }
        Ok(())
    }
}

fn time(f: impl FnOnce() -> openpgp::Result<()>) -> openpgp::Result<Duration> {
    let began = Instant::now();
    f()?;
    Ok(began.elapsed())
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn size(text: &str) -> usize {
    let (number, unit) = text.split_at(text.len() - 1);
    match unit {
        "K" => number.parse::<usize>().unwrap() << 10,
        "M" => number.parse::<usize>().unwrap() << 20,
        "G" => number.parse::<usize>().unwrap() << 30,
        _ => text.parse().unwrap(),
    }
}

fn write_random(path: &std::path::Path, bytes: usize) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let mut block = vec![0u8; CHUNK];
    let mut left = bytes;
    while left > 0 {
        openpgp::crypto::random(&mut block).map_err(std::io::Error::other)?;
        let n = left.min(CHUNK);
        out.write_all(&block[..n])?;
        left -= n;
    }
    out.flush()
}
