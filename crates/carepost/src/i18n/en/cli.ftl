# carepost — the command line: help of every command and option, and
# clap's own words. Ids follow the command path: cli-<command>-about,
# cli-<command>-arg-<option>; options of every command are cli-global-arg-*.

## cli: the parts of every help text

cli-heading-usage = Usage:
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:
cli-usage-options = [OPTIONS]
cli-value-command = COMMAND
cli-arg-help = Print help
cli-arg-version = Print version
cli-help-about = Print this message or the help of the given command

## cli: value names

cli-value-action = ACTION
cli-value-address = ADDRESS
cli-value-alias = ALIAS
cli-value-date = DATE
cli-value-dir = DIR
cli-value-duration = DURATION
cli-value-email = EMAIL
cli-value-file = FILE
cli-value-host = HOST
cli-value-id = ID
cli-value-key-duration = KEY=DURATION
cli-value-lang = LANG
cli-value-message-id = MESSAGE-ID
cli-value-method = METHOD
cli-value-mode = MODE
cli-value-name = NAME
cli-value-out-eml = OUT.eml
cli-value-port = PORT
cli-value-reason = REASON
cli-value-size = SIZE
cli-value-text = TEXT
cli-value-user = USER

## cli: carepost and its global options

cli-about = Send consult documents by email with end-to-end OpenPGP encryption, verified contacts and retention
cli-after-help = Start with `carepost init --name NAME --email EMAIL`, then `carepost contact add`.
cli-global-arg-home = Data home (default: the platform's data directory, e.g. ~/.local/share/carepost; env CAREPOST_HOME)
cli-global-arg-json = Print the result as one JSON document on stdout
cli-global-arg-passphrase-file = Read the key passphrase from the first line of FILE instead of the keychain or a prompt (env CAREPOST_PASSPHRASE_FILE)
cli-global-arg-no-keychain = Never use the OS keychain (env CAREPOST_NO_KEYCHAIN)
cli-global-arg-smtp-password-file = Read the mail server password from the first line of FILE instead of the keychain or a prompt (env CAREPOST_SMTP_PASSWORD_FILE)
cli-global-arg-lang = The language to speak: nl, fr or en (default: CAREPOST_LANG, then the locale)

## cli: commands

cli-init-about = Create this home's identity: your key pair
cli-init-arg-name = Your name as contacts should see it, e.g. "Dr. A. Jansen"
cli-init-arg-email = Your email address

cli-whoami-about = Show your name, email and fingerprint, to read out to contacts
cli-whoami-arg-qr = Also draw the fingerprint as a QR code (scan it with OpenKeychain)
cli-whoami-arg-qr-svg = Write the QR code as an SVG image to FILE, for printing
cli-leaflet-about = Write a printable leaflet for patients: your fingerprint and how documents reach them
cli-leaflet-arg-for = Print how documents reach this contact (with their key, or with a password by phone); never their alias or email
cli-leaflet-arg-name = The patient's name, printed on the leaflet only when you give it
cli-leaflet-arg-practice = Your practice's name; remembered for later leaflets (an empty TEXT forgets it)
cli-leaflet-arg-reach = Whom patients contact with questions, e.g. a phone number; remembered for later leaflets (an empty TEXT forgets it)
cli-leaflet-arg-output = The HTML file to write (an existing file is never replaced)

cli-export-key-about = Write your public key, to give to contacts
cli-export-key-arg-output = Write to FILE instead of standard output

cli-contact-about = Manage contacts: add, find, verify, check, refresh, list, show, update, remove
cli-contact-add-about = Import a contact's public key under an alias
cli-contact-add-arg-alias = A pseudonymous label: 1-64 of a-z 0-9 . _ - (no patient names)
cli-contact-add-arg-key-file = File with the contact's public key (armored or binary)
cli-contact-add-arg-patient = The contact is a patient (the default)
cli-contact-add-arg-colleague = The contact is a colleague
cli-contact-list-about = List contacts
cli-contact-show-about = Show one contact in detail
cli-contact-show-arg-alias = The contact's alias
cli-contact-verify-about = Confirm a contact's key by having them read out their fingerprint
cli-contact-verify-arg-alias = The contact's alias
cli-contact-verify-arg-fingerprint = The fingerprint as the contact read it out (hex; spaces and colons are fine)
cli-contact-verify-arg-words = The fingerprint as PGP words, as the contact read them out
cli-contact-verify-arg-method = How you heard it: phone (the default), in-person or video
cli-contact-update-about = Replace a contact's key with a newer one
cli-contact-update-arg-alias = The contact's alias
cli-contact-update-arg-key-file = File with the contact's new public key
cli-contact-remove-about = Remove a contact
cli-contact-remove-arg-alias = The contact's alias

cli-send-about = Encrypt and sign documents for verified contacts
cli-send-arg-files = The documents to send (one encrypted file is made per document)
cli-send-arg-to = A contact to send to (repeat for several)
cli-send-arg-output-dir = Folder for the encrypted files (default: the outbox, Documents/carepost/outbox, or the data folder's outbox/ with --home)
cli-send-arg-armor = Write ASCII-armored text (.asc) instead of binary (.pgp)
cli-send-arg-keep-name = Keep the document's real name on the encrypted file too (it is always inside the encryption)
cli-send-arg-unverified-ok = Send to contacts who are not verified, for this recorded reason. The reason is kept in the audit log for years: never write a patient's name, email or other identifying detail in it
cli-send-arg-retain = Keep the encrypted files this long (e.g. 30d) instead of the `sent` retention
cli-send-arg-eml = Write one encrypted email (PGP/MIME) holding every document to OUT.eml, instead of one encrypted file per document
cli-send-arg-subject = The email's subject; it travels only inside the encryption
cli-send-arg-message = The email's message text
cli-send-arg-message-file = Read the email's message text from FILE (UTF-8)
cli-send-arg-smtp = Compose one encrypted email (PGP/MIME) into the outbox and deliver it through the mail server set up with `carepost mail setup`

cli-open-about = Decrypt a received document and check who sent it
cli-open-arg-file = The encrypted file (.pgp, .gpg or .asc), or a received email (.eml)
cli-open-arg-output-dir = Folder for the document (default: the home's inbox)
cli-open-arg-require-verified-sender = Refuse documents not signed by a verified contact
cli-open-arg-max-size = Largest document to write, e.g. 500M or 4G (default: 100 times the encrypted file, at least 1G)
cli-open-arg-retain = Keep the document this long (e.g. 30d) instead of the retention for its kind
cli-open-arg-view = Show the document in a viewer without saving it; the copy is deleted when the viewer closes or after the `view` retention
cli-open-arg-sealed = Keep the document encrypted under its own key; expiry destroys the key (use `carepost export ID` to read it)
cli-open-arg-accept-unencrypted = For an email that is not encrypted: save its attachments anyway
cli-open-arg-add-autocrypt = For an email with an Autocrypt header: add its key as the new, unverified contact ALIAS

cli-tour-about = Walk through a whole exchange between a clinician and a patient, in a temporary folder (touches nothing of yours)

cli-retention-about = Show or change how long documents are kept
cli-retention-show-about = Show the retention periods
cli-retention-set-about = Change retention periods, e.g. `sent=30d received=7d` (keys: sent, received, view, max, log; units: m, h, d, w, y)
cli-retention-set-arg-assignments = A retention period to change, e.g. sent=30d

cli-purge-about = Delete documents whose retention has ended
cli-purge-arg-dry-run = Show what would be deleted, delete nothing
cli-purge-arg-install-timer = Install an hourly purge (a systemd user timer on Linux)
cli-purge-arg-uninstall-timer = Remove the hourly purge
cli-purge-arg-quiet = Say nothing unless something needs attention (for the timer)

cli-status-about = Show what this home keeps, until when, and how it is protected (also: `carepost doctor`)

cli-log-about = Show the audit log, or check that nobody changed it
cli-log-arg-check = Verify the whole log: exit 0 when intact, 4 when it was changed
cli-log-arg-rebuild-state = Rebuild the state database from the audit log after it was lost or replaced by an older copy: the log's head and the documents in the inbox and outbox (contacts must be added again)
cli-log-arg-since = Only records from this date or time on (e.g. 2026-11-01)
cli-log-arg-action = Only records of this action (e.g. send, open, verify, purge)
cli-log-arg-contact = Only records about this contact

cli-files-about = List the files carepost manages, with their expiry
cli-files-arg-all = Include files already deleted, gone or changed
cli-files-release-about = Take one file out of carepost's care: it stays, and is never deleted
cli-files-release-arg-id = The file's id (see `carepost files`)
cli-files-delete-about = Delete one document now, before its expiry (only if unchanged)
cli-files-delete-arg-id = The file's id (see `carepost files`)

cli-export-about = Decrypt a sealed document (see `open --sealed`)
cli-export-arg-id = The sealed document's id (see `carepost files`)
cli-export-arg-output-dir = Folder to write it to (default: the home's inbox)
cli-export-arg-view = Show it in a viewer instead of saving it

cli-mail-about = Set up email delivery, and send what is still waiting
cli-mail-setup-about = Store the mail server to send through; the password goes to the OS keychain
cli-mail-setup-arg-host = The mail server's name, e.g. smtp.example.nl
cli-mail-setup-arg-port = The port: 587 for STARTTLS, 465 for implicit TLS
cli-mail-setup-arg-user = The user name to log in with
cli-mail-setup-arg-from = The address the server should send from (usually your own)
cli-mail-setup-arg-tls = How the connection is encrypted: starttls (a plain connection upgraded to TLS before anything is sent, port 587), implicit (TLS from the first byte, port 465) or none (only with --allow-plaintext-loopback, to a local relay); default: implicit on port 465, else starttls
cli-mail-setup-arg-ca-file = Also trust this CA certificate (PEM), for a practice's own mail server
cli-mail-setup-arg-password-file = Read the password from the first line of FILE (stored in the OS keychain) instead of asking
cli-mail-setup-arg-allow-plaintext-loopback = Permit `--tls none`, only to a relay on this computer (127.0.0.1, ::1, localhost)
cli-mail-show-about = Show the mail server settings (never the password) and what is waiting to be sent
cli-mail-retry-about = Send the encrypted emails still waiting in the outbox
cli-mail-retry-arg-resend = Send this email again although it may have been delivered already (after checking with the recipient that it did not arrive)
cli-mail-cancel-about = Stop trying to send a waiting email (its encrypted file stays until its retention ends)
cli-mail-cancel-arg-message-id = The email's Message-ID, as `carepost mail show` lists it

## cli: errors in the command line

cli-error-unknown-argument = unexpected argument '{ $arg }'
cli-error-unknown-command = unknown command '{ $command }'
cli-error-missing-argument = a required argument is missing: { $args }
cli-error-missing-command = `{ $command }` needs a command
cli-error-invalid-value = '{ $value }' is not a valid value for { $arg }
cli-error-rejected-value = { $arg }: { $reason }
cli-error-conflict = { $arg } cannot be used together with { $other }
cli-error-values = wrong number of values for { $arg }
cli-error-not-utf8 = an argument is not valid text (UTF-8)
cli-error-other = the command line cannot be understood
cli-hint-did-you-mean = did you mean { $suggestion }? See `{ $command } --help`
cli-hint-valid-values = use one of: { $values }
cli-hint-usage = usage: { $usage }
cli-hint-help = see `{ $command } --help`
cli-error-not-a-size = '{ $text }' is not a size such as 500M or 4G
cli-error-unusable-size = '{ $text }' is not a usable size
cli-error-not-a-date = '{ $text }' is not a date such as 2026-11-01
cli-error-not-a-port = '{ $text }' is not a port number (1 to 65535)

## cli: completions and the packaging commands

cli-completions-about = Print the shell completion script for bash, zsh or fish
cli-completions-arg-shell = The shell to complete commands and options for: bash, zsh or fish
cli-manpages-about = Write one man page per command into DIR (for packaging)
cli-manpages-arg-dir = Folder to write the files into (created if missing)
cli-systemd-units-about = Write the systemd user units of the hourly purge into DIR (for packaging)
cli-systemd-units-arg-dir = Folder to write the files into (created if missing)
cli-value-shell = SHELL

## passphrase

## publish wkd
cli-publish-about = Publish the practice's keys, so that mail programs find them by email address
cli-publish-wkd-about = Write a Web Key Directory for the practice's web server: your key, and verified colleagues' keys when named
cli-publish-wkd-arg-out = Folder to write the tree into (created if missing; files of others in it are left alone)
cli-publish-wkd-arg-domain = The domain to publish (default: the one of your email address); only addresses in it are published
cli-publish-wkd-arg-contact = Also publish this verified colleague's key (repeat for several)
cli-value-domain = DOMAIN
## readiness
cli-contact-check-about = Check whether a contact is ready to receive: key lifetime, encryption keys, message format, which programs can open it
cli-contact-check-arg-alias = The contact's alias
cli-contact-check-after-help = Exit status: 0 when the contact is ready, 3 when send would refuse it (not verified, revoked, expired), 4 when its key cannot be used.
## key discovery
cli-contact-find-about = Look up a key for an email address (Web Key Directory, key servers) without adding it
cli-contact-find-arg-address = The email address to look up
cli-contact-find-arg-ca-file = Also trust this CA certificate (PEM) for the servers' certificates
cli-contact-sources-about = Show or set where and in which order keys are looked up
cli-contact-sources-arg-set = The sources in order, separated by commas: wkd, vks, vks:https://HOST, hkp:hkps://HOST[:PORT]

## key origin and refresh
cli-contact-add-arg-email = Look the key up by the contact's email address (Web Key Directory, key servers)
cli-contact-add-arg-ca-file = A CA certificate (PEM) to trust besides the system's, for the lookup
cli-contact-refresh-about = Fetch contacts' keys again from where they came from and merge what is new
cli-contact-refresh-arg-aliases = The contacts to refresh (default: every contact)
cli-contact-refresh-arg-ca-file = A CA certificate (PEM) to trust besides the system's
cli-contact-refresh-after-help = Exit status: 0 when every key is fine; 3 when a key was revoked or a different key is offered; 1 when a source could not be asked. When several happen, the highest of these: 3, then 1.

## key sources
cli-value-list = LIST

## publish keyserver
cli-publish-keyserver-about = Upload your public key to keys.openpgp.org (or --server), which then emails you a link to confirm your address
cli-publish-keyserver-arg-server = The key server (https://, Verifying Key Server API); default https://keys.openpgp.org
cli-publish-keyserver-arg-ca-file = A CA certificate (PEM) to trust besides the system's
cli-value-url = URL
## send with a password
cli-send-arg-password = Send with a password you tell the recipient by phone, even to a contact who has a key (contacts without a key always get this)
cli-send-arg-format = What a password recipient receives: pdf (an encrypted PDF their usual PDF program opens; the default) or openpgp (a message GnuPG, Kleopatra or OpenKeychain open with the password)
cli-send-arg-password-told = For scripts: the password is told to the recipient without carepost asking (with --json the result carries it)
cli-value-pdf-openpgp = pdf|openpgp
## open --password
cli-open-arg-password = For a message protected with a password: ask for the password on the terminal (never on the command line)
cli-open-arg-password-file = For a message protected with a password: read the password from the first line of FILE (readable by you only)
## contact add --no-key
cli-contact-add-arg-no-key = A patient without an OpenPGP key: documents go with a password you tell them by phone (with --email, the address is kept for sending, not looked up)
