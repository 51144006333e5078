## The identity's expiry: renewing the key, and the warnings before it expires.

## renew: the command's help
cli-renew-about = Extend your key's validity before it expires (or after): same key, same fingerprint
cli-renew-arg-years = How many years from today the key stays valid (1 to 5; default 3)
cli-renew-arg-output = Write the renewed public key to FILE (a new file) instead of my-public-key.asc in the outbox
cli-value-years = YEARS

## renew: what it says
renew-done = Your key is renewed: valid until { $date }. It is the same key, with the same fingerprint.
renew-done-was-expired = It had expired on { $previous }; you can send again.
renew-key-written = The updated public key is in { $path }
renew-next-contacts = Next: send that file to your contacts (or make one with: carepost export-key -o FILE). Their copy of your key still says { $previous } until they add it with carepost contact update. Their verification of you stays valid: they do not need to phone you again.
renew-next-publish = If your practice publishes keys in a Web Key Directory or on a key server, publish again: carepost publish wkd --out DIR, or carepost publish keyserver.
renew-years-range = the number of years must be between 1 and { $max }
renew-signing-subkey = it has a subkey that signs, which carepost cannot renew; renew it with the program that made it
renew-before-creation = the new expiry would come before the key was made: check the computer's date and time

## renew: the warning before every command
renew-warning-soon = your own key expires on { $date } (in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }). Renew it now, it takes a minute: carepost renew
renew-warning-expired = your own key expired on { $date }. You cannot send documents until you renew it: carepost renew

## renew: refusals
error-renew-expired = your own key expired on { $date }: nothing can be signed or sent with it until it is renewed
hint-renew-expired = run: carepost renew. It keeps the same key and fingerprint, so your contacts' verifications stay valid; then send them the updated key (carepost export-key). Documents you received can still be opened.
error-renew-revoked = your key is revoked, and a revoked key cannot be renewed
hint-renew-revoked = a revoked key stays revoked; make a new identity and give contacts the new key
error-renew-shorter = your key is already valid until { $current }, later than the { $asked } you asked for
hint-renew-shorter = nothing was changed; renew closer to the date, or ask for more years with --years
