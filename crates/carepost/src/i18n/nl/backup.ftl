## Backup and restore: carrying the home to another computer with a recovery code.

## Command-line help
cli-backup-about = Schrijf een versleutelde back-up van uw identiteit, contacten en logboek, te openen met een herstelcode die één keer getoond wordt
cli-backup-arg-output = Het back-upbestand om te schrijven (een nieuw bestand; nooit over een bestaand bestand)
cli-backup-arg-recovery-code-file = Schrijf de herstelcode naar dit nieuwe bestand (alleen u kunt het lezen) in plaats van ze te tonen, voor scripts
cli-backup-arg-with-documents = Neem ook de documenten mee die carepost bewaart (inbox, outbox, vergrendelde documenten); zonder deze optie blijven ze op deze computer
cli-restore-about = Zet een back-up van `carepost backup` terug in een lege map op deze computer
cli-restore-arg-file = Het back-upbestand
cli-restore-arg-recovery-code-file = Lees de herstelcode van de eerste regel van dit bestand in plaats van ernaar te vragen

## backup
backup-written = Back-up geschreven naar { $file }: { $contacts } contacten ({ $verified } geverifieerd), { $documents } documenten.
backup-code-intro = Uw herstelcode (wordt alleen nu getoond):
backup-code-keep = Schrijf ze nu op of druk ze af, en bewaar ze apart van het back-upbestand: wie beide heeft, kan zich als u voordoen. Zonder de code kan niemand de back-up openen, ook u niet.
backup-code-in-file = De herstelcode staat in { $path }. Bewaar dat bestand apart van het back-upbestand.
backup-next = Op de nieuwe computer: `carepost restore BESTAND` (zie "Naar een nieuwe computer verhuizen" in de handleiding).

## restore
restore-prompt-code = Herstelcode:
restore-code-typo-again = Die code bevat een tikfout (een teken is fout, ontbreekt of is te veel). Typ ze opnieuw, zoals opgeschreven.
restore-done = Teruggezet in { $home }: de back-up van { $date }, { $contacts } contacten ({ $verified } nog steeds geverifieerd), logboek met { $records } regels, aangevuld met een regel "teruggezet".
restore-documents = { $count ->
        [one] { $count } document is met de back-up meegekomen.
       *[other] { $count } documenten zijn met de back-up meegekomen.
    }
restore-documents-left = { $count ->
        [one] { $count } bewaard document is op de oude computer gebleven: deze map toont het als vrijgegeven (`carepost files --all`) en wist nooit iets in de plaats ervan; carepost op de oude computer wist het op tijd.
       *[other] { $count } bewaarde documenten zijn op de oude computer gebleven: deze map toont ze als vrijgegeven (`carepost files --all`) en wist nooit iets in de plaats ervan; carepost op de oude computer wist ze op tijd.
    }
restore-next = Controleer met `carepost status` en `carepost log --check`. Wis op de oude computer de map pas als u hebt nagekeken dat deze werkt.

## status
backup-status-label = Laatste back-up:
backup-status-never = nooit
backup-status-overdue = de laatste back-up dateert van { $date }: maak een nieuwe met `carepost backup -o BESTAND`
backup-status-none-yet = van deze identiteit is hier nog geen back-up gemaakt: maak er een met `carepost backup -o BESTAND`

## Why a backup does not open
backup-no-manifest = er staat geen leesbare beschrijving van de inhoud in
backup-no-key = er staat geen leesbare geheime sleutel in
backup-no-state = er staat geen database met gegevens in
backup-fingerprint-differs = de sleutel erin is niet de identiteit die de back-up noemt
backup-log-head-differs = het logboek erin eindigt niet waar de back-up zegt
backup-verifications-differ = bij het maken waren { $expected } contacten geverifieerd, nu kloppen er { $found } verificaties
backup-unexpected-entry = er staat iets in dat nooit in een back-up van carepost staat
backup-cut-short = het bestand is afgebroken

## Errors and hints
error-backup-code-typo = de herstelcode bevat een tikfout: een teken is fout, ontbreekt of is te veel
hint-backup-code-typo = typ de code opnieuw precies zoals opgeschreven, in zeven groepjes van vier (hoofdletters of kleine letters, met streepjes of spaties)
error-backup-wrong-code = deze herstelcode opent deze back-up niet
hint-backup-wrong-code = de code is geldig maar hoort bij een andere back-up; elke back-up heeft een eigen code, getoond bij het maken
error-backup-no-code = er is een herstelcode nodig om de back-up te openen
hint-backup-no-code = start `carepost restore BESTAND` in een terminal om ze te typen, of geef --recovery-code-file F
error-backup-damaged = de back-up kan niet gelezen worden: { $reason }
hint-backup-damaged = het bestand is beschadigd of gewijzigd; er is niets teruggezet. Gebruik een andere kopie van de back-up, of maak een nieuwe op de oude computer
error-backup-newer-format = de back-up is gemaakt met een nieuwere carepost (formaat { $version })
hint-backup-newer-format = installeer de versie van carepost van de oude computer, of nieuwer, en zet opnieuw terug
error-backup-inconsistent = de back-up klopt niet: { $reason }
error-backup-home-not-empty = de map { $path } is niet leeg
hint-backup-home-not-empty = zet terug in een nieuwe of lege map: kies een andere --home, of verplaats die map eerst
error-backup-other-identity = deze map bevat al een andere identiteit ({ $home }); de back-up is van { $backup }
hint-backup-other-identity = zet terug in een nieuwe map met --home; één map bevat één identiteit
error-backup-same-identity = deze map bevat deze identiteit al ({ $fingerprint }); er is niets teruggezet
error-backup-same-identity-older = deze map bevat deze identiteit al ({ $fingerprint }), en het logboek ervan gaat verder dan de back-up (tot regel { $home }; de back-up stopt bij { $backup }): de back-up is ouder dan deze map
hint-backup-same-identity = blijf deze map gebruiken; zet alleen terug op een computer die ze nog niet heeft
