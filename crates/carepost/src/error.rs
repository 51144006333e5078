//! Errors carepost reports, each with a message and a hint for the user,
//! and the one place where they are mapped to the contract's exit codes.
//!
//! Messages never include a passphrase, document content or a document's
//! file name (paths chosen by the user are fine: the user typed them).

use crate::safe::Safe;
use crate::tr;
use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Exit codes of the command-line contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success = 0,
    /// I/O, configuration, unsafe permissions, anything else.
    Failure = 1,
    /// The command line itself is wrong.
    Usage = 2,
    /// A safety rule refused the operation.
    Refused = 3,
    /// Input data (a key, a message) was rejected.
    Rejected = 4,
    /// No identity yet, or its key cannot be unlocked.
    Locked = 5,
}

impl ExitStatus {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// Why a certificate offered as a contact's key was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertProblem {
    /// The file holds secret key material; nothing of it was stored.
    SecretKeyMaterial,
    NoCertificate,
    SeveralCertificates(usize),
    /// Not OpenPGP, or damaged; the detail is the parser's complaint.
    Malformed(String),
    Revoked,
    Expired(String),
    NotYetValid,
    NoEncryptionKey,
    /// The key or its signatures are too weak; the detail says which part.
    TooWeak(String),
    /// Without a name or email the contact cannot be confirmed by phone.
    NoUserId,
    /// The identity's own certificate, offered as a contact's.
    OwnKey,
    /// The parser gave up on the file in a way it does not report as an
    /// error (a caught panic).
    Damaged,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", tr!("error-io", action = crate::i18n::translate(action, &[]), path = Safe(path.display().to_string()).to_string(), reason = io_reason(source)))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", tr!("error-unsafe-permissions", path = Safe(path.display().to_string()).to_string(), mode = format!("{:03o}", mode)))]
    UnsafePermissions { path: PathBuf, mode: u32, wanted: u32 },
    #[error("{}", tr!("error-foreign-owner", path = Safe(path.display().to_string()).to_string()))]
    ForeignOwner { path: PathBuf },
    #[error("{}", tr!("error-state", reason = .0.clone()))]
    State(String),
    #[error("{}", tr!("error-no-home-dir"))]
    NoHomeDirectory,
    #[error("{}", tr!("error-no-identity"))]
    NoIdentity,
    #[error("{}", tr!("error-identity-exists", fingerprint = .0.clone()))]
    IdentityExists(String),
    #[error("{}", tr!("error-no-passphrase"))]
    NoPassphrase,
    #[error("{}", tr!("error-wrong-passphrase"))]
    WrongPassphrase,
    #[error("{}", tr!("error-passphrase-file", path = Safe(path.display().to_string()).to_string(), reason = reason.clone()))]
    PassphraseFile { path: PathBuf, reason: String },
    #[error("{}", tr!("error-passphrase-mismatch"))]
    PassphrasesDiffer,
    #[error("{}", tr!("error-keychain", reason = .0.clone()))]
    Keychain(String),
    #[error("{}", tr!("error-keychain-missing-entry"))]
    KeychainMissingEntry,
    #[error("{}", tr!("error-identity-unusable", reason = .0.clone()))]
    IdentityUnusable(String),
    #[error("{}", tr!("error-invalid-name"))]
    InvalidName,
    #[error("{}", tr!("error-invalid-email", email = Safe(.0).to_string()))]
    InvalidEmail(String),
    #[error("{}", tr!("error-invalid-alias", alias = Safe(.0).to_string()))]
    InvalidAlias(String),
    /// No contact by that alias; `similar` are the aliases that were
    /// probably meant (closest first, possibly none).
    #[error("{}", contact_not_found_message(alias, similar))]
    ContactNotFound { alias: String, similar: Vec<String> },
    #[error("{}", tr!("error-alias-taken", alias = .0.clone()))]
    AliasTaken(String),
    #[error("{}", tr!("error-cert-already-stored", alias = alias.clone(), fingerprint = fingerprint.clone()))]
    CertAlreadyStored { alias: String, fingerprint: String },
    #[error("{}", cert_problem_message(.0))]
    CertRejected(CertProblem),
    #[error("{}", tr!("error-contact-revoked", alias = .0.clone()))]
    ContactRevoked(String),
    #[error("{}", tr!("error-key-file", path = Safe(path.display().to_string()).to_string(), reason = reason.clone()))]
    KeyFile { path: PathBuf, reason: String },
    /// `contact verify` with a reading that is not the contact's
    /// fingerprint; `standing` is the verification the contact keeps.
    #[error("{}", verify_refused_message(alias, problem, standing.as_ref()))]
    VerifyRefused { alias: String, problem: crate::reading::Misreading, standing: Option<crate::reading::Standing> },
    /// The user ended a prompt (Ctrl-D, Ctrl-C) without answering.
    #[error("{}", tr!("error-cancelled"))]
    Cancelled,
    /// The user ended the passphrase prompt without typing one.
    #[error("{}", tr!("error-passphrase-cancelled"))]
    PassphraseCancelled,
    #[error("{}", tr!("error-recipients-unverified", aliases = .0.join(", "), count = .0.len()))]
    RecipientsUnverified(Vec<String>),
    #[error("{}", tr!("error-recipient-unusable", alias = alias.clone(), reason = cert_problem_message(problem)))]
    RecipientUnusable { alias: String, problem: CertProblem },
    #[error("{}", tr!("error-input-not-a-file", path = Safe(.0.display().to_string()).to_string()))]
    InputNotAFile(PathBuf),
    /// A document to send that does not exist.
    #[error("{}", tr!("error-input-missing", path = Safe(.0.display().to_string()).to_string()))]
    InputMissing(PathBuf),
    #[error("{}", tr!("error-input-empty", path = Safe(.0.display().to_string()).to_string()))]
    InputEmpty(PathBuf),
    /// A folder named with `-o` that is not there (or not a folder).
    #[error("{}", output_dir_message(.0))]
    OutputDir(PathBuf),
    #[error("{}", message_problem_message(.0))]
    MessageRejected(MessageProblem),
    #[error("{}", tr!("error-sender-not-verified", status = status.clone(), who = who.clone()))]
    SenderNotVerified { status: String, who: String },
    #[error("{}", tr!("error-invalid-duration", given = Safe(.0).to_string()))]
    InvalidDuration(String),
    #[error("{}", tr!("error-zero-duration", given = Safe(.0).to_string()))]
    ZeroDuration(String),
    #[error("{}", tr!("error-retain-too-long", asked = asked.clone(), max = max.clone()))]
    RetainTooLong { asked: String, max: String },
    #[error("{}", tr!("error-log-retention-too-short", asked = asked.clone(), min = min.clone()))]
    LogRetentionTooShort { asked: String, min: String },
    #[error("{}", tr!("error-no-such-file", id = *.0))]
    NoSuchFile(i64),
    #[error("{}", tr!("error-not-sealed", id = *.0))]
    NotSealed(i64),
    #[error("{}", tr!("error-sealed-key-gone", id = *.0))]
    SealedKeyGone(i64),
    #[error("{}", tr!("error-viewer", reason = .0.clone()))]
    Viewer(String),
    #[error("{}", tr!("error-audit-broken", problem = .0.clone()))]
    AuditBroken(String),
    #[error("{}", tr!("error-not-interactive", what = .0.clone()))]
    NotInteractive(String),
    #[error("{}", tr!("error-mail-not-set-up"))]
    MailNotSetUp,
    #[error("{}", tr!("error-mail-setting", reason = .0.clone()))]
    MailSetting(String),
    #[error("{}", tr!("error-plaintext-smtp-not-loopback", host = Safe(.0).to_string()))]
    PlaintextSmtpNotLoopback(String),
    #[error("{}", tr!("error-plaintext-smtp-needs-flag"))]
    PlaintextSmtpNeedsFlag,
    #[error("{}", tr!("error-smtp-password-missing", account = .0.clone()))]
    SmtpPasswordMissing(String),
    #[error("{}", tr!("error-smtp-password-file", path = Safe(path.display().to_string()).to_string(), reason = reason.clone()))]
    SmtpPasswordFile { path: PathBuf, reason: String },
    #[error("{}", tr!("error-ca-file", path = Safe(path.display().to_string()).to_string(), reason = reason.clone()))]
    CaFile { path: PathBuf, reason: String },
    #[error("{}", tr!("error-not-pgp-mime", reason = .0.clone()))]
    NotPgpMime(String),
    #[error("{}", delivery_problem_message(server, problem))]
    DeliveryFailed { server: String, problem: DeliveryProblem },
    #[error("{}", tr!("error-mail-no-such-message", message_id = Safe(.0).to_string()))]
    MailNoSuchMessage(String),
    #[error("{}", tr!("error-output-exists", path = Safe(.0.display().to_string()).to_string()))]
    OutputExists(PathBuf),
    #[error("{}", tr!("error-no-email-address", alias = .0.clone()))]
    NoEmailAddress(String),
    #[error("{}", mail_problem_message(.0))]
    MailRejected(MailProblem),
    /// `--require-verified-sender` on an email with parts that no
    /// verified signature covers.
    #[error("{}", tr!("error-mail-partly-unprotected"))]
    MailPartlyUnprotected,
    /// `send --eml` of documents that make an email larger than carepost
    /// (or any mail provider) accepts.
    #[error("{}", tr!("error-email-too-large", size = crate::format_size(*size), limit = crate::format_size(*limit)))]
    EmailTooLarge { size: u64, limit: u64 },
    #[error("{}", tr!("error-usage", reason = .0.clone()))]
    Usage(String),
    #[error("{}", tr!("error-internal", reason = .0.clone()))]
    Internal(String),
    /// An error the command's result already states (`contact check
    /// --json` reports why `send` would refuse): the exit status and the
    /// message on stderr are the inner error's, and `--json` prints no
    /// second document.
    #[error("{0}")]
    InResult(Box<Error>),
    /// The connection broke after the whole message and its final "."
    /// went out, before the server's reply: the server may have queued
    /// it. It is not retried unless the user says so.
    #[error("{}", tr!("error-delivery-unconfirmed", server = Safe(server).to_string(), message_id = Safe(message_id).to_string(), reason = Safe(reason).to_string()))]
    DeliveryUnconfirmed { server: String, message_id: String, reason: String },
    /// A passphrase or password file that belongs to another user.
    #[error("{}", tr!("error-secret-file-foreign", path = Safe(path.display().to_string()).to_string()))]
    SecretFileForeign { path: PathBuf },
    /// A passphrase the user chose for a new identity is too easy to guess.
    #[error("{}", tr!("error-weak-passphrase", min = *min))]
    WeakPassphrase { min: usize },
    /// `purge --install-timer` wrote the unit files but systemd did not
    /// enable the timer.
    #[error("{}", tr!("error-timer-not-enabled", reason = reason.clone()))]
    TimerNotEnabled { reason: String, command: String },
    /// `files release|delete ID` on a record carepost no longer manages.
    #[error("{}", tr!("error-file-closed", id = *id, state = state.clone()))]
    FileClosed { id: i64, state: String },
    /// `files delete ID` found the file changed, or could not delete it.
    #[error("{}", tr!("error-file-not-deleted", id = *id, reason = reason.clone()))]
    FileNotDeleted { id: i64, reason: String },
    /// The state database and the audit log disagree (state missing, or
    /// older than the log).
    #[error("{}", tr!("error-state-disagrees", problem = .0.clone()))]
    StateDisagrees(String),
    /// A key file that is a device, a pipe or a folder: reading it could
    /// block forever or never end.
    #[error("{}", tr!("error-key-file-not-regular", path = Safe(.0.display().to_string()).to_string()))]
    KeyFileNotRegular(PathBuf),
    /// state.db holds a value carepost never writes (an unknown file kind
    /// or state): edited or damaged, and not to be guessed at.
    #[error("{}", tr!("error-state-damaged", value = Safe(.0.to_string()).to_string()))]
    StateDamaged(UnknownValue),
    /// A domain that could not be the part of an email address after `@`.
    #[error("{}", tr!("error-invalid-domain", domain = Safe(.0).to_string()))]
    InvalidDomain(String),
    /// `publish wkd --contact` of a patient: a patient's key is never
    /// published under the practice's domain.
    #[error("{}", tr!("error-publish-patient", alias = .0.clone()))]
    PublishPatient(String),
    /// `publish wkd --contact` of a colleague not verified yet: publishing
    /// the key would vouch for it.
    #[error("{}", tr!("error-publish-unverified", alias = .0.clone()))]
    PublishUnverified(String),
    /// `publish wkd --contact` of a colleague with no address in the domain.
    #[error("{}", tr!("error-publish-not-in-domain", alias = alias.clone(), domain = domain.clone()))]
    PublishNotInDomain { alias: String, domain: String },
    /// `publish wkd` with no key that has an address in the domain.
    #[error("{}", tr!("error-publish-nothing-for-domain", domain = .0.clone()))]
    PublishNothingForDomain(String),
    /// Two keys for one address: a Web Key Directory name holds one.
    #[error("{}", tr!("error-publish-same-address", address = Safe(address).to_string(), holders = holders.join(", ")))]
    PublishSameAddress { address: String, holders: Vec<String> },
    /// A key source could not be asked (network, TLS, the server's
    /// answer); `host` names it. Nothing was changed.
    #[error("{}", tr!("error-network", host = Safe(host).to_string(), reason = net_problem_message(problem)))]
    Network { host: String, problem: NetProblem },
    /// No key source had a key for the address; `tried` says what each
    /// answered.
    #[error("{}", tr!("error-key-not-found", address = Safe(address).to_string(), tried = tried.join("\n  ")))]
    KeyNotFound { address: String, tried: Vec<String> },
    /// Every key a source offered for the address was refused.
    #[error("{}", tr!("error-keys-refused", address = Safe(address).to_string(), tried = tried.join("\n  ")))]
    KeysRefused { address: String, tried: Vec<String> },
    /// A source answered with several different keys for one address:
    /// carepost never picks one.
    #[error("{}", tr!("error-several-keys", address = Safe(address).to_string(), source = Safe(key_source).to_string(), fingerprints = fingerprints.join(", "), count = fingerprints.len()))]
    SeveralKeys { address: String, key_source: String, fingerprints: Vec<String> },
    /// A key source as written (`--set`, the stored setting) that carepost
    /// does not understand.
    #[error("{}", tr!("error-key-source", given = Safe(given).to_string(), reason = reason.clone()))]
    KeySource { given: String, reason: String },
    /// `contact refresh` with a revoked key, a replaced key or a source
    /// that could not be asked; `contacts` holds every contact's result.
    #[error("{}", tr!("error-refresh-incomplete", revoked = *revoked, changed = *changed, failed = *failed))]
    RefreshIncomplete { revoked: usize, changed: usize, failed: usize, contacts: serde_json::Value },
    // s7-send: sending with a password told by phone.
    /// One send to contacts with a key and to contacts who get a password.
    #[error("{}", tr!("error-password-mixed", with_key = with_key.join(", "), without_key = without_key.join(", ")))]
    PasswordMixedRecipients { with_key: Vec<String>, without_key: Vec<String> },
    /// One send with a password to several contacts: each password is for
    /// one patient, told on one call.
    #[error("{}", tr!("error-password-several", aliases = .0.join(", ")))]
    PasswordSeveralRecipients(Vec<String>),
    /// `--armor` with the pdf form.
    #[error("{}", tr!("error-password-armor-pdf"))]
    PasswordArmorNeedsOpenPgp,
    /// `--format` for a send that goes by key.
    #[error("{}", tr!("error-password-format-key"))]
    PasswordFormatWithoutPassword,
    /// `--unverified-ok` on the password path: there is no key whose
    /// check could be skipped, so the override would be recorded for nothing.
    #[error("{}", tr!("error-password-unverified-ok"))]
    PasswordUnverifiedOk,
    /// `--json` without `--password-told`: nobody can confirm.
    #[error("{}", tr!("error-password-json-needs-told"))]
    PasswordJsonNeedsTold,
    /// No terminal to confirm on, and no `--password-told`.
    #[error("{}", tr!("error-sendpw-needs-terminal"))]
    SendPasswordNeedsTerminal,
    /// `--subject`/`--message` for an email that is not encrypted.
    #[error("{}", tr!("error-password-mail-text"))]
    PasswordMailText,
    /// The user did not confirm that the password was told: nothing sent.
    #[error("{}", tr!("error-password-not-told"))]
    PasswordNotTold,
    // --- The password-protected PDF for patients without a key (pdf) ---
    /// A document of 0 bytes given to `pdf::protect` or `pdf::check`.
    #[error("{}", tr!("error-pdf-empty"))]
    PdfEmpty,
    /// More than `pdf::MAX_INPUT` bytes: the PDF is made in memory.
    #[error("{}", tr!("error-pdf-too-large", size = crate::format_size(*size), limit = crate::format_size(*limit)))]
    PdfTooLarge { size: u64, limit: u64 },
    /// `open FILE.pdf --password` on a file of 0 bytes.
    #[error("{}", tr!("error-pdfcheck-empty", path = Safe(.0.display().to_string()).to_string()))]
    PdfCheckEmpty(PathBuf),
    /// `open FILE.pdf --password` on a file past `pdf::MAX_CHECK`: larger
    /// than any PDF carepost protects.
    #[error("{}", tr!(
        "error-pdfcheck-too-large",
        path = Safe(path.display().to_string()).to_string(),
        size = crate::format_size(*size),
        limit = crate::format_size(*limit)
    ))]
    PdfCheckTooLarge { path: PathBuf, size: u64, limit: u64 },
    /// A PDF that is password-protected already: carepost does not decrypt it.
    #[error("{}", tr!("error-pdf-already-encrypted"))]
    PdfAlreadyEncrypted,
    /// A PDF that cannot be read whole; `reason` in the user's language.
    #[error("{}", tr!("error-pdf-damaged", reason = reason.clone()))]
    PdfDamaged { reason: String },
    /// `open FILE.pdf --password` with a password that does not open it.
    #[error("{}", tr!("error-pdf-wrong-password"))]
    PdfWrongPassword,
    /// `open FILE.pdf --password` of a PDF that has no password.
    #[error("{}", tr!("error-pdf-not-encrypted"))]
    PdfNotEncrypted,
    /// `open FILE --password` of a file that is not a PDF.
    #[error("{}", tr!("error-pdf-not-pdf"))]
    PdfNotPdf,
    // Opening the OpenPGP password form (`open --password`, `--password-file`).
    /// A `--password-file` that cannot be used; `reason` never holds the
    /// password.
    #[error("{}", tr!("error-password-file", path = Safe(path.display().to_string()).to_string(), reason = reason.clone()))]
    PasswordFile { path: PathBuf, reason: String },
    /// `open --password` with nobody at a terminal to type it.
    #[error("{}", tr!("error-password-needs-terminal"))]
    PasswordNeedsTerminal,
    /// Nothing was typed at the password prompt.
    #[error("{}", tr!("error-password-empty"))]
    PasswordEmpty,
    // s7-nokey: patient contacts without a key.
    /// A document for a contact without a key, on the key path.
    #[error("{}", tr!("error-nokey-send", alias = alias.clone()))]
    NoKey { alias: String },
    /// `contact add --colleague --no-key`: a colleague always has a key.
    #[error("{}", tr!("error-nokey-colleague"))]
    ColleagueNeedsKey,
    /// `contact verify` for a contact without a key: there is nothing to
    /// compare.
    #[error("{}", tr!("error-nokey-verify", alias = .0.clone()))]
    NoKeyToVerify(String),
    /// `publish wkd --contact` for a contact without a key.
    #[error("{}", tr!("error-nokey-publish", alias = .0.clone()))]
    NoKeyToPublish(String),
    /// A first key offered for a contact that already has one.
    #[error("{}", tr!("error-nokey-has-key", alias = .0.clone()))]
    AlreadyHasKey(String),
    // Consent on record for patients.
    /// A send to a patient whose consent was never recorded.
    #[error("{}", tr!("error-consent-missing", alias = .0.clone()))]
    ConsentMissing(String),
    /// A send to a patient who withdrew consent (`at`: when, as stored).
    #[error("{}", tr!("error-consent-withdrawn", alias = alias.clone(), date = crate::when::show_date(at)))]
    ConsentWithdrawn { alias: String, at: String },
    /// A consent record asked for a colleague, who needs none.
    #[error("{}", tr!("error-consent-colleague", alias = .0.clone()))]
    ConsentColleague(String),
    // Renewal of the identity's key (renew).
    /// The identity's key expired (when, as stored): nothing can be signed
    /// with it until `carepost renew`.
    #[error("{}", tr!("error-renew-expired", date = crate::when::show_date(.0)))]
    IdentityExpired(String),
    /// `renew` of a revoked key: a revoked key stays revoked.
    #[error("{}", tr!("error-renew-revoked"))]
    RenewRevoked,
    /// `renew --years N` that would end the key's validity earlier than
    /// it ends now (both as stored).
    #[error("{}", tr!("error-renew-shorter", current = crate::when::show_date(current), asked = crate::when::show_date(asked)))]
    RenewShorter { current: String, asked: String },
    // Backup and restore.
    /// A backup that cannot be written or restored; see [`BackupProblem`].
    #[error("{}", backup_problem_message(.0))]
    Backup(BackupProblem),
    // Revoking the identity and replacing it.
    /// A send with an identity that is revoked (`reason`: its code).
    #[error("{}", tr!("error-identity-revoked", fingerprint = crate::fingerprint::hex_groups(fingerprint), reason = revocation_reason_words(reason)))]
    IdentityRevoked { fingerprint: String, reason: &'static str },
    /// `revoke` could not unlock the key, and the revocation made at
    /// `init` is missing or does not revoke this key.
    #[error("{}", tr!("error-revocation-unusable", reason = .0.clone()))]
    RevocationUnusable(String),
    /// `revoke` with nobody at a terminal to confirm, and no `--yes`.
    #[error("{}", tr!("error-revoke-needs-yes"))]
    RevokeNeedsYes,
    /// `init --replace` while the identity is not revoked.
    #[error("{}", tr!("error-replace-not-revoked", fingerprint = crate::fingerprint::hex_groups(.0)))]
    ReplaceNotRevoked(String),
    /// `contact update --transition` with a statement that does not prove
    /// the new key: nothing stored.
    #[error("{}", tr!("error-transition-refused", reason = .0.clone()))]
    TransitionRefused(String),
}

/// Why a request to a key source failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetProblem {
    /// The server answered 404: it has nothing there.
    NotFound,
    /// Another status than success.
    Status(u16),
    /// The host could not be reached (name, connection); the reason in
    /// words.
    Unreachable(String),
    /// No encrypted connection with a trusted certificate.
    Tls(String),
    /// No answer within the bound, in seconds.
    Timeout(u64),
    /// The answer was larger than the bound (bytes): cut off, not used.
    TooLarge(u64),
    /// A redirect to a location that is not `https://`.
    InsecureRedirect(String),
    /// More redirects than carepost follows.
    TooManyRedirects,
    /// The proxy (`HTTPS_PROXY`) refused or could not be reached.
    Proxy(String),
    /// Anything else, in the library's words.
    Other(String),
}

impl NetProblem {
    /// A short stable code for JSON.
    pub fn code(&self) -> &'static str {
        match self {
            NetProblem::NotFound => "not-found",
            NetProblem::Status(_) => "status",
            NetProblem::Unreachable(_) => "unreachable",
            NetProblem::Tls(_) => "tls-failed",
            NetProblem::Timeout(_) => "timeout",
            NetProblem::TooLarge(_) => "too-large",
            NetProblem::InsecureRedirect(_) => "insecure-redirect",
            NetProblem::TooManyRedirects => "too-many-redirects",
            NetProblem::Proxy(_) => "proxy",
            NetProblem::Other(_) => "other",
        }
    }

    /// The problem in the user's language.
    pub fn message(&self) -> String {
        net_problem_message(self)
    }
}

fn net_problem_message(problem: &NetProblem) -> String {
    match problem {
        NetProblem::NotFound => tr!("net-not-found"),
        NetProblem::Status(status) => tr!("net-status", status = *status),
        NetProblem::Unreachable(reason) => tr!("net-unreachable", reason = Safe(reason).to_string()),
        NetProblem::Tls(reason) => Safe(reason).to_string(),
        NetProblem::Timeout(seconds) => tr!("net-timeout", seconds = *seconds),
        NetProblem::TooLarge(limit) => tr!("net-too-large", limit = crate::format_size(*limit)),
        NetProblem::InsecureRedirect(to) => tr!("net-insecure-redirect", location = Safe(to).to_string()),
        NetProblem::TooManyRedirects => tr!("net-too-many-redirects"),
        NetProblem::Proxy(reason) => tr!("net-proxy", reason = Safe(reason).to_string()),
        NetProblem::Other(details) => tr!("net-other", details = Safe(details).to_string()),
    }
}

impl CertProblem {
    /// The problem in the user's language, as `contact add` words it.
    pub fn message(&self) -> String {
        cert_problem_message(self)
    }
}

/// A value in an enum column of state.db that carepost never writes: the
/// database was edited or damaged. Refused rather than guessed at — a
/// guess ("unknown kind: must be received") decides what purge deletes.
#[derive(Debug)]
pub struct UnknownValue {
    pub column: &'static str,
    /// The value found, cut short (it may be anything).
    pub value: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} = {:?}", self.column, self.value)
    }
}

impl std::error::Error for UnknownValue {}

/// Why a received message was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageProblem {
    /// Not OpenPGP data at all.
    NotOpenPgp,
    /// An OpenPGP key or certificate, not a message.
    IsAKey,
    /// ASCII armor that does not decode.
    BadArmor(String),
    /// The data ends early.
    Truncated,
    /// The integrity check failed: changed or damaged in transit.
    Tampered,
    /// Encrypted, but not to this identity; the key IDs it is for.
    NotForUs(Vec<String>),
    /// Only a password opens it.
    PasswordOnly,
    /// Readable, but not encrypted at all.
    NotEncrypted,
    /// A signature that does not match the content or its key.
    BadSignature(String),
    /// Decompressed output beyond the configured bound.
    TooLarge(u64),
    /// LibrePGP's AEAD packet (tag 20: GnuPG 2.3+ "OCB mode", RNP
    /// `--aead`), which is not RFC 9580 OpenPGP and which Sequoia cannot
    /// decrypt.
    LibrePgpAead,
    /// Anything else the parser objected to.
    Malformed(String),
    /// Damaged or cut short in a way that is not the integrity check's
    /// verdict: broken packets, a broken compression stream, or a parser
    /// that gave up (a caught panic).
    Damaged,
    /// Encrypted only to contacts' keys, none of them this identity's:
    /// the aliases (or key IDs) it is for. Decided before any unlock.
    LockedFor(Vec<String>),
    // The OpenPGP password form.
    /// Protected with a password, and the password given does not open it.
    WrongPassword,
}

impl MessageProblem {
    /// A short stable code for the audit log (never names or content).
    pub fn code(&self) -> &'static str {
        match self {
            MessageProblem::NotOpenPgp => "not-openpgp",
            MessageProblem::IsAKey => "is-a-key",
            MessageProblem::BadArmor(_) => "bad-armor",
            MessageProblem::Truncated => "truncated",
            MessageProblem::Tampered => "tampered",
            MessageProblem::NotForUs(_) => "not-for-us",
            MessageProblem::PasswordOnly => "password-only",
            MessageProblem::NotEncrypted => "not-encrypted",
            MessageProblem::BadSignature(_) => "bad-signature",
            MessageProblem::TooLarge(_) => "too-large",
            MessageProblem::LibrePgpAead => "librepgp-aead",
            MessageProblem::Malformed(_) => "malformed",
            MessageProblem::Damaged => "damaged",
            MessageProblem::LockedFor(_) => "not-for-us",
            MessageProblem::WrongPassword => "wrong-password",
        }
    }
}

/// Why a received email (`open MESSAGE.eml`) was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailProblem {
    /// Larger than carepost parses in memory (the bound, in bytes).
    TooLarge(u64),
    /// A header section beyond any sane size.
    HeadersTooLarge,
    /// MIME parts nested deeper than the bound.
    TooDeep(usize),
    /// Declared PGP/MIME, but the encrypted part is missing or broken.
    BrokenPgpMime(String),
    /// More MIME parts than the bound.
    TooManyParts(usize),
}

impl MailProblem {
    /// A short stable code for the audit log.
    pub fn code(&self) -> &'static str {
        match self {
            MailProblem::TooLarge(_) => "mail-too-large",
            MailProblem::HeadersTooLarge => "mail-headers-too-large",
            MailProblem::TooDeep(_) => "mail-too-deep",
            MailProblem::BrokenPgpMime(_) => "mail-broken-pgp-mime",
            MailProblem::TooManyParts(_) => "mail-too-many-parts",
        }
    }
}

fn mail_problem_message(problem: &MailProblem) -> String {
    match problem {
        MailProblem::TooLarge(limit) => tr!("mail-too-large", limit = crate::format_size(*limit)),
        MailProblem::HeadersTooLarge => tr!("mail-headers-too-large"),
        MailProblem::TooDeep(depth) => tr!("mail-too-deep", depth = *depth),
        MailProblem::BrokenPgpMime(reason) => tr!("mail-broken-pgp-mime", reason = Safe(reason).to_string()),
        MailProblem::TooManyParts(max) => tr!("mail-too-many-parts", max = *max),
    }
}

/// The step of an SMTP delivery that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStep {
    /// Reaching the server and reading its greeting.
    Connect,
    /// Encrypting the connection and checking the server's certificate.
    Tls,
    /// Logging in.
    Login,
    /// Announcing the sender (`MAIL FROM`).
    Sender,
    /// Announcing the recipients (`RCPT TO`).
    Recipient,
    /// Handing over the message (`DATA`).
    Data,
}

impl DeliveryStep {
    /// A short stable code for the audit log and JSON.
    pub fn code(self) -> &'static str {
        match self {
            DeliveryStep::Connect => "connect",
            DeliveryStep::Tls => "tls",
            DeliveryStep::Login => "login",
            DeliveryStep::Sender => "sender",
            DeliveryStep::Recipient => "recipient",
            DeliveryStep::Data => "data",
        }
    }
}

/// Why an encrypted message could not be handed to the mail server. The
/// message stays in the outbox, pending; `carepost mail retry` sends it.
/// Texts come from the server or the network and are shown through
/// [`Safe`]; they never hold the password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryProblem {
    /// The server could not be reached at all.
    Unreachable(String),
    /// No encrypted connection with a trusted certificate could be made.
    Tls(String),
    /// The server refused the user name or password.
    AuthRefused(String),
    /// The server refused these recipients' addresses (its reply).
    RecipientRejected { addresses: Vec<String>, reply: String },
    /// The message is larger than the server accepts.
    TooLarge { size: u64, limit: Option<u64> },
    /// The server refused another step (its reply).
    Refused { step: DeliveryStep, reply: String },
    /// The connection broke off or timed out during a step.
    Interrupted { step: DeliveryStep, reason: String },
    /// The whole message and its final "." went out, then no reply came:
    /// the server may have it.
    Unconfirmed(String),
}

impl DeliveryProblem {
    /// The step that failed.
    pub fn step(&self) -> DeliveryStep {
        match self {
            DeliveryProblem::Unreachable(_) => DeliveryStep::Connect,
            DeliveryProblem::Tls(_) => DeliveryStep::Tls,
            DeliveryProblem::AuthRefused(_) => DeliveryStep::Login,
            DeliveryProblem::RecipientRejected { .. } => DeliveryStep::Recipient,
            DeliveryProblem::TooLarge { .. } | DeliveryProblem::Unconfirmed(_) => DeliveryStep::Data,
            DeliveryProblem::Refused { step, .. } | DeliveryProblem::Interrupted { step, .. } => *step,
        }
    }

    /// A short stable code for the audit log and JSON (no addresses, no
    /// server text).
    pub fn code(&self) -> &'static str {
        match self {
            DeliveryProblem::Unreachable(_) => "unreachable",
            DeliveryProblem::Tls(_) => "tls-failed",
            DeliveryProblem::AuthRefused(_) => "login-refused",
            DeliveryProblem::RecipientRejected { .. } => "recipient-rejected",
            DeliveryProblem::TooLarge { .. } => "too-large",
            DeliveryProblem::Refused { .. } => "refused",
            DeliveryProblem::Interrupted { .. } => "interrupted",
            DeliveryProblem::Unconfirmed(_) => "unconfirmed",
        }
    }

    /// Whether the same failure would hit every other pending message too
    /// (so `mail retry` stops instead of trying each).
    pub fn affects_all(&self) -> bool {
        matches!(self, DeliveryProblem::Unreachable(_) | DeliveryProblem::Tls(_) | DeliveryProblem::AuthRefused(_))
    }
}

fn delivery_problem_message(server: &str, problem: &DeliveryProblem) -> String {
    let server = Safe(server).to_string();
    match problem {
        DeliveryProblem::Unreachable(reason) => {
            tr!("delivery-unreachable", server = server, reason = Safe(reason).to_string())
        }
        DeliveryProblem::Tls(reason) => tr!("delivery-tls", server = server, reason = Safe(reason).to_string()),
        DeliveryProblem::AuthRefused(reply) => {
            tr!("delivery-auth-refused", server = server, reply = Safe(reply).to_string())
        }
        DeliveryProblem::RecipientRejected { addresses, reply } => tr!(
            "delivery-recipient-rejected",
            server = server,
            addresses = Safe(addresses.join(", ")).to_string(),
            count = addresses.len(),
            reply = Safe(reply).to_string()
        ),
        DeliveryProblem::TooLarge { size, limit: Some(limit) } => tr!(
            "delivery-too-large-limit",
            server = server,
            size = crate::format_size(*size),
            limit = crate::format_size(*limit)
        ),
        DeliveryProblem::TooLarge { size, limit: None } => {
            tr!("delivery-too-large", server = server, size = crate::format_size(*size))
        }
        DeliveryProblem::Refused { step, reply } => tr!(
            "delivery-refused",
            server = server,
            step = crate::i18n::translate(step_message_id(*step), &[]),
            reply = Safe(reply).to_string()
        ),
        DeliveryProblem::Interrupted { step, reason } => tr!(
            "delivery-interrupted",
            server = server,
            step = crate::i18n::translate(step_message_id(*step), &[]),
            reason = Safe(reason).to_string()
        ),
        DeliveryProblem::Unconfirmed(reason) => {
            tr!("delivery-unconfirmed", server = server, reason = Safe(reason).to_string())
        }
    }
}

fn step_message_id(step: DeliveryStep) -> &'static str {
    match step {
        DeliveryStep::Connect => "delivery-step-connect",
        DeliveryStep::Tls => "delivery-step-tls",
        DeliveryStep::Login => "delivery-step-login",
        DeliveryStep::Sender => "delivery-step-sender",
        DeliveryStep::Recipient => "delivery-step-recipient",
        DeliveryStep::Data => "delivery-step-data",
    }
}

fn message_problem_message(problem: &MessageProblem) -> String {
    match problem {
        MessageProblem::NotOpenPgp => tr!("message-not-openpgp"),
        MessageProblem::IsAKey => tr!("message-is-a-key"),
        MessageProblem::BadArmor(detail) => {
            tr!("message-bad-armor", reason = Safe(detail).to_string())
        }
        MessageProblem::Truncated => tr!("message-truncated"),
        MessageProblem::Tampered => tr!("message-tampered"),
        MessageProblem::NotForUs(ids) => tr!(
            "message-not-for-us",
            recipients = if ids.is_empty() { tr!("message-anonymous-recipients") } else { ids.join(", ") }
        ),
        MessageProblem::PasswordOnly => tr!("message-password-only"),
        MessageProblem::NotEncrypted => tr!("message-not-encrypted"),
        MessageProblem::BadSignature(who) => {
            tr!("message-bad-signature", who = Safe(who).to_string())
        }
        MessageProblem::TooLarge(limit) => {
            tr!("message-too-large", limit = crate::format_size(*limit))
        }
        MessageProblem::LibrePgpAead => tr!("message-librepgp-aead"),
        MessageProblem::Malformed(detail) => {
            tr!("message-malformed", reason = Safe(detail).to_string())
        }
        MessageProblem::Damaged => tr!("message-damaged"),
        MessageProblem::LockedFor(whom) => {
            tr!("message-locked-for", recipients = Safe(whom.join(", ")).to_string())
        }
        MessageProblem::WrongPassword => tr!("message-wrong-password"),
    }
}

/// How to get a working OS keychain on this platform, for a user who has
/// none (here rather than in `keychain`, which depends on this module).
pub fn keychain_guidance() -> String {
    if cfg!(target_os = "macos") {
        tr!("keychain-how-macos")
    } else if cfg!(windows) {
        tr!("keychain-how-windows")
    } else {
        tr!("keychain-how-linux")
    }
}

/// The outermost folder of `path` that does not exist, if any: the one
/// the user has to create first.
fn first_missing(path: &std::path::Path) -> Option<&std::path::Path> {
    path.ancestors().take_while(|a| !a.as_os_str().is_empty() && a.symlink_metadata().is_err()).last()
}

fn output_dir_message(path: &std::path::Path) -> String {
    let shown = Safe(path.display().to_string()).to_string();
    match first_missing(path) {
        None => tr!("error-output-not-a-folder", path = shown),
        Some(missing) if missing == path => tr!("error-output-dir", path = shown),
        Some(missing) => {
            tr!(
                "error-output-dir-parent-missing",
                path = shown,
                missing = Safe(missing.display().to_string()).to_string()
            )
        }
    }
}

fn contact_not_found_message(alias: &str, similar: &[String]) -> String {
    let alias = Safe(alias).to_string();
    if similar.is_empty() {
        tr!("error-contact-not-found", alias = alias)
    } else {
        tr!("error-contact-not-found-similar", alias = alias, similar = similar.join(", "), count = similar.len())
    }
}

fn verify_refused_message(
    alias: &str,
    problem: &crate::reading::Misreading,
    standing: Option<&crate::reading::Standing>,
) -> String {
    let standing = match standing {
        Some(v) => tr!(
            "verify-standing-verified",
            alias = alias,
            date = crate::when::date_time(v.at),
            method = v.method.clone().unwrap_or_default()
        ),
        None => tr!("verify-standing-unverified", alias = alias),
    };
    tr!("error-verify-refused", problem = problem.message(alias), standing = standing)
}

fn cert_problem_message(problem: &CertProblem) -> String {
    match problem {
        CertProblem::SecretKeyMaterial => tr!("cert-secret-key-material"),
        CertProblem::NoCertificate => tr!("cert-none"),
        CertProblem::SeveralCertificates(n) => tr!("cert-several", count = *n),
        CertProblem::Malformed(detail) => tr!("cert-malformed", reason = Safe(detail).to_string()),
        CertProblem::Revoked => tr!("cert-revoked"),
        CertProblem::Expired(at) => tr!("cert-expired", date = crate::when::show_date(at)),
        CertProblem::NotYetValid => tr!("cert-not-yet-valid"),
        CertProblem::NoEncryptionKey => tr!("cert-no-encryption-key"),
        CertProblem::TooWeak(detail) => tr!("cert-too-weak", reason = detail.clone()),
        CertProblem::NoUserId => tr!("cert-no-user-id"),
        CertProblem::OwnKey => tr!("cert-is-own"),
        CertProblem::Damaged => tr!("cert-damaged"),
    }
}

impl Error {
    /// The exit code for this error: the single mapping in carepost.
    pub fn exit_status(&self) -> ExitStatus {
        use Error::*;
        match self {
            InResult(inner) => inner.exit_status(),
            Usage(_)
            | InvalidAlias(_)
            | InvalidName
            | InvalidEmail(_)
            | PassphrasesDiffer
            | InvalidDuration(_)
            | ZeroDuration(_)
            | RetainTooLong { .. }
            | LogRetentionTooShort { .. }
            // The command line names something that is not there.
            | ContactNotFound { .. }
            | InputNotAFile(_)
            | InputMissing(_)
            | MailSetting(_)
            | InvalidDomain(_)
            | PublishNotInDomain { .. }
            | PublishNothingForDomain(_)
            | PublishSameAddress { .. } => ExitStatus::Usage,
            VerifyRefused { .. }
            | RecipientsUnverified(_)
            | RecipientUnusable { .. }
            | SenderNotVerified { .. }
            | PlaintextSmtpNotLoopback(_)
            | PlaintextSmtpNeedsFlag
            | NotPgpMime(_)
            | MailPartlyUnprotected
            | PublishPatient(_)
            | PublishUnverified(_) => ExitStatus::Refused,
            CertRejected(_) | MessageRejected(_) | ContactRevoked(_) | AuditBroken(_) | MailRejected(_) => {
                ExitStatus::Rejected
            }
            // The contract lists it among import rejections: input rejected.
            CertAlreadyStored { .. } => ExitStatus::Rejected,
            StateDisagrees(_) => ExitStatus::Rejected,
            StateDamaged(_) => ExitStatus::Rejected,
            KeysRefused { .. } | SeveralKeys { .. } => ExitStatus::Rejected,
            // The worst of what happened: a revoked or replaced key is a
            // safety matter (3), a source that could not be asked a failure (1).
            RefreshIncomplete { revoked, changed, .. } if revoked + changed > 0 => ExitStatus::Refused,
            RefreshIncomplete { .. } => ExitStatus::Failure,
            KeySource { .. } => ExitStatus::Usage,
            NoIdentity
            | NoPassphrase
            | WrongPassphrase
            | Keychain(_)
            | KeychainMissingEntry
            | PassphraseFile { .. }
            | PassphraseCancelled
            | IdentityUnusable(_) => ExitStatus::Locked,
            Io { .. }
            | UnsafePermissions { .. }
            | ForeignOwner { .. }
            | State(_)
            | NoHomeDirectory
            | IdentityExists(_)
            | NoSuchFile(_)
            | NotSealed(_)
            | SealedKeyGone(_)
            | Viewer(_)
            | InputEmpty(_)
            | OutputDir(_)
            | AliasTaken(_)
            | KeyFile { .. }
            | NotInteractive(_)
            | OutputExists(_)
            | NoEmailAddress(_)
            | MailNotSetUp
            | SmtpPasswordMissing(_)
            | SmtpPasswordFile { .. }
            | CaFile { .. }
            | DeliveryFailed { .. }
            | DeliveryUnconfirmed { .. }
            | MailNoSuchMessage(_)
            | SecretFileForeign { .. }
            | WeakPassphrase { .. }
            | TimerNotEnabled { .. }
            | FileClosed { .. }
            | FileNotDeleted { .. }
            | EmailTooLarge { .. }
            | KeyFileNotRegular(_)
            | Network { .. }
            | KeyNotFound { .. }
            | Cancelled
            | Internal(_) => ExitStatus::Failure,
            // s7-send: sending with a password told by phone.
            PasswordMixedRecipients { .. }
            | PasswordSeveralRecipients(_)
            | PasswordArmorNeedsOpenPgp
            | PasswordFormatWithoutPassword
            | PasswordUnverifiedOk
            | PasswordJsonNeedsTold
            | SendPasswordNeedsTerminal
            | PasswordMailText => ExitStatus::Usage,
            PasswordNotTold => ExitStatus::Failure,
            // The password-protected PDF (pdf).
            PdfEmpty
            | PdfTooLarge { .. }
            | PdfCheckEmpty(_)
            | PdfCheckTooLarge { .. }
            | PdfAlreadyEncrypted
            | PdfDamaged { .. }
            | PdfWrongPassword
            | PdfNotEncrypted
            | PdfNotPdf => ExitStatus::Rejected,
            PasswordFile { .. } => ExitStatus::Failure,
            PasswordNeedsTerminal | PasswordEmpty => ExitStatus::Usage,
            // s7-nokey: patient contacts without a key.
            NoKey { .. } | NoKeyToPublish(_) => ExitStatus::Refused,
            ColleagueNeedsKey | NoKeyToVerify(_) | AlreadyHasKey(_) => ExitStatus::Usage,
            ConsentMissing(_) | ConsentWithdrawn { .. } => ExitStatus::Refused,
            ConsentColleague(_) => ExitStatus::Usage,
            // Renewal (renew): an expired key cannot sign, like a locked one.
            IdentityExpired(_) => ExitStatus::Locked,
            RenewRevoked => ExitStatus::Refused,
            RenewShorter { .. } => ExitStatus::Usage,
            // A code that does not open the backup is a key
            // that cannot be unlocked (5); a backup that is not whole is
            // damaged input (4); a home in the way is refused (3).
            Backup(problem) => match problem {
                BackupProblem::CodeTypo | BackupProblem::WrongCode | BackupProblem::NoCode => ExitStatus::Locked,
                BackupProblem::Damaged(_) | BackupProblem::NewerFormat(_) | BackupProblem::Inconsistent(_) => {
                    ExitStatus::Rejected
                }
                BackupProblem::HomeNotEmpty(_)
                | BackupProblem::OtherIdentity { .. }
                | BackupProblem::SameIdentity { .. } => ExitStatus::Refused,
            },
            // Revoking the identity and replacing it.
            IdentityRevoked { .. } | ReplaceNotRevoked(_) => ExitStatus::Refused,
            RevocationUnusable(_) => ExitStatus::Locked,
            RevokeNeedsYes => ExitStatus::Usage,
            TransitionRefused(_) => ExitStatus::Rejected,
        }
    }

    /// What the user can do next, if there is something useful to say.
    pub fn hint(&self) -> Option<String> {
        use Error::*;
        Some(match self {
            InResult(inner) => return inner.hint(),
            UnsafePermissions { path, wanted, .. } => {
                tr!("hint-chmod", command = format!("chmod {:o} {}", wanted, shell_quote(&path.display().to_string())))
            }
            ForeignOwner { .. } => tr!("hint-foreign-owner"),
            SecretFileForeign { .. } => tr!("hint-secret-file-foreign"),
            WeakPassphrase { .. } => tr!("hint-weak-passphrase"),
            TimerNotEnabled { command, .. } => tr!("hint-timer-not-enabled", command = command.clone()),
            FileClosed { .. } => tr!("hint-file-closed"),
            FileNotDeleted { id, .. } => tr!("hint-file-not-deleted", id = *id),
            NoIdentity => tr!("hint-run-init"),
            IdentityExists(_) => tr!("hint-identity-exists"),
            NoPassphrase => tr!("hint-no-passphrase"),
            WrongPassphrase => tr!("hint-wrong-passphrase"),
            PassphraseFile { .. } => tr!("hint-passphrase-file"),
            Keychain(_) => tr!("hint-keychain-how", how = keychain_guidance()),
            KeychainMissingEntry => tr!("hint-keychain-missing-entry"),
            InvalidName => tr!("hint-invalid-name"),
            InvalidEmail(_) => tr!("hint-invalid-email"),
            InvalidAlias(_) => tr!("hint-invalid-alias"),
            InvalidDomain(_) => tr!("hint-invalid-domain"),
            PublishPatient(_) => tr!("hint-publish-patient"),
            PublishUnverified(alias) => tr!("hint-publish-unverified", alias = alias.clone()),
            PublishNotInDomain { .. } | PublishNothingForDomain(_) => tr!("hint-publish-domain"),
            PublishSameAddress { .. } => tr!("hint-publish-same-address"),
            ContactNotFound { .. } => tr!("hint-contact-list"),
            InputNotAFile(_) => tr!("hint-input-not-a-file"),
            InputMissing(_) => tr!("hint-input-missing"),
            ContactRevoked(_) => tr!("hint-cert-ask-for-new-key"),
            InvalidDuration(_) | ZeroDuration(_) => tr!("hint-invalid-duration"),
            RetainTooLong { .. } => tr!("hint-retain-too-long"),
            LogRetentionTooShort { min, .. } => tr!("hint-log-retention-too-short", min = min),
            NoSuchFile(_) | NotSealed(_) => tr!("hint-no-such-file"),
            SealedKeyGone(_) => tr!("hint-sealed-key-gone"),
            Viewer(_) => tr!("hint-viewer"),
            AuditBroken(_) => tr!("hint-audit-broken"),
            StateDisagrees(_) => tr!("hint-state-disagrees"),
            StateDamaged(_) => tr!("hint-state-damaged"),
            AliasTaken(alias) => tr!("hint-alias-taken", alias = alias.clone()),
            CertAlreadyStored { alias, .. } => {
                tr!("hint-cert-already-stored", alias = alias.clone())
            }
            CertRejected(problem) => match problem {
                CertProblem::SecretKeyMaterial => tr!("hint-cert-secret-key-material"),
                CertProblem::Revoked | CertProblem::Expired(_) | CertProblem::NoEncryptionKey => {
                    tr!("hint-cert-ask-for-new-key")
                }
                CertProblem::TooWeak(_) => tr!("hint-cert-too-weak"),
                CertProblem::SeveralCertificates(_) => tr!("hint-cert-several"),
                CertProblem::OwnKey => tr!("hint-cert-is-own"),
                _ => tr!("hint-cert-export-again"),
            },
            VerifyRefused { problem, .. } => problem.hint(),
            PassphraseCancelled => tr!("hint-passphrase-cancelled"),
            NotInteractive(_) => tr!("hint-not-interactive"),
            RecipientsUnverified(aliases) => {
                // Where the user learns of --unverified-ok, warn about what
                // goes in it.
                format!(
                    "{}\n{}",
                    tr!("hint-recipients-unverified", alias = aliases[0].clone()),
                    tr!("hint-unverified-reason")
                )
            }
            RecipientUnusable { alias, .. } => {
                tr!("hint-recipient-unusable", alias = alias.clone())
            }
            InputEmpty(_) => tr!("hint-input-empty"),
            OutputDir(path) if first_missing(path).is_some() => {
                tr!(
                    "hint-output-dir-create",
                    command = format!("mkdir -p {}", shell_quote(&path.display().to_string()))
                )
            }
            OutputDir(_) => tr!("hint-output-not-a-folder"),
            SenderNotVerified { .. } => tr!("hint-sender-not-verified"),
            MessageRejected(problem) => match problem {
                MessageProblem::NotForUs(_) => tr!("hint-message-not-for-us"),
                MessageProblem::Tampered | MessageProblem::Truncated | MessageProblem::BadSignature(_) => {
                    tr!("hint-message-resend")
                }
                MessageProblem::IsAKey => tr!("hint-message-is-a-key"),
                MessageProblem::LibrePgpAead => tr!("hint-message-librepgp-aead"),
                MessageProblem::NotOpenPgp | MessageProblem::BadArmor(_) => {
                    tr!("hint-message-not-openpgp")
                }
                MessageProblem::TooLarge(_) => tr!("hint-message-too-large"),
                MessageProblem::PasswordOnly => tr!("hint-message-password-only"),
                MessageProblem::Damaged | MessageProblem::Malformed(_) => tr!("hint-message-damaged"),
                MessageProblem::LockedFor(_) => tr!("hint-message-locked-for"),
                MessageProblem::WrongPassword => tr!("hint-message-wrong-password"),
                _ => return None,
            },
            OutputExists(_) => tr!("hint-output-exists"),
            KeyFileNotRegular(_) => tr!("hint-key-file-not-regular"),
            NoEmailAddress(alias) => tr!("hint-no-email-address", alias = alias.clone()),
            MailRejected(problem) => match problem {
                MailProblem::TooLarge(_) => tr!("hint-mail-size-limit"),
                _ => tr!("hint-message-resend"),
            },
            MailNotSetUp => tr!("hint-mail-not-set-up"),
            MailSetting(_) => tr!("hint-mail-setting"),
            PlaintextSmtpNotLoopback(_) | PlaintextSmtpNeedsFlag => tr!("hint-plaintext-smtp"),
            SmtpPasswordMissing(_) => tr!("hint-smtp-password-missing"),
            SmtpPasswordFile { .. } => tr!("hint-smtp-password-file"),
            CaFile { .. } => tr!("hint-ca-file"),
            NotPgpMime(_) => tr!("hint-not-pgp-mime"),
            MailPartlyUnprotected => tr!("hint-mail-partly-unprotected"),
            EmailTooLarge { .. } => tr!("hint-email-too-large"),
            MailNoSuchMessage(_) => tr!("hint-mail-no-such-message"),
            DeliveryFailed { problem, .. } => match problem {
                DeliveryProblem::Unreachable(_) | DeliveryProblem::Interrupted { .. } => {
                    tr!("hint-delivery-unreachable")
                }
                DeliveryProblem::Tls(_) => tr!("hint-delivery-tls"),
                DeliveryProblem::AuthRefused(_) => tr!("hint-delivery-auth-refused"),
                DeliveryProblem::RecipientRejected { .. } => tr!("hint-delivery-recipient-rejected"),
                DeliveryProblem::TooLarge { .. } => tr!("hint-delivery-too-large"),
                DeliveryProblem::Refused { .. } => tr!("hint-delivery-refused"),
                DeliveryProblem::Unconfirmed(_) => tr!("hint-delivery-unconfirmed-no-id"),
            },
            DeliveryUnconfirmed { message_id, .. } => {
                tr!("hint-delivery-unconfirmed", message_id = Safe(message_id).to_string())
            }
            State(_) => tr!("hint-state"),
            Network { problem: NetProblem::Tls(_), .. } => tr!("hint-network-tls"),
            Network { .. } => tr!("hint-network"),
            KeyNotFound { .. } => tr!("hint-key-not-found"),
            RefreshIncomplete { .. } => tr!("hint-refresh-incomplete"),
            KeysRefused { .. } => tr!("hint-keys-refused"),
            SeveralKeys { .. } => tr!("hint-several-keys"),
            KeySource { .. } => tr!("hint-key-source"),
            Io { source, .. } => {
                use std::io::ErrorKind::*;
                match source.kind() {
                    StorageFull | QuotaExceeded => tr!("hint-io-no-space"),
                    PermissionDenied | ReadOnlyFilesystem => tr!("hint-io-read-only"),
                    NotFound => tr!("hint-io-not-found"),
                    AlreadyExists | NotADirectory | IsADirectory => tr!("hint-io-in-the-way"),
                    _ => tr!("hint-io"),
                }
            }
            // s7-send: sending with a password told by phone.
            PasswordMixedRecipients { without_key, .. } => {
                tr!("hint-password-mixed", alias = without_key.first().cloned().unwrap_or_default())
            }
            PasswordSeveralRecipients(_) => tr!("hint-password-several"),
            PasswordArmorNeedsOpenPgp => tr!("hint-password-armor-pdf"),
            PasswordFormatWithoutPassword => tr!("hint-password-format-key"),
            PasswordUnverifiedOk => tr!("hint-password-unverified-ok"),
            PasswordJsonNeedsTold => tr!("hint-password-json-needs-told"),
            SendPasswordNeedsTerminal => tr!("hint-sendpw-needs-terminal"),
            PasswordMailText => tr!("hint-password-mail-text"),
            PasswordNotTold => tr!("hint-password-not-told"),
            // The password-protected PDF (pdf).
            PdfEmpty => tr!("hint-pdf-empty"),
            PdfTooLarge { .. } => tr!("hint-pdf-too-large"),
            PdfCheckEmpty(_) => tr!("hint-pdfcheck-empty"),
            PdfCheckTooLarge { .. } => tr!("hint-pdfcheck-too-large"),
            PdfAlreadyEncrypted => tr!("hint-pdf-already-encrypted"),
            PdfDamaged { .. } => tr!("hint-pdf-damaged"),
            PdfWrongPassword => tr!("hint-pdf-wrong-password"),
            PdfNotEncrypted => tr!("hint-pdf-not-encrypted"),
            PdfNotPdf => tr!("hint-pdf-not-pdf"),
            PasswordFile { .. } => tr!("hint-password-file"),
            PasswordNeedsTerminal => tr!("hint-password-needs-terminal"),
            PasswordEmpty => tr!("hint-password-empty"),
            // s7-nokey: patient contacts without a key.
            NoKey { alias } => tr!("hint-nokey-send", alias = alias.clone()),
            ColleagueNeedsKey => tr!("hint-nokey-colleague"),
            NoKeyToVerify(alias) => tr!("hint-nokey-verify", alias = alias.clone()),
            NoKeyToPublish(_) => tr!("hint-nokey-publish"),
            AlreadyHasKey(alias) => tr!("hint-nokey-has-key", alias = alias.clone()),
            ConsentMissing(alias) => tr!("hint-consent-missing", alias = alias.clone()),
            ConsentWithdrawn { alias, at } => {
                tr!("hint-consent-withdrawn", alias = alias.clone(), date = crate::when::show_date(at))
            }
            ConsentColleague(_) => tr!("hint-consent-colleague"),
            // Renewal (renew).
            IdentityExpired(_) => tr!("hint-renew-expired"),
            RenewRevoked => tr!("hint-renew-revoked"),
            RenewShorter { .. } => tr!("hint-renew-shorter"),
            // Backup and restore.
            Backup(problem) => match problem {
                BackupProblem::CodeTypo => tr!("hint-backup-code-typo"),
                BackupProblem::WrongCode => tr!("hint-backup-wrong-code"),
                BackupProblem::NoCode => tr!("hint-backup-no-code"),
                BackupProblem::Damaged(_) | BackupProblem::Inconsistent(_) => tr!("hint-backup-damaged"),
                BackupProblem::NewerFormat(_) => tr!("hint-backup-newer-format"),
                BackupProblem::HomeNotEmpty(_) => tr!("hint-backup-home-not-empty"),
                BackupProblem::OtherIdentity { .. } => tr!("hint-backup-other-identity"),
                BackupProblem::SameIdentity { .. } => tr!("hint-backup-same-identity"),
            },
            // Revoking the identity and replacing it.
            IdentityRevoked { .. } => tr!("hint-identity-revoked"),
            RevocationUnusable(_) => tr!("hint-revocation-unusable"),
            RevokeNeedsYes => tr!("hint-revoke-needs-yes"),
            ReplaceNotRevoked(_) => tr!("hint-replace-not-revoked"),
            TransitionRefused(_) => tr!("hint-transition-refused"),
            _ => return None,
        })
    }

    /// What `--json` adds to the error object, under its name: for an
    /// email that may have been delivered, the `delivery` as `send --smtp`
    /// reports one.
    pub fn json_detail(&self) -> Option<(&'static str, serde_json::Value)> {
        match self {
            Error::RefreshIncomplete { contacts, .. } => Some(("contacts", contacts.clone())),
            Error::DeliveryUnconfirmed { server, message_id, .. } => Some((
                "delivery",
                serde_json::json!({ "status": "maybe-delivered", "server": server, "message_id": message_id }),
            )),
            _ => None,
        }
    }

    /// Wraps an I/O error with what carepost was doing (an `io-…` message
    /// id such as `"io-read"`) and where.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = e {
            return match inner.downcast::<UnknownValue>() {
                Ok(unknown) => Error::StateDamaged(*unknown),
                Err(inner) => Error::State(inner.to_string()),
            };
        }
        Error::State(e.to_string())
    }
}

/// What went wrong in an I/O error, in the user's language: the kinds a
/// user can act on get a sentence, and the system's own (English) text
/// follows only as a marked technical detail.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let id = match e.kind() {
        NotFound => "io-reason-not-found",
        PermissionDenied => "io-reason-permission",
        StorageFull | QuotaExceeded => "io-reason-no-space",
        ReadOnlyFilesystem => "io-reason-read-only",
        AlreadyExists => "io-reason-exists",
        IsADirectory => "io-reason-is-a-folder",
        NotADirectory => "io-reason-not-a-folder",
        ConnectionRefused => "io-reason-refused",
        TimedOut => "io-reason-timed-out",
        InvalidData => "io-reason-damaged",
        ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof => "io-reason-cut-off",
        HostUnreachable | NetworkUnreachable | NetworkDown => "io-reason-no-network",
        _ => "io-reason-other",
    };
    crate::i18n::translate(id, &[("details", crate::i18n::Arg::from(Safe(e.to_string()).to_string()))])
}

/// A revocation's reason code (`crate::revoke`) in words.
pub fn revocation_reason_words(code: &str) -> String {
    match code {
        "compromised" => tr!("revoke-reason-compromised"),
        "superseded" => tr!("revoke-reason-superseded"),
        "retired" => tr!("revoke-reason-retired"),
        _ => tr!("revoke-reason-unspecified"),
    }
}

/// Quotes a path for a shell command shown in a hint.
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+:@,".contains(c)) {
        s.to_owned()
    } else {
        format!("'{}'", Safe(s).to_string().replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_contract() {
        assert_eq!(Error::NoIdentity.exit_status().code(), 5);
        let mismatch =
            Error::VerifyRefused { alias: "x".into(), problem: crate::reading::Misreading::Mismatch, standing: None };
        assert_eq!(mismatch.exit_status().code(), 3);
        assert_eq!(Error::PassphraseCancelled.exit_status().code(), 5);
        assert_eq!(Error::Cancelled.exit_status().code(), 1);
        assert_eq!(Error::CertRejected(CertProblem::Revoked).exit_status().code(), 4);
        assert_eq!(Error::InvalidAlias("X".into()).exit_status().code(), 2);
        assert_eq!(Error::ContactNotFound { alias: "p-1".into(), similar: vec![] }.exit_status().code(), 2);
        assert_eq!(Error::InputMissing("x.pdf".into()).exit_status().code(), 2);
        let perm = Error::UnsafePermissions { path: "/h".into(), mode: 0o755, wanted: 0o700 };
        assert_eq!(perm.exit_status().code(), 1);
        assert_eq!(Error::MessageRejected(MessageProblem::WrongPassword).exit_status().code(), 4);
        assert_eq!(Error::PasswordNeedsTerminal.exit_status().code(), 2);
    }

    #[test]
    fn permission_hint_gives_the_exact_command() {
        let e = Error::UnsafePermissions { path: "/home/a b/carepost".into(), mode: 0o755, wanted: 0o700 };
        assert!(e.hint().unwrap().contains("chmod 700 '/home/a b/carepost'"));
        assert!(e.to_string().contains("755"));
    }

    #[test]
    fn a_missing_output_folder_names_the_folder_to_create() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a").join("b");
        let message = Error::OutputDir(deep.clone()).to_string();
        assert!(message.contains(&dir.path().join("a").display().to_string()), "{message}");
        assert!(Error::OutputDir(deep.clone()).hint().unwrap().contains("mkdir -p"));
        let file = dir.path().join("f");
        std::fs::write(&file, b"x").unwrap();
        let message = Error::OutputDir(file).to_string();
        assert!(!message.contains("does not exist"), "{message}");
    }

    #[test]
    fn a_missing_keychain_says_how_to_get_one_and_what_to_do_meanwhile() {
        let hint = Error::Keychain("no keychain service is running".into()).hint().unwrap();
        assert!(hint.contains("--passphrase-file"), "{hint}");
        #[cfg(target_os = "linux")]
        assert!(hint.contains("GNOME Keyring") && hint.contains("gnome-keyring"), "{hint}");
    }

    #[test]
    fn shell_quote_escapes_quotes() {
        assert_eq!(shell_quote("/plain/path"), "/plain/path");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }
}

// Backup and restore.
/// Why a backup could not be written or restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    /// The recovery code as typed fails its check: a typo.
    CodeTypo,
    /// A well-formed recovery code that does not open this backup.
    WrongCode,
    /// No recovery code given, and nobody to ask.
    NoCode,
    /// The file is not a whole carepost backup (cut short, changed, not a
    /// backup at all); the reason in the user's language.
    Damaged(String),
    /// Written by a newer carepost, in a format this one does not know.
    NewerFormat(u32),
    /// The backup opens but its parts disagree (fingerprint, log head,
    /// verifications); the reason in the user's language.
    Inconsistent(String),
    /// The home to restore into exists and holds something.
    HomeNotEmpty(PathBuf),
    /// The home already holds another identity.
    OtherIdentity { home: String, backup: String },
    /// The home already holds this identity; `log_ahead` when its log has
    /// records after the backup's (the backup is older than the home).
    SameIdentity { fingerprint: String, backup_head: u64, home_head: Option<u64> },
}

fn backup_problem_message(problem: &BackupProblem) -> String {
    match problem {
        BackupProblem::CodeTypo => tr!("error-backup-code-typo"),
        BackupProblem::WrongCode => tr!("error-backup-wrong-code"),
        BackupProblem::NoCode => tr!("error-backup-no-code"),
        BackupProblem::Damaged(reason) => tr!("error-backup-damaged", reason = reason.clone()),
        BackupProblem::NewerFormat(version) => tr!("error-backup-newer-format", version = *version),
        BackupProblem::Inconsistent(reason) => tr!("error-backup-inconsistent", reason = reason.clone()),
        BackupProblem::HomeNotEmpty(path) => {
            tr!("error-backup-home-not-empty", path = Safe(path.display().to_string()).to_string())
        }
        BackupProblem::OtherIdentity { home, backup } => {
            tr!("error-backup-other-identity", home = home.clone(), backup = backup.clone())
        }
        BackupProblem::SameIdentity { fingerprint, backup_head, home_head } => match home_head {
            Some(home_head) if home_head > backup_head => tr!(
                "error-backup-same-identity-older",
                fingerprint = fingerprint.clone(),
                backup = *backup_head,
                home = *home_head
            ),
            _ => tr!("error-backup-same-identity", fingerprint = fingerprint.clone()),
        },
    }
}
