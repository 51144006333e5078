# carepost — Nederlandse teksten.
# Ontbrekende berichten vallen terug op het Engels (en/).

label-error = fout:
label-hint = tip:
label-warning = waarschuwing:

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
value-bad-size = '{ $given }' is geen grootte zoals 500M of 4G
value-unusable-size = '{ $given }' is geen bruikbare grootte
value-bad-date = '{ $given }' is geen datum zoals 2026-11-01

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
