//! `carepost files`, `files release` and `files delete`, one per file;
//! the two verbs that decide about one file report it the same way.

use serde::Serialize;

pub mod delete;
pub mod list;
pub mod release;

/// What `files release` and `files delete` decided about one file.
#[derive(Serialize)]
struct Decided {
    id: i64,
    state: &'static str,
}
