//! `revoke` and the revocation certificate `init` writes, through the real
//! binary and the peers that must honour them (gpg, sq, another carepost).

mod common;

use common::{code, ok_json, stderr, Carepost, Gpg};
use std::path::{Path, PathBuf};

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn gpg() -> Gpg {
    Gpg::new().unwrap_or_else(|| common::missing_peer("gpg is needed to check that it honours the revocation"))
}

/// Whether gpg lists the key `fingerprint` as revoked (validity `r`).
fn gpg_says_revoked(gpg: &Gpg, fingerprint: &str) -> bool {
    let out = String::from_utf8(gpg.run(&["--with-colons", "--list-keys", fingerprint])).unwrap();
    out.lines().find(|l| l.starts_with("pub:")).is_some_and(|l| l.split(':').nth(1) == Some("r"))
}

/// `gpg --encrypt -r fingerprint`: its exit status.
fn gpg_encrypts_to(gpg: &Gpg, fingerprint: &str) -> bool {
    let out = gpg.run_raw(&["--trust-model", "always", "--armor", "--encrypt", "-r", fingerprint], Some(b"letter"));
    out.status.success()
}

fn revoke(cp: &Carepost, reason: &str) -> serde_json::Value {
    ok_json(&cp.cmd().args(["--json", "revoke", "--reason", reason, "--yes"]).output().unwrap())
}

fn fresh_dir(cp: &Carepost, name: &str) -> PathBuf {
    let dir = cp.path(name);
    std::fs::create_dir(&dir).unwrap();
    dir
}

/// Sends `path` from `from` to `alias`; returns the sealed file.
fn send(from: &Carepost, path: &Path, alias: &str) -> PathBuf {
    let dir = tempfile::tempdir_in(from.dir.path()).unwrap().keep();
    let json = ok_json(&from.cmd().args(["--json", "send", s(path), "--to", alias, "-o", s(&dir)]).output().unwrap());
    PathBuf::from(json["outputs"][0]["output"].as_str().unwrap())
}

#[test]
fn the_init_revocation_file_imports_into_gpg_and_sq_and_revokes_the_key() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let fingerprint = cp.fingerprint();
    let revocation = cp.home.join("identity").join("revocation.asc");
    let text = std::fs::read_to_string(&revocation).unwrap();
    assert!(text.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"), "{text}");

    let gpg = gpg();
    gpg.import(&cp.export_key());
    assert!(!gpg_says_revoked(&gpg, &fingerprint));
    assert!(gpg_encrypts_to(&gpg, &fingerprint));
    gpg.import(&revocation);
    assert!(gpg_says_revoked(&gpg, &fingerprint));
    assert!(!gpg_encrypts_to(&gpg, &fingerprint), "gpg still encrypts to a revoked key");

    // On its own too: the file holds the certificate, not only a signature.
    let alone = gpg_home_with(&revocation);
    assert!(gpg_says_revoked(&alone, &fingerprint));

    if !common::have_peer("sq") {
        common::missing_peer("sq is needed to check that it reads the revocation");
    }
    let out = std::process::Command::new("sq").args(["inspect", s(&revocation)]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let inspected = String::from_utf8_lossy(&out.stdout);
    assert!(inspected.contains(&fingerprint) && inspected.contains("Revoked"), "{inspected}");
    // init points it out.
    let other = Carepost::new();
    let out = other.cmd().args(["init", "--name", "B", "--email", "b@example.org"]).output().unwrap();
    let said = common::stdout(&out);
    assert!(said.contains("revocation.asc") && said.contains("away from this computer"), "{said}");
}

fn gpg_home_with(path: &Path) -> Gpg {
    let gpg = gpg();
    gpg.import(path);
    gpg
}

#[test]
fn after_revoke_export_key_carries_the_revocation_and_gpg_refuses_to_encrypt() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let fingerprint = cp.fingerprint();
    let gpg = gpg();
    gpg.import(&cp.export_key());
    assert!(gpg_encrypts_to(&gpg, &fingerprint));

    let done = revoke(&cp, "compromised");
    assert_eq!(done["reason"], "compromised");
    assert_eq!(done["revocation"], "new");
    assert_eq!(done["already"], false);
    let public = PathBuf::from(done["public_key"].as_str().unwrap());
    assert!(public.exists());

    let exported = cp.path("after.asc");
    cp.cmd().args(["export-key", "-o", s(&exported)]).assert().success();
    gpg.import(&exported);
    assert!(gpg_says_revoked(&gpg, &fingerprint));
    assert!(!gpg_encrypts_to(&gpg, &fingerprint), "gpg still encrypts to the revoked key");
    // The file revoke wrote does the same for someone who has the old key.
    let other = gpg_home_with(&cp.path("my-key.asc"));
    other.import(&public);
    assert!(gpg_says_revoked(&other, &fingerprint));

    // whoami and status say so.
    let me = cp.json(&["whoami"]);
    assert_eq!(me["revoked"], "compromised");
    assert_eq!(cp.json(&["status"])["identity_revoked"], "compromised");
    let out = cp.cmd().arg("whoami").output().unwrap();
    assert!(common::stdout(&out).contains("init --replace"), "{}", common::stdout(&out));

    // Again: nothing changes, it says it was revoked already.
    let again = revoke(&cp, "retired");
    assert_eq!(again["already"], true);
    assert_eq!(again["reason"], "compromised");
}

#[test]
fn after_revoke_sends_are_refused_with_exit_3_and_old_documents_still_open() {
    let (clinician, patient) = common::pair();
    let letter = common::write(&patient, "question.txt", b"Is the result in?");
    let to_clinician = send(&patient, &letter, "dr-jansen");

    revoke(&clinician, "superseded");

    let reply = common::write(&clinician, "reply.txt", b"Yes, all normal.");
    let out = clinician.cmd().args(["send", s(&reply), "--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("revoked") && said.contains("init --replace"), "{said}");
    let out = clinician.cmd().args(["--json", "send", s(&reply), "--to", "p-0042"]).output().unwrap();
    assert_eq!(code(&out), 3);
    assert!(std::fs::read_dir(clinician.home.join("outbox")).map(|d| d.count()).unwrap_or(0) == 0);

    let inbox = fresh_dir(&clinician, "inbox");
    let opened = clinician.json(&["open", s(&to_clinician), "-o", s(&inbox)]);
    let saved = PathBuf::from(opened["output"].as_str().unwrap_or_else(|| panic!("{opened}")));
    assert_eq!(std::fs::read(saved).unwrap(), b"Is the result in?");

    // The log holds the revocation with its reason, never the message.
    let out = clinician.cmd().args(["log", "--check"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let log = std::fs::read_to_string(clinician.home.join("audit.log")).unwrap_or_else(|_| audit_text(&clinician));
    assert!(log.contains("\"revoke\"") && log.contains("superseded"), "{log}");
}

fn audit_text(cp: &Carepost) -> String {
    common::stdout(&cp.cmd().args(["--json", "log"]).output().unwrap())
}

#[test]
fn the_message_goes_into_the_revocation_and_not_into_the_log() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let out = cp
        .cmd()
        .args(["--json", "revoke", "--reason", "retired", "--message", "Praktijk Jansen closed", "--yes"])
        .output()
        .unwrap();
    let done = ok_json(&out);
    let public = std::fs::read_to_string(done["public_key"].as_str().unwrap()).unwrap();
    assert!(public.contains("BEGIN PGP PUBLIC KEY BLOCK"));
    if common::have_peer("sq") {
        let out =
            std::process::Command::new("sq").args(["inspect", done["public_key"].as_str().unwrap()]).output().unwrap();
        let inspected = String::from_utf8_lossy(&out.stdout);
        assert!(inspected.contains("Praktijk Jansen closed"), "{inspected}");
    }
    assert!(!audit_text(&cp).contains("Jansen closed"));
}

#[test]
fn a_contact_who_updates_to_the_revoked_key_is_refused_loudly() {
    let (clinician, patient) = common::pair();
    let done = revoke(&clinician, "compromised");
    let revoked_key = done["public_key"].as_str().unwrap().to_owned();

    let out = patient.cmd().args(["contact", "update", "dr-jansen", "--key-file", &revoked_key]).output().unwrap();
    let said = stderr(&out);
    assert!(said.to_uppercase().contains("REVOKED"), "exit {}: {said}", code(&out));
    let question = common::write(&patient, "q.txt", b"Are you still there?");
    let out = patient.cmd().args(["send", s(&question), "--to", "dr-jansen"]).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).to_lowercase().contains("revoked"), "{}", stderr(&out));
}

#[test]
fn revoke_without_the_passphrase_uses_the_revocation_made_at_init() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let fingerprint = cp.fingerprint();
    let public = cp.export_key();
    let out = cp.bare_cmd().args(["--json", "revoke", "--reason", "compromised", "--yes"]).output().unwrap();
    let done = ok_json(&out);
    assert_eq!(done["revocation"], "init");
    assert_eq!(done["reason"], "unspecified");
    assert!(stderr(&out).contains("could not be unlocked"), "{}", stderr(&out));
    assert_eq!(cp.json(&["whoami"])["revoked"], "unspecified");

    let gpg = gpg_home_with(&public);
    gpg.import(Path::new(done["public_key"].as_str().unwrap()));
    assert!(gpg_says_revoked(&gpg, &fingerprint));
    assert!(cp.cmd().args(["log", "--check"]).output().unwrap().status.success());
}

#[test]
fn revoke_without_passphrase_and_a_damaged_or_foreign_init_file_changes_nothing() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let key = cp.home.join("identity").join("key.pgp");
    let before = std::fs::read(&key).unwrap();
    let revocation = cp.home.join("identity").join("revocation.asc");

    // Someone else's revocation certificate.
    let other = Carepost::with_identity("B", "b@example.org");
    std::fs::copy(other.home.join("identity").join("revocation.asc"), &revocation).unwrap();
    let out = cp.bare_cmd().args(["revoke", "--reason", "compromised", "--yes"]).output().unwrap();
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(stderr(&out).contains("does not revoke this key"), "{}", stderr(&out));

    // Cut short.
    let text = std::fs::read(other.home.join("identity").join("revocation.asc")).unwrap();
    std::fs::write(&revocation, &text[..text.len() / 2]).unwrap();
    let out = cp.bare_cmd().args(["revoke", "--reason", "compromised", "--yes"]).output().unwrap();
    assert_eq!(code(&out), 5, "{}", stderr(&out));

    // Gone.
    std::fs::remove_file(&revocation).unwrap();
    let out = cp.bare_cmd().args(["revoke", "--reason", "compromised", "--yes"]).output().unwrap();
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(stderr(&out).contains("revocation.asc"), "{}", stderr(&out));

    assert_eq!(std::fs::read(&key).unwrap(), before);
    assert!(cp.json(&["whoami"])["revoked"].is_null());
    assert!(!cp.home.join("identity").join("revoked-public-key.asc").exists());
}

#[test]
fn revoke_asks_first_and_without_a_terminal_needs_yes() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let out = cp.cmd().args(["revoke", "--reason", "retired"]).output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert!(cp.json(&["whoami"])["revoked"].is_null());

    // -o never overwrites a file.
    let taken = common::write(&cp, "taken.asc", b"mine");
    let out = cp.cmd().args(["revoke", "--reason", "retired", "--yes", "-o", s(&taken)]).output().unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&taken).unwrap(), b"mine");
    assert!(cp.json(&["whoami"])["revoked"].is_null());

    let out = cp.cmd().args(["revoke", "--reason", "lost"]).output().unwrap();
    assert_eq!(code(&out), 2);
}

#[test]
fn init_replace_is_refused_while_the_key_is_not_revoked() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let before = cp.fingerprint();
    let out =
        cp.cmd().args(["init", "--replace", "--name", "Dr. A. Jansen", "--email", "a@example.org"]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("carepost revoke --reason superseded"), "{}", stderr(&out));
    assert_eq!(cp.fingerprint(), before);
    assert!(!cp.home.join("identity").join("previous").exists());
    // Without --replace, init still refuses an existing identity.
    let out = cp.cmd().args(["init", "--name", "X", "--email", "x@example.org"]).output().unwrap();
    assert!(!out.status.success());
}

fn replace(cp: &Carepost) -> serde_json::Value {
    let args = ["--json", "init", "--replace", "--name", "Dr. A. Jansen", "--email", "a.jansen@praktijk.example"];
    ok_json(&cp.cmd().args(args).output().unwrap())
}

/// The fingerprints gpg reports a good signature from, in `gpg --verify`'s
/// machine-readable status.
fn good_signatures(gpg: &Gpg, path: &Path) -> Vec<String> {
    let out = gpg.run_raw(&["--status-fd", "1", "--verify", s(path)], None);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("[GNUPG:] VALIDSIG "))
        .filter_map(|rest| rest.split(' ').next().map(str::to_owned))
        .collect()
}

#[test]
fn init_replace_keeps_contacts_verified_old_documents_open_and_the_log_checks() {
    let (clinician, patient) = common::pair();
    let old_fingerprint = clinician.fingerprint();
    let old_public = clinician.export_key();
    let question = common::write(&patient, "question.txt", b"Is the result in?");
    let to_old_key = send(&patient, &question, "dr-jansen");

    revoke(&clinician, "superseded");
    let done = replace(&clinician);
    let new_fingerprint = clinician.fingerprint();
    assert_ne!(new_fingerprint, old_fingerprint);
    assert_eq!(done["fingerprint"], new_fingerprint.as_str());
    assert_eq!(done["old_fingerprint"], old_fingerprint.as_str());
    assert_eq!(done["verified_again"], serde_json::json!(["p-0042"]));
    assert_eq!(done["old_key_with_new_passphrase"], true);
    assert!(clinician.home.join("identity").join("previous").join(format!("{old_fingerprint}.pgp")).exists());
    assert!(clinician.json(&["whoami"])["revoked"].is_null());

    // The contact is kept, and still verified: by the new key now.
    let contacts = clinician.json(&["contact", "list"]);
    let p = &contacts["contacts"][0];
    assert_eq!(p["alias"], "p-0042");
    assert_eq!(p["verified"], true, "{contacts}");

    // Documents sent to the old key still open.
    let inbox = fresh_dir(&clinician, "inbox");
    let opened = clinician.json(&["open", s(&to_old_key), "-o", s(&inbox)]);
    assert_eq!(std::fs::read(opened["output"].as_str().unwrap()).unwrap(), b"Is the result in?");

    // Sending works again, signed by the new key; the patient's carepost
    // takes the new key (not verified until checked), then verifies it,
    // and the signature is verified.
    let reply = common::write(&clinician, "reply.txt", b"Yes, all normal.");
    let to_patient = send(&clinician, &reply, "p-0042");
    let new_public = clinician.path("new-key.asc");
    clinician.cmd().args(["export-key", "-o", s(&new_public)]).assert().success();
    patient.cmd().args(["contact", "update", "dr-jansen", "--key-file", s(&new_public)]).assert().success();
    patient.cmd().args(["contact", "verify", "dr-jansen", "--fingerprint", &new_fingerprint]).assert().success();
    let patient_inbox = fresh_dir(&patient, "inbox");
    let out = patient.cmd().args(["--json", "open", s(&to_patient), "-o", s(&patient_inbox)]).output().unwrap();
    assert!(out.status.success(), "old {old_fingerprint} new {new_fingerprint}: {}", stderr(&out));
    let opened = ok_json(&out);
    assert_eq!(opened["sender"]["status"], "verified", "{opened}");
    assert_eq!(opened["sender"]["fingerprint"], new_fingerprint.as_str());

    // The transition statement carries a good signature by each key.
    let statement = PathBuf::from(done["transition"].as_str().expect("a transition statement"));
    let text = std::fs::read_to_string(&statement).unwrap();
    assert!(text.contains("BEGIN PGP SIGNED MESSAGE") && text.contains("Reason: superseded"), "{text}");
    let gpg = gpg();
    gpg.import(&old_public);
    gpg.import(&new_public);
    let mut signers = good_signatures(&gpg, &statement);
    signers.sort();
    let mut expected = vec![old_fingerprint.clone(), new_fingerprint.clone()];
    expected.sort();
    assert_eq!(signers, expected);
    // Altered, it verifies for neither.
    let forged = common::write(&clinician, "forged.asc", text.replace("superseded", "compromised").as_bytes());
    assert!(good_signatures(&gpg, &forged).is_empty());

    // The log checks across the change, with checkpoints by both keys.
    let check = clinician.json(&["log", "--check"]);
    assert_eq!(check["intact"], true, "{check}");
    assert_eq!(check["unsigned_records"], 0, "{check}");
    let log = audit_text(&clinician);
    assert!(log.contains("key-replace") && log.contains(&old_fingerprint), "{log}");
    let checkpoints = std::fs::read_to_string(clinician.home.join("audit.log")).unwrap();
    assert!(checkpoints.lines().filter(|l| l.contains("\"signature\":\"")).count() >= 2, "{checkpoints}");
}

#[test]
fn after_a_compromise_no_statement_is_signed_and_contacts_verify_by_phone() {
    let (clinician, _patient) = common::pair();
    revoke(&clinician, "compromised");
    let out = clinician
        .cmd()
        .args(["init", "--replace", "--name", "Dr. A. Jansen", "--email", "a.jansen@praktijk.example"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let said = common::stdout(&out);
    assert!(said.contains("by phone"), "{said}");
    let identity = clinician.home.join("identity");
    assert!(!std::fs::read_dir(&identity).unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("transition-")));
    // The new revocation certificate is the new key's.
    let gpg = gpg();
    gpg.import(&identity.join("revocation.asc"));
    assert!(gpg_says_revoked(&gpg, &clinician.fingerprint()));
    assert!(clinician.cmd().args(["log", "--check"]).output().unwrap().status.success());
}

/// Homes made before revocation certificates were public key blocks hold a
/// bare armored signature: `revoke` without the passphrase uses that too.
#[test]
fn an_older_homes_bare_revocation_signature_is_used() {
    use openpgp::parse::Parse;
    use sequoia_openpgp as openpgp;
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let path = cp.home.join("identity").join("revocation.asc");
    let cert = openpgp::Cert::from_file(&path).unwrap();
    let signature = cert.primary_key().self_revocations().next().expect("a revocation").clone();
    let mut w = openpgp::armor::Writer::new(Vec::new(), openpgp::armor::Kind::Signature).unwrap();
    openpgp::serialize::Serialize::serialize(&openpgp::Packet::from(signature), &mut w).unwrap();
    std::fs::write(&path, w.finalize().unwrap()).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("-----BEGIN PGP SIGNATURE-----"));

    let done = ok_json(&cp.bare_cmd().args(["--json", "revoke", "--reason", "compromised", "--yes"]).output().unwrap());
    assert_eq!(done["revocation"], "init");
    assert_eq!(cp.json(&["whoami"])["revoked"], "unspecified");
    // The email forms are refused like the file form.
    let letter = common::write(&cp, "letter.txt", b"Dear colleague");
    let out = cp.cmd().args(["send", s(&letter), "--to", "nobody", "--eml", s(&cp.path("out.eml"))]).output().unwrap();
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(!cp.path("out.eml").exists());
}

/// Four years on, the key has expired; it can still be revoked with the
/// reason given, and its revocation still reaches gpg.
#[test]
fn an_expired_key_is_revoked_with_its_reason() {
    let cp = Carepost::with_identity("Dr. A. Jansen", "a.jansen@praktijk.example");
    let fingerprint = cp.fingerprint();
    let public = cp.export_key();
    let later = (chrono::Utc::now() + chrono::Duration::days(4 * 365)).to_rfc3339();
    let out = cp
        .cmd()
        .env("CAREPOST_TEST_NOW", &later)
        .args(["--json", "revoke", "--reason", "compromised", "--yes"])
        .output()
        .unwrap();
    let done = ok_json(&out);
    assert_eq!(done["revocation"], "new", "{}", stderr(&out));
    assert_eq!(done["reason"], "compromised");
    let gpg = gpg_home_with(&public);
    gpg.import(Path::new(done["public_key"].as_str().unwrap()));
    assert!(gpg_says_revoked(&gpg, &fingerprint));
}

#[test]
fn a_contact_accepts_the_new_key_with_the_transition_statement_and_stays_verified() {
    let (clinician, patient) = common::pair();
    let old_fingerprint = clinician.fingerprint();
    revoke(&clinician, "superseded");
    let done = replace(&clinician);
    let new_fingerprint = clinician.fingerprint();
    let statement = PathBuf::from(done["transition"].as_str().unwrap());
    let new_public = clinician.path("new-key.asc");
    clinician.cmd().args(["export-key", "-o", s(&new_public)]).assert().success();
    let dr = |cp: &Carepost| cp.json(&["contact", "show", "dr-jansen"]);

    // Altered: refused, nothing changed.
    let text = std::fs::read_to_string(&statement).unwrap();
    let forged =
        common::write(&patient, "forged.asc", text.replace("Reason: superseded", "Reason: retired").as_bytes());
    let update = |file: &Path| {
        patient
            .cmd()
            .args(["contact", "update", "dr-jansen", "--key-file", s(&new_public), "--transition", s(file)])
            .output()
            .unwrap()
    };
    let out = update(&forged);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("Nothing was changed"), "{}", stderr(&out));
    assert_eq!(dr(&patient)["fingerprint"], old_fingerprint.as_str());
    // Not a statement at all.
    let out = update(&new_public);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert_eq!(dr(&patient)["fingerprint"], old_fingerprint.as_str());

    // Another pair's genuine statement does not vouch for this key.
    let (other, _) = common::pair();
    revoke(&other, "superseded");
    let other_done = replace(&other);
    let out = update(Path::new(other_done["transition"].as_str().unwrap()));
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert_eq!(dr(&patient)["fingerprint"], old_fingerprint.as_str());

    // The patient got the revocation first: the old key still vouches.
    let revoked_key = clinician.home.join("identity").join("revoked-public-key.asc");
    let out = patient.cmd().args(["contact", "update", "dr-jansen", "--key-file", s(&revoked_key)]).output().unwrap();
    assert!(stderr(&out).contains("REVOKED"), "{}", stderr(&out));

    // The real one: the new key, still verified, by the old key's word.
    let out = update(&statement);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = dr(&patient);
    assert_eq!(shown["fingerprint"], new_fingerprint.as_str());
    assert_eq!(shown["verified"], true, "{shown}");
    assert_eq!(shown["method"], "key-transition", "{shown}");
    let reply = common::write(&clinician, "reply.txt", b"New key, same doctor.");
    let message = send(&clinician, &reply, "p-0042");
    let inbox = fresh_dir(&patient, "inbox");
    let opened = patient.json(&["open", s(&message), "-o", s(&inbox)]);
    assert_eq!(opened["sender"]["status"], "verified", "{opened}");
    let log = audit_text(&patient);
    assert!(log.contains("key-transition statement"), "{log}");
}

/// A thief with the old key could sign a statement for a key of their own:
/// once the contact holds the compromise revocation, no statement counts.
#[test]
fn a_key_revoked_as_compromised_vouches_for_nothing() {
    let (clinician, patient) = common::pair();
    let old_fingerprint = clinician.fingerprint();
    // The thief makes a statement before the owner revokes: simulated by
    // revoking as superseded in a copy of the home.
    let thief = Carepost::new();
    copy_dir(&clinician.home, &thief.home);
    revoke(&thief, "superseded");
    let forged = replace(&thief);
    let thief_key = thief.path("thief-key.asc");
    thief.cmd().args(["export-key", "-o", s(&thief_key)]).assert().success();

    // The owner revokes as compromised, and the patient gets it.
    let done = revoke(&clinician, "compromised");
    let out = patient
        .cmd()
        .args(["contact", "update", "dr-jansen", "--key-file", done["public_key"].as_str().unwrap()])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("REVOKED"));
    let out = patient
        .cmd()
        .args(["contact", "update", "dr-jansen", "--key-file", s(&thief_key)])
        .args(["--transition", forged["transition"].as_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("compromised"), "{}", stderr(&out));
    assert_eq!(patient.json(&["contact", "show", "dr-jansen"])["fingerprint"], old_fingerprint.as_str());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    std::fs::set_permissions(to, std::fs::metadata(from).unwrap().permissions()).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn an_email_sent_to_the_old_key_still_opens_after_replace() {
    let (clinician, patient) = common::pair();
    let letter = common::write(&patient, "question.txt", b"Is the result in?");
    let eml = patient.path("question.eml");
    let out = patient.cmd().args(["send", s(&letter), "--to", "dr-jansen", "--eml", s(&eml)]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    revoke(&clinician, "superseded");
    replace(&clinician);
    let inbox = fresh_dir(&clinician, "inbox");
    let out = clinician.cmd().args(["--json", "open", s(&eml), "-o", s(&inbox)]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(common::stdout(&out).contains("question.txt"), "{}", common::stdout(&out));
}
