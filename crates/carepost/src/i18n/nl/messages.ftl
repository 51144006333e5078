# carepost — Nederlandse teksten.
# Ontbrekende berichten vallen terug op het Engels (en/).

label-error = fout:
label-hint = tip:
label-warning = waarschuwing:

## Verification: what is wrong with a reading, and the dialogue's tries
error-verify-refused = { $problem }; { $standing }
reading-letter-not-digit = u typte de letter { $found }, niet het cijfer { $digit }: een vingerafdruk bestaat alleen uit de cijfers 0–9 en de letters A–F
reading-not-hex = "{ $found }" hoort niet in een vingerafdruk: die bestaat alleen uit de cijfers 0–9 en de letters A–F
reading-hex-short = u typte { $typed } van de { $needed } tekens; een sleutel-ID of een deel van een vingerafdruk is niet genoeg om een sleutel te verifiëren
reading-hex-long = u typte { $typed } tekens, maar een vingerafdruk heeft er { $needed }: misschien is een groep twee keer getypt
reading-unknown-word = woord { $position } ("{ $word }") staat niet in de PGP-woordenlijst
reading-word-out-of-place = woord { $position } ("{ $word }") staat wel in de PGP-woordenlijst, maar hoort niet op die plaats: misschien is een woord overgeslagen, herhaald of verwisseld
reading-words-short = u typte { $typed } van de { $needed } woorden van de PGP-woordenlijst
reading-words-long = u typte { $typed } woorden, maar een vingerafdruk heeft er { $needed }: misschien is een woord twee keer getypt
reading-own-fingerprint = dat is uw eigen vingerafdruk, niet die van "{ $alias }"
reading-mismatch = de vingerafdruk die u typte komt NIET overeen met de sleutel die voor "{ $alias }" is opgeslagen. De sleutel is misschien niet van dit contact
verify-standing-unverified = "{ $alias }" blijft niet geverifieerd
verify-standing-verified = er is niets veranderd: "{ $alias }" blijft geverifieerd, zoals op { $date } ({ $method })
hint-reading-own-fingerprint = vraag het contact de vingerafdruk van de eigen sleutel voor te lezen, uit de eigen OpenPGP-app; de uwe is de vingerafdruk die `carepost whoami` toont
verify-try-again =
    Niet geaccepteerd: { $problem }.
    Controleer het samen en typ het opnieuw (nog { $left ->
        [one] één poging
       *[other] { $left } pogingen
    }).

## Prompts ended without an answer (Ctrl-D)
error-cancelled = geannuleerd: er is geen antwoord gegeven
error-passphrase-cancelled = er is geen wachtwoordzin getypt (geannuleerd): de sleutel blijft vergrendeld en er is niets veranderd
hint-passphrase-cancelled = voer de opdracht opnieuw uit en typ de wachtwoordzin, of geef hem op met --passphrase-file BESTAND

## Names on the command line that are not there (unknown alias, missing document)
error-contact-not-found-similar = er is geen contact "{ $alias }" — bedoelt u { $count ->
        [one] { $similar }
       *[other] een van { $similar }
    }?
error-input-missing = { $path } bestaat niet
hint-input-missing = controleer de bestandsnaam en de map waarin het bestand staat
hint-input-not-a-file = noem elk document dat u wilt versturen afzonderlijk; een map kan niet als geheel worden verstuurd

## Output folders given with -o
error-output-dir-parent-missing = de map { $path } bestaat niet: er is zelfs geen map { $missing }
error-output-not-a-folder = { $path } is geen map
hint-output-dir-create = maak de map eerst aan ({ $command }), of geef een map op die bestaat
hint-output-not-a-folder = geef een map op, geen bestand

## files: column headers
files-column-id = ID
files-column-kind = Soort
files-column-state = Status
files-column-expires = Verloopt
files-column-size = Grootte
files-column-path = Bestand

## open: the same document opened a second time
open-already-opened = Al geopend op { $opened_at }; er is niets nieuws opgeslagen. Het document staat hier: { $output } (carepost verwijdert het op { $expires })

## The OS keychain: how to get one, and what carepost does meanwhile
keychain-how-linux = Op Linux is de sleutelbos de Secret Service van een bureaubladsessie: GNOME Keyring of KWallet (installeer het pakket gnome-keyring als er geen is, en meld u daarna af en weer aan).
keychain-how-macos = Op macOS is de sleutelbos ingebouwd: controleer of u bent aangemeld met uw eigen gebruikersaccount en of de inlogsleutelbos ontgrendeld is.
keychain-how-windows = Op Windows is de sleutelbos (Referentiebeheer) ingebouwd: controleer of u bent aangemeld met uw eigen gebruikersaccount.
hint-keychain-how = { $how } Tot die tijd kan carepost een bestand met de wachtwoordzin gebruiken: --passphrase-file BESTAND --no-keychain (alleen u mag het bestand kunnen lezen).
notice-keychain-unavailable-init-how =
    De sleutelbos van het besturingssysteem is niet beschikbaar ({ $reason }). { $how }
    Kies tot die tijd zelf een wachtwoordzin; carepost bewaart die nergens, dus bewaar hem zelf goed.
notice-keychain-fallback-how =
    De sleutelbos van het besturingssysteem is niet beschikbaar ({ $reason }). { $how }
    Typ tot die tijd uw wachtwoordzin.
