# carepost — la ligne de commande : l'aide de chaque commande et option, et
# les mots propres à clap. Voir en/cli.ftl pour la structure des ids.

## cli: les parties de chaque texte d'aide

cli-heading-usage = Utilisation :
cli-heading-commands = Commandes :
cli-heading-arguments = Arguments :
cli-heading-options = Options :
cli-usage-options = [OPTION]...
cli-value-command = COMMANDE
cli-arg-help = Afficher l'aide
cli-arg-version = Afficher la version
cli-help-about = Afficher ce message, ou l'aide de la commande indiquée

## cli: noms des valeurs

cli-value-action = ACTION
cli-value-address = ADRESSE
cli-value-alias = ALIAS
cli-value-date = DATE
cli-value-dir = DOSSIER
cli-value-duration = DURÉE
cli-value-email = E-MAIL
cli-value-file = FICHIER
cli-value-host = SERVEUR
cli-value-id = ID
cli-value-key-duration = TYPE=DURÉE
cli-value-lang = LANGUE
cli-value-message-id = MESSAGE-ID
cli-value-method = MÉTHODE
cli-value-mode = MODE
cli-value-name = NOM
cli-value-out-eml = SORTIE.eml
cli-value-port = PORT
cli-value-reason = MOTIF
cli-value-size = TAILLE
cli-value-text = TEXTE
cli-value-user = UTILISATEUR

## cli: carepost et ses options générales

cli-about = Envoyer des documents de consultation par e-mail, avec chiffrement OpenPGP de bout en bout, contacts vérifiés et durée de conservation
cli-after-help = Commencez par `carepost init --name NOM --email E-MAIL`, puis `carepost contact add`.
cli-global-arg-home = Dossier de données (par défaut : le dossier de données du système, p. ex. ~/.local/share/carepost ; variable d'environnement CAREPOST_HOME)
cli-global-arg-json = Donner le résultat sous forme d'un seul document JSON sur stdout
cli-global-arg-passphrase-file = Lire la phrase secrète de la clé sur la première ligne de FICHIER, au lieu du trousseau ou d'une question (variable d'environnement CAREPOST_PASSPHRASE_FILE)
cli-global-arg-no-keychain = Ne jamais utiliser le trousseau du système (variable d'environnement CAREPOST_NO_KEYCHAIN)
cli-global-arg-smtp-password-file = Lire le mot de passe du serveur de messagerie sur la première ligne de FICHIER, au lieu du trousseau ou d'une question (variable d'environnement CAREPOST_SMTP_PASSWORD_FILE)
cli-global-arg-lang = La langue : nl, fr ou en (par défaut : CAREPOST_LANG, puis les paramètres régionaux)

## cli: commandes

cli-init-about = Créer l'identité de ce dossier de données : votre paire de clés
cli-init-arg-name = Votre nom tel que vos contacts le verront, p. ex. "Dr A. Jansen"
cli-init-arg-email = Votre adresse e-mail

cli-whoami-about = Afficher votre nom, votre adresse e-mail et votre empreinte, à lire à vos contacts
cli-whoami-arg-qr = Afficher aussi l'empreinte sous forme de code QR (à scanner avec OpenKeychain)
cli-whoami-arg-qr-svg = Écrire le code QR dans FICHIER en image SVG, pour l'imprimer
cli-leaflet-about = Écrire un dépliant à imprimer pour les patients : votre empreinte et comment les documents leur parviennent
cli-leaflet-arg-for = Indiquer comment les documents parviennent à ce contact (avec sa clé, ou avec un mot de passe par téléphone) ; jamais son alias ni son e-mail
cli-leaflet-arg-name = Le nom du patient, imprimé sur le dépliant seulement si vous le donnez
cli-leaflet-arg-practice = Le nom de votre cabinet ; retenu pour les prochains dépliants (un TEXTE vide l'efface)
cli-leaflet-arg-reach = Qui les patients contactent pour leurs questions, par exemple un numéro de téléphone ; retenu pour les prochains dépliants (un TEXTE vide l'efface)
cli-leaflet-arg-output = Le fichier HTML à écrire (un fichier existant n'est jamais remplacé)

cli-export-key-about = Écrire votre clé publique, à donner à vos contacts
cli-export-key-arg-output = Écrire dans FICHIER au lieu de la sortie standard

cli-contact-about = Gérer les contacts : ajouter, rechercher, vérifier, contrôler, actualiser, lister, afficher, mettre à jour, supprimer
cli-contact-add-about = Importer la clé publique d'un contact sous un alias
cli-contact-add-arg-alias = Un pseudonyme : 1 à 64 caractères parmi a-z 0-9 . _ - (pas de nom de patient)
cli-contact-add-arg-key-file = Fichier contenant la clé publique du contact (ASCII-armored ou binaire)
cli-contact-add-arg-patient = Le contact est un patient (par défaut)
cli-contact-add-arg-colleague = Le contact est un confrère
cli-contact-list-about = Lister les contacts
cli-contact-show-about = Afficher un contact en détail
cli-contact-show-arg-alias = L'alias du contact
cli-contact-verify-about = Confirmer la clé d'un contact : il vous lit son empreinte
cli-contact-verify-arg-alias = L'alias du contact
cli-contact-verify-arg-fingerprint = L'empreinte telle que le contact l'a lue (hexadécimal ; espaces et deux-points acceptés)
cli-contact-verify-arg-words = L'empreinte en mots de la liste de mots PGP, tels que le contact les a lus
cli-contact-verify-arg-method = Comment vous l'avez entendue : phone (téléphone, par défaut), in-person (en personne) ou video (vidéo)
cli-contact-update-about = Remplacer la clé d'un contact par une plus récente
cli-contact-update-arg-alias = L'alias du contact
cli-contact-update-arg-key-file = Fichier contenant la nouvelle clé publique du contact
cli-contact-remove-about = Supprimer un contact
cli-contact-remove-arg-alias = L'alias du contact

cli-send-about = Chiffrer et signer des documents pour des contacts vérifiés
cli-send-arg-files = Les documents à envoyer (un fichier chiffré par document)
cli-send-arg-to = Un contact destinataire (à répéter pour plusieurs)
cli-send-arg-output-dir = Dossier des fichiers chiffrés (par défaut : la boîte d'envoi, Documents/carepost/outbox, ou outbox/ dans le dossier de données avec --home)
cli-send-arg-armor = Écrire du texte ASCII-armored (.asc) au lieu de binaire (.pgp)
cli-send-arg-keep-name = Garder aussi le vrai nom du document sur le fichier chiffré (il figure toujours à l'intérieur du chiffrement)
cli-send-arg-unverified-ok = Envoyer à des contacts non vérifiés, pour ce motif enregistré. Le motif reste des années dans le journal d'audit : n'y écrivez jamais le nom, l'adresse e-mail ni aucune autre donnée identifiante d'un patient
cli-send-arg-retain = Conserver les fichiers chiffrés aussi longtemps (p. ex. 30d) au lieu de la durée de conservation `sent`
cli-send-arg-eml = Écrire dans SORTIE.eml un seul e-mail chiffré (PGP/MIME) contenant tous les documents, au lieu d'un fichier chiffré par document
cli-send-arg-subject = L'objet de l'e-mail ; il ne voyage qu'à l'intérieur du chiffrement
cli-send-arg-message = Le texte de l'e-mail
cli-send-arg-message-file = Lire le texte de l'e-mail dans FICHIER (UTF-8)
cli-send-arg-smtp = Rédiger un e-mail chiffré (PGP/MIME) dans la boîte d'envoi et l'envoyer par le serveur de messagerie configuré avec `carepost mail setup`

cli-open-about = Déchiffrer un document reçu et vérifier qui l'a envoyé
cli-open-arg-file = Le fichier chiffré (.pgp, .gpg ou .asc), ou un e-mail reçu (.eml)
cli-open-arg-output-dir = Dossier du document (par défaut : les documents reçus du dossier de données)
cli-open-arg-require-verified-sender = Refuser les documents qui ne sont pas signés par un contact vérifié
cli-open-arg-max-size = Taille maximale du document à écrire, p. ex. 500M ou 4G (par défaut : 100 fois le fichier chiffré, au moins 1G)
cli-open-arg-retain = Conserver le document aussi longtemps (p. ex. 30d) au lieu de la durée de conservation de son type
cli-open-arg-view = Afficher le document dans une visionneuse sans l'enregistrer ; la copie est supprimée à la fermeture de la visionneuse ou après la durée de conservation `view`
cli-open-arg-sealed = Garder le document chiffré sous sa propre clé ; à expiration, la clé est détruite (lisez-le avec `carepost export ID`)
cli-open-arg-accept-unencrypted = Pour un e-mail non chiffré : enregistrer quand même ses pièces jointes
cli-open-arg-add-autocrypt = Pour un e-mail avec un en-tête Autocrypt : ajouter sa clé comme nouveau contact non vérifié ALIAS

cli-tour-about = Parcourir un échange complet entre un médecin et un patient, dans un dossier temporaire (rien de vos données n'est touché)

cli-retention-about = Afficher ou modifier la durée de conservation des documents
cli-retention-show-about = Afficher les durées de conservation
cli-retention-set-about = Modifier des durées de conservation, p. ex. `sent=30d received=7d` (types : sent, received, view, max, log ; unités : m, h, d, w, y)
cli-retention-set-arg-assignments = Une durée de conservation à modifier, p. ex. sent=30d

cli-purge-about = Supprimer les documents dont la durée de conservation est écoulée
cli-purge-arg-dry-run = Afficher ce qui serait supprimé, sans rien supprimer
cli-purge-arg-install-timer = Purger automatiquement toutes les heures (un minuteur systemd de l'utilisateur sous Linux)
cli-purge-arg-uninstall-timer = Arrêter la purge automatique toutes les heures
cli-purge-arg-quiet = Ne rien dire sauf si quelque chose demande votre attention (pour le minuteur)

cli-status-about = Afficher ce que ce dossier de données conserve, jusqu'à quand, et comment c'est protégé (aussi : `carepost doctor`)

cli-log-about = Afficher le journal d'audit, ou vérifier que personne ne l'a modifié
cli-log-arg-check = Vérifier tout le journal : code de sortie 0 s'il est intact, 4 s'il a été modifié
cli-log-arg-rebuild-state = Reconstruire la base d'état à partir du journal d'audit, après sa perte ou son remplacement par une copie plus ancienne : la tête du journal et les documents des documents reçus et de la boîte d'envoi (les contacts sont à ajouter à nouveau)
cli-log-arg-since = Seulement les entrées à partir de cette date ou de cette heure (p. ex. 2026-11-01)
cli-log-arg-action = Seulement les entrées de cette action (p. ex. send, open, verify, purge)
cli-log-arg-contact = Seulement les entrées concernant ce contact

cli-files-about = Lister les fichiers gérés par carepost, avec leur date d'expiration
cli-files-arg-all = Inclure les fichiers déjà supprimés, disparus ou modifiés
cli-files-release-about = Retirer un fichier de la gestion de carepost : il reste en place et n'est jamais supprimé
cli-files-release-arg-id = L'id du fichier (voir `carepost files`)
cli-files-delete-about = Supprimer un document dès maintenant, avant son expiration (seulement s'il n'a pas été modifié)
cli-files-delete-arg-id = L'id du fichier (voir `carepost files`)

cli-export-about = Déchiffrer un document scellé (voir `open --sealed`)
cli-export-arg-id = L'id du document scellé (voir `carepost files`)
cli-export-arg-output-dir = Dossier où l'écrire (par défaut : les documents reçus du dossier de données)
cli-export-arg-view = L'afficher dans une visionneuse au lieu de l'enregistrer

cli-mail-about = Configurer l'envoi par e-mail, et envoyer ce qui attend encore
cli-mail-setup-about = Enregistrer le serveur de messagerie par lequel envoyer ; le mot de passe va dans le trousseau du système
cli-mail-setup-arg-host = Le nom du serveur de messagerie, p. ex. smtp.example.be
cli-mail-setup-arg-port = Le port : 587 pour STARTTLS, 465 pour TLS implicite
cli-mail-setup-arg-user = Le nom d'utilisateur pour se connecter
cli-mail-setup-arg-from = L'adresse d'expédition à utiliser par le serveur (en général la vôtre)
cli-mail-setup-arg-tls = Comment la connexion est chiffrée : starttls (une connexion ordinaire qui passe en TLS avant tout envoi, port 587), implicit (TLS dès le premier octet, port 465) ou none (seulement avec --allow-plaintext-loopback, vers un relais local) ; par défaut : implicit sur le port 465, sinon starttls
cli-mail-setup-arg-ca-file = Faire aussi confiance à ce certificat d'AC (PEM), pour un serveur de messagerie propre au cabinet
cli-mail-setup-arg-password-file = Lire le mot de passe sur la première ligne de FICHIER (et le garder dans le trousseau) au lieu de le demander
cli-mail-setup-arg-allow-plaintext-loopback = Autoriser `--tls none`, seulement vers un relais sur cet ordinateur (127.0.0.1, ::1, localhost)
cli-mail-show-about = Afficher la configuration du serveur de messagerie (jamais le mot de passe) et ce qui attend d'être envoyé
cli-mail-retry-about = Envoyer les e-mails chiffrés qui attendent encore dans la boîte d'envoi
cli-mail-retry-arg-resend = Renvoyer cet e-mail bien qu'il ait peut-être déjà été remis (après avoir vérifié avec le destinataire qu'il n'est pas arrivé)
cli-mail-cancel-about = Ne plus essayer d'envoyer un e-mail en attente (son fichier chiffré reste jusqu'à la fin de sa durée de conservation)
cli-mail-cancel-arg-message-id = Le Message-ID de l'e-mail, tel que `carepost mail show` l'affiche

## cli: erreurs dans la ligne de commande

cli-error-unknown-argument = argument inattendu '{ $arg }'
cli-error-unknown-command = commande inconnue '{ $command }'
cli-error-missing-argument = un argument obligatoire manque : { $args }
cli-error-missing-command = `{ $command }` attend une commande
cli-error-invalid-value = '{ $value }' n'est pas une valeur valide pour { $arg }
cli-error-rejected-value = { $arg } : { $reason }
cli-error-conflict = { $arg } ne peut pas être utilisé avec { $other }
cli-error-values = nombre de valeurs incorrect pour { $arg }
cli-error-not-utf8 = un argument n'est pas du texte valide (UTF-8)
cli-error-other = la ligne de commande est incompréhensible
cli-hint-did-you-mean = vouliez-vous dire { $suggestion } ? Voir `{ $command } --help`
cli-hint-valid-values = utilisez l'une des valeurs : { $values }
cli-hint-usage = utilisation : { $usage }
cli-hint-help = voir `{ $command } --help`
cli-error-not-a-size = '{ $text }' n'est pas une taille comme 500M ou 4G
cli-error-unusable-size = '{ $text }' n'est pas une taille utilisable
cli-error-not-a-date = '{ $text }' n'est pas une date comme 2026-11-01
cli-error-not-a-port = '{ $text }' n'est pas un numéro de port (1 à 65535)

## cli: completions and the packaging commands

cli-completions-about = Afficher le script de complétion pour le shell : bash, zsh ou fish
cli-completions-arg-shell = Le shell dans lequel compléter les commandes et les options : bash, zsh ou fish
cli-manpages-about = Écrire une page de manuel par commande dans DOSSIER (pour construire un paquet)
cli-manpages-arg-dir = Dossier où écrire les fichiers (créé s'il n'existe pas encore)
cli-systemd-units-about = Écrire dans DOSSIER les unités utilisateur systemd de la purge horaire (pour construire un paquet)
cli-systemd-units-arg-dir = Dossier où écrire les fichiers (créé s'il n'existe pas encore)
cli-value-shell = SHELL

## passphrase

## publish wkd
cli-publish-about = Publier les clés du cabinet, pour que les programmes de messagerie les trouvent par adresse e-mail
cli-publish-wkd-about = Écrire un annuaire de clés web (WKD) pour le serveur web du cabinet : votre clé, et celles des confrères vérifiés que vous nommez
cli-publish-wkd-arg-out = Dossier où écrire l'arborescence (créé s'il manque ; les fichiers d'autres personnes qu'il contient sont laissés tels quels)
cli-publish-wkd-arg-domain = Le domaine à publier (par défaut : celui de votre adresse e-mail) ; seules les adresses de ce domaine sont publiées
cli-publish-wkd-arg-contact = Publier aussi la clé de ce confrère vérifié (à répéter pour plusieurs)
cli-value-domain = DOMAINE
## readiness
cli-contact-check-about = Vérifier si un contact est prêt à recevoir : validité de la clé, clés de chiffrement, format du message, programmes qui peuvent l'ouvrir
cli-contact-check-arg-alias = L'alias du contact
cli-contact-check-after-help = Code de sortie : 0 si le contact est prêt, 3 si send le refuserait (non vérifié, révoqué, expiré), 4 si sa clé est inutilisable.
## key discovery
cli-contact-find-about = Chercher une clé pour une adresse e-mail (Web Key Directory, serveurs de clés) sans l'ajouter
cli-contact-find-arg-address = L'adresse e-mail à chercher
cli-contact-find-arg-ca-file = Faire aussi confiance à ce certificat CA (PEM) pour les certificats des serveurs
cli-contact-sources-about = Afficher ou définir où et dans quel ordre les clés sont cherchées
cli-contact-sources-arg-set = Les sources dans l'ordre, séparées par des virgules : wkd, vks, vks:https://HÔTE, hkp:hkps://HÔTE[:PORT]

## key origin and refresh
cli-contact-add-arg-email = Rechercher la clé par l'adresse e-mail du contact (Web Key Directory, serveurs de clés)
cli-contact-add-arg-ca-file = Un certificat d'AC (PEM) à accepter en plus de ceux du système, pour la recherche
cli-contact-refresh-about = Récupérer à nouveau les clés des contacts là d'où elles viennent et fusionner les nouveautés
cli-contact-refresh-arg-aliases = Les contacts à actualiser (par défaut : tous)
cli-contact-refresh-arg-ca-file = Un certificat d'AC (PEM) à accepter en plus de ceux du système
cli-contact-refresh-after-help = Code de sortie : 0 si toutes les clés sont en ordre ; 3 si une clé est révoquée ou si une autre clé est proposée ; 1 si une source n'a pas pu être interrogée. Si plusieurs cas se présentent, le plus grave : d'abord 3, puis 1.

## key sources
cli-value-list = LISTE

## publish keyserver
cli-publish-keyserver-about = Envoyer votre clé publique à keys.openpgp.org (ou --server), qui vous envoie ensuite par e-mail un lien pour confirmer votre adresse
cli-publish-keyserver-arg-server = Le serveur de clés (https://, API Verifying Key Server) ; par défaut https://keys.openpgp.org
cli-publish-keyserver-arg-ca-file = Un certificat d'autorité (PEM) à accepter en plus de ceux du système
cli-value-url = URL
## envoi avec un mot de passe
cli-send-arg-password = Envoyer avec un mot de passe que vous dictez au destinataire par téléphone, même à un contact qui a une clé (les contacts sans clé le reçoivent toujours ainsi)
cli-send-arg-format = Ce que reçoit un destinataire avec mot de passe : pdf (un PDF chiffré que son programme PDF habituel ouvre ; par défaut) ou openpgp (un message que GnuPG, Kleopatra ou OpenKeychain ouvrent avec le mot de passe)
cli-send-arg-password-told = Pour les scripts : le mot de passe est dicté au destinataire sans que carepost le demande (avec --json, le résultat le contient)
cli-value-pdf-openpgp = pdf|openpgp
## open --password
cli-open-arg-password = Pour un message protégé par un mot de passe : demander le mot de passe dans le terminal (jamais sur la ligne de commande)
cli-open-arg-password-file = Pour un message protégé par un mot de passe : lire le mot de passe sur la première ligne de FILE (lisible par vous seul)
## contact add --no-key
cli-contact-add-arg-no-key = Un patient sans clé OpenPGP : les documents sont envoyés avec un mot de passe que vous dictez par téléphone (avec --email, l'adresse est conservée pour l'envoi, sans recherche)
