//! `carepost publish keyserver` against the loopback Verifying Key Server
//! (tests/servers/keyserver.py): what is uploaded, the request for
//! confirmation emails, and the refusals.

mod common;

use common::keyserver::{available, KeyServer};
use common::{code, stderr, stdout, Carepost};
use sequoia_openpgp::parse::Parse;
use sequoia_openpgp::Cert;

const ADDRESS: &str = "a.peeters@praktijk.example";

fn clinician() -> (Carepost, String) {
    let cp = Carepost::with_identity("Dr. A. Peeters", ADDRESS);
    let fpr = cp.fingerprint();
    (cp, fpr)
}

#[test]
fn the_own_public_key_is_uploaded_and_a_confirmation_email_is_asked_for() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, fpr) = clinician();
    server.upload_answer(&serde_json::json!({
        "key_fpr": fpr.to_uppercase(), "status": { ADDRESS: "unpublished" }, "token": "tok-1"
    }));
    server.verify_answer(&serde_json::json!({ "key_fpr": fpr.to_uppercase(), "status": { ADDRESS: "pending" } }));
    let out = cp.cmd().envs(server.env()).args(["publish", "keyserver"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("keys.openpgp.org"), "{text}");
    assert!(text.contains(&carepost::fingerprint::hex_groups(&fpr)), "{text}");
    assert!(text.contains("confirmation email"), "{text}");
    assert!(text.contains(ADDRESS), "{text}");

    let posts = server.uploads();
    assert_eq!(posts.len(), 2, "{posts:?}");
    assert_eq!(posts[0]["path"], "/vks/v1/upload");
    let keytext = posts[0]["body"]["keytext"].as_str().unwrap();
    let uploaded = Cert::from_bytes(keytext.as_bytes()).unwrap();
    assert_eq!(uploaded.fingerprint().to_hex(), fpr);
    assert!(!uploaded.is_tsk(), "no secret key material leaves the home");
    assert!(!keytext.contains("PRIVATE KEY"), "{keytext}");
    assert_eq!(posts[1]["path"], "/vks/v1/request-verify");
    assert_eq!(posts[1]["body"]["token"], "tok-1");
    assert_eq!(posts[1]["body"]["addresses"], serde_json::json!([ADDRESS]));

    let log = cp.json(&["log"]);
    assert!(log.to_string().contains("publish-keyserver"), "{log}");
}

#[test]
fn the_json_result_says_each_addresss_state() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, fpr) = clinician();
    server.upload_answer(&serde_json::json!({
        "key_fpr": fpr.to_uppercase(), "status": { ADDRESS: "unpublished" }, "token": "tok-2"
    }));
    server.verify_answer(&serde_json::json!({ "status": { ADDRESS: "pending" } }));
    let out = cp.cmd().envs(server.env()).args(["--json", "publish", "keyserver"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["fingerprint"], fpr.as_str());
    assert_eq!(json["server"], "https://keys.openpgp.org");
    assert_eq!(json["addresses"][0]["address"], ADDRESS);
    assert_eq!(json["addresses"][0]["status"], "pending");
    assert_eq!(json["addresses"][0]["confirmation_requested"], true);
}

#[test]
fn an_address_already_published_needs_no_confirmation() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, fpr) = clinician();
    server.upload_answer(&serde_json::json!({
        "key_fpr": fpr.to_uppercase(), "status": { ADDRESS: "published" }, "token": "tok-3"
    }));
    let out = cp.cmd().envs(server.env()).args(["publish", "keyserver"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("No confirmation is needed"), "{}", stdout(&out));
    assert_eq!(server.uploads().len(), 1, "no request for confirmation emails");
}

#[test]
fn a_server_that_read_another_key_is_an_error() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, _) = clinician();
    server.upload_answer(&serde_json::json!({
        "key_fpr": "0123456789ABCDEF0123456789ABCDEF01234567", "status": {}, "token": "t"
    }));
    let out = cp.cmd().envs(server.env()).args(["publish", "keyserver"]).output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("keys.openpgp.org"), "{}", stderr(&out));
}

#[test]
fn a_plain_http_server_and_a_server_that_is_down_are_refused() {
    if !available() {
        return;
    }
    let server = KeyServer::start();
    let (cp, _) = clinician();
    let out = cp
        .cmd()
        .envs(server.env())
        .args(["publish", "keyserver", "--server", "http://keys.example.net"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(server.uploads().is_empty());
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = dead.local_addr().unwrap().port();
    drop(dead);
    let out = cp
        .cmd()
        .envs(server.env())
        .env("CAREPOST_RESOLVE", format!("keys.openpgp.org=127.0.0.1:{port}"))
        .args(["publish", "keyserver"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("keys.openpgp.org"), "{}", stderr(&out));
}
