## De met een wachtwoord beveiligde pdf voor patiënten zonder sleutel:
## foutmeldingen, en het voorblad van de bijlagevorm (in de taal van de patiënt).

error-pdf-empty = het document is leeg (0 bytes); er is niets om te beveiligen
hint-pdf-empty = controleer of het document volledig is opgeslagen of geëxporteerd en verstuur het dan opnieuw
error-pdf-too-large = het document is { $size }, meer dan de { $limit } die een met een wachtwoord beveiligde pdf kan bevatten
hint-pdf-too-large = verstuur een kleiner bestand (bij een scan: een lagere resolutie, of één pagina per bestand); mailproviders weigeren grote berichten toch
error-pdf-already-encrypted = deze pdf is al met een wachtwoord beveiligd
hint-pdf-already-encrypted = sla in het laboratoriumsysteem een onbeveiligde kopie op en verstuur die
error-pdf-damaged = deze pdf is beschadigd en kan niet worden gelezen: { $reason }
hint-pdf-damaged = sla het document opnieuw op of exporteer het opnieuw vanuit het programma dat het maakte, en verstuur dan de nieuwe kopie
pdf-damaged-truncated = het bestand houdt te vroeg op, dus er ontbreekt een deel
pdf-damaged-no-pages = het heeft geen pagina's
pdf-damaged-unreadable = de opbouw is kapot (technisch detail: { $details })
error-pdf-wrong-password = het wachtwoord opent deze pdf niet
hint-pdf-wrong-password = typ het wachtwoord precies zoals het is doorgegeven, woorden gescheiden door één spatie; elke verzending heeft een eigen wachtwoord
error-pdf-not-encrypted = deze pdf is niet met een wachtwoord beveiligd
hint-pdf-not-encrypted = open hem met een willekeurig pdf-programma; --password is alleen voor pdf's die carepost met een wachtwoord heeft beveiligd
error-pdf-not-pdf = dit bestand is geen pdf
hint-pdf-not-pdf = --password opent met een wachtwoord beveiligde pdf's en OpenPGP-berichten; controleer of u het juiste bestand hebt gekozen

pdf-cover-title = Een document dat veilig aan u is verstuurd
pdf-cover-intro = Het bestand hieronder is aan deze pdf toegevoegd, precies zoals het is verstuurd. Het kan niet als eigen pagina worden getoond.
pdf-cover-intro-signed = Het document hieronder heeft een digitale handtekening. Om die handtekening geldig te houden, is het precies zoals het is verstuurd aan deze pdf toegevoegd.
pdf-cover-file = Bestand: { $name }
pdf-cover-size = Grootte: { $size }
pdf-cover-how-title = Zo bewaart u het bestand
pdf-cover-how = Op een computer: open het paneel met bijlagen (het paperclip-pictogram) en sla het bestand op. Open het daarna zoals elk ander bestand.
pdf-cover-how-phone = Op een telefoon of tablet: tik op de paperclip of op de bijlage en kies dan Opslaan of Delen.
pdf-cover-image = De afbeelding staat hieronder ook.
pdf-cover-attachment-description = Het bijgevoegde document
pdf-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
pdf-size-kb = { $number } KB
pdf-size-mb = { $number } MB
pdf-size-decimal-separator = ,
