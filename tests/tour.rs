//! `carepost tour`, the README's main job: a whole exchange with real
//! cryptography that leaves nothing behind and touches no real home.

use assert_cmd::Command;
use predicates::prelude::*;

#[test]
fn the_tour_completes_and_touches_nothing_of_the_user() {
    let user = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    Command::cargo_bin("carepost")
        .unwrap()
        .env_clear()
        .env("HOME", user.path())
        .env("XDG_DATA_HOME", user.path().join("data"))
        .env("TMPDIR", scratch.path())
        .env("CAREPOST_LANG", "en")
        .arg("tour")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Tour complete")
                .and(predicate::str::contains("not verified"))
                .and(predicate::str::contains("changed, damaged")),
        );
    assert_eq!(std::fs::read_dir(user.path()).unwrap().count(), 0, "the tour wrote into the user's home");
    assert_eq!(std::fs::read_dir(scratch.path()).unwrap().count(), 0, "the tour left its temporary folder behind");
}

#[test]
fn the_tour_reports_its_steps_as_json() {
    let scratch = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("carepost")
        .unwrap()
        .env("TMPDIR", scratch.path())
        .args(["tour", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["steps"].as_array().unwrap().len(), 7);
}

#[test]
fn the_tours_sample_letter_is_in_the_users_language() {
    let scratch = tempfile::tempdir().unwrap();
    let run = |lang: &str| {
        let out = Command::cargo_bin("carepost")
            .unwrap()
            .env_clear()
            .env("TMPDIR", scratch.path())
            .env("CAREPOST_LANG", lang)
            .arg("tour")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    // The opened letter is named in the step that opens it.
    assert!(run("nl").contains("\"consultbrief-de-vries.txt\""));
    assert!(run("en").contains("\"consult-letter-de-vries.txt\""));
}
