## Revoking the identity and replacing it with a new key (init --replace).

## cli: revoke
cli-revoke-about = Revoke your key for good (lost or stolen laptop, new key, stopping): contacts who get the revoked key can no longer send to it
cli-revoke-arg-reason = Why: compromised (someone else may have the key), superseded (a new key replaces it) or retired (no longer used)
cli-revoke-arg-message = A short explanation stored in the revocation, which contacts can read (no patient names)
cli-revoke-arg-output = Write the revoked public key to FILE (default: revoked-public-key.asc in the identity folder)
cli-revoke-arg-yes = Revoke without asking for confirmation (for scripts; it cannot be undone)

## init: the revocation file
init-revocation-file =
    Your revocation certificate: { $path }
      Keep a copy away from this computer (printed, or on a USB stick in the practice safe):
      if the laptop is lost, it lets you revoke your key even without the passphrase.

## revoke
revoke-reason-compromised = compromised (someone else may have the key)
revoke-reason-superseded = superseded (replaced by a new key)
revoke-reason-retired = retired (no longer used)
revoke-reason-unspecified = no reason given (the revocation made when the key was created)
revoke-confirm =
    This revokes your key { $fingerprint } for good: it cannot be undone.
    You will no longer be able to send with it (you can still open documents sent to it).
    Revoke it? [y/N]
revoke-yes = y, yes
revoke-done = Your key is revoked: { $reason }.
revoke-already = Your key was already revoked: { $reason }.
revoke-public-key = The revoked public key is in: { $path }
revoke-next-steps =
    Next steps:
      1. Send the revoked key to your contacts, so their carepost and e-mail programs stop using it.
      2. Where it was published:  carepost publish wkd   (again)
      3. Create your new key:      carepost init --replace --name "Your Name" --email you@example.org
revoke-used-init = Your key could not be unlocked ({ $reason }): the revocation certificate made when the key was created was used instead; it gives no reason.
revoke-file-missing = the revocation certificate (identity/revocation.asc) is not there
revoke-file-not-for-key = the revocation certificate does not revoke this key
revoke-status-label = Revoked:
revoke-status-value = yes: { $reason }
revoke-status-hint = This key is revoked: carepost will not send with it. Create a new one with: carepost init --replace --name NAME --email EMAIL

## errors and hints
error-identity-revoked = Your key { $fingerprint } is revoked ({ $reason }): carepost no longer sends with it.
hint-identity-revoked = Create a new key in this home with: carepost init --replace --name "Your Name" --email you@example.org — your contacts stay, and documents sent to the old key still open.
error-revocation-unusable = Your key could not be unlocked, and the revocation certificate cannot be used: { $reason }.
hint-revocation-unusable = Unlock the key (--passphrase-file FILE, or the keychain), or put the copy of revocation.asc you kept outside this computer back into the identity folder, then run carepost revoke again.
error-revoke-needs-yes = Revoking a key cannot be undone, and there is nobody at a terminal to confirm.
hint-revoke-needs-yes = Run it on a terminal, or add --yes if you are sure.
error-replace-not-revoked = Your key { $fingerprint } is not revoked: a new key replaces only a revoked one.
hint-replace-not-revoked = Revoke it first: carepost revoke --reason superseded (or compromised if the laptop was lost or stolen).

## init --replace
cli-init-arg-replace = Create a new key in place of your revoked one: contacts are kept, those you verified stay verified, documents sent to the old key still open
replace-done = Created your new identity: { $name } <{ $email }>
replace-old-key = It replaces your revoked key { $fingerprint }, kept in this home only to open documents sent to it.
replace-verified-again = { $count ->
    [one] 1 verified contact was confirmed again with the new key: it stays verified.
   *[other] { $count } verified contacts were confirmed again with the new key: they stay verified.
}
replace-transition = Key-transition statement, signed by your old and your new key: { $path }
    Send it to your contacts with your new key: they can check with gpg (gpg --verify) that your old key vouches for the new one.
replace-no-transition-compromised = Your old key may be in someone else's hands, so it does not vouch for the new one: every contact must confirm your new fingerprint by phone (carepost whoami).
replace-no-transition = Your old key could not be unlocked, so it cannot vouch for the new one: every contact must confirm your new fingerprint by phone (carepost whoami).
replace-old-key-own-passphrase = Your old key is kept with its own passphrase (it was not given): documents sent to it open only once that passphrase is known.
replace-next-steps =
    Next steps:
      1. Send your new public key to your contacts:   carepost export-key -o my-new-key.asc
      2. Read your new fingerprint to them by phone:  carepost whoami
      3. Where your key was published:                carepost publish wkd   (again)

## contact update --transition
cli-contact-update-arg-transition = A key-transition statement from the contact, signed by their old and their new key: the new key stays verified because the old, verified key vouches for it
transition-accepted = Accepted the new key of "{ $alias }": their old, verified key vouches for it in the key-transition statement. It stays verified.
transition-not-verified = "{ $alias }" is not verified: only a verified key can vouch for a new one
transition-same-key = the key file holds the key carepost already has
transition-bad-signatures = the statement is not signed by both the old and the new key
transition-wrong-keys = the statement names other keys than this contact's old key and the offered new key
error-transition-refused = The new key was not accepted: { $reason }. Nothing was changed.
hint-transition-refused = Update the key without the statement (carepost contact update ALIAS --key-file FILE), then call the contact and check the new fingerprint: carepost contact verify ALIAS
transition-old-compromised = the old key of "{ $alias }" was revoked as compromised (or without a reason), so it cannot vouch for a new one
