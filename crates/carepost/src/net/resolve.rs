//! `CAREPOST_RESOLVE=HOST=ADDR:PORT[,HOST=ADDR:PORT…]`, for tests only: a
//! connection to HOST, whatever its port, goes to ADDR:PORT instead. TLS
//! still checks HOST's certificate and sends HOST as the server name, so
//! nothing else about the connection changes. Unset, names resolve as
//! usual.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// The variable tests set to point host names at loopback servers.
pub const RESOLVE_VAR: &str = "CAREPOST_RESOLVE";

/// Host names mapped to addresses, and the system's resolver for the rest.
#[derive(Debug, Default)]
pub struct Overrides {
    hosts: BTreeMap<String, SocketAddr>,
    system: DefaultResolver,
}

impl Overrides {
    /// The overrides of [`RESOLVE_VAR`]; none when it is unset or empty.
    pub fn from_env() -> Result<Overrides> {
        match std::env::var(RESOLVE_VAR) {
            Ok(value) => Overrides::parse(&value),
            Err(std::env::VarError::NotPresent) => Ok(Overrides::default()),
            Err(std::env::VarError::NotUnicode(_)) => Err(bad(RESOLVE_VAR)),
        }
    }

    /// Parses `HOST=ADDR:PORT[,HOST=ADDR:PORT…]`.
    pub fn parse(value: &str) -> Result<Overrides> {
        let mut hosts = BTreeMap::new();
        for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (host, addr) = entry.split_once('=').ok_or_else(|| bad(entry))?;
            let host = host.trim().to_ascii_lowercase();
            if host.is_empty() || host.contains([':', '/', ' ']) {
                return Err(bad(entry));
            }
            let addr: SocketAddr = addr.trim().parse().map_err(|_| bad(entry))?;
            hosts.insert(host, addr);
        }
        Ok(Overrides { hosts, system: DefaultResolver::default() })
    }

    /// Where a connection to `host` goes, if it is overridden.
    pub fn get(&self, host: &str) -> Option<SocketAddr> {
        let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
        self.hosts.get(&host).copied()
    }
}

fn bad(entry: &str) -> Error {
    Error::Usage(crate::tr!("net-bad-resolve", entry = crate::safe::Safe(entry).to_string()))
}

impl Resolver for Overrides {
    fn resolve(
        &self,
        uri: &Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        if let Some(addr) = uri.host().and_then(|h| self.get(h)) {
            let mut found = self.empty();
            found.push(addr);
            return Ok(found);
        }
        self.system.resolve(uri, config, timeout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_map_hosts_whatever_the_case() {
        let o = Overrides::parse("Example.org=127.0.0.1:8443, keys.openpgp.org=[::1]:9000").unwrap();
        assert_eq!(o.get("example.org"), Some("127.0.0.1:8443".parse().unwrap()));
        assert_eq!(o.get("KEYS.openpgp.org"), Some("[::1]:9000".parse().unwrap()));
        assert_eq!(o.get("other.org"), None);
        assert!(Overrides::parse("").unwrap().hosts.is_empty());
    }

    #[test]
    fn malformed_entries_are_usage_errors() {
        for bad in ["example.org", "example.org=127.0.0.1", "=127.0.0.1:1", "a:1=127.0.0.1:1", "x=nohost:1"] {
            let err = Overrides::parse(bad).unwrap_err();
            assert_eq!(err.exit_status().code(), 2, "{bad}");
        }
    }
}
