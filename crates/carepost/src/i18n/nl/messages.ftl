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
error-not-interactive = carepost heeft een antwoord nodig, maar er zit niemand aan een terminal om het te geven: { $what }
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
hint-run-init = maak eerst uw identiteit aan: carepost init --name "Uw naam" --email u@example.org
hint-identity-exists = bekijk die met `carepost whoami`; om opnieuw te beginnen gebruikt u een andere --home
hint-no-passphrase = start carepost in een terminal om de wachtwoordzin te typen, of geef --passphrase-file FILE op (of stel CAREPOST_PASSPHRASE_FILE in)
hint-wrong-passphrase = controleer het wachtwoordzinbestand of probeer het opnieuw; het is de wachtwoordzin die bij `carepost init` is gekozen
hint-passphrase-file = de wachtwoordzin wordt gelezen uit de eerste regel van het bestand
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
hint-io-in-the-way = op dat pad staat al iets anders: zet het opzij en probeer het opnieuw
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
    Voordat u iets verstuurt: bel dit contact op een nummer dat u al kent,
    vraag het contact de vingerafdruk voor te lezen en typ die in:
      carepost contact verify { $alias }
contact-list-empty = Nog geen contacten. Voeg er een toe met: carepost contact add ALIAS --key-file FILE
contact-not-verified = NIET geverifieerd
contact-verified-on = geverifieerd op { $date } ({ $method ->
        [phone] telefonisch
        [in-person] persoonlijk
        [video] via video
       *[other] { $method }
    })
contact-expires-soon = de sleutel van "{ $alias }" verloopt over { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    } ({ $date }). Vraag het contact vóór die tijd om een vernieuwde sleutel en voeg die toe met: carepost contact update { $alias } --key-file FILE
contact-removed = Contact "{ $alias }" verwijderd.
show-alias = Alias:
show-kind = Soort:
show-user-id = Naam/e-mail:
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
      oude vingerafdruk:   { $old }
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

## Sending

error-recipients-unverified = { $count ->
        [one] het contact { $aliases } is niet geverifieerd; carepost verstuurt alleen naar contacten van wie u de sleutel hebt bevestigd
       *[other] de contacten { $aliases } zijn niet geverifieerd; carepost verstuurt alleen naar contacten van wie u de sleutel hebt bevestigd
    }
hint-recipients-unverified =
    bel het contact op een nummer dat u al kent, laat de vingerafdruk voorlezen en voer uit:
      carepost contact verify { $alias }
    Moet u nu versturen, geef dan de reden op (die wordt vastgelegd): --unverified-ok "REDEN"
error-recipient-unusable = kan niet versturen naar "{ $alias }": { $reason }
hint-recipient-unusable = vraag het contact om de huidige sleutel, en daarna: carepost contact update { $alias } --key-file FILE
error-input-not-a-file = { $path } is geen bestand
error-input-empty = { $path } is leeg; er is niets te versturen
hint-input-empty = controleer of het document volledig is opgeslagen of geëxporteerd, en verstuur het opnieuw
error-output-dir = de map { $path } bestaat niet
send-empty-reason = --unverified-ok heeft een reden nodig, bijv. --unverified-ok "patiënt telefonisch gevraagd; sleutel bij volgend bezoek persoonlijk gecontroleerd"
send-nothing = niets te versturen: noem minstens één document en één contact met --to
identity-cannot-encrypt = er is geen geldige sleutel om te versleutelen (is die verlopen?)
send-recipient-unverified = { $alias } (NIET geverifieerd)
send-unverified-recorded = verstuurd naar een contact dat niet geverifieerd is; uw reden is vastgelegd: { $reason }
send-done = { $input } versleuteld → { $output } voor { $recipients }
send-next-step = Voeg het versleutelde bestand als bijlage toe aan een e-mail. Alleen de ontvangers (en uzelf) kunnen het openen.

## Opening

message-not-openpgp = dit bestand is geen met OpenPGP versleuteld bericht
message-is-a-key = dit bestand is een OpenPGP-sleutel, geen versleuteld bericht
message-bad-armor = dit bestand lijkt een versleuteld tekstbericht, maar het is beschadigd: { $reason }
message-truncated = dit bericht is onvolledig: het houdt te vroeg op (is de download of de bijlage afgebroken?)
message-tampered = dit bericht is na het versleutelen gewijzigd, beschadigd of ingekort; de inhoud is niet betrouwbaar en is niet opgeslagen
message-not-for-us = dit bericht is niet versleuteld voor uw sleutel; het is bestemd voor { $recipients }
message-anonymous-recipients = verborgen ontvangers
message-password-only = dit bericht is beveiligd met een wachtwoord, niet met uw sleutel
message-not-encrypted = dit bericht is niet versleuteld; carepost opent alleen versleutelde documenten
message-bad-signature = de handtekening op dit bericht is ongeldig (ondertekenaar { $who }); de inhoud is niet opgeslagen
message-too-large = het document zou na uitpakken groter zijn dan { $limit }; het is niet opgeslagen (een decompressiebom?)
message-malformed = dit bericht is niet leesbaar: { $reason }
message-librepgp-aead = dit bericht gebruikt de niet-standaard "OCB"-versleuteling van GnuPG (LibrePGP), die carepost niet kan lezen; er is niets opgeslagen
hint-message-not-for-us = vraag de afzender te versleutelen voor uw huidige sleutel; stuur uw sleutel met: carepost export-key -o my-key.asc
hint-message-resend = vraag de afzender het document opnieuw te sturen
hint-message-not-openpgp = controleer of u de versleutelde bijlage hebt gekozen (.pgp, .gpg of .asc)
hint-message-is-a-key = om deze sleutel als contact toe te voegen: carepost contact add ALIAS --key-file FILE
hint-message-too-large = vertrouwt u de afzender en verwacht u een heel groot document, sta het dan toe met --max-size, bijv. --max-size 8G
hint-message-librepgp-aead = vraag de afzender het opnieuw te versleutelen in standaard-OpenPGP-formaat (GnuPG 2.3 of nieuwer: zonder --force-ocb; RNP: zonder --aead)
hint-message-password-only = open het opnieuw met --password (carepost vraagt erom) of --password-file BESTAND; de afzender geeft u het wachtwoord telefonisch door
error-sender-not-verified = de afzender is geen geverifieerd contact ({ $status ->
        [unverified] "{ $who }" is nog niet geverifieerd
        [unknown] ondertekend met een sleutel die niet in uw contacten staat: { $who }
        [unsigned] het document is niet ondertekend
       *[other] { $status } { $who }
    }); er is niets opgeslagen
hint-sender-not-verified = verifieer eerst de afzender (carepost contact verify ALIAS), of open zonder --require-verified-sender
open-sender-unverified = dit document is ondertekend door "{ $alias }", die nog NIET geverifieerd is. Controleer de vingerafdruk telefonisch: carepost contact verify { $alias }
open-sender-unknown =
    dit document is ondertekend met een sleutel die niet in uw contacten staat:
      { $fingerprint }
    Vertrouw het niet voordat u weet wie het stuurde. Om de afzender toe te voegen en te verifiëren:
      carepost contact add ALIAS --key-file THEIR-KEY.asc
      carepost contact verify ALIAS
open-unsigned = dit document is niet ondertekend: iedereen kan het hebben verstuurd
open-done = Geopend: { $output } (carepost verwijdert het op { $expires })
open-sealed = Verzegeld bewaard als document #{ $id } ("{ $name }") tot { $expires }. Lees het met: carepost export { $id }
open-from-self = Ondertekend door uzelf.
open-from-verified = Ondertekend door "{ $alias }" (geverifieerd).
open-from-unverified = Ondertekend door "{ $alias }" (NIET geverifieerd).
open-from-unknown = Ondertekend met een onbekende sleutel.
open-from-nobody = Niet ondertekend.

## The tour

tour-intro =
    Een rondleiding door carepost: dr. Jansen (huisarts) stuurt een consultbrief naar
    haar patiënt, meneer De Vries. Beiden gebruiken echte OpenPGP-sleutels, bewaard
    in een tijdelijke map ({ $folder }) die aan het eind wordt verwijderd. Uw eigen
    carepost-gegevensmap en sleutelbos blijven onaangeroerd.
tour-step = Stap { $number }:
tour-identities = ieder maakt een eigen identiteit aan (een OpenPGP-sleutelpaar).
tour-identity = { $who }: { $fingerprint }
tour-exchange = ze wisselen hun publieke sleutels uit (per e-mail, via een website of op een USB-stick).
tour-exchanged = Ze hebben elkaar nu als contact — maar niet geverifieerd: een e-mail kan worden onderschept en een sleutel verwisseld.
tour-refused = dr. Jansen probeert de brief te versturen voordat ze heeft geverifieerd.
tour-verify = dr. Jansen belt meneer De Vries op het nummer in zijn patiëntendossier; ze lezen elkaar hun vingerafdrukken voor.
tour-reads-out = { $who } leest voor: { $words }
tour-verified = Beide vingerafdrukken komen overeen met wat er is getypt: elk contact is nu geverifieerd.
tour-send = dr. Jansen verstuurt de brief: ondertekend, en versleuteld voor meneer De Vries en voor haarzelf.
tour-sent = Versleuteld bestand om als bijlage bij een e-mail te voegen: { $file } (de echte naam staat alleen binnen de versleuteling).
tour-open = meneer De Vries opent de brief.
tour-opened = "{ $file }" geopend, ondertekend door "{ $alias }" (geverifieerd). De inhoud is precies wat dr. Jansen verstuurde.
tour-tamper = iemand wijzigt onderweg één byte van het versleutelde bestand.
tour-nothing-written = Er is niets geschreven: nergens bestaat een onvolledige of gewijzigde brief.
tour-cleaned-up = De tijdelijke map is verwijderd.
tour-done = Rondleiding voltooid: elke stap werkte.
tour-failed-unverified-sent = de rondleiding kon versturen naar een niet-geverifieerd contact, en dat mag nooit gebeuren
tour-failed-content = de geopende brief verschilt van wat er is verstuurd
tour-failed-tamper-accepted = de gemanipuleerde brief is niet geweigerd

## Retention and purge

error-invalid-duration = "{ $given }" is geen termijn die carepost begrijpt
error-zero-duration = een termijn van "{ $given }" zou bestanden verwijderen zodra ze zijn aangemaakt; geef een termijn langer dan nul
hint-invalid-duration = gebruik een heel getal met een eenheid: 15m (minuten), 12h (uren), 7d (dagen), 4w (weken) of 1y (jaren)
error-retain-too-long = de gevraagde bewaartermijn ({ $asked }) is langer dan het maximum van { $max }
hint-retain-too-long = kies een kortere termijn, of verhoog eerst het maximum: carepost retention set max=…
error-log-retention-too-short = de gevraagde bewaartermijn voor auditrecords ({ $asked }) is korter dan het minimum van { $min }
hint-log-retention-too-short = met de auditlog legt u verantwoording af over wat er met documenten van patiënten is gebeurd; bewaar die minstens { $min } (standaard 5 jaar)
retention-set-syntax = "{ $given }" heeft niet de vorm KEY=DURATION, bijv. sent=30d
retention-unknown-key = er is geen bewaarinstelling "{ $key }" (bekend: { $keys })
retention-label-sent = Verstuurde documenten (postvak uit)
retention-label-received = Geopende documenten (ontvangen documenten)
retention-label-view = Kopieën alleen om te bekijken
retention-label-max = Langste bewaartermijn met --retain
retention-label-log = Records in de auditlog
error-no-such-file = carepost beheert geen bestand #{ $id }
hint-no-such-file = bekijk wat carepost beheert met: carepost files
error-not-sealed = bestand #{ $id } is geen verzegeld document
error-sealed-key-gone = het verzegelde document #{ $id } is verlopen: de sleutel is vernietigd en niemand kan het nog lezen
hint-sealed-key-gone = vraag de afzender het opnieuw te sturen als u het nog nodig hebt
error-viewer = het programma om het document te bekijken kon niet worden gestart ({ $reason }); de privékopie is verwijderd
hint-viewer = stel CAREPOST_VIEWER in op een programma dat bestanden opent, of open zonder --view
files-empty = carepost beheert op dit moment geen bestanden.
purge-nothing = Er is niets verlopen.
purge-deleted = { $path } verwijderd
purge-would-delete = zou { $path } verwijderen
purge-already-gone = { $path } was al weg
purge-changed = { $path } is gewijzigd sinds carepost het schreef; niet verwijderd
purge-failed = kon { $path } niet verwijderen: { $reason } (carepost probeert het later opnieuw)
purge-log-cut = { $count ->
        [one] { $count } auditrecord ouder dan de bewaartermijn van de log is verwijderd
       *[other] { $count } auditrecords ouder dan de bewaartermijn van de log zijn verwijderd
    }; de keten blijft verifieerbaar.
quick-purge-deleted = carepost heeft { $count ->
        [one] { $count } verlopen document
       *[other] { $count } verlopen documenten
    } verwijderd.
quick-purge-failed = kon verlopen documenten niet opruimen ({ $reason }); voer uit: carepost purge
view-deleted = Het weergaveprogramma is gesloten; de privékopie is verwijderd.
view-kept-until = De privékopie blijft tot { $expires } bewaard, zodat het weergaveprogramma die kan lezen; daarna verwijdert carepost de kopie.
timer-wrote = { $path } geschreven
timer-removed = { $path } verwijderd
timer-active = Het opruimen elk uur is actief.
timer-inactive = Het opruimen elk uur staat uit.
timer-not-activated = de unitbestanden staan klaar, maar systemd kon ze niet inschakelen ({ $reason }); voer uit: systemctl --user enable --now { $unit }
timer-hint-cron = zet deze regel in uw crontab (crontab -e) om elk uur op te ruimen: 17 * * * * { $command }
timer-hint-macos = maak een launchd-agent aan (~/Library/LaunchAgents) die elk uur draait (StartInterval 3600): { $command }
timer-hint-windows = maak een taak aan die elk uur draait: schtasks /Create /SC HOURLY /TN carepost-purge /TR "{ $command }"

## Status

status-home = Gegevensmap:
status-fingerprint = Uw vingerafdruk:
status-identity-expires = Uw sleutel verloopt:
status-files = Bewaarde bestanden:
status-files-counts = { $sent } verstuurd, { $received } ontvangen, { $view } om te bekijken, { $sealed } verzegeld
status-next-expiry = Volgende verloopdatum:
status-overdue = Nog op te ruimen:
status-timer = Opruimen elk uur:
status-keychain = Sleutelbos:
status-encrypted-volume = Versleutelde schijf:
status-audit = Auditlog:
status-audit-intact = intact ({ $count ->
        [one] { $count } record
       *[other] { $count } records
    })
status-audit-broken = GEWIJZIGD OF BESCHADIGD — voer uit: carepost log --check
status-hint-purge = Verlopen documenten worden vóór elke carepost-opdracht verwijderd; voor regelmatig opruimen voert u uit: carepost purge --install-timer
status-hint-disk-encryption = Verwijderen wist bestanden niet betrouwbaar van SSD's of uit back-ups: bewaar medische gegevens op een versleutelde schijf (BitLocker, FileVault, LUKS).
word-yes = ja
word-no = nee

## Audit log

log-empty = Er zijn geen auditrecords die aan de selectie voldoen.
log-intact = De auditlog is intact: { $count ->
        [one] { $count } record.
       *[other] { $count } records, elk gekoppeld aan het vorige.
    }
log-unconfirmed-tail = De nieuwste records zijn geschreven vlak voordat carepost werd onderbroken; ze zijn intact en de volgende opdracht bevestigt ze.
log-clock-went-back = { $count ->
        [one] één record heeft
       *[other] { $count } records hebben
    } een eerdere tijd dan het record ervoor: de klok van de computer is ooit teruggezet. De keten is intact, dus dit is geen manipulatie; controleer de instellingen voor datum en tijd.
error-audit-broken = de auditlog is gewijzigd of beschadigd: { $problem }
hint-audit-broken = bewaar een kopie van audit.log en state.db als bewijs, en meld het bij wie in uw praktijk verantwoordelijk is voor informatiebeveiliging
audit-no-anchor = de log bevat records, maar de statusdatabase weet daar niets van
audit-missing = het logbestand ontbreekt, maar volgens de statusdatabase had het { $head ->
        [one] { $head } record
       *[other] { $head } records
    }
audit-unreadable = regel { $line } is geen leesbaar record
audit-out-of-sequence = regel { $line } bevat record { $seq } waar record { $expected } werd verwacht (er is een record verwijderd, ingevoegd of verplaatst)
audit-altered = record { $seq } is gewijzigd nadat het was geschreven
audit-chain-broken = record { $seq } sluit niet aan op het record ervoor
audit-head-differs = record { $seq } verschilt van het record dat de statusdatabase onthouden heeft
audit-truncated = de log eindigt bij record { $last }, maar volgens de statusdatabase waren er { $head }: er zijn records van het eind afgeknipt

## Email delivery (SMTP): mail setup, send --smtp, mail retry

error-mail-not-set-up = verzending per e-mail is in deze carepost-gegevensmap niet ingesteld
hint-mail-not-set-up = stel eerst de mailserver van uw praktijk in: carepost mail setup --host HOST --port 587 --user USER --from ADDRESS
error-mail-setting = { $reason }
hint-mail-setting = zie `carepost mail setup --help` voor de betekenis van elke instelling
mail-bad-host = "{ $host }" is geen servernaam of IP-adres
mail-bad-user = de gebruikersnaam moet 1 tot 256 tekens lang zijn, zonder spaties of stuurtekens
mail-bad-port = de poort moet een getal van 1 tot 65535 zijn
error-plaintext-smtp-not-loopback = carepost communiceert niet zonder versleuteling met de mailserver { $host }: het wachtwoord en de adressen zouden onderweg voor iedereen leesbaar over het netwerk gaan
error-plaintext-smtp-needs-flag = verzenden zonder TLS wordt geweigerd, tenzij u dat uitdrukkelijk aangeeft met --allow-plaintext-loopback (alleen voor een mailrelay op deze computer)
hint-plaintext-smtp = gebruik --tls starttls (meestal poort 587) of --tls implicit (meestal poort 465); onversleutelde SMTP kan alleen naar een relay op deze computer (127.0.0.1, ::1 of localhost) met --allow-plaintext-loopback
error-smtp-password-missing = er is geen wachtwoord beschikbaar voor het e-mailaccount { $account }
hint-smtp-password-missing = sla het op in de sleutelbos van het systeem met `carepost mail setup … --password-file FILE` (of wanneer erom gevraagd wordt), of geef het voor deze opdracht op met --smtp-password-file FILE (env CAREPOST_SMTP_PASSWORD_FILE)
error-smtp-password-file = het bestand met het mailwachtwoord { $path } is niet bruikbaar: { $reason }
hint-smtp-password-file = de eerste regel van het bestand moet het wachtwoord bevatten; maak het bestand alleen voor uzelf leesbaar
error-ca-file = het CA-certificaatbestand { $path } is niet bruikbaar: { $reason }
hint-ca-file = vraag de beheerder van de mailserver om het CA-certificaat als PEM-bestand (het begint met -----BEGIN CERTIFICATE-----)
ca-file-no-certificate = het bevat geen PEM-certificaat
ca-file-unusable = het certificaat is niet bruikbaar: { $reason }
error-not-pgp-mime = carepost weigert dit bericht te versturen: { $reason }. Er is niets verstuurd
hint-not-pgp-mime = alleen berichten die carepost heeft opgesteld en versleuteld worden verstuurd; stel het opnieuw op met `carepost send FILE... --to ALIAS --smtp`
not-pgp-mime-changed = het is gewijzigd nadat carepost het opstelde
not-pgp-mime-missing = het bestand is weg (misschien is het opgeruimd)
delivery-unreachable = kon de mailserver { $server } niet bereiken (stap: verbinden): { $reason }. Het versleutelde bericht blijft in het postvak uit
delivery-tls = kon geen beveiligde verbinding opzetten met de mailserver { $server } (stap: TLS): { $reason }. Er is niets verstuurd; het versleutelde bericht blijft in het postvak uit
delivery-auth-refused = de mailserver { $server } weigerde de aanmelding (stap: aanmelden): { $reply }. Het versleutelde bericht blijft in het postvak uit
delivery-recipient-rejected = de mailserver { $server } weigerde { $count ->
        [one] de ontvanger
       *[other] de ontvangers
    } { $addresses } (stap: ontvanger): { $reply }. Er is niets verstuurd; het versleutelde bericht blijft in het postvak uit
delivery-too-large = het bericht ({ $size }) is groter dan de mailserver { $server } accepteert (stap: gegevens). Het versleutelde bericht blijft in het postvak uit
delivery-too-large-limit = het bericht ({ $size }) is groter dan de mailserver { $server } accepteert ({ $limit }) (stap: gegevens). Er is niets verstuurd; het versleutelde bericht blijft in het postvak uit
delivery-refused = de mailserver { $server } weigerde het bericht (stap: { $step }): { $reply }. Het versleutelde bericht blijft in het postvak uit
delivery-interrupted = de verbinding met de mailserver { $server } werd verbroken (stap: { $step }): { $reason }. Het versleutelde bericht blijft in het postvak uit
delivery-step-connect = verbinden
delivery-step-tls = TLS
delivery-step-login = aanmelden
delivery-step-sender = afzender
delivery-step-recipient = ontvanger
delivery-step-data = gegevens
hint-delivery-unreachable = controleer de servernaam en poort met `carepost mail show` en uw internetverbinding, en voer daarna `carepost mail retry` uit
hint-delivery-tls = het certificaat van de server kon niet worden gecontroleerd, dus carepost heeft niets verstuurd. Controleer de servernaam met `carepost mail show`; heeft uw praktijk een eigen mailserver, vraag dan om het CA-certificaat en voer `carepost mail setup … --ca-file FILE` uit; daarna `carepost mail retry`
hint-delivery-auth-refused = controleer de gebruikersnaam met `carepost mail show`, sla het juiste wachtwoord opnieuw op met `carepost mail setup`, en voer daarna `carepost mail retry` uit
hint-delivery-recipient-rejected = controleer het e-mailadres bij het contact zelf, en voer daarna `carepost mail retry` uit, of stuur de documenten opnieuw naar het juiste adres
hint-delivery-too-large = verstuur de documenten in meerdere kleinere berichten; met `carepost mail cancel MESSAGE-ID` voorkomt u dat carepost dit bericht opnieuw probeert te versturen
hint-delivery-refused = het antwoord van de server hierboven zegt waarom; voer later `carepost mail retry` uit, of vraag het de beheerder van de mailserver
tls-untrusted = het certificaat van de server is niet ondertekend door een instantie die deze computer vertrouwt
tls-wrong-name = het certificaat van de server is voor een andere servernaam
tls-expired = het certificaat van de server is verlopen
tls-not-yet-valid = het certificaat van de server is nog niet geldig (controleer de klok van deze computer)
tls-revoked = het certificaat van de server is ingetrokken
tls-no-starttls = de server biedt geen STARTTLS aan; carepost verstuurt nooit zonder versleuteling
tls-handshake-closed = de server verbrak de verbinding tijdens het opzetten van de versleuteling
net-timeout = de server antwoordde niet binnen { $seconds } seconden
net-closed = de server verbrak de verbinding
auth-no-mechanism = de server biedt geen aanmeldmethode die carepost ondersteunt (PLAIN of LOGIN)
smtp-resolve-failed = de servernaam kon niet worden opgezocht: { $reason }
smtp-non-ascii = het bericht bevat 8-bits tekst, maar de server accepteert dat niet
prompt-smtp-password = Wachtwoord voor { $account }:
mail-setup-done = Verzending per e-mail ingesteld: { $server } ({ $tls }), met afzender { $from }.
mail-setup-keychain = Het wachtwoord is opgeslagen in de sleutelbos van het systeem.
mail-setup-password-per-send = Er is geen wachtwoord opgeslagen (--no-keychain): geef het bij elke verzending op met --smtp-password-file FILE of CAREPOST_SMTP_PASSWORD_FILE.
mail-show-server = server:       { $server }
mail-show-tls = beveiliging:  { $tls }
mail-show-user = gebruiker:    { $user }
mail-show-from = van:          { $from }
mail-show-ca = extra CA:     { $ca }
mail-show-password = wachtwoord:   { $source }
mail-show-pending = in wachtrij:  { $count }
mail-password-keychain = in de sleutelbos van het systeem
mail-password-file = bij elke verzending opgegeven met --smtp-password-file
mail-tls-starttls = STARTTLS
mail-tls-implicit = impliciete TLS
mail-tls-none = geen versleuteling (alleen relay op deze computer)
mail-sent = Verstuurd naar { $server }: { $message_id }
mail-send-failed = Niet verstuurd: { $message_id }: { $reason }
mail-retry-nothing = Er wachten geen berichten om te worden verstuurd.
mail-retry-skipped = Niet geprobeerd: { $message_id } (hetzelfde probleem zou het tegenhouden)
mail-cancelled = { $message_id } wordt niet verstuurd; het versleutelde bestand blijft bewaard tot de bewaartermijn afloopt.
error-mail-no-such-message = er wacht geen bericht met de id { $message_id }
hint-mail-no-such-message = `carepost mail show` toont de berichten die wachten om te worden verstuurd

## Email: composing (send --eml) and opening (open MESSAGE.eml)

# The note outside the encryption of every email carepost writes. It is
# deliberately in Dutch and English whatever the user's language, plain
# ASCII, and holds no personal data.
mail-default-subject = Documenten
mail-default-text = { $count ->
        [one] Het document is bijgevoegd.
       *[other] De { $count } documenten zijn bijgevoegd.
    }
mail-output-not-a-file = --eml heeft een bestandsnaam nodig, bijv. --eml letter.eml
mail-subject-too-long = het onderwerp is langer dan { $max } tekens
mail-options-need-eml = --subject, --message en --message-file werken alleen met --eml (of --smtp)
mail-message-file = kon de berichttekst niet lezen uit { $path }: { $reason }
mail-message-not-utf8 = de berichttekst in { $path } is geen UTF-8-tekst
error-output-exists = { $path } bestaat al; carepost vervangt nooit een bestand
hint-output-exists = kies een andere bestandsnaam, of zet het bestaande bestand eerst ergens anders neer
error-no-email-address = de sleutel van "{ $alias }" bevat geen e-mailadres, dus carepost kan geen e-mail aan dit contact adresseren
hint-no-email-address = vraag "{ $alias }" om een sleutel met het eigen e-mailadres erin (daarna: carepost contact update { $alias } --key-file FILE), of verstuur losse bestanden met `carepost send` zonder --eml
eml-done = Versleutelde e-mail voor { $recipients } met { $count ->
        [one] { $count } document
       *[other] { $count } documenten
    }: { $output } (carepost verwijdert hem op { $expires })
eml-next-step = Het onderwerp, de tekst en de documenten zitten binnen de versleuteling; buiten de versleuteling is het onderwerp "[...]". Verstuur de e-mail met `carepost send ... --smtp` (eenmalig in te stellen met `carepost mail setup`).
mail-too-large = deze e-mail is groter dan { $limit }, meer dan carepost leest; er is niets opgeslagen
mail-headers-too-large = de kopregels van deze e-mail zijn absurd groot; de e-mail is niet gelezen en er is niets opgeslagen
mail-too-deep = de onderdelen van deze e-mail zijn meer dan { $depth } niveaus diep genest; de e-mail is niet gelezen en er is niets opgeslagen
mail-broken-pgp-mime = deze e-mail is beschadigd of geen geldige versleutelde e-mail: { $reason }
mail-no-encrypted-part = volgens de e-mail is hij versleuteld (PGP/MIME), maar er zit geen versleuteld deel in
mail-broken-signed-part = het ondertekende deel (multipart/signed) is onvolledig
mail-unreadable = hij is niet als e-mail te lezen
mail-no-autocrypt = deze e-mail heeft geen Autocrypt-header, dus er is geen sleutel om toe te voegen
mail-autocrypt-other-address = de sleutel in de Autocrypt-header van deze e-mail hoort niet bij het adres waar de e-mail vandaan komt; hij is niet toegevoegd
mail-eml-mode = --view en --sealed werken nog niet met e-mails; open de e-mail zonder deze opties
eml-subject = Onderwerp: { $subject }
eml-subject-unprotected = Onderwerp (was NIET versleuteld): { $subject }
eml-from = Van: { $from }
eml-saved = Opgeslagen: { $output }
eml-saved-until = carepost verwijdert de opgeslagen bijlagen op { $expires }.
eml-nothing-saved = De e-mail heeft geen bijlagen.
eml-not-encrypted = deze e-mail is NIET versleuteld: iedereen onderweg kan hem hebben gelezen of gewijzigd.
eml-unsaved = { $count ->
        [one] { $count } bijlage is niet opgeslagen omdat de e-mail niet versleuteld is; om hem toch op te slaan: --accept-unencrypted
       *[other] { $count } bijlagen zijn niet opgeslagen omdat de e-mail niet versleuteld is; om ze toch op te slaan: --accept-unencrypted
    }
eml-from-mismatch = DEZE E-MAIL IS MOGELIJK VERVALST: volgens de e-mail is hij van { $from }, maar hij is ondertekend met een sleutel die niet bij dat adres hoort ({ $signer }). Onderneem niets voordat u telefonisch bij de afzender hebt nagevraagd.
eml-autocrypt = De e-mail bevat een sleutel voor { $addr } (Autocrypt, vingerafdruk { $fingerprint }). Die is NIET geverifieerd. Om hem als contact toe te voegen: carepost open FILE --add-autocrypt ALIAS, en verifieer hem daarna telefonisch.
eml-autocrypt-known = De e-mail bevat de sleutel van uw contact "{ $alias }" (Autocrypt).
eml-autocrypt-added = De sleutel uit de e-mail is toegevoegd als contact "{ $alias }" (NIET geverifieerd). Controleer de vingerafdruk telefonisch: carepost contact verify { $alias }
eml-autocrypt-mismatch = De e-mail bevat een sleutel voor een ander adres ({ $addr }) dan het adres waar hij vandaan komt; die sleutel wordt genegeerd.

# mail-integrity
error-mail-partly-unprotected = deze e-mail bevat tekst of bijlagen die door geen enkele geverifieerde handtekening worden gedekt (buiten de versleuteling toegevoegd, of niet ondertekend); er is niets opgeslagen
hint-mail-partly-unprotected = open de e-mail zonder --require-verified-sender om te zien welke delen onbeschermd zijn, en vraag de afzender alles in één versleutelde en ondertekende e-mail te sturen
eml-frame-signed = ┌── berichttekst: versleuteld en ondertekend door { $signer } ──
eml-frame-encrypted-only = ┌── berichttekst: versleuteld maar NIET ondertekend: iedereen kan dit hebben geschreven ──
eml-frame-unprotected = ┌── berichttekst: NIET versleuteld en NIET ondertekend: iedereen kan dit hebben geschreven ──
eml-frame-added = ┌── tekst BUITEN de versleuteling toegevoegd: NIET versleuteld en NIET ondertekend, iedereen kan dit hebben geschreven ──
eml-frame-line = │ { $line }
eml-frame-end = └──
eml-signer-self = uzelf
eml-signer-verified = "{ $alias }" (geverifieerd)
eml-signer-unverified = "{ $alias }" (NIET geverifieerd)
eml-signer-unknown = een onbekende sleutel ({ $fingerprint })
eml-unprotected-text-withheld = deze e-mail bevat ook tekst die NIET versleuteld en NIET ondertekend is (buiten het versleutelde deel toegevoegd); die wordt niet getoond, omdat iedereen hem kan hebben geschreven. Om hem te zien, als zodanig gemarkeerd: --accept-unencrypted
eml-saved-unprotected = Opgeslagen, NIET versleuteld en NIET ondertekend (iedereen kan dit hebben gemaakt): { $output }
eml-saved-unsigned = Opgeslagen, versleuteld maar NIET ondertekend (iedereen kan dit hebben gemaakt): { $output }
eml-saved-signed-by = Opgeslagen, ondertekend door { $signer }: { $output }
eml-unsaved-unprotected = { $count ->
        [one] { $count } bijlage is niet opgeslagen omdat die NIET versleuteld en NIET ondertekend was (buiten de versleuteling toegevoegd); om hem toch op te slaan, als zodanig gemarkeerd: --accept-unencrypted
       *[other] { $count } bijlagen zijn niet opgeslagen omdat ze NIET versleuteld en NIET ondertekend waren (buiten de versleuteling toegevoegd); om ze toch op te slaan, als zodanig gemarkeerd: --accept-unencrypted
    }
eml-forwarded = de inhoud is ondertekend door { $signer }, maar die handtekening staat niet garant voor deze e-mail: die is door iemand anders opnieuw versleuteld, of was voor andere ontvangers bedoeld. Misschien stuurt iemand een bericht door dat { $who } aan hem of haar heeft gestuurd. Vraag telefonisch na bij de afzender voordat u er iets mee doet.
eml-signer-nobody = niemand (niet ondertekend)
eml-from-contact = DEZE E-MAIL IS MOGELIJK VERVALST: volgens de e-mail is hij van { $from }, het adres van uw contact "{ $owner }", maar hij is ondertekend door { $signer }. Onderneem niets voordat u telefonisch bij "{ $owner }" hebt nagevraagd.
eml-from-self = DEZE E-MAIL IS MOGELIJK VERVALST: volgens de e-mail is hij van { $from }, uw eigen adres, maar hij is ondertekend door { $signer }. Onderneem er niets mee.
error-email-too-large = deze documenten zouden een e-mail van ongeveer { $size } opleveren, meer dan de { $limit } die carepost opent; er is niets geschreven
hint-email-too-large = de meeste e-mailproviders weigeren e-mails boven 20–25 MiB toch al: stuur minder of kleinere documenten per e-mail, of stuur grote documenten als losse bestanden (carepost send FILE --to ALIAS) via een ander kanaal
hint-mail-size-limit = carepost opent e-mails tot deze grootte, en de meeste e-mailproviders weigeren alles boven 20–25 MiB: vraag de afzender minder of kleinere documenten per e-mail te sturen
mail-too-many-parts = deze e-mail heeft meer dan { $max } onderdelen; hij is niet gelezen en er is niets opgeslagen
# files-secrets
status-clock-behind = een bestand is vastgelegd op { $recorded }, later dan volgens de klok van deze computer nu het geval is. De klok is verzet (hij liep toen voor, of loopt nu achter); zet hem goed (timedatectl, of uw systeeminstellingen) en voer daarna carepost purge uit.
status-core-dumps = Core dumps:
status-core-dumps-off = uit
status-core-dumps-on = AAN (na een crash kan er een document op de schijf achterblijven)
error-secret-file-foreign = { $path } is van een andere gebruiker; carepost leest daar geen geheim uit
hint-secret-file-foreign = zet de wachtwoordzin of het wachtwoord in een bestand dat van u is en dat alleen u kunt lezen (chmod 600 FILE)
error-weak-passphrase = deze wachtwoordzin is te makkelijk te raden voor de sleutel die documenten van patiënten opent (minstens { $min } tekens, geen herhaald patroon)
hint-weak-passphrase = kies vier of meer willekeurige woorden (gooi dobbelstenen en zoek de woorden op in een woordenlijst, of laat een wachtwoordbeheerder ze kiezen), bijv. "lantaarn baan fluweel cactus"; of laat --passphrase-file weg en laat carepost er een voor de sleutelbos aanmaken
error-timer-not-enabled = het opruimen elk uur is NIET ingeschakeld: systemd heeft de timer niet ingeschakeld ({ $reason })
hint-timer-not-enabled = de unitbestanden staan klaar; schakel ze in uw desktopsessie in met: { $command }
warning-shared-output-dir = { $path } is een map waarin elke gebruiker van deze computer mag schrijven: zij kunnen daar de naam van het document zien, en het document zelf als de rechten dat toelaten. Gebruik liever een eigen map (de standaardmap voor ontvangen documenten, of -o ~/Documents/…).
error-file-closed = bestand #{ $id } staat niet meer onder beheer van carepost ({ $state ->
        [pending] het is nooit volledig geschreven
        [deleted] carepost heeft het verwijderd
        [missing] het is verdwenen zonder dat carepost het verwijderde
        [released] u hebt het vrijgegeven
        [changed] het is gewijzigd sinds carepost het schreef
       *[other] { $state }
    })
hint-file-closed = bekijk wat carepost beheert met: carepost files
error-file-not-deleted = bestand #{ $id } is niet verwijderd: { $reason }
hint-file-not-deleted = hebt u het bewust gewijzigd, dan is het van u: verwijder het zelf, of haal het uit het beheer van carepost met: carepost files release { $id }
file-released = carepost beheert { $path } niet meer; het blijft staan waar het staat en carepost verwijdert het nooit.
file-deleted = { $path } verwijderd.
file-delete-changed = het is gewijzigd sinds carepost het schreef
status-needs-decision = Gewijzigd, bewaard:
status-hint-needs-decision = { $count ->
        [one] { $count } bestand is gewijzigd sinds carepost het schreef en is niet verwijderd. Bekijk het met: carepost files; verwijder het daarna zelf, of behoud het met: carepost files release ID (of verwijder het nu met: carepost files delete ID, als het toch ongewijzigd is)
       *[other] { $count } bestanden zijn gewijzigd sinds carepost ze schreef en zijn niet verwijderd. Bekijk ze met: carepost files; verwijder ze daarna zelf, of behoud een bestand met: carepost files release ID (of verwijder een ongewijzigd bestand nu met: carepost files delete ID)
    }
# audit-smtp
audit-bad-signature = record { $seq } heeft een controlepunthandtekening die niet klopt met uw sleutel
log-unsigned = { $count ->
        [one] { $count } record na { $since } is niet ondertekend met uw sleutel: iedereen die in de gegevensmap kan schrijven, kan het hebben toegevoegd. De volgende opdracht die uw sleutel ontgrendelt (send, open, contact verify) ondertekent het.
       *[other] { $count } records na { $since } zijn niet ondertekend met uw sleutel: iedereen die in de gegevensmap kan schrijven, kan ze hebben toegevoegd. De volgende opdracht die uw sleutel ontgrendelt (send, open, contact verify) ondertekent ze.
    }
log-signed-none = het begin van de log
log-signed-through = record { $seq }
send-reason-names-contact = de reden bij --unverified-ok noemt het contact "{ $alias }" (de alias, naam of het e-mailadres); de reden wordt jarenlang in de auditlog bewaard en mag geen patiënt herkenbaar maken. Beschrijf in plaats daarvan de situatie, bijv. --unverified-ok "patiënt telefonisch gevraagd; sleutel bij volgend bezoek persoonlijk gecontroleerd"
hint-unverified-reason = de reden wordt jarenlang in de auditlog bewaard: schrijf er geen naam of e-mailadres van een patiënt in
error-state-disagrees = de statusdatabase komt niet overeen met de auditlog: { $problem }
hint-state-disagrees = bewaar kopieën van state.db en audit.log als bewijs; weet u de oorzaak (een verloren of teruggezette state.db), voer dan uit: carepost log --rebuild-state
state-missing = state.db ontbreekt, maar de auditlog bevat records (contacten en de documenten met een lopende bewaartermijn zouden vergeten worden)
state-older-than-log = de statusdatabase kent de log tot record { $state }, maar de log loopt door tot record { $log }: er is een oudere state.db teruggezet
log-state-rebuilt = De statusdatabase is opnieuw opgebouwd uit de auditlog: die klopt nu tot en met record { $head }; voor { $files ->
        [one] { $files } document
       *[other] { $files } documenten
    } bij de ontvangen documenten en in het postvak uit loopt de bewaartermijn weer.
log-state-no-contacts = Het contactenboek kan niet uit de log worden hersteld (die bevat geen sleutels): voeg uw contacten opnieuw toe en verifieer ze telefonisch.
# open-robust
message-damaged = dit bericht is beschadigd of ingekort: carepost kan het niet lezen, en er is niets opgeslagen
hint-message-damaged = vraag de afzender het document opnieuw te sturen (kwam het per e-mail, sla de bijlage dan eerst opnieuw op: een download kan afgebroken zijn)
message-locked-for = dit bestand is alleen voor { $recipients } vergrendeld, niet voor u; er is niets geopend en uw sleutel is niet ontgrendeld
hint-message-locked-for = het is naar iemand anders gestuurd; was het ook voor u bedoeld, vraag de afzender het dan ook voor uw sleutel te versleutelen
cert-damaged = het sleutelbestand is beschadigd: carepost kan het niet lezen
error-key-file-not-regular = { $path } is geen gewoon bestand (maar een apparaat, een pipe of een map); carepost leest sleutels alleen uit bestanden
hint-key-file-not-regular = sla de sleutel eerst op in een bestand, en daarna: carepost contact add ALIAS --key-file FILE
tls-starttls-injection = de server stuurde antwoorden voordat de versleuteling begon (STARTTLS response injection): misschien knoeit iemand op het netwerk met de verbinding; er is niets verstuurd
# audit-smtp
error-delivery-unconfirmed = de verbinding met de mailserver { $server } werd verbroken nadat het hele bericht { $message_id } was verzonden, maar voordat de server het bevestigde (stap: gegevens): { $reason }. De e-mail is misschien afgeleverd, dus carepost verstuurt hem niet uit zichzelf opnieuw; hij blijft in het postvak uit als "misschien afgeleverd"
delivery-unconfirmed = de verbinding met de mailserver { $server } werd verbroken nadat het hele bericht was verzonden, maar voordat de server het bevestigde (stap: gegevens): { $reason }. De e-mail is misschien afgeleverd
hint-delivery-unconfirmed = vraag de ontvanger of de e-mail is aangekomen. Zo niet, verstuur hem dan opnieuw met: carepost mail retry --resend { $message_id } (zo ja: carepost mail cancel { $message_id })
hint-delivery-unconfirmed-no-id = vraag de ontvanger of de e-mail is aangekomen voordat u hem opnieuw verstuurt; `carepost mail show` toont hem
mail-retry-maybe-delivered = Niet opnieuw verstuurd: { $message_id } is misschien al afgeleverd (de verbinding werd verbroken nadat het hele bericht was verzonden). Vraag het na bij de ontvanger; is het niet aangekomen: carepost mail retry --resend { $message_id }
mail-show-maybe-delivered = misschien afgeleverd: vraag het na bij de ontvanger, en verstuur het daarna opnieuw met `carepost mail retry --resend { $message_id }` (of `carepost mail cancel { $message_id }` als het is aangekomen)
# state-types
error-state-damaged = de statusdatabase bevat een waarde die carepost nooit schrijft ({ $value }): die is bewerkt of beschadigd, en carepost gaat niet raden wat ermee bedoeld was
hint-state-damaged = bewaar een kopie van state.db en audit.log als bewijs, en zet daarna state.db terug uit een back-up van de gegevensmap; zonder back-up zet u state.db opzij en voert u uit: carepost log --rebuild-state
## dates
date-month = { $month ->
        [1] jan.
        [2] feb.
        [3] mrt.
        [4] apr.
        [5] mei
        [6] jun.
        [7] jul.
        [8] aug.
        [9] sep.
        [10] okt.
        [11] nov.
       *[12] dec.
    }
date-day = { $day } { $month } { $year }
date-day-time = { $day } { $month } { $year }, { $time }

## folders
send-attach-from = In het bijlagevenster van uw mailprogramma staat het bestand in { $folder } (om die map te openen: { $command })
open-show-command = Openen met: { $command }
status-outbox = Postvak uit:
status-inbox = Ontvangen documenten:
open-folder-command = Map openen met: { $command }
## words
words-empty = er zijn geen woorden uit de PGP-woordenlijst opgegeven
words-unknown = woord { $position } ("{ $word }") staat niet in de PGP-woordenlijst
words-wrong-position-even = woord { $position } ("{ $word }") is een woord van drie lettergrepen, maar op die plaats hoort een woord van twee lettergrepen; misschien is een woord overgeslagen, herhaald of verwisseld
words-wrong-position-odd = woord { $position } ("{ $word }") is een woord van twee lettergrepen, maar op die plaats hoort een woord van drie lettergrepen; misschien is een woord overgeslagen, herhaald of verwisseld

## gate
gate-headers-not-utf8 = de headers zijn geen UTF-8
gate-not-an-email = het is geen e-mail
gate-no-header-block = er zijn geen headers
gate-leading-continuation = er staat een vervolgregel vóór de eerste header
gate-no-colon = er is een headerregel zonder dubbele punt
gate-undecodable-part = een deel kan niet worden gedecodeerd
gate-repeated-header = de header { $name } staat er meer dan één keer in
gate-bcc = er is een Bcc-header
gate-no-content-type = er is geen Content-Type
gate-top-level-type = het type is { $kind }, niet multipart/encrypted
gate-repeated-parameter = de parameter { $name } staat er meer dan één keer in
gate-protocol = het protocol is niet application/pgp-encrypted
gate-no-boundary = er is geen boundary
gate-unreadable-multipart = de multipart-inhoud is onleesbaar
gate-part-count = er zijn { $count } delen in plaats van 2
gate-nested-parts = er zitten delen genest in de delen van het versleutelde bericht
gate-control-part = het eerste deel is niet application/pgp-encrypted Version: 1
gate-data-type = het tweede deel is { $kind }, niet application/octet-stream
gate-data-encoding = het tweede deel heeft transfercodering { $encoding }
gate-not-armored = het tweede deel is niet één OpenPGP-bericht in ASCII-armor
gate-sender-count = From bevat niet precies één adres
gate-no-recipient = er staat geen ontvanger in To
gate-not-closed = de multipart-inhoud is niet afgesloten
gate-long-preamble = vóór de versleutelde delen staat tekst die geen korte toelichting is
gate-text-after = na het einde van de multipart staat nog tekst
gate-not-addresses = de header { $name } bevat geen adressen
gate-name-without-address = de header { $name } bevat een naam zonder adres
gate-not-openpgp = het versleutelde deel is geen OpenPGP (details: { $details })
gate-packets-outside = er staan OpenPGP-pakketten buiten de versleuteling
gate-unexpected-packet = er staat een onverwacht { $tag }-pakket in
gate-unreadable-openpgp = het versleutelde deel is onleesbare OpenPGP (details: { $details })
gate-no-encrypted-data = er zitten geen versleutelde gegevens in

## mail-preamble
mail-preamble-note =
    Dit is een versleuteld bericht (OpenPGP, PGP/MIME). Alleen de geadresseerde
    kan het lezen. Ziet u alleen deze tekst? Open het bericht dan met een gratis
    OpenPGP-programma, zoals Thunderbird, Gpg4win (Kleopatra), OpenKeychain of
    Mailvelope.

## tour
tour-letter-file-name = consultbrief-de-vries.txt
tour-letter =
    Consultbrief (voorbeeld)

    Geachte heer De Vries,

    Dank u voor het videoconsult van vandaag. Zoals besproken verzoek ik u
    over twee weken uw bloeddruk te laten meten op de praktijk. De
    laboratoriumuitslagen zijn normaal.

    Met vriendelijke groet,
    Dr. A. Jansen, huisarts

## io-reasons
io-reason-not-found = dat bestand of die map bestaat niet (details: { $details })
io-reason-permission = geen toestemming (details: { $details })
io-reason-no-space = de schijf is vol (details: { $details })
io-reason-read-only = de schijf of map is alleen-lezen (details: { $details })
io-reason-exists = er bestaat al iets met die naam (details: { $details })
io-reason-is-a-folder = het is een map, geen bestand (details: { $details })
io-reason-not-a-folder = een deel van het pad is geen map (details: { $details })
io-reason-refused = de verbinding werd geweigerd (details: { $details })
io-reason-timed-out = er kwam niet op tijd antwoord (details: { $details })
io-reason-cut-off = de verbinding werd verbroken (details: { $details })
io-reason-no-network = het netwerk is niet bereikbaar (details: { $details })
io-reason-damaged = de gegevens zijn beschadigd of onvolledig (details: { $details })
io-reason-other = het systeem meldde een fout (details: { $details })
net-other = de verbinding is mislukt (details: { $details })
tls-other-details = de versleutelde verbinding kon niet worden opgezet (details: { $details })

## values

## identity-reasons
identity-damaged = het sleutelbestand is beschadigd (details: { $details })
identity-not-valid = de sleutel is nu niet geldig: verlopen, ingetrokken of te zwak (details: { $details })

## labels
contact-kind-patient = patiënt
contact-kind-colleague = collega
sender-status-verified = geverifieerd
sender-status-unverified = niet geverifieerd
sender-status-unknown = onbekend
sender-status-unsigned = niet ondertekend
file-state-pending = nog niet voltooid
file-state-active = actief
file-state-deleted = verwijderd
file-state-missing = ontbreekt
file-state-changed = gewijzigd
file-state-released = vrijgegeven
status-keychain-not-used = niet gebruikt
status-keychain-reachable = bereikbaar
status-keychain-unreachable = niet bereikbaar
word-unknown = onbekend
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
verify-standing-verified = er is niets veranderd: "{ $alias }" blijft geverifieerd, zoals op { $date } ({ $method ->
        [phone] telefonisch
        [in-person] persoonlijk
        [video] via video
       *[other] { $method }
    })
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

## files: kinds, sizes and periods as people read them
file-kind-sent = verzonden
file-kind-received = ontvangen
file-kind-view = bekeken
file-kind-sealed = verzegeld
size-bytes = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }
size-decimal-separator = ,
size-in-unit = { $number } { $unit }
duration-years = { $count ->
        [one] { $count } jaar
       *[other] { $count } jaar
    }
duration-days = { $count ->
        [one] { $count } dag
       *[other] { $count } dagen
    }
duration-hours = { $count ->
        [one] { $count } uur
       *[other] { $count } uur
    }
duration-minutes = { $count ->
        [one] { $count } minuut
       *[other] { $count } minuten
    }

## passphrase
notice-passphrase-keychain-offer = Er is nu een sleutelbos beschikbaar: `carepost passphrase --to-keychain` zet uw wachtwoordzin daarin (geef hem met --passphrase-file BESTAND, of typ hem als erom gevraagd wordt), zodat carepost geen bestand meer nodig heeft en er niet meer om vraagt.

## key origin and refresh
contact-origin-file = een sleutelbestand
contact-origin-autocrypt = een e-mail (Autocrypt)
contact-origin-wkd = Web Key Directory
contact-origin-vks = sleutelserver (VKS)
contact-origin-hkp = sleutelserver (HKP)
show-source = Herkomst sleutel:
show-source-at = { $source } ({ $location })
show-looked-up-by = Opgezocht met:
show-refreshed = Laatst vernieuwd:
## publish wkd
error-invalid-domain = "{ $domain }" is geen domeinnaam zoals example.org
hint-invalid-domain = geef het deel van het e-mailadres van de praktijk na de @, bijvoorbeeld --domain example.org
error-publish-patient = "{ $alias }" is een patiënt: carepost publiceert nooit de sleutel van een patiënt onder het domein van de praktijk
hint-publish-patient = alleen uw eigen sleutel en die van geverifieerde collega's worden gepubliceerd; patiënten publiceren hun eigen sleutel (vaak doet hun e-mailprovider dat voor hen)
error-publish-unverified = "{ $alias }" is NIET geverifieerd: de sleutel publiceren onder het domein van de praktijk zou instaan voor een sleutel die niemand heeft gecontroleerd
hint-publish-unverified =
    bel de collega op een nummer dat u al kent, laat hem of haar de vingerafdruk voorlezen en voer uit:
      carepost contact verify { $alias }
    en publiceer daarna opnieuw.
error-publish-not-in-domain = de sleutel van "{ $alias }" heeft geen e-mailadres in { $domain }: een Web Key Directory van { $domain } kan alleen adressen van { $domain } bevatten
error-publish-nothing-for-domain = geen enkele te publiceren sleutel heeft een e-mailadres in { $domain }
hint-publish-domain = kies met --domain DOMEIN het domein van de adressen in de sleutels (`carepost whoami` en `carepost contact show ALIAS` tonen ze), en schrijf één map per domein
error-publish-same-address = { $address } staat in meer dan één sleutel ({ $holders }): een Web Key Directory bevat één sleutel per adres
hint-publish-same-address = publiceer alleen de sleutel die onder dit adres gevonden moet worden: laat de andere --contact weg
publish-own-key = uw eigen sleutel
publish-wkd-written = Web Key Directory van { $domain } geschreven in { $path }:
publish-wkd-found-at = E-mailprogramma's vinden deze sleutels op:
publish-wkd-next =
    Volgende stap: de webserver van de praktijk moet de map .well-known in { $path } ongewijzigd aanbieden,
    op https://openpgpkey.{ $domain }/ (geavanceerde methode) of https://{ $domain }/ (directe methode).
    Geef uw webbeheerder de map en de handleiding docs/wkd.md (inhoudstype, CORS-header, controles).
    Publiceer opnieuw nadat u uw sleutel hebt gewijzigd of verlengd.
## readiness: contact check, and the expiry warnings of send and status
readiness-expires-soon = de sleutel van "{ $alias }" is nog { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    } bruikbaar (tot { $date }). Haal vóór die tijd een vernieuwde sleutel op: carepost contact refresh { $alias }
readiness-reason-v2 = deze sleutel en uw eigen sleutel ondersteunen allebei SEIPDv2 (RFC 9580)
readiness-reason-no-features = deze sleutel vermeldt helemaal geen functies (sommige programma's maken zulke sleutels), dus krijgt hij SEIPDv1, dat elk OpenPGP-programma leest
readiness-reason-v1-only = deze sleutel vermeldt geen SEIPDv2, dus krijgt hij SEIPDv1, dat elk OpenPGP-programma leest
readiness-reason-own-v1 = uw eigen sleutel vermeldt geen SEIPDv2, en elk bericht wordt ook voor uw eigen sleutel versleuteld
duration-months = { $count ->
        [one] { $count } maand
       *[other] { $count } maanden
    }
check-usable = Nu bruikbaar:
check-valid-until = Geldig tot:
check-valid-until-value = { $date } (nog { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    })
check-no-expiry = geen vervaldatum
check-encryption-key = Versleutelt voor:
check-encryption-key-value = { $fingerprint } ({ $algorithm }), gemaakt { $created }, verloopt { $expires }
check-never = nooit
check-message-format = Berichtformaat:
check-message-format-value = { $format }: { $reason }
check-cipher = Versleuteling:
check-cipher-v1 = { $symmetric }, zonder compressie
check-cipher-v2 = { $symmetric } met { $aead }, zonder compressie
check-verified-ago = { $label }, { $age } geleden
check-programs = Wie kan openen wat carepost naar "{ $alias }" stuurt:
check-not-known = niet bekend
check-ready = "{ $alias }" is klaar: carepost kan naar dit contact versturen.
status-contact-keys = Sleutels van contacten:
status-contact-keys-counts = { $soon } verlopen binnen { $days } dagen, { $expired } verlopen
status-hint-contact-keys = Sleutels van sommige contacten verlopen binnenkort of zijn verlopen: haal vernieuwde sleutels op met carepost contact refresh ALIAS (carepost contact check ALIAS toont er één in detail).
## key discovery: network and lookup
error-network = kon { $host } niet om een sleutel vragen: { $reason }. Er is niets gewijzigd.
error-key-not-found = geen sleutel gevonden voor { $address }; er is niets gewijzigd. Geprobeerd:
    { $tried }
error-keys-refused = geen bruikbare sleutel gevonden voor { $address }; er is niets gewijzigd. Geprobeerd:
    { $tried }
error-several-keys = { $source } heeft { $count } verschillende sleutels voor { $address }: { $fingerprints }. carepost kiest er geen; er is niets gewijzigd.
error-key-source = de sleutelbron "{ $given }" is niet bruikbaar: { $reason }
hint-network = controleer de netwerkverbinding (en HTTPS_PROXY, als die is ingesteld) en probeer het opnieuw
hint-network-tls = gebruikt de server een certificaat van uw eigen certificaatautoriteit, geef dan het CA-certificaat met --ca-file BESTAND (of CAREPOST_CA_FILE)
hint-key-not-found = vraag de patiënt om de sleutel als bestand en voeg die toe met `carepost contact add ALIAS --key-file BESTAND`
hint-keys-refused = vraag de patiënt om een actuele sleutel als bestand; de sleutel die de server aanbiedt is zo niet bruikbaar
hint-several-keys = vraag de patiënt welke sleutel de zijne is (de vingerafdruk) en voeg die toe uit een bestand met `carepost contact add ALIAS --key-file BESTAND`
hint-key-source = bronnen zijn wkd, vks, vks:https://HOST, hkp:hkps://HOST[:POORT] of hkp:hkp://HOST[:POORT], gescheiden door komma's
net-not-found = de server heeft daar geen sleutel
net-status = de server antwoordde met status { $status }
net-unreachable = de server is niet bereikbaar ({ $reason })
net-too-large = het antwoord is groter dan { $limit }; het is afgebroken en niet gebruikt
net-insecure-redirect = de server verwees door naar { $location }, geen versleuteld (https://) adres; carepost is niet gevolgd
net-too-many-redirects = de server verwees te vaak door
net-proxy = de proxy (HTTPS_PROXY) is niet bruikbaar: { $reason }
net-host-not-found = de servernaam is onbekend (geen DNS-gegeven, of geen netwerk)
net-connection-failed = er kon geen verbinding worden gemaakt
net-bad-resolve = CAREPOST_RESOLVE bevat een item dat niet HOST=ADRES:POORT is: { $entry }
net-bad-timeout = CAREPOST_NET_TIMEOUT_MS is geen aantal milliseconden: { $value }
vks-bad-answer = het antwoord van de sleutelserver is onleesbaar ({ $what })
source-vks-https = een VKS-server schrijft u als vks:https://HOST
source-bad-host = dat is geen servernaam met eventueel een poort
source-unknown = het is geen wkd, vks, vks:https://…, hkp:hkps://… of hkp:hkp://…
source-twice = het staat er twee keer
source-none = er is geen bron genoemd
source-wkd = Web Key Directory
source-vks = sleutelserver { $url }
source-hkp = sleutelserver { $url }
attempt-found = { $source } ({ $location }): gevonden
attempt-not-found = { $source } ({ $location }): geen sleutel
attempt-failed = { $source } ({ $location }): mislukt: { $reason }
attempt-refused = { $source } ({ $location }): geweigerd: { $reason }
lookup-not-a-key = het antwoord is geen OpenPGP-sleutel
lookup-address-mismatch = de aangeboden sleutel heeft geen gebruikers-ID met het adres { $address }

## key discovery: contact find and contact sources
find-source = Bron
find-location = Antwoord van
find-not-verified = nee: een sleutel van een server is niet geverifieerd
find-tried = Geprobeerd:
find-next-step = Er is niets opgeslagen. Om deze sleutel toe te voegen: carepost contact add ALIAS --email { $address }, en bevestig daarna de vingerafdruk telefonisch met carepost contact verify ALIAS.
sources-stored = Sleutelbronnen opgeslagen.
sources-order = Sleutels worden in deze volgorde gezocht:
sources-how-to-set = Wijzig dit met carepost contact sources --set wkd,vks,hkp:hkps://HOST
## contact add --email and contact refresh
contact-add-key-or-email = Geef de sleutel van het contact met --key-file BESTAND, of zoek hem op met --email ADRES.
contact-added-found = Gevonden in { $source } ({ $location }) en toegevoegd als contact "{ $alias }" ({ $kind }). Nog niet geverifieerd: een sleutel die op internet gevonden is, bewijst niet van wie hij is.
contact-added-found-next =
    Verstuur nog niets. Bel deze persoon op een telefoonnummer dat u al kent
    (niet een nummer uit een e-mail of van een website), vraag de vingerafdruk
    voor te lezen die het eigen programma toont, en typ die in:
      carepost contact verify { $alias }
refresh-skipped-no-source = de sleutel komt uit een bestand en er is geen e-mailadres om hem mee op te zoeken
refresh-key-changed-warning =
    ========================================================================
    WAARSCHUWING: voor "{ $alias }" wordt nu een ANDERE sleutel aangeboden.
      opgeslagen vingerafdruk:  { $old }
      aangeboden vingerafdruk:  { $new }
    Een andere sleutel kan betekenen dat iemand uw e-mail onderschept.
    Er is niets samengevoegd: "{ $alias }" houdt de opgeslagen sleutel. Bel
    op een nummer dat u al kent; heeft men echt een nieuwe sleutel gemaakt,
    vraag die dan en verifieer hem:
      carepost contact update { $alias } --key-file BESTAND
      carepost contact verify { $alias }
    ========================================================================
refresh-revoked-warning =
    ========================================================================
    WAARSCHUWING: de sleutel van "{ $alias }" is door de eigenaar INGETROKKEN.
    carepost heeft de intrekking opgeslagen en verstuurt er niets meer naar.
    Vraag om de nieuwe sleutel, voeg die toe en verifieer hem.
    ========================================================================
refresh-line-unchanged = { $alias }: actueel
refresh-line-updated = { $alias }: vernieuwd (zelfde sleutel; verificatie blijft)
refresh-line-revoked = { $alias }: INGETROKKEN
refresh-line-key-changed = { $alias }: een andere sleutel aangeboden; niets gewijzigd
refresh-line-failed = { $alias }: niet vernieuwd, niets gewijzigd: { $reason }
refresh-line-skipped = { $alias }: overgeslagen: { $reason }
refresh-summary = { $total } contact(en): { $updated } vernieuwd, { $unchanged } actueel, { $revoked } ingetrokken, { $changed } andere sleutel, { $failed } mislukt, { $skipped } overgeslagen.
error-refresh-incomplete = niet alle sleutels zijn in orde: { $revoked } ingetrokken, { $changed } met een andere sleutel aangeboden, { $failed } niet vernieuwd
hint-refresh-incomplete = Lees de regels hierboven: voor een ingetrokken sleutel is een nieuwe sleutel van de eigenaar nodig; bij een andere sleutel eerst bellen; een mislukte vernieuwing kunt u later opnieuw proberen (er is niets gewijzigd).

## publish keyserver
publish-keyserver-uploaded = Uw publieke sleutel is geüpload naar { $server }:
publish-keyserver-state-published = gepubliceerd: vindbaar op dit adres
publish-keyserver-state-unpublished = nog niet gepubliceerd
publish-keyserver-state-pending = wacht op uw bevestiging
publish-keyserver-state-revoked = ingetrokken
publish-keyserver-next = { $server } stuurt een bevestigingsmail naar { $addresses }. Open die en klik op de link: pas daarna vinden de programma's van anderen uw sleutel op dit adres. Tot dan is hij alleen vindbaar op zijn vingerafdruk.
publish-keyserver-nothing-to-confirm = Er is geen bevestiging nodig: { $server } geeft uw sleutel al uit voor elk adres dat hij vermeldt.
publish-keyserver-https-only = voor uploaden worden alleen https://-sleutelservers gebruikt
