//! Interoperability with other OpenPGP implementations, both directions:
//! what carepost sends must open in the peer with a good signature from
//! the carepost key, and what the peer signs and encrypts must open in
//! carepost with the right sender status.
//!
//! Peers: GnuPG 2.2 (RSA-3072 and Curve25519 keys), Sequoia's `sq` 0.27
//! (sequoia-openpgp 1.x, an older codebase than ours), RNP 0.16 (Botan;
//! its keys carry no Features subpacket), and the SOP tools `sqop`,
//! `gosop` and `pgpainless-cli` (Bouncy Castle). Every peer test is
//! marked ignored, with the reason, when its program is missing on a
//! developer machine (build.rs probes PATH), and runs and fails under CI
//! (`CI=true`), where `.ci/run` installs them all.
//!
//! GnuPG's non-standard OCB encryption (LibrePGP packet 20): GnuPG 2.2 —
//! the version Debian 12 ships and CI installs — cannot write it, not even
//! with `--rfc4880bis` (it still writes SEIPD v1, packet 18); only GnuPG
//! 2.3 and later do. RNP 0.16 writes the same packet with `--aead=ocb`
//! (and `--aead=eax`), so the incoming side is tested with real RNP
//! messages: Sequoia 2 cannot decrypt packet 20 at all, so carepost must
//! refuse it cleanly (exit 4, nothing saved) and say why. Carepost never
//! writes packet 20 (every message below is checked), and a key
//! advertising LibrePGP's AEAD feature bit — as GnuPG 2.4 keys do — gets
//! SEIPD v1, which GnuPG reads.

mod common;
#[path = "interop/peers.rs"]
mod peers;

use common::Carepost;
use peers::{GpgUser, Rnp, Sop, Sq};
use sequoia_openpgp as openpgp;
use serde_json::Value;
use std::path::{Path, PathBuf};

use openpgp::cert::prelude::*;
use openpgp::packet::{Tag, PKESK, SEIP};
use openpgp::parse::{PacketParser, PacketParserResult, Parse};
use openpgp::policy::StandardPolicy;
use openpgp::types::SymmetricAlgorithm;
use openpgp::Packet;

const DOCTOR_NAME: &str = "Dr. A. Jansen";
const DOCTOR_EMAIL: &str = "a.jansen@praktijk.example";
const PATIENT_UID: &str = "P. de Vries <p.devries@example.net>";
const PATIENT_EMAIL: &str = "p.devries@example.net";
/// Size of the binary test document: several of the 8 KiB chunks most
/// implementations stream in, and more than one partial body length.
const BINARY_SIZE: usize = 200 * 1024;

// ---------------------------------------------------------------------
// Documents

/// A random (incompressible) binary document named like a real one.
fn binary_document(dir: &Path, name: &str) -> PathBuf {
    let mut bytes = vec![0u8; BINARY_SIZE];
    openpgp::crypto::random(&mut bytes).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A short letter with non-ASCII text and Unix line endings.
fn text_document(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        "Geachte collega,\n\nHierbij de verwijzing van uw patiënt. Graag uw oordeel \
         over de echo (zie bijlage).\n\nMet collegiale groet,\nDr. A. Jansen\n",
    )
    .unwrap();
    path
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

fn file_name(path: &Path) -> &str {
    path.file_name().unwrap().to_str().unwrap()
}

/// Panics unless `a` and `b` hold the same bytes (without printing them).
fn assert_same_content(a: &Path, b: &Path) {
    let (x, y) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert!(x == y, "{} ({} bytes) and {} ({} bytes) differ", a.display(), x.len(), b.display(), y.len());
}

/// A fresh, empty directory inside `cp`'s temporary directory.
fn fresh_dir(cp: &Carepost) -> PathBuf {
    tempfile::Builder::new().prefix("out").tempdir_in(cp.dir.path()).unwrap().keep()
}

// ---------------------------------------------------------------------
// carepost

/// One document sealed by `carepost send`.
struct Sent {
    output: PathBuf,
    format: String,
}

/// `carepost send INPUT --to ALIAS... -o DIR [--armor]` (recipients must
/// be verified); checks the JSON result.
fn send(cp: &Carepost, input: &Path, to: &[&str], armor: bool) -> Sent {
    let dir = fresh_dir(cp);
    let mut args = vec!["send", s(input), "-o", s(&dir)];
    for alias in to {
        args.extend(["--to", alias]);
    }
    if armor {
        args.push("--armor");
    }
    let json = cp.json(&args);
    let outputs = json["outputs"].as_array().unwrap();
    assert_eq!(outputs.len(), 1, "{json}");
    let sent = &outputs[0];
    let aliases: Vec<&str> =
        sent["recipients"].as_array().unwrap().iter().map(|r| r["alias"].as_str().unwrap()).collect();
    assert_eq!(aliases, to, "{json}");
    let output = PathBuf::from(sent["output"].as_str().unwrap());
    assert_eq!(output.parent(), Some(dir.as_path()));
    assert_neutral_name(&output, input, armor);
    if !armor {
        // The real name travels only inside the encryption.
        let stem = file_name(input).split('.').next().unwrap();
        let sealed = std::fs::read(&output).unwrap();
        assert!(
            !sealed.windows(stem.len()).any(|w| w == stem.as_bytes()),
            "the document's name is visible in the encrypted file"
        );
    }
    Sent { output, format: sent["message_format"].as_str().unwrap().to_owned() }
}

/// `document-YYYYMMDD-xxxxxxxx.<ext>.pgp` (`.asc` when armored).
fn assert_neutral_name(output: &Path, input: &Path, armor: bool) {
    let name = file_name(output);
    let ext = input.extension().unwrap().to_str().unwrap();
    let suffix = format!(".{ext}.{}", if armor { "asc" } else { "pgp" });
    let middle = name
        .strip_prefix("document-")
        .and_then(|n| n.strip_suffix(&suffix))
        .unwrap_or_else(|| panic!("{name} is not document-<date>-<id>{suffix}"));
    let (date, id) = middle.split_once('-').unwrap();
    assert!(date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()), "{name}");
    assert!(id.len() == 8 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{name}");
}

/// `carepost open --json FILE -o DIR` into a fresh directory.
fn open(cp: &Carepost, input: &Path) -> Value {
    let dir = fresh_dir(cp);
    let json = cp.json(&["open", s(input), "-o", s(&dir)]);
    let output = PathBuf::from(json["output"].as_str().unwrap());
    assert_eq!(output.parent(), Some(dir.as_path()));
    assert_eq!(json["filename"].as_str(), Some(file_name(&output)));
    json
}

/// `open --require-verified-sender` must exit 3 and write nothing.
fn assert_open_refused(cp: &Carepost, input: &Path) {
    let dir = fresh_dir(cp);
    let out = cp.cmd().args(["open", "--require-verified-sender", s(input), "-o", s(&dir)]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert!(left.is_empty(), "a refused open left {left:?}");
}

/// A message a peer made for the carepost identity.
struct Incoming {
    message: PathBuf,
    original: PathBuf,
    /// What `open` names the document.
    filename: String,
    /// Whether the peer compressed it.
    compressed: bool,
}

/// The peer as carepost sees it.
struct PeerKey<'a> {
    cert: &'a Path,
    alias: &'a str,
    /// Fingerprints a signature by the peer may name when the peer is
    /// unknown: the primary key's, or the signing subkey's for peers that
    /// sign with a subkey (sq, sqop, pgpainless).
    signer_fingerprints: Vec<String>,
}

/// Opens every message three times: before the peer is a contact
/// (`unknown`), after `contact add` (`unverified`), and after `contact
/// verify` (`verified`); `--require-verified-sender` refuses the first
/// two. Leaves the peer a verified contact.
fn sender_lifecycle(cp: &Carepost, peer: &PeerKey<'_>, messages: &[Incoming]) {
    let primary = cert_fingerprints(peer.cert).0;
    let check_opened = |json: &Value, m: &Incoming, status: &str| {
        assert_eq!(json["sender"]["status"], status, "{json}");
        assert_eq!(json["filename"], m.filename.as_str(), "{json}");
        assert_eq!(json["compressed"], m.compressed, "{json}");
        assert_same_content(Path::new(json["output"].as_str().unwrap()), &m.original);
    };

    for m in messages {
        assert_open_refused(cp, &m.message);
        let json = open(cp, &m.message);
        check_opened(&json, m, "unknown");
        assert_eq!(json["sender"]["alias"], Value::Null);
        let fpr = json["sender"]["fingerprint"].as_str().unwrap();
        assert!(
            peer.signer_fingerprints.iter().any(|f| f == fpr),
            "unknown sender shown as {fpr}, expected one of {:?}",
            peer.signer_fingerprints
        );
    }

    cp.cmd().args(["contact", "add", peer.alias, "--consent", "verbal", "--key-file", s(peer.cert)]).assert().success();
    for m in messages {
        assert_open_refused(cp, &m.message);
        let json = open(cp, &m.message);
        check_opened(&json, m, "unverified");
        assert_eq!(json["sender"]["alias"], peer.alias);
        assert_eq!(json["sender"]["fingerprint"], primary.as_str());
    }

    cp.cmd().args(["contact", "verify", peer.alias, "--fingerprint", &primary]).assert().success();
    for m in messages {
        let dir = fresh_dir(cp);
        let out = cp
            .cmd()
            .args(["--json", "open", "--require-verified-sender", s(&m.message), "-o", s(&dir)])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        check_opened(&json, m, "verified");
        assert_eq!(json["sender"]["alias"], peer.alias);
        assert_eq!(json["sender"]["fingerprint"], primary.as_str());
    }
}

/// Adds a peer's certificate as a verified contact.
fn add_verified_peer(cp: &Carepost, alias: &str, cert: &Path) {
    cp.cmd()
        .args(["contact", "add", alias, "--key-file", s(cert), "--patient", "--consent", "verbal"])
        .assert()
        .success();
    let fpr = cert_fingerprints(cert).0;
    cp.cmd().args(["contact", "verify", alias, "--fingerprint", &fpr]).assert().success();
}

// ---------------------------------------------------------------------
// Packets

/// The top-level packets of an OpenPGP message (armored or not); the
/// encrypted container is not opened.
fn top_level_packets(path: &Path) -> Vec<Packet> {
    let mut packets = Vec::new();
    let mut ppr = PacketParser::from_file(path).unwrap();
    while let PacketParserResult::Some(pp) = ppr {
        let (packet, next) = pp.next().unwrap();
        packets.push(packet);
        ppr = next;
    }
    packets
}

/// Panics unless `path` is PKESK v3… + one SEIPD v1 with AES-256 — what
/// every peer reads — and holds no packet 20 (GnuPG's OCB).
fn assert_seipdv1(path: &Path, recipients: usize) {
    let packets = top_level_packets(path);
    let tags: Vec<Tag> = packets.iter().map(Packet::tag).collect();
    assert!(!tags.contains(&Tag::AED), "packet 20 in {tags:?}");
    let (seip, pkesks) = packets.split_last().expect("packets");
    assert!(matches!(seip, Packet::SEIP(SEIP::V1(_))), "{tags:?}");
    assert_eq!(pkesks.len(), recipients, "{tags:?}");
    assert!(pkesks.iter().all(|p| matches!(p, Packet::PKESK(PKESK::V3(_)))), "{tags:?}");
}

/// Panics unless `path` is PKESK v6… + one SEIPD v2 with AES-256.
fn assert_seipdv2(path: &Path, recipients: usize) {
    let packets = top_level_packets(path);
    let tags: Vec<Tag> = packets.iter().map(Packet::tag).collect();
    assert!(!tags.contains(&Tag::AED), "packet 20 in {tags:?}");
    let (seip, pkesks) = packets.split_last().expect("packets");
    match seip {
        Packet::SEIP(SEIP::V2(v2)) => {
            assert_eq!(v2.symmetric_algo(), SymmetricAlgorithm::AES256)
        }
        other => panic!("expected SEIPD v2, got {:?} in {tags:?}", other.tag()),
    }
    assert_eq!(pkesks.len(), recipients, "{tags:?}");
    assert!(pkesks.iter().all(|p| matches!(p, Packet::PKESK(PKESK::V6(_)))), "{tags:?}");
}

/// The primary fingerprint of the certificate in `path`, and the
/// fingerprints of all its keys (uppercase hex).
fn cert_fingerprints(path: &Path) -> (String, Vec<String>) {
    let cert = Cert::from_file(path).unwrap();
    let all = cert.keys().map(|k| k.key().fingerprint().to_hex()).collect();
    (cert.fingerprint().to_hex(), all)
}

/// The Features subpacket the certificate in `path` advertises, if any.
fn features(path: &Path) -> Option<openpgp::types::Features> {
    use openpgp::cert::Preferences as _;
    let cert = Cert::from_file(path).unwrap();
    let policy = StandardPolicy::new();
    let vc = cert.with_policy(&policy, None).unwrap();
    vc.features()
}

// ---------------------------------------------------------------------
// GnuPG

#[derive(Clone, Copy)]
enum GpgKey {
    Rsa3072,
    Curve25519,
}

/// A gpg user with a key of `kind` and its exported certificate.
fn gpg_patient(kind: GpgKey) -> Option<(GpgUser, String, PathBuf)> {
    let peer = GpgUser::new()?;
    let fpr = match kind {
        GpgKey::Rsa3072 => peer.generate_rsa3072(PATIENT_UID),
        GpgKey::Curve25519 => peer.generate_curve25519(PATIENT_UID),
    };
    let cert = peer.path("patient-cert.asc");
    peer.gpg.export(PATIENT_EMAIL, &cert);
    assert_eq!(cert_fingerprints(&cert).0, fpr);
    Some((peer, fpr, cert))
}

/// `gpg --decrypt` of a carepost message: must succeed with a good,
/// valid signature by `signer`, a good MDC, AES-256 in SEIPD v1, the real
/// file name in the literal packet, and the exact document.
fn gpg_decrypts(peer: &GpgUser, message: &Path, original: &Path, signer: &str) {
    let out_path = peer.path("decrypted");
    let out = peer.gpg.run_raw(&["--status-fd", "1", "-o", s(&out_path), "--decrypt", s(message)], None);
    let status = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "gpg --decrypt failed: {status}\n{}", String::from_utf8_lossy(&out.stderr));
    let line = |keyword: &str| {
        status
            .lines()
            .find(|l| l.starts_with(&format!("[GNUPG:] {keyword} ")) || *l == format!("[GNUPG:] {keyword}"))
            .unwrap_or_else(|| panic!("no {keyword} in\n{status}"))
            .to_owned()
    };
    for bad in ["BADSIG", "ERRSIG", "EXPSIG", "REVKEYSIG", "BADMDC", "DECRYPTION_FAILED"] {
        assert!(!status.contains(&format!("[GNUPG:] {bad}")), "{status}");
    }
    assert!(line("GOODSIG").starts_with(&format!("[GNUPG:] GOODSIG {} ", &signer[24..])), "{status}");
    let validsig = line("VALIDSIG");
    assert!(
        validsig.starts_with(&format!("[GNUPG:] VALIDSIG {signer} ")) && validsig.ends_with(&format!(" {signer}")),
        "{status}"
    );
    line("GOODMDC");
    line("DECRYPTION_OKAY");
    // DECRYPTION_INFO <mdc method> <cipher> [<aead>]: MDC (2), AES-256 (9),
    // no AEAD.
    let info = line("DECRYPTION_INFO");
    let fields: Vec<&str> = info.split_whitespace().skip(2).collect();
    assert_eq!(&fields[..2], ["2", "9"], "{info}");
    assert!(fields.get(2).is_none_or(|a| *a == "0"), "{info}");
    // PLAINTEXT <format> <timestamp> <name>: binary ('b' = 62), real name.
    let plaintext = line("PLAINTEXT");
    let fields: Vec<&str> = plaintext.split_whitespace().collect();
    assert_eq!(fields[2], "62", "{plaintext}");
    assert_eq!(fields.get(4).copied(), Some(file_name(original)), "{plaintext}");
    assert_same_content(&out_path, original);
}

/// `gpg --list-packets` (which decrypts): the inner structure is a
/// one-pass signature, the literal data with the real name, and the
/// signature — no compressed packet; the container is SEIPD v1 (packet
/// 18) with MDC, never packet 20.
fn gpg_sees_no_compression(peer: &GpgUser, message: &Path, original: &Path) {
    let out = peer.gpg.run_raw(&["--list-packets", s(message)], None);
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains(":literal data packet:"), "{listing}");
    assert!(listing.contains(&format!("name=\"{}\"", file_name(original))), "{listing}");
    assert!(listing.contains(":onepass_sig packet:"), "{listing}");
    assert!(listing.contains(":signature packet:"), "{listing}");
    assert!(!listing.contains(":compressed packet:"), "{listing}");
    assert!(listing.contains(" tag=18 "), "{listing}");
    assert!(listing.contains("mdc_method: 2"), "{listing}");
    assert!(!listing.contains(" tag=20 "), "{listing}");
    assert!(!listing.contains(":aead encrypted packet:"), "{listing}");
}

fn carepost_to_gpg(kind: GpgKey) {
    let Some((peer, patient_fpr, patient_cert)) = gpg_patient(kind) else {
        return;
    };
    let cp = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let doctor = cp.fingerprint();
    cp.cmd()
        .args(["contact", "add", "patient", "--patient", "--consent", "verbal", "--key-file"])
        .arg(&patient_cert)
        .assert()
        .success();
    cp.cmd().args(["contact", "verify", "patient", "--fingerprint", &patient_fpr]).assert().success();
    peer.gpg.import(&cp.export_key());

    let documents =
        [binary_document(cp.dir.path(), "Jansen_ontslagbrief.pdf"), text_document(cp.dir.path(), "verwijsbrief.txt")];
    for document in &documents {
        for armor in [false, true] {
            let sent = send(&cp, document, &["patient"], armor);
            // gpg 2.2 reads SEIPD v1 only, and gpg keys never advertise v2.
            assert_eq!(sent.format, "seipdv1");
            assert_seipdv1(&sent.output, 2);
            gpg_decrypts(&peer, &sent.output, document, &doctor);
            gpg_sees_no_compression(&peer, &sent.output, document);
        }
    }

    // Decrypting the file as GPG4Win/Kleopatra do, without naming the
    // output: gpg drops `.pgp` and keeps the document's extension.
    let sent = send(&cp, &documents[0], &["patient"], false);
    peer.gpg.run(&["--decrypt-files", s(&sent.output)]);
    let produced = sent.output.with_extension("");
    assert!(file_name(&produced).ends_with(".pdf"), "{produced:?}");
    assert_same_content(&produced, &documents[0]);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn gpg_rsa3072_user_reads_carepost_documents() {
    carepost_to_gpg(GpgKey::Rsa3072);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn gpg_curve25519_user_reads_carepost_documents() {
    carepost_to_gpg(GpgKey::Curve25519);
}

fn gpg_to_carepost(kind: GpgKey) {
    let Some((peer, patient_fpr, patient_cert)) = gpg_patient(kind) else {
        return;
    };
    let cp = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let doctor_cert = cp.export_key();
    let encrypt = |input: &Path, output: &str, extra: &[&str]| -> PathBuf {
        let output = peer.path(output);
        let mut args = vec!["--trust-model", "always", "--recipient-file", s(&doctor_cert), "-u", PATIENT_EMAIL];
        args.extend(extra);
        args.extend(["-se", "-o", s(&output), s(input)]);
        peer.gpg.run(&args);
        output
    };
    let letter = text_document(peer.gpg.home(), "vraag-over-uitslag.txt");
    let photo = binary_document(peer.gpg.home(), "foto_huid.jpg");
    let messages = [
        // gpg's defaults: compressed (ZLIB), binary.
        Incoming {
            message: encrypt(&letter, "letter.txt.gpg", &[]),
            filename: file_name(&letter).into(),
            original: letter.clone(),
            compressed: true,
        },
        Incoming {
            message: encrypt(&photo, "photo.jpg.gpg", &[]),
            filename: file_name(&photo).into(),
            original: photo.clone(),
            compressed: true,
        },
        // Compression off, armored.
        Incoming {
            message: encrypt(&photo, "photo.jpg.asc", &["-z", "0", "--armor"]),
            filename: file_name(&photo).into(),
            original: photo.clone(),
            compressed: false,
        },
        // Also encrypted to the sender's own key, as Kleopatra does: one
        // of the two PKESKs is not for carepost.
        Incoming {
            message: encrypt(&letter, "letter-self.txt.gpg", &["--recipient", PATIENT_EMAIL]),
            filename: file_name(&letter).into(),
            original: letter.clone(),
            compressed: true,
        },
        // Hidden recipients (`throw-keyids`, a common privacy setting).
        Incoming {
            message: encrypt(&letter, "letter-hidden.txt.gpg", &["--throw-keyids"]),
            filename: file_name(&letter).into(),
            original: letter.clone(),
            compressed: true,
        },
    ];
    let pkesks = |m: &Incoming| -> Vec<Option<String>> {
        top_level_packets(&m.message)
            .iter()
            .filter_map(|p| match p {
                Packet::PKESK(pkesk) => Some(pkesk.recipient().map(|r| r.to_hex())),
                _ => None,
            })
            .collect()
    };
    assert_eq!(pkesks(&messages[3]).len(), 2);
    assert_eq!(pkesks(&messages[4]), [None], "gpg did not hide the recipient");
    sender_lifecycle(
        &cp,
        &PeerKey {
            cert: &patient_cert,
            alias: "patient",
            // gpg signs with the primary key.
            signer_fingerprints: vec![patient_fpr],
        },
        &messages,
    );
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn gpg_rsa3072_user_sends_to_carepost() {
    gpg_to_carepost(GpgKey::Rsa3072);
}

#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn gpg_curve25519_user_sends_to_carepost() {
    gpg_to_carepost(GpgKey::Curve25519);
}

// ---------------------------------------------------------------------
// Sequoia sq 0.27

#[test]
#[cfg_attr(missing_sq, ignore = "needs Sequoia's sq, not installed")]
fn sq_both_directions() {
    let Some(sq) = Sq::new() else { return };
    let cp = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let doctor_cert = cp.export_key();
    let (key, cert) = sq.generate(PATIENT_UID, "patient");

    // sq → carepost. sq puts no file name in the literal packet, so
    // carepost names the document after the outer name's extension.
    let letter = text_document(sq.sandbox.dir(), "vraag.txt");
    let photo = binary_document(sq.sandbox.dir(), "foto.jpg");
    let m1 = sq.path("brief.txt.pgp");
    sq.encrypt(&doctor_cert, &key, &letter, &m1, None);
    let m2 = sq.path("foto.jpg.pgp");
    sq.encrypt(&doctor_cert, &key, &photo, &m2, Some("none"));
    let (_, all_keys) = cert_fingerprints(&cert);
    sender_lifecycle(
        &cp,
        &PeerKey { cert: &cert, alias: "patient", signer_fingerprints: all_keys },
        &[
            // sq's default ("pad") pads inside a compressed data packet.
            Incoming { message: m1, original: letter, filename: "document.txt".into(), compressed: true },
            Incoming { message: m2, original: photo, filename: "document.jpg".into(), compressed: false },
        ],
    );

    // carepost → sq.
    let document = binary_document(cp.dir.path(), "echo-verslag.pdf");
    for armor in [false, true] {
        let sent = send(&cp, &document, &["patient"], armor);
        assert_eq!(sent.format, "seipdv1");
        assert_seipdv1(&sent.output, 2);
        let out = sq.path(&format!("decrypted-{armor}"));
        let result = sq.decrypt(&key, &doctor_cert, &sent.output, &out);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(result.status.success(), "sq decrypt: {stderr}");
        assert!(stderr.contains("1 good signature."), "{stderr}");
        assert!(stderr.contains("AES-256"), "{stderr}");
        assert_same_content(&out, &document);
    }
}

// ---------------------------------------------------------------------
// RNP 0.16

fn rnp_both_directions(rsa: bool) {
    let Some(rnp) = Rnp::new() else { return };
    let cp = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let doctor_cert = cp.export_key();
    let doctor = cp.fingerprint();
    if rsa {
        rnp.generate_rsa3072(PATIENT_UID);
    } else {
        rnp.generate_curve25519(PATIENT_UID);
    }
    let cert = rnp.export(PATIENT_EMAIL, "patient-cert.asc");
    rnp.import(&doctor_cert);
    // What makes rnp special: no Features subpacket at all, so nothing
    // says it reads SEIPD v2.
    assert!(features(&cert).is_none(), "rnp now writes Features");
    let primary = cert_fingerprints(&cert).0;

    // rnp → carepost: rnp's default compresses; -z 0 does not.
    let letter = text_document(rnp.sandbox.dir(), "vraag.txt");
    let photo = binary_document(rnp.sandbox.dir(), "foto.jpg");
    let m1 = rnp.path("letter.txt.pgp");
    rnp.encrypt(PATIENT_EMAIL, DOCTOR_EMAIL, &letter, &m1, false, true);
    let m2 = rnp.path("photo.jpg.asc");
    rnp.encrypt(PATIENT_EMAIL, DOCTOR_EMAIL, &photo, &m2, true, false);
    sender_lifecycle(
        &cp,
        &PeerKey {
            cert: &cert,
            alias: "patient",
            // rnp signs with the primary key.
            signer_fingerprints: vec![primary],
        },
        &[
            Incoming { message: m1, filename: file_name(&letter).into(), original: letter, compressed: true },
            Incoming { message: m2, filename: file_name(&photo).into(), original: photo, compressed: false },
        ],
    );

    // carepost → rnp: SEIPD v1, since the rnp key does not advertise v2.
    let document = binary_document(cp.dir.path(), "labuitslag.pdf");
    for armor in [false, true] {
        let sent = send(&cp, &document, &["patient"], armor);
        assert_eq!(sent.format, "seipdv1");
        assert_seipdv1(&sent.output, 2);
        let out = rnp.path(&format!("decrypted-{armor}.pdf"));
        let result = rnp.decrypt(&sent.output, &out);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(result.status.success(), "rnp -d: {stderr}");
        // rnp exits 0 even for a signature it could not check.
        assert!(stderr.contains("Signature(s) verified successfully"), "{stderr}");
        assert!(stderr.contains(&doctor.to_lowercase()), "{stderr}");
        assert_same_content(&out, &document);
    }
}

#[test]
#[cfg_attr(missing_rnp, ignore = "needs rnp and rnpkeys, not installed")]
fn rnp_curve25519_both_directions() {
    rnp_both_directions(false);
}

#[test]
#[cfg_attr(missing_rnp, ignore = "needs rnp and rnpkeys, not installed")]
fn rnp_rsa3072_both_directions() {
    rnp_both_directions(true);
}

/// LibrePGP AEAD (packet 20) from a real peer: RNP with `--aead`, the
/// format GnuPG 2.3+ writes in "OCB mode". Sequoia 2 cannot decrypt it,
/// so `open` must refuse it as input it cannot read (exit 4), write
/// nothing, and tell the user what to ask the sender — not call it
/// "insecure" or "tampered".
#[test]
#[cfg_attr(missing_rnp, ignore = "needs rnp and rnpkeys, not installed")]
fn rnp_librepgp_aead_messages_are_refused_with_a_clear_reason() {
    let Some(rnp) = Rnp::new() else { return };
    let cp = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    rnp.generate_curve25519(PATIENT_UID);
    let cert = rnp.export(PATIENT_EMAIL, "patient-cert.asc");
    rnp.import(&cp.export_key());
    add_verified_peer(&cp, "patient", &cert);
    let letter = text_document(rnp.sandbox.dir(), "vraag.txt");
    for mode in ["ocb", "eax"] {
        let message = rnp.path(&format!("letter-{mode}.txt.pgp"));
        rnp.encrypt_librepgp_aead(PATIENT_EMAIL, DOCTOR_EMAIL, &letter, &message, mode);
        let tags: Vec<Tag> = top_level_packets(&message).iter().map(Packet::tag).collect();
        assert!(tags.contains(&Tag::AED), "not packet 20: {tags:?}");

        let dir = fresh_dir(&cp);
        let out = cp.cmd().args(["--json", "open", s(&message), "-o", s(&dir)]).output().unwrap();
        assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
        let error: Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = error["error"]["message"].as_str().unwrap();
        assert!(text.contains("OCB") && text.contains("nothing was saved"), "{error}");
        assert!(!text.contains("secure") && !text.contains("changed"), "{error}");
        let hint = error["error"]["hint"].as_str().unwrap_or_else(|| panic!("no hint: {error}"));
        assert!(hint.contains("standard OpenPGP"), "{error}");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert!(left.is_empty(), "a refused open left {left:?}");
    }
}

// ---------------------------------------------------------------------
// Stateless OpenPGP tools

/// `program` → carepost and carepost → `program`, with a binary or a
/// text document; `compresses`: whether the tool compresses by default.
fn sop_both_directions(program: &'static str, binary: bool, compresses: bool) {
    let Some(sop) = Sop::new(program) else { return };
    let cp = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let doctor_cert = cp.export_key();
    let doctor = cp.fingerprint();
    let (key, cert) = sop.generate(PATIENT_UID);
    let make = |dir: &Path, name: &str| {
        if binary {
            binary_document(dir, &format!("{name}.pdf"))
        } else {
            text_document(dir, &format!("{name}.txt"))
        }
    };
    let ext = if binary { "pdf" } else { "txt" };

    // Peer → carepost, with the tool's defaults. SOP tools write no file
    // name into the literal packet.
    let from_peer = make(sop.sandbox.dir(), "vraag");
    let message = sop.path(&format!("bericht.{ext}.pgp"));
    sop.encrypt(&key, &doctor_cert, &from_peer, &message);
    let (_, all_keys) = cert_fingerprints(&cert);
    sender_lifecycle(
        &cp,
        &PeerKey { cert: &cert, alias: "patient", signer_fingerprints: all_keys },
        &[Incoming { message, original: from_peer, filename: format!("document.{ext}"), compressed: compresses }],
    );

    // carepost → peer: decrypts and verifies the carepost signature.
    let document = make(cp.dir.path(), "ontslagbrief");
    for armor in [false, true] {
        let sent = send(&cp, &document, &["patient"], armor);
        assert_eq!(sent.format, "seipdv1");
        assert_seipdv1(&sent.output, 2);
        let out = sop.path(&format!("decrypted-{armor}"));
        let verifications = sop.decrypt(&key, &doctor_cert, &sent.output, &out);
        // DATE SIGNING-KEY-FPR PRIMARY-FPR ...
        let line = verifications
            .lines()
            .next()
            .unwrap_or_else(|| panic!("{program} verified no signature: {verifications:?}"));
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert!(fields.len() >= 3, "{line}");
        assert!(fields[1].eq_ignore_ascii_case(&doctor), "{line}");
        assert!(fields[2].eq_ignore_ascii_case(&doctor), "{line}");
        assert_same_content(&out, &document);
    }
}

#[test]
#[cfg_attr(missing_sqop, ignore = "needs sqop, not installed")]
fn sqop_both_directions() {
    sop_both_directions("sqop", true, false);
}

/// gosop writes decrypted output as text: non-UTF-8 bytes come out as
/// U+FFFD even for its own binary messages, so it gets a text document.
#[test]
#[cfg_attr(missing_gosop, ignore = "needs gosop, not installed")]
fn gosop_both_directions_with_a_text_document() {
    sop_both_directions("gosop", false, false);
}

/// Bouncy Castle, through PGPainless (slow to start: one test only).
#[test]
#[cfg_attr(missing_pgpainless, ignore = "needs pgpainless-cli, not installed")]
fn pgpainless_both_directions() {
    sop_both_directions("pgpainless-cli", true, true);
}

// ---------------------------------------------------------------------
// SEIPD version

#[test]
fn carepost_to_carepost_is_seipdv2_and_round_trips() {
    let a = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let b = Carepost::with_identity("Dr. B. Peeters", "b.peeters@ziekenhuis.example");
    // carepost keys advertise SEIPD v1 and v2.
    for cp in [&a, &b] {
        let f = features(&cp.export_key()).expect("a Features subpacket");
        assert!(f.supports_seipdv1() && f.supports_seipdv2(), "{f:?}");
    }
    a.add_verified("peeters", &b);
    b.add_verified("jansen", &a);

    let letter = text_document(a.dir.path(), "verwijsbrief.txt");
    let scan = binary_document(a.dir.path(), "echo.pdf");
    for (document, armor) in [(&letter, false), (&scan, true)] {
        let sent = send(&a, document, &["peeters"], armor);
        assert_eq!(sent.format, "seipdv2");
        assert_seipdv2(&sent.output, 2);

        let json = open(&b, &sent.output);
        assert_eq!(json["sender"]["status"], "verified");
        assert_eq!(json["sender"]["alias"], "jansen");
        assert_eq!(json["sender"]["fingerprint"], a.fingerprint().as_str());
        assert_eq!(json["filename"], file_name(document));
        assert_eq!(json["compressed"], false);
        assert_same_content(Path::new(json["output"].as_str().unwrap()), document);

        // The sender reopens its own copy.
        let json = open(&a, &sent.output);
        assert_eq!(json["sender"]["status"], "verified");
        assert_eq!(json["sender"]["self"], true);
        assert_same_content(Path::new(json["output"].as_str().unwrap()), document);
    }
}

/// One gpg recipient among carepost ones is enough for SEIPD v1, which
/// gpg 2.2 reads (it cannot read v2), and the carepost recipient still
/// opens it.
#[test]
#[cfg_attr(missing_gpg, ignore = "needs gpg and gpgconf (GnuPG), not installed")]
fn a_gpg_recipient_among_carepost_ones_gets_seipdv1() {
    let Some((peer, patient_fpr, patient_cert)) = gpg_patient(GpgKey::Curve25519) else {
        return;
    };
    assert!(!features(&patient_cert).is_some_and(|f| f.supports_seipdv2()), "gpg 2.2 keys do not advertise SEIPD v2");
    let a = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let b = Carepost::with_identity("Dr. B. Peeters", "b.peeters@ziekenhuis.example");
    a.add_verified("peeters", &b);
    b.add_verified("jansen", &a);
    a.cmd()
        .args(["contact", "add", "patient", "--consent", "verbal", "--key-file", s(&patient_cert)])
        .assert()
        .success();
    a.cmd().args(["contact", "verify", "patient", "--fingerprint", &patient_fpr]).assert().success();
    peer.gpg.import(&a.export_key());

    let letter = text_document(a.dir.path(), "verwijsbrief.txt");
    for to in [&["peeters", "patient"], &["patient", "peeters"]] {
        let sent = send(&a, &letter, to, true);
        assert_eq!(sent.format, "seipdv1");
        assert_seipdv1(&sent.output, 3);
        gpg_decrypts(&peer, &sent.output, &letter, &a.fingerprint());
        let json = open(&b, &sent.output);
        assert_eq!(json["sender"]["status"], "verified");
        assert_same_content(Path::new(json["output"].as_str().unwrap()), &letter);
    }
}

/// The other side of the test above: bytes that merely begin with a
/// packet-20 header are damaged input, not "OCB mode".
#[test]
fn garbage_behind_a_packet_20_header_is_not_called_ocb() {
    let cp = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let mut bytes = vec![0xD4, 200]; // New-format tag 20, 200 bytes.
    let mut body = vec![0u8; 200];
    openpgp::crypto::random(&mut body).unwrap();
    body[0] = 0; // Not version 1.
    bytes.extend(body);
    let message = cp.path("noise.pgp");
    std::fs::write(&message, bytes).unwrap();
    let dir = fresh_dir(&cp);
    let out = cp.cmd().args(["open", s(&message), "-o", s(&dir)]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.starts_with("error: ") && !stderr.contains("OCB"), "{stderr}");
    assert!(std::fs::read_dir(&dir).unwrap().next().is_none());
}

/// GnuPG 2.4 keys set Features 0x03: SEIPD v1 plus LibrePGP's "AEAD"
/// bit, which announces OCB packet 20 — not SEIPD v2 (bit 0x08). Such a
/// recipient must get SEIPD v1: gpg 2.4 reads it, and carepost never
/// writes packet 20. (Made here with Sequoia, as no GnuPG 2.4 is
/// installed; the key is otherwise an ordinary v4 key.)
#[test]
fn a_librepgp_aead_feature_bit_does_not_mean_seipdv2() {
    use openpgp::serialize::SerializeInto as _;
    let cp = Carepost::with_identity(DOCTOR_NAME, DOCTOR_EMAIL);
    let (key, _) = CertBuilder::general_purpose(Some(PATIENT_UID))
        .set_profile(openpgp::Profile::RFC4880)
        .unwrap()
        .set_features(openpgp::types::Features::new([0x03]))
        .unwrap()
        .generate()
        .unwrap();
    let cert_path = cp.path("gnupg24-style.asc");
    std::fs::write(&cert_path, key.armored().to_vec().unwrap()).unwrap();
    let f = features(&cert_path).unwrap();
    assert!(f.supports_seipdv1() && !f.supports_seipdv2(), "{f:?}");
    add_verified_peer(&cp, "patient", &cert_path);

    let letter = text_document(cp.dir.path(), "verwijsbrief.txt");
    let sent = send(&cp, &letter, &["patient"], false);
    assert_eq!(sent.format, "seipdv1");
    assert_seipdv1(&sent.output, 2);
}

/// The only way a test may be ignored is a missing peer found by build.rs
/// (`#[cfg_attr(missing_PEER, ignore = "...")]`), which CI never sets: no
/// plain `#[ignore]`, and no ignore under any other condition.
#[test]
fn only_a_missing_peer_can_ignore_a_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![];
    let mut dirs = vec![root.join("tests"), root.join("src"), root.join("crates")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for attribute in attributes(&text) {
            if attribute.contains("ignore") {
                assert!(
                    is_peer_gate(&attribute),
                    "{}: a test may be ignored only for a missing peer: {attribute}",
                    file.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no peer-gated test found; is the scan looking in the right place?");
}

/// Every attribute that starts a line of `text` (`#[...]`, possibly over
/// several lines), whitespace collapsed; comments are not code.
fn attributes(text: &str) -> Vec<String> {
    let mut found = vec![];
    let mut lines = text.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if !line.starts_with("#[") {
            continue;
        }
        let mut attribute = line.to_owned();
        let depth = |a: &str| a.matches('[').count() as i64 - a.matches(']').count() as i64;
        while depth(&attribute) > 0 {
            let Some(next) = lines.next() else { break };
            attribute.push(' ');
            attribute.push_str(next);
        }
        found.push(attribute.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    found
}

/// Whether an attribute is `#[cfg_attr(CONDITION, ignore = "...")]` with a
/// condition made only of build.rs's `missing_*` cfgs.
fn is_peer_gate(attribute: &str) -> bool {
    let Some(inner) = attribute.strip_prefix("#[cfg_attr(").and_then(|a| a.strip_suffix(")]")) else {
        return false;
    };
    let inner = inner.trim_end_matches(',').trim();
    let Some((condition, reason)) = inner.rsplit_once(", ignore = \"") else { return false };
    let words: Vec<&str> =
        condition.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
    reason.ends_with('"')
        && !condition.starts_with("not(")
        && words.iter().any(|w| w.starts_with("missing_"))
        && words.iter().all(|w| w.starts_with("missing_") || ["all", "any", "not"].contains(w))
}
