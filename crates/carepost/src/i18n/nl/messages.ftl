# carepost — Nederlandse teksten.
# Ontbrekende berichten vallen terug op het Engels (en/).

label-error = fout:
label-hint = tip:
label-warning = waarschuwing:
