# carepost report: de verantwoording van de praktijk over dit kanaal.

cli-report-about = De verantwoording van de praktijk opstellen: wat er wordt verwerkt, waar, hoe lang, welke risico's zijn aanvaard en welke maatregelen zijn genomen
cli-report-arg-output = Het rapport naar FILE schrijven: .html (een pagina die op A4 afdrukt) of .md (Markdown); zonder deze optie gaat het rapport naar de standaarduitvoer
cli-report-arg-since = Alleen meetellen wat er vanaf deze datum gebeurde (bijv. 2026-01-01)
cli-report-arg-contact = Alles vermelden wat er met de gegevens van dit ene contact is gedaan, voor een patiënt die erom vraagt
cli-report-arg-evaluate-on = De datum instellen waarop de praktijk deze maatregelen opnieuw evalueert (JJJJ-MM-DD)
cli-report-arg-verification-age = Contacten vermelden van wie de verificatie ouder is dan dit aantal dagen (standaard: 730)
cli-value-days = DAGEN

report-written = Rapport geschreven naar { $path }.
report-unknown-form = { $path } eindigt niet op .html of .md: carepost schrijft het rapport als HTML-pagina of als Markdown.
report-evaluate-past = De evaluatiedatum { $date } ligt in het verleden: geef een datum vanaf vandaag.
report-not-a-day = ‘{ $text }’ is geen datum: schrijf die als JJJJ-MM-DD, bijv. 2027-12-01.
report-status-risks = Aanvaarde risico's:
report-status-risks-value = { $count ->
    [0] geen
    [one] één, op { $last }
   *[other] { $count }, het laatste op { $last }
}
report-status-risk-line = { $date }: { $contacts } — ‘{ $reason }’

report-title = Verantwoording: versleutelde e-mail voor medische documenten
report-subtitle = Opgesteld op { $date }. Periode: { $period }.
report-period-value = { $from } tot { $to }
report-period-empty = nog niets vastgelegd (tot { $to })
report-never = nooit

report-application-title = 1. De toepassing
report-application-purpose = carepost stuurt na een consult medische documenten naar patiënten en collega's, van begin tot eind versleuteld en ondertekend, en opent de documenten die zij terugsturen. Het werkt op de eigen computer van de praktijk en gebruikt de eigen e-mail van de praktijk.
report-application-version = Versie
report-application-formats = Formaten die het maakt
report-application-backend = Cryptografie
report-application-backend-value = Sequoia OpenPGP, { $backend }
report-application-supplier = Leverancier
report-application-supplier-value = opensourcesoftware, licentie { $licence }
report-application-period = Periode
report-format-openpgp-message = OpenPGP-berichten (versleutelde en ondertekende bestanden)
report-format-pgp-mime-email = PGP/MIME-e-mail
report-format-pdf-aes-256 = pdf met wachtwoord (AES-256)
report-format-openpgp-password = OpenPGP-bericht dat met een wachtwoord opent

report-data-title = 2. Verwerkte persoonsgegevens
report-data-intro = Alleen aantallen: dit onderdeel bevat geen namen, aliassen, bestandsnamen of inhoud van documenten. Elk document telt één keer per ontvanger.
report-data-patients = Patiënten in het adresboek
report-data-patients-value = { $with_key } met een sleutel, { $without_key } zonder sleutel (wachtwoord telefonisch doorgegeven)
report-data-colleagues = Collega's in het adresboek
report-data-colleagues-value = { $with_key } met een sleutel, { $without_key } zonder sleutel
report-data-sent = Verstuurde documenten
report-data-sent-value = { $key } met de sleutel van de ontvanger, { $password } met een wachtwoord
report-data-refused = Verzendingen die carepost weigerde
report-data-opened = Ontvangen en geopende documenten
report-data-opened-value = { $key } met de sleutel van de praktijk, { $password } met een wachtwoord
report-data-viewed = Documenten bekeken zonder op te slaan
report-size-caption = Documenten naar grootte
report-size-what = Documenten
report-size-small = kleiner dan 1 MiB
report-size-medium = 1 tot 10 MiB
report-size-large = groter dan 10 MiB
report-size-sent = verstuurd
report-size-opened = geopend
report-size-viewed = bekeken

report-copies-title = 3. Waar kopieën staan en hoe lang
report-copies-intro = carepost verwijdert elke kopie die het maakt zodra de bewaartermijn afloopt. Ontvangen documenten kunnen verzegeld bewaard worden: versleuteld met een eigen sleutel, alleen via carepost leesbaar.
report-copies-sent = Verstuurde documenten (postvak uit) bewaard gedurende
report-copies-received = Geopende documenten (ontvangen) bewaard gedurende
report-copies-view = Kopieën om te bekijken bewaard gedurende
report-copies-max = Langste toegestane bewaartermijn
report-copies-log = Auditlog bewaard gedurende
report-copies-outbox = Map postvak uit
report-copies-inbox = Map ontvangen documenten
report-copies-sealed = Map met verzegelde documenten
report-copies-kept = Nu bewaarde documenten
report-copies-kept-value = { $sent } verstuurd, { $received } geopend, { $view } om te bekijken, { $sealed } verzegeld
report-copies-overdue = Over hun bewaartermijn, nog niet verwijderd
report-copies-deleted = Tot nu toe door carepost verwijderd
report-copies-missing = Verdwenen voordat carepost ze verwijderde
report-copies-changed = Bewaard omdat ze gewijzigd zijn nadat carepost ze schreef
report-copies-released = Door een gebruiker uit het beheer van carepost gehaald
report-copies-timer = Geplande verwijdering
report-timer-installed = ingesteld: verlopen documenten worden verwijderd, ook als niemand carepost gebruikt
report-timer-missing = niet ingesteld: verlopen documenten worden alleen verwijderd als carepost wordt gebruikt
report-copies-volume = Gegevens op een versleutelde schijf
report-copies-hint-purge = Zet de geplande verwijdering aan met ‘carepost purge --install-timer’, zodat geen document langer blijft staan dan de bewaartermijn.
report-copies-hint-volume = Bewaar de gegevens van carepost op een versleutelde schijf (BitLocker, FileVault of LUKS), zodat een verloren laptop geen documenten prijsgeeft.

report-risks-title = 4. Aanvaarde risico's
report-risks-intro = Dit onderdeel noemt de betrokken contacten: het is bedoeld voor de praktijk, niet om te publiceren.
report-risks-unverified-caption = Documenten verstuurd naar een contact van wie de sleutel niet geverifieerd was, met de opgegeven reden
report-risks-expiring-caption = Sleutels die binnen { $days } dagen niet meer werken
report-risks-stale-caption = Sleutels die al meer dan { $days } dagen niet opnieuw zijn opgehaald of vervangen
report-risks-old-caption = Verificaties ouder dan { $days } dagen
report-risks-none = Geen.
report-col-date = Datum
report-col-contacts = Contacten
report-col-contact = Contact
report-col-reason = Opgegeven reden
report-col-documents = Documenten
report-col-expires = Sleutel geldig tot
report-col-refreshed = Sleutel laatst bijgewerkt
report-col-sends = Documenten verstuurd in de periode
report-col-verified = Geverifieerd op
report-col-what = Wat er gebeurde
report-col-path = Hoe
report-col-hash = Document (SHA-256)
report-col-size = Grootte

report-measures-title = 5. Genomen maatregelen
report-measures-encryption = Versleuteling
report-measures-encryption-value = altijd aan: elk document vertrekt versleuteld, en dat kan niet worden uitgezet
report-measures-signing = Handtekening
report-measures-signing-value = elk verstuurd document is ondertekend met de sleutel van de praktijk
report-measures-verified = Contacten met een sleutel, geverifieerd per telefoon, persoonlijk of per video
report-measures-verified-value = { $verified } geverifieerd, { $unverified } niet geverifieerd
report-measures-sends = Documenten met een sleutel verstuurd in de periode
report-measures-sends-value = { $verified } naar geverifieerde contacten, { $overridden } naar niet-geverifieerde contacten met een reden
report-measures-audit = Auditlog
report-measures-identity = Sleutel van de praktijk geldig tot
report-measures-keychain = Wachtzin in de sleutelbos van het systeem
report-audit-intact = { $count ->
    [one] intact: één regel gecontroleerd, niet gewijzigd
   *[other] intact: { $count } regels gecontroleerd, geen enkele gewijzigd
}
report-audit-broken = GEWIJZIGD: { $problem }
report-audit-hint = De auditlog is buiten carepost gewijzigd. Bewaar een kopie van de gegevensmap zoals die nu is en neem contact op met uw IT-ondersteuning.

report-informed-title = 6. Hoe patiënten worden geïnformeerd
report-informed-intro = Patiënten krijgen een folder die uitlegt hoe documenten hen bereiken en wat er wordt bewaard, en hun wordt om toestemming gevraagd.
report-informed-leaflets = Gemaakte patiëntenfolders
report-informed-leaflets-by-language = Folders per taal
report-informed-consent = Toestemming
report-informed-consent-value = { $given } keer gegeven, { $withdrawn } keer ingetrokken
report-informed-consent-now = Toestemming van patiënten nu
report-informed-consent-now-value = gegeven: { $given }, ingetrokken: { $withdrawn }, niet vastgelegd: { $missing }

report-evaluation-title = 7. Evaluatie
report-evaluation-date = Volgende evaluatie van deze maatregelen
report-evaluation-source = Gekozen datum
report-evaluation-set = ingesteld door de praktijk
report-evaluation-default = één jaar na het eerste rapport ({ $first })
report-evaluation-audit = Controle van de auditlog
report-evaluation-passed = De evaluatiedatum { $date } is verstreken: bespreek de maatregelen in dit rapport met het team en stel daarna de volgende datum in met ‘carepost report --evaluate-on JJJJ-MM-DD’.

report-contact-title = Wat de praktijk met uw gegevens heeft gedaan
report-contact-subtitle = Contact { $alias }. Opgesteld op { $date }. Periode: { $period }.
report-contact-details = Contact
report-contact-kind = Soort
report-contact-removed = uit het adresboek verwijderd
report-contact-key = Sleutel
report-contact-no-key = geen sleutel: documenten worden verstuurd met een wachtwoord dat telefonisch wordt doorgegeven
report-contact-verified = Sleutel geverifieerd op
report-contact-consent-now = Toestemming nu
report-contact-events = Documenten en toestemming
report-contact-intro = Elk document wordt aangeduid met zijn SHA-256-vingerafdruk: carepost bewaart de inhoud en de bestandsnaam niet.
report-contact-none = In deze periode is niets vastgelegd.
report-action-send = verstuurd
report-action-open = ontvangen en geopend
report-action-view = bekeken zonder op te slaan
report-action-purge = verwijderd
report-action-consent-give = toestemming gegeven
report-action-consent-withdraw = toestemming ingetrokken
report-action-contact-remove = uit het adresboek verwijderd
report-outcome-refused = { $action } (geweigerd)
report-outcome-failed = { $action } (mislukt)
report-path-key = met de sleutel
report-path-password = met een wachtwoord
