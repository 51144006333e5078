//! LF → CRLF: the one conversion for bytes that go on the wire (SMTP, the
//! `.eml`'s armored part) or into a signature's canonical text. A bare LF
//! becomes CRLF; a CRLF stays as it is; nothing else changes.

use std::io::Write;

/// The conversion of a stream that arrives in pieces: it remembers
/// whether the previous piece ended in CR, so a CRLF split between two
/// pieces is not doubled.
#[derive(Debug, Default, Clone)]
pub struct ToCrlf {
    last: u8,
}

impl ToCrlf {
    pub fn new() -> ToCrlf {
        ToCrlf::default()
    }

    /// Appends `input`, converted, to `out`.
    pub fn push(&mut self, input: &[u8], out: &mut Vec<u8>) {
        out.reserve(input.len() + input.len() / 32);
        for &b in input {
            if b == b'\n' && self.last != b'\r' {
                out.push(b'\r');
            }
            out.push(b);
            self.last = b;
        }
    }
}

/// `data` with every bare LF made CRLF.
pub fn to_crlf(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    ToCrlf::new().push(data, &mut out);
    out
}

/// A writer that converts everything written through it.
pub struct CrlfWriter<W: Write> {
    inner: W,
    state: ToCrlf,
    buffer: Vec<u8>,
}

impl<W: Write> CrlfWriter<W> {
    pub fn new(inner: W) -> CrlfWriter<W> {
        CrlfWriter { inner, state: ToCrlf::new(), buffer: Vec::new() }
    }
}

impl<W: Write> Write for CrlfWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buffer.clear();
        self.state.push(buf, &mut self.buffer);
        self.inner.write_all(&self.buffer)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bare_line_feeds_become_crlf_and_crlf_is_not_doubled() {
        assert_eq!(to_crlf(b"a\nb\r\nc\n\n\rd"), b"a\r\nb\r\nc\r\n\r\n\rd");
        let mut out = Vec::new();
        let mut w = CrlfWriter::new(&mut out);
        w.write_all(b"a\r").unwrap();
        w.write_all(b"\nb\n").unwrap();
        assert_eq!(out, b"a\r\nb\r\n");
    }

    proptest! {
        #[test]
        fn any_split_gives_the_same_crlf_text(
            data in proptest::collection::vec(prop_oneof![Just(b'\r'), Just(b'\n'), any::<u8>()], 0..300),
            cut in any::<prop::sample::Index>(),
        ) {
            let whole = to_crlf(&data);
            // Every LF ends a CRLF, and a second pass changes nothing.
            prop_assert!(whole.iter().enumerate().all(|(i, &b)| b != b'\n' || (i > 0 && whole[i - 1] == b'\r')));
            prop_assert_eq!(to_crlf(&whole), whole.clone());
            // Only CRs were added, each right before an LF.
            let strip = |v: &[u8]| v.iter().enumerate()
                .filter(|&(i, &b)| !(b == b'\r' && v.get(i + 1) == Some(&b'\n')))
                .map(|(_, &b)| b).collect::<Vec<u8>>();
            prop_assert_eq!(strip(&whole), strip(&data));
            // Converting in two pieces is converting the whole.
            let at = cut.index(data.len() + 1);
            let mut state = ToCrlf::new();
            let mut pieces = Vec::new();
            state.push(&data[..at], &mut pieces);
            state.push(&data[at..], &mut pieces);
            prop_assert_eq!(pieces, whole);
        }
    }
}
