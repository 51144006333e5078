## The password-protected PDF for patients without a key: errors, and the
## cover page of the attachment form (in the patient's language).

error-pdf-empty = the document is empty (0 bytes); there is nothing to protect
hint-pdf-empty = check that the document was saved or exported completely, then send it again
error-pdf-too-large = the document is { $size }, more than the { $limit } a password-protected PDF can hold
hint-pdf-too-large = send a smaller file (for a scan: a lower resolution, or one page per file); mail providers refuse large messages anyway
error-pdf-already-encrypted = this PDF is already password-protected
hint-pdf-already-encrypted = save an unprotected copy from the lab system and send that
error-pdf-damaged = this PDF is damaged and cannot be read: { $reason }
hint-pdf-damaged = save or export the document again from the program that made it, then send the new copy
pdf-damaged-truncated = it ends early, so part of it is missing
pdf-damaged-no-pages = it has no pages
pdf-damaged-unreadable = its structure is broken (technical detail: { $details })
error-pdf-wrong-password = the password does not open this PDF
hint-pdf-wrong-password = type the password exactly as it was told, words separated by single spaces; every send has its own password
error-pdf-not-encrypted = this PDF is not password-protected
hint-pdf-not-encrypted = open it with any PDF reader; --password is only for PDFs that carepost protected with a password
error-pdf-not-pdf = this file is not a PDF
hint-pdf-not-pdf = --password opens password-protected PDFs and OpenPGP messages; check that you chose the right file

pdf-cover-title = A document sent to you securely
pdf-cover-intro = The file below is attached to this PDF, exactly as it was sent. It cannot be shown as a page of its own.
pdf-cover-intro-signed = The document below carries a digital signature. So that the signature stays valid, it is attached to this PDF exactly as it was sent.
pdf-cover-file = File: { $name }
pdf-cover-size = Size: { $size }
pdf-cover-how-title = How to save the file
pdf-cover-how = On a computer: open the attachments panel (paper-clip icon) and save the file. Then open it like any other file.
pdf-cover-how-phone = On a phone or tablet: tap the paper clip or the attachment, then choose Save or Share.
pdf-cover-image = The picture is also shown below.
pdf-cover-attachment-description = The attached document
pdf-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
pdf-size-kb = { $number } KB
pdf-size-mb = { $number } MB
pdf-size-decimal-separator = .
