# carepost — Nederlandse teksten.
# Vertaling van en/messages.ftl: dezelfde ids in dezelfde volgorde.
# Ontbrekende berichten vallen terug op het Engels (en/).

## Labels

label-error = fout:
label-hint = tip:
label-warning = waarschuwing:

## What carepost was doing when an I/O error happened

io-create = aanmaken
io-create-dir = als map aanmaken
io-inspect = controleren
io-read = lezen
io-resolve = opzoeken
io-write = schrijven

## Errors

error-io = kon { $path } niet { $action }: { $reason }
error-unsafe-permissions = { $path } kan door andere gebruikers worden gelezen of gewijzigd (rechten { $mode }); carepost gebruikt het niet
error-foreign-owner = { $path } is van een andere gebruiker; carepost gebruikt het niet
error-state = de statusdatabase van carepost is niet bruikbaar: { $reason }
error-no-home-dir = carepost kan op dit systeem geen gegevensmap vinden
error-no-identity = deze carepost-gegevensmap heeft nog geen identiteit
error-identity-exists = deze carepost-gegevensmap heeft al een identiteit ({ $fingerprint })
error-no-passphrase = er is geen wachtwoordzin beschikbaar om uw sleutel te ontgrendelen
error-wrong-passphrase = de wachtwoordzin ontgrendelt uw sleutel niet
error-passphrase-file = het wachtwoordzinbestand { $path } is niet bruikbaar: { $reason }
error-passphrase-mismatch = de twee wachtwoordzinnen die u typte zijn niet gelijk
error-keychain = de sleutelbos van het systeem is niet bruikbaar: { $reason }
error-keychain-missing-entry = de sleutelbos van het systeem bevat geen wachtwoordzin voor deze identiteit
error-identity-unusable = de sleutel van uw identiteit is niet bruikbaar: { $reason }
error-invalid-name = de naam moet 1 tot 128 tekens lang zijn, zonder stuurtekens of punthaken
error-invalid-email = "{ $email }" is geen e-mailadres dat carepost kan gebruiken
error-invalid-alias = "{ $alias }" is geen geldige alias
error-contact-not-found = er is geen contact "{ $alias }"
error-contact-revoked = volgens de nieuwe versie van de sleutel van "{ $alias }" is die door de eigenaar INGETROKKEN. carepost heeft de intrekking opgeslagen: naar deze sleutel kan niets meer worden verstuurd
error-alias-taken = er is al een contact "{ $alias }"
error-cert-already-stored = deze sleutel staat al in uw contacten als "{ $alias }" ({ $fingerprint })
error-key-file = kan het sleutelbestand { $path } niet lezen: { $reason }
error-fingerprint-mismatch = de vingerafdruk die u typte komt NIET overeen met de opgeslagen sleutel van "{ $alias }". De sleutel is misschien niet van dit contact; "{ $alias }" blijft niet geverifieerd
error-fingerprint-partial = er zijn maar { $digits } hexadecimale tekens opgegeven; een sleutel-ID of een deel van een vingerafdruk is niet genoeg om een sleutel te verifiëren
error-fingerprint-unreadable = de vingerafdruk kon niet worden gelezen: { $reason }
error-not-interactive = carepost vraagt "{ $what }", maar er is niemand aan een terminal om te antwoorden
error-usage = { $reason }
error-internal = interne fout: { $reason }

## Why a key was not accepted

cert-secret-key-material = dit bestand bevat een GEHEIME sleutel. carepost bewaart geen geheime sleutels van anderen; er is niets uit het bestand bewaard
cert-none = het bestand bevat geen OpenPGP-sleutel
cert-several = het bestand bevat { $count } sleutels; carepost importeert precies één sleutel per contact
cert-malformed = het bestand is geen leesbare OpenPGP-sleutel: { $reason }
cert-revoked = deze sleutel is door de eigenaar ingetrokken
cert-expired = deze sleutel is verlopen op { $date }
cert-not-yet-valid = deze sleutel is nog niet geldig (de aanmaakdatum ligt in de toekomst)
cert-no-encryption-key = met deze sleutel kan niet worden versleuteld (er is geen geldige subsleutel voor versleuteling)
cert-too-weak = deze sleutel is te zwak voor medische gegevens: { $reason }
cert-no-user-id = deze sleutel bevat geen naam of e-mailadres
cert-is-own = dit is uw eigen sleutel
weak-dsa = hij gebruikt DSA, dat carepost bij geen enkele sleutellengte accepteert
weak-elgamal = hij gebruikt ElGamal, dat carepost bij geen enkele sleutellengte accepteert
weak-rsa = de RSA-sleutel heeft { $bits } bits; er zijn er minstens { $minimum } nodig

## Hints

hint-chmod = maak het privé met: { $command }
hint-foreign-owner = gebruik een carepost-gegevensmap die van u is (--home DIR)
hint-run-init = maak eerst uw identiteit aan: carepost init --name "Uw Naam" --email u@example.org
hint-identity-exists = bekijk die met `carepost whoami`; om opnieuw te beginnen gebruikt u een andere --home
hint-no-passphrase = start carepost in een terminal om de wachtwoordzin te typen, of geef --passphrase-file FILE op (of stel CAREPOST_PASSPHRASE_FILE in)
hint-wrong-passphrase = controleer het wachtwoordzinbestand of probeer het opnieuw; het is de wachtwoordzin die bij `carepost init` is gekozen
hint-passphrase-file = de wachtwoordzin wordt gelezen uit de eerste regel van het bestand
hint-keychain = start de sleutelbos van uw desktop (op Linux een Secret Service zoals GNOME Keyring of KeePassXC), of gebruik --passphrase-file FILE met --no-keychain
hint-keychain-missing-entry = als u bij `carepost init` zelf een wachtwoordzin hebt gekozen, geef die dan op met --passphrase-file FILE
hint-invalid-name = bijvoorbeeld: --name "Dr. A. Jansen"
hint-invalid-email = bijvoorbeeld: --email a.jansen@praktijk.nl
hint-invalid-alias = gebruik 1 tot 64 tekens uit a-z 0-9 . _ - (niet beginnend met - of .), en geen patiëntnamen: bijvoorbeeld p-0042 of gp-bakker
hint-contact-list = bekijk uw contacten met: carepost contact list
hint-alias-taken = kies een andere alias, of vervang de sleutel van dat contact met: carepost contact update { $alias } --key-file FILE
hint-cert-already-stored = gebruik het bestaande contact "{ $alias }", of verwijder het eerst met: carepost contact remove { $alias }
hint-cert-secret-key-material = vraag het contact om de PUBLIEKE sleutel te sturen (in GPG4Win/Kleopatra: Exporteren; in OpenKeychain: Sleutel delen), en zeg dat de geheime sleutel privé moet blijven
hint-cert-ask-for-new-key = vraag het contact om de huidige publieke sleutel
hint-cert-too-weak = vraag het contact om een moderne sleutel aan te maken (bijvoorbeeld Curve25519 of RSA met 3072 bits)
hint-cert-several = vraag om een bestand met alleen de sleutel van dit contact, of splits het bestand
hint-cert-export-again = vraag het contact de publieke sleutel opnieuw te exporteren en het hele bestand te sturen
hint-cert-is-own = voeg het sleutelbestand toe dat uw contact u stuurde; uw eigen sleutel is om aan contacten te geven
hint-fingerprint-mismatch = stuur niets naar dit contact. Bel op een nummer dat u al kent en controleer het opnieuw; wijkt het nog steeds af, vraag dan om de sleutel opnieuw te sturen
hint-fingerprint-partial = vraag het contact de hele vingerafdruk voor te lezen: 40 tekens (10 groepen van 4), of alle 20 woorden
hint-not-interactive = geef de vingerafdruk op de opdrachtregel op, bijv. --fingerprint "ABCD 1234 …" of --words "…"
hint-state = start `carepost` opnieuw; blijft dit gebeuren, zet de gegevensmap dan terug uit een back-up
hint-io-no-space = de schijf is vol: maak daar ruimte vrij, of kies een andere map met -o; carepost heeft niets half geschreven achtergelaten
hint-io-read-only = carepost mag daar niet schrijven (alleen-lezen of geen toestemming): kies een andere map met -o, of pas de rechten van de map aan
hint-io-not-found = controleer of het pad bestaat en goed gespeld is, en probeer het opnieuw
hint-io-in-the-way = op dat pad staat al iets anders in de weg: zet het opzij en probeer het opnieuw
hint-io = controleer het pad, de vrije schijfruimte en de rechten, en probeer het opnieuw

## Passphrases and the keychain

prompt-passphrase = Wachtwoordzin voor uw carepost-sleutel:
prompt-new-passphrase = Kies een wachtwoordzin voor uw carepost-sleutel:
prompt-repeat-passphrase = Typ dezelfde wachtwoordzin nogmaals:
passphrase-file-empty = de eerste regel is leeg
passphrase-file-not-utf8 = de eerste regel is geen UTF-8-tekst
passphrase-file-too-large = het is te groot voor een wachtwoordzinbestand
keychain-timeout = er kwam binnen { $seconds } seconden geen antwoord
keychain-unavailable = er draait geen sleutelbosdienst
keychain-read-back-differs = de sleutelbos gaf niet terug wat er was opgeslagen
notice-keychain-fallback = De sleutelbos van het systeem is niet beschikbaar ({ $reason }); typ in plaats daarvan uw wachtwoordzin.
notice-keychain-unavailable-init = De sleutelbos van het systeem is niet beschikbaar ({ $reason }). Kies zelf een wachtwoordzin; carepost bewaart die nergens, dus bewaar hem zelf goed.
notice-wrong-passphrase = Die wachtwoordzin ontgrendelt uw sleutel niet. Probeer het opnieuw.
identity-no-secret = het sleutelbestand bevat geen geheime sleutel
identity-cannot-sign = er is geen geldige sleutel om te ondertekenen (is die verlopen?)

## State

state-newer-version = die is geschreven door een nieuwere versie van carepost (schema { $version })
state-contact-damaged = de opgeslagen sleutel van "{ $alias }" is beschadigd ({ $reason })

## init, whoami, export-key

init-done = Uw identiteit is aangemaakt: { $name } <{ $email }>
init-next-steps =
    Volgende stappen:
      1. Geef uw publieke sleutel aan contacten:   carepost export-key -o my-key.asc
      2. Voeg de sleutel van een contact toe:      carepost contact add ALIAS --key-file THEIR-KEY.asc
      3. Bevestig die telefonisch:                 carepost contact verify ALIAS
whoami-name = Naam:
whoami-email = E-mail:
whoami-fingerprint = Vingerafdruk:
whoami-words = Woorden:
whoami-expires = Verloopt:
whoami-qr-caption = Scan met OpenKeychain om deze vingerafdruk te controleren.
whoami-qr-written = QR-code geschreven naar { $path }
export-written = Uw publieke sleutel is geschreven naar { $path }. Stuur dit bestand naar uw contacten; er staat niets geheims in.

## Contacts

key-file-too-large = het bestand is te groot voor een sleutel
contact-added = Contact "{ $alias }" toegevoegd ({ $kind }). Nog niet geverifieerd.
contact-added-next =
    Bel dit contact voordat u iets verstuurt op een nummer dat u al kent,
    vraag om de vingerafdruk voor te lezen en typ die in:
      carepost contact verify { $alias }
contact-list-empty = Nog geen contacten. Voeg er een toe met: carepost contact add ALIAS --key-file FILE
contact-not-verified = NIET geverifieerd
contact-verified-on = geverifieerd op { $date } ({ $method })
contact-expires-soon = de sleutel van "{ $alias }" verloopt over { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    } ({ $date }). Vraag het contact vóór die tijd om een vernieuwde sleutel en voeg die toe met: carepost contact update { $alias } --key-file FILE
contact-removed = Contact "{ $alias }" verwijderd.
show-alias = Alias:
show-kind = Soort:
show-user-id = Gebruikers-ID:
show-fingerprint = Vingerafdruk:
show-words = Woorden:
show-verified = Status:
show-expires = Verloopt:
show-problem = Probleem:
update-refreshed = De sleutel van "{ $alias }" is bijgewerkt (dezelfde sleutel, nieuwere gegevens). De verificatie blijft geldig.
update-replaced = De sleutel van "{ $alias }" is vervangen. Het contact is NIET meer geverifieerd.
update-key-changed-warning =
    ========================================================================
    WAARSCHUWING: de sleutel van "{ $alias }" is GEWIJZIGD.
      oude vingerafdruk:  { $old }
      nieuwe vingerafdruk: { $new }
    Een gewijzigde sleutel kan betekenen dat iemand uw e-mail onderschept.
    "{ $alias }" is niet meer geverifieerd: stuur niets voordat u dit contact
    hebt gebeld op een nummer dat u al kent en de nieuwe vingerafdruk hebt
    gecontroleerd:
      carepost contact verify { $alias }
    ========================================================================

## Verification

reading-empty = er is niets getypt
verify-needs-reading = voor verifiëren is de vingerafdruk nodig zoals het contact die voorleest
verify-instructions =
    Verifieer "{ $alias }" telefonisch:
      1. Bel het contact op een nummer dat u al kent (niet een nummer uit de e-mail).
      2. Vraag het contact de vingerafdruk van de sleutel voor te lezen uit de
         OpenPGP-app (GPG4Win/Kleopatra, OpenKeychain, Thunderbird of carepost).
      3. Typ hieronder wat u hoort: 40 tekens of 20 woorden.
    Het contact kan ook uw sleutel controleren. Lees uw vingerafdruk voor:
      { $own_fingerprint }
      { $own_words }
verify-prompt = Voorgelezen vingerafdruk:
verify-done = "{ $alias }" is nu geverifieerd. U kunt documenten naar dit contact sturen.
verify-not-recorded = de verificatie kon niet worden vastgelegd
