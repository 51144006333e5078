## Backup and restore: carrying the home to another computer with a recovery code.

## Command-line help
cli-backup-about = Écrire une sauvegarde chiffrée de votre identité, de vos contacts et du journal, ouverte par un code de récupération affiché une seule fois
cli-backup-arg-output = Le fichier de sauvegarde à écrire (un nouveau fichier ; jamais par-dessus un fichier existant)
cli-backup-arg-recovery-code-file = Écrire le code de récupération dans ce nouveau fichier (lisible par vous seul) au lieu de l'afficher, pour les scripts
cli-backup-arg-with-documents = Inclure les documents que carepost garde (réception, envoi, documents verrouillés) ; sans cette option, ils restent sur cet ordinateur
cli-restore-about = Restaurer une sauvegarde faite avec `carepost backup` dans un dossier vide de cet ordinateur
cli-restore-arg-file = Le fichier de sauvegarde
cli-restore-arg-recovery-code-file = Lire le code de récupération sur la première ligne de ce fichier au lieu de le demander

## backup
backup-written = Sauvegarde écrite dans { $file } : { $contacts } contacts ({ $verified } vérifiés), { $documents } documents.
backup-code-intro = Votre code de récupération (affiché cette seule fois) :
backup-code-keep = Notez-le ou imprimez-le maintenant, et gardez-le à part du fichier de sauvegarde : qui a les deux peut agir en votre nom. Sans le code, personne ne peut ouvrir la sauvegarde, pas même vous.
backup-code-in-file = Le code de récupération est dans { $path }. Gardez ce fichier à part du fichier de sauvegarde.
backup-next = Sur le nouvel ordinateur : `carepost restore FICHIER` (voir « Passer à un nouvel ordinateur » dans le guide).

## restore
restore-prompt-code = Code de récupération :
restore-code-typo-again = Ce code contient une faute de frappe (un caractère faux, manquant ou en trop). Tapez-le à nouveau, tel que noté.
restore-done = Restauré dans { $home } : la sauvegarde du { $date }, { $contacts } contacts ({ $verified } toujours vérifiés), journal de { $records } entrées, complété par une entrée « restauré ».
restore-documents = { $count ->
        [one] { $count } document est revenu avec la sauvegarde.
       *[other] { $count } documents sont revenus avec la sauvegarde.
    }
restore-documents-left = { $count ->
        [one] { $count } document conservé est resté sur l'ancien ordinateur : ce dossier l'affiche comme libéré (`carepost files --all`) et ne supprime jamais rien à sa place ; carepost sur l'ancien ordinateur le supprime à temps.
       *[other] { $count } documents conservés sont restés sur l'ancien ordinateur : ce dossier les affiche comme libérés (`carepost files --all`) et ne supprime jamais rien à leur place ; carepost sur l'ancien ordinateur les supprime à temps.
    }
restore-next = Vérifiez avec `carepost status` et `carepost log --check`. Sur l'ancien ordinateur, supprimez le dossier seulement après avoir vérifié que celui-ci fonctionne.

## status
backup-status-label = Dernière sauvegarde :
backup-status-never = jamais
backup-status-overdue = la dernière sauvegarde date du { $date } : faites-en une nouvelle avec `carepost backup -o FICHIER`
backup-status-none-yet = aucune sauvegarde de cette identité n'a encore été faite ici : faites-en une avec `carepost backup -o FICHIER`

## Why a backup does not open
backup-no-manifest = elle ne contient pas de description lisible de son contenu
backup-no-key = elle ne contient pas de clé secrète lisible
backup-no-state = elle ne contient pas de base de données
backup-fingerprint-differs = la clé qu'elle contient n'est pas l'identité qu'elle annonce
backup-log-head-differs = le journal qu'elle contient ne s'arrête pas là où elle l'annonce
backup-verifications-differ = { $expected } contacts étaient vérifiés à sa création, { $found } vérifications sont valables maintenant
backup-unexpected-entry = elle contient quelque chose qu'une sauvegarde carepost ne contient jamais
backup-cut-short = le fichier est tronqué

## Errors and hints
error-backup-code-typo = le code de récupération contient une faute de frappe : un caractère faux, manquant ou en trop
hint-backup-code-typo = tapez le code à nouveau exactement tel que noté, en sept groupes de quatre (majuscules ou minuscules, tirets ou espaces)
error-backup-wrong-code = ce code de récupération n'ouvre pas cette sauvegarde
hint-backup-wrong-code = le code est bien formé mais appartient à une autre sauvegarde ; chaque sauvegarde a son propre code, affiché à sa création
error-backup-no-code = il faut un code de récupération pour ouvrir la sauvegarde
hint-backup-no-code = lancez `carepost restore FICHIER` dans un terminal pour le taper, ou donnez --recovery-code-file F
error-backup-damaged = la sauvegarde ne peut pas être lue : { $reason }
hint-backup-damaged = le fichier est abîmé ou a été modifié ; rien n'a été restauré. Utilisez une autre copie de la sauvegarde, ou faites-en une nouvelle sur l'ancien ordinateur
error-backup-newer-format = la sauvegarde a été faite par une version plus récente de carepost (format { $version })
hint-backup-newer-format = installez la version de carepost de l'ancien ordinateur, ou plus récente, et restaurez à nouveau
error-backup-inconsistent = la sauvegarde n'est pas cohérente : { $reason }
error-backup-home-not-empty = le dossier { $path } n'est pas vide
hint-backup-home-not-empty = restaurez dans un dossier nouveau ou vide : choisissez un autre --home, ou déplacez d'abord ce dossier
error-backup-other-identity = ce dossier contient déjà une autre identité ({ $home }) ; la sauvegarde est celle de { $backup }
hint-backup-other-identity = restaurez dans un nouveau dossier avec --home ; un dossier contient une seule identité
error-backup-same-identity = ce dossier contient déjà cette identité ({ $fingerprint }) ; rien n'a été restauré
error-backup-same-identity-older = ce dossier contient déjà cette identité ({ $fingerprint }), et son journal va plus loin que la sauvegarde (jusqu'à l'entrée { $home } ; la sauvegarde s'arrête à { $backup }) : la sauvegarde est plus ancienne que ce dossier
hint-backup-same-identity = continuez avec ce dossier ; ne restaurez que sur un ordinateur qui ne l'a pas encore
