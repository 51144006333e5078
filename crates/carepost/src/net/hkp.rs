//! The HKP key server protocol (draft-shaw-openpgp-hkp): `hkps://HOST[:PORT]`
//! is HTTPS (port 443 unless given), `hkp://HOST[:PORT]` plain HTTP on
//! 11371, used only when the user configured it so.

use super::percent_encode;
use sequoia_openpgp::Fingerprint;

/// The base URL of an HKP server written as `hkps://…` or `hkp://…`, and
/// whether it is plain HTTP. `None` for anything else.
pub fn base_url(server: &str) -> Option<(String, bool)> {
    let (plain, rest) = if let Some(rest) = server.strip_prefix("hkps://") {
        (false, rest)
    } else if let Some(rest) = server.strip_prefix("hkp://") {
        (true, rest)
    } else {
        return None;
    };
    let authority = rest.trim_end_matches('/');
    if authority.is_empty() || authority.contains(['/', '?', '#', '@']) {
        return None;
    }
    let has_port = authority.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok());
    Some(match (plain, has_port) {
        (false, _) => (format!("https://{authority}"), false),
        (true, true) => (format!("http://{authority}"), true),
        (true, false) => (format!("http://{authority}:11371"), true),
    })
}

/// `GET {base}/pks/lookup?op=get&options=mr&search=ADDRESS`.
pub fn by_email_url(base: &str, address: &str) -> String {
    format!("{base}/pks/lookup?op=get&options=mr&search={}", percent_encode(address))
}

/// `GET {base}/pks/lookup?op=get&options=mr&search=0xFINGERPRINT`.
pub fn by_fingerprint_url(base: &str, fingerprint: &Fingerprint) -> String {
    format!("{base}/pks/lookup?op=get&options=mr&search=0x{}", fingerprint.to_hex().to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_and_ports() {
        assert_eq!(base_url("hkps://keys.example.net"), Some(("https://keys.example.net".into(), false)));
        assert_eq!(base_url("hkps://keys.example.net:8443"), Some(("https://keys.example.net:8443".into(), false)));
        assert_eq!(base_url("hkp://keys.example.net"), Some(("http://keys.example.net:11371".into(), true)));
        assert_eq!(base_url("hkp://keys.example.net:80/"), Some(("http://keys.example.net:80".into(), true)));
        assert_eq!(base_url("https://keys.example.net"), None);
        assert_eq!(base_url("hkps://a/b"), None);
    }

    #[test]
    fn lookups_use_machine_readable_get() {
        assert_eq!(
            by_email_url("https://k.net", "a@b.org"),
            "https://k.net/pks/lookup?op=get&options=mr&search=a%40b.org"
        );
    }
}
