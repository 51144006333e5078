# carepost — sending with a password told by phone (patients without a key).

## Refusals

error-password-mixed = some recipients get the document encrypted to their key ({ $with_key }) and some with a password ({ $without_key }); carepost does not mix the two in one send
hint-password-mixed = send to them separately, e.g. first: carepost send FILE --to { $alias }; or add --password to send every recipient a password (each separately)
error-password-several = a password is for one recipient, told on one phone call; this send has several: { $aliases }
hint-password-several = send to each of them separately: carepost send FILE --to ALIAS, one command (and one new password) per recipient
error-password-armor-pdf = --armor only applies to the openpgp form; the pdf form is always a PDF file
hint-password-armor-pdf = leave out --armor, or add --format openpgp
error-password-format-key = --format only applies when sending with a password; these recipients have a key and get an OpenPGP message
hint-password-format-key = leave out --format, or add --password to send with a password instead
error-password-unverified-ok = --unverified-ok does not apply when sending with a password: no key is used, so there is no check to skip; the password told by phone is the protection
hint-password-unverified-ok = leave out --unverified-ok; to send to this contact's key instead, leave out --password and verify the key first: carepost contact verify ALIAS
error-password-json-needs-told = with --json nobody can confirm that the password was told to the patient
hint-password-json-needs-told = add --password-told if your script tells the password (the result's "password" field holds it), or leave out --json and answer the question
error-sendpw-needs-terminal = carepost must ask whether you told the password to the patient, but nobody is at a terminal to answer; nothing was sent
hint-sendpw-needs-terminal = run the command in a terminal, or add --password-told if you will tell the password (it is shown once)
error-password-mail-text = the email to a recipient without a key is not encrypted, so carepost writes its text itself: --subject and --message are not used
hint-password-mail-text = leave out --subject and --message; the document itself is protected by the password
error-password-not-told = the password was not confirmed as told: nothing was sent, and the protected files were deleted
hint-password-not-told = send again when you can phone the patient; carepost then makes a new password (this one is gone for good)

## The password, shown once

sendpw-frame-title = Password for { $alias }
sendpw-read-now = Read it to the patient now, word by word.
sendpw-shown-once = carepost shows it only this once and keeps no copy.
sendpw-confirm = Have you told the password to { $alias }? [y/N]
sendpw-yes = y, yes
sendpw-not-told = Nothing was sent.

## Results

sendpw-done = Protected { $input } → { $output } for { $alias } (with a password, { $format })
sendpw-copy = Your own copy (opens with your key): { $copy }
sendpw-signed-pdf = { $input } carries a digital signature: it travels unchanged, attached inside the protected PDF, because re-encrypting it would break the signature.
sendpw-not-pdf = { $input } is not a PDF: it is attached inside the protected PDF, behind a cover page that says how to save it.
sendpw-next-step-pdf = Send the PDF file to the patient, e.g. attached to an email. They open it with their usual PDF program and type the password. Never send the password by email.
sendpw-next-step-openpgp = Send the file to the patient, e.g. attached to an email. They open it with GnuPG, Kleopatra or OpenKeychain and type the password. Never send the password by email.
sendpw-eml-done = Email for { $alias } with { $count ->
    [one] one document
   *[other] { $count } documents
  } protected by the password: { $output }. carepost deletes it on { $expires }.
sendpw-eml-next-step = The email itself is ordinary, not encrypted; only the attached document is protected, by the password you told.

## The email to the patient (formal, no personal data, no diagnosis)

sendpw-mail-subject = A document from your healthcare provider
sendpw-mail-text =
    Dear Sir or Madam,

    { $count ->
        [one] Attached is a document
       *[other] Attached are { $count } documents
    } from { $sender }. { $count ->
        [one] It is
       *[other] They are
    } protected by a password.

    You will receive, or have already received, a phone call from us in which we tell you this password.

    { $format ->
        [openpgp] To open the attachment, use GnuPG, Kleopatra (Windows) or OpenKeychain (Android) and type the password when it is asked for.
       *[other] To open the attachment, open it with your usual PDF program (for example Adobe Reader, your web browser or the PDF viewer of your phone) and type the password when it is asked for.
    }

    Never reply to this email with the password, and do not give it to anyone who calls you about it: we will never ask you for it.

    We delete our copy of this email after { $days } days.

    Kind regards,
    { $sender }

## The delivery gate, for the email to a patient without a key

gate-password-mail-text = the email's first part is not a plain text
gate-password-mail-attachment = attachment { $number } is neither an encrypted PDF nor an encrypted OpenPGP message
