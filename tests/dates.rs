//! Dates people read are local and in their language; JSON keeps RFC 3339
//! UTC. Driven through the real binary with a fixed clock and `TZ`.

mod common;

use common::{code, ok_json, stderr, stdout, Carepost};

/// 16 December 2026, 16:25 UTC: 17:25 in Amsterdam and Brussels.
const VERIFIED_AT: &str = "2026-12-16T16:25:11Z";
/// When the contact is looked at: a verification is only one once made.
const LATER: &str = "2026-12-17T09:00:00Z";

fn verified_contact() -> Carepost {
    let clinician = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let patient = Carepost::with_identity("P. de Vries", "p.devries@example.org");
    clinician.cmd().args(["contact", "add", "p-0042", "--key-file"]).arg(patient.export_key()).assert().success();
    clinician
        .cmd()
        .env("CAREPOST_TEST_NOW", VERIFIED_AT)
        .args(["contact", "verify", "p-0042", "--fingerprint", &patient.fingerprint()])
        .assert()
        .success();
    clinician
}

fn show(cp: &Carepost, lang: &str, tz: &str) -> String {
    let out = cp
        .cmd()
        .env("CAREPOST_TEST_NOW", LATER)
        .env("CAREPOST_LANG", lang)
        .env("TZ", tz)
        .args(["contact", "show", "p-0042"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn contact_show_gives_the_verification_in_local_time_and_the_users_language() {
    let cp = verified_contact();
    assert!(
        show(&cp, "en", "Europe/Amsterdam").contains("16 Dec 2026, 17:25"),
        "{}",
        show(&cp, "en", "Europe/Amsterdam")
    );
    assert!(
        show(&cp, "nl", "Europe/Amsterdam").contains("16 dec. 2026, 17:25"),
        "{}",
        show(&cp, "nl", "Europe/Amsterdam")
    );
    assert!(
        show(&cp, "nl_BE.UTF-8", "Europe/Brussels").contains("16 dec. 2026, 17:25"),
        "{}",
        show(&cp, "nl_BE.UTF-8", "Europe/Brussels")
    );
    assert!(show(&cp, "en", "UTC").contains("16 Dec 2026, 16:25"), "{}", show(&cp, "en", "UTC"));
}

#[test]
fn json_keeps_rfc_3339_utc_whatever_the_time_zone() {
    let cp = verified_contact();
    let out = cp
        .cmd()
        .env("CAREPOST_TEST_NOW", LATER)
        .env("CAREPOST_LANG", "nl")
        .env("TZ", "Europe/Amsterdam")
        .args(["--json", "contact", "show", "p-0042"])
        .output()
        .unwrap();
    let json = ok_json(&out);
    assert_eq!(json["verified_at"], VERIFIED_AT, "{json}");
}
