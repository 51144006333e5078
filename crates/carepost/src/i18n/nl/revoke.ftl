## Uw identiteit intrekken en vervangen door een nieuwe sleutel (init --replace).

## cli: revoke
cli-revoke-about = Trek uw sleutel definitief in (laptop kwijt of gestolen, nieuwe sleutel, stoppen): contacten die de ingetrokken sleutel krijgen, kunnen er niet meer naar versturen
cli-revoke-arg-reason = Waarom: compromised (iemand anders heeft de sleutel misschien), superseded (een nieuwe sleutel vervangt hem) of retired (niet meer in gebruik)
cli-revoke-arg-message = Een korte uitleg in de intrekking, die contacten kunnen lezen (geen namen van patiënten)
cli-revoke-arg-output = Schrijf de ingetrokken publieke sleutel naar FILE (standaard: revoked-public-key.asc in de map identity)
cli-revoke-arg-yes = Intrekken zonder om bevestiging te vragen (voor scripts; dit kan niet ongedaan worden gemaakt)

## init: het intrekkingsbestand
init-revocation-file =
    Uw intrekkingscertificaat: { $path }
      Bewaar een kopie buiten deze computer (afgedrukt, of op een USB-stick in de kluis van de praktijk):
      als de laptop kwijt is, kunt u daarmee uw sleutel intrekken, ook zonder wachtwoordzin.

## revoke
revoke-reason-compromised = gecompromitteerd (iemand anders heeft de sleutel misschien)
revoke-reason-superseded = vervangen (door een nieuwe sleutel)
revoke-reason-retired = buiten gebruik
revoke-reason-unspecified = geen reden opgegeven (de intrekking die bij het maken van de sleutel werd gemaakt)
revoke-confirm =
    Hiermee trekt u uw sleutel { $fingerprint } definitief in: dit kan niet ongedaan worden gemaakt.
    U kunt er daarna niet meer mee versturen (documenten die ernaar gestuurd zijn, kunt u nog openen).
    Intrekken? [j/N]
revoke-yes = j, ja, y, yes
revoke-done = Uw sleutel is ingetrokken: { $reason }.
revoke-already = Uw sleutel was al ingetrokken: { $reason }.
revoke-public-key = De ingetrokken publieke sleutel staat in: { $path }
revoke-next-steps =
    Volgende stappen:
      1. Stuur de ingetrokken sleutel naar uw contacten, zodat hun carepost en e-mailprogramma hem niet meer gebruiken.
      2. Waar hij gepubliceerd was:  carepost publish wkd   (opnieuw)
      3. Maak uw nieuwe sleutel:     carepost init --replace --name "Uw Naam" --email u@voorbeeld.be
revoke-used-init = Uw sleutel kon niet worden ontgrendeld ({ $reason }): het intrekkingscertificaat van bij het maken van de sleutel is gebruikt; het vermeldt geen reden.
revoke-file-missing = het intrekkingscertificaat (identity/revocation.asc) is er niet
revoke-file-not-for-key = het intrekkingscertificaat trekt deze sleutel niet in
revoke-status-label = Ingetrokken:
revoke-status-value = ja: { $reason }
revoke-status-hint = Deze sleutel is ingetrokken: carepost verstuurt er niet meer mee. Maak een nieuwe met: carepost init --replace --name NAAM --email E-MAIL

## fouten en tips
error-identity-revoked = Uw sleutel { $fingerprint } is ingetrokken ({ $reason }): carepost verstuurt er niet meer mee.
hint-identity-revoked = Maak een nieuwe sleutel in deze map met: carepost init --replace --name "Uw Naam" --email u@voorbeeld.be — uw contacten blijven, en documenten voor de oude sleutel gaan nog open.
error-revocation-unusable = Uw sleutel kon niet worden ontgrendeld, en het intrekkingscertificaat is niet bruikbaar: { $reason }.
hint-revocation-unusable = Ontgrendel de sleutel (--passphrase-file FILE, of de sleutelbos), of zet de kopie van revocation.asc die u buiten deze computer bewaarde terug in de map identity, en voer daarna carepost revoke opnieuw uit.
error-revoke-needs-yes = Een sleutel intrekken kan niet ongedaan worden gemaakt, en er is niemand aan een terminal om te bevestigen.
hint-revoke-needs-yes = Voer het uit in een terminal, of voeg --yes toe als u het zeker weet.
error-replace-not-revoked = Uw sleutel { $fingerprint } is niet ingetrokken: een nieuwe sleutel vervangt alleen een ingetrokken sleutel.
hint-replace-not-revoked = Trek hem eerst in: carepost revoke --reason superseded (of compromised als de laptop kwijt of gestolen is).

## init --replace
cli-init-arg-replace = Maak een nieuwe sleutel in de plaats van uw ingetrokken sleutel: contacten blijven, wie u bevestigde blijft bevestigd, documenten voor de oude sleutel gaan nog open
replace-done = Uw nieuwe identiteit is aangemaakt: { $name } <{ $email }>
replace-old-key = Ze vervangt uw ingetrokken sleutel { $fingerprint }, die in deze map alleen bewaard blijft om documenten te openen die ernaar gestuurd zijn.
replace-verified-again = { $count ->
    [one] 1 bevestigd contact werd opnieuw bevestigd met de nieuwe sleutel: het blijft bevestigd.
   *[other] { $count } bevestigde contacten werden opnieuw bevestigd met de nieuwe sleutel: ze blijven bevestigd.
}
replace-transition = Verklaring van sleutelovergang, ondertekend met uw oude en uw nieuwe sleutel: { $path }
    Stuur ze met uw nieuwe sleutel naar uw contacten: met gpg (gpg --verify) kunnen ze nagaan dat uw oude sleutel instaat voor de nieuwe.
replace-no-transition-compromised = Uw oude sleutel is misschien in andere handen, dus staat hij niet in voor de nieuwe: elk contact moet uw nieuwe vingerafdruk telefonisch bevestigen (carepost whoami).
replace-no-transition = Uw oude sleutel kon niet worden ontgrendeld, dus kan hij niet instaan voor de nieuwe: elk contact moet uw nieuwe vingerafdruk telefonisch bevestigen (carepost whoami).
replace-old-key-own-passphrase = Uw oude sleutel blijft bewaard met zijn eigen wachtwoordzin (die werd niet gegeven): documenten die ernaar gestuurd zijn, gaan pas open als die wachtwoordzin bekend is.
replace-next-steps =
    Volgende stappen:
      1. Stuur uw nieuwe publieke sleutel naar uw contacten:   carepost export-key -o mijn-nieuwe-sleutel.asc
      2. Lees uw nieuwe vingerafdruk telefonisch voor:         carepost whoami
      3. Waar uw sleutel gepubliceerd was:                     carepost publish wkd   (opnieuw)

## contact update --transition
cli-contact-update-arg-transition = Een verklaring van sleutelovergang van het contact, ondertekend met zijn oude en zijn nieuwe sleutel: de nieuwe sleutel blijft bevestigd omdat de oude, bevestigde sleutel ervoor instaat
transition-accepted = De nieuwe sleutel van "{ $alias }" is aanvaard: de oude, bevestigde sleutel staat ervoor in in de verklaring van sleutelovergang. Het contact blijft bevestigd.
transition-not-verified = "{ $alias }" is niet bevestigd: alleen een bevestigde sleutel kan instaan voor een nieuwe
transition-same-key = het sleutelbestand bevat de sleutel die carepost al heeft
transition-bad-signatures = de verklaring is niet ondertekend met zowel de oude als de nieuwe sleutel
transition-wrong-keys = de verklaring noemt andere sleutels dan de oude sleutel van dit contact en de aangeboden nieuwe
error-transition-refused = De nieuwe sleutel is niet aanvaard: { $reason }. Er is niets gewijzigd.
hint-transition-refused = Werk de sleutel bij zonder de verklaring (carepost contact update ALIAS --key-file FILE), bel daarna het contact en controleer de nieuwe vingerafdruk: carepost contact verify ALIAS
transition-old-compromised = de oude sleutel van "{ $alias }" werd ingetrokken als gecompromitteerd (of zonder reden), dus kan hij niet instaan voor een nieuwe
