//! Finds which optional peer programs the tests can use.
//!
//! Interoperability tests drive other people's OpenPGP and mail software
//! (GnuPG, Sequoia's sq, RNP, SOP tools, a Secret Service, Python's
//! aiosmtpd, OpenSSL, systemd) and the PDF readers patients use (qpdf,
//! poppler, MuPDF, PDFium from PyPI, pdf.js from npm), and a browser
//! (Chromium) with a QR code scanner (zbarimg) for the printed leaflet. On a developer
//! machine a test whose peer is missing is marked ignored, with the
//! reason, through a `missing_*` cfg read by
//! `#[cfg_attr(missing_gpg, ignore = "...")]`, so the test runner's
//! summary counts it instead of it passing unseen. Under CI
//! (`CI=true` or `CI=1`) no `missing_*` cfg is ever set: every peer test
//! runs, and one whose peer is absent fails.
//!
//! Nothing here affects the library or the binary; the cfgs are read by
//! tests only.

use std::path::{Path, PathBuf};

/// Each cfg and the programs it stands for (all must be on PATH).
const PEERS: &[(&str, &[&str])] = &[
    ("missing_gpg", &["gpg", "gpgconf"]),
    ("missing_sq", &["sq"]),
    ("missing_sqop", &["sqop"]),
    ("missing_rnp", &["rnp", "rnpkeys"]),
    ("missing_gosop", &["gosop"]),
    ("missing_pgpainless", &["pgpainless-cli"]),
    ("missing_keyring", &["dbus-run-session", "gnome-keyring-daemon", "secret-tool", "timeout"]),
    ("missing_python", &["python3"]),
    ("missing_openssl", &["openssl"]),
    ("missing_systemd", &["systemd-analyze"]),
    // The Web Key Directory test: GnuPG's lookup inside private mount and
    // network namespaces, against a loopback HTTPS server.
    ("missing_wkd_peers", &["gpg", "gpgconf", "dirmngr", "unshare", "mount", "ip", "openssl", "python3"]),
    // The PDF readers patients use (tests/pdf_readers.rs). Each also needs
    // qpdf, which makes the test's object-stream input.
    ("missing_qpdf", &["qpdf"]),
    ("missing_poppler", &["qpdf", "pdfinfo", "pdftotext", "pdfdetach"]),
    ("missing_mupdf", &["qpdf", "mutool"]),
    // A real browser: the accountability report's HTML printed to PDF
    // (tests/report.rs), the patient leaflet printed and photographed, its
    // QR code scanned (tests/leaflet.rs); the PDFs read back with poppler.
    ("missing_chromium", &["chromium", "zbarimg", "pdftotext", "pdfinfo"]),
    // The identity's expiry with the clock moved, for carepost and GnuPG
    // together (tests/renew.rs).
    ("missing_faketime", &["faketime"]),
];

/// poppler's library (GNOME's viewers) through Debian's python3-gi.
const MISSING_POPPLER_GLIB: &str = "missing_poppler_glib";
/// PDFium, from PyPI's pypdfium2, for the python3 on PATH.
const MISSING_PDFIUM: &str = "missing_pdfium";
/// pdf.js, from npm's pdfjs-dist installed by `npm ci --prefix tests/readers`.
const MISSING_PDFJS: &str = "missing_pdfjs";
/// Where `npm ci` puts pdf.js; build.rs runs again when tests/readers changes.
const PDFJS_PACKAGE: &str = "tests/readers/node_modules/pdfjs-dist/package.json";

/// Set when any of the SMTP tests' peers is missing: gpg, openssl, python3
/// and aiosmtpd (one cfg, so each SMTP test carries one attribute).
const MISSING_SMTP_PEERS: &str = "missing_smtp_peers";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PATH");
    println!("cargo:rerun-if-env-changed=CI");
    for (cfg, _) in PEERS {
        println!("cargo:rustc-check-cfg=cfg({cfg})");
    }
    println!("cargo:rustc-check-cfg=cfg({MISSING_SMTP_PEERS})");
    println!("cargo:rustc-check-cfg=cfg({MISSING_POPPLER_GLIB})");
    println!("cargo:rustc-check-cfg=cfg({MISSING_PDFIUM})");
    println!("cargo:rustc-check-cfg=cfg({MISSING_PDFJS})");
    // A directory: Cargo looks at every file under it, so installing the
    // readers' npm packages there is seen.
    println!("cargo:rerun-if-changed=tests/readers");

    if in_ci() {
        return;
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    let found = |program: &str| dirs.iter().any(|dir| is_executable(&dir.join(program)));
    for (cfg, programs) in PEERS {
        if !programs.iter().all(|p| found(p)) {
            println!("cargo:rustc-cfg={cfg}");
        }
    }
    let aiosmtpd = found("python3")
        && std::process::Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if !(aiosmtpd && ["gpg", "gpgconf", "openssl"].iter().all(|p| found(p))) {
        println!("cargo:rustc-cfg={MISSING_SMTP_PEERS}");
    }
    let python_runs = |python: &str, code: &str| {
        std::process::Command::new(python)
            .args(["-c", code])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let poppler_glib = "import gi; gi.require_version('Poppler', '0.18')";
    if !(found("qpdf") && python_runs("/usr/bin/python3", poppler_glib)) {
        println!("cargo:rustc-cfg={MISSING_POPPLER_GLIB}");
    }
    if !(found("qpdf") && found("python3") && python_runs("python3", "import pypdfium2")) {
        println!("cargo:rustc-cfg={MISSING_PDFIUM}");
    }
    if !(found("qpdf") && found("node") && Path::new(PDFJS_PACKAGE).is_file()) {
        println!("cargo:rustc-cfg={MISSING_PDFJS}");
    }
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}
