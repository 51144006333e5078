## Toestemming: de patiënt hoort vooraf wat dit kanaal is en zijn toestemming wordt vastgelegd.
consent-how-verbal = mondeling
consent-how-written = schriftelijk
consent-how-portal = via het patiëntenportaal
consent-note-empty = De notitie bij de toestemming is leeg: laat --note weg of schrijf op wat u wilt bewaren. Er is niets vastgelegd.
consent-note-too-long = De notitie bij de toestemming is langer dan { $max } tekens. Er is niets vastgelegd.
error-consent-missing = Niet verstuurd: voor "{ $alias }" is geen toestemming vastgelegd. Documenten gaan pas naar een patiënt nadat die over dit kanaal is ingelicht en heeft ingestemd.
hint-consent-missing =
    Vertel de patiënt wat dit kanaal is en wat de grenzen zijn (carepost contact add toont de tekst) en leg daarna vast hoe hij of zij instemde:
    carepost contact consent { $alias } --give verbal   (of written, portal)
error-consent-withdrawn = Niet verstuurd: "{ $alias }" heeft de toestemming op { $date } ingetrokken. Via dit kanaal wordt niets meer naar deze patiënt gestuurd.
hint-consent-withdrawn =
    De patiënt trok de toestemming in op { $date }. Leg alleen opnieuw toestemming vast als de patiënt daar zelf om vraagt:
    carepost contact consent { $alias } --give verbal   (of written, portal)
error-consent-colleague = "{ $alias }" is een collega: toestemming wordt alleen voor patiënten vastgelegd.
hint-consent-colleague = Voor collega's is geen toestemming nodig: laat --consent weg, of voeg het contact toe zonder --colleague als het een patiënt is.
consent-given-done = Toestemming vastgelegd voor "{ $alias }": { $how } gegeven op { $date }.
consent-withdrawn-done = Toestemming ingetrokken voor "{ $alias }" op { $date }: carepost stuurt deze patiënt niets meer tot er opnieuw toestemming is. Documenten die al verstuurd zijn, blijven bewaard zoals voorheen.
consent-missing-note = Voor "{ $alias }" is geen toestemming vastgelegd: carepost weigert iets te sturen tot u die vastlegt met: carepost contact consent { $alias } --give verbal (of written, portal)
consent-show-label = Toestemming:
consent-show-note = Notitie bij toestemming:
consent-show-given = { $how } gegeven op { $date }
consent-show-withdrawn = ingetrokken op { $date }: er wordt niets naar deze patiënt gestuurd
consent-show-missing = niet vastgelegd: er kan nog niets naar deze patiënt gestuurd worden
consent-list-missing = (nog geen toestemming)
consent-list-withdrawn = (toestemming ingetrokken)
consent-explain =
    Vertel de patiënt, voordat er op deze manier documenten naar hem of haar gaan:
      - carepost verstuurt de documenten per e-mail of als bestand, versleuteld: alleen de patiënt (en u) kan ze openen.
      - Aan een e-mail is wel te zien wie aan wie schrijft, en wanneer; de onderwerpregel zegt niets over de patiënt.
      - Zonder eigen sleutel komt een document met een wachtwoord dat u telefonisch doorgeeft, nooit per e-mail.
      - De patiënt kan hier altijd mee stoppen door het de praktijk te laten weten; wat al verstuurd is, blijft zoals het is.
      - Liever een andere manier (op papier, in de praktijk)? Dat kan ook.
consent-ask-choices =
    Hoe heeft "{ $alias }" ingestemd?
      1  mondeling (tijdens het consult of telefonisch)
      2  schriftelijk (een ondertekend formulier)
      3  via het patiëntenportaal
      4  nog niet (er kan niets naar deze patiënt tot u het vastlegt)
consent-ask-choose = Kies 1, 2, 3 of 4:
consent-ask-bad-choice = Antwoord met 1, 2, 3 of 4. Er is niets toegevoegd.
cli-contact-consent-about = Leg vast dat een patiënt instemt met documenten via dit kanaal (--give), of de toestemming intrekt (--withdraw)
cli-contact-consent-arg-alias = De alias van de patiënt
cli-contact-consent-arg-give = Hoe de patiënt instemde, nadat u over het kanaal vertelde: verbal (mondeling), written (schriftelijk) of portal (portaal)
cli-contact-consent-arg-withdraw = De patiënt trekt de toestemming in: er wordt niets meer gestuurd
cli-contact-consent-arg-note = Een notitie bij de vastlegging, in uw eigen woorden (komt niet in het logboek)
cli-contact-consent-after-help = Afsluitstatus: 2 voor een collega (toestemming is alleen voor patiënten). Versturen naar een patiënt zonder toestemming, of nadat die is ingetrokken, wordt geweigerd met afsluitstatus 3.
cli-contact-add-arg-consent = Hoe de patiënt instemde, nadat u over het kanaal vertelde: verbal (mondeling), written (schriftelijk) of portal (portaal); weggelaten wordt het aan de terminal gevraagd
cli-contact-add-arg-consent-note = Een notitie bij de toestemming (komt niet in het logboek)
cli-value-how = HOE
tour-consent = De patiënt hoorde wat dit kanaal is en stemde in; carepost legt dat vast: carepost contact consent p-0042 --give verbal
