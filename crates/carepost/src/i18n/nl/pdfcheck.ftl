## Een met een wachtwoord beveiligde pdf controleren (`open BESTAND.pdf --password`):
## wat de controle stopt voordat het wachtwoord wordt geprobeerd.

error-pdfcheck-empty = { $path } is leeg (0 bytes); er is geen pdf om te controleren
hint-pdfcheck-empty = het bestand is niet volledig aangekomen of opgeslagen; sla de bijlage uit de e-mail opnieuw op en controleer die kopie (carepost bewaart de verstuurde pdf in het postvak uit)
error-pdfcheck-too-large = { $path } is { $size }, meer dan de { $limit } die carepost controleert; geen pdf die carepost beveiligt, is zo groot
hint-pdfcheck-too-large = dit is geen pdf die carepost met een wachtwoord heeft verstuurd; controleer of u het juiste bestand hebt (de pdf's die carepost verstuurde, staan in het postvak uit)
