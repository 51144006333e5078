//! SHA-256 computed on a second thread while the main thread encrypts or
//! decrypts: on a two-core machine hashing then costs no wall time.

use openpgp::crypto::hash::Context as HashContext;
use openpgp::types::HashAlgorithm;
use sequoia_openpgp as openpgp;
use std::io::Write;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Chunks in flight between the producer and the hashing thread.
const QUEUE: usize = 4;

/// A hash context fed from another thread.
pub struct ParallelHasher {
    chunks: Option<SyncSender<Arc<Vec<u8>>>>,
    worker: Option<JoinHandle<HashContext>>,
}

impl ParallelHasher {
    pub fn new(context: HashContext) -> ParallelHasher {
        let (chunks, received) = sync_channel::<Arc<Vec<u8>>>(QUEUE);
        let worker = std::thread::Builder::new()
            .name("hash".into())
            .spawn(move || {
                let mut context = context;
                for chunk in received {
                    context.update(&chunk);
                }
                context
            })
            .expect("a thread can be started");
        ParallelHasher { chunks: Some(chunks), worker: Some(worker) }
    }

    /// A plain SHA-256 (not for a signature).
    pub fn sha256() -> ParallelHasher {
        ParallelHasher::new(HashAlgorithm::SHA256.context().expect("SHA-256 is supported").for_digest())
    }

    pub fn update(&self, chunk: Arc<Vec<u8>>) {
        if let Some(chunks) = &self.chunks {
            // Fails only if the worker died; `finish` reports that.
            let _ = chunks.send(chunk);
        }
    }

    /// Waits for everything sent so far and returns the context.
    pub fn finish(mut self) -> std::io::Result<HashContext> {
        drop(self.chunks.take());
        self.worker
            .take()
            .expect("finish runs once")
            .join()
            .map_err(|_| std::io::Error::other("the hashing thread failed"))
    }
}

impl Drop for ParallelHasher {
    fn drop(&mut self) {
        drop(self.chunks.take());
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// Lowercase hex of a finished context's digest.
pub fn hex_digest(context: HashContext) -> std::io::Result<String> {
    let digest = context.into_digest().map_err(std::io::Error::other)?;
    Ok(openpgp::fmt::hex::encode(digest).to_lowercase())
}

/// A writer that passes everything through and hashes it on the side.
pub struct HashingWriter<W> {
    inner: W,
    hasher: ParallelHasher,
    written: u64,
}

impl<W: Write> HashingWriter<W> {
    pub fn new(inner: W) -> HashingWriter<W> {
        HashingWriter { inner, hasher: ParallelHasher::sha256(), written: 0 }
    }

    /// The SHA-256 (hex) and length of everything written.
    pub fn finish(mut self) -> std::io::Result<(String, u64)> {
        self.inner.flush()?;
        let written = self.written;
        Ok((hex_digest(self.hasher.finish()?)?, written))
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(Arc::new(buf[..n].to_vec()));
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// SHA-256 (hex) of everything `reader` yields, and its length.
pub fn sha256_of(reader: &mut dyn std::io::Read) -> std::io::Result<(String, u64)> {
    let mut context = HashAlgorithm::SHA256.context().expect("SHA-256 is supported").for_digest();
    let mut buffer = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        context.update(&buffer[..n]);
        total += n as u64;
    }
    Ok((hex_digest(context)?, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn parallel_and_plain_hashing_agree_with_the_standard_vector() {
        let hasher = ParallelHasher::sha256();
        hasher.update(Arc::new(b"a".to_vec()));
        hasher.update(Arc::new(b"bc".to_vec()));
        assert_eq!(hex_digest(hasher.finish().unwrap()).unwrap(), ABC);
        assert_eq!(sha256_of(&mut &b"abc"[..]).unwrap(), (ABC.to_owned(), 3));
    }

    #[test]
    fn hashing_writer_passes_data_through() {
        let mut sink = Vec::new();
        let mut writer = HashingWriter::new(&mut sink);
        writer.write_all(b"ab").unwrap();
        writer.write_all(b"c").unwrap();
        assert_eq!(writer.finish().unwrap(), (ABC.to_owned(), 3));
        assert_eq!(sink, b"abc");
    }
}
