//! What SMTP delivery and key discovery share about TLS: reading a CA
//! file the user names, and wording rustls's certificate errors.

use crate::error::{Error, Result};
use std::path::Path;

/// The largest CA file read: a bundle of a few hundred certificates.
const MAX_CA_FILE_BYTES: u64 = 1 << 20;

/// Reads a PEM file holding at least one usable certificate, as text.
pub fn read_ca_file(path: &Path) -> Result<String> {
    use std::io::Read as _;
    let fail = |reason: String| Error::CaFile { path: path.to_path_buf(), reason };
    let file = std::fs::File::open(path).map_err(|e| fail(crate::error::io_reason(&e)))?;
    let mut pem = String::new();
    file.take(MAX_CA_FILE_BYTES).read_to_string(&mut pem).map_err(|e| fail(crate::error::io_reason(&e)))?;
    if !pem.contains("-----BEGIN CERTIFICATE-----") {
        return Err(fail(crate::tr!("ca-file-no-certificate")));
    }
    // Parsed the way both connections use it.
    let certs = ca_certificates(&pem).map_err(|reason| fail(crate::tr!("ca-file-unusable", reason = reason)))?;
    if certs.is_empty() {
        return Err(fail(crate::tr!("ca-file-no-certificate")));
    }
    Ok(pem)
}

/// The DER certificates of a PEM text (as [`read_ca_file`] returned it).
pub fn ca_certificates(pem: &str) -> std::result::Result<Vec<Vec<u8>>, String> {
    use rustls::pki_types::pem::PemObject as _;
    rustls::pki_types::CertificateDer::pem_slice_iter(pem.as_bytes())
        .map(|cert| cert.map(|c| c.to_vec()).map_err(|e| e.to_string()))
        .collect()
}

/// A rustls error in the user's language: the certificate problems a user
/// can act on get a sentence, anything else is a marked detail.
pub fn describe(e: &rustls::Error) -> String {
    use rustls::CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(cert) => match cert {
            C::UnknownIssuer | C::BadSignature => crate::tr!("tls-untrusted"),
            C::NotValidForName | C::NotValidForNameContext { .. } => crate::tr!("tls-wrong-name"),
            C::Expired | C::ExpiredContext { .. } => crate::tr!("tls-expired"),
            C::NotValidYet | C::NotValidYetContext { .. } => crate::tr!("tls-not-yet-valid"),
            C::Revoked => crate::tr!("tls-revoked"),
            other => crate::tr!("tls-other-details", details = format!("{other:?}")),
        },
        other => crate::tr!("tls-other-details", details = other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_certificates_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, "not a certificate").unwrap();
        assert!(matches!(read_ca_file(&path), Err(Error::CaFile { .. })));
        std::fs::write(&path, "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n").unwrap();
        assert!(matches!(read_ca_file(&path), Err(Error::CaFile { .. })));
    }
}
