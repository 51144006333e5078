//! The one HTTP client carepost has, for key discovery only: WKD,
//! keys.openpgp.org's VKS and HKP key servers. Blocking, over the TLS stack
//! SMTP uses (rustls with the ring provider), trusting the system's
//! certificate store plus an optional CA file.
//!
//! Every request is bounded: 10 s to connect, 30 s in all, at most
//! [`MAX_REDIRECTS`] redirects (followed here, each to `https://` only),
//! and an answer is read up to a bound and refused past it, never buffered
//! whole. `HTTPS_PROXY`/`NO_PROXY` are honoured.

pub mod hkp;
mod resolve;
pub mod vks;

use crate::error::{Error, NetProblem, Result};
use std::io::Read as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use resolve::RESOLVE_VAR;

/// The largest answer accepted for one key (or a few): 1 MiB.
pub const MAX_KEY_BYTES: u64 = 1 << 20;
/// The largest JSON answer of a key server's API.
pub const MAX_JSON_BYTES: u64 = 64 * 1024;
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 3;
/// The variable naming an extra CA file (PEM) when `--ca-file` is not given.
pub const CA_FILE_VAR: &str = "CAREPOST_CA_FILE";
/// Test-only: the whole-request bound in milliseconds instead of 30 s.
pub const TIMEOUT_VAR: &str = "CAREPOST_NET_TIMEOUT_MS";

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What the caller chooses about connections.
#[derive(Debug, Clone, Default)]
pub struct NetOptions {
    /// A CA certificate (PEM) to trust besides the system's.
    pub ca_file: Option<PathBuf>,
}

/// The client; one per command.
pub struct Client {
    agent: ureq::Agent,
    timeout: Duration,
}

/// A successful answer.
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL that answered (after redirects).
    pub url: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Whether a URL may be plain `http://`: only for an HKP server the user
/// configured as `hkp://`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    HttpsOnly,
    PlainAllowed,
}

impl Client {
    /// A client with the system's roots, `options.ca_file` (or
    /// [`CA_FILE_VAR`]), the proxy of the environment and, for tests,
    /// [`RESOLVE_VAR`] and [`TIMEOUT_VAR`].
    pub fn new(options: NetOptions) -> Result<Client> {
        let ca_file =
            options.ca_file.or_else(|| std::env::var_os(CA_FILE_VAR).filter(|v| !v.is_empty()).map(PathBuf::from));
        let mut roots: Vec<ureq::tls::Certificate<'static>> = Vec::new();
        // Unreadable system certificates are skipped, as lettre does.
        for cert in rustls_native_certs::load_native_certs().certs {
            roots.push(ureq::tls::Certificate::from_der(cert.as_ref()).to_owned());
        }
        if let Some(path) = &ca_file {
            let pem = crate::tls::read_ca_file(path)?;
            let ders = crate::tls::ca_certificates(&pem).map_err(|reason| Error::CaFile {
                path: path.clone(),
                reason: crate::tr!("ca-file-unusable", reason = reason),
            })?;
            roots.extend(ders.iter().map(|der| ureq::tls::Certificate::from_der(der).to_owned()));
        }
        let tls = ureq::tls::TlsConfig::builder()
            .provider(ureq::tls::TlsProvider::Rustls)
            .root_certs(ureq::tls::RootCerts::new_with_certs(&roots))
            .unversioned_rustls_crypto_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .build();
        let timeout = timeout_from_env()?;
        let config = ureq::Agent::config_builder()
            .tls_config(tls)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(format!("carepost/{}", env!("CARGO_PKG_VERSION")))
            .timeout_global(Some(timeout))
            .timeout_connect(Some(CONNECT_TIMEOUT.min(timeout)))
            .proxy(ureq::Proxy::try_from_env())
            .build();
        let resolver = resolve::Overrides::from_env()?;
        let agent = ureq::Agent::with_parts(config, ureq::unversioned::transport::DefaultConnector::new(), resolver);
        Ok(Client { agent, timeout })
    }

    /// GETs an `https://` URL; the body is refused past `max_bytes`.
    pub fn get(&self, url: &str, max_bytes: u64) -> Result<Response> {
        self.request(url, None, max_bytes, Scheme::HttpsOnly)
    }

    /// GETs a URL that may be plain `http://`: only for an HKP server the
    /// user configured as `hkp://`. Redirects still go to `https://` only.
    pub fn get_allowing_http(&self, url: &str, max_bytes: u64) -> Result<Response> {
        self.request(url, None, max_bytes, Scheme::PlainAllowed)
    }

    /// POSTs `body` as JSON to an `https://` URL.
    pub fn post_json(&self, url: &str, body: &serde_json::Value, max_bytes: u64) -> Result<Response> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Internal(e.to_string()))?;
        self.request(url, Some(&bytes), max_bytes, Scheme::HttpsOnly)
    }

    fn request(&self, url: &str, body: Option<&[u8]>, max_bytes: u64, scheme: Scheme) -> Result<Response> {
        let mut current = url.to_owned();
        check_scheme(&current, scheme)?;
        for hop in 0..=MAX_REDIRECTS {
            let host = host_of(&current);
            let fail = |problem| Error::Network { host: host.clone(), problem };
            let answer = match body {
                Some(bytes) => self.agent.post(&current).header("Content-Type", "application/json").send(bytes),
                None => self.agent.get(&current).call(),
            };
            let response = answer.map_err(|e| fail(self.problem(&e)))?;
            let status = response.status().as_u16();
            if (300..400).contains(&status) {
                let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default();
                if hop == MAX_REDIRECTS || location.is_empty() {
                    return Err(fail(NetProblem::TooManyRedirects));
                }
                let next = join(&current, location);
                if !next.starts_with("https://") {
                    return Err(fail(NetProblem::InsecureRedirect(next.chars().take(200).collect())));
                }
                current = next;
                continue;
            }
            if status == 404 || status == 410 {
                return Err(fail(NetProblem::NotFound));
            }
            if !(200..300).contains(&status) {
                return Err(fail(NetProblem::Status(status)));
            }
            let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let mut bytes = Vec::new();
            // One byte past the bound tells a body that is too large; the
            // rest is never read.
            response
                .into_body()
                .into_reader()
                .take(max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| fail(self.io_problem(&e)))?;
            if bytes.len() as u64 > max_bytes {
                return Err(fail(NetProblem::TooLarge(max_bytes)));
            }
            return Ok(Response { url: current, status, content_type, body: bytes });
        }
        Err(Error::Network { host: host_of(&current), problem: NetProblem::TooManyRedirects })
    }

    fn problem(&self, e: &ureq::Error) -> NetProblem {
        match e {
            ureq::Error::Timeout(_) => NetProblem::Timeout(self.timeout.as_secs().max(1)),
            ureq::Error::HostNotFound => NetProblem::Unreachable(crate::tr!("net-host-not-found")),
            ureq::Error::ConnectionFailed => NetProblem::Unreachable(crate::tr!("net-connection-failed")),
            ureq::Error::Io(io) => self.io_problem(io),
            ureq::Error::Rustls(tls) => NetProblem::Tls(crate::tls::describe(tls)),
            ureq::Error::ConnectProxyFailed(reason) => NetProblem::Proxy(reason.clone()),
            ureq::Error::BodyExceedsLimit(limit) => NetProblem::TooLarge(*limit),
            other => NetProblem::Other(other.to_string().chars().take(300).collect()),
        }
    }

    fn io_problem(&self, e: &std::io::Error) -> NetProblem {
        if let Some(tls) = e.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()) {
            return NetProblem::Tls(crate::tls::describe(tls));
        }
        if let Some(inner) = e.get_ref().and_then(|inner| inner.downcast_ref::<ureq::Error>()) {
            return self.problem(inner);
        }
        match e.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                NetProblem::Timeout(self.timeout.as_secs().max(1))
            }
            _ => NetProblem::Unreachable(crate::error::io_reason(e)),
        }
    }
}

fn timeout_from_env() -> Result<Duration> {
    match std::env::var(TIMEOUT_VAR) {
        Ok(ms) if !ms.is_empty() => ms
            .parse::<u64>()
            .ok()
            .filter(|ms| *ms > 0)
            .map(Duration::from_millis)
            .ok_or_else(|| Error::Usage(crate::tr!("net-bad-timeout", value = crate::safe::Safe(&ms).to_string()))),
        _ => Ok(REQUEST_TIMEOUT),
    }
}

fn check_scheme(url: &str, scheme: Scheme) -> Result<()> {
    let ok = url.starts_with("https://") || (scheme == Scheme::PlainAllowed && url.starts_with("http://"));
    if ok {
        Ok(())
    } else {
        Err(Error::Network {
            host: host_of(url),
            problem: NetProblem::InsecureRedirect(url.chars().take(200).collect()),
        })
    }
}

/// The host (and port) of a URL, as messages name it.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    authority.chars().take(255).collect()
}

/// A redirect's `Location` made absolute against the URL that sent it.
fn join(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_owned();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if let Some(path) = location.strip_prefix("//") {
        return format!("{scheme}://{path}");
    }
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    let path = rest[authority.len()..].split(['?', '#']).next().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    format!("{scheme}://{authority}{dir}/{location}")
}

/// Addresses go into VKS and HKP queries as the WKD query does.
pub(crate) use crate::wkd::percent_encode;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_are_made_absolute() {
        assert_eq!(join("https://a.org/x/y?z", "/b"), "https://a.org/b");
        assert_eq!(join("https://a.org/x/y", "c"), "https://a.org/x/c");
        assert_eq!(join("https://a.org/x", "http://b.org/"), "http://b.org/");
        assert_eq!(join("https://a.org/x", "//b.org/k"), "https://b.org/k");
    }

    #[test]
    fn hosts_are_named_without_paths_or_users() {
        assert_eq!(host_of("https://u@keys.example.net:8443/pks?x"), "keys.example.net:8443");
        assert_eq!(host_of("https://openpgpkey.example.org/.well-known/"), "openpgpkey.example.org");
    }

    #[test]
    fn only_https_unless_plain_is_allowed() {
        assert!(check_scheme("https://a.org/", Scheme::HttpsOnly).is_ok());
        assert!(check_scheme("http://a.org/", Scheme::HttpsOnly).is_err());
        assert!(check_scheme("http://a.org/", Scheme::PlainAllowed).is_ok());
        assert!(check_scheme("file:///etc/passwd", Scheme::PlainAllowed).is_err());
    }
}
