# carepost — Nederlandse teksten.
# Ontbrekende berichten vallen terug op het Engels (en/).

label-error = fout:
label-hint = tip:
label-warning = waarschuwing:

## dates
date-month = { $month ->
        [1] jan.
        [2] feb.
        [3] mrt.
        [4] apr.
        [5] mei
        [6] jun.
        [7] jul.
        [8] aug.
        [9] sep.
        [10] okt.
        [11] nov.
       *[12] dec.
    }
date-day = { $day } { $month } { $year }
date-day-time = { $day } { $month } { $year }, { $time }

## folders
send-attach-from = In het bijlagevenster van uw mailprogramma staat het bestand in { $folder } (om die map te openen: { $command })
open-show-command = Openen met: { $command }
status-outbox = Postvak uit:
status-inbox = Ontvangen documenten:
open-folder-command = Map openen met: { $command }
