//! `carepost publish wkd`: the tree it writes (names, layouts, what the
//! keys hold), what it refuses, and GnuPG finding the key in it over HTTPS
//! the way a patient's mail program would.
//!
//! The GnuPG test runs `tests/servers/wkd_gnupg.sh` inside private mount
//! and network namespaces (`unshare`): there the WKD host names point at a
//! loopback HTTPS server whose test CA replaces the system's trust store,
//! and nothing of it is seen outside.

mod common;

use common::{code, ok_json, stderr, stdout, Carepost};
use openpgp::cert::prelude::*;
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use std::path::{Path, PathBuf};

/// draft-koch-openpgp-webkey-service, section 3.1: the name of the local
/// part "Joe.Doe" (any case: it is lowercased first).
const JOE_DOE: &str = "iy9q119eutrkn8s1mk4r39qejnbu3n5q";
const DOMAIN: &str = "praktijk.example";

fn clinician() -> Carepost {
    Carepost::with_identity("Dr. J. Doe", "Joe.Doe@Praktijk.Example")
}

/// A colleague's key with an address in the practice's domain and one
/// elsewhere, added as a colleague (and verified, when asked).
fn add_colleague(cp: &Carepost, alias: &str, userids: &[&str], verified: bool, colleague: bool) -> Cert {
    let mut builder = CertBuilder::general_purpose(None::<&str>);
    for userid in userids {
        builder = builder.add_userid(*userid);
    }
    let cert = builder.generate().unwrap().0.strip_secret_key_material();
    let path = cp.path(&format!("{alias}.asc"));
    std::fs::write(&path, cert.armored().to_vec().unwrap()).unwrap();
    let mut add = cp.cmd();
    add.args(["contact", "add", alias, "--key-file"]).arg(&path);
    if colleague {
        add.arg("--colleague");
    }
    add.assert().success();
    if verified {
        let fpr = cert.fingerprint().to_hex();
        cp.cmd().args(["contact", "verify", alias, "--fingerprint", &fpr]).assert().success();
    }
    cert
}

fn publish(cp: &Carepost, out: &Path, extra: &[&str]) -> std::process::Output {
    cp.cmd().arg("--json").args(["publish", "wkd", "--out"]).arg(out).args(extra).output().unwrap()
}

fn key_at(out: &Path, relative: &str) -> Cert {
    let bytes = std::fs::read(out.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"));
    assert_ne!(bytes.first().map(|b| b & 0x80), Some(0), "{relative} must be binary, not armored");
    Cert::from_bytes(&bytes).unwrap()
}

fn emails(cert: &Cert) -> Vec<String> {
    let mut emails: Vec<String> =
        cert.userids().map(|ua| ua.userid().email().unwrap().unwrap_or_default().to_owned()).collect();
    emails.sort();
    emails
}

#[test]
fn both_layouts_hold_the_own_key_under_the_lowercased_local_parts_name() {
    let cp = clinician();
    let out = cp.path("www");
    let result = ok_json(&publish(&cp, &out, &[]));
    assert_eq!(result["domain"], DOMAIN);
    let advanced = format!(".well-known/openpgpkey/{DOMAIN}/hu/{JOE_DOE}");
    let direct = format!(".well-known/openpgpkey/hu/{JOE_DOE}");
    for policy in [format!(".well-known/openpgpkey/{DOMAIN}/policy"), ".well-known/openpgpkey/policy".into()] {
        assert!(out.join(&policy).is_file(), "{policy} missing");
    }
    let key = &result["keys"][0];
    assert_eq!(result["keys"].as_array().unwrap().len(), 1, "{result}");
    assert_eq!(key["address"], "Joe.Doe@praktijk.example");
    assert_eq!(key["fingerprint"], cp.fingerprint());
    assert_eq!(key["files"], serde_json::json!([advanced, direct]));
    assert_eq!(
        key["urls"],
        serde_json::json!([
            format!("https://openpgpkey.{DOMAIN}/.well-known/openpgpkey/{DOMAIN}/hu/{JOE_DOE}?l=Joe.Doe"),
            format!("https://{DOMAIN}/.well-known/openpgpkey/hu/{JOE_DOE}?l=Joe.Doe"),
        ])
    );
    assert_eq!(std::fs::read(out.join(&advanced)).unwrap(), std::fs::read(out.join(&direct)).unwrap());
    let cert = key_at(&out, &advanced);
    assert_eq!(cert.fingerprint().to_hex(), cp.fingerprint());
    assert!(!cert.is_tsk(), "secret key material published");
    assert!(cert.keys().subkeys().next().is_some(), "the encryption subkey is part of the key");

    // The human form names every file, each URL and the next step.
    let human = cp.cmd().args(["publish", "wkd", "--out"]).arg(&out).output().unwrap();
    assert!(human.status.success(), "{}", stderr(&human));
    let text = stdout(&human);
    for expected in [advanced.as_str(), direct.as_str(), "docs/wkd.md", &format!("https://openpgpkey.{DOMAIN}/")] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[test]
fn a_colleagues_key_holds_only_the_domains_user_ids_and_not_our_certification() {
    let cp = clinician();
    let cert = add_colleague(
        &cp,
        "gp.smit",
        &["Dr. B. Smit <B.Smit@praktijk.example>", "B. Smit <bsmit@mail.example>"],
        true,
        true,
    );
    let out = cp.path("www");
    let result = ok_json(&publish(&cp, &out, &["--contact", "gp.smit"]));
    let keys = result["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 2, "{result}");
    let smit = keys.iter().find(|k| k["contact"] == "gp.smit").expect("the colleague's key");
    assert_eq!(smit["address"], "B.Smit@praktijk.example");
    assert_eq!(smit["fingerprint"], cert.fingerprint().to_hex());
    let name = smit["files"][0].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
    let published = key_at(&out, smit["files"][0].as_str().unwrap());
    assert_eq!(published.fingerprint(), cert.fingerprint());
    assert_eq!(emails(&published), ["B.Smit@praktijk.example"]);
    assert!(!published.is_tsk());
    let certifications: usize = published.userids().map(|ua| ua.certifications().count()).sum();
    assert_eq!(certifications, 0, "carepost's local certification must stay home");
    // The same name as GnuPG gives it: the lowercased local part's.
    assert_eq!(smit["urls"][1], format!("https://{DOMAIN}/.well-known/openpgpkey/hu/{name}?l=B.Smit"));
    let own = keys.iter().find(|k| k["contact"].is_null()).unwrap();
    assert_eq!(own["files"][0], format!(".well-known/openpgpkey/{DOMAIN}/hu/{JOE_DOE}"));
}

#[test]
fn another_domain_publishes_only_the_keys_with_addresses_in_it() {
    let cp = clinician();
    add_colleague(&cp, "gp.smit", &["Dr. B. Smit <b.smit@wijk.example>"], true, true);
    let out = cp.path("www");
    let result = ok_json(&publish(&cp, &out, &["--domain", "Wijk.Example", "--contact", "gp.smit"]));
    assert_eq!(result["domain"], "wijk.example");
    let keys = result["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 1, "the own key has no address in wijk.example: {result}");
    assert_eq!(keys[0]["contact"], "gp.smit");
    assert!(out.join(".well-known/openpgpkey/wijk.example/policy").is_file());
}

#[test]
fn a_patients_key_is_never_published() {
    let cp = clinician();
    add_colleague(&cp, "p-0042", &["P. <p@praktijk.example>"], true, false);
    let out = cp.path("www");
    let refused = publish(&cp, &out, &["--contact", "p-0042"]);
    assert_eq!(code(&refused), 3, "{}", stderr(&refused));
    assert!(stderr(&refused).contains("is a patient"), "{}", stderr(&refused));
    assert!(!out.join(".well-known").exists(), "nothing written when refused");
}

#[test]
fn an_unverified_colleagues_key_is_refused() {
    let cp = clinician();
    add_colleague(&cp, "gp.smit", &["Dr. B. Smit <b.smit@praktijk.example>"], false, true);
    let refused = publish(&cp, &cp.path("www"), &["--contact", "gp.smit"]);
    assert_eq!(code(&refused), 3, "{}", stderr(&refused));
    assert!(stderr(&refused).contains("NOT verified"), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("carepost contact verify gp.smit"), "{}", stderr(&refused));
}

#[test]
fn a_domain_without_matching_user_ids_is_an_error() {
    let cp = clinician();
    let nothing = publish(&cp, &cp.path("www"), &["--domain", "elders.example"]);
    assert_eq!(code(&nothing), 2, "{}", stderr(&nothing));
    assert!(stderr(&nothing).contains("elders.example"), "{}", stderr(&nothing));

    add_colleague(&cp, "gp.smit", &["Dr. B. Smit <b.smit@wijk.example>"], true, true);
    let outside = publish(&cp, &cp.path("www"), &["--contact", "gp.smit"]);
    assert_eq!(code(&outside), 2, "{}", stderr(&outside));
    assert!(stderr(&outside).contains("gp.smit"), "{}", stderr(&outside));

    for hostile in ["../../etc", "a/b", "x\u{1b}[31m.example", ""] {
        let bad = publish(&cp, &cp.path("www"), &["--domain", hostile]);
        assert_eq!(code(&bad), 2, "{hostile:?}: {}", stderr(&bad));
        assert!(!stderr(&bad).contains('\u{1b}'), "escape sequence reached the terminal");
    }
    assert!(!cp.path("www").join(".well-known").exists());
}

#[test]
fn two_keys_for_one_address_are_refused_naming_both() {
    let cp = clinician();
    add_colleague(&cp, "gp.doe", &["J. Doe <joe.doe@praktijk.example>"], true, true);
    let refused = publish(&cp, &cp.path("www"), &["--contact", "gp.doe"]);
    assert_eq!(code(&refused), 2, "{}", stderr(&refused));
    let text = stderr(&refused);
    assert!(text.contains("gp.doe") && text.contains("your own key"), "{text}");
}

#[test]
fn an_output_that_is_a_file_is_an_error() {
    let cp = clinician();
    let file = common::write(&cp, "not-a-folder", b"x");
    let failed = publish(&cp, &file, &[]);
    assert_eq!(code(&failed), 1, "{}", stderr(&failed));
    assert!(stderr(&failed).contains("not a folder"), "{}", stderr(&failed));
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn publishing_again_replaces_keys_and_leaves_other_files_alone() {
    let cp = clinician();
    let out = cp.path("www");
    ok_json(&publish(&cp, &out, &[]));
    let policy = out.join(format!(".well-known/openpgpkey/{DOMAIN}/policy"));
    std::fs::write(&policy, b"protocol-version: 5\n").unwrap();
    let other = out.join(".well-known/openpgpkey/hu/someone-elses-key");
    std::fs::write(&other, b"theirs").unwrap();
    let again = ok_json(&publish(&cp, &out, &[]));
    let written: Vec<&str> = again["written"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(written.len(), 2, "only the two key files: {written:?}");
    assert_eq!(std::fs::read(&policy).unwrap(), b"protocol-version: 5\n");
    assert_eq!(std::fs::read(&other).unwrap(), b"theirs");
    let leftovers: Vec<PathBuf> = std::fs::read_dir(out.join(".well-known/openpgpkey/hu"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let log = cp.cmd().args(["log"]).output().unwrap();
    assert_eq!(stdout(&log).matches("publish-wkd").count(), 2, "{}", stdout(&log));
}

/// How the namespaces can be made here: as root directly, otherwise with a
/// user namespace. `None` when the system forbids it (then the test fails
/// under CI and skips loudly elsewhere).
fn unshare_command() -> Option<Vec<&'static str>> {
    let mut base = vec!["unshare", "--mount", "--net"];
    // Root makes namespaces directly; anyone else through a user namespace.
    let uid = std::process::Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        base.push("--map-root-user");
    }
    let works = std::process::Command::new(base[0]).args(&base[1..]).arg("true").status().is_ok_and(|s| s.success());
    works.then_some(base)
}

/// Runs GnuPG's WKD lookup of `address` against `tree` in the namespaces;
/// returns (gpg's colon listing, the server's log and gpg's messages).
fn gnupg_locate(tree: &Path, address: &str, method: &str) -> Option<(String, String)> {
    let Some(unshare) = unshare_command() else {
        let why = "unshare cannot make mount and network namespaces here";
        if common::in_ci() {
            panic!("{why}; CI must allow it (.ci/run runs as root)");
        }
        eprintln!("SKIPPED: {why}; GnuPG's WKD lookup was not tested");
        return None;
    };
    let work = tempfile::tempdir().unwrap();
    let script = common::workspace_root().join("tests/servers/wkd_gnupg.sh");
    let out = std::process::Command::new("timeout")
        .arg("120")
        .args(&unshare)
        .arg("sh")
        .arg(script)
        .arg(tree)
        .arg(work.path().join("run"))
        .arg(address)
        .arg(method)
        .output()
        .unwrap();
    let (listing, log) = (stdout(&out), stderr(&out));
    assert!(out.status.success(), "gpg --locate-keys {address} ({method}) failed:\n{listing}\n{log}");
    Some((listing, log))
}

#[test]
#[cfg_attr(missing_wkd_peers, ignore = "needs gpg, dirmngr, unshare, mount, ip, openssl and python3")]
fn gnupg_finds_the_published_keys_over_https_by_both_methods() {
    let cp = clinician();
    let colleague =
        add_colleague(&cp, "gp.smit", &["Dr. B. Smit <B.Smit@praktijk.example>", "B <b@mail.example>"], true, true);
    let out = cp.path("www");
    ok_json(&publish(&cp, &out, &["--contact", "gp.smit"]));

    let Some((listing, log)) = gnupg_locate(&out, "Joe.Doe@praktijk.example", "advanced") else { return };
    assert!(listing.contains(&format!("fpr:::::::::{}:", cp.fingerprint())), "{listing}\n{log}");
    assert!(listing.contains("https\\x3a//openpgpkey.praktijk.example"), "found by the advanced method: {listing}");
    assert!(log.contains(&format!("GET /.well-known/openpgpkey/{DOMAIN}/hu/{JOE_DOE}?l=")), "{log}");

    // The colleague's key as GnuPG imports it: theirs, with only this domain's address.
    let Some((listing, log)) = gnupg_locate(&out, "b.smit@praktijk.example", "advanced") else { return };
    assert!(listing.contains(&format!("fpr:::::::::{}:", colleague.fingerprint().to_hex())), "{listing}\n{log}");
    assert!(listing.contains("<B.Smit@praktijk.example>") && !listing.contains("b@mail.example"), "{listing}");

    // No openpgpkey.DOMAIN host: GnuPG falls back to the direct method.
    let Some((listing, log)) = gnupg_locate(&out, "Joe.Doe@praktijk.example", "direct") else { return };
    assert!(listing.contains(&format!("fpr:::::::::{}:", cp.fingerprint())), "{listing}\n{log}");
    assert!(listing.contains("https\\x3a//praktijk.example:"), "found by the direct method: {listing}");
    assert!(log.contains(&format!("GET /.well-known/openpgpkey/hu/{JOE_DOE}?l=")), "{log}");
}
