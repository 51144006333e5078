# Een met een wachtwoord beveiligd OpenPGP-bericht openen: open --password, --password-file.

prompt-message-password = Wachtwoord voor dit bericht (de afzender heeft het u telefonisch gegeven):
open-password-not-needed = uw eigen sleutel opent dit bericht: het wachtwoord is niet nodig
open-password-not-protected = dit bericht is niet met een wachtwoord beveiligd: uw sleutel opent het, het wachtwoord wordt niet gebruikt
open-password-not-for-email = --password en --password-file openen één met een wachtwoord beveiligd bestand, geen e-mail
message-wrong-password = het wachtwoord opent dit bericht niet
hint-message-wrong-password = controleer het wachtwoord telefonisch bij de afzender en typ het opnieuw; klopt het, dan is het bestand misschien beschadigd: vraag het opnieuw op
error-password-file = het wachtwoordbestand { $path } is niet bruikbaar: { $reason }
hint-password-file = het wachtwoord wordt gelezen uit de eerste regel van het bestand; maak het bestand alleen voor uzelf leesbaar
error-password-needs-terminal = --password vraagt het wachtwoord in een terminal, en die is er hier niet
hint-password-needs-terminal = zet het wachtwoord op de eerste regel van een bestand dat alleen u kunt lezen en geef --password-file BESTAND
error-password-empty = er is geen wachtwoord getypt
hint-password-empty = typ het wachtwoord dat de afzender u gaf, of gebruik --password-file BESTAND

# open FILE.pdf --password: een pdf met wachtwoord controleren.
open-pdf-opens = Het wachtwoord opent deze pdf ({ $pages ->
    [one] 1 pagina
   *[other] { $pages } pagina's
}).
open-pdf-metadata-clear = Let op: de titel en andere gegevens van deze pdf zijn niet versleuteld.
open-pdf-no-attachments = Er zijn geen bestanden bijgevoegd.
open-pdf-attachment = Bijgevoegd bestand: { $name } ({ $size })
open-pdf-nothing-written = Er is niets opgeslagen: dit controleert alleen het bestand. De patiënt opent het in het eigen pdf-programma met hetzelfde wachtwoord.
