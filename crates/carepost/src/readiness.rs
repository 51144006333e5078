//! Is a recipient ready? What `contact check` reports and what `send`
//! warns about: whether the key is usable now and until when, which
//! encryption keys carepost will encrypt to, which message format that
//! recipient gets and why, and which common programs can open it.
//!
//! [`assess`] is a pure function of the contact's certificate, the
//! identity's own certificate, the time and the policy: it reuses the
//! selection `send` encrypts to ([`policy::encryption_keys`]) and the rule
//! that picks the message format ([`policy::message_format`]), so
//! what it says is what `send` does.

use crate::certification::Verification;
use crate::error::CertProblem;
use crate::policy;
use crate::policy::{Advertised, MessageFormat};
use openpgp::crypto::mpi::PublicKey as Mpis;
use openpgp::packet::key;
use openpgp::packet::Key;
use openpgp::types::{Curve, PublicKeyAlgorithm};
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::time::{Duration, SystemTime};

const DAY: u64 = 86400;

/// One key carepost encrypts to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EncryptionKey {
    pub fingerprint: String,
    /// `RSA 3072`, `ECDH Curve25519`, `X448`, ...
    pub algorithm: String,
    pub created: String,
    pub expires: Option<String>,
    #[serde(skip)]
    pub family: Family,
    #[serde(skip)]
    pub version: u8,
}

/// Whether one program can open what carepost sends: `None` when it is
/// not known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgramVerdict {
    pub name: &'static str,
    /// The versions the verdict is about.
    pub versions: &'static str,
    pub can_open: Option<bool>,
}

/// What [`assess`] finds. The contract's `contact check --json` fields
/// are this plus the contact's alias and origin.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub usable: bool,
    /// Why the key cannot be used, in words.
    pub problem: Option<String>,
    #[serde(skip)]
    pub cert_problem: Option<CertProblem>,
    /// When the key stops being usable: the earlier of the primary key's
    /// expiry and that of the encryption keys (RFC 3339).
    pub expires: Option<String>,
    #[serde(skip)]
    pub expires_at: Option<SystemTime>,
    /// Whole days until then.
    pub days_left: Option<u64>,
    pub encryption_keys: Vec<EncryptionKey>,
    pub message_format: &'static str,
    pub format_reason: String,
    /// The symmetric cipher inside the message.
    pub symmetric: &'static str,
    /// The AEAD mode of a SEIPDv2 message.
    pub aead: Option<&'static str>,
    pub compression: bool,
    pub programs: Vec<ProgramVerdict>,
}

/// Judges `cert` as a recipient for the identity `own` at `now`.
pub fn assess(cert: &Cert, own: &Cert, now: SystemTime) -> Assessment {
    let cert_problem = policy::check_contact_cert(cert, now).err();
    let problem = cert_problem.clone().map(|p| crate::Error::CertRejected(p).to_string());
    let encryption_keys = cert
        .with_policy(policy::standard(), now)
        .map(|vc| {
            policy::encryption_keys(&vc)
                .iter()
                .map(|ka| describe(ka.key(), ka.key_expiration_time()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let expires_at = usable_until(cert, now);
    let days_left = expires_at.map(|t| t.duration_since(now).map_or(0, |d| d.as_secs() / DAY));
    let format = policy::message_format([cert, own], now);
    let format_reason = match (format, policy::advertised(cert, now), policy::advertised(own, now)) {
        (MessageFormat::SeipdV2, _, _) => crate::tr!("readiness-reason-v2"),
        (_, Advertised::Nothing, _) => crate::tr!("readiness-reason-no-features"),
        (_, Advertised::SeipdV1Only, _) => crate::tr!("readiness-reason-v1-only"),
        (_, Advertised::SeipdV2, _) => crate::tr!("readiness-reason-own-v1"),
    };
    let programs = if encryption_keys.is_empty() {
        PROGRAMS.iter().map(|p| ProgramVerdict { name: p.name, versions: p.versions, can_open: None }).collect()
    } else {
        PROGRAMS
            .iter()
            .map(|p| ProgramVerdict {
                name: p.name,
                versions: p.versions,
                can_open: p.can_open(format, &encryption_keys),
            })
            .collect()
    };
    Assessment {
        usable: cert_problem.is_none(),
        problem,
        cert_problem,
        expires: expires_at.map(crate::fmt_time),
        expires_at,
        days_left,
        encryption_keys,
        message_format: format.as_str(),
        format_reason,
        symmetric: policy::SYMMETRIC_NAME,
        aead: match format {
            MessageFormat::SeipdV2 => Some(policy::aead_name()),
            MessageFormat::SeipdV1 => None,
        },
        compression: false,
        programs,
    }
}

/// When `cert` stops being usable as a recipient, if ever: the primary
/// key's expiry, or earlier when every encryption key carepost would use
/// expires before it (the last of them to expire counts).
pub fn usable_until(cert: &Cert, now: SystemTime) -> Option<SystemTime> {
    let vc = cert.with_policy(policy::standard(), now).ok()?;
    let primary = vc.primary_key().key_expiration_time();
    let keys = policy::encryption_keys(&vc);
    // `None` (never) is the latest of all.
    let subkeys = keys.iter().map(|ka| ka.key_expiration_time()).max_by(|a, b| match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (Some(a), Some(b)) => a.cmp(b),
    })?;
    match (primary, subkeys) {
        (Some(p), Some(s)) => Some(p.min(s)),
        (p, s) => p.or(s),
    }
}

/// Days left when `cert` stops being usable within the warning period
/// ([`policy::EXPIRY_WARNING_DAYS`]), with that moment.
pub fn expiring_soon(cert: &Cert, now: SystemTime) -> Option<(u64, SystemTime)> {
    let until = usable_until(cert, now)?;
    let left = until.duration_since(now).ok()?;
    (left < Duration::from_secs(policy::EXPIRY_WARNING_DAYS * DAY)).then_some((left.as_secs() / DAY, until))
}

/// The warning `send` and `contact check` give for a contact's key that
/// expires soon, naming the command that fetches a renewed one.
pub fn expiry_warning(alias: &str, cert: &Cert, now: SystemTime) -> Option<String> {
    let (days, until) = expiring_soon(cert, now)?;
    Some(crate::tr!("readiness-expires-soon", alias = alias, days = days, date = crate::when::date(until)))
}

/// How long ago a verification was made, in words ("3 months").
pub fn age(verification: &Verification, now: SystemTime) -> String {
    let days = now.duration_since(verification.at).map_or(0, |d| d.as_secs() / DAY);
    match days {
        0..=59 => crate::tr!("duration-days", count = days),
        60..=729 => crate::tr!("duration-months", count = days / 30),
        _ => crate::tr!("duration-years", count = days / 365),
    }
}

/// `contact check ALIAS`: the contract's `--json` object.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub alias: String,
    /// What the key is worth as a recipient: `None` for a contact without
    /// a key (documents go with a password; `key` and `delivery` say so).
    #[serde(flatten)]
    pub assessment: Option<Assessment>,
    /// Whether carepost holds a key for the contact.
    pub key: bool,
    /// How documents reach the contact: `key` or `password`.
    pub delivery: crate::contacts::Delivery,
    pub verified: bool,
    pub verified_at: Option<String>,
    pub method: Option<String>,
    /// Where the key came from (as `contact show` gives it).
    pub source: crate::contacts::OriginSummary,
    pub refreshed_at: Option<String>,
    pub warnings: Vec<String>,
    #[serde(skip)]
    pub verification: Option<Verification>,
}

impl Check {
    /// Why `send` would refuse this contact, if it would: the same error
    /// `send` gives (exit 3), or the certificate's problem (exit 4) when
    /// the key is unusable for another reason than its lifetime.
    /// A contact without a key is not refused: documents go to them with
    /// a password told by phone.
    pub fn refusal(&self) -> Option<crate::Error> {
        let assessment = self.assessment.as_ref()?;
        match &assessment.cert_problem {
            Some(p @ (CertProblem::Revoked | CertProblem::Expired(_) | CertProblem::NotYetValid)) => {
                Some(crate::Error::RecipientUnusable { alias: self.alias.clone(), problem: p.clone() })
            }
            Some(p) => Some(crate::Error::CertRejected(p.clone())),
            None if self.verification.is_none() => Some(crate::Error::RecipientsUnverified(vec![self.alias.clone()])),
            None => None,
        }
    }
}

/// `contact check ALIAS`: [`assess`] for a stored contact, with its
/// verification.
pub fn check(ctx: &mut crate::Context<'_>, alias: &str) -> crate::Result<Check> {
    let contact = crate::contacts::get(ctx, alias)?;
    let own = ctx.identity()?.public_cert();
    let now = ctx.now;
    let assessment = contact.cert().map(|cert| assess(cert, &own, now));
    let warnings = contact.cert().and_then(|cert| expiry_warning(&contact.alias, cert, now)).into_iter().collect();
    Ok(Check {
        alias: contact.alias.clone(),
        assessment,
        key: contact.has_key(),
        delivery: contact.delivery(),
        verified: contact.is_verified(),
        verified_at: contact.verification.as_ref().map(|v| crate::fmt_time(v.at)),
        method: contact.verification.as_ref().and_then(|v| v.method.clone()),
        source: contact.details(now).source,
        refreshed_at: contact.origin.refreshed_at.clone(),
        warnings,
        verification: contact.verification,
    })
}

/// What kind of public-key algorithm a key uses, as far as other programs
/// care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Rsa,
    /// ECDH over Curve25519 as RFC 4880bis/RFC 9580's legacy form: what
    /// GnuPG, OpenPGP.js and Sequoia make for "ed25519/cv25519" keys.
    Cv25519,
    /// ECDH over NIST P-256, P-384 or P-521.
    Nist,
    /// ECDH over Brainpool curves.
    Brainpool,
    /// ECDH over Curve448 in LibrePGP's form (GnuPG 2.3 and later).
    Cv448,
    /// RFC 9580's native X25519 (algorithm 25).
    X25519,
    /// RFC 9580's native X448 (algorithm 26).
    X448,
    Other,
}

fn describe<P: key::KeyParts, R: key::KeyRole>(key: &Key<P, R>, expires: Option<SystemTime>) -> EncryptionKey {
    #[allow(deprecated)]
    let (family, algorithm) = match (key.pk_algo(), key.mpis()) {
        (PublicKeyAlgorithm::RSAEncryptSign | PublicKeyAlgorithm::RSAEncrypt, mpis) => {
            (Family::Rsa, format!("RSA {}", mpis.bits().unwrap_or(0)))
        }
        (_, Mpis::ECDH { curve, .. }) => {
            let family = match curve {
                Curve::Cv25519 => Family::Cv25519,
                Curve::NistP256 | Curve::NistP384 | Curve::NistP521 => Family::Nist,
                Curve::BrainpoolP256 | Curve::BrainpoolP384 | Curve::BrainpoolP512 => Family::Brainpool,
                _ if curve.to_string().contains("448") => Family::Cv448,
                _ => Family::Other,
            };
            (family, format!("ECDH {curve}"))
        }
        (PublicKeyAlgorithm::X25519, _) => (Family::X25519, String::from("X25519")),
        (PublicKeyAlgorithm::X448, _) => (Family::X448, String::from("X448")),
        (algo, _) => (Family::Other, algo.to_string()),
    };
    EncryptionKey {
        fingerprint: key.fingerprint().to_hex(),
        algorithm,
        created: crate::fmt_time(key.creation_time()),
        expires: expires.map(crate::fmt_time),
        family,
        version: key.version(),
    }
}

/// What one program is known to read: `Some(true)` it does,
/// `Some(false)` it does not, `None` not known.
struct Program {
    name: &'static str,
    versions: &'static str,
    seipdv1: Option<bool>,
    seipdv2: Option<bool>,
    /// Whether it decrypts with a v4 key of this family.
    family: fn(Family) -> Option<bool>,
    /// Whether it reads v6 keys (RFC 9580) at all.
    v6_keys: Option<bool>,
}

impl Program {
    /// Whether this program opens a message of `format` encrypted to
    /// `keys` (it needs to decrypt one of them).
    fn can_open(&self, format: MessageFormat, keys: &[EncryptionKey]) -> Option<bool> {
        let format = match format {
            MessageFormat::SeipdV1 => self.seipdv1,
            MessageFormat::SeipdV2 => self.seipdv2,
        };
        let any_key = keys
            .iter()
            .map(|k| and(if k.version >= 6 { self.v6_keys } else { Some(true) }, (self.family)(k.family)))
            .fold(Some(false), or);
        and(format, any_key)
    }
}

fn and(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

fn or(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// GnuPG 2.2 (the LTS branch): RSA, ECDH over Curve25519, NIST and
/// Brainpool curves; Curve448 came with 2.3; RFC 9580's native X25519 and
/// X448 and v6 keys it does not know.
fn gnupg22(family: Family) -> Option<bool> {
    match family {
        Family::Rsa | Family::Cv25519 | Family::Nist | Family::Brainpool => Some(true),
        Family::Cv448 | Family::X25519 | Family::X448 => Some(false),
        Family::Other => None,
    }
}

/// GnuPG 2.4 (and Gpg4win 4, which ships it): as 2.2, plus Curve448 in
/// LibrePGP's form; still not RFC 9580's native X25519/X448.
fn gnupg24(family: Family) -> Option<bool> {
    match family {
        Family::Rsa | Family::Cv25519 | Family::Nist | Family::Brainpool | Family::Cv448 => Some(true),
        Family::X25519 | Family::X448 => Some(false),
        Family::Other => None,
    }
}

/// RSA and ECDH over Curve25519 and the NIST curves are read by every
/// OpenPGP program in the list; beyond that, claim nothing.
fn common(family: Family) -> Option<bool> {
    match family {
        Family::Rsa | Family::Cv25519 | Family::Nist => Some(true),
        _ => None,
    }
}

/// Thunderbird's RNP 0.17 (Thunderbird 115 and 128 ESR): RSA, Curve25519,
/// NIST and Brainpool curves (Botan); RFC 9580 (SEIPDv2, v6 keys, native
/// X25519/X448) only from RNP 0.18 and only when built with it, which
/// Thunderbird's releases are not known to be.
fn rnp(family: Family) -> Option<bool> {
    match family {
        Family::Rsa | Family::Cv25519 | Family::Nist | Family::Brainpool => Some(true),
        _ => None,
    }
}

/// The programs `contact check` speaks of, and what each is known to read.
/// Every one reads SEIPDv1 with AES-256 (RFC 4880, which all of them
/// implement); SEIPDv2 (RFC 9580, 2024) is read by none of the GnuPG
/// family, which follows LibrePGP instead and writes its own OCB packet;
/// for the rest the support of SEIPDv2 depends on library versions
/// (OpenPGP.js 6, RNP 0.18, Bouncy Castle 1.78) that the releases in
/// use are not known to ship, so the table says "not known" rather than
/// guess. docs/design.md ("Readiness: which programs read what") gives
/// the versions meant.
const PROGRAMS: &[Program] = &[
    Program {
        name: "GnuPG 2.2",
        versions: "2.2.x",
        seipdv1: Some(true),
        seipdv2: Some(false),
        family: gnupg22,
        v6_keys: Some(false),
    },
    Program {
        name: "GnuPG 2.4",
        versions: "2.4.x",
        seipdv1: Some(true),
        seipdv2: Some(false),
        family: gnupg24,
        v6_keys: Some(false),
    },
    Program {
        name: "Kleopatra",
        versions: "Gpg4win 4.x, GnuPG 2.4",
        seipdv1: Some(true),
        seipdv2: Some(false),
        family: gnupg24,
        v6_keys: Some(false),
    },
    Program {
        name: "Thunderbird",
        versions: "115/128 ESR, RNP 0.17",
        seipdv1: Some(true),
        seipdv2: Some(false),
        family: rnp,
        v6_keys: Some(false),
    },
    Program {
        name: "OpenKeychain",
        versions: "6.0",
        seipdv1: Some(true),
        seipdv2: None,
        family: common,
        v6_keys: None,
    },
    Program {
        name: "Mailvelope",
        versions: "OpenPGP.js",
        seipdv1: Some(true),
        seipdv2: None,
        family: common,
        v6_keys: None,
    },
    Program {
        name: "Proton Mail",
        versions: "OpenPGP.js, GopenPGP",
        seipdv1: Some(true),
        seipdv2: None,
        family: common,
        v6_keys: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use openpgp::cert::prelude::*;
    use openpgp::types::Features;

    fn now() -> SystemTime {
        SystemTime::now()
    }

    fn own() -> Cert {
        CertBuilder::general_purpose(Some("Own <own@example.org>")).generate().unwrap().0.strip_secret_key_material()
    }

    fn contact(features: Option<Features>, validity: Option<Duration>, cs: CipherSuite) -> Cert {
        let mut builder = CertBuilder::general_purpose(Some("C <c@example.org>"))
            .set_cipher_suite(cs)
            .set_creation_time(now() - Duration::from_secs(60))
            .set_validity_period(validity);
        if let Some(features) = features {
            builder = builder.set_features(features).unwrap();
        }
        builder.generate().unwrap().0.strip_secret_key_material()
    }

    #[test]
    fn a_modern_key_is_usable_and_read_by_everyone_as_seipdv1() {
        let cert = contact(Some(Features::empty().set_seipdv1()), None, CipherSuite::Cv25519);
        let a = assess(&cert, &own(), now());
        assert!(a.usable && a.problem.is_none());
        assert_eq!(a.message_format, "seipdv1");
        assert_eq!(a.days_left, None);
        assert_eq!(a.encryption_keys.len(), 1);
        assert_eq!(a.encryption_keys[0].algorithm, "ECDH Curve25519");
        assert!(a.programs.iter().all(|p| p.can_open == Some(true)), "{:?}", a.programs);
        assert_eq!(a.aead, None);
        assert!(!a.compression);
    }

    #[test]
    fn seipdv2_only_when_both_keys_advertise_it() {
        let v2 = contact(Some(Features::sequoia()), None, CipherSuite::Cv25519);
        let a = assess(&v2, &own(), now());
        assert_eq!(a.message_format, "seipdv2");
        let gnupg = a.programs.iter().find(|p| p.name == "GnuPG 2.4").unwrap();
        assert_eq!(gnupg.can_open, Some(false));
        assert!(a.aead.is_some());
        let own_v1 = contact(Some(Features::empty().set_seipdv1()), None, CipherSuite::Cv25519);
        let b = assess(&v2, &own_v1, now());
        assert_eq!(b.message_format, "seipdv1");
        assert_eq!(b.format_reason, crate::tr!("readiness-reason-own-v1"));
    }

    #[test]
    fn a_key_without_seipdv2_in_its_features_gets_seipdv1() {
        let cert = contact(Some(Features::empty()), None, CipherSuite::RSA3k);
        let a = assess(&cert, &own(), now());
        assert_eq!(a.message_format, "seipdv1");
        assert_eq!(a.encryption_keys[0].algorithm, "RSA 3072");
    }

    #[test]
    fn a_key_expiring_in_ten_days_is_counted_and_warned_about() {
        let cert = contact(None, Some(Duration::from_secs(10 * DAY)), CipherSuite::Cv25519);
        let a = assess(&cert, &own(), now());
        assert_eq!(a.days_left, Some(9));
        assert!(expiring_soon(&cert, now()).is_some());
        let warning = expiry_warning("p-1", &cert, now()).unwrap();
        assert!(warning.contains("carepost contact refresh p-1"), "{warning}");
        let later = contact(None, Some(Duration::from_secs(90 * DAY)), CipherSuite::Cv25519);
        assert!(expiry_warning("p-1", &later, now()).is_none());
    }

    #[test]
    fn an_encryption_subkey_expiring_first_sets_the_date() {
        let soon = now() + Duration::from_secs(5 * DAY);
        let (cert, _) = CertBuilder::new()
            .add_userid("S <s@example.org>")
            .set_creation_time(now() - Duration::from_secs(60))
            .set_validity_period(Duration::from_secs(400 * DAY))
            .add_subkey(
                openpgp::types::KeyFlags::empty().set_transport_encryption(),
                soon.duration_since(now() - Duration::from_secs(60)).unwrap(),
                None,
            )
            .generate()
            .unwrap();
        let days = assess(&cert.strip_secret_key_material(), &own(), now()).days_left.unwrap();
        assert!(days <= 5, "{days}");
    }

    #[test]
    fn a_revoked_key_is_not_usable() {
        let (cert, revocation) = CertBuilder::general_purpose(Some("R <r@example.org>")).generate().unwrap();
        let cert = cert.insert_packets(revocation).unwrap().0.strip_secret_key_material();
        let a = assess(&cert, &own(), now());
        assert!(!a.usable);
        assert_eq!(a.cert_problem, Some(CertProblem::Revoked));
    }

    #[test]
    fn unknown_is_unknown_and_false_wins() {
        assert_eq!(and(None, Some(false)), Some(false));
        assert_eq!(and(None, Some(true)), None);
        assert_eq!(or(None, Some(true)), Some(true));
        assert_eq!(or(None, Some(false)), None);
        let x448 = EncryptionKey {
            fingerprint: String::new(),
            algorithm: String::new(),
            created: String::new(),
            expires: None,
            family: Family::X448,
            version: 6,
        };
        let gnupg = &PROGRAMS[1];
        assert_eq!(gnupg.can_open(MessageFormat::SeipdV2, std::slice::from_ref(&x448)), Some(false));
        let proton = PROGRAMS.iter().find(|p| p.name == "Proton Mail").unwrap();
        assert_eq!(proton.can_open(MessageFormat::SeipdV2, &[x448]), None);
    }
}
