# carepost — versturen met een wachtwoord dat u telefonisch doorgeeft (patiënten zonder sleutel).

## Weigeringen

error-password-mixed = sommige ontvangers krijgen het document versleuteld met hun sleutel ({ $with_key }) en sommige met een wachtwoord ({ $without_key }); carepost mengt die twee niet in één verzending
hint-password-mixed = verstuur apart, bijvoorbeeld eerst: carepost send BESTAND --to { $alias }; of voeg --password toe om iedere ontvanger een wachtwoord te sturen (elk apart)
error-password-several = een wachtwoord is voor één ontvanger, doorgegeven in één telefoongesprek; deze verzending heeft er meerdere: { $aliases }
hint-password-several = verstuur naar elk van hen apart: carepost send BESTAND --to ALIAS, één opdracht (en één nieuw wachtwoord) per ontvanger
error-password-armor-pdf = --armor geldt alleen voor de openpgp-vorm; de pdf-vorm is altijd een pdf-bestand
hint-password-armor-pdf = laat --armor weg, of voeg --format openpgp toe
error-password-format-key = --format geldt alleen bij versturen met een wachtwoord; deze ontvangers hebben een sleutel en krijgen een OpenPGP-bericht
hint-password-format-key = laat --format weg, of voeg --password toe om met een wachtwoord te versturen
error-password-unverified-ok = --unverified-ok geldt niet bij versturen met een wachtwoord: er wordt geen sleutel gebruikt, dus er is geen controle om over te slaan; het wachtwoord dat u telefonisch doorgeeft is de bescherming
hint-password-unverified-ok = laat --unverified-ok weg; om naar de sleutel van dit contact te versturen, laat u --password weg en controleert u eerst de sleutel: carepost contact verify ALIAS
error-password-json-needs-told = met --json kan niemand bevestigen dat het wachtwoord aan de patiënt is doorgegeven
hint-password-json-needs-told = voeg --password-told toe als uw script het wachtwoord doorgeeft (het veld "password" van het resultaat bevat het), of laat --json weg en beantwoord de vraag
error-sendpw-needs-terminal = carepost moet vragen of u het wachtwoord aan de patiënt hebt doorgegeven, maar er is niemand aan een terminal om te antwoorden; er is niets verstuurd
hint-sendpw-needs-terminal = voer de opdracht uit in een terminal, of voeg --password-told toe als u het wachtwoord zult doorgeven (het wordt één keer getoond)
error-password-mail-text = de e-mail aan een ontvanger zonder sleutel is niet versleuteld, daarom schrijft carepost de tekst zelf: --subject en --message worden niet gebruikt
hint-password-mail-text = laat --subject en --message weg; het document zelf is beschermd met het wachtwoord
error-password-not-told = niet bevestigd dat het wachtwoord is doorgegeven: er is niets verstuurd en de beveiligde bestanden zijn verwijderd
hint-password-not-told = verstuur opnieuw wanneer u de patiënt kunt bellen; carepost maakt dan een nieuw wachtwoord (dit wachtwoord is voorgoed weg)

## Het wachtwoord, één keer getoond

sendpw-frame-title = Wachtwoord voor { $alias }
sendpw-read-now = Lees het nu voor aan de patiënt, woord voor woord.
sendpw-shown-once = carepost toont het alleen deze ene keer en bewaart geen kopie.
sendpw-confirm = Hebt u het wachtwoord aan { $alias } doorgegeven? [j/N]
sendpw-yes = j, ja, y, yes
sendpw-not-told = Er is niets verstuurd.

## Resultaten

sendpw-done = Beveiligd: { $input } → { $output } voor { $alias } (met een wachtwoord, { $format })
sendpw-copy = Uw eigen kopie (opent met uw sleutel): { $copy }
sendpw-signed-pdf = { $input } heeft een digitale handtekening: het gaat ongewijzigd mee, als bijlage in de beveiligde pdf, omdat opnieuw versleutelen de handtekening zou breken.
sendpw-not-pdf = { $input } is geen pdf: het zit als bijlage in de beveiligde pdf, achter een voorblad dat uitlegt hoe de patiënt het bewaart.
sendpw-next-step-pdf = Stuur het pdf-bestand naar de patiënt, bijvoorbeeld als bijlage bij een e-mail. De patiënt opent het met het gewone pdf-programma en typt het wachtwoord. Stuur het wachtwoord nooit per e-mail.
sendpw-next-step-openpgp = Stuur het bestand naar de patiënt, bijvoorbeeld als bijlage bij een e-mail. De patiënt opent het met GnuPG, Kleopatra of OpenKeychain en typt het wachtwoord. Stuur het wachtwoord nooit per e-mail.
sendpw-eml-done = E-mail voor { $alias } met { $count ->
    [one] één document
   *[other] { $count } documenten
  } beveiligd met het wachtwoord: { $output }. carepost verwijdert de e-mail op { $expires }.
sendpw-eml-next-step = De e-mail zelf is gewoon, niet versleuteld; alleen het bijgevoegde document is beveiligd, met het wachtwoord dat u hebt doorgegeven.

## De e-mail aan de patiënt (formeel, geen persoonsgegevens, geen diagnose)

sendpw-mail-subject = Een document van uw zorgverlener
sendpw-mail-text =
    Geachte heer, mevrouw,

    { $count ->
        [one] Bijgevoegd vindt u een document
       *[other] Bijgevoegd vindt u { $count } documenten
    } van { $sender }. { $count ->
        [one] Het is
       *[other] Ze zijn
    } beveiligd met een wachtwoord.

    U wordt door ons gebeld, of bent al gebeld, en krijgt dan dit wachtwoord van ons te horen.

    { $format ->
        [openpgp] Om de bijlage te openen, gebruikt u GnuPG, Kleopatra (Windows) of OpenKeychain (Android) en typt u het wachtwoord wanneer daarom wordt gevraagd.
       *[other] Om de bijlage te openen, opent u die met uw gewone pdf-programma (bijvoorbeeld Adobe Reader, uw webbrowser of de pdf-lezer van uw telefoon) en typt u het wachtwoord wanneer daarom wordt gevraagd.
    }

    Stuur het wachtwoord nooit terug in een antwoord op deze e-mail, en geef het niet aan iemand die u erover belt: wij vragen er nooit om.

    Wij verwijderen onze kopie van deze e-mail na { $days } dagen.

    Met vriendelijke groet,
    { $sender }

## De controle voor verzending, voor de e-mail aan een patiënt zonder sleutel

gate-password-mail-text = het eerste deel van de e-mail is geen gewone tekst
gate-password-mail-attachment = bijlage { $number } is geen versleutelde pdf en geen versleuteld OpenPGP-bericht
