# carepost — English messages.
# Every sentence carepost shows lives here; the nl/ and fr/ catalogues translate them.
# Style: say what happened, then what to do. No jargon a clinician would not use.

## Labels

label-error = error:
label-hint = hint:
label-warning = warning:

## What carepost was doing when an I/O error happened

io-create = create
io-create-dir = create the folder
io-inspect = inspect
io-read = read
io-resolve = resolve
io-write = write

## Errors

error-io = could not { $action } { $path }: { $reason }
error-unsafe-permissions = { $path } can be read or changed by other users (permissions { $mode }); carepost will not use it
error-foreign-owner = { $path } belongs to another user; carepost will not use it
error-state = the carepost state database cannot be used: { $reason }
error-no-home-dir = could not find a data folder for carepost on this system
error-no-identity = this carepost home has no identity yet
error-identity-exists = this carepost home already has an identity ({ $fingerprint })
error-no-passphrase = no passphrase available to unlock your key
error-wrong-passphrase = the passphrase does not unlock your key
error-passphrase-file = cannot use the passphrase file { $path }: { $reason }
error-passphrase-mismatch = the two passphrases you typed are different
error-keychain = the OS keychain cannot be used: { $reason }
error-keychain-missing-entry = the OS keychain has no passphrase for this identity
error-identity-unusable = your identity key cannot be used: { $reason }
error-invalid-name = the name must be 1 to 128 characters, without control characters or angle brackets
error-invalid-email = "{ $email }" is not an email address carepost can use
error-invalid-alias = "{ $alias }" is not a valid alias
error-contact-not-found = there is no contact "{ $alias }"
error-contact-revoked = the new copy of the key of "{ $alias }" says it was REVOKED by its owner. carepost stored the revocation: nothing can be sent to this key any more
error-alias-taken = there is already a contact "{ $alias }"
error-cert-already-stored = this key is already in your contacts as "{ $alias }" ({ $fingerprint })
error-key-file = cannot read the key file { $path }: { $reason }
error-not-interactive = carepost needs an answer, but nobody is at a terminal to give it: { $what }
error-usage = { $reason }
error-internal = internal error: { $reason }

## Why a key was not accepted

cert-secret-key-material = this file contains a SECRET key. carepost does not store other people's secret keys, and nothing from the file was kept
cert-none = the file contains no OpenPGP key
cert-several = the file contains { $count } keys; carepost imports exactly one key per contact
cert-malformed = the file is not a readable OpenPGP key: { $reason }
cert-revoked = this key has been revoked by its owner
cert-expired = this key expired on { $date }
cert-not-yet-valid = this key is not valid yet (its creation date lies in the future)
cert-no-encryption-key = this key cannot be used for encryption (it has no valid encryption subkey)
cert-too-weak = this key is too weak for medical data: { $reason }
cert-no-user-id = this key has no name or email address in it
cert-is-own = this is your own key
weak-dsa = it uses DSA, which carepost does not accept at any size
weak-elgamal = it uses ElGamal, which carepost does not accept at any size
weak-rsa = its RSA key has { $bits } bits; at least { $minimum } are needed

## Hints

hint-chmod = make it private with: { $command }
hint-foreign-owner = use a carepost home that belongs to you (--home DIR)
hint-run-init = create your identity first: carepost init --name "Your Name" --email you@example.org
hint-identity-exists = use `carepost whoami` to see it; to start over, use a different --home
hint-no-passphrase = run carepost on a terminal to type it, or give --passphrase-file FILE (or set CAREPOST_PASSPHRASE_FILE)
hint-wrong-passphrase = check the passphrase file or try again; the passphrase is the one chosen at `carepost init`
hint-passphrase-file = the passphrase is read from the first line of the file
hint-keychain-missing-entry = if you chose your own passphrase at `carepost init`, give it with --passphrase-file FILE
hint-invalid-name = for example: --name "Dr. A. Jansen"
hint-invalid-email = for example: --email a.jansen@praktijk.nl
hint-invalid-alias = use 1 to 64 of a-z 0-9 . _ - (not starting with - or .), and no patient names: for example p-0042 or gp-bakker
hint-contact-list = see your contacts with: carepost contact list
hint-alias-taken = choose another alias, or replace that contact's key with: carepost contact update { $alias } --key-file FILE
hint-cert-already-stored = use the existing contact "{ $alias }", or remove it first with: carepost contact remove { $alias }
hint-cert-secret-key-material = ask the contact to send their PUBLIC key (in GPG4Win/Kleopatra: Export; in OpenKeychain: Share key), and tell them to keep the secret key private
hint-cert-ask-for-new-key = ask the contact for their current public key
hint-cert-too-weak = ask the contact to create a modern key (for example Curve25519 or RSA with 3072 bits)
hint-cert-several = ask for a file with just this contact's key, or split the file
hint-cert-export-again = ask the contact to export their public key again and send the whole file
hint-cert-is-own = add the key file your contact sent you; your own key is for giving to contacts
hint-fingerprint-mismatch = do not send anything to this contact. Call them on a number you already know and check again; if it still differs, ask them to send their key again
hint-fingerprint-partial = ask the contact to read out the whole fingerprint: 40 characters (10 groups of 4), or all 20 words
hint-not-interactive = give the fingerprint on the command line, e.g. --fingerprint "ABCD 1234 …" or --words "…"
hint-state = run `carepost` again; if this persists, restore the home from a backup
hint-io-no-space = the disk is full: free some space there, or choose another folder with -o; carepost left nothing half-written
hint-io-read-only = carepost may not write there (read-only or no permission): choose another folder with -o, or fix the folder's permissions
hint-io-not-found = check that the path exists and is spelled correctly, then try again
hint-io-in-the-way = something else is in the way at that path: move it aside and try again
hint-io = check the path, the free disk space and the permissions, then try again

## Passphrases and the keychain

prompt-passphrase = Passphrase for your carepost key:
prompt-new-passphrase = Choose a passphrase for your carepost key:
prompt-repeat-passphrase = Type the same passphrase again:
passphrase-file-empty = its first line is empty
passphrase-file-not-utf8 = its first line is not UTF-8 text
passphrase-file-too-large = it is too large to be a passphrase file
keychain-timeout = it did not answer within { $seconds } seconds
keychain-unavailable = no keychain service is running
keychain-read-back-differs = the keychain did not return what was stored
notice-keychain-fallback = The OS keychain is not available ({ $reason }); type your passphrase instead.
notice-wrong-passphrase = That passphrase does not unlock your key. Try again.
identity-no-secret = the key file has no secret key
identity-cannot-sign = it has no valid signing key (has it expired?)

## State

state-newer-version = it was written by a newer carepost (schema { $version })
state-contact-damaged = the stored key for "{ $alias }" is damaged ({ $reason })

## init, whoami, export-key

init-done = Created your identity: { $name } <{ $email }>
init-next-steps =
    Next steps:
      1. Give your public key to contacts:   carepost export-key -o my-key.asc
      2. Add a contact's key:                carepost contact add ALIAS --key-file THEIR-KEY.asc
      3. Confirm it by phone:                carepost contact verify ALIAS
whoami-name = Name:
whoami-email = Email:
whoami-fingerprint = Fingerprint:
whoami-words = Words:
whoami-expires = Expires:
whoami-qr-caption = Scan with OpenKeychain to check this fingerprint.
whoami-qr-written = QR code written to { $path }
export-written = Your public key was written to { $path }. Send this file to your contacts; it contains nothing secret.

## Contacts

key-file-too-large = the file is too large to be a key
contact-added = Added contact "{ $alias }" ({ $kind }). Not verified yet.
contact-added-next =
    Before sending anything, call this contact on a number you already know,
    ask them to read out their fingerprint, and type it in:
      carepost contact verify { $alias }
contact-list-empty = No contacts yet. Add one with: carepost contact add ALIAS --key-file FILE
contact-not-verified = NOT verified
contact-verified-on = verified { $date } ({ $method ->
        [phone] phone
        [in-person] in person
        [video] video
       *[other] { $method }
    })
contact-expires-soon = the key of "{ $alias }" expires in { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ({ $date }). Ask the contact for a renewed key before then, and add it with: carepost contact update { $alias } --key-file FILE
contact-removed = Removed contact "{ $alias }".
show-alias = Alias:
show-kind = Kind:
show-user-id = User ID:
show-fingerprint = Fingerprint:
show-words = Words:
show-verified = Status:
show-expires = Expires:
show-problem = Problem:
update-refreshed = Updated the key of "{ $alias }" (same key, newer details). Its verification is kept.
update-replaced = Replaced the key of "{ $alias }". It is NOT verified any more.
update-key-changed-warning =
    ========================================================================
    WARNING: the key of "{ $alias }" has CHANGED.
      old fingerprint: { $old }
      new fingerprint: { $new }
    A changed key can mean that someone is intercepting your mail.
    "{ $alias }" is no longer verified: send nothing until you have called
    them on a number you already know and checked the new fingerprint:
      carepost contact verify { $alias }
    ========================================================================

## Verification

reading-empty = nothing was typed
verify-needs-reading = verifying needs the fingerprint as the contact reads it out
verify-instructions =
    Verify "{ $alias }" by phone:
      1. Call the contact on a number you already know (not one from their email).
      2. Ask them to read out their key's fingerprint, from their OpenPGP app
         (GPG4Win/Kleopatra, OpenKeychain, Thunderbird or carepost).
      3. Type what you hear below: 40 characters or 20 words.
    They can check your key too. Read them your fingerprint:
      { $own_fingerprint }
      { $own_words }
verify-prompt = Fingerprint as read out:
verify-done = "{ $alias }" is now verified. You can send documents to this contact.
verify-not-recorded = the verification could not be recorded

## Sending

error-recipients-unverified = { $count ->
        [one] the contact { $aliases } is not verified; carepost sends only to contacts whose key you confirmed
       *[other] the contacts { $aliases } are not verified; carepost sends only to contacts whose key you confirmed
    }
hint-recipients-unverified =
    call the contact on a number you already know, have them read out their fingerprint, and run:
      carepost contact verify { $alias }
    If you must send now, say why (the reason is recorded): --unverified-ok "REASON"
error-recipient-unusable = cannot send to "{ $alias }": { $reason }
hint-recipient-unusable = ask the contact for their current key, then: carepost contact update { $alias } --key-file FILE
error-input-not-a-file = { $path } is not a file
error-input-empty = { $path } is empty; there is nothing to send
hint-input-empty = check that the document was saved or exported completely, then send it again
error-output-dir = the folder { $path } does not exist
send-empty-reason = --unverified-ok needs a reason, e.g. --unverified-ok "patient asked by phone; key checked in person next visit"
send-nothing = nothing to send: name at least one document and one --to contact
identity-cannot-encrypt = it has no valid encryption key (has it expired?)
send-recipient-unverified = { $alias } (NOT verified)
send-unverified-recorded = sent to a contact that is not verified; your reason was recorded: { $reason }
send-done = Encrypted { $input } → { $output } for { $recipients }
send-next-step = Attach the encrypted file to an email. Only the recipients (and you) can open it.

## Opening

message-not-openpgp = this file is not an OpenPGP-encrypted message
message-is-a-key = this file is an OpenPGP key, not an encrypted message
message-bad-armor = this file looks like an encrypted text message but it is damaged: { $reason }
message-truncated = this message is incomplete: it ends too early (was the download or attachment cut off?)
message-tampered = this message was changed, damaged or cut short after it was encrypted; its content cannot be trusted and was not saved
message-not-for-us = this message is not encrypted to your key; it is for { $recipients }
message-anonymous-recipients = hidden recipients
message-password-only = this message is protected with a password, not with your key
message-not-encrypted = this message is not encrypted; carepost opens only encrypted documents
message-bad-signature = the signature on this message is invalid (signer { $who }); the content was not saved
message-too-large = the document would be larger than { $limit } after decompression; it was not saved (a decompression bomb?)
message-malformed = this message cannot be read: { $reason }
message-librepgp-aead = this message uses GnuPG's non-standard "OCB" encryption mode (LibrePGP), which carepost cannot read; nothing was saved
hint-message-not-for-us = ask the sender to encrypt to your current key; send them yours with: carepost export-key -o my-key.asc
hint-message-resend = ask the sender to send the document again
hint-message-not-openpgp = check that you picked the encrypted attachment (.pgp, .gpg or .asc)
hint-message-is-a-key = to add this key as a contact: carepost contact add ALIAS --key-file FILE
hint-message-too-large = if you trust the sender and expect a very large document, allow it with --max-size, e.g. --max-size 8G
hint-message-librepgp-aead = ask the sender to encrypt it again in standard OpenPGP format (GnuPG 2.3 or later: without --force-ocb; RNP: without --aead)
hint-message-password-only = open it again with --password (carepost asks for it) or --password-file FILE; the sender tells you the password by phone
error-sender-not-verified = the sender is not a verified contact ({ $status ->
        [unverified] "{ $who }" has not been verified yet
        [unknown] signed by a key that is not in your contacts: { $who }
        [unsigned] the document is not signed
       *[other] { $status } { $who }
    }); nothing was saved
hint-sender-not-verified = verify the sender first (carepost contact verify ALIAS), or open without --require-verified-sender
open-sender-unverified = this document is signed by "{ $alias }", who is NOT verified yet. Check their fingerprint by phone: carepost contact verify { $alias }
open-sender-unknown =
    this document is signed by a key that is not in your contacts:
      { $fingerprint }
    Do not trust it until you know who sent it. To add and verify the sender:
      carepost contact add ALIAS --key-file THEIR-KEY.asc
      carepost contact verify ALIAS
open-unsigned = this document is not signed: anyone could have sent it
open-done = Opened: { $output } (carepost deletes it on { $expires })
open-sealed = Kept sealed as document #{ $id } ("{ $name }") until { $expires }. Read it with: carepost export { $id }
open-from-self = Signed by you.
open-from-verified = Signed by "{ $alias }" (verified).
open-from-unverified = Signed by "{ $alias }" (NOT verified).
open-from-unknown = Signed by an unknown key.
open-from-nobody = Not signed.

## The tour

tour-intro =
    A tour of carepost: Dr. Jansen (a GP) sends a consult letter to her patient
    Mr. de Vries. Both use real OpenPGP keys, kept in a temporary folder
    ({ $folder }) that is deleted at the end. Your own carepost home and
    keychain are not touched.
tour-step = Step { $number }:
tour-identities = each of them creates an identity (an OpenPGP key pair).
tour-identity = { $who }: { $fingerprint }
tour-exchange = they exchange public keys (by email, a website or a USB stick).
tour-exchanged = Each has the other as a contact now — but not verified: an email can be intercepted and a key swapped.
tour-refused = Dr. Jansen tries to send the letter before verifying.
tour-verify = Dr. Jansen phones Mr. de Vries on the number in his patient file; they read their fingerprints to each other.
tour-reads-out = { $who } reads out: { $words }
tour-verified = Both fingerprints match what was typed: each contact is now verified.
tour-send = Dr. Jansen sends the letter: signed, and encrypted to Mr. de Vries and to herself.
tour-sent = Encrypted file to attach to an email: { $file } (the real name is only inside the encryption).
tour-open = Mr. de Vries opens the letter.
tour-opened = Opened "{ $file }", signed by "{ $alias }" (verified). The content is exactly what Dr. Jansen sent.
tour-tamper = someone changes one byte of the encrypted file on its way.
tour-nothing-written = Nothing was written: no partial or altered letter exists anywhere.
tour-cleaned-up = The temporary folder was deleted.
tour-done = Tour complete: every step worked.
tour-failed-unverified-sent = the tour could send to an unverified contact, which must never happen
tour-failed-content = the opened letter differs from what was sent
tour-failed-tamper-accepted = the tampered letter was not rejected

## Retention and purge

error-invalid-duration = "{ $given }" is not a duration carepost understands
error-zero-duration = a period of "{ $given }" would delete files the moment they are made; give a period longer than zero
hint-invalid-duration = use a whole number with a unit: 15m (minutes), 12h (hours), 7d (days), 4w (weeks) or 1y (years)
error-retain-too-long = keeping files for { $asked } is longer than the maximum of { $max }
hint-retain-too-long = choose a shorter period, or raise the maximum first: carepost retention set max=…
error-log-retention-too-short = keeping audit records for { $asked } is shorter than the minimum of { $min }
hint-log-retention-too-short = the log is how you account for what happened to patients' documents; keep it at least { $min } (the default is 5 years)
retention-set-syntax = "{ $given }" is not KEY=DURATION, e.g. sent=30d
retention-unknown-key = there is no retention setting "{ $key }" (known: { $keys })
retention-label-sent = Encrypted documents you sent (outbox)
retention-label-received = Documents you opened (inbox)
retention-label-view = Copies opened for viewing only
retention-label-max = Longest retention allowed with --retain
retention-label-log = Audit log records
error-no-such-file = carepost manages no file #{ $id }
hint-no-such-file = list what carepost manages with: carepost files
error-not-sealed = file #{ $id } is not a sealed document
error-sealed-key-gone = sealed document #{ $id } has expired: its key was destroyed and nobody can read it any more
hint-sealed-key-gone = ask the sender to send it again if you still need it
error-viewer = the document viewer could not be started ({ $reason }); the private copy was deleted
hint-viewer = set CAREPOST_VIEWER to a program that opens files, or open without --view
files-empty = carepost manages no files at the moment.
purge-nothing = Nothing has expired.
purge-deleted = deleted { $path }
purge-would-delete = would delete { $path }
purge-already-gone = { $path } was already gone
purge-changed = { $path } changed since carepost wrote it; not deleted
purge-failed = could not delete { $path }: { $reason } (carepost tries again later)
purge-log-cut = { $count ->
        [one] { $count } audit record older than the log's retention was removed
       *[other] { $count } audit records older than the log's retention were removed
    }; the chain stays verifiable.
quick-purge-deleted = carepost deleted { $count ->
        [one] { $count } expired document
       *[other] { $count } expired documents
    }.
quick-purge-failed = could not purge expired documents ({ $reason }); run: carepost purge
view-deleted = The viewer was closed; the private copy is deleted.
view-kept-until = The private copy stays until { $expires } so the viewer can read it; carepost deletes it then.
timer-wrote = wrote { $path }
timer-removed = removed { $path }
timer-active = The hourly purge is active.
timer-inactive = The hourly purge is switched off.
timer-not-activated = the unit files are in place but systemd could not enable them ({ $reason }); run: systemctl --user enable --now { $unit }
timer-hint-cron = add this line to your crontab (crontab -e) to purge every hour: 17 * * * * { $command }
timer-hint-macos = create a launchd agent (~/Library/LaunchAgents) that runs every hour (StartInterval 3600): { $command }
timer-hint-windows = create an hourly task: schtasks /Create /SC HOURLY /TN carepost-purge /TR "{ $command }"

## Status

status-home = Home:
status-fingerprint = Your fingerprint:
status-identity-expires = Your key expires:
status-files = Files kept:
status-files-counts = { $sent } sent, { $received } received, { $view } viewing, { $sealed } sealed
status-next-expiry = Next expiry:
status-overdue = Overdue:
status-timer = Hourly purge:
status-keychain = Keychain:
status-encrypted-volume = Encrypted disk:
status-audit = Audit log:
status-audit-intact = intact ({ $count ->
        [one] { $count } record
       *[other] { $count } records
    })
status-audit-broken = CHANGED OR DAMAGED — run: carepost log --check
status-hint-purge = Expired documents are deleted before each carepost command; for a regular purge run: carepost purge --install-timer
status-hint-disk-encryption = Deleting files does not reliably erase them from SSDs or backups: keep medical data on an encrypted disk (BitLocker, FileVault, LUKS).
word-yes = yes
word-no = no

## Audit log

log-empty = No audit records match.
log-intact = The audit log is intact: { $count ->
        [one] { $count } record.
       *[other] { $count } records, each chained to the one before.
    }
log-unconfirmed-tail = The newest records were written just before carepost was interrupted; they are intact and the next command confirms them.
log-clock-went-back = { $count ->
    [one] one record carries
   *[other] { $count } records carry
} an earlier time than the record before it: the computer's clock was set back at some point. The chain is intact, so this is not tampering; check the date and time settings.
error-audit-broken = the audit log was changed or damaged: { $problem }
hint-audit-broken = keep a copy of audit.log and state.db as evidence, and report it to whoever is responsible for information security in your practice
audit-no-anchor = the log has records but the state database has no record of them
audit-missing = the log file is missing, but the state database says it had { $head ->
        [one] { $head } record
       *[other] { $head } records
    }
audit-unreadable = line { $line } is not a readable record
audit-out-of-sequence = line { $line } holds record { $seq } where record { $expected } was expected (a record was deleted, inserted or moved)
audit-altered = record { $seq } was altered after it was written
audit-chain-broken = record { $seq } does not follow the record before it
audit-head-differs = record { $seq } differs from the one the state database remembers
audit-truncated = the log ends at record { $last }, but the state database says there were { $head }: records were cut off the end

## Email delivery (SMTP): mail setup, send --smtp, mail retry

error-mail-not-set-up = email delivery is not set up in this carepost home
hint-mail-not-set-up = set up your practice's mail server first: carepost mail setup --host HOST --port 587 --user USER --from ADDRESS
error-mail-setting = { $reason }
hint-mail-setting = see `carepost mail setup --help` for what each setting means
mail-bad-host = "{ $host }" is not a server name or IP address
mail-bad-user = the user name must be 1 to 256 characters, without spaces or control characters
mail-bad-port = the port must be a number from 1 to 65535
error-plaintext-smtp-not-loopback = carepost will not talk to the mail server { $host } without encryption: the password and the addresses would cross the network readable by anyone on the way
error-plaintext-smtp-needs-flag = sending without TLS is refused unless you say so with --allow-plaintext-loopback (only for a mail relay on this computer)
hint-plaintext-smtp = use --tls starttls (usually port 587) or --tls implicit (usually port 465); plain SMTP is only possible to a relay on this computer (127.0.0.1, ::1 or localhost) with --allow-plaintext-loopback
error-smtp-password-missing = no password for the mail account { $account } is available
hint-smtp-password-missing = store it in the OS keychain with `carepost mail setup … --password-file FILE` (or at the prompt), or give it for this command with --smtp-password-file FILE (env CAREPOST_SMTP_PASSWORD_FILE)
error-smtp-password-file = cannot use the mail password file { $path }: { $reason }
hint-smtp-password-file = the first line of the file must hold the password; make the file readable by you only
error-ca-file = cannot use the CA certificate file { $path }: { $reason }
hint-ca-file = ask whoever runs the mail server for its CA certificate as a PEM file (it starts with -----BEGIN CERTIFICATE-----)
ca-file-no-certificate = it holds no PEM certificate
ca-file-unusable = its certificate cannot be used: { $reason }
error-not-pgp-mime = carepost refuses to send this message: { $reason }. Nothing was sent
hint-not-pgp-mime = only messages that carepost composed and encrypted are sent; compose it again with `carepost send FILE... --to ALIAS --smtp`
not-pgp-mime-changed = it changed after carepost composed it
not-pgp-mime-missing = the file is gone (it may have been purged)
delivery-unreachable = could not reach the mail server { $server } (step: connect): { $reason }. The encrypted message is kept in the outbox
delivery-tls = could not set up a secure connection to the mail server { $server } (step: TLS): { $reason }. Nothing was sent; the encrypted message is kept in the outbox
delivery-auth-refused = the mail server { $server } refused the login (step: login): { $reply }. The encrypted message is kept in the outbox
delivery-recipient-rejected = the mail server { $server } refused { $count ->
    [one] the recipient
   *[other] the recipients
} { $addresses } (step: recipient): { $reply }. Nothing was sent; the encrypted message is kept in the outbox
delivery-too-large = the message ({ $size }) is larger than the mail server { $server } accepts (step: data). The encrypted message is kept in the outbox
delivery-too-large-limit = the message ({ $size }) is larger than the mail server { $server } accepts ({ $limit }) (step: data). Nothing was sent; the encrypted message is kept in the outbox
delivery-refused = the mail server { $server } refused the message (step: { $step }): { $reply }. The encrypted message is kept in the outbox
delivery-interrupted = the connection to the mail server { $server } broke off (step: { $step }): { $reason }. The encrypted message is kept in the outbox
delivery-step-connect = connect
delivery-step-tls = TLS
delivery-step-login = login
delivery-step-sender = sender
delivery-step-recipient = recipient
delivery-step-data = data
hint-delivery-unreachable = check the server name and port with `carepost mail show` and your internet connection, then run `carepost mail retry`
hint-delivery-tls = the server's certificate could not be checked, so carepost did not send anything. Check the server name with `carepost mail show`; if your practice runs its own mail server, ask for its CA certificate and run `carepost mail setup … --ca-file FILE`; then `carepost mail retry`
hint-delivery-auth-refused = check the user name with `carepost mail show`, store the right password with `carepost mail setup` again, then run `carepost mail retry`
hint-delivery-recipient-rejected = check the contact's email address with the contact, then run `carepost mail retry`, or send the documents again to the right address
hint-delivery-too-large = send the documents in several smaller messages; `carepost mail cancel MESSAGE-ID` stops carepost from retrying this one
hint-delivery-refused = the server's reply above says why; run `carepost mail retry` later, or ask whoever runs the mail server
tls-untrusted = the server's certificate is not signed by an authority this computer trusts
tls-wrong-name = the server's certificate is for another server name
tls-expired = the server's certificate has expired
tls-not-yet-valid = the server's certificate is not valid yet (check this computer's clock)
tls-revoked = the server's certificate was revoked
tls-no-starttls = the server does not offer STARTTLS; carepost never sends without encryption
tls-handshake-closed = the server closed the connection during the encryption handshake
net-timeout = the server did not answer within { $seconds } seconds
net-closed = the server closed the connection
auth-no-mechanism = the server offers no login method carepost supports (PLAIN or LOGIN)
smtp-resolve-failed = the server name could not be looked up: { $reason }
smtp-non-ascii = the message holds 8-bit text but the server does not accept it
prompt-smtp-password = Password for { $account }:
mail-setup-done = Email delivery set up: { $server } ({ $tls }), sending as { $from }.
mail-setup-keychain = The password is stored in the OS keychain.
mail-setup-password-per-send = No password was stored (--no-keychain): give it with --smtp-password-file FILE or CAREPOST_SMTP_PASSWORD_FILE each time you send.
mail-show-server = server:    { $server }
mail-show-tls = security:  { $tls }
mail-show-user = user:      { $user }
mail-show-from = from:      { $from }
mail-show-ca = extra CA:  { $ca }
mail-show-password = password:  { $source }
mail-show-pending = pending:   { $count }
mail-password-keychain = in the OS keychain
mail-password-file = given with --smtp-password-file at each send
mail-tls-starttls = STARTTLS
mail-tls-implicit = implicit TLS
mail-tls-none = no encryption (relay on this computer only)
mail-sent = Sent to { $server }: { $message_id }
mail-send-failed = Not sent: { $message_id }: { $reason }
mail-retry-nothing = No messages are waiting to be sent.
mail-retry-skipped = Not tried: { $message_id } (the same problem would stop it)
mail-cancelled = { $message_id } will not be sent; its encrypted file stays until its retention ends.
error-mail-no-such-message = no pending message has the id { $message_id }
hint-mail-no-such-message = `carepost mail show` lists the messages waiting to be sent

## Email: composing (send --eml) and opening (open MESSAGE.eml)

mail-default-subject = Documents
mail-default-text = { $count ->
        [one] The document is attached.
       *[other] The { $count } documents are attached.
    }
mail-output-not-a-file = --eml needs a file name, e.g. --eml letter.eml
mail-subject-too-long = the subject is longer than { $max } characters
mail-options-need-eml = --subject, --message and --message-file need --eml (or --smtp)
mail-message-file = could not read the message text from { $path }: { $reason }
mail-message-not-utf8 = the message text in { $path } is not UTF-8 text
error-output-exists = { $path } already exists; carepost never replaces a file
hint-output-exists = choose another file name, or move the existing file away first
error-no-email-address = the key of "{ $alias }" carries no email address, so carepost cannot address an email to them
hint-no-email-address = ask "{ $alias }" for a key with their email address (then: carepost contact update { $alias } --key-file FILE), or send separate files with `carepost send` without --eml
eml-done = Encrypted email for { $recipients } with { $count ->
        [one] { $count } document
       *[other] { $count } documents
    }: { $output } (carepost deletes it on { $expires })
eml-next-step = The subject, the text and the documents are inside the encryption; outside, the subject reads "[...]". Deliver it with `carepost send ... --smtp` (set up once with `carepost mail setup`).
mail-too-large = this email is larger than { $limit }, more than carepost reads; nothing was saved
mail-headers-too-large = this email's header section is absurdly large; it was not read and nothing was saved
mail-too-deep = this email nests its parts more than { $depth } levels deep; it was not read and nothing was saved
mail-broken-pgp-mime = this email is damaged or not a valid encrypted email: { $reason }
mail-no-encrypted-part = it says it is encrypted (PGP/MIME) but holds no encrypted part
mail-broken-signed-part = its signed part (multipart/signed) is incomplete
mail-unreadable = it cannot be read as an email
mail-no-autocrypt = this email has no Autocrypt header, so there is no key to add
mail-autocrypt-other-address = the key in this email's Autocrypt header is not for the address the email is from; it was not added
mail-eml-mode = --view and --sealed do not work with emails yet; open it without them
eml-subject = Subject: { $subject }
eml-subject-unprotected = Subject (was NOT encrypted): { $subject }
eml-from = From: { $from }
eml-saved = Saved: { $output }
eml-saved-until = carepost deletes the saved attachments on { $expires }.
eml-nothing-saved = The email has no attachments.
eml-not-encrypted = this email is NOT encrypted: anyone on the way could have read or changed it.
eml-unsaved = { $count ->
        [one] { $count } attachment was not saved because the email is not encrypted; to save it anyway: --accept-unencrypted
       *[other] { $count } attachments were not saved because the email is not encrypted; to save them anyway: --accept-unencrypted
    }
eml-from-mismatch = THIS EMAIL MAY BE FORGED: it says it is from { $from }, but it was signed by a key that does not belong to that address ({ $signer }). Do not act on it before you have checked with the sender by phone.
eml-autocrypt = The email carries a key for { $addr } (Autocrypt, fingerprint { $fingerprint }). It is NOT verified. To add it as a contact: carepost open FILE --add-autocrypt ALIAS, then verify it by phone.
eml-autocrypt-known = The email carries the key of your contact "{ $alias }" (Autocrypt).
eml-autocrypt-added = Added the key from the email as contact "{ $alias }" (NOT verified). Check the fingerprint by phone: carepost contact verify { $alias }
eml-autocrypt-mismatch = The email carries a key for another address ({ $addr }) than it is from; it is ignored.

# mail-integrity
error-mail-partly-unprotected = this email contains text or attachments that no verified signature covers (added outside the encryption, or not signed); nothing was saved
hint-mail-partly-unprotected = open it without --require-verified-sender to see which parts are unprotected, and ask the sender to send everything in one encrypted and signed email
eml-frame-signed = ┌── message text: encrypted and signed by { $signer } ──
eml-frame-encrypted-only = ┌── message text: encrypted but NOT signed: anyone could have written it ──
eml-frame-unprotected = ┌── message text: NOT encrypted and NOT signed: anyone could have written it ──
eml-frame-added = ┌── text added OUTSIDE the encryption: NOT encrypted and NOT signed, anyone could have written it ──
eml-frame-line = │ { $line }
eml-frame-end = └──
eml-signer-self = you
eml-signer-verified = "{ $alias }" (verified)
eml-signer-unverified = "{ $alias }" (NOT verified)
eml-signer-unknown = an unknown key ({ $fingerprint })
eml-unprotected-text-withheld = this email also contains text that was NOT encrypted and NOT signed (added outside the encrypted part); it is not shown, because anyone could have written it. To see it, marked as such: --accept-unencrypted
eml-saved-unprotected = Saved, NOT encrypted and NOT signed (anyone could have made it): { $output }
eml-saved-unsigned = Saved, encrypted but NOT signed (anyone could have made it): { $output }
eml-saved-signed-by = Saved, signed by { $signer }: { $output }
eml-unsaved-unprotected = { $count ->
        [one] { $count } attachment was not saved because it was NOT encrypted and NOT signed (added outside the encryption); to save it anyway, marked as such: --accept-unencrypted
       *[other] { $count } attachments were not saved because they were NOT encrypted and NOT signed (added outside the encryption); to save them anyway, marked as such: --accept-unencrypted
    }
eml-forwarded = the content is signed by { $signer }, but that signature does not vouch for this email: it was re-encrypted by someone else, or made for other recipients. Someone may be passing on a message that { $who } sent to them. Check with the sender by phone before acting on it.
eml-signer-nobody = nobody (not signed)
eml-from-contact = THIS EMAIL MAY BE FORGED: it says it is from { $from }, the address of your contact "{ $owner }", but it was signed by { $signer }. Do not act on it before you have checked with "{ $owner }" by phone.
eml-from-self = THIS EMAIL MAY BE FORGED: it says it is from { $from }, your own address, but it was signed by { $signer }. Do not act on it.
error-email-too-large = these documents make an email of about { $size }, more than the { $limit } carepost opens; nothing was written
hint-email-too-large = most mail providers refuse emails over 20–25 MiB anyway: send fewer or smaller documents per email, or send large ones as separate files (carepost send FILE --to ALIAS) by another channel
hint-mail-size-limit = carepost opens emails up to this size, and most mail providers refuse anything over 20–25 MiB: ask the sender to send fewer or smaller documents per email
mail-too-many-parts = this email has more than { $max } parts; it was not read and nothing was saved
# files-secrets
status-clock-behind = a file was recorded at { $recorded }, later than this computer's clock says it is now. The clock jumped (it was ahead then, or is behind now); set it right (timedatectl, or your system settings), then run carepost purge.
status-core-dumps = Core dumps:
status-core-dumps-off = off
status-core-dumps-on = ON (a crash could leave a document on disk)
error-secret-file-foreign = { $path } belongs to another user; carepost will not read a secret from it
hint-secret-file-foreign = put the passphrase or password in a file that belongs to you and that only you can read (chmod 600 FILE)
error-weak-passphrase = this passphrase is too easy to guess for the key that opens patients' documents (at least { $min } characters, not a repeated pattern)
hint-weak-passphrase = pick four or more random words (roll dice on a word list, or let a password manager choose them), e.g. "lantern orbit velvet cactus"; or leave out --passphrase-file and let carepost generate one for the keychain
error-timer-not-enabled = the hourly purge is NOT enabled: systemd did not enable the timer ({ $reason })
hint-timer-not-enabled = the unit files are in place; enable them in your desktop session with: { $command }
warning-shared-output-dir = { $path } is a folder every user of this computer can write to: they can see the document's name there, and the document itself if its permissions let them. Prefer a folder of your own (the default inbox, or -o ~/Documents/…).
error-file-closed = file #{ $id } is not in carepost's care any more ({ $state ->
        [pending] it was never completely written
        [deleted] carepost deleted it
        [missing] it disappeared without carepost deleting it
        [released] you released it
        [changed] it changed since carepost wrote it
       *[other] { $state }
    })
hint-file-closed = see what carepost manages with: carepost files
error-file-not-deleted = file #{ $id } was not deleted: { $reason }
hint-file-not-deleted = if you changed it on purpose, it is yours: delete it yourself, or take it out of carepost's care with: carepost files release { $id }
file-released = carepost no longer manages { $path }; it stays where it is and is never deleted by carepost.
file-deleted = Deleted { $path }.
file-delete-changed = it changed since carepost wrote it
status-needs-decision = Changed, kept:
status-hint-needs-decision = { $count ->
        [one] { $count } file changed since carepost wrote it and was not deleted. See it with: carepost files; then delete it yourself, or keep it with: carepost files release ID (or, if it is unchanged after all, delete it now with: carepost files delete ID)
       *[other] { $count } files changed since carepost wrote them and were not deleted. See them with: carepost files; then delete each yourself, or keep it with: carepost files release ID (or delete an unchanged one now with: carepost files delete ID)
    }
# audit-smtp
audit-bad-signature = record { $seq } carries a checkpoint signature that does not verify with your key
log-unsigned = { $count ->
        [one] { $count } record after { $since } is not signed by your key: anyone who can write to the home could have added it. The next command that unlocks your key (send, open, contact verify) signs it.
       *[other] { $count } records after { $since } are not signed by your key: anyone who can write to the home could have added them. The next command that unlocks your key (send, open, contact verify) signs them.
    }
log-signed-none = the start of the log
log-signed-through = record { $seq }
send-reason-names-contact = the reason for --unverified-ok names the contact "{ $alias }" (their alias, name or email); the reason is kept in the audit log for years and must not identify a patient. Describe the situation instead, e.g. --unverified-ok "patient asked by phone; key checked in person next visit"
hint-unverified-reason = the reason is kept in the audit log for years: do not write a patient's name or email in it
error-state-disagrees = the state database does not match the audit log: { $problem }
hint-state-disagrees = keep copies of state.db and audit.log as evidence; if you know why (a lost or restored state.db), run: carepost log --rebuild-state
state-missing = state.db is missing, but the audit log has records (contacts and the documents under retention would be forgotten)
state-older-than-log = the state database remembers the log up to record { $state }, but the log goes on to record { $log }: an older state.db was put back
log-state-rebuilt = State rebuilt from the audit log: it now agrees with record { $head }; { $files ->
        [one] { $files } document in the inbox and outbox is
       *[other] { $files } documents in the inbox and outbox are
    } under retention again.
log-state-no-contacts = The contact book cannot be rebuilt from the log (it holds no keys): add your contacts again and verify them by phone.
# open-robust
message-damaged = this message is damaged or cut short: carepost cannot read it, and nothing was saved
hint-message-damaged = ask the sender to send the document again (if it came by email, save the attachment again first: a download may have been cut off)
message-locked-for = this file was locked for { $recipients } only, not for you; nothing was opened and your key was not unlocked
hint-message-locked-for = it was sent to someone else; if it was meant for you too, ask the sender to encrypt it to your key as well
cert-damaged = the key file is damaged: carepost cannot read it
error-key-file-not-regular = { $path } is not a regular file (a device, a pipe or a folder); carepost reads keys only from files
hint-key-file-not-regular = save the key into a file first, then: carepost contact add ALIAS --key-file FILE
tls-starttls-injection = the server sent replies before the encryption started (STARTTLS response injection): someone on the network may be interfering; nothing was sent
# audit-smtp
error-delivery-unconfirmed = the connection to the mail server { $server } broke off after the whole message { $message_id } had gone out, before the server confirmed it (step: data): { $reason }. The email may have been delivered, so carepost will not send it again by itself; it is kept in the outbox as "may have been delivered"
delivery-unconfirmed = the connection to the mail server { $server } broke off after the whole message had gone out, before the server confirmed it (step: data): { $reason }. The email may have been delivered
hint-delivery-unconfirmed = ask the recipient whether the email arrived. If it did not, send it again with: carepost mail retry --resend { $message_id } (if it did: carepost mail cancel { $message_id })
hint-delivery-unconfirmed-no-id = ask the recipient whether the email arrived before sending it again; `carepost mail show` lists it
mail-retry-maybe-delivered = Not sent again: { $message_id } may have been delivered already (the connection broke after the whole message had gone out). Ask the recipient; if it did not arrive: carepost mail retry --resend { $message_id }
mail-show-maybe-delivered = may have been delivered: check with the recipient, then `carepost mail retry --resend { $message_id }` to send it again (or `carepost mail cancel { $message_id }` if it arrived)
# state-types
error-state-damaged = the state database holds a value carepost never writes ({ $value }): it was edited or is damaged, and carepost will not guess what it meant
hint-state-damaged = keep a copy of state.db and audit.log as evidence, then put back state.db from a backup of the home; without one, move state.db aside and run: carepost log --rebuild-state
## dates
# A month in a date people read: `16 Dec 2026`.
date-month = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
# A day (a key's expiry): `16 Dec 2026`; $month is the name from date-month.
date-day = { $day } { $month } { $year }
# A moment, in local time: `16 Dec 2026, 17:25`.
date-day-time = { $day } { $month } { $year }, { $time }
## folders
send-attach-from = In your mail program's attach dialog, the file is in { $folder } (to open that folder: { $command })
open-show-command = To open it: { $command }
status-outbox = Outbox (to attach):
status-inbox = Received documents:
open-folder-command = To open the folder: { $command }
## words
words-empty = no PGP words were given
words-unknown = word { $position } ("{ $word }") is not in the PGP word list
words-wrong-position-even = word { $position } ("{ $word }") is a three-syllable word, but a two-syllable word belongs there; a word may have been skipped, repeated or swapped
words-wrong-position-odd = word { $position } ("{ $word }") is a two-syllable word, but a three-syllable word belongs there; a word may have been skipped, repeated or swapped
## gate
gate-headers-not-utf8 = its headers are not UTF-8
gate-not-an-email = it is not an email
gate-no-header-block = it has no header block
gate-leading-continuation = it has a continuation line before any header
gate-no-colon = it has a header line without a colon
gate-undecodable-part = it has a part that cannot be decoded
gate-repeated-header = it has more than one { $name } header
gate-bcc = it has a Bcc header
gate-no-content-type = it has no Content-Type
gate-top-level-type = its top-level type is { $kind }, not multipart/encrypted
gate-repeated-parameter = it has more than one { $name } parameter
gate-protocol = its protocol is not application/pgp-encrypted
gate-no-boundary = it has no boundary
gate-unreadable-multipart = its multipart body is unreadable
gate-part-count = it has { $count } parts instead of 2
gate-nested-parts = it has parts nested inside the encrypted message's parts
gate-control-part = its first part is not application/pgp-encrypted Version: 1
gate-data-type = its second part is { $kind }, not application/octet-stream
gate-data-encoding = its second part has transfer encoding { $encoding }
gate-not-armored = its second part is not one armored OpenPGP message
gate-sender-count = its From does not hold exactly one address
gate-no-recipient = it has no recipient in To
gate-not-closed = its multipart body is not closed
gate-long-preamble = it has text before the encrypted parts that is not a short note
gate-text-after = it has text after the end of the multipart
gate-not-addresses = its { $name } header does not hold addresses
gate-name-without-address = its { $name } header holds a name without an address
gate-not-openpgp = its encrypted part is not OpenPGP (details: { $details })
gate-packets-outside = it has OpenPGP packets outside the encryption
gate-unexpected-packet = it has an unexpected { $tag } packet
gate-unreadable-openpgp = its encrypted part is unreadable OpenPGP (details: { $details })
gate-no-encrypted-data = it holds no encrypted data
## mail-preamble
# The note outside the encryption of every email carepost writes, read by
# the patient before the message is opened: written in all three
# languages, the sender's first; formal, no personal data. Accents are dropped when it is written (a MIME
# preamble is plain ASCII).
mail-preamble-note =
    This is an encrypted message (OpenPGP, PGP/MIME). Only the addressee can
    read it. Seeing only this text? Open the message with a free OpenPGP app
    such as Thunderbird, Gpg4win (Kleopatra), OpenKeychain or Mailvelope.
## tour
# The tour's sample letter and its file name (letters, digits and dashes).
tour-letter-file-name = consult-letter-de-vries.txt
tour-letter =
    Consult letter (sample)

    Dear Mr. de Vries,

    Thank you for the video consult today. As discussed, please have your
    blood pressure measured at the practice in two weeks. The lab results
    are within the normal range.

    Kind regards,
    Dr. A. Jansen, general practitioner
## io-reasons
# What went wrong in a file or network operation; $details is the
# system's own text, kept for whoever looks into it.
io-reason-not-found = there is no such file or folder (details: { $details })
io-reason-permission = permission denied (details: { $details })
io-reason-no-space = the disk is full (details: { $details })
io-reason-read-only = the disk or folder is read-only (details: { $details })
io-reason-exists = something with that name already exists (details: { $details })
io-reason-is-a-folder = it is a folder, not a file (details: { $details })
io-reason-not-a-folder = a part of the path is not a folder (details: { $details })
io-reason-refused = the connection was refused (details: { $details })
io-reason-timed-out = there was no answer in time (details: { $details })
io-reason-cut-off = the connection was cut off (details: { $details })
io-reason-no-network = the network cannot be reached (details: { $details })
io-reason-damaged = the data is damaged or cut short (details: { $details })
io-reason-other = the system reported an error (details: { $details })
net-other = the connection failed (details: { $details })
tls-other-details = the encrypted connection could not be set up (details: { $details })
## values
## identity-reasons
identity-damaged = its key file is damaged (details: { $details })
identity-not-valid = it is not valid now: expired, revoked or too weak (details: { $details })
## labels
# Words for codes, shown inside sentences and lists (JSON keeps the codes).
contact-kind-patient = patient
contact-kind-colleague = colleague
sender-status-verified = verified
sender-status-unverified = unverified
sender-status-unknown = unknown
sender-status-unsigned = unsigned
file-state-pending = pending
file-state-active = active
file-state-deleted = deleted
file-state-missing = missing
file-state-changed = changed
file-state-released = released
status-keychain-not-used = not used
status-keychain-reachable = reachable
status-keychain-unreachable = unreachable
word-unknown = unknown

## Verification: what is wrong with a reading, and the dialogue's tries
error-verify-refused = { $problem }; { $standing }
reading-letter-not-digit = you typed the letter { $found }, not the digit { $digit }: a fingerprint holds only the digits 0–9 and the letters A–F
reading-not-hex = "{ $found }" is not part of a fingerprint: it holds only the digits 0–9 and the letters A–F
reading-hex-short = you typed { $typed } of the { $needed } characters; a key ID or part of a fingerprint is not enough to verify a key
reading-hex-long = you typed { $typed } characters, but a fingerprint has { $needed }: a group may have been typed twice
reading-unknown-word = word { $position } ("{ $word }") is not in the PGP word list
reading-word-out-of-place = word { $position } ("{ $word }") is a PGP word, but not one that can stand at that place: a word may have been skipped, repeated or swapped
reading-words-short = you typed { $typed } of the { $needed } words of the PGP word list
reading-words-long = you typed { $typed } words, but a fingerprint has { $needed }: a word may have been typed twice
reading-own-fingerprint = that is your own fingerprint, not the fingerprint of "{ $alias }"
reading-mismatch = the fingerprint you typed does NOT match the key stored for "{ $alias }". The key may not belong to this contact
verify-standing-unverified = "{ $alias }" stays unverified
verify-standing-verified = nothing changed: "{ $alias }" stays verified, as it was on { $date } ({ $method ->
        [phone] phone
        [in-person] in person
        [video] video
       *[other] { $method }
    })
hint-reading-own-fingerprint = ask them to read out the fingerprint of their own key, from their OpenPGP app; yours is the one `carepost whoami` shows
verify-try-again =
    Not accepted: { $problem }.
    Check with them and type it again ({ $left ->
        [one] one more try
       *[other] { $left } more tries
    }).

## Prompts ended without an answer (Ctrl-D)
error-cancelled = cancelled: no answer was given
error-passphrase-cancelled = no passphrase was typed (cancelled): the key stays locked and nothing was changed
hint-passphrase-cancelled = run the command again and type the passphrase, or give it with --passphrase-file FILE

## Names on the command line that are not there (unknown alias, missing document)
error-contact-not-found-similar = there is no contact "{ $alias }" — did you mean { $count ->
        [one] { $similar }
       *[other] one of { $similar }
    }?
error-input-missing = { $path } does not exist
hint-input-missing = check the file name and the folder it is in
hint-input-not-a-file = name each document to send; a folder cannot be sent as such

## Output folders given with -o
error-output-dir-parent-missing = the folder { $path } does not exist: there is not even a folder { $missing }
error-output-not-a-folder = { $path } is not a folder
hint-output-dir-create = create it first ({ $command }), or give a folder that exists
hint-output-not-a-folder = give a folder, not a file

## files: column headers
files-column-id = ID
files-column-kind = Kind
files-column-state = State
files-column-expires = Expires
files-column-size = Size
files-column-path = File

## open: the same document opened a second time
open-already-opened = Already opened on { $opened_at }; nothing new was saved. The document is here: { $output } (carepost deletes it on { $expires })

## The OS keychain: how to get one, and what carepost does meanwhile
keychain-how-linux = On Linux the keychain is the Secret Service of a desktop session: GNOME Keyring or KWallet (install the gnome-keyring package if there is none, then log out and in again).
keychain-how-macos = On macOS the keychain is built in: check that you are logged in to your own user account and that the login keychain is unlocked.
keychain-how-windows = On Windows the keychain (Credential Manager) is built in: check that you are logged in to your own user account.
hint-keychain-how = { $how } Meanwhile, carepost can use a passphrase file: --passphrase-file FILE --no-keychain (the file must be readable by you only).
notice-keychain-unavailable-init-how =
    The OS keychain is not available ({ $reason }). { $how }
    Meanwhile, choose a passphrase yourself; carepost will not store it anywhere, so keep it safe.
notice-keychain-fallback-how =
    The OS keychain is not available ({ $reason }). { $how }
    Meanwhile, type your passphrase instead.

## files: kinds, sizes and periods as people read them
file-kind-sent = sent
file-kind-received = received
file-kind-view = viewed
file-kind-sealed = sealed
size-bytes = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }
size-decimal-separator = .
size-in-unit = { $number } { $unit }
duration-years = { $count ->
        [one] { $count } year
       *[other] { $count } years
    }
duration-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
duration-hours = { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
duration-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }

## passphrase
notice-passphrase-keychain-offer = A keychain is available now: `carepost passphrase --to-keychain` moves your passphrase into it (give it with --passphrase-file FILE, or type it when asked), so that carepost no longer needs a file or asks for it.

## key origin and refresh
contact-origin-file = a key file
contact-origin-autocrypt = an email (Autocrypt)
contact-origin-wkd = Web Key Directory
contact-origin-vks = key server (VKS)
contact-origin-hkp = key server (HKP)
show-source = Key from:
show-source-at = { $source } ({ $location })
show-looked-up-by = Looked up by:
show-refreshed = Last refreshed:
## publish wkd
error-invalid-domain = "{ $domain }" is not a domain name such as example.org
hint-invalid-domain = give the part of the practice's email address after the @, for example --domain example.org
error-publish-patient = "{ $alias }" is a patient: carepost never publishes a patient's key under the practice's domain
hint-publish-patient = only your own key and those of verified colleagues are published; patients publish their own keys (their mail provider often does it for them)
error-publish-unverified = "{ $alias }" is NOT verified: publishing the key under the practice's domain would vouch for a key nobody checked
hint-publish-unverified =
    call the colleague on a number you already know, have them read out their fingerprint, and run:
      carepost contact verify { $alias }
    then publish again.
error-publish-not-in-domain = the key of "{ $alias }" has no email address in { $domain }: a Web Key Directory of { $domain } can only hold addresses of { $domain }
error-publish-nothing-for-domain = no key to publish has an email address in { $domain }
hint-publish-domain = choose the domain of the addresses in the keys with --domain DOMAIN (`carepost whoami` and `carepost contact show ALIAS` show them), and write one folder per domain
error-publish-same-address = { $address } is in more than one key ({ $holders }): a Web Key Directory holds one key per address
hint-publish-same-address = publish only the key that is to be found under this address: leave out the other --contact
publish-own-key = your own key
publish-wkd-written = Web Key Directory of { $domain } written in { $path }:
publish-wkd-found-at = Mail programs will find these keys at:
publish-wkd-next =
    Next: the practice's web server must serve the .well-known folder inside { $path } as it is,
    at https://openpgpkey.{ $domain }/ (advanced method) or https://{ $domain }/ (direct method).
    Give your web person the folder and the guide docs/wkd.md (content type, CORS header, checks).
    Publish again after changing or extending your key.
## readiness: contact check, and the expiry warnings of send and status
readiness-expires-soon = the key of "{ $alias }" can be used for { $days ->
        [one] { $days } more day
       *[other] { $days } more days
    } (until { $date }). Fetch a renewed key before then: carepost contact refresh { $alias }
readiness-reason-v2 = this key and your own both advertise SEIPDv2 (RFC 9580)
readiness-reason-no-features = this key advertises no features at all (some programs make such keys), so it gets SEIPDv1, which every OpenPGP program reads
readiness-reason-v1-only = this key does not advertise SEIPDv2, so it gets SEIPDv1, which every OpenPGP program reads
readiness-reason-own-v1 = your own key does not advertise SEIPDv2, and every message is encrypted to it too
duration-months = { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
check-usable = Usable now:
check-valid-until = Valid until:
check-valid-until-value = { $date } ({ $days ->
        [one] { $days } day left
       *[other] { $days } days left
    })
check-no-expiry = no expiry date
check-encryption-key = Encrypts to:
check-encryption-key-value = { $fingerprint } ({ $algorithm }), created { $created }, expires { $expires }
check-never = never
check-message-format = Message format:
check-message-format-value = { $format }: { $reason }
check-cipher = Cipher:
check-cipher-v1 = { $symmetric }, no compression
check-cipher-v2 = { $symmetric } with { $aead }, no compression
check-verified-ago = { $label }, { $age } ago
check-programs = Who can open what carepost sends to "{ $alias }":
check-not-known = not known
check-ready = "{ $alias }" is ready: carepost can send to this contact.
status-contact-keys = Contact keys:
status-contact-keys-counts = { $soon } expiring within { $days } days, { $expired } expired
status-hint-contact-keys = Some contacts' keys expire soon or have expired: fetch renewed keys with carepost contact refresh ALIAS (carepost contact check ALIAS shows one in detail).
## key discovery: network and lookup
error-network = could not ask { $host } for a key: { $reason }. Nothing was changed.
error-key-not-found = no key found for { $address }; nothing was changed. Tried:
    { $tried }
error-keys-refused = no acceptable key found for { $address }; nothing was changed. Tried:
    { $tried }
error-several-keys = { $source } holds { $count } different keys for { $address }: { $fingerprints }. carepost does not pick one; nothing was changed.
error-key-source = cannot use the key source "{ $given }": { $reason }
hint-network = check the network connection (and HTTPS_PROXY, if one is set), then try again
hint-network-tls = if the server uses a certificate of your own authority, give its CA certificate with --ca-file FILE (or CAREPOST_CA_FILE)
hint-key-not-found = ask the patient for their key as a file, and add it with `carepost contact add ALIAS --key-file FILE`
hint-keys-refused = ask the patient for a current key as a file; a key the server offers cannot be used as it is
hint-several-keys = ask the patient which key is theirs (the fingerprint), and add it from a file with `carepost contact add ALIAS --key-file FILE`
hint-key-source = sources are wkd, vks, vks:https://HOST, hkp:hkps://HOST[:PORT] or hkp:hkp://HOST[:PORT], separated by commas
net-not-found = the server has no key there
net-status = the server answered with status { $status }
net-unreachable = the server could not be reached ({ $reason })
net-too-large = the answer is larger than { $limit }; it was cut off and not used
net-insecure-redirect = the server redirected to { $location }, which is not an encrypted (https://) address; carepost did not follow
net-too-many-redirects = the server redirected too many times
net-proxy = the proxy (HTTPS_PROXY) could not be used: { $reason }
net-host-not-found = the server name is not known (no DNS entry, or no network)
net-connection-failed = no connection could be made
net-bad-resolve = CAREPOST_RESOLVE has an entry that is not HOST=ADDRESS:PORT: { $entry }
net-bad-timeout = CAREPOST_NET_TIMEOUT_MS is not a number of milliseconds: { $value }
vks-bad-answer = the key server's answer cannot be read ({ $what })
source-vks-https = a VKS server is written vks:https://HOST
source-bad-host = that is not a server name with an optional port
source-unknown = it is not wkd, vks, vks:https://…, hkp:hkps://… or hkp:hkp://…
source-twice = it is named twice
source-none = no source is named
source-wkd = Web Key Directory
source-vks = key server { $url }
source-hkp = key server { $url }
attempt-found = { $source } ({ $location }): found
attempt-not-found = { $source } ({ $location }): no key
attempt-failed = { $source } ({ $location }): failed: { $reason }
attempt-refused = { $source } ({ $location }): refused: { $reason }
lookup-not-a-key = the answer is not an OpenPGP key
lookup-address-mismatch = the key offered has no user ID with the address { $address }

## key discovery: contact find and contact sources
find-source = Source
find-location = Answered by
find-not-verified = no: a key from a server is not verified
find-tried = Tried:
find-next-step = Nothing was stored. To add this key: carepost contact add ALIAS --email { $address }, then confirm its fingerprint by phone with carepost contact verify ALIAS.
sources-stored = Key sources stored.
sources-order = Keys are looked up in this order:
sources-how-to-set = Change it with carepost contact sources --set wkd,vks,hkp:hkps://HOST
## contact add --email and contact refresh
contact-add-key-or-email = Give the contact's key with --key-file FILE, or look it up with --email ADDRESS.
contact-added-found = Found in { $source } ({ $location }) and added as contact "{ $alias }" ({ $kind }). Not verified yet: a key found on the internet does not prove whose it is.
contact-added-found-next =
    Before sending anything, call this person on a phone number you already know
    (not one from an email or a website), ask them to read out the fingerprint
    their own program shows, and type it in:
      carepost contact verify { $alias }
refresh-skipped-no-source = it came from a file and has no email address to look it up by
refresh-key-changed-warning =
    ========================================================================
    WARNING: a DIFFERENT key is now published for "{ $alias }".
      stored fingerprint:    { $old }
      offered fingerprint:   { $new }
    A changed key can mean that someone is intercepting your mail.
    Nothing was merged: "{ $alias }" keeps its stored key. Call them on a
    number you already know; if they did make a new key, get it and verify:
      carepost contact update { $alias } --key-file FILE
      carepost contact verify { $alias }
    ========================================================================
refresh-revoked-warning =
    ========================================================================
    WARNING: the key of "{ $alias }" has been REVOKED by its owner.
    carepost stored the revocation and will send nothing to it any more.
    Ask them for their new key, then add and verify it.
    ========================================================================
refresh-line-unchanged = { $alias }: up to date
refresh-line-updated = { $alias }: updated (same key; verification kept)
refresh-line-revoked = { $alias }: REVOKED
refresh-line-key-changed = { $alias }: a different key is offered; nothing changed
refresh-line-failed = { $alias }: not refreshed, nothing changed: { $reason }
refresh-line-skipped = { $alias }: skipped: { $reason }
refresh-summary = { $total } contact(s): { $updated } updated, { $unchanged } up to date, { $revoked } revoked, { $changed } changed key, { $failed } failed, { $skipped } skipped.
error-refresh-incomplete = not every key is fine: { $revoked } revoked, { $changed } with a different key offered, { $failed } not refreshed
hint-refresh-incomplete = Read the lines above: a revoked key needs a new key from its owner; a different key needs a phone call before anything else; a failed refresh can be tried again later (nothing was changed).

## publish keyserver
publish-keyserver-uploaded = Your public key was uploaded to { $server }:
publish-keyserver-state-published = published: found by this address
publish-keyserver-state-unpublished = not published yet
publish-keyserver-state-pending = waiting for your confirmation
publish-keyserver-state-revoked = revoked
publish-keyserver-next = { $server } is sending a confirmation email to { $addresses }. Open it and click the link: only then do other people's programs find your key by this address. Until then it is found by its fingerprint only.
publish-keyserver-nothing-to-confirm = No confirmation is needed: { $server } already gives out your key for every address it lists.
publish-keyserver-https-only = only https:// key servers are used for uploads
