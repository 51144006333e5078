//! A throw-away certificate authority and one server certificate it
//! signs, made with `openssl` for the tests that serve TLS on loopback.
//! The CA is trusted only where a test names it (`CAREPOST_CA_FILE`,
//! `--ca-file`), never by the system.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The files [`server_certificate`] writes.
pub struct ServerCertificate {
    /// The CA's certificate (PEM): what the client is told to trust.
    pub ca: PathBuf,
    /// The server's certificate (PEM).
    pub cert: PathBuf,
    /// The server's certificate, then the CA's (PEM).
    pub chain: PathBuf,
    /// The server's private key (PEM, unencrypted).
    pub key: PathBuf,
}

/// Makes a CA (P-256, valid 3 days) and a server certificate for `names`
/// (DNS names or IP addresses; the first is also the subject) in `dir`.
pub fn server_certificate(dir: &Path, names: &[&str]) -> ServerCertificate {
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl").args(args).current_dir(dir).output().unwrap();
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend(["-keyout", "ca.key", "-out", "ca.pem", "-days", "3", "-subj", "/CN=carepost test CA"]);
    openssl(&ca);
    let subject = format!("/CN={}", names[0]);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend(["-keyout", "server.key", "-out", "server.csr", "-subj", &subject]);
    openssl(&csr);
    let sans: Vec<String> = names
        .iter()
        .map(|name| match name.parse::<std::net::IpAddr>() {
            Ok(_) => format!("IP:{name}"),
            Err(_) => format!("DNS:{name}"),
        })
        .collect();
    std::fs::write(
        dir.join("ext.cnf"),
        format!(
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n\
             extendedKeyUsage=serverAuth\nsubjectAltName={}\n",
            sans.join(",")
        ),
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-set_serial",
        "4242",
        "-days",
        "3",
        "-extfile",
        "ext.cnf",
        "-out",
        "server.pem",
    ]);
    let chain = [std::fs::read(dir.join("server.pem")).unwrap(), std::fs::read(dir.join("ca.pem")).unwrap()].concat();
    std::fs::write(dir.join("chain.pem"), chain).unwrap();
    ServerCertificate {
        ca: dir.join("ca.pem"),
        cert: dir.join("server.pem"),
        chain: dir.join("chain.pem"),
        key: dir.join("server.key"),
    }
}
