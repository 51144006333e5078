//! The state database: one SQLite file in the home, in WAL mode with a busy
//! timeout, so that several carepost processes can run at once and a crash
//! at any moment leaves either the old state or the new one.
//!
//! The schema is versioned with `PRAGMA user_version`; [`MIGRATIONS`] takes
//! any older home forward inside one transaction.
//!
//! Values go in and out as types, never as loose strings: an enum column
//! is read through [`from_code`], which refuses a value carepost never
//! writes ([`UnknownValue`], reported as a damaged state database), and a
//! path through [`SqlPath`] / [`StoredPath`], which keep every byte of it.

use crate::consent_state::{ConsentHow, ConsentRecord, ConsentState};
pub use crate::error::UnknownValue;
use crate::error::{Error, Result};
use crate::home::Home;
use crate::origin::KeyOrigin;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Each entry moves the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the contact book.
    "CREATE TABLE contacts (
        alias       TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('patient', 'colleague')),
        fingerprint TEXT NOT NULL UNIQUE,
        cert        BLOB NOT NULL,
        added_at    TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
    // 2: risks the user accepted, with their reason (e.g. sending to a
    //    contact not yet verified).
    "CREATE TABLE risk_acceptances (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        contacts    TEXT NOT NULL,
        reason      TEXT NOT NULL,
        documents   TEXT NOT NULL
    );",
    // 3: the audit log's anchors (the log itself is a file) and every file
    //    carepost created, with its retention.
    "CREATE TABLE audit_anchor (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        base_seq   INTEGER NOT NULL,
        base_prev  TEXT NOT NULL,
        head_seq   INTEGER NOT NULL,
        head_hash  TEXT NOT NULL
    );
    CREATE TABLE managed_files (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('sent', 'received', 'view', 'sealed')),
        path        TEXT NOT NULL,
        size        INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        plaintext   INTEGER NOT NULL,
        state       TEXT NOT NULL DEFAULT 'active'
                    CHECK (state IN ('pending', 'active', 'deleted', 'missing', 'changed')),
        closed_at   TEXT,
        sealed_key  BLOB
    );
    CREATE INDEX managed_files_due ON managed_files (state, expires_at);",
    // 4: encrypted emails waiting for (or done with) SMTP delivery. The
    //    envelope is read from the message itself when it is sent, so no
    //    email address is kept here; recipients are aliases and
    //    fingerprints, errors a step and a code, never a server's text.
    "CREATE TABLE mail_outbox (
        id              INTEGER PRIMARY KEY,
        path            TEXT NOT NULL,
        message_id      TEXT NOT NULL UNIQUE,
        recipients      TEXT NOT NULL,
        size            INTEGER NOT NULL,
        sha256          TEXT NOT NULL,
        queued_at       TEXT NOT NULL,
        state           TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'sending', 'sent', 'cancelled', 'gone')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        claimed_at      TEXT,
        last_error      TEXT,
        sent_at         TEXT,
        server          TEXT
    );
    CREATE INDEX mail_outbox_state ON mail_outbox (state);",
    // 5: a managed file can be 'released': the user took it out of
    //    carepost's care (`files release ID`). SQLite cannot change a
    //    CHECK constraint in place, so the table is rebuilt.
    "CREATE TABLE managed_files_v5 (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('sent', 'received', 'view', 'sealed')),
        path        TEXT NOT NULL,
        size        INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        plaintext   INTEGER NOT NULL,
        state       TEXT NOT NULL DEFAULT 'active'
                    CHECK (state IN ('pending', 'active', 'deleted', 'missing', 'changed', 'released')),
        closed_at   TEXT,
        sealed_key  BLOB
    );
    INSERT INTO managed_files_v5 SELECT id, kind, path, size, sha256, created_at, expires_at, plaintext, state,
        closed_at, sealed_key FROM managed_files;
    DROP TABLE managed_files;
    ALTER TABLE managed_files_v5 RENAME TO managed_files;
    CREATE INDEX managed_files_due ON managed_files (state, expires_at);",
    // 6: a queued email can be 'maybe-delivered': the connection broke
    //    after the whole message and its final "." went out, before the
    //    server's reply. It is not retried on its own (the server may
    //    have it); `mail retry --resend ID` sends it again. The table is
    //    rebuilt for the new CHECK.
    "CREATE TABLE mail_outbox_v6 (
        id              INTEGER PRIMARY KEY,
        path            TEXT NOT NULL,
        message_id      TEXT NOT NULL UNIQUE,
        recipients      TEXT NOT NULL,
        size            INTEGER NOT NULL,
        sha256          TEXT NOT NULL,
        queued_at       TEXT NOT NULL,
        state           TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'sending', 'sent', 'cancelled', 'gone', 'maybe-delivered')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        claimed_at      TEXT,
        last_error      TEXT,
        sent_at         TEXT,
        server          TEXT
    );
    INSERT INTO mail_outbox_v6 SELECT id, path, message_id, recipients, size, sha256, queued_at, state, attempts,
        claimed_at, last_error, sent_at, server FROM mail_outbox;
    DROP TABLE mail_outbox;
    ALTER TABLE mail_outbox_v6 RENAME TO mail_outbox;
    CREATE INDEX mail_outbox_state ON mail_outbox (state);",
    // 7: where a contact's key came from, which server answered (NULL for
    //    a file), the address it was looked up by (to ask WKD again on
    //    refresh), and when it was last refreshed.
    "ALTER TABLE contacts ADD COLUMN source TEXT NOT NULL DEFAULT 'file'
        CHECK (source IN ('file', 'autocrypt', 'wkd', 'vks', 'hkp'));
    ALTER TABLE contacts ADD COLUMN source_url TEXT;
    ALTER TABLE contacts ADD COLUMN email TEXT;
    ALTER TABLE contacts ADD COLUMN refreshed_at TEXT;",
    // 8: a patient may be a contact without a key (documents go to them
    //    with a password told by phone): fingerprint and certificate may
    //    both be NULL — both or neither — with 'none' as the key's origin;
    //    a colleague always has a key. SQLite allows several NULLs in a
    //    UNIQUE column. The table is rebuilt for the new constraints.
    "CREATE TABLE contacts_v8 (
        alias        TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('patient', 'colleague')),
        fingerprint  TEXT UNIQUE,
        cert         BLOB,
        added_at     TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        source       TEXT NOT NULL DEFAULT 'file'
                     CHECK (source IN ('file', 'autocrypt', 'wkd', 'vks', 'hkp', 'none')),
        source_url   TEXT,
        email        TEXT,
        refreshed_at TEXT,
        CHECK ((fingerprint IS NULL) = (cert IS NULL)),
        CHECK ((cert IS NULL) = (source = 'none')),
        CHECK (cert IS NOT NULL OR kind = 'patient')
    );
    INSERT INTO contacts_v8 SELECT alias, kind, fingerprint, cert, added_at, updated_at, source, source_url, email,
        refreshed_at FROM contacts;
    DROP TABLE contacts;
    ALTER TABLE contacts_v8 RENAME TO contacts;",
    // 9: a patient's consent to this channel: never recorded (NULL, as
    //    every contact after the upgrade), given (with how, and when) or
    //    withdrawn (when), and the user's own note. A colleague never has
    //    a consent record. SQLite checks new columns' CHECKs against the
    //    rows already there, so plain ALTERs suffice.
    "ALTER TABLE contacts ADD COLUMN consent_state TEXT
        CHECK (consent_state IS NULL OR (consent_state IN ('given', 'withdrawn') AND kind = 'patient'));
    ALTER TABLE contacts ADD COLUMN consent_how TEXT
        CHECK (consent_how IS NULL OR consent_how IN ('verbal', 'written', 'portal'))
        CHECK ((consent_how IS NOT NULL) = (consent_state IS 'given'));
    ALTER TABLE contacts ADD COLUMN consent_at TEXT
        CHECK ((consent_at IS NULL) = (consent_state IS NULL));
    ALTER TABLE contacts ADD COLUMN consent_note TEXT
        CHECK (consent_note IS NULL OR consent_state IS NOT NULL);",
];

/// The columns every contact query reads, in [`row_to_contact`]'s order.
const CONTACT_COLUMNS: &str = "alias, kind, fingerprint, cert, added_at, updated_at, source, source_url, email, \
     refreshed_at, consent_state, consent_how, consent_at, consent_note";

/// How long a command waits for another carepost process to finish writing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// A stored contact as the database holds it.
#[derive(Debug, Clone)]
pub struct ContactRow {
    pub alias: String,
    pub kind: String,
    /// `None` for a patient without a key (and then `cert` is `None` too).
    pub fingerprint: Option<String>,
    /// The contact's public certificate, binary, including carepost's own
    /// local certification once verified; `None` without a key.
    pub cert: Option<Vec<u8>>,
    pub added_at: String,
    pub updated_at: String,
    /// Where the key came from: see [`crate::contacts::Origin`].
    pub source: KeyOrigin,
    pub source_url: Option<String>,
    pub email: Option<String>,
    pub refreshed_at: Option<String>,
    /// The patient's consent, `None` when never recorded (and always for
    /// a colleague).
    pub consent: Option<ConsentRecord>,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the home's state database. A missing
    /// database is not recreated when the audit log has records: that
    /// would silently forget contacts and the documents under retention.
    pub fn open(home: &Home) -> Result<Store> {
        let log_has_records = std::fs::metadata(home.audit_log()).is_ok_and(|m| m.is_file() && m.len() > 0);
        if log_has_records && !home.state_db().exists() {
            return Err(Error::StateDisagrees(crate::tr!("state-missing")));
        }
        Store::open_for_rebuild(home)
    }

    /// Opens (creating if needed) the state database whatever the log
    /// holds: for rebuilding it from the log.
    pub fn open_for_rebuild(home: &Home) -> Result<Store> {
        let path = home.state_db();
        match crate::home::create_new_private(&path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::io("io-create", &path, e)),
        }
        let conn = Connection::open(&path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // Deleted rows (a destroyed document key) are overwritten, not
        // just unlinked from the b-tree.
        conn.pragma_update(None, "secure_delete", true)?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: usize = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > MIGRATIONS.len() {
            return Err(Error::State(crate::tr!("state-newer-version", version = version)));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i + 1)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Direct access for modules that own their own tables.
    pub fn connection(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn contact(&self, alias: &str) -> Result<Option<ContactRow>> {
        Ok(self
            .conn
            .query_row(&format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE alias = ?1"), [alias], row_to_contact)
            .optional()?)
    }

    pub fn contact_by_fingerprint(&self, fingerprint: &str) -> Result<Option<ContactRow>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE fingerprint = ?1"),
                [fingerprint],
                row_to_contact,
            )
            .optional()?)
    }

    pub fn contacts(&self) -> Result<Vec<ContactRow>> {
        let mut stmt = self.conn.prepare(&format!("SELECT {CONTACT_COLUMNS} FROM contacts ORDER BY alias"))?;
        let rows = stmt.query_map([], row_to_contact)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Adds a contact; the alias and the fingerprint must both be new. The
    /// check and the insert happen in one transaction, so two processes
    /// adding at once cannot both succeed.
    pub fn insert_contact(&mut self, row: &ContactRow) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if tx.query_row("SELECT 1 FROM contacts WHERE alias = ?1", [&row.alias], |_| Ok(())).optional()?.is_some() {
            return Err(Error::AliasTaken(row.alias.clone()));
        }
        if let Some(fingerprint) = &row.fingerprint {
            if let Some(existing) = tx
                .query_row("SELECT alias FROM contacts WHERE fingerprint = ?1", [fingerprint], |r| {
                    r.get::<_, String>(0)
                })
                .optional()?
            {
                return Err(Error::CertAlreadyStored { alias: existing, fingerprint: fingerprint.clone() });
            }
        }
        tx.execute(
            &format!(
                "INSERT INTO contacts ({CONTACT_COLUMNS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ),
            params![
                row.alias,
                row.kind,
                row.fingerprint,
                row.cert,
                row.added_at,
                row.updated_at,
                row.source,
                row.source_url,
                row.email,
                row.refreshed_at,
                row.consent.as_ref().map(|c| c.state),
                row.consent.as_ref().and_then(|c| c.how),
                row.consent.as_ref().map(|c| c.at.clone()),
                row.consent.as_ref().and_then(|c| c.note.clone())
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces a contact's certificate (and fingerprint, when the key
    /// changed). Fails if another contact already holds that fingerprint.
    pub fn replace_contact_cert(&mut self, alias: &str, fingerprint: &str, cert: &[u8], now: &str) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(other) = tx
            .query_row(
                "SELECT alias FROM contacts WHERE fingerprint = ?1 AND alias != ?2",
                params![fingerprint, alias],
                |r| r.get::<_, String>(0),
            )
            .optional()?
        {
            return Err(Error::CertAlreadyStored { alias: other, fingerprint: fingerprint.to_owned() });
        }
        let changed = tx.execute(
            "UPDATE contacts SET fingerprint = ?2, cert = ?3, updated_at = ?4 WHERE alias = ?1",
            params![alias, fingerprint, cert, now],
        )?;
        if changed == 0 {
            return Err(Error::ContactNotFound { alias: alias.to_owned(), similar: Vec::new() });
        }
        tx.commit()?;
        Ok(())
    }

    /// Gives a contact that has no key its first one, with where it came
    /// from. Only a contact still without a key is changed, in one
    /// transaction: a key never replaces another this way, and two
    /// processes cannot both attach one. Fails if another contact already
    /// holds that fingerprint.
    pub fn attach_contact_key(
        &mut self,
        alias: &str,
        fingerprint: &str,
        cert: &[u8],
        source: KeyOrigin,
        source_url: Option<&str>,
        now: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(other) = tx
            .query_row("SELECT alias FROM contacts WHERE fingerprint = ?1", [fingerprint], |r| r.get::<_, String>(0))
            .optional()?
        {
            return Err(Error::CertAlreadyStored { alias: other, fingerprint: fingerprint.to_owned() });
        }
        let changed = tx.execute(
            "UPDATE contacts SET fingerprint = ?2, cert = ?3, source = ?4, source_url = ?5, updated_at = ?6,
                 refreshed_at = NULL
             WHERE alias = ?1 AND cert IS NULL",
            params![alias, fingerprint, cert, source, source_url, now],
        )?;
        if changed == 0 {
            return Err(Error::State(crate::tr!("nokey-key-already-attached", alias = alias)));
        }
        tx.commit()?;
        Ok(())
    }

    /// Notes a successful refresh of a contact's key, new or not.
    pub fn mark_contact_refreshed(&mut self, alias: &str, at: &str) -> Result<()> {
        let changed =
            self.conn.execute("UPDATE contacts SET refreshed_at = ?2 WHERE alias = ?1", params![alias, at])?;
        if changed == 0 {
            return Err(Error::ContactNotFound { alias: alias.to_owned(), similar: Vec::new() });
        }
        Ok(())
    }

    pub fn remove_contact(&mut self, alias: &str) -> Result<()> {
        let changed = self.conn.execute("DELETE FROM contacts WHERE alias = ?1", [alias])?;
        if changed == 0 {
            return Err(Error::ContactNotFound { alias: alias.to_owned(), similar: Vec::new() });
        }
        Ok(())
    }
}

/// An enum stored in state.db by its text code.
pub trait Code: Sized + Copy + 'static {
    /// The column, for the error that names a damaged value.
    const COLUMN: &'static str;
    /// Every value: what may be read back.
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
}

/// Reads an enum column: exactly one of `T::ALL`'s codes, else
/// [`UnknownValue`].
pub fn from_code<T: Code>(value: ValueRef<'_>) -> FromSqlResult<T> {
    let unknown = |text: String| FromSqlError::Other(Box::new(UnknownValue { column: T::COLUMN, value: text }));
    match value {
        ValueRef::Text(bytes) => T::ALL
            .iter()
            .copied()
            .find(|v| v.code().as_bytes() == bytes)
            .ok_or_else(|| unknown(String::from_utf8_lossy(bytes).chars().take(40).collect())),
        other => Err(unknown(format!("({:?})", other.data_type()))),
    }
}

/// Implements `ToSql`/`FromSql` for a [`Code`] enum.
macro_rules! sql_code {
    ($t:ty) => {
        impl rusqlite::types::ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from($crate::store::Code::code(*self)))
            }
        }
        impl rusqlite::types::FromSql for $t {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                $crate::store::from_code(value)
            }
        }
    };
}
pub(crate) use sql_code;

impl Code for KeyOrigin {
    const COLUMN: &'static str = "contacts.source";
    const ALL: &'static [KeyOrigin] =
        &[KeyOrigin::File, KeyOrigin::Autocrypt, KeyOrigin::Wkd, KeyOrigin::Vks, KeyOrigin::Hkp, KeyOrigin::None];
    fn code(self) -> &'static str {
        self.as_str()
    }
}
sql_code!(KeyOrigin);

impl Code for ConsentState {
    const COLUMN: &'static str = "contacts.consent_state";
    // `missing` is the absence of a record, never a stored value.
    const ALL: &'static [ConsentState] = &[ConsentState::Given, ConsentState::Withdrawn];
    fn code(self) -> &'static str {
        self.as_str()
    }
}
sql_code!(ConsentState);

impl Code for ConsentHow {
    const COLUMN: &'static str = "contacts.consent_how";
    const ALL: &'static [ConsentHow] = &ConsentHow::ALL;
    fn code(self) -> &'static str {
        self.as_str()
    }
}
sql_code!(ConsentHow);

/// A path as state.db stores it: as text when it is UTF-8 (every path
/// older homes hold), as its exact bytes otherwise. A lossy conversion
/// would record a name that does not exist, and purge would never find
/// (nor delete) the document. The same path always takes the same form,
/// so `path = ?` comparisons hold.
pub struct SqlPath<'a>(pub &'a Path);

impl ToSql for SqlPath<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        if let Some(text) = self.0.to_str() {
            return Ok(ToSqlOutput::from(text));
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            Ok(ToSqlOutput::from(self.0.as_os_str().as_bytes()))
        }
        // Elsewhere a path that is not Unicode has no portable bytes:
        // refused rather than stored as a different name.
        #[cfg(not(unix))]
        Err(rusqlite::Error::ToSqlConversionFailure(Box::new(UnknownValue {
            column: "path",
            value: self.0.to_string_lossy().chars().take(40).collect(),
        })))
    }
}

/// A path read back from state.db (see [`SqlPath`]).
pub struct StoredPath(pub PathBuf);

impl FromSql for StoredPath {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Text(_) => Ok(StoredPath(PathBuf::from(value.as_str()?))),
            #[cfg(unix)]
            ValueRef::Blob(bytes) => {
                use std::os::unix::ffi::OsStrExt;
                Ok(StoredPath(PathBuf::from(std::ffi::OsStr::from_bytes(bytes))))
            }
            other => Err(FromSqlError::Other(Box::new(UnknownValue {
                column: "path",
                value: format!("({:?})", other.data_type()),
            }))),
        }
    }
}

fn row_to_contact(r: &rusqlite::Row<'_>) -> rusqlite::Result<ContactRow> {
    Ok(ContactRow {
        alias: r.get(0)?,
        kind: r.get(1)?,
        fingerprint: r.get(2)?,
        cert: r.get(3)?,
        added_at: r.get(4)?,
        updated_at: r.get(5)?,
        source: r.get(6)?,
        source_url: r.get(7)?,
        email: r.get(8)?,
        refreshed_at: r.get(9)?,
        consent: match r.get::<_, Option<ConsentState>>(10)? {
            Some(state) => Some(ConsentRecord { state, how: r.get(11)?, at: r.get(12)?, note: r.get(13)? }),
            None => None,
        },
    })
}

/// Records a patient's consent (given or withdrawn), replacing what was
/// recorded before, on `conn` or inside a transaction (with its audit
/// record). Only a patient has one: for anyone else nothing changes and
/// the contact counts as not found.
pub fn set_contact_consent(conn: &Connection, alias: &str, consent: &ConsentRecord) -> Result<()> {
    let changed = conn.execute(
        "UPDATE contacts SET consent_state = ?2, consent_how = ?3, consent_at = ?4, consent_note = ?5
         WHERE alias = ?1 AND kind = 'patient'",
        params![alias, consent.state, consent.how, consent.at, consent.note],
    )?;
    if changed == 0 {
        return Err(Error::ContactNotFound { alias: alias.to_owned(), similar: Vec::new() });
    }
    Ok(())
}

/// Records a risk the user accepted and why (JSON lists of contacts and
/// document hashes; never names), on `conn` or inside a transaction.
pub fn record_risk_acceptance(
    conn: &Connection,
    at: &str,
    actor: &str,
    action: &str,
    contacts: &str,
    reason: &str,
    documents: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO risk_acceptances (at, actor, action, contacts, reason, documents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![at, actor, action, contacts, reason, documents],
    )?;
    Ok(())
}

/// One risk the user accepted (`send --unverified-ok REASON`), as the
/// report and `status` show it: the aliases, not the fingerprints, and
/// how many documents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RiskAcceptance {
    pub at: String,
    pub contacts: Vec<String>,
    pub reason: String,
    pub documents: u64,
}

impl Store {
    /// The risks accepted from `since` on (RFC 3339), oldest first.
    pub fn risk_acceptances(&mut self, since: Option<&str>) -> Result<Vec<RiskAcceptance>> {
        let mut stmt = self
            .conn
            .prepare("SELECT at, contacts, reason, documents FROM risk_acceptances WHERE at >= ?1 ORDER BY at, id")?;
        let rows = stmt.query_map([since.unwrap_or_default()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, contacts, reason, documents) = row?;
            let contacts: Vec<(String, String)> = serde_json::from_str(&contacts).unwrap_or_default();
            let documents: Vec<(String, u64)> = serde_json::from_str(&documents).unwrap_or_default();
            out.push(RiskAcceptance {
                at,
                contacts: contacts.into_iter().map(|(alias, _)| alias).collect(),
                reason,
                documents: documents.len() as u64,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // One contact row for tests, beside the other origin tests.
    use crate::refresh::tests::row;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::locate(Some(dir.path().join("h"))).unwrap();
        home.create().unwrap();
        let store = Store::open(&home).unwrap();
        (dir, store)
    }

    #[test]
    fn alias_and_fingerprint_are_unique() {
        let (_dir, mut store) = store();
        store.insert_contact(&row("a", "F1")).unwrap();
        assert!(matches!(store.insert_contact(&row("a", "F2")), Err(Error::AliasTaken(_))));
        assert!(matches!(store.insert_contact(&row("b", "F1")), Err(Error::CertAlreadyStored { .. })));
        store.insert_contact(&row("b", "F2")).unwrap();
        assert_eq!(store.contacts().unwrap().len(), 2);
    }

    #[test]
    fn reopening_keeps_state_and_schema() {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::locate(Some(dir.path().join("h"))).unwrap();
        home.create().unwrap();
        Store::open(&home).unwrap().insert_contact(&row("a", "F1")).unwrap();
        let store = Store::open(&home).unwrap();
        assert_eq!(store.contact("a").unwrap().unwrap().fingerprint.as_deref(), Some("F1"));
        home.check().unwrap();
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Colour {
        Red,
        Blue,
    }

    impl Code for Colour {
        const COLUMN: &'static str = "t.colour";
        const ALL: &'static [Colour] = &[Colour::Red, Colour::Blue];
        fn code(self) -> &'static str {
            match self {
                Colour::Red => "red",
                Colour::Blue => "blue",
            }
        }
    }
    sql_code!(Colour);

    #[test]
    fn enum_columns_round_trip_and_refuse_what_carepost_never_writes() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (colour)").unwrap();
        conn.execute("INSERT INTO t VALUES (?1)", [Colour::Blue]).unwrap();
        let back: Colour = conn.query_row("SELECT colour FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(back, Colour::Blue);
        for damaged in ["'green'", "'Blue'", "''", "42", "NULL", "x'626c7565'"] {
            conn.execute_batch(&format!("UPDATE t SET colour = {damaged}")).unwrap();
            let err: Error = conn.query_row("SELECT colour FROM t", [], |r| r.get::<_, Colour>(0)).unwrap_err().into();
            let Error::StateDamaged(unknown) = &err else { panic!("{damaged}: {err:?}") };
            assert_eq!(unknown.column, "t.colour");
            assert_eq!(err.exit_status().code(), 4);
        }
    }

    #[cfg(unix)]
    #[test]
    fn paths_are_stored_byte_for_byte_and_compare_equal() {
        use std::os::unix::ffi::OsStrExt;
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE f (path TEXT)").unwrap();
        let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"/data/ontvangen-\xff/brief.pdf"));
        let plain = PathBuf::from("/data/inbox/brief.pdf");
        for path in [&odd, &plain] {
            conn.execute("INSERT INTO f VALUES (?1)", [SqlPath(path)]).unwrap();
            let back: StoredPath =
                conn.query_row("SELECT path FROM f WHERE path = ?1", [SqlPath(path)], |r| r.get(0)).unwrap();
            assert_eq!(&back.0, path);
        }
        // UTF-8 paths stay text: older homes and other readers see what
        // they always saw.
        let kind: String =
            conn.query_row("SELECT typeof(path) FROM f WHERE path = ?1", [SqlPath(&plain)], |r| r.get(0)).unwrap();
        assert_eq!(kind, "text");
    }

    #[test]
    fn contacts_survive_migration_8_which_allows_a_patient_without_a_key() {
        let conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..7] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute(
            "INSERT INTO contacts (alias, kind, fingerprint, cert, added_at, updated_at, source, email)
             VALUES ('p-1', 'patient', 'F1', x'0102', 't0', 't1', 'wkd', 'a@example.org')",
            [],
        )
        .unwrap();
        let keyless = "INSERT INTO contacts (alias, kind, added_at, updated_at, source)
                       VALUES ('p-2', 'patient', 't', 't', 'none')";
        assert!(conn.execute(keyless, []).is_err(), "version 7 has no contact without a key");
        conn.execute_batch(MIGRATIONS[7]).unwrap();
        let kept: (String, Vec<u8>, String, String) = conn
            .query_row("SELECT fingerprint, cert, source, email FROM contacts WHERE alias = 'p-1'", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
        assert_eq!(kept, ("F1".into(), vec![1, 2], "wkd".into(), "a@example.org".into()));
        assert_eq!(conn.execute(keyless, []).unwrap(), 1);
        // Several contacts without a key: NULLs do not collide.
        conn.execute(&keyless.replace("p-2", "p-3"), []).unwrap();
        // What carepost never writes is refused: a colleague without a key,
        // half a key, a key with origin 'none', no key with another origin.
        for bad in [
            "INSERT INTO contacts (alias, kind, added_at, updated_at, source) VALUES ('c', 'colleague', 't', 't', 'none')",
            "INSERT INTO contacts (alias, kind, fingerprint, added_at, updated_at, source) VALUES ('h', 'patient', 'F9', 't', 't', 'none')",
            "INSERT INTO contacts (alias, kind, fingerprint, cert, added_at, updated_at, source) VALUES ('k', 'patient', 'F8', x'01', 't', 't', 'none')",
            "INSERT INTO contacts (alias, kind, added_at, updated_at, source) VALUES ('f', 'patient', 't', 't', 'file')",
        ] {
            assert!(conn.execute(bad, []).is_err(), "{bad}");
        }
    }

    #[test]
    fn contacts_of_a_version_8_home_have_no_consent_after_migration_9() {
        let conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..8] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO contacts (alias, kind, fingerprint, cert, added_at, updated_at, source)
                 VALUES ('p-1', 'patient', 'F1', x'01', 't0', 't1', 'file');
             INSERT INTO contacts (alias, kind, added_at, updated_at, source)
                 VALUES ('p-2', 'patient', 't', 't', 'none');
             INSERT INTO contacts (alias, kind, fingerprint, cert, added_at, updated_at, source)
                 VALUES ('c-1', 'colleague', 'F2', x'02', 't', 't', 'file');",
        )
        .unwrap();
        conn.execute_batch(MIGRATIONS[8]).unwrap();
        assert_eq!(MIGRATIONS.len(), 9, "consent is schema version 9");
        let rows: Vec<ContactRow> = conn
            .prepare(&format!("SELECT {CONTACT_COLUMNS} FROM contacts ORDER BY alias"))
            .unwrap()
            .query_map([], row_to_contact)
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.consent.is_none()), "no consent recorded after the upgrade");
        assert_eq!(rows[1].fingerprint.as_deref(), Some("F1"), "the rest is kept");
        let given = ConsentRecord {
            state: ConsentState::Given,
            how: Some(ConsentHow::Written),
            at: "t2".into(),
            note: Some("n".into()),
        };
        set_contact_consent(&conn, "p-1", &given).unwrap();
        // A colleague never has a consent record: the update finds no patient.
        assert!(matches!(set_contact_consent(&conn, "c-1", &given), Err(Error::ContactNotFound { .. })));
        let back = conn
            .query_row(&format!("SELECT {CONTACT_COLUMNS} FROM contacts WHERE alias = 'p-1'"), [], row_to_contact)
            .unwrap();
        assert_eq!(back.consent, Some(given));
        // What carepost never writes is refused by the schema itself.
        for bad in [
            "UPDATE contacts SET consent_state = 'given', consent_how = 'verbal', consent_at = 't' WHERE alias = 'c-1'",
            "UPDATE contacts SET consent_state = 'given', consent_at = 't' WHERE alias = 'p-2'",
            "UPDATE contacts SET consent_state = 'withdrawn', consent_how = 'verbal', consent_at = 't' WHERE alias = 'p-2'",
            "UPDATE contacts SET consent_state = 'given', consent_how = 'pigeon', consent_at = 't' WHERE alias = 'p-2'",
            "UPDATE contacts SET consent_state = 'maybe', consent_at = 't' WHERE alias = 'p-2'",
            "UPDATE contacts SET consent_state = 'withdrawn' WHERE alias = 'p-2'",
            "UPDATE contacts SET consent_note = 'n' WHERE alias = 'p-2'",
        ] {
            assert!(conn.execute(bad, []).is_err(), "{bad}");
        }
        conn.execute(
            "UPDATE contacts SET consent_state = 'withdrawn', consent_how = NULL, consent_at = 't3' WHERE alias = 'p-1'",
            [],
        )
        .unwrap();
    }

    #[test]
    fn a_first_key_is_attached_only_to_a_contact_without_one() {
        let (_dir, mut store) = store();
        let mut keyless = row("p-2", "unused");
        keyless.fingerprint = None;
        keyless.cert = None;
        keyless.source = KeyOrigin::None;
        store.insert_contact(&keyless).unwrap();
        store.insert_contact(&row("p-1", "F1")).unwrap();
        let mut other = keyless.clone();
        other.alias = "p-3".into();
        store.insert_contact(&other).unwrap();
        assert!(matches!(
            store.attach_contact_key("p-2", "F1", b"c", KeyOrigin::File, None, "t"),
            Err(Error::CertAlreadyStored { .. })
        ));
        store.attach_contact_key("p-2", "F2", b"c", KeyOrigin::File, None, "t2").unwrap();
        let back = store.contact("p-2").unwrap().unwrap();
        assert_eq!(back.fingerprint.as_deref(), Some("F2"));
        assert_eq!(back.source, KeyOrigin::File);
        assert_eq!(back.updated_at, "t2");
        // Never over a key: neither the same contact again nor a keyed one.
        assert!(store.attach_contact_key("p-2", "F3", b"c", KeyOrigin::File, None, "t").is_err());
        assert!(store.attach_contact_key("p-1", "F4", b"c", KeyOrigin::File, None, "t").is_err());
        assert_eq!(store.contact("p-1").unwrap().unwrap().fingerprint.as_deref(), Some("F1"));
        // A key-replacing update cannot slip one onto a contact without a key.
        assert!(store.replace_contact_cert("p-3", "F5", b"c", "t").is_err());
        assert!(store.contact("p-3").unwrap().unwrap().cert.is_none());
    }

    #[test]
    fn a_queued_email_survives_migration_6_which_allows_maybe_delivered() {
        let conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..5] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute(
            "INSERT INTO mail_outbox (path, message_id, recipients, size, sha256, queued_at, attempts)
             VALUES ('/o/m.eml', 'id@x', '[]', 1, 'ab', 't', 2)",
            [],
        )
        .unwrap();
        let refused = "UPDATE mail_outbox SET state = 'maybe-delivered'";
        assert!(conn.execute(refused, []).is_err(), "version 5 has no such state");
        conn.execute_batch(MIGRATIONS[5]).unwrap();
        assert_eq!(conn.execute(refused, []).unwrap(), 1);
        let kept: (String, i64) =
            conn.query_row("SELECT message_id, attempts FROM mail_outbox", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!(kept, ("id@x".to_owned(), 2));
        assert!(conn.execute("UPDATE mail_outbox SET state = 'lost'", []).is_err());
    }
}
