//! Streaming progress, reported by sealing and opening alike to whoever
//! shows it (the binary's progress bar), so that neither depends on the
//! other for it.

/// Reports streaming progress to whoever shows it.
pub trait Progress {
    fn start(&self, total_bytes: u64);
    fn advance(&self, bytes: u64);
    fn finish(&self);
}

/// Progress that nobody watches.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: u64) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}
