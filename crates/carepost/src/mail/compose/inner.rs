//! The inner MIME entity (the part that gets encrypted) as a reader:
//! headers and the message text as they are, every document
//! base64-encoded chunk by chunk as it is read and hashed on the side, so
//! that a large attachment is never held in memory.

use crate::error::{Error, Result};
use crate::hashing::ParallelHasher;
use base64::Engine as _;
use std::collections::VecDeque;
use std::fs::File;
use std::io::Read;
use std::sync::Arc;

/// Bytes of a document encoded per refill: 1024 lines of 57 bytes, i.e.
/// 1024 base64 lines of 76 characters.
const FILE_CHUNK: usize = 57 * 1024;
/// Raw bytes per base64 line (76 characters).
pub(super) const B64_LINE_BYTES: usize = 57;

/// A piece of the inner MIME.
pub(super) enum Segment {
    Bytes(Vec<u8>),
    /// A document, base64-encoded as it is read; `index` in the request.
    File {
        file: File,
        index: usize,
    },
}

/// The inner MIME entity as a reader: headers and parts as they are,
/// documents base64-encoded chunk by chunk, each hashed on the side.
pub(super) struct InnerMime {
    segments: VecDeque<Segment>,
    out: Vec<u8>,
    position: usize,
    hasher: Option<ParallelHasher>,
    length: u64,
    hashes: Vec<Option<(String, u64)>>,
    /// A read error of a document, with the document's index: reported
    /// as such rather than as an encryption failure.
    pub(super) error: Option<(usize, std::io::Error)>,
}

impl InnerMime {
    pub(super) fn new(segments: VecDeque<Segment>, documents: usize) -> InnerMime {
        InnerMime {
            segments,
            out: Vec::new(),
            position: 0,
            hasher: None,
            length: 0,
            hashes: (0..documents).map(|_| None).collect(),
            error: None,
        }
    }

    /// The SHA-256 (hex) and size of every document, in order.
    pub(super) fn finish(self) -> Result<Vec<(String, u64)>> {
        self.hashes
            .into_iter()
            .map(|h| h.ok_or_else(|| Error::Internal("a document was not fully read".into())))
            .collect()
    }

    /// Produces the next piece of output; false at the end.
    fn refill(&mut self) -> std::io::Result<bool> {
        self.out.clear();
        self.position = 0;
        loop {
            match self.segments.front_mut() {
                None => return Ok(false),
                Some(Segment::Bytes(bytes)) => {
                    self.out = std::mem::take(bytes);
                    self.segments.pop_front();
                    if !self.out.is_empty() {
                        return Ok(true);
                    }
                }
                Some(Segment::File { file, index }) => {
                    let index = *index;
                    let chunk = match crate::send::read_up_to(file, FILE_CHUNK) {
                        Ok(chunk) => chunk,
                        Err(e) => {
                            let kind = e.kind();
                            self.error = Some((index, e));
                            return Err(std::io::Error::new(kind, "reading a document failed"));
                        }
                    };
                    if chunk.is_empty() {
                        let hasher = self.hasher.take().unwrap_or_else(ParallelHasher::sha256);
                        let digest = crate::hashing::hex_digest(hasher.finish()?)?;
                        self.hashes[index] = Some((digest, self.length));
                        self.length = 0;
                        self.segments.pop_front();
                        continue;
                    }
                    self.length += chunk.len() as u64;
                    for line in chunk.chunks(B64_LINE_BYTES) {
                        let start = self.out.len();
                        self.out.resize(start + 76, 0);
                        let n = base64::engine::general_purpose::STANDARD
                            .encode_slice(line, &mut self.out[start..])
                            .map_err(std::io::Error::other)?;
                        self.out.truncate(start + n);
                        self.out.extend_from_slice(b"\r\n");
                    }
                    // The last line's CRLF is the boundary's own CRLF.
                    if self.out.ends_with(b"\r\n") && chunk.len() < FILE_CHUNK {
                        self.out.truncate(self.out.len() - 2);
                    }
                    self.hasher.get_or_insert_with(ParallelHasher::sha256).update(Arc::new(chunk));
                    return Ok(true);
                }
            }
        }
    }
}

impl Read for InnerMime {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.position >= self.out.len() && !self.refill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.out.len() - self.position);
        buf[..n].copy_from_slice(&self.out[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_base64_in_76_character_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc");
        let content: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &content).unwrap();
        let mut segments = VecDeque::new();
        segments.push_back(Segment::Bytes(b"head\r\n".to_vec()));
        segments.push_back(Segment::File { file: File::open(&path).unwrap(), index: 0 });
        segments.push_back(Segment::Bytes(b"\r\n--end".to_vec()));
        let mut mime = InnerMime::new(segments, 1);
        let mut out = Vec::new();
        mime.read_to_end(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let body = text.strip_prefix("head\r\n").unwrap().strip_suffix("\r\n--end").unwrap();
        assert!(body.split("\r\n").all(|l| l.len() <= 76));
        let decoded = base64::engine::general_purpose::STANDARD.decode(body.replace("\r\n", "")).unwrap();
        assert_eq!(decoded, content);
        let hashes = mime.finish().unwrap();
        assert_eq!(hashes[0].1, content.len() as u64);
        assert_eq!(hashes[0].0, crate::hashing::sha256_of(&mut &content[..]).unwrap().0);
    }
}
