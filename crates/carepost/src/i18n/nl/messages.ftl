# carepost — Nederlandse teksten.
# Ontbrekende berichten vallen terug op het Engels (en/).

label-error = fout:
label-hint = tip:
label-warning = waarschuwing:

## completions
cli-completions = Toon het aanvulscript voor de shell: bash, zsh of fish
cli-completions-shell = De shell waarin opdrachten en opties worden aangevuld
cli-manpages = Schrijf één man-pagina per opdracht in DIR (voor het bouwen van een pakket)
cli-systemd-units = Schrijf de systemd-gebruikersunits voor het opruimen per uur in DIR (voor het bouwen van een pakket)
cli-generate-dir = Map waarin de bestanden komen (wordt aangemaakt als die nog niet bestaat)
