//! Which certificates and keys carepost accepts: Sequoia's standard policy
//! plus carepost's own stricter rules.
//!
//! Sequoia's standard policy still accepts 2048-bit DSA and ElGamal keys;
//! carepost refuses DSA and ElGamal of any size, RSA below 2048 bits, and
//! everything the standard policy refuses (e.g. SHA-1 self-signatures).

use crate::error::CertProblem;
use openpgp::cert::prelude::*;
use openpgp::packet::key;
use openpgp::packet::Key;
use openpgp::policy::{AsymmetricAlgorithm, Policy, StandardPolicy};
use openpgp::types::{PublicKeyAlgorithm, SymmetricAlgorithm};
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use std::time::SystemTime;

/// A contact key expiring within this many days gets a warning.
pub const EXPIRY_WARNING_DAYS: u64 = 30;

/// Smallest RSA modulus carepost uses.
pub const MIN_RSA_BITS: usize = 2048;

/// The policy used for every signature and key check.
pub fn standard() -> &'static StandardPolicy<'static> {
    static POLICY: StandardPolicy<'static> = StandardPolicy::new();
    &POLICY
}

/// Why `key` is too weak for carepost, if it is.
pub fn weakness<P: key::KeyParts, R: key::KeyRole>(key: &Key<P, R>) -> Option<String> {
    use PublicKeyAlgorithm::*;
    #[allow(deprecated)]
    match key.pk_algo() {
        DSA => Some(crate::tr!("weak-dsa")),
        ElGamalEncrypt | ElGamalEncryptSign => Some(crate::tr!("weak-elgamal")),
        RSAEncryptSign | RSAEncrypt | RSASign => match key.mpis().bits() {
            Some(bits) if bits >= MIN_RSA_BITS => None,
            bits => Some(crate::tr!("weak-rsa", bits = bits.unwrap_or(0), minimum = MIN_RSA_BITS)),
        },
        _ => None,
    }
}

/// The subkeys (or primary key) that carepost may encrypt to, at `now`.
pub fn encryption_keys<'a>(vc: &'a ValidCert<'a>) -> Vec<ValidErasedKeyAmalgamation<'a, key::PublicParts>> {
    vc.keys()
        .supported()
        .alive()
        .revoked(false)
        .for_transport_encryption()
        .filter(|ka| weakness(ka.key()).is_none())
        .collect()
}

/// Checks that `cert` can serve as a contact's key at `now`: not secret,
/// not revoked or expired, strong enough, with a user ID and a usable
/// encryption key.
pub fn check_contact_cert(cert: &Cert, now: SystemTime) -> Result<(), CertProblem> {
    if cert.is_tsk() {
        return Err(CertProblem::SecretKeyMaterial);
    }
    let policy = standard();
    if let openpgp::types::RevocationStatus::Revoked(_) = cert.revocation_status(policy, now) {
        return Err(CertProblem::Revoked);
    }
    let vc = cert.with_policy(policy, now).map_err(|e| classify(&e))?;
    if let Some(reason) = weakness(vc.primary_key().key()) {
        return Err(CertProblem::TooWeak(reason));
    }
    if let Err(e) = vc.alive() {
        let _ = e;
        return Err(match vc.primary_key().key_expiration_time() {
            Some(t) if t <= now => CertProblem::Expired(crate::fmt_time(t)),
            _ if vc.primary_key().key().creation_time() > now => CertProblem::NotYetValid,
            _ => CertProblem::Expired(String::from("?")),
        });
    }
    if vc.userids().next().is_none() {
        return Err(CertProblem::NoUserId);
    }
    if encryption_keys(&vc).is_empty() {
        // Say "too weak" when a weak key is the only thing in the way. The
        // standard policy hides the keys it refuses (e.g. an RSA-1024
        // subkey), so look again with a policy that lets them through.
        let lenient = diagnostic();
        let weak = cert.with_policy(&lenient, now).ok().and_then(|vc| {
            vc.keys().supported().alive().revoked(false).for_transport_encryption().find_map(|ka| weakness(ka.key()))
        });
        return Err(match weak {
            Some(reason) => CertProblem::TooWeak(reason),
            None => CertProblem::NoEncryptionKey,
        });
    }
    Ok(())
}

/// The standard policy, except that it lets small RSA, DSA and ElGamal
/// keys through so that [`weakness`] can name them. Only for explaining a
/// refusal, never for accepting a key.
fn diagnostic() -> StandardPolicy<'static> {
    let mut policy = StandardPolicy::new();
    for algo in [AsymmetricAlgorithm::RSA1024, AsymmetricAlgorithm::DSA1024, AsymmetricAlgorithm::ElGamal1024] {
        policy.accept_asymmetric_algo(algo);
    }
    policy
}

/// Turns a failed `with_policy` into the user's terms.
fn classify(e: &anyhow::Error) -> CertProblem {
    for cause in e.chain() {
        if let Some(openpgp::Error::PolicyViolation(what, _)) = cause.downcast_ref::<openpgp::Error>() {
            return CertProblem::TooWeak(crate::safe::Safe(what).to_string());
        }
    }
    CertProblem::Malformed(e.to_string())
}

/// Checks an identity's own key against the same policy (used for our own
/// encryption and signing subkeys before every send).
pub fn policy_dyn() -> &'static dyn Policy {
    standard()
}

/// The message formats carepost writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageFormat {
    /// RFC 4880's SEIPD version 1 (with MDC): every OpenPGP program reads it.
    SeipdV1,
    /// RFC 9580's SEIPD version 2 (AEAD).
    SeipdV2,
}

impl MessageFormat {
    /// The code in JSON: `seipdv1` or `seipdv2`.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageFormat::SeipdV1 => "seipdv1",
            MessageFormat::SeipdV2 => "seipdv2",
        }
    }
}

/// What a certificate's Features subpacket says about SEIPD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advertised {
    /// No Features subpacket at all (rnp 0.16 makes such keys), or a
    /// certificate the policy does not accept.
    Nothing,
    SeipdV1Only,
    SeipdV2,
}

/// What `cert` advertises at `now`, read where Sequoia's `Encryptor`
/// reads it (the valid certificate's features).
pub fn advertised(cert: &Cert, now: SystemTime) -> Advertised {
    match cert.with_policy(standard(), now).ok().and_then(|vc| vc.features()) {
        None => Advertised::Nothing,
        Some(f) if f.supports_seipdv2() => Advertised::SeipdV2,
        Some(_) => Advertised::SeipdV1Only,
    }
}

/// The format of a message to `certs` (the recipients and the sender's
/// own key): SEIPDv2 only when every one of them advertises it, else
/// SEIPDv1. This is the rule of Sequoia's `Encryptor`, which `seal`
/// leaves to decide (no AEAD mode is forced); stated here so that reports
/// and `contact check` say what is sent, and tests hold the two together.
pub fn message_format<'a>(certs: impl IntoIterator<Item = &'a Cert>, now: SystemTime) -> MessageFormat {
    if certs.into_iter().all(|cert| advertised(cert, now) == Advertised::SeipdV2) {
        MessageFormat::SeipdV2
    } else {
        MessageFormat::SeipdV1
    }
}

/// The symmetric cipher of every message carepost writes.
pub const SYMMETRIC: SymmetricAlgorithm = SymmetricAlgorithm::AES256;
/// [`SYMMETRIC`] as people read it.
pub const SYMMETRIC_NAME: &str = "AES-256";

/// The AEAD mode of a SEIPDv2 message: Sequoia's default (OCB, which RFC
/// 9580 makes mandatory to implement, when the crypto backend has it).
pub fn aead_name() -> &'static str {
    match openpgp::types::AEADAlgorithm::default() {
        openpgp::types::AEADAlgorithm::OCB => "OCB",
        openpgp::types::AEADAlgorithm::GCM => "GCM",
        openpgp::types::AEADAlgorithm::EAX => "EAX",
        _ => "AEAD",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openpgp::cert::CipherSuite;

    fn gen(cs: CipherSuite) -> Cert {
        CertBuilder::general_purpose(Some("Test <t@example.org>")).set_cipher_suite(cs).generate().unwrap().0
    }

    #[test]
    fn modern_keys_pass() {
        let cert = gen(CipherSuite::Cv25519);
        check_contact_cert(&cert.strip_secret_key_material(), SystemTime::now()).unwrap();
        let cert = gen(CipherSuite::RSA3k);
        check_contact_cert(&cert.strip_secret_key_material(), SystemTime::now()).unwrap();
    }

    #[test]
    fn secret_keys_are_refused() {
        let cert = gen(CipherSuite::Cv25519);
        assert_eq!(check_contact_cert(&cert, SystemTime::now()), Err(CertProblem::SecretKeyMaterial));
    }

    #[test]
    fn rsa_2048_is_the_minimum_accepted() {
        let cert = gen(CipherSuite::RSA2k);
        check_contact_cert(&cert.clone().strip_secret_key_material(), SystemTime::now()).unwrap();
        assert!(weakness(cert.primary_key().key()).is_none());
    }

    #[test]
    fn no_encryption_subkey_is_refused() {
        let (cert, _) =
            CertBuilder::new().add_userid("Sign Only <s@example.org>").add_signing_subkey().generate().unwrap();
        assert_eq!(
            check_contact_cert(&cert.strip_secret_key_material(), SystemTime::now()),
            Err(CertProblem::NoEncryptionKey)
        );
    }

    #[test]
    fn a_weak_rsa_encryption_subkey_is_named_as_too_weak() {
        use openpgp::packet::key::{Key4, SecretParts, SubordinateRole};
        use openpgp::packet::signature::SignatureBuilder;
        use openpgp::types::{KeyFlags, SignatureType};
        let (cert, _) = CertBuilder::new().add_userid("Mixed <m@example.org>").generate().unwrap();
        let mut primary = cert.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
        let subkey: Key<SecretParts, SubordinateRole> = Key4::generate_rsa(1024).unwrap().into();
        let binding = subkey
            .bind(
                &mut primary,
                &cert,
                SignatureBuilder::new(SignatureType::SubkeyBinding)
                    .set_key_flags(KeyFlags::empty().set_transport_encryption())
                    .unwrap(),
            )
            .unwrap();
        let cert = cert.insert_packets(vec![openpgp::Packet::from(subkey), binding.into()]).unwrap().0;
        match check_contact_cert(&cert.strip_secret_key_material(), SystemTime::now()) {
            Err(CertProblem::TooWeak(reason)) => assert!(reason.contains("1024"), "{reason}"),
            other => panic!("expected too weak, got {other:?}"),
        }
    }

    #[test]
    fn expired_certificates_are_refused() {
        let day = std::time::Duration::from_secs(86400);
        let (cert, _) = CertBuilder::general_purpose(Some("Old <o@example.org>"))
            .set_creation_time(SystemTime::now() - 10 * day)
            .set_validity_period(day)
            .generate()
            .unwrap();
        assert!(matches!(
            check_contact_cert(&cert.strip_secret_key_material(), SystemTime::now()),
            Err(CertProblem::Expired(_))
        ));
    }
}
