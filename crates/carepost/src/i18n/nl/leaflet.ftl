## De patiëntenfolder om af te drukken (carepost leaflet): voor patiënten,
## eenvoudig en kort. Stappenlijsten hebben één stap per regel.

leaflet-title = Uw medische documenten veilig ontvangen
leaflet-intro = Uw praktijk stuurt u documenten, zoals brieven en uitslagen, per versleutelde e-mail. Alleen u kunt ze openen. In deze folder leest u hoe dat gaat en wat u controleert.
leaflet-patient = Deze folder is gemaakt voor: { $name }
leaflet-from-heading = Wie u documenten stuurt
leaflet-sender = Verstuurd door: { $name } ({ $email })
leaflet-practice = Praktijk: { $practice }
leaflet-reach = Hebt u een vraag? Neem contact op met: { $reach }
leaflet-reach-default = Hebt u een vraag? Neem contact op met de praktijk zoals u gewend bent.
leaflet-fingerprint-heading = De vingerafdruk van de praktijk
leaflet-fingerprint-intro = Een vingerafdruk is een code die hoort bij de sleutel van de praktijk, en bij niets anders. Is de code in uw programma, of de code die de praktijk aan de telefoon voorleest, gelijk aan die hieronder? Dan komen de documenten echt van uw praktijk.
leaflet-hex-label = In letters en cijfers
leaflet-words-label = In woorden (makkelijker voor te lezen)
leaflet-qr-caption = Met OpenKeychain op een Android-telefoon kunt u deze code scannen in plaats van de vingerafdruk over te typen.
leaflet-arrival-heading = Hoe de documenten bij u komen
leaflet-arrival = De documenten komen per e-mail, als bijlage. In de e-mail zelf staat niets over uw gezondheid. U kunt ze op twee manieren openen.
leaflet-path-key = U ontvangt documenten versleuteld voor uw eigen sleutel. De praktijk heeft deze vingerafdruk van uw sleutel genoteerd: { $fingerprint }
leaflet-path-password = U ontvangt documenten als pdf-bestand, beveiligd met een wachtwoord. De praktijk geeft u het wachtwoord telefonisch door.
leaflet-way-key-heading = Manier 1: met een versleutelingsprogramma (OpenPGP)
leaflet-way-key-intro = U maakt één keer uw eigen sleutel en stuurt uw publieke sleutel naar de praktijk. Daarna opent uw programma de documenten voor u. Kies het programma dat past bij uw computer of telefoon:
leaflet-app-kleopatra = Windows: Gpg4win (Kleopatra)
leaflet-steps-kleopatra =
    Installeer Gpg4win via gpg4win.org en open Kleopatra.
    Maak uw sleutel: Bestand → Nieuw OpenPGP-sleutelpaar, met uw naam en e-mailadres.
    Stuur uw publieke sleutel: klik met de rechtermuisknop op uw sleutel, kies Exporteren en mail het opgeslagen bestand naar de praktijk.
    Uw vingerafdruk: dubbelklik op uw sleutel. U ziet hem bij Vingerafdruk.
    Een document openen: sla de bijlage op en open die met Kleopatra (Ontsleutelen/verifiëren).
leaflet-app-thunderbird = Thunderbird (computer)
leaflet-steps-thunderbird =
    Maak uw sleutel: Accountinstellingen → End-to-end-versleuteling → Sleutel toevoegen → Een nieuwe OpenPGP-sleutel maken.
    Stuur uw publieke sleutel: kies in een nieuwe e-mail aan de praktijk OpenPGP → Mijn publieke sleutel bijvoegen.
    Uw vingerafdruk: die staat bij Accountinstellingen → End-to-end-versleuteling, bij uw sleutel.
    Een document openen: Thunderbird ontsleutelt de e-mail en de bijlage voor u.
leaflet-app-openkeychain = Android: OpenKeychain met K-9 Mail of Thunderbird
leaflet-steps-openkeychain =
    Installeer OpenKeychain, en K-9 Mail of Thunderbird voor Android.
    Kies in OpenKeychain: Mijn sleutel aanmaken.
    Open in de e-mailapp de accountinstellingen, dan End-to-end-versleuteling, en kies OpenKeychain.
    Stuur uw publieke sleutel: tik in OpenKeychain op uw sleutel, dan op Delen, en stuur hem per e-mail naar de praktijk.
    Uw vingerafdruk: tik in OpenKeychain op uw sleutel. U ziet hem daar.
leaflet-app-proton = Proton Mail
leaflet-steps-proton =
    Proton Mail maakt uw sleutel voor u.
    Stuur uw publieke sleutel: Instellingen → Versleuteling en sleutels → exporteer uw publieke sleutel, en mail het bestand naar de praktijk.
    Voeg de sleutel van de praktijk toe: open de praktijk in Contacten en upload bij de e-mailinstellingen de sleutel die de praktijk u stuurde.
    Uw vingerafdruk: die staat bij Instellingen → Versleuteling en sleutels, bij uw sleutel.
leaflet-app-mailvelope = Mailvelope (in uw webbrowser)
leaflet-steps-mailvelope =
    Voeg Mailvelope toe aan uw webbrowser (mailvelope.com) en maak uw sleutel bij Sleutelbeheer.
    Stuur uw publieke sleutel: Sleutelbeheer → uw sleutel → Exporteren, kies de publieke sleutel en mail het bestand naar de praktijk.
    Uw vingerafdruk: Sleutelbeheer → uw sleutel. U ziet hem bij de details.
    Een document openen: Mailvelope toont de e-mail in uw webmail. Voor een bijlage gebruikt u Bestandsversleuteling → Ontsleutelen.
leaflet-way-password-heading = Manier 2: zonder versleutelingsprogramma
leaflet-steps-password =
    De praktijk belt u en noemt een wachtwoord.
    Open de pdf-bijlage in uw gewone pdf-programma.
    Typ het wachtwoord als het programma erom vraagt.
leaflet-call-heading = Het telefoongesprek
leaflet-call =
    De praktijk belt u op het telefoonnummer in uw dossier.
    U leest uw vingerafdruk voor. Of de praktijk leest haar vingerafdruk voor en u vergelijkt die met deze folder.
    Lijkt er iets niet te kloppen? Hang op en bel de praktijk op het nummer dat u kent.
leaflet-call-never = De praktijk vraagt u nooit om een wachtwoord, pincode of code. Beantwoord de e-mail nooit met het wachtwoord.
leaflet-keeping-heading = Bewaren, en uw keuze
leaflet-keeping-sent = De praktijk bewaart haar versleutelde kopie van elk document dat zij u stuurt { $period } lang en verwijdert die daarna.
leaflet-keeping-received = Documenten die u naar de praktijk stuurt, worden { $period } na het openen uit dit systeem verwijderd.
leaflet-keeping-log = Een overzicht van wat wanneer is verstuurd, zonder de inhoud, wordt { $period } bewaard.
leaflet-keeping-record = Uw medisch dossier zelf wordt bewaard zoals de wet dat voorschrijft.
leaflet-store-safely = Bewaar de documenten die u ontvangt op een veilige plek, niet op een computer die u met anderen deelt, en verwijder ze als u ze niet meer nodig hebt.
leaflet-stop = U kunt altijd stoppen met het ontvangen van documenten op deze manier: laat de praktijk weten dat u uw toestemming intrekt.
leaflet-footer = Bewaar deze folder. Gemaakt op { $date } door uw praktijk.

## Wat de opdracht zegt.
leaflet-written = Folder geschreven naar { $path }. Druk hem af en geef hem persoonlijk aan de patiënt.
leaflet-written-for = Er staat in hoe de documenten bij dit contact komen: { $delivery }.
leaflet-delivery-key = versleuteld voor hun sleutel
leaflet-delivery-password = met een wachtwoord dat u telefonisch doorgeeft
leaflet-remembered = De praktijkgegevens zijn onthouden voor de volgende folders.
leaflet-text-invalid = { $option } moet één regel zijn van hoogstens { $max } tekens
