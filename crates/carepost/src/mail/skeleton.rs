//! An email as mail-parser sees it, without its bulk: long runs of
//! base64 lines (an attachment, an armored OpenPGP message) are left in
//! the file and replaced by one short placeholder line, so that a 25 MiB
//! attachment costs a few KiB to parse instead of its size twice over.
//! The bodies are read back from the file, range by range, when they are
//! used ([`Skeleton::range`], [`Base64Reader`]).
//!
//! The structure mail-parser finds is the same with or without the bulk:
//! only whole lines made of the base64 alphabet are replaced, and such a
//! line can be neither a boundary (`--…`), a header field (`name:`) nor a
//! folded continuation (leading white space); the placeholder is such a
//! line too. This module parses nothing itself.

use std::fs::File;
use std::io::{self, BufRead, Read, Seek, SeekFrom};
use zeroize::Zeroizing;

/// Runs of base64 lines shorter than this stay in the skeleton: small
/// bodies are parsed in memory exactly as before.
pub const MIN_HOLE: u64 = 64 << 10;
/// What replaces a run: one line of valid base64.
const PLACEHOLDER: &[u8] = b"AAAA";

/// The bytes of a run of lines that stayed in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hole {
    /// Where the placeholder is in the skeleton.
    at: usize,
    /// Where the run is in the file.
    file_offset: u64,
    file_len: u64,
}

/// What mail-parser parses instead of the whole email; see the module
/// documentation.
pub struct Skeleton {
    pub bytes: Zeroizing<Vec<u8>>,
    holes: Vec<Hole>,
}

impl Skeleton {
    /// All of `bytes`, nothing left out.
    pub fn whole(bytes: Zeroizing<Vec<u8>>) -> Skeleton {
        Skeleton { bytes, holes: Vec::new() }
    }

    /// Reads `reader` to its end, leaving runs of base64 lines of at least
    /// `min_hole` bytes out (`u64::MAX`: nothing).
    pub fn read(reader: impl BufRead, min_hole: u64) -> io::Result<Skeleton> {
        let mut reader = reader;
        let mut bytes = Zeroizing::new(Vec::new());
        let mut holes = Vec::new();
        let mut line = Zeroizing::new(Vec::new());
        // The current run of base64 lines: kept until it is long enough
        // to leave out, then only measured.
        let mut run = Zeroizing::new(Vec::new());
        let mut run_start = 0u64;
        let mut run_len = 0u64;
        let mut run_terminator: &'static [u8] = b"";
        let mut offset = 0u64;
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line)?;
            if n == 0 {
                break;
            }
            let (content, terminator) = split_terminator(&line);
            if is_base64_line(content) {
                if run_len == 0 {
                    run_start = offset;
                }
                if run_len < min_hole {
                    run.extend_from_slice(&line);
                }
                run_len += n as u64;
                run_terminator = terminator;
            } else {
                flush(&mut bytes, &mut holes, &mut run, run_start, run_len, run_terminator, min_hole);
                run_len = 0;
                bytes.extend_from_slice(&line);
            }
            offset += n as u64;
        }
        flush(&mut bytes, &mut holes, &mut run, run_start, run_len, run_terminator, min_hole);
        Ok(Skeleton { bytes, holes })
    }

    /// Whether anything was left out.
    pub fn has_holes(&self) -> bool {
        !self.holes.is_empty()
    }

    /// Whether the skeleton's `start..end` holds a left-out run.
    pub fn has_hole_in(&self, start: usize, end: usize) -> bool {
        self.holes.iter().any(|h| h.at < end && h.at + PLACEHOLDER.len() > start)
    }

    /// Whether no left-out run is cut by the skeleton's `start..end`.
    pub fn covers_whole_holes(&self, start: usize, end: usize) -> bool {
        self.holes
            .iter()
            .filter(|h| h.at < end && h.at + PLACEHOLDER.len() > start)
            .all(|h| h.at >= start && h.at + PLACEHOLDER.len() <= end)
    }

    /// The original bytes of the skeleton's `start..end`, read from
    /// `file` where they were left out; `None` when the range cuts a
    /// placeholder (then it is not a body mail-parser found).
    pub fn range<'a>(&'a self, file: &'a File, start: usize, end: usize) -> Option<RangeReader<'a>> {
        if start > end || end > self.bytes.len() {
            return None;
        }
        let mut segments = Vec::new();
        let mut at = start;
        for hole in self.holes.iter().filter(|h| h.at < end && h.at + PLACEHOLDER.len() > start) {
            if hole.at < start || hole.at + PLACEHOLDER.len() > end {
                return None;
            }
            if hole.at > at {
                segments.push(Segment::Memory(at, hole.at));
            }
            segments.push(Segment::File(hole.file_offset, hole.file_len));
            at = hole.at + PLACEHOLDER.len();
        }
        if end > at {
            segments.push(Segment::Memory(at, end));
        }
        let len = segments
            .iter()
            .map(|s| match s {
                Segment::Memory(a, b) => (b - a) as u64,
                Segment::File(_, n) => *n,
            })
            .sum();
        segments.reverse();
        Some(RangeReader { skeleton: self, file, segments, done: 0, len })
    }
}

fn flush(
    bytes: &mut Vec<u8>,
    holes: &mut Vec<Hole>,
    run: &mut Vec<u8>,
    run_start: u64,
    run_len: u64,
    terminator: &[u8],
    min_hole: u64,
) {
    if run_len >= min_hole {
        // The last line's terminator stays: what follows (a boundary) is
        // still at the start of a line.
        holes.push(Hole { at: bytes.len(), file_offset: run_start, file_len: run_len - terminator.len() as u64 });
        bytes.extend_from_slice(PLACEHOLDER);
        bytes.extend_from_slice(terminator);
    } else {
        bytes.extend_from_slice(run);
    }
    run.clear();
}

fn split_terminator(line: &[u8]) -> (&[u8], &'static [u8]) {
    if let Some(rest) = line.strip_suffix(b"\r\n") {
        (rest, b"\r\n")
    } else if let Some(rest) = line.strip_suffix(b"\n") {
        (rest, b"\n")
    } else {
        (line, b"")
    }
}

/// A non-empty line of the base64 alphabet, with at most two `=` at its
/// end, no longer than RFC 5322 allows.
fn is_base64_line(content: &[u8]) -> bool {
    let data = content.strip_suffix(b"==").or_else(|| content.strip_suffix(b"=")).unwrap_or(content);
    !data.is_empty() && content.len() <= 998 && data.iter().all(|&b| is_base64_char(b))
}

fn is_base64_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

enum Segment {
    /// `start..end` of the skeleton.
    Memory(usize, usize),
    /// `len` bytes of the file from `offset`.
    File(u64, u64),
}

/// The original bytes of a range of a [`Skeleton`].
pub struct RangeReader<'a> {
    skeleton: &'a Skeleton,
    file: &'a File,
    /// Still to read, the next last.
    segments: Vec<Segment>,
    /// Read from the current segment.
    done: u64,
    len: u64,
}

impl RangeReader<'_> {
    /// How many bytes the range holds.
    pub fn size(&self) -> u64 {
        self.len
    }
}

impl Read for RangeReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        while let Some(segment) = self.segments.last() {
            let (n, segment_len) = match *segment {
                Segment::Memory(start, end) => {
                    let rest = &self.skeleton.bytes[start + self.done as usize..end];
                    let n = rest.len().min(buf.len());
                    buf[..n].copy_from_slice(&rest[..n]);
                    (n, (end - start) as u64)
                }
                Segment::File(offset, len) => {
                    let want = (len - self.done).min(buf.len() as u64) as usize;
                    let mut n = 0;
                    if want > 0 {
                        // One reader at a time: the shared position is set
                        // before every read.
                        let mut file = self.file;
                        file.seek(SeekFrom::Start(offset + self.done))?;
                        n = file.read(&mut buf[..want])?;
                        if n == 0 {
                            return Err(io::ErrorKind::UnexpectedEof.into());
                        }
                    }
                    (n, len)
                }
            };
            self.done += n as u64;
            if self.done >= segment_len {
                self.segments.pop();
                self.done = 0;
            }
            if n > 0 {
                return Ok(n);
            }
        }
        Ok(0)
    }
}

/// Strict streaming base64 (RFC 2045 bodies): line breaks and other white
/// space are skipped; anything else outside the alphabet, data after
/// padding, or a cut-short last group is an error (`InvalidData`).
pub struct Base64Reader<R> {
    inner: R,
    /// Decoded bytes not handed out yet.
    out: Vec<u8>,
    out_pos: usize,
    /// Characters of an incomplete group.
    group: [u8; 4],
    group_len: usize,
    /// Padding seen: only white space may follow.
    ended: bool,
    eof: bool,
}

impl<R: Read> Base64Reader<R> {
    pub fn new(inner: R) -> Self {
        Base64Reader { inner, out: Vec::new(), out_pos: 0, group: [0; 4], group_len: 0, ended: false, eof: false }
    }

    fn fill(&mut self) -> io::Result<()> {
        use base64::Engine as _;
        let mut raw = [0u8; 8192];
        self.out.clear();
        self.out_pos = 0;
        while self.out.is_empty() && !self.eof {
            let n = self.inner.read(&mut raw)?;
            if n == 0 {
                self.eof = true;
                if self.group_len != 0 {
                    return Err(invalid("base64 cut short"));
                }
                break;
            }
            for &b in &raw[..n] {
                if b.is_ascii_whitespace() {
                    continue;
                }
                if self.ended || !(is_base64_char(b) || b == b'=') {
                    return Err(invalid("not base64"));
                }
                self.group[self.group_len] = b;
                self.group_len += 1;
                if self.group_len == 4 {
                    let group = self.group;
                    self.group_len = 0;
                    self.ended = group.contains(&b'=');
                    let mut decoded = [0u8; 3];
                    let n = base64::engine::general_purpose::STANDARD
                        .decode_slice(group, &mut decoded)
                        .map_err(|_| invalid("not base64"))?;
                    self.out.extend_from_slice(&decoded[..n]);
                }
            }
        }
        Ok(())
    }
}

fn invalid(what: &'static str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

impl<R: Read> Read for Base64Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.out_pos == self.out.len() {
            self.fill()?;
        }
        let rest = &self.out[self.out_pos..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use proptest::prelude::*;
    use std::io::Write as _;

    fn file_with(bytes: &[u8]) -> File {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(bytes).unwrap();
        file.rewind().unwrap();
        file
    }

    fn expand(skeleton: &Skeleton, file: &File, start: usize, end: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut reader = skeleton.range(file, start, end).unwrap();
        let len = reader.size();
        reader.read_to_end(&mut out).unwrap();
        assert_eq!(out.len() as u64, len);
        out
    }

    fn base64_lines(data: &[u8], width: usize, eol: &str) -> String {
        let encoded = base64::engine::general_purpose::STANDARD.encode(data);
        encoded.as_bytes().chunks(width).map(|l| format!("{}{eol}", std::str::from_utf8(l).unwrap())).collect()
    }

    #[test]
    fn long_base64_runs_are_left_out_and_read_back() {
        let body = base64_lines(&[7u8; 5000], 76, "\r\n");
        let mail = format!("From: a@b\r\nContent-Transfer-Encoding: base64\r\n\r\n{body}--b--\r\n");
        let file = file_with(mail.as_bytes());
        let skeleton = Skeleton::read(io::BufReader::new(&file), 1024).unwrap();
        assert!(skeleton.has_holes());
        let text = String::from_utf8(skeleton.bytes.to_vec()).unwrap();
        assert_eq!(text, "From: a@b\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--b--\r\n");
        // The whole skeleton reads back as the whole email.
        assert_eq!(expand(&skeleton, &file, 0, skeleton.bytes.len()), mail.as_bytes());
        let start = text.find("AAAA").unwrap();
        assert!(skeleton.has_hole_in(start, start + 4));
        assert!(!skeleton.has_hole_in(0, start));
        // A range that cuts the placeholder is no body.
        assert!(skeleton.range(&file, start + 1, start + 6).is_none());
        let mut decoded = Vec::new();
        Base64Reader::new(skeleton.range(&file, start, start + 6).unwrap()).read_to_end(&mut decoded).unwrap();
        assert_eq!(decoded, vec![7u8; 5000]);
    }

    #[test]
    fn short_runs_and_other_lines_stay() {
        let mail = "From: a@b\n\nAAAA\nabc=\n--b\nhello world\nZm9v: bar\n\tZm9vYmFy\n";
        let skeleton = Skeleton::read(mail.as_bytes(), 1024).unwrap();
        assert!(!skeleton.has_holes());
        assert_eq!(&skeleton.bytes[..], mail.as_bytes());
        // Nothing is left out when asked not to.
        let big = base64_lines(&[1u8; 4000], 64, "\n");
        let skeleton = Skeleton::read(big.as_bytes(), u64::MAX).unwrap();
        assert_eq!(&skeleton.bytes[..], big.as_bytes());
    }

    #[test]
    fn base64_lines_are_recognised() {
        assert!(is_base64_line(b"QUJD"));
        assert!(is_base64_line(b"QQ=="));
        assert!(!is_base64_line(b""));
        assert!(!is_base64_line(b"=="));
        assert!(!is_base64_line(b"--boundary"));
        assert!(!is_base64_line(b"Subject: x"));
        assert!(!is_base64_line(b" QUJD"));
        assert!(!is_base64_line(b"QU=JD"));
        assert!(!is_base64_line(b"=AbCd"));
        assert!(!is_base64_line(&[b'A'; 999]));
    }

    #[test]
    fn the_decoder_is_strict() {
        let decode = |s: &str| {
            let mut out = Vec::new();
            Base64Reader::new(s.as_bytes()).read_to_end(&mut out).map(|_| out)
        };
        assert_eq!(decode("Zm9v\r\nYmFy\r\n").unwrap(), b"foobar");
        assert_eq!(decode("Zm8=\n").unwrap(), b"fo");
        assert_eq!(decode("").unwrap(), b"");
        assert!(decode("Zm9").is_err());
        assert!(decode("Zm8=Zm9v").is_err());
        assert!(decode("Zm9v!").is_err());
        assert!(decode("Z===").is_err());
    }

    proptest! {
        #[test]
        fn the_decoder_agrees_with_the_base64_crate(data in proptest::collection::vec(any::<u8>(), 0..3000),
                                                     width in 1usize..100, crlf in any::<bool>()) {
            let text = base64_lines(&data, width * 4, if crlf { "\r\n" } else { "\n" });
            let mut out = Vec::new();
            Base64Reader::new(text.as_bytes()).read_to_end(&mut out).unwrap();
            prop_assert_eq!(out, data);
        }

        #[test]
        fn any_input_reads_back_unchanged(lines in proptest::collection::vec(
                prop_oneof!["[A-Za-z0-9+/]{1,80}={0,2}", "[ -~]{0,40}", Just(String::new())], 0..200),
                crlf in any::<bool>(), min_hole in 1u64..400) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let text: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
            let file = file_with(text.as_bytes());
            let skeleton = Skeleton::read(io::BufReader::new(&file), min_hole).unwrap();
            prop_assert_eq!(expand(&skeleton, &file, 0, skeleton.bytes.len()), text.as_bytes());
            // Boundary-like lines are never left out, so MIME sees the
            // same number of them.
            let count = |b: &[u8]| b.windows(3).filter(|w| w == b"\n--").count();
            prop_assert_eq!(count(&skeleton.bytes), count(text.as_bytes()));
        }
    }
}
