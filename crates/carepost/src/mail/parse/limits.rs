//! Bounds on hostile structure, checked around mail-parser: the size of
//! the header section, the number of MIME parts and their nesting.

use super::*;

/// Parses an email or MIME entity, within the nesting bound.
pub(super) fn parse_bounded<'a>(ctx: &mut Context<'_>, bytes: &'a [u8]) -> Result<Message<'a>> {
    // Counted before parsing: the parser's per-part bookkeeping, not the
    // bytes, is what a flood of empty parts would blow up.
    if boundary_lines(bytes) > MAX_PARTS {
        return Err(reject(ctx, MailProblem::TooManyParts(MAX_PARTS)));
    }
    // Behind the panic boundary: the MIME parser reads a stranger's bytes.
    let parsed = crate::guard::untrusted(
        || Ok(MessageParser::default().parse(bytes)),
        || Error::MessageRejected(crate::error::MessageProblem::Damaged),
    );
    let parsed = parsed.inspect_err(|e| log_failure(ctx, e))?;
    let message = parsed
        .filter(|m| !m.parts.is_empty())
        .ok_or_else(|| reject(ctx, MailProblem::BrokenPgpMime(crate::tr!("mail-unreadable"))))?;
    let depth = depth_of(&message, 0);
    if depth > MAX_DEPTH {
        return Err(reject(ctx, MailProblem::TooDeep(MAX_DEPTH)));
    }
    Ok(message)
}

/// Lines that could be MIME boundaries (they start with `--`): an upper
/// bound on the number of parts.
fn boundary_lines(bytes: &[u8]) -> usize {
    let starts = usize::from(bytes.starts_with(b"--"));
    starts + bytes.windows(3).filter(|w| w == b"\n--").count()
}

/// The deepest nesting of parts (nested messages included).
fn depth_of(message: &Message<'_>, base: usize) -> usize {
    let mut deepest = base;
    let mut stack = vec![(0u32, base)];
    let mut visited = 0usize;
    while let Some((id, depth)) = stack.pop() {
        visited += 1;
        if depth > MAX_DEPTH || visited > message.parts.len() + 1 {
            return depth.max(deepest);
        }
        deepest = deepest.max(depth);
        let Some(part) = message.part(id) else { continue };
        match &part.body {
            PartType::Multipart(children) => stack.extend(children.iter().map(|c| (*c, depth + 1))),
            PartType::Message(nested) => deepest = deepest.max(depth_of(nested, depth + 1)),
            _ => {}
        }
    }
    deepest
}

/// Bytes up to the blank line that ends the header section.
pub(super) fn header_section_len(raw: &[u8]) -> usize {
    let limit = raw.len().min(MAX_HEADER_BYTES + 4);
    let window = &raw[..limit];
    let crlf = window.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = window.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) if raw.len() > MAX_HEADER_BYTES => usize::MAX,
        (None, None) => raw.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundary_lines_bound_the_number_of_parts() {
        assert_eq!(boundary_lines(b"--b\r\nx\r\n--b\r\n\r\n--b--\r\n"), 3);
        assert_eq!(boundary_lines(b"From: a\r\n\r\nno parts -- here"), 0);
    }

    #[test]
    fn header_sections_are_measured_up_to_the_blank_line() {
        assert_eq!(header_section_len(b"A: b\r\n\r\nbody"), 4);
        assert_eq!(header_section_len(b"A: b\n\nbody"), 4);
        let huge = vec![b'x'; MAX_HEADER_BYTES + 10];
        assert!(header_section_len(&huge) > MAX_HEADER_BYTES);
    }

    #[test]
    fn deep_nesting_is_measured() {
        let mut mail = String::from("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for i in 1..50 {
            mail.push_str(&format!("--b{}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n", i - 1));
        }
        let message = MessageParser::default().parse(mail.as_bytes()).unwrap();
        assert!(depth_of(&message, 0) > MAX_DEPTH);
        let flat = MessageParser::default().parse(b"From: a@b\r\n\r\nhello".as_slice()).unwrap();
        assert_eq!(depth_of(&flat, 0), 0);
    }
}
