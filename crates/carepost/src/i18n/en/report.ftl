# carepost report: the practice's accountability record for this channel.

cli-report-about = Make the practice's accountability record: what is processed, where, for how long, the risks accepted and the measures taken
cli-report-arg-output = Write the report to FILE: .html (a page that prints on A4) or .md (Markdown); without it the report goes to standard output
cli-report-arg-since = Count only what happened from this date on (e.g. 2026-01-01)
cli-report-arg-contact = Report everything done with the data of this one contact, for a patient who asks
cli-report-arg-evaluate-on = Set the date on which the practice evaluates these measures next (YYYY-MM-DD)
cli-report-arg-verification-age = Report contacts whose verification is older than this many days (default: 730)
cli-value-days = DAYS

report-written = Report written to { $path }.
report-unknown-form = { $path } does not end in .html or .md: carepost writes the report as an HTML page or as Markdown.
report-evaluate-past = The evaluation date { $date } is in the past: give a date from today on.
report-not-a-day = “{ $text }” is not a date: write it as YYYY-MM-DD, e.g. 2027-12-01.
report-status-risks = Risks accepted:
report-status-risks-value = { $count ->
    [0] none
    [one] one, on { $last }
   *[other] { $count }, the last on { $last }
}
report-status-risk-line = { $date }: { $contacts } — “{ $reason }”

report-title = Accountability record: encrypted email for medical documents
report-subtitle = Made on { $date }. Period covered: { $period }.
report-period-value = { $from } to { $to }
report-period-empty = nothing recorded yet (up to { $to })
report-never = never

report-application-title = 1. The application
report-application-purpose = carepost sends medical documents to patients and colleagues after a consult, encrypted from end to end and signed, and opens the documents they send back. It runs on the practice's own computer and uses the practice's own email.
report-application-version = Version
report-application-formats = Formats it produces
report-application-backend = Cryptography
report-application-backend-value = Sequoia OpenPGP, { $backend }
report-application-supplier = Supplier
report-application-supplier-value = open source software, licence { $licence }
report-application-period = Period covered
report-format-openpgp-message = OpenPGP messages (encrypted and signed files)
report-format-pgp-mime-email = PGP/MIME email
report-format-pdf-aes-256 = password-protected PDF (AES-256)
report-format-openpgp-password = OpenPGP message opened with a password

report-data-title = 2. Personal data processed
report-data-intro = Counts only: this section holds no names, aliases, file names or document content. Each document counts once per recipient.
report-data-patients = Patients in the contact book
report-data-patients-value = { $with_key } with a key, { $without_key } without a key (password told by phone)
report-data-colleagues = Colleagues in the contact book
report-data-colleagues-value = { $with_key } with a key, { $without_key } without a key
report-data-sent = Documents sent
report-data-sent-value = { $key } with the recipient's key, { $password } with a password
report-data-refused = Sends refused by carepost
report-data-opened = Documents received and opened
report-data-opened-value = { $key } with the practice's key, { $password } with a password
report-data-viewed = Documents viewed without saving
report-size-caption = Documents by size
report-size-what = Documents
report-size-small = under 1 MiB
report-size-medium = 1 to 10 MiB
report-size-large = over 10 MiB
report-size-sent = sent
report-size-opened = opened
report-size-viewed = viewed

report-copies-title = 3. Where copies are and for how long
report-copies-intro = carepost deletes every copy it makes when its retention period ends. Received documents can be kept sealed: encrypted under their own key, readable only through carepost.
report-copies-sent = Sent documents (outbox) kept for
report-copies-received = Opened documents (inbox) kept for
report-copies-view = Copies for viewing kept for
report-copies-max = Longest retention allowed
report-copies-log = Audit log kept for
report-copies-outbox = Outbox folder
report-copies-inbox = Inbox folder
report-copies-sealed = Folder of sealed documents
report-copies-kept = Documents kept now
report-copies-kept-value = { $sent } sent, { $received } opened, { $view } for viewing, { $sealed } sealed
report-copies-overdue = Past their retention, not yet deleted
report-copies-deleted = Deleted by carepost so far
report-copies-missing = Gone before carepost deleted them
report-copies-changed = Kept because they were changed after carepost wrote them
report-copies-released = Taken out of carepost's care by a user
report-copies-timer = Scheduled deletion
report-timer-installed = installed: expired documents are deleted even when nobody uses carepost
report-timer-missing = not installed: expired documents are deleted only when carepost is used
report-copies-volume = Data on an encrypted disk
report-copies-hint-purge = Turn on the scheduled deletion with “carepost purge --install-timer”, so that no document stays past its retention period.
report-copies-hint-volume = Keep carepost's data on an encrypted disk (BitLocker, FileVault or LUKS), so that a lost laptop does not expose documents.

report-risks-title = 4. Risks accepted
report-risks-intro = This section names the contacts concerned: it is for the practice, not for publication.
report-risks-unverified-caption = Documents sent to a contact whose key was not verified, with the reason given
report-risks-expiring-caption = Keys that stop working within { $days } days
report-risks-stale-caption = Keys not fetched again or replaced for more than { $days } days
report-risks-old-caption = Verifications older than { $days } days
report-risks-none = None.
report-col-date = Date
report-col-contacts = Contacts
report-col-contact = Contact
report-col-reason = Reason given
report-col-documents = Documents
report-col-expires = Key valid until
report-col-refreshed = Key last updated
report-col-sends = Documents sent in the period
report-col-verified = Verified on
report-col-what = What happened
report-col-path = How
report-col-hash = Document (SHA-256)
report-col-size = Size

report-measures-title = 5. Measures taken
report-measures-encryption = Encryption
report-measures-encryption-value = always on: every document leaves encrypted, and this cannot be turned off
report-measures-signing = Signature
report-measures-signing-value = every document sent is signed with the practice's key
report-measures-verified = Contacts with a key verified by phone, in person or by video
report-measures-verified-value = { $verified } verified, { $unverified } not verified
report-measures-sends = Documents sent with a key in the period
report-measures-sends-value = { $verified } to verified contacts, { $overridden } to unverified contacts with a reason
report-measures-audit = Audit log
report-measures-identity = Practice key valid until
report-measures-keychain = Passphrase in the system keychain
report-audit-intact = { $count ->
    [one] intact: one record checked, not changed
   *[other] intact: { $count } records checked, none changed
}
report-audit-broken = CHANGED: { $problem }
report-audit-hint = The audit log was changed outside carepost. Keep a copy of the home as it is and contact your IT support.

report-informed-title = 6. How patients are informed
report-informed-intro = Patients receive a leaflet explaining how documents reach them and what is kept, and are asked for their consent.
report-informed-leaflets = Patient leaflets made
report-informed-leaflets-by-language = Leaflets by language
report-informed-consent = Consent
report-informed-consent-value = given { $given ->
        [one] once
       *[other] { $given } times
    }, withdrawn { $withdrawn ->
        [one] once
       *[other] { $withdrawn } times
    }
report-informed-consent-now = Patients' consent now
report-informed-consent-now-value = given: { $given }, withdrawn: { $withdrawn }, not recorded: { $missing }

report-evaluation-title = 7. Evaluation
report-evaluation-date = Next evaluation of these measures
report-evaluation-source = Date chosen
report-evaluation-set = set by the practice
report-evaluation-default = one year after the first report ({ $first })
report-evaluation-audit = Audit log check
report-evaluation-passed = The evaluation date { $date } has passed: review the measures in this report with the team, then set the next date with “carepost report --evaluate-on YYYY-MM-DD”.

report-contact-title = What the practice did with your data
report-contact-subtitle = Contact { $alias }. Made on { $date }. Period covered: { $period }.
report-contact-details = Contact
report-contact-kind = Kind
report-contact-removed = removed from the contact book
report-contact-key = Key
report-contact-no-key = no key: documents are sent with a password told by phone
report-contact-verified = Key verified on
report-contact-consent-now = Consent now
report-contact-events = Documents and consent
report-contact-intro = Each document is identified by its SHA-256 fingerprint: carepost keeps neither its content nor its file name.
report-contact-none = Nothing recorded in this period.
report-action-send = sent
report-action-open = received and opened
report-action-view = viewed without saving
report-action-purge = deleted
report-action-consent-give = consent given
report-action-consent-withdraw = consent withdrawn
report-action-contact-remove = removed from the contact book
report-outcome-refused = { $action } (refused)
report-outcome-failed = { $action } (failed)
report-path-key = with the key
report-path-password = with a password
