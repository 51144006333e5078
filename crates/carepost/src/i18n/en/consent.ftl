## Consent on record: a patient is told about this channel beforehand and their consent is recorded.
consent-how-verbal = verbally
consent-how-written = in writing
consent-how-portal = through the patient portal
consent-note-empty = The consent note is empty: leave --note out, or write what you want to keep. Nothing was recorded.
consent-note-too-long = The consent note is longer than { $max } characters. Nothing was recorded.
error-consent-missing = Not sent: no consent is on record for "{ $alias }". Documents go to a patient only after they were told about this channel and agreed.
hint-consent-missing =
    Tell the patient what this channel is and its limits (carepost contact add shows the text), then record how they agreed:
    carepost contact consent { $alias } --give verbal   (or written, portal)
error-consent-withdrawn = Not sent: "{ $alias }" withdrew their consent on { $date }. Nothing is sent to them by this channel.
hint-consent-withdrawn =
    The patient withdrew on { $date }. Give consent again only if the patient asks for it:
    carepost contact consent { $alias } --give verbal   (or written, portal)
error-consent-colleague = "{ $alias }" is a colleague: consent is recorded for patients only.
hint-consent-colleague = Colleagues need no consent record: leave --consent out, or add the contact without --colleague if they are a patient.
consent-given-done = Consent recorded for "{ $alias }": given { $how } on { $date }.
consent-withdrawn-done = Consent withdrawn for "{ $alias }" on { $date }: carepost sends them nothing more until consent is given again. Documents already sent are kept as before.
consent-missing-note = No consent is recorded for "{ $alias }": carepost refuses to send them anything until you record it with: carepost contact consent { $alias } --give verbal (or written, portal)
consent-show-label = Consent:
consent-show-note = Consent note:
consent-show-given = given { $how } on { $date }
consent-show-withdrawn = withdrawn on { $date }: nothing is sent to them
consent-show-missing = not recorded: nothing can be sent to them yet
consent-list-missing = (no consent yet)
consent-list-withdrawn = (consent withdrawn)
consent-explain =
    Before documents go to a patient this way, tell them:
      - carepost sends their documents by email or as a file, encrypted: only they (and you) can open them.
      - Email still shows who writes to whom, and when; the subject line says nothing about them.
      - A document without their own key comes with a password that you tell them by phone, never by email.
      - They can stop this at any time by telling the practice; documents already sent stay as they are.
      - If they prefer another way (on paper, at the practice), that is fine.
consent-ask-choices =
    How did "{ $alias }" agree?
      1  verbally (in the consultation or by phone)
      2  in writing (a signed form)
      3  through the patient portal
      4  not yet (nothing can be sent to them until you record it)
consent-ask-choose = Choose 1, 2, 3 or 4:
consent-ask-bad-choice = Please answer 1, 2, 3 or 4. Nothing was added.
cli-contact-consent-about = Record that a patient agreed to documents by this channel (--give), or withdrew (--withdraw)
cli-contact-consent-arg-alias = The patient's alias
cli-contact-consent-arg-give = How the patient agreed, after you told them about the channel: verbal, written or portal
cli-contact-consent-arg-withdraw = The patient withdrew their consent: nothing more is sent to them
cli-contact-consent-arg-note = A note to keep with the record, in your own words (not written to the log)
cli-contact-consent-after-help = Exit status: 2 for a colleague (consent is for patients only). Sending to a patient without consent, or after they withdrew, is refused with exit status 3.
cli-contact-add-arg-consent = How the patient agreed, after you told them about the channel: verbal, written or portal (asked at a terminal when left out)
cli-contact-add-arg-consent-note = A note to keep with the consent record (not written to the log)
cli-value-how = HOW
tour-consent = The patient was told what this channel is and agreed; carepost records it: carepost contact consent p-0042 --give verbal
