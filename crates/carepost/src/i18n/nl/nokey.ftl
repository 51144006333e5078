## Patiënten zonder sleutel: documenten gaan met een wachtwoord dat u telefonisch doorgeeft.
nokey-no-key = geen sleutel: documenten gaan met een wachtwoord dat u telefonisch doorgeeft
nokey-origin-none = geen sleutel
nokey-show-key = Sleutel:
nokey-show-email = E-mail (om te versturen):
nokey-added = Patiënt "{ $alias }" toegevoegd zonder sleutel: documenten gaan met een wachtwoord dat u telefonisch doorgeeft.
nokey-added-email = E-mailadres (om te versturen, niet opgezocht): { $email }
nokey-added-next =
    Een document versturen: carepost send BESTAND --to { $alias }
    carepost maakt er een wachtwoord bij; lees het de patiënt voor aan de telefoon, nooit per e-mail.
    Heeft de patiënt later een sleutel: carepost contact update { $alias } --key-file BESTAND
nokey-add-how = Geef aan hoe u het contact toevoegt: --key-file BESTAND, --email ADRES om de sleutel op te zoeken, of --no-key voor een patiënt zonder sleutel.
nokey-add-choices =
    Hoe wilt u "{ $alias }" toevoegen?
      1  met een sleutelbestand dat u van deze persoon kreeg
      2  de sleutel opzoeken met het e-mailadres
      3  zonder sleutel (een patiënt: documenten gaan met een wachtwoord dat u telefonisch doorgeeft)
nokey-add-choose = Kies 1, 2 of 3:
nokey-add-ask-file = Sleutelbestand:
nokey-add-ask-email = E-mailadres:
nokey-add-ask-email-optional = E-mailadres om te versturen (leeg laten voor geen):
nokey-add-bad-choice = Antwoord 1, 2 of 3. Er is niets toegevoegd.
nokey-key-added = Sleutel toegevoegd voor "{ $alias }": documenten voor deze persoon worden nu met deze sleutel versleuteld. Nog niet geverifieerd.
nokey-check-delivery = Bezorging:
nokey-check-delivery-password = een wachtwoord dat u telefonisch doorgeeft
nokey-check-ready = "{ $alias }" heeft geen sleutel: carepost stuurt een document met een wachtwoord, en u leest dat wachtwoord voor aan de telefoon.
nokey-refresh-skipped = er is geen sleutel om te vernieuwen: documenten gaan met een wachtwoord per telefoon (een sleutel toevoegen: carepost contact update ALIAS --key-file BESTAND)
nokey-key-already-attached = "{ $alias }" heeft al een sleutel (tegelijk toegevoegd door een ander carepost-commando); er is niets veranderd
nokey-status-label = Zonder sleutel:
nokey-status-count = { $count ->
        [one] 1 patiënt (documenten met een wachtwoord per telefoon)
       *[other] { $count } patiënten (documenten met een wachtwoord per telefoon)
    }
error-nokey-send = "{ $alias }" heeft geen sleutel: een document voor deze persoon kan niet met een sleutel worden versleuteld
hint-nokey-send = verstuur het met een wachtwoord dat u telefonisch doorgeeft: carepost send BESTAND --to { $alias } --password
error-nokey-colleague = een collega heeft altijd een sleutel nodig: --no-key is alleen voor patiënten
hint-nokey-colleague = voeg de collega toe met diens sleutel: carepost contact add ALIAS --colleague --key-file BESTAND (of --email ADRES)
error-nokey-verify = "{ $alias }" heeft geen sleutel om te verifiëren: documenten gaan met een wachtwoord per telefoon
hint-nokey-verify = heeft deze persoon een sleutel, voeg die dan toe met: carepost contact update { $alias } --key-file BESTAND, en verifieer hem telefonisch
error-nokey-publish = "{ $alias }" heeft geen sleutel om te publiceren
hint-nokey-publish = een Web Key Directory bevat alleen sleutels: laat dit contact weg bij --contact
error-nokey-has-key = "{ $alias }" heeft al een sleutel
hint-nokey-has-key = om die door een nieuwere te vervangen: carepost contact update { $alias } --key-file BESTAND
