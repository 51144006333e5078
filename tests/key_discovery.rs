//! `carepost contact find` and `contact sources` against a real HTTPS
//! server on loopback (tests/servers/keyserver.py) speaking WKD, VKS and
//! HKP, with a CA made by openssl for the test and host names pointed at
//! it by CAREPOST_RESOLVE.

mod common;

use common::keyserver::{available, Fault, KeyServer, Wkd};
use common::{code, stderr, stdout, Carepost, Gpg};
use std::time::{Duration, Instant};

const ADDRESS: &str = "p.jansen@example.org";

/// The clinician's home, and a patient's public key for `address`.
fn setup(address: &str) -> (Carepost, Vec<u8>, String) {
    let clinician = Carepost::with_identity("Dr. A. Peeters", "a.peeters@praktijk.example");
    let patient = Carepost::with_identity("P. Jansen", address);
    let cert = std::fs::read(patient.export_key()).unwrap();
    (clinician, cert, patient.fingerprint())
}

fn find(cp: &Carepost, server: &KeyServer, address: &str) -> std::process::Output {
    cp.cmd().envs(server.env()).args(["contact", "find", address]).output().unwrap()
}

fn grouped(hex: &str) -> String {
    carepost::fingerprint::hex_groups(hex)
}

#[test]
fn a_key_in_the_advanced_wkd_is_found_and_not_stored() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, cert, fpr) = setup(ADDRESS);
    server.publish_wkd(ADDRESS, &cert, Wkd::Advanced);
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Web Key Directory"), "{text}");
    assert!(text.contains(&grouped(&fpr)), "{text}");
    assert!(text.contains("carepost contact add ALIAS --email p.jansen@example.org"), "{text}");
    assert!(text.contains("contact verify"), "{text}");
    let json = cp.json(&["contact", "list"]);
    assert_eq!(json.as_array().map_or(0, Vec::len), 0, "find stores nothing: {json}");
    let out = cp.cmd().envs(server.env()).args(["--json", "contact", "find", ADDRESS]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["found"], true);
    assert_eq!(json["source"], "wkd");
    assert_eq!(json["fingerprint"], fpr.as_str());
    assert!(json["location"].as_str().unwrap().starts_with("https://openpgpkey.example.org/.well-known/"), "{json}");
}

#[test]
fn the_direct_wkd_is_asked_when_the_advanced_host_has_nothing() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, cert, fpr) = setup(ADDRESS);
    server.publish_wkd(ADDRESS, &cert, Wkd::Direct);
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(&grouped(&fpr)), "{text}");
    assert!(text.contains("https://example.org/.well-known/openpgpkey/hu/"), "{text}");
}

#[test]
fn keys_openpgp_org_answers_when_there_is_no_wkd() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, cert, fpr) = setup(ADDRESS);
    server.put_vks(ADDRESS, Some(&fpr), &cert);
    let out = cp.cmd().envs(server.env()).args(["--json", "contact", "find", ADDRESS]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"], "vks:https://keys.openpgp.org");
    let attempts = json["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 3, "{json}");
    assert_eq!(attempts[0]["outcome"], "not-found");
    assert_eq!(attempts[2]["outcome"], "found");
}

#[test]
fn a_configured_hkp_server_is_asked() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, cert, fpr) = setup(ADDRESS);
    server.put_hkp("keys.example.net", ADDRESS, &cert);
    let out = cp.cmd().args(["contact", "sources", "--set", "hkp:hkps://keys.example.net"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("hkp:hkps://keys.example.net"), "{}", stdout(&out));
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(&grouped(&fpr)));
    assert!(stdout(&out).contains("key server hkps://keys.example.net"), "{}", stdout(&out));
    let out = cp.cmd().args(["contact", "sources", "--set", "wkd,ldap://x"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn nothing_anywhere_names_every_source_and_exits_1() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, _, _) = setup(ADDRESS);
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("no key found for p.jansen@example.org"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(err.contains("https://openpgpkey.example.org/") && err.contains("https://example.org/"), "{err}");
    assert!(err.contains("keys.openpgp.org"), "{err}");
}

#[test]
fn several_keys_for_one_address_are_listed_not_picked() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, one, fpr_one) = setup(ADDRESS);
    let other = Carepost::with_identity("P. Jansen", ADDRESS);
    let mut both = one.clone();
    both.extend(std::fs::read(other.export_key()).unwrap());
    server.publish_wkd(ADDRESS, &both, Wkd::Advanced);
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&grouped(&fpr_one)) && err.contains(&grouped(&other.fingerprint())), "{err}");
}

#[test]
fn a_wkd_answer_for_another_address_is_refused() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, _, _) = setup(ADDRESS);
    let stranger = Carepost::with_identity("Someone Else", "else@example.com");
    server.publish_wkd(ADDRESS, &std::fs::read(stranger.export_key()).unwrap(), Wkd::Advanced);
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("has no user ID with the address p.jansen@example.org"), "{}", stderr(&out));
}

/// A fault on the advanced WKD path: refused, nothing stored, exit 4.
fn refused_by_fault(fault: Fault, words: &str) {
    let server = KeyServer::start();
    let (cp, cert, _) = setup(ADDRESS);
    server.publish_wkd(ADDRESS, &cert, Wkd::Advanced);
    server.fault(&KeyServer::wkd_paths(ADDRESS).0, fault);
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 4, "{fault:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(words), "{fault:?}: {}", stderr(&out));
}

#[test]
fn garbage_is_refused() {
    if available() {
        refused_by_fault(Fault::Garbage, "not an OpenPGP key");
    }
}

#[test]
fn a_huge_answer_is_cut_off_and_refused() {
    if available() {
        refused_by_fault(Fault::Huge, "larger than 1.0 MiB");
    }
}

#[test]
fn a_redirect_to_http_is_refused() {
    if available() {
        refused_by_fault(Fault::RedirectHttp, "not an encrypted (https://) address");
    }
}

#[test]
fn a_redirect_loop_is_refused() {
    if available() {
        refused_by_fault(Fault::RedirectLoop, "redirected too many times");
    }
}

#[test]
fn a_secret_key_is_refused_and_not_stored() {
    if !available() {
        return;
    }
    let Some(gpg) = Gpg::new() else {
        if common::in_ci() {
            common::missing_peer("gpg is needed");
        }
        return;
    };
    let server = KeyServer::start();
    let (cp, _, _) = setup(ADDRESS);
    let uid = format!("P. Jansen <{ADDRESS}>");
    gpg.generate(&uid, "ed25519", Some("cv25519"), "1y");
    server.publish_wkd(ADDRESS, &gpg.export_secret_binary(&uid), Wkd::Advanced);
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).to_lowercase().contains("secret"), "{}", stderr(&out));
    let json = cp.json(&["contact", "list"]);
    assert_eq!(json.as_array().map_or(0, Vec::len), 0, "{json}");
}

#[test]
fn a_revoked_key_is_refused_as_contact_add_refuses_it() {
    if !available() {
        return;
    }
    let Some(gpg) = Gpg::new() else {
        if common::in_ci() {
            common::missing_peer("gpg is needed");
        }
        return;
    };
    let server = KeyServer::start();
    let (cp, _, _) = setup(ADDRESS);
    let uid = format!("P. Jansen <{ADDRESS}>");
    let fpr = gpg.generate(&uid, "ed25519", Some("cv25519"), "1y");
    gpg.revoke(&fpr);
    server.publish_wkd(ADDRESS, &gpg.export_binary(&uid), Wkd::Advanced);
    let key_file = cp.path("revoked.pgp");
    std::fs::write(&key_file, gpg.export_binary(&uid)).unwrap();
    let add = cp.cmd().args(["contact", "add", "p-1", "--key-file"]).arg(&key_file).output().unwrap();
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    let reason = stderr(&add).lines().next().unwrap_or_default().trim_start_matches("error: ").to_owned();
    assert!(stderr(&out).contains("revoked"), "{}\n(contact add said: {reason})", stderr(&out));
}

#[test]
fn a_slow_server_times_out_within_the_bound() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, _, _) = setup(ADDRESS);
    server.fault(&KeyServer::wkd_paths(ADDRESS).0, Fault::Slow);
    server.fault(&KeyServer::wkd_paths(ADDRESS).1, Fault::Slow);
    server.fault(&format!("keys.openpgp.org/vks/v1/by-email/{ADDRESS}"), Fault::Slow);
    let started = Instant::now();
    let out = cp
        .cmd()
        .envs(server.env())
        .env("CAREPOST_NET_TIMEOUT_MS", "800")
        .args(["contact", "find", ADDRESS])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("did not answer within"), "{}", stderr(&out));
}

#[test]
fn a_server_that_is_down_is_named() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, _, _) = setup(ADDRESS);
    // A port nobody listens on.
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let resolve = common::keyserver::HOSTS.iter().map(|h| format!("{h}={dead}")).collect::<Vec<_>>().join(",");
    let out = cp
        .cmd()
        .envs(server.env())
        .env("CAREPOST_RESOLVE", resolve)
        .args(["contact", "find", ADDRESS])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("keys.openpgp.org") && err.contains("failed"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
}

#[test]
fn a_dead_proxy_fails_lookups_but_no_proxy_goes_direct() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, cert, _) = setup(ADDRESS);
    server.put_vks(ADDRESS, None, &cert);
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let proxy = format!("http://{dead}");
    let out =
        cp.cmd().envs(server.env()).env("HTTPS_PROXY", &proxy).args(["contact", "find", ADDRESS]).output().unwrap();
    assert_eq!(code(&out), 1, "through a dead proxy: {}", stderr(&out));
    let out = cp
        .cmd()
        .envs(server.env())
        .env("HTTPS_PROXY", &proxy)
        .env("NO_PROXY", "example.org,openpgpkey.example.org,keys.openpgp.org")
        .args(["contact", "find", ADDRESS])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "NO_PROXY goes direct: {}", stderr(&out));
}

#[test]
fn user_ids_from_a_server_are_shown_escaped() {
    if !available() {
        return;
    }
    let Some(gpg) = Gpg::new() else {
        if common::in_ci() {
            common::missing_peer("gpg is needed");
        }
        return;
    };
    let server = KeyServer::start();
    let (cp, _, _) = setup(ADDRESS);
    let uid = format!("P. Jansen <{ADDRESS}>");
    let fpr = gpg.generate(&uid, "ed25519", Some("cv25519"), "1y");
    gpg.run(&["--quick-add-uid", &fpr, "Evil \u{1b}[2J\u{1b}[31mred"]);
    server.publish_wkd(ADDRESS, &gpg.export_binary(&uid), Wkd::Advanced);
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!stdout(&out).contains('\u{1b}'), "{:?}", stdout(&out));
    assert!(stdout(&out).contains("Evil"), "{:?}", stdout(&out));
}

/// GnuPG's own WKD publisher, where Debian puts it (not on PATH).
fn gpg_wks_client() -> Option<std::path::PathBuf> {
    ["/usr/lib/gnupg/gpg-wks-client", "/usr/libexec/gpg-wks-client"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists())
        .or_else(|| common::have_peer("gpg-wks-client").then(|| "gpg-wks-client".into()))
}

#[test]
fn a_tree_published_by_gnupg_is_found() {
    if !available() {
        return;
    }
    let (Some(gpg), Some(wks)) = (Gpg::new(), gpg_wks_client()) else {
        if common::in_ci() {
            common::missing_peer("gpg and gpg-wks-client are needed");
        }
        eprintln!("SKIPPED: gpg or gpg-wks-client is missing");
        return;
    };
    let server = KeyServer::start();
    let (cp, _, _) = setup(ADDRESS);
    let uid = format!("P. Jansen <{ADDRESS}>");
    let fpr = gpg.generate(&uid, "ed25519", Some("cv25519"), "1y");
    let dir = server.root_of("openpgpkey.example.org").join(".well-known/openpgpkey");
    std::fs::create_dir_all(&dir).unwrap();
    let out = std::process::Command::new(wks)
        .env("GNUPGHOME", gpg.home())
        .arg("--directory")
        .arg(&dir)
        .args(["--install-key", &fpr, ADDRESS])
        .output()
        .unwrap();
    assert!(out.status.success(), "gpg-wks-client: {}", String::from_utf8_lossy(&out.stderr));
    let out = find(&cp, &server, ADDRESS);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(&grouped(&fpr)), "{}", stdout(&out));
    assert!(stdout(&out).contains("openpgpkey.example.org"), "{}", stdout(&out));
}
