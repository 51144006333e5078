# carepost — de opdrachtregel: de hulptekst van elke opdracht en optie, en
# de eigen woorden van clap. Zie en/cli.ftl voor de opbouw van de ids.

## cli: de delen van elke hulptekst

cli-heading-usage = Gebruik:
cli-heading-commands = Opdrachten:
cli-heading-arguments = Argumenten:
cli-heading-options = Opties:
cli-usage-options = [OPTIES]
cli-value-command = OPDRACHT
cli-arg-help = Hulp tonen
cli-arg-version = Versie tonen
cli-help-about = Deze hulp tonen, of de hulp bij de opgegeven opdracht

## cli: namen van waarden

cli-value-action = ACTIE
cli-value-address = ADRES
cli-value-alias = ALIAS
cli-value-date = DATUM
cli-value-dir = MAP
cli-value-duration = DUUR
cli-value-email = E-MAIL
cli-value-file = BESTAND
cli-value-host = SERVER
cli-value-id = ID
cli-value-key-duration = SOORT=DUUR
cli-value-lang = TAAL
cli-value-message-id = MESSAGE-ID
cli-value-method = METHODE
cli-value-mode = MODUS
cli-value-name = NAAM
cli-value-out-eml = UIT.eml
cli-value-port = POORT
cli-value-reason = REDEN
cli-value-size = GROOTTE
cli-value-text = TEKST
cli-value-user = GEBRUIKER

## cli: carepost en de algemene opties

cli-about = Consultdocumenten per e-mail versturen met end-to-end OpenPGP-versleuteling, geverifieerde contacten en een bewaartermijn
cli-after-help = Begin met `carepost init --name NAAM --email E-MAIL` en daarna `carepost contact add`.
cli-global-arg-home = Gegevensmap (standaard: de gegevensmap van het systeem, bijv. ~/.local/share/carepost; omgevingsvariabele CAREPOST_HOME)
cli-global-arg-json = Het resultaat als één JSON-document op stdout geven
cli-global-arg-passphrase-file = De wachtwoordzin van de sleutel uit de eerste regel van BESTAND lezen, in plaats van uit de sleutelbos of via een vraag (omgevingsvariabele CAREPOST_PASSPHRASE_FILE)
cli-global-arg-no-keychain = Nooit de sleutelbos van het systeem gebruiken (omgevingsvariabele CAREPOST_NO_KEYCHAIN)
cli-global-arg-smtp-password-file = Het wachtwoord van de mailserver uit de eerste regel van BESTAND lezen, in plaats van uit de sleutelbos of via een vraag (omgevingsvariabele CAREPOST_SMTP_PASSWORD_FILE)
cli-global-arg-lang = De taal: nl, fr of en (standaard: CAREPOST_LANG, daarna de landinstelling)

## cli: opdrachten

cli-init-about = De identiteit van deze gegevensmap aanmaken: uw sleutelpaar
cli-init-arg-name = Uw naam zoals contacten die zien, bijv. "Dr. A. Jansen"
cli-init-arg-email = Uw e-mailadres

cli-whoami-about = Uw naam, e-mailadres en vingerafdruk tonen, om voor te lezen aan contacten
cli-whoami-arg-qr = De vingerafdruk ook als QR-code tonen (scan die met OpenKeychain)
cli-whoami-arg-qr-svg = De QR-code als SVG-afbeelding naar BESTAND schrijven, om af te drukken
cli-leaflet-about = Een folder voor patiënten om af te drukken: uw vingerafdruk en hoe documenten bij hen komen
cli-leaflet-arg-for = Vermelden hoe documenten bij dit contact komen (met hun sleutel, of met een wachtwoord per telefoon); nooit hun alias of e-mailadres
cli-leaflet-arg-name = De naam van de patiënt, alleen op de folder als u die opgeeft
cli-leaflet-arg-practice = De naam van uw praktijk; onthouden voor volgende folders (een lege TEKST wist hem)
cli-leaflet-arg-reach = Bij wie patiënten terechtkunnen met vragen, bijvoorbeeld een telefoonnummer; onthouden voor volgende folders (een lege TEKST wist het)
cli-leaflet-arg-output = Het HTML-bestand om te schrijven (een bestaand bestand wordt nooit vervangen)

cli-export-key-about = Uw publieke sleutel wegschrijven, om aan contacten te geven
cli-export-key-arg-output = Naar BESTAND schrijven in plaats van naar de standaarduitvoer

cli-contact-about = Contacten beheren: toevoegen, zoeken, verifiëren, controleren, vernieuwen, tonen, bijwerken, verwijderen
cli-contact-add-about = De publieke sleutel van een contact onder een alias importeren
cli-contact-add-arg-alias = Een pseudoniem: 1-64 tekens uit a-z 0-9 . _ - (geen namen van patiënten)
cli-contact-add-arg-key-file = Bestand met de publieke sleutel van het contact (ASCII-armored of binair)
cli-contact-add-arg-patient = Het contact is een patiënt (standaard)
cli-contact-add-arg-colleague = Het contact is een collega
cli-contact-list-about = Contacten tonen
cli-contact-show-about = Eén contact in detail tonen
cli-contact-show-arg-alias = De alias van het contact
cli-contact-verify-about = De sleutel van een contact bevestigen: het contact leest de vingerafdruk voor
cli-contact-verify-arg-alias = De alias van het contact
cli-contact-verify-arg-fingerprint = De vingerafdruk zoals het contact die voorlas (hexadecimaal; spaties en dubbele punten mogen)
cli-contact-verify-arg-words = De vingerafdruk als woorden uit de PGP-woordenlijst, zoals het contact ze voorlas
cli-contact-verify-arg-method = Hoe u die hoorde: phone (telefoon, standaard), in-person (persoonlijk) of video
cli-contact-update-about = De sleutel van een contact door een nieuwere vervangen
cli-contact-update-arg-alias = De alias van het contact
cli-contact-update-arg-key-file = Bestand met de nieuwe publieke sleutel van het contact
cli-contact-remove-about = Een contact verwijderen
cli-contact-remove-arg-alias = De alias van het contact

cli-send-about = Documenten versleutelen en ondertekenen voor geverifieerde contacten
cli-send-arg-files = De te versturen documenten (per document één versleuteld bestand)
cli-send-arg-to = Een contact als ontvanger (herhaal voor meerdere)
cli-send-arg-output-dir = Map voor de versleutelde bestanden (standaard: het postvak uit, Documents/carepost/outbox, of outbox/ in de gegevensmap bij --home)
cli-send-arg-armor = ASCII-armored tekst (.asc) schrijven in plaats van binair (.pgp)
cli-send-arg-keep-name = De echte naam van het document ook op het versleutelde bestand zetten (binnen de versleuteling staat die altijd)
cli-send-arg-unverified-ok = Naar niet geverifieerde contacten versturen, met deze vastgelegde reden. De reden blijft jaren in de auditlog staan: schrijf er nooit de naam, het e-mailadres of een ander herkenbaar gegeven van een patiënt in
cli-send-arg-retain = De versleutelde bestanden zo lang bewaren (bijv. 30d) in plaats van de bewaartermijn `sent`
cli-send-arg-eml = Eén versleutelde e-mail (PGP/MIME) met alle documenten naar UIT.eml schrijven, in plaats van één versleuteld bestand per document
cli-send-arg-subject = Het onderwerp van de e-mail; dat reist alleen binnen de versleuteling
cli-send-arg-message = De tekst van de e-mail
cli-send-arg-message-file = De tekst van de e-mail uit BESTAND lezen (UTF-8)
cli-send-arg-smtp = Eén versleutelde e-mail (PGP/MIME) in het postvak uit opstellen en versturen via de mailserver die met `carepost mail setup` is ingesteld

cli-open-about = Een ontvangen document ontsleutelen en nagaan wie het verstuurde
cli-open-arg-file = Het versleutelde bestand (.pgp, .gpg of .asc), of een ontvangen e-mail (.eml)
cli-open-arg-output-dir = Map voor het document (standaard: de ontvangen documenten van de gegevensmap)
cli-open-arg-require-verified-sender = Documenten weigeren die niet door een geverifieerd contact zijn ondertekend
cli-open-arg-max-size = Grootste document dat geschreven mag worden, bijv. 500M of 4G (standaard: 100 keer het versleutelde bestand, minstens 1G)
cli-open-arg-retain = Het document zo lang bewaren (bijv. 30d) in plaats van de bewaartermijn voor zijn soort
cli-open-arg-view = Het document in een viewer tonen zonder het op te slaan; de kopie wordt verwijderd als de viewer sluit of na de bewaartermijn `view`
cli-open-arg-sealed = Het document versleuteld houden onder een eigen sleutel; als het verloopt, wordt die sleutel vernietigd (lees het met `carepost export ID`)
cli-open-arg-accept-unencrypted = Bij een e-mail die niet versleuteld is: de bijlagen toch opslaan
cli-open-arg-add-autocrypt = Bij een e-mail met een Autocrypt-header: de sleutel ervan toevoegen als het nieuwe, niet geverifieerde contact ALIAS

cli-tour-about = Een volledige uitwisseling tussen een arts en een patiënt doorlopen, in een tijdelijke map (uw eigen gegevens blijven onaangeroerd)

cli-retention-about = Tonen of wijzigen hoe lang documenten bewaard worden
cli-retention-show-about = De bewaartermijnen tonen
cli-retention-set-about = Bewaartermijnen wijzigen, bijv. `sent=30d received=7d` (soorten: sent, received, view, max, log; eenheden: m, h, d, w, y)
cli-retention-set-arg-assignments = Een bewaartermijn om te wijzigen, bijv. sent=30d

cli-purge-about = Documenten verwijderen waarvan de bewaartermijn voorbij is
cli-purge-arg-dry-run = Tonen wat verwijderd zou worden, zonder iets te verwijderen
cli-purge-arg-install-timer = Elk uur laten opruimen (op Linux een systemd-timer van de gebruiker)
cli-purge-arg-uninstall-timer = Het opruimen elk uur weer uitzetten
cli-purge-arg-quiet = Alleen iets melden als er iets aandacht vraagt (voor de timer)

cli-status-about = Tonen wat deze gegevensmap bewaart, tot wanneer, en hoe het beschermd is (ook: `carepost doctor`)

cli-log-about = De auditlog tonen, of nagaan dat niemand die heeft gewijzigd
cli-log-arg-check = De hele log controleren: afsluitcode 0 als die intact is, 4 als die gewijzigd is
cli-log-arg-rebuild-state = De statusdatabase herstellen uit de auditlog, nadat die verloren ging of door een oudere kopie werd vervangen: het begin van de log en de documenten in de ontvangen documenten en het postvak uit (contacten moet u opnieuw toevoegen)
cli-log-arg-since = Alleen regels vanaf deze datum of dit tijdstip (bijv. 2026-11-01)
cli-log-arg-action = Alleen regels van deze actie (bijv. send, open, verify, purge)
cli-log-arg-contact = Alleen regels over dit contact

cli-files-about = De bestanden tonen die carepost beheert, met hun vervaldatum
cli-files-arg-all = Ook bestanden tonen die al verwijderd, verdwenen of gewijzigd zijn
cli-files-release-about = Eén bestand uit het beheer van carepost halen: het blijft staan en wordt nooit verwijderd
cli-files-release-arg-id = Het id van het bestand (zie `carepost files`)
cli-files-delete-about = Eén document nu verwijderen, vóór het verloopt (alleen als het ongewijzigd is)
cli-files-delete-arg-id = Het id van het bestand (zie `carepost files`)

cli-export-about = Een verzegeld document ontsleutelen (zie `open --sealed`)
cli-export-arg-id = Het id van het verzegelde document (zie `carepost files`)
cli-export-arg-output-dir = Map om het in te schrijven (standaard: de ontvangen documenten van de gegevensmap)
cli-export-arg-view = Het in een viewer tonen in plaats van het op te slaan

cli-mail-about = Het versturen per e-mail instellen, en versturen wat nog wacht
cli-mail-setup-about = De mailserver vastleggen waarlangs verstuurd wordt; het wachtwoord gaat naar de sleutelbos van het systeem
cli-mail-setup-arg-host = De naam van de mailserver, bijv. smtp.example.nl
cli-mail-setup-arg-port = De poort: 587 voor STARTTLS, 465 voor directe TLS
cli-mail-setup-arg-user = De gebruikersnaam om mee in te loggen
cli-mail-setup-arg-from = Het adres waarvandaan de server verstuurt (meestal uw eigen adres)
cli-mail-setup-arg-tls = Hoe de verbinding versleuteld wordt: starttls (een gewone verbinding die naar TLS overschakelt voordat er iets verstuurd wordt, poort 587), implicit (TLS vanaf de eerste byte, poort 465) of none (alleen met --allow-plaintext-loopback, naar een lokale relay); standaard: implicit op poort 465, anders starttls
cli-mail-setup-arg-ca-file = Ook dit CA-certificaat (PEM) vertrouwen, voor een eigen mailserver van de praktijk
cli-mail-setup-arg-password-file = Het wachtwoord uit de eerste regel van BESTAND lezen (en in de sleutelbos bewaren) in plaats van ernaar te vragen
cli-mail-setup-arg-allow-plaintext-loopback = `--tls none` toestaan, alleen naar een relay op deze computer (127.0.0.1, ::1, localhost)
cli-mail-show-about = De instellingen van de mailserver tonen (nooit het wachtwoord) en wat nog wacht om verstuurd te worden
cli-mail-retry-about = De versleutelde e-mails versturen die nog in het postvak uit wachten
cli-mail-retry-arg-resend = Deze e-mail opnieuw versturen, ook al is hij misschien al bezorgd (nadat u bij de ontvanger hebt nagevraagd dat hij niet aankwam)
cli-mail-cancel-about = Stoppen met proberen een wachtende e-mail te versturen (het versleutelde bestand blijft tot de bewaartermijn voorbij is)
cli-mail-cancel-arg-message-id = De Message-ID van de e-mail, zoals `carepost mail show` die toont

## cli: fouten in de opdrachtregel

cli-error-unknown-argument = onverwacht argument '{ $arg }'
cli-error-unknown-command = onbekende opdracht '{ $command }'
cli-error-missing-argument = een verplicht argument ontbreekt: { $args }
cli-error-missing-command = `{ $command }` heeft een opdracht nodig
cli-error-invalid-value = '{ $value }' is geen geldige waarde voor { $arg }
cli-error-rejected-value = { $arg }: { $reason }
cli-error-conflict = { $arg } kan niet samen met { $other } gebruikt worden
cli-error-values = verkeerd aantal waarden voor { $arg }
cli-error-not-utf8 = een argument is geen geldige tekst (UTF-8)
cli-error-other = de opdrachtregel is niet te begrijpen
cli-hint-did-you-mean = bedoelde u { $suggestion }? Zie `{ $command } --help`
cli-hint-valid-values = gebruik een van: { $values }
cli-hint-usage = gebruik: { $usage }
cli-hint-help = zie `{ $command } --help`
cli-error-not-a-size = '{ $text }' is geen grootte zoals 500M of 4G
cli-error-unusable-size = '{ $text }' is geen bruikbare grootte
cli-error-not-a-date = '{ $text }' is geen datum zoals 2026-11-01
cli-error-not-a-port = '{ $text }' is geen poortnummer (1 tot 65535)

## cli: completions and the packaging commands

cli-completions-about = Toon het aanvulscript voor de shell: bash, zsh of fish
cli-completions-arg-shell = De shell waarin opdrachten en opties worden aangevuld: bash, zsh of fish
cli-manpages-about = Schrijf één man-pagina per opdracht in MAP (voor het bouwen van een pakket)
cli-manpages-arg-dir = Map waarin de bestanden komen (wordt aangemaakt als die nog niet bestaat)
cli-systemd-units-about = Schrijf de systemd-gebruikersunits voor het opruimen per uur in MAP (voor het bouwen van een pakket)
cli-systemd-units-arg-dir = Map waarin de bestanden komen (wordt aangemaakt als die nog niet bestaat)
cli-value-shell = SHELL

## passphrase

## publish wkd
cli-publish-about = De sleutels van de praktijk publiceren, zodat e-mailprogramma's ze op e-mailadres vinden
cli-publish-wkd-about = Een Web Key Directory schrijven voor de webserver van de praktijk: uw sleutel, en die van geverifieerde collega's als u ze noemt
cli-publish-wkd-arg-out = Map waarin de boom wordt geschreven (aangemaakt als die ontbreekt; bestanden van anderen erin blijven ongemoeid)
cli-publish-wkd-arg-domain = Het te publiceren domein (standaard: dat van uw e-mailadres); alleen adressen daarin worden gepubliceerd
cli-publish-wkd-arg-contact = Ook de sleutel van deze geverifieerde collega publiceren (herhaal voor meerdere)
cli-value-domain = DOMEIN
## readiness
cli-contact-check-about = Controleren of een contact klaar is om te ontvangen: geldigheid van de sleutel, versleutelingssleutels, berichtformaat, welke programma's het kunnen openen
cli-contact-check-arg-alias = De alias van het contact
cli-contact-check-after-help = Afsluitcode: 0 als het contact klaar is, 3 als send het zou weigeren (niet geverifieerd, ingetrokken, verlopen), 4 als de sleutel niet bruikbaar is.
## key discovery
cli-contact-find-about = Zoek een sleutel voor een e-mailadres (Web Key Directory, sleutelservers) zonder die toe te voegen
cli-contact-find-arg-address = Het e-mailadres om te zoeken
cli-contact-find-arg-ca-file = Vertrouw ook dit CA-certificaat (PEM) voor de certificaten van de servers
cli-contact-sources-about = Toon of stel in waar en in welke volgorde sleutels worden gezocht
cli-contact-sources-arg-set = De bronnen in volgorde, gescheiden door komma's: wkd, vks, vks:https://HOST, hkp:hkps://HOST[:POORT]

## key origin and refresh
cli-contact-add-arg-email = Zoek de sleutel op met het e-mailadres van het contact (Web Key Directory, sleutelservers)
cli-contact-add-arg-ca-file = Een CA-certificaat (PEM) om naast dat van het systeem te vertrouwen, voor het opzoeken
cli-contact-refresh-about = Haal de sleutels van contacten opnieuw op waar ze vandaan kwamen en voeg het nieuwe samen
cli-contact-refresh-arg-aliases = De contacten om te vernieuwen (standaard: alle contacten)
cli-contact-refresh-arg-ca-file = Een CA-certificaat (PEM) om naast dat van het systeem te vertrouwen
cli-contact-refresh-after-help = Afsluitstatus: 0 als alle sleutels in orde zijn; 3 als een sleutel is ingetrokken of een andere sleutel wordt aangeboden; 1 als een bron niet bereikbaar was. Gebeurt er meer tegelijk, dan de ergste: eerst 3, dan 1.

## key sources
cli-value-list = LIJST

## publish keyserver
cli-publish-keyserver-about = Uw publieke sleutel uploaden naar keys.openpgp.org (of --server), die u daarna een link mailt om uw adres te bevestigen
cli-publish-keyserver-arg-server = De sleutelserver (https://, Verifying Key Server-API); standaard https://keys.openpgp.org
cli-publish-keyserver-arg-ca-file = Een CA-certificaat (PEM) om te vertrouwen naast dat van het systeem
cli-value-url = URL
## versturen met een wachtwoord
cli-send-arg-password = Versturen met een wachtwoord dat u de ontvanger telefonisch doorgeeft, ook aan een contact met een sleutel (contacten zonder sleutel krijgen dit altijd)
cli-send-arg-format = Wat een ontvanger met wachtwoord krijgt: pdf (een versleutelde pdf die het gewone pdf-programma opent; standaard) of openpgp (een bericht dat GnuPG, Kleopatra of OpenKeychain met het wachtwoord opent)
cli-send-arg-password-told = Voor scripts: het wachtwoord wordt aan de ontvanger doorgegeven zonder dat carepost het vraagt (met --json staat het in het resultaat)
cli-value-pdf-openpgp = pdf|openpgp
## open --password
cli-open-arg-password = Voor een bericht dat met een wachtwoord is beveiligd: het wachtwoord in de terminal vragen (nooit op de opdrachtregel)
cli-open-arg-password-file = Voor een bericht dat met een wachtwoord is beveiligd: het wachtwoord lezen uit de eerste regel van FILE (alleen voor u leesbaar)
## contact add --no-key
cli-contact-add-arg-no-key = Een patiënt zonder OpenPGP-sleutel: documenten gaan met een wachtwoord dat u telefonisch doorgeeft (met --email wordt het adres bewaard om te versturen, niet opgezocht)
