# carepost — textes en français.

## dates
date-month = { $month ->
        [1] janv.
        [2] févr.
        [3] mars
        [4] avr.
        [5] mai
        [6] juin
        [7] juil.
        [8] août
        [9] sept.
        [10] oct.
        [11] nov.
       *[12] déc.
    }
date-day = { $day } { $month } { $year }
date-day-time = { $day } { $month } { $year }, { $time }

## folders
send-attach-from = Dans la fenêtre de pièce jointe de votre messagerie, le fichier se trouve dans { $folder } (pour ouvrir ce dossier : { $command })
open-show-command = Pour l'ouvrir : { $command }
status-outbox = Boîte d'envoi :
status-inbox = Documents reçus :
open-folder-command = Pour ouvrir le dossier : { $command }
