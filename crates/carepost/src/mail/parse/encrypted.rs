//! The encrypted pieces of an email: refused before anything is unlocked
//! when none of them can be for this identity, then decrypted and checked
//! (an inline-PGP text; a PGP/MIME part, and a `multipart/signed` inside
//! it). Separately encrypted attachments are decrypted into the spool.

use super::*;

/// This identity unlocked for decryption, and the contact book.
pub(super) type Keys = (crate::identity::Unlocked, Vec<Contact>);

/// An email none of whose encrypted pieces can be for this identity is
/// refused before the passphrase is asked for or the keychain is touched,
/// naming who it was for.
pub(super) fn refuse_unless_for_us<'a>(
    ctx: &mut Context<'_>,
    message: &'a Message<'_>,
    pgp_mime: Option<u32>,
    armored: Option<&'a str>,
    attachments: &[(&'a MessagePart<'_>, bool)],
    bodies: Bodies<'a>,
) -> Result<()> {
    let mut encrypted: Vec<Body<'_>> = Vec::new();
    if let Some(part) = pgp_mime.and_then(|id| pgp_mime_payload(message, id)) {
        encrypted.push(bodies.of(part)?);
    }
    encrypted.extend(armored.map(|a| Body::Memory(a.as_bytes())));
    for (part, _) in attachments.iter().filter(|(_, encrypted)| *encrypted) {
        encrypted.push(bodies.of(part)?);
    }
    if let Err(e) = addressed_to_us(ctx, encrypted) {
        log_failure(ctx, &e);
        return Err(e);
    }
    Ok(())
}

/// Fails (with the first refusal) when every encrypted piece of an email
/// is addressed to other people's keys only; decided from the key packets,
/// without unlocking anything.
fn addressed_to_us(ctx: &mut Context<'_>, encrypted: Vec<Body<'_>>) -> Result<()> {
    if encrypted.is_empty() {
        return Ok(());
    }
    let own_public = ctx.identity()?.public_cert();
    let contact_list = contacts::list(ctx)?;
    let mut first_refusal = None;
    for piece in encrypted {
        let checked = match piece {
            // Or to a key this home had before `init --replace`.
            Body::Memory(bytes) => open::check_bytes_addressed_to_us(bytes, &own_public, &contact_list).or_else(|e| {
                let previous = crate::identity::Identity::load_previous(&ctx.home);
                match previous
                    .iter()
                    .any(|p| open::check_bytes_addressed_to_us(bytes, &p.public_cert(), &contact_list).is_ok())
                {
                    true => Ok(()),
                    false => Err(e),
                }
            }),
            streamed => open::check_reader_addressed_to_us(streamed.reader(), &own_public, &contact_list),
        };
        match checked {
            Ok(()) => return Ok(()),
            Err(e) => {
                first_refusal.get_or_insert(e);
            }
        }
    }
    first_refusal.map_or(Ok(()), Err)
}

pub(super) fn unlock(ctx: &mut Context<'_>) -> Result<(crate::identity::Unlocked, Vec<Contact>)> {
    let unlocked = ctx.unlock(crate::identity::Purpose::Decrypt)?;
    let contact_list = contacts::list(ctx)?;
    Ok((unlocked, contact_list))
}

pub(super) fn decrypt_logged<R: Read + Send + Sync>(
    ctx: &mut Context<'_>,
    source: Source<'_, R>,
    unlocked: &crate::identity::Unlocked,
    contact_list: &[Contact],
    limit: u64,
    sink: &mut (dyn Write + Send + Sync),
    progress: &dyn crate::send::Progress,
) -> Result<Decrypted> {
    let decrypted = open::decrypt(ctx, source, unlocked, contact_list, limit, sink, None, progress);
    if let Err(e) = &decrypted {
        log_failure(ctx, e);
    }
    decrypted
}

/// The inline-PGP message of the email's text: decrypted as the message
/// text, which it replaces.
pub(super) fn read_inline_pgp(
    ctx: &mut Context<'_>,
    armored: &str,
    (unlocked, contact_list): &Keys,
    own_fingerprint: &str,
    gathered: &mut Gathered,
    progress: &dyn crate::send::Progress,
) -> Result<()> {
    let mut text = Vec::new();
    let decrypted = decrypt_logged(
        ctx,
        Source { reader: armored.as_bytes(), path: None },
        unlocked,
        contact_list,
        MAX_TEXT_BYTES,
        &mut text,
        progress,
    )?;
    gathered.content.text = Some(String::from_utf8_lossy(&text).into_owned());
    gathered.text_protection = Some(attribute(decrypted.encrypted, &[layer_of(&decrypted)], own_fingerprint));
    gathered.signer_certs.extend(signer_cert(&decrypted.sender, &unlocked.cert, contact_list));
    Ok(())
}

/// The decrypted inside of a PGP/MIME part, in a private file.
pub(super) struct Inner {
    tmp: PathBuf,
    file: PendingFile,
    decrypted: Decrypted,
}

/// Decrypts the PGP/MIME part `id` into a nameless private file in the
/// home's `tmp` folder, never into a named one.
pub(super) fn decrypt_pgp_mime(
    ctx: &mut Context<'_>,
    message: &Message<'_>,
    id: u32,
    bodies: Bodies<'_>,
    (unlocked, contact_list): &Keys,
    progress: &dyn crate::send::Progress,
) -> Result<Inner> {
    // RFC 3156: the second part holds the OpenPGP message.
    let encrypted = pgp_mime_payload(message, id)
        .ok_or_else(|| reject(ctx, MailProblem::BrokenPgpMime(crate::tr!("mail-no-encrypted-part"))))?;
    let encrypted = bodies.of(encrypted)?;
    let tmp = ctx.home.tmp();
    ctx.home.ensure_dir(&tmp)?;
    let mut file = PendingFile::new_in(&tmp)?;
    progress.start(encrypted.len());
    let decrypted = decrypt_logged(
        ctx,
        Source { reader: encrypted.reader(), path: None },
        unlocked,
        contact_list,
        MAX_MAIL_BYTES,
        file.file(),
        progress,
    );
    progress.finish();
    Ok(Inner { tmp, file, decrypted: decrypted? })
}

/// Reads the decrypted inside of a PGP/MIME part: checks a
/// `multipart/signed` in it, then takes its subject, From and text, and
/// stages its attachments, all with the protection of the layers around
/// them.
pub(super) fn read_pgp_mime(
    ctx: &mut Context<'_>,
    inner: Inner,
    (unlocked, contact_list): &Keys,
    own_fingerprint: &str,
    spool: &mut Spool,
    gathered: &mut Gathered,
) -> Result<()> {
    let Inner { tmp, mut file, decrypted } = inner;
    // The inner MIME stays in its private file: mail-parser reads it
    // without its bulk, the attachments are decoded from the file.
    let inner_file: &std::fs::File = file.rewind()?;
    let inner = read_parsable(ctx, inner_file, &tmp)?;
    let inner_bodies = Bodies { skeleton: &inner, file: inner_file };
    let mut layers = vec![layer_of(&decrypted)];
    let inner_message = parse_bounded(ctx, &inner.bytes)?;
    // A `multipart/signed` inside the encryption: check it, then read
    // its first part as the content.
    let signed_data;
    let signed_message;
    let whole = Skeleton::whole(Zeroizing::new(Vec::new()));
    let mut content_bodies = inner_bodies;
    let content_message = if content_type_of(inner_message.root_part()) == "multipart/signed" {
        let (data, signature) = signed_parts(&inner_message, &inner.bytes)
            .ok_or_else(|| reject(ctx, MailProblem::BrokenPgpMime(crate::tr!("mail-broken-signed-part"))))?;
        let detached = match open::verify_detached_signature(ctx, unlocked, contact_list, &data, &signature) {
            Ok(d) => d,
            Err(e) => {
                log_failure(ctx, &e);
                return Err(e);
            }
        };
        gathered.signer_certs.extend(signer_cert(&detached.sender, &unlocked.cert, contact_list));
        layers.push(Layer { sender: detached.sender, intended_recipients: detached.intended_recipients });
        signed_data = data;
        signed_message = parse_bounded(ctx, &signed_data)?;
        // Parsed from memory, whole.
        content_bodies = Bodies { skeleton: &whole, file: inner_file };
        &signed_message
    } else {
        &inner_message
    };
    gathered.signer_certs.extend(signer_cert(&decrypted.sender, &unlocked.cert, contact_list));
    let protection = attribute(decrypted.encrypted, &layers, own_fingerprint);
    gathered.content.subject = content_message.subject().map(str::to_owned);
    gathered.subject_protected = gathered.content.subject.is_some();
    gathered.content.from = first_address(content_message);
    gathered.content.text = body_text(content_message);
    if gathered.content.text.is_some() {
        gathered.text_protection = Some(protection.clone());
    }
    for part in content_message.attachments() {
        if is_legacy_display(part) {
            continue;
        }
        gathered.staged.push(stage_plain(ctx, spool, part, content_bodies.of(part)?, protection.clone())?);
    }
    Ok(())
}
