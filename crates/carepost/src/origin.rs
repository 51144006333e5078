//! Where a contact's key came from (a key file, an email's Autocrypt
//! header, a Web Key Directory, a key server), and what carepost needs to
//! fetch it again.

use serde::Serialize;

/// Where a contact's key came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyOrigin {
    /// A key file the user gave (`contact add --key-file`).
    File,
    /// The Autocrypt header of a received email.
    Autocrypt,
    /// A Web Key Directory.
    Wkd,
    /// A keys.openpgp.org-style key server (VKS).
    Vks,
    /// An HKP/HKPS key server.
    Hkp,
    /// No key at all: a patient who gets documents with a password told
    /// by phone (`contact add --no-key`).
    None,
}

impl KeyOrigin {
    /// The code for JSON and the state database.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyOrigin::File => "file",
            KeyOrigin::Autocrypt => "autocrypt",
            KeyOrigin::Wkd => "wkd",
            KeyOrigin::Vks => "vks",
            KeyOrigin::Hkp => "hkp",
            KeyOrigin::None => "none",
        }
    }

    /// The origin as a person reads it, in their language.
    pub fn label(self) -> String {
        match self {
            KeyOrigin::File => crate::tr!("contact-origin-file"),
            KeyOrigin::Autocrypt => crate::tr!("contact-origin-autocrypt"),
            KeyOrigin::Wkd => crate::tr!("contact-origin-wkd"),
            KeyOrigin::Vks => crate::tr!("contact-origin-vks"),
            KeyOrigin::Hkp => crate::tr!("contact-origin-hkp"),
            KeyOrigin::None => crate::tr!("nokey-origin-none"),
        }
    }

    /// Whether carepost can ask the same place again (`contact refresh`).
    pub fn is_network(self) -> bool {
        matches!(self, KeyOrigin::Wkd | KeyOrigin::Vks | KeyOrigin::Hkp)
    }
}

/// Where a contact's key came from, and what carepost needs to fetch it
/// again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub source: KeyOrigin,
    /// The URL or server that answered; `None` for a file.
    pub location: Option<String>,
    /// The address the key was looked up by (or the Autocrypt sender).
    pub email: Option<String>,
    /// When the key was last refreshed successfully (RFC 3339).
    pub refreshed_at: Option<String>,
}

impl Origin {
    /// A key file the user gave.
    pub fn file() -> Origin {
        Origin { source: KeyOrigin::File, location: None, email: None, refreshed_at: None }
    }

    /// No key: a patient reached with a password, at `email` when given
    /// (kept for mail delivery, never looked up on its own).
    pub fn no_key(email: Option<String>) -> Origin {
        Origin { source: KeyOrigin::None, location: None, email, refreshed_at: None }
    }

    /// The audit log's words for it: the kind and the host that answered,
    /// never the address (it identifies the patient).
    pub(crate) fn audit_detail(&self) -> String {
        match self.location.as_deref().and_then(host_of) {
            Some(host) => format!("source {} {host}", self.source.as_str()),
            None => format!("source {}", self.source.as_str()),
        }
    }
}

/// The host of a URL such as `https://host:port/path` (or a bare host),
/// lowercased, without user information; `None` when there is none.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = authority.split(':').next().unwrap_or("");
    let ok = !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b".-".contains(&b));
    ok.then(|| host.to_ascii_lowercase())
}

/// The contract's JSON form of a contact's origin (`contact show`).
#[derive(Debug, Clone, Serialize)]
pub struct OriginSummary {
    pub kind: KeyOrigin,
    /// Text from a server: the caller must escape it before display.
    pub location: Option<String>,
    pub email: Option<String>,
    pub refreshed_at: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_log_learns_the_kind_and_host_of_a_source_never_the_address() {
        let origin = |source, location: Option<&str>| Origin {
            source,
            location: location.map(str::to_owned),
            email: Some("jan.jansen@example.org".into()),
            refreshed_at: None,
        };
        assert_eq!(Origin::file().audit_detail(), "source file");
        assert_eq!(origin(KeyOrigin::Autocrypt, None).audit_detail(), "source autocrypt");
        let wkd = origin(
            KeyOrigin::Wkd,
            Some("https://openpgpkey.Example.org/.well-known/openpgpkey/example.org/hu/abc?l=jan.jansen"),
        );
        assert_eq!(wkd.audit_detail(), "source wkd openpgpkey.example.org");
        assert_eq!(
            origin(KeyOrigin::Hkp, Some("hkps://u@keys.example.net:11371")).audit_detail(),
            "source hkp keys.example.net"
        );
        assert_eq!(
            origin(KeyOrigin::Vks, Some("https://keys.openpgp.org")).audit_detail(),
            "source vks keys.openpgp.org"
        );
        assert_eq!(origin(KeyOrigin::Vks, Some("https://\u{1b}[2J/")).audit_detail(), "source vks");
    }
}
