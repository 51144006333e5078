# carepost — textes en français.
# Toutes les phrases que carepost affiche en français ; elles traduisent en/messages.ftl.
# Les messages absents ici s'affichent en anglais.
# Style : dire ce qui s'est passé, puis quoi faire. Pas de jargon qu'un médecin n'emploierait pas.

## Libellés

label-error = erreur :
label-hint = conseil :
label-warning = avertissement :

## Ce que faisait carepost quand une erreur d'entrée/sortie s'est produite
# Ces fragments sont insérés dans error-io ; ils portent leur « de » / « d' ».

io-create = de créer
io-create-dir = de créer le dossier
io-inspect = d'examiner
io-read = de lire
io-resolve = de déterminer le chemin complet de
io-write = d'écrire

## Erreurs

error-io = impossible { $action } { $path } : { $reason }
error-unsafe-permissions = d'autres utilisateurs peuvent lire ou modifier { $path } (droits { $mode }) ; carepost ne l'utilisera pas
error-foreign-owner = { $path } appartient à un autre utilisateur ; carepost ne l'utilisera pas
error-state = la base de données d'état de carepost est inutilisable : { $reason }
error-no-home-dir = impossible de trouver un dossier de données pour carepost sur ce système
error-no-identity = ce dossier de données carepost n'a pas encore d'identité
error-identity-exists = ce dossier de données carepost a déjà une identité ({ $fingerprint })
error-no-passphrase = aucune phrase secrète n'est disponible pour déverrouiller votre clé
error-wrong-passphrase = cette phrase secrète ne déverrouille pas votre clé
error-passphrase-file = impossible d'utiliser le fichier de phrase secrète { $path } : { $reason }
error-passphrase-mismatch = les deux phrases secrètes saisies sont différentes
error-keychain = le trousseau du système est inutilisable : { $reason }
error-keychain-missing-entry = le trousseau du système ne contient pas de phrase secrète pour cette identité
error-identity-unusable = la clé de votre identité est inutilisable : { $reason }
error-invalid-name = le nom doit compter de 1 à 128 caractères, sans caractères de contrôle ni chevrons
error-invalid-email = « { $email } » n'est pas une adresse e-mail que carepost peut utiliser
error-invalid-alias = « { $alias } » n'est pas un alias valide
error-contact-not-found = il n'y a pas de contact « { $alias } »
error-contact-revoked = selon la nouvelle copie de la clé de « { $alias } », son propriétaire l'a RÉVOQUÉE. carepost a enregistré la révocation : plus rien ne peut être envoyé à cette clé
error-alias-taken = il existe déjà un contact « { $alias } »
error-cert-already-stored = cette clé figure déjà dans vos contacts sous l'alias « { $alias } » ({ $fingerprint })
error-key-file = impossible de lire le fichier de clé { $path } : { $reason }
error-not-interactive = carepost a besoin d'une réponse, mais personne n'est devant un terminal pour la donner : { $what }
error-usage = { $reason }
error-internal = erreur interne : { $reason }

## Pourquoi une clé n'a pas été acceptée

cert-secret-key-material = ce fichier contient une clé SECRÈTE. carepost ne conserve pas les clés secrètes des autres, et rien de ce fichier n'a été gardé
cert-none = le fichier ne contient aucune clé OpenPGP
cert-several = le fichier contient { $count } clés ; carepost importe exactement une clé par contact
cert-malformed = le fichier n'est pas une clé OpenPGP lisible : { $reason }
cert-revoked = cette clé a été révoquée par son propriétaire
cert-expired = cette clé a expiré le { $date }
cert-not-yet-valid = cette clé n'est pas encore valide (sa date de création est dans le futur)
cert-no-encryption-key = cette clé ne permet pas de chiffrer (elle n'a pas de sous-clé de chiffrement valide)
cert-too-weak = cette clé est trop faible pour des données médicales : { $reason }
cert-no-user-id = cette clé ne contient ni nom ni adresse e-mail
cert-is-own = c'est votre propre clé
weak-dsa = elle utilise DSA, que carepost refuse quelle que soit la taille
weak-elgamal = elle utilise ElGamal, que carepost refuse quelle que soit la taille
weak-rsa = sa clé RSA fait { $bits } bits ; il en faut au moins { $minimum }

## Conseils

hint-chmod = limitez-en l'accès à vous seul avec : { $command }
hint-foreign-owner = utilisez un dossier de données carepost qui vous appartient (--home DIR)
hint-run-init = créez d'abord votre identité : carepost init --name "Votre Nom" --email vous@example.org
hint-identity-exists = `carepost whoami` l'affiche ; pour repartir de zéro, utilisez un autre --home
hint-no-passphrase = lancez carepost dans un terminal pour la saisir, ou donnez --passphrase-file FILE (ou définissez CAREPOST_PASSPHRASE_FILE)
hint-wrong-passphrase = vérifiez le fichier de phrase secrète ou réessayez ; la phrase secrète est celle choisie lors de `carepost init`
hint-passphrase-file = la phrase secrète est lue sur la première ligne du fichier
hint-keychain-missing-entry = si vous avez choisi vous-même votre phrase secrète lors de `carepost init`, donnez-la avec --passphrase-file FILE
hint-invalid-name = par exemple : --name "Dr A. Jansen"
hint-invalid-email = par exemple : --email a.jansen@praktijk.nl
hint-invalid-alias = utilisez de 1 à 64 caractères parmi a-z 0-9 . _ - (sans commencer par - ou .), et aucun nom de patient : par exemple p-0042 ou gp-bakker
hint-contact-list = affichez vos contacts avec : carepost contact list
hint-alias-taken = choisissez un autre alias, ou remplacez la clé de ce contact avec : carepost contact update { $alias } --key-file FILE
hint-cert-already-stored = utilisez le contact existant « { $alias } », ou supprimez-le d'abord avec : carepost contact remove { $alias }
hint-cert-secret-key-material = demandez au contact d'envoyer sa clé PUBLIQUE (dans GPG4Win/Kleopatra : Exporter ; dans OpenKeychain : Partager la clé), et dites-lui de ne communiquer sa clé secrète à personne
hint-cert-ask-for-new-key = demandez au contact sa clé publique actuelle
hint-cert-too-weak = demandez au contact de créer une clé moderne (par exemple Curve25519, ou RSA de 3072 bits)
hint-cert-several = demandez un fichier ne contenant que la clé de ce contact, ou scindez le fichier
hint-cert-export-again = demandez au contact d'exporter à nouveau sa clé publique et d'envoyer le fichier complet
hint-cert-is-own = ajoutez le fichier de clé que votre contact vous a envoyé ; votre propre clé est celle que vous donnez à vos contacts
hint-fingerprint-mismatch = n'envoyez rien à ce contact. Appelez-le à un numéro que vous connaissez déjà et vérifiez à nouveau ; si l'empreinte diffère encore, demandez-lui de renvoyer sa clé
hint-fingerprint-partial = demandez au contact de lire l'empreinte complète : 40 caractères (10 groupes de 4), ou les 20 mots
hint-not-interactive = donnez l'empreinte sur la ligne de commande, p. ex. --fingerprint "ABCD 1234 …" ou --words "…"
hint-state = relancez `carepost` ; si le problème persiste, restaurez le dossier de données depuis une sauvegarde
hint-io-no-space = le disque est plein : libérez de la place, ou choisissez un autre dossier avec -o ; carepost n'a laissé aucun fichier à moitié écrit
hint-io-read-only = carepost ne peut pas écrire à cet endroit (lecture seule ou droits insuffisants) : choisissez un autre dossier avec -o, ou corrigez les droits du dossier
hint-io-not-found = vérifiez que le chemin existe et qu'il est bien orthographié, puis réessayez
hint-io-in-the-way = autre chose occupe déjà ce chemin : déplacez-le puis réessayez
hint-io = vérifiez le chemin, l'espace disque libre et les droits, puis réessayez

## Phrases secrètes et trousseau

prompt-passphrase = Phrase secrète de votre clé carepost :
prompt-new-passphrase = Choisissez une phrase secrète pour votre clé carepost :
prompt-repeat-passphrase = Saisissez à nouveau la même phrase secrète :
passphrase-file-empty = sa première ligne est vide
passphrase-file-not-utf8 = sa première ligne n'est pas du texte UTF-8
passphrase-file-too-large = il est trop volumineux pour être un fichier de phrase secrète
keychain-timeout = il n'a pas répondu dans les { $seconds } secondes
keychain-unavailable = aucun service de trousseau n'est actif
keychain-read-back-differs = le trousseau n'a pas renvoyé ce qui y avait été enregistré
notice-keychain-fallback = Le trousseau du système n'est pas disponible ({ $reason }) ; saisissez plutôt votre phrase secrète.
notice-wrong-passphrase = Cette phrase secrète ne déverrouille pas votre clé. Réessayez.
identity-no-secret = le fichier de clé ne contient pas de clé secrète
identity-cannot-sign = elle n'a pas de clé de signature valide (a-t-elle expiré ?)

## État

state-newer-version = elle a été écrite par une version plus récente de carepost (schéma { $version })
state-contact-damaged = la clé enregistrée pour « { $alias } » est endommagée ({ $reason })

## init, whoami, export-key

init-done = Votre identité a été créée : { $name } <{ $email }>
init-next-steps =
    Étapes suivantes :
      1. Donnez votre clé publique à vos contacts :  carepost export-key -o my-key.asc
      2. Ajoutez la clé d'un contact :               carepost contact add ALIAS --key-file THEIR-KEY.asc
      3. Confirmez-la par téléphone :                carepost contact verify ALIAS
whoami-name = Nom :
whoami-email = E-mail :
whoami-fingerprint = Empreinte :
whoami-words = Mots PGP :
whoami-expires = Expire le :
whoami-qr-caption = Scannez avec OpenKeychain pour vérifier cette empreinte.
whoami-qr-written = Code QR écrit dans { $path }
export-written = Votre clé publique a été écrite dans { $path }. Envoyez ce fichier à vos contacts ; il ne contient rien de secret.

## Contacts

key-file-too-large = le fichier est trop volumineux pour être une clé
contact-added = Contact « { $alias } » ajouté ({ $kind }). Pas encore vérifié.
contact-added-next =
    Avant d'envoyer quoi que ce soit, appelez ce contact à un numéro que vous
    connaissez déjà, demandez-lui de lire son empreinte, et saisissez-la :
      carepost contact verify { $alias }
contact-list-empty = Aucun contact pour l'instant. Ajoutez-en un avec : carepost contact add ALIAS --key-file FILE
contact-not-verified = NON vérifié
contact-verified-on = vérifié le { $date } ({ $method ->
        [phone] par téléphone
        [in-person] en personne
        [video] par vidéo
       *[other] { $method }
    })
contact-expires-soon = la clé de « { $alias } » expire dans { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } ({ $date }). Demandez au contact une clé renouvelée avant cette date, et ajoutez-la avec : carepost contact update { $alias } --key-file FILE
contact-removed = Contact « { $alias } » supprimé.
show-alias = Alias :
show-kind = Type :
show-user-id = Titulaire :
show-fingerprint = Empreinte :
show-words = Mots PGP :
show-verified = Statut :
show-expires = Expire le :
show-problem = Problème :
update-refreshed = La clé de « { $alias } » a été mise à jour (même clé, informations plus récentes). Sa vérification est conservée.
update-replaced = La clé de « { $alias } » a été remplacée. Elle n'est PLUS vérifiée.
update-key-changed-warning =
    ========================================================================
    AVERTISSEMENT : la clé de « { $alias } » a CHANGÉ.
      ancienne empreinte : { $old }
      nouvelle empreinte : { $new }
    Une clé qui change peut signifier que quelqu'un intercepte vos e-mails.
    « { $alias } » n'est plus vérifié : n'envoyez rien avant de l'avoir
    appelé à un numéro que vous connaissez déjà et d'avoir vérifié la
    nouvelle empreinte :
      carepost contact verify { $alias }
    ========================================================================

## Vérification

reading-empty = rien n'a été saisi
verify-needs-reading = la vérification nécessite l'empreinte telle que le contact la lit
verify-instructions =
    Vérifiez « { $alias } » par téléphone :
      1. Appelez le contact à un numéro que vous connaissez déjà
         (pas un numéro trouvé dans un de ses e-mails).
      2. Demandez-lui de lire l'empreinte de sa clé dans son application OpenPGP
         (GPG4Win/Kleopatra, OpenKeychain, Thunderbird ou carepost).
      3. Saisissez ci-dessous ce que vous entendez : 40 caractères ou 20 mots.
    Il peut aussi vérifier votre clé. Lisez-lui votre empreinte :
      { $own_fingerprint }
      { $own_words }
verify-prompt = Empreinte lue par le contact :
verify-done = « { $alias } » est maintenant vérifié. Vous pouvez envoyer des documents à ce contact.
verify-not-recorded = la vérification n'a pas pu être enregistrée

## Envoi

error-recipients-unverified = { $count ->
        [one] le contact { $aliases } n'est pas vérifié ; carepost n'envoie qu'aux contacts dont vous avez confirmé la clé
       *[other] les contacts { $aliases } ne sont pas vérifiés ; carepost n'envoie qu'aux contacts dont vous avez confirmé la clé
    }
hint-recipients-unverified =
    appelez le contact à un numéro que vous connaissez déjà, demandez-lui de lire
    son empreinte, puis lancez :
      carepost contact verify { $alias }
    Si vous devez envoyer maintenant, indiquez pourquoi (le motif est enregistré) : --unverified-ok "MOTIF"
error-recipient-unusable = impossible d'envoyer à « { $alias } » : { $reason }
hint-recipient-unusable = demandez au contact sa clé actuelle, puis : carepost contact update { $alias } --key-file FILE
error-input-not-a-file = { $path } n'est pas un fichier
error-input-empty = { $path } est vide ; il n'y a rien à envoyer
hint-input-empty = vérifiez que le document a été enregistré ou exporté entièrement, puis envoyez-le à nouveau
error-output-dir = le dossier { $path } n'existe pas
send-empty-reason = --unverified-ok a besoin d'un motif, p. ex. --unverified-ok "demande du patient par téléphone ; clé contrôlée en personne à la prochaine visite"
send-nothing = rien à envoyer : indiquez au moins un document et un contact --to
identity-cannot-encrypt = elle n'a pas de clé de chiffrement valide (a-t-elle expiré ?)
send-recipient-unverified = { $alias } (NON vérifié)
send-unverified-recorded = envoyé à un contact non vérifié ; votre motif a été enregistré : { $reason }
send-done = Chiffré : { $input } → { $output } pour { $recipients }
send-next-step = Joignez le fichier chiffré à un e-mail. Seuls les destinataires (et vous) peuvent l'ouvrir.

## Ouverture

message-not-openpgp = ce fichier n'est pas un message chiffré OpenPGP
message-is-a-key = ce fichier est une clé OpenPGP, pas un message chiffré
message-bad-armor = ce fichier ressemble à un message texte chiffré, mais il est endommagé : { $reason }
message-truncated = ce message est incomplet : il s'arrête trop tôt (le téléchargement ou la pièce jointe a-t-il été interrompu ?)
message-tampered = ce message a été modifié, endommagé ou tronqué après son chiffrement ; son contenu n'est pas fiable et n'a pas été enregistré
message-not-for-us = ce message n'est pas chiffré pour votre clé ; il est destiné à { $recipients }
message-anonymous-recipients = des destinataires masqués
message-password-only = ce message est protégé par un mot de passe, pas par votre clé
message-not-encrypted = ce message n'est pas chiffré ; carepost n'ouvre que des documents chiffrés
message-bad-signature = la signature de ce message n'est pas valide (signataire { $who }) ; le contenu n'a pas été enregistré
message-too-large = le document dépasserait { $limit } après décompression ; il n'a pas été enregistré (une bombe de décompression ?)
message-malformed = ce message est illisible : { $reason }
message-librepgp-aead = ce message utilise le mode de chiffrement « OCB », non standard, de GnuPG (LibrePGP), que carepost ne sait pas lire ; rien n'a été enregistré
hint-message-not-for-us = demandez à l'expéditeur de chiffrer pour votre clé actuelle ; envoyez-lui la vôtre avec : carepost export-key -o my-key.asc
hint-message-resend = demandez à l'expéditeur de renvoyer le document
hint-message-not-openpgp = vérifiez que vous avez choisi la pièce jointe chiffrée (.pgp, .gpg ou .asc)
hint-message-is-a-key = pour ajouter cette clé comme contact : carepost contact add ALIAS --key-file FILE
hint-message-too-large = si vous faites confiance à l'expéditeur et attendez un très gros document, autorisez-le avec --max-size, p. ex. --max-size 8G
hint-message-librepgp-aead = demandez à l'expéditeur de le chiffrer à nouveau au format OpenPGP standard (GnuPG 2.3 ou plus récent : sans --force-ocb ; RNP : sans --aead)
hint-message-password-only = ouvrez-le à nouveau avec --password (carepost vous le demande) ou --password-file FICHIER ; l'expéditeur vous donne le mot de passe par téléphone
error-sender-not-verified = l'expéditeur n'est pas un contact vérifié ({ $status ->
        [unverified] « { $who } » n'a pas encore été vérifié
        [unknown] signé par une clé qui ne figure pas dans vos contacts : { $who }
        [unsigned] le document n'est pas signé
       *[other] { $status } { $who }
    }) ; rien n'a été enregistré
hint-sender-not-verified = vérifiez d'abord l'expéditeur (carepost contact verify ALIAS), ou ouvrez sans --require-verified-sender
open-sender-unverified = ce document est signé par « { $alias } », qui n'est pas encore vérifié. Vérifiez son empreinte par téléphone : carepost contact verify { $alias }
open-sender-unknown =
    ce document est signé par une clé qui ne figure pas dans vos contacts :
      { $fingerprint }
    Ne vous y fiez pas tant que vous ne savez pas qui l'a envoyé.
    Pour ajouter et vérifier l'expéditeur :
      carepost contact add ALIAS --key-file THEIR-KEY.asc
      carepost contact verify ALIAS
open-unsigned = ce document n'est pas signé : n'importe qui a pu l'envoyer
open-done = Ouvert : { $output } (carepost le supprimera le { $expires })
open-sealed = Conservé sous scellé : document n° { $id } (« { $name } ») jusqu'au { $expires }. Lisez-le avec : carepost export { $id }
open-from-self = Signé par vous.
open-from-verified = Signé par « { $alias } » (vérifié).
open-from-unverified = Signé par « { $alias } » (NON vérifié).
open-from-unknown = Signé par une clé inconnue.
open-from-nobody = Non signé.

## La visite guidée

tour-intro =
    Visite guidée de carepost : Dr Jansen, médecin généraliste, envoie une
    lettre de consultation à son patient, M. de Vries. Tous deux utilisent de
    vraies clés OpenPGP, conservées dans un dossier temporaire ({ $folder })
    qui est supprimé à la fin. Votre propre dossier de données carepost et
    votre trousseau ne sont pas touchés.
tour-step = Étape { $number } :
tour-identities = chacun crée son identité (une paire de clés OpenPGP).
tour-identity = { $who } : { $fingerprint }
tour-exchange = ils échangent leurs clés publiques (par e-mail, via un site web ou sur une clé USB).
tour-exchanged = Chacun a maintenant l'autre dans ses contacts, mais sans vérification : un e-mail peut être intercepté et une clé remplacée.
tour-refused = Dr Jansen essaie d'envoyer la lettre avant d'avoir vérifié.
tour-verify = Dr Jansen appelle M. de Vries au numéro figurant dans son dossier ; ils se lisent mutuellement leurs empreintes.
tour-reads-out = { $who } lit : { $words }
tour-verified = Les deux empreintes correspondent à ce qui a été saisi : chaque contact est maintenant vérifié.
tour-send = Dr Jansen envoie la lettre : signée, et chiffrée pour M. de Vries et pour elle-même.
tour-sent = Fichier chiffré à joindre à un e-mail : { $file } (le vrai nom ne figure qu'à l'intérieur du chiffrement).
tour-open = M. de Vries ouvre la lettre.
tour-opened = « { $file } » ouvert, signé par « { $alias } » (vérifié). Le contenu est exactement ce que Dr Jansen a envoyé.
tour-tamper = quelqu'un modifie un octet du fichier chiffré en cours de route.
tour-nothing-written = Rien n'a été écrit : aucune lettre partielle ou altérée n'existe nulle part.
tour-cleaned-up = Le dossier temporaire a été supprimé.
tour-done = Visite terminée : chaque étape a fonctionné.
tour-failed-unverified-sent = la visite a pu envoyer à un contact non vérifié, ce qui ne doit jamais arriver
tour-failed-content = la lettre ouverte diffère de celle qui a été envoyée
tour-failed-tamper-accepted = la lettre altérée n'a pas été refusée

## Durée de conservation et purge

error-invalid-duration = « { $given } » n'est pas une durée que carepost comprend
error-zero-duration = une durée de « { $given } » supprimerait les fichiers dès leur création ; indiquez une durée supérieure à zéro
hint-invalid-duration = utilisez un nombre entier suivi d'une unité : 15m (minutes), 12h (heures), 7d (jours), 4w (semaines) ou 1y (années)
error-retain-too-long = conserver des fichiers pendant { $asked } dépasse le maximum de { $max }
hint-retain-too-long = choisissez une durée plus courte, ou relevez d'abord le maximum : carepost retention set max=…
error-log-retention-too-short = conserver les enregistrements d'audit pendant { $asked } est inférieur au minimum de { $min }
hint-log-retention-too-short = le journal d'audit vous permet de rendre compte de ce qu'il est advenu des documents des patients ; conservez-le au moins { $min } (la valeur par défaut est 5 ans)
retention-set-syntax = « { $given } » n'est pas de la forme KEY=DURATION, p. ex. sent=30d
retention-unknown-key = il n'y a pas de réglage de conservation « { $key } » (réglages connus : { $keys })
retention-label-sent = Documents chiffrés envoyés (boîte d'envoi)
retention-label-received = Documents ouverts (documents reçus)
retention-label-view = Copies ouvertes uniquement pour consultation
retention-label-max = Durée maximale autorisée avec --retain
retention-label-log = Enregistrements du journal d'audit
error-no-such-file = carepost ne gère aucun fichier n° { $id }
hint-no-such-file = listez ce que carepost gère avec : carepost files
error-not-sealed = le fichier n° { $id } n'est pas un document scellé
error-sealed-key-gone = le document scellé n° { $id } a expiré : sa clé a été détruite et plus personne ne peut le lire
hint-sealed-key-gone = si vous en avez encore besoin, demandez à l'expéditeur de le renvoyer
error-viewer = la visionneuse de documents n'a pas pu être lancée ({ $reason }) ; la copie privée a été supprimée
hint-viewer = donnez à CAREPOST_VIEWER le nom d'un programme qui ouvre les fichiers, ou ouvrez sans --view
files-empty = carepost ne gère aucun fichier pour le moment.
purge-nothing = Rien n'a expiré.
purge-deleted = { $path } supprimé
purge-would-delete = { $path } serait supprimé
purge-already-gone = { $path } avait déjà disparu
purge-changed = { $path } a changé depuis que carepost l'a écrit ; non supprimé
purge-failed = impossible de supprimer { $path } : { $reason } (carepost réessaiera plus tard)
purge-log-cut = { $count ->
        [one] { $count } enregistrement d'audit plus ancien que la durée de conservation du journal a été supprimé
       *[other] { $count } enregistrements d'audit plus anciens que la durée de conservation du journal ont été supprimés
    } ; la chaîne reste vérifiable.
quick-purge-deleted = carepost a supprimé { $count ->
        [one] { $count } document expiré
       *[other] { $count } documents expirés
    }.
quick-purge-failed = impossible de purger les documents expirés ({ $reason }) ; lancez : carepost purge
view-deleted = La visionneuse a été fermée ; la copie privée est supprimée.
view-kept-until = La copie privée reste jusqu'au { $expires } pour que la visionneuse puisse la lire ; carepost la supprimera ensuite.
timer-wrote = { $path } écrit
timer-removed = { $path } supprimé
timer-active = La purge horaire est active.
timer-inactive = La purge horaire est désactivée.
timer-not-activated = les fichiers d'unité sont en place, mais systemd n'a pas pu les activer ({ $reason }) ; lancez : systemctl --user enable --now { $unit }
timer-hint-cron = ajoutez cette ligne à votre crontab (crontab -e) pour purger toutes les heures : 17 * * * * { $command }
timer-hint-macos = créez un agent launchd (~/Library/LaunchAgents) qui s'exécute toutes les heures (StartInterval 3600) : { $command }
timer-hint-windows = créez une tâche horaire : schtasks /Create /SC HOURLY /TN carepost-purge /TR "{ $command }"

## État général

status-home = Dossier de données :
status-fingerprint = Votre empreinte :
status-identity-expires = Votre clé expire :
status-files = Fichiers conservés :
status-files-counts = { $sent ->
        [one] { $sent } envoyé
       *[other] { $sent } envoyés
    }, { $received ->
        [one] { $received } reçu
       *[other] { $received } reçus
    }, { $view } en consultation, { $sealed ->
        [one] { $sealed } scellé
       *[other] { $sealed } scellés
    }
status-next-expiry = Prochaine expiration :
status-overdue = À purger :
status-timer = Purge horaire :
status-keychain = Trousseau :
status-encrypted-volume = Disque chiffré :
status-audit = Journal d'audit :
status-audit-intact = intact ({ $count ->
        [one] { $count } enregistrement
       *[other] { $count } enregistrements
    })
status-audit-broken = MODIFIÉ OU ENDOMMAGÉ — lancez : carepost log --check
status-hint-purge = Les documents expirés sont supprimés avant chaque commande carepost ; pour une purge régulière, lancez : carepost purge --install-timer
status-hint-disk-encryption = Supprimer des fichiers ne les efface pas de façon fiable des SSD ni des sauvegardes : conservez les données médicales sur un disque chiffré (BitLocker, FileVault, LUKS).
word-yes = oui
word-no = non

## Journal d'audit

log-empty = Aucun enregistrement d'audit ne correspond.
log-intact = Le journal d'audit est intact : { $count ->
        [one] { $count } enregistrement.
       *[other] { $count } enregistrements, chacun chaîné au précédent.
    }
log-unconfirmed-tail = Les enregistrements les plus récents ont été écrits juste avant que carepost soit interrompu ; ils sont intacts et la prochaine commande les confirmera.
log-clock-went-back = { $count ->
    [one] { $count } enregistrement porte
   *[other] { $count } enregistrements portent
} une heure antérieure à celle de l'enregistrement précédent : l'horloge de l'ordinateur a été reculée à un moment donné. La chaîne est intacte, il ne s'agit donc pas d'une altération ; vérifiez les réglages de date et d'heure.
error-audit-broken = le journal d'audit a été modifié ou endommagé : { $problem }
hint-audit-broken = gardez une copie des fichiers audit.log et state.db comme preuves, et signalez-le au responsable de la sécurité de l'information de votre cabinet
audit-no-anchor = le journal contient des enregistrements, mais la base de données d'état n'en a aucune trace
audit-missing = le fichier du journal est absent, mais la base de données d'état indique qu'il comptait { $head ->
        [one] { $head } enregistrement
       *[other] { $head } enregistrements
    }
audit-unreadable = la ligne { $line } n'est pas un enregistrement lisible
audit-out-of-sequence = la ligne { $line } contient l'enregistrement { $seq } là où l'enregistrement { $expected } était attendu (un enregistrement a été supprimé, inséré ou déplacé)
audit-altered = l'enregistrement { $seq } a été modifié après son écriture
audit-chain-broken = l'enregistrement { $seq } ne fait pas suite à l'enregistrement précédent
audit-head-differs = l'enregistrement { $seq } diffère de celui dont se souvient la base de données d'état
audit-truncated = le journal s'arrête à l'enregistrement { $last }, mais la base de données d'état en indique { $head } : des enregistrements ont été coupés à la fin

## Envoi des e-mails (SMTP) : mail setup, send --smtp, mail retry

error-mail-not-set-up = l'envoi des e-mails n'est pas configuré dans ce dossier de données carepost
hint-mail-not-set-up = configurez d'abord le serveur de messagerie de votre cabinet : carepost mail setup --host HOST --port 587 --user USER --from ADDRESS
error-mail-setting = { $reason }
hint-mail-setting = `carepost mail setup --help` explique chaque réglage
mail-bad-host = « { $host } » n'est ni un nom de serveur ni une adresse IP
mail-bad-user = le nom d'utilisateur doit compter de 1 à 256 caractères, sans espaces ni caractères de contrôle
mail-bad-port = le port doit être un nombre de 1 à 65535
error-plaintext-smtp-not-loopback = carepost refuse de communiquer sans chiffrement avec le serveur de messagerie { $host } : le mot de passe et les adresses traverseraient le réseau, lisibles par quiconque se trouve sur le trajet
error-plaintext-smtp-needs-flag = l'envoi sans TLS est refusé, sauf si vous le demandez explicitement avec --allow-plaintext-loopback (uniquement pour un relais de messagerie sur cet ordinateur)
hint-plaintext-smtp = utilisez --tls starttls (en général port 587) ou --tls implicit (en général port 465) ; le SMTP non chiffré n'est possible que vers un relais sur cet ordinateur (127.0.0.1, ::1 ou localhost), avec --allow-plaintext-loopback
error-smtp-password-missing = aucun mot de passe n'est disponible pour le compte de messagerie { $account }
hint-smtp-password-missing = enregistrez-le dans le trousseau du système avec `carepost mail setup … --password-file FILE` (ou à l'invite), ou donnez-le pour cette commande avec --smtp-password-file FILE (variable CAREPOST_SMTP_PASSWORD_FILE)
error-smtp-password-file = impossible d'utiliser le fichier de mot de passe de messagerie { $path } : { $reason }
hint-smtp-password-file = la première ligne du fichier doit contenir le mot de passe ; rendez le fichier lisible par vous seul
error-ca-file = impossible d'utiliser le fichier de certificat d'autorité (CA) { $path } : { $reason }
hint-ca-file = demandez au gestionnaire du serveur de messagerie son certificat d'autorité (CA) sous forme de fichier PEM (il commence par -----BEGIN CERTIFICATE-----)
ca-file-no-certificate = il ne contient aucun certificat PEM
ca-file-unusable = son certificat est inutilisable : { $reason }
error-not-pgp-mime = carepost refuse d'envoyer ce message : { $reason }. Rien n'a été envoyé
hint-not-pgp-mime = seuls les messages composés et chiffrés par carepost sont envoyés ; composez-le à nouveau avec `carepost send FILE... --to ALIAS --smtp`
not-pgp-mime-changed = il a été modifié après que carepost l'a composé
not-pgp-mime-missing = le fichier a disparu (il a peut-être été purgé)
delivery-unreachable = impossible de joindre le serveur de messagerie { $server } (étape : connexion) : { $reason }. Le message chiffré est conservé dans la boîte d'envoi
delivery-tls = impossible d'établir une connexion sécurisée avec le serveur de messagerie { $server } (étape : TLS) : { $reason }. Rien n'a été envoyé ; le message chiffré est conservé dans la boîte d'envoi
delivery-auth-refused = le serveur de messagerie { $server } a refusé l'identification (étape : identification) : { $reply }. Le message chiffré est conservé dans la boîte d'envoi
delivery-recipient-rejected = le serveur de messagerie { $server } a refusé { $count ->
    [one] le destinataire
   *[other] les destinataires
} { $addresses } (étape : destinataire) : { $reply }. Rien n'a été envoyé ; le message chiffré est conservé dans la boîte d'envoi
delivery-too-large = le message ({ $size }) dépasse la taille acceptée par le serveur de messagerie { $server } (étape : données). Le message chiffré est conservé dans la boîte d'envoi
delivery-too-large-limit = le message ({ $size }) dépasse la taille acceptée par le serveur de messagerie { $server } ({ $limit }) (étape : données). Rien n'a été envoyé ; le message chiffré est conservé dans la boîte d'envoi
delivery-refused = le serveur de messagerie { $server } a refusé le message (étape : { $step }) : { $reply }. Le message chiffré est conservé dans la boîte d'envoi
delivery-interrupted = la connexion au serveur de messagerie { $server } a été coupée (étape : { $step }) : { $reason }. Le message chiffré est conservé dans la boîte d'envoi
delivery-step-connect = connexion
delivery-step-tls = TLS
delivery-step-login = identification
delivery-step-sender = expéditeur
delivery-step-recipient = destinataire
delivery-step-data = données
hint-delivery-unreachable = vérifiez le nom du serveur et le port avec `carepost mail show`, ainsi que votre connexion Internet, puis lancez `carepost mail retry`
hint-delivery-tls = le certificat du serveur n'a pas pu être vérifié, donc carepost n'a rien envoyé. Vérifiez le nom du serveur avec `carepost mail show` ; si votre cabinet a son propre serveur de messagerie, demandez son certificat d'autorité (CA) et lancez `carepost mail setup … --ca-file FILE` ; puis `carepost mail retry`
hint-delivery-auth-refused = vérifiez le nom d'utilisateur avec `carepost mail show`, enregistrez le bon mot de passe en relançant `carepost mail setup`, puis lancez `carepost mail retry`
hint-delivery-recipient-rejected = vérifiez l'adresse e-mail du contact auprès de lui, puis lancez `carepost mail retry`, ou renvoyez les documents à la bonne adresse
hint-delivery-too-large = envoyez les documents en plusieurs messages plus petits ; `carepost mail cancel MESSAGE-ID` empêche carepost de réessayer celui-ci
hint-delivery-refused = la réponse du serveur ci-dessus en donne la raison ; relancez `carepost mail retry` plus tard, ou adressez-vous au gestionnaire du serveur de messagerie
tls-untrusted = le certificat du serveur n'est pas signé par une autorité en laquelle cet ordinateur a confiance
tls-wrong-name = le certificat du serveur a été émis pour un autre nom de serveur
tls-expired = le certificat du serveur a expiré
tls-not-yet-valid = le certificat du serveur n'est pas encore valide (vérifiez l'horloge de cet ordinateur)
tls-revoked = le certificat du serveur a été révoqué
tls-no-starttls = le serveur ne propose pas STARTTLS ; carepost n'envoie jamais rien sans chiffrement
tls-handshake-closed = le serveur a fermé la connexion pendant la négociation du chiffrement
net-timeout = le serveur n'a pas répondu dans les { $seconds } secondes
net-closed = le serveur a fermé la connexion
auth-no-mechanism = le serveur ne propose aucune méthode d'identification prise en charge par carepost (PLAIN ou LOGIN)
smtp-resolve-failed = le nom du serveur n'a pas pu être résolu : { $reason }
smtp-non-ascii = le message contient du texte 8 bits, mais le serveur ne l'accepte pas
prompt-smtp-password = Mot de passe de { $account } :
mail-setup-done = Envoi des e-mails configuré : { $server } ({ $tls }), envoi sous l'adresse { $from }.
mail-setup-keychain = Le mot de passe est enregistré dans le trousseau du système.
mail-setup-password-per-send = Aucun mot de passe n'a été enregistré (--no-keychain) : donnez-le avec --smtp-password-file FILE ou CAREPOST_SMTP_PASSWORD_FILE à chaque envoi.
mail-show-server = serveur :           { $server }
mail-show-tls = sécurité :          { $tls }
mail-show-user = utilisateur :       { $user }
mail-show-from = expéditeur :        { $from }
mail-show-ca = CA supplémentaire : { $ca }
mail-show-password = mot de passe :      { $source }
mail-show-pending = en attente :        { $count }
mail-password-keychain = dans le trousseau du système
mail-password-file = donné avec --smtp-password-file à chaque envoi
mail-tls-starttls = STARTTLS
mail-tls-implicit = TLS implicite
mail-tls-none = aucun chiffrement (relais sur cet ordinateur uniquement)
mail-sent = Envoyé à { $server } : { $message_id }
mail-send-failed = Non envoyé : { $message_id } : { $reason }
mail-retry-nothing = Aucun message n'attend d'être envoyé.
mail-retry-skipped = Pas de nouvel essai : { $message_id } (le même problème l'empêcherait)
mail-cancelled = { $message_id } ne sera pas envoyé ; son fichier chiffré est conservé jusqu'à la fin de sa durée de conservation.
error-mail-no-such-message = aucun message en attente n'a l'identifiant { $message_id }
hint-mail-no-such-message = `carepost mail show` liste les messages en attente d'envoi

## E-mail : composer (send --eml) et ouvrir (open MESSAGE.eml)

# La note placée hors du chiffrement de chaque e-mail écrit par carepost.
# Elle est volontairement en néerlandais et en anglais quelle que soit la
# langue de l'utilisateur, en ASCII simple, sans données personnelles :
# elle reste donc identique à la version anglaise.
mail-default-subject = Documents
mail-default-text = { $count ->
        [one] Veuillez trouver le document en pièce jointe.
       *[other] Veuillez trouver les { $count } documents en pièce jointe.
    }
mail-output-not-a-file = --eml a besoin d'un nom de fichier, p. ex. --eml lettre.eml
mail-subject-too-long = l'objet dépasse { $max } caractères
mail-options-need-eml = --subject, --message et --message-file nécessitent --eml (ou --smtp)
mail-message-file = impossible de lire le texte du message dans { $path } : { $reason }
mail-message-not-utf8 = le texte du message dans { $path } n'est pas du texte UTF-8
error-output-exists = { $path } existe déjà ; carepost ne remplace jamais un fichier
hint-output-exists = choisissez un autre nom de fichier, ou déplacez d'abord le fichier existant
error-no-email-address = la clé de « { $alias } » ne contient aucune adresse e-mail ; carepost ne peut donc pas lui adresser d'e-mail
hint-no-email-address = demandez à « { $alias } » une clé qui contient son adresse e-mail (puis : carepost contact update { $alias } --key-file FILE), ou envoyez des fichiers séparés avec `carepost send` sans --eml
eml-done = E-mail chiffré pour { $recipients } avec { $count ->
        [one] { $count } document
       *[other] { $count } documents
    } : { $output } (carepost le supprimera le { $expires })
eml-next-step = L'objet, le texte et les documents sont à l'intérieur du chiffrement ; vu de l'extérieur, l'objet est « [...] ». Envoyez-le avec `carepost send ... --smtp` (à configurer une fois avec `carepost mail setup`).
mail-too-large = cet e-mail dépasse { $limit }, la taille maximale que carepost lit ; rien n'a été enregistré
mail-headers-too-large = l'en-tête de cet e-mail est démesurément grand ; il n'a pas été lu et rien n'a été enregistré
mail-too-deep = cet e-mail imbrique ses parties sur plus de { $depth } niveaux ; il n'a pas été lu et rien n'a été enregistré
mail-broken-pgp-mime = cet e-mail est endommagé ou n'est pas un e-mail chiffré valide : { $reason }
mail-no-encrypted-part = il se déclare chiffré (PGP/MIME) mais ne contient aucune partie chiffrée
mail-broken-signed-part = sa partie signée (multipart/signed) est incomplète
mail-unreadable = il ne peut pas être lu comme un e-mail
mail-no-autocrypt = cet e-mail n'a pas d'en-tête Autocrypt : il n'y a donc pas de clé à ajouter
mail-autocrypt-other-address = la clé de l'en-tête Autocrypt de cet e-mail n'est pas celle de l'adresse d'expédition ; elle n'a pas été ajoutée
mail-eml-mode = --view et --sealed ne fonctionnent pas encore avec les e-mails ; ouvrez-le sans ces options
eml-subject = Objet : { $subject }
eml-subject-unprotected = Objet (NON chiffré) : { $subject }
eml-from = De : { $from }
eml-saved = Enregistré : { $output }
eml-saved-until = carepost supprimera les pièces jointes enregistrées le { $expires }.
eml-nothing-saved = L'e-mail ne contient aucune pièce jointe.
eml-not-encrypted = cet e-mail n'est PAS chiffré : n'importe qui sur son trajet a pu le lire ou le modifier.
eml-unsaved = { $count ->
        [one] { $count } pièce jointe n'a pas été enregistrée, car l'e-mail n'est pas chiffré ; pour l'enregistrer quand même : --accept-unencrypted
       *[other] { $count } pièces jointes n'ont pas été enregistrées, car l'e-mail n'est pas chiffré ; pour les enregistrer quand même : --accept-unencrypted
    }
eml-from-mismatch = CET E-MAIL EST PEUT-ÊTRE FALSIFIÉ : il prétend venir de { $from }, mais il a été signé par une clé qui n'appartient pas à cette adresse ({ $signer }). N'y donnez aucune suite avant d'avoir vérifié auprès de l'expéditeur par téléphone.
eml-autocrypt = L'e-mail contient une clé pour { $addr } (Autocrypt, empreinte { $fingerprint }). Elle n'est PAS vérifiée. Pour l'ajouter comme contact : carepost open FILE --add-autocrypt ALIAS, puis vérifiez-la par téléphone.
eml-autocrypt-known = L'e-mail contient la clé de votre contact « { $alias } » (Autocrypt).
eml-autocrypt-added = La clé contenue dans l'e-mail a été ajoutée comme contact « { $alias } » (NON vérifié). Vérifiez l'empreinte par téléphone : carepost contact verify { $alias }
eml-autocrypt-mismatch = L'e-mail contient une clé pour une autre adresse ({ $addr }) que celle de l'expéditeur ; elle est ignorée.

# mail-integrity
error-mail-partly-unprotected = cet e-mail contient du texte ou des pièces jointes qu'aucune signature vérifiée ne couvre (ajoutés hors du chiffrement, ou non signés) ; rien n'a été enregistré
hint-mail-partly-unprotected = ouvrez-le sans --require-verified-sender pour voir quelles parties ne sont pas protégées, et demandez à l'expéditeur de tout envoyer dans un seul e-mail chiffré et signé
eml-frame-signed = ┌── texte du message : chiffré et signé par { $signer } ──
eml-frame-encrypted-only = ┌── texte du message : chiffré mais NON signé : n'importe qui a pu l'écrire ──
eml-frame-unprotected = ┌── texte du message : NON chiffré et NON signé : n'importe qui a pu l'écrire ──
eml-frame-added = ┌── texte ajouté HORS du chiffrement : NON chiffré et NON signé, n'importe qui a pu l'écrire ──
eml-frame-line = │ { $line }
eml-frame-end = └──
eml-signer-self = vous
eml-signer-verified = « { $alias } » (vérifié)
eml-signer-unverified = « { $alias } » (NON vérifié)
eml-signer-unknown = une clé inconnue ({ $fingerprint })
eml-unprotected-text-withheld = cet e-mail contient aussi du texte NON chiffré et NON signé (ajouté hors de la partie chiffrée) ; il n'est pas affiché, car n'importe qui a pu l'écrire. Pour le voir, signalé comme tel : --accept-unencrypted
eml-saved-unprotected = Enregistré, NON chiffré et NON signé (n'importe qui a pu le créer) : { $output }
eml-saved-unsigned = Enregistré, chiffré mais NON signé (n'importe qui a pu le créer) : { $output }
eml-saved-signed-by = Enregistré, signé par { $signer } : { $output }
eml-unsaved-unprotected = { $count ->
        [one] { $count } pièce jointe n'a pas été enregistrée, car elle n'était NI chiffrée NI signée (ajoutée hors du chiffrement) ; pour l'enregistrer quand même, signalée comme telle : --accept-unencrypted
       *[other] { $count } pièces jointes n'ont pas été enregistrées, car elles n'étaient NI chiffrées NI signées (ajoutées hors du chiffrement) ; pour les enregistrer quand même, signalées comme telles : --accept-unencrypted
    }
eml-forwarded = le contenu est signé par { $signer }, mais cette signature ne garantit pas cet e-mail : il a été rechiffré par quelqu'un d'autre, ou préparé pour d'autres destinataires. Quelqu'un transmet peut-être un message que { $who } lui avait envoyé. Vérifiez auprès de l'expéditeur par téléphone avant d'y donner suite.
eml-signer-nobody = personne (non signé)
eml-from-contact = CET E-MAIL EST PEUT-ÊTRE FALSIFIÉ : il prétend venir de { $from }, l'adresse de votre contact « { $owner } », mais il a été signé par { $signer }. N'y donnez aucune suite avant d'avoir vérifié auprès de « { $owner } » par téléphone.
eml-from-self = CET E-MAIL EST PEUT-ÊTRE FALSIFIÉ : il prétend venir de { $from }, votre propre adresse, mais il a été signé par { $signer }. N'y donnez aucune suite.
error-email-too-large = ces documents donneraient un e-mail d'environ { $size }, au-delà des { $limit } que carepost accepte d'ouvrir ; rien n'a été écrit
hint-email-too-large = la plupart des fournisseurs de messagerie refusent de toute façon les e-mails de plus de 20–25 Mo : mettez moins de documents, ou des documents plus petits, dans chaque e-mail, ou envoyez les gros documents comme fichiers séparés (carepost send FILE --to ALIAS) par un autre canal
hint-mail-size-limit = carepost ouvre les e-mails jusqu'à cette taille, et la plupart des fournisseurs de messagerie refusent tout ce qui dépasse 20–25 Mo : demandez à l'expéditeur de mettre moins de documents, ou des documents plus petits, dans chaque e-mail
mail-too-many-parts = cet e-mail compte plus de { $max } parties ; il n'a pas été lu et rien n'a été enregistré
# files-secrets
status-clock-behind = un fichier a été enregistré le { $recorded }, une date qui, selon l'horloge de cet ordinateur, n'est pas encore arrivée. L'horloge a fait un saut (elle avançait alors, ou elle retarde maintenant) ; remettez-la à l'heure (timedatectl, ou les réglages de votre système), puis lancez carepost purge.
status-core-dumps = Vidages mémoire :
status-core-dumps-off = désactivés
status-core-dumps-on = ACTIVÉS (un plantage pourrait laisser un document sur le disque)
error-secret-file-foreign = { $path } appartient à un autre utilisateur ; carepost n'y lira pas de secret
hint-secret-file-foreign = placez la phrase secrète ou le mot de passe dans un fichier qui vous appartient et que vous seul pouvez lire (chmod 600 FILE)
error-weak-passphrase = cette phrase secrète est trop facile à deviner pour la clé qui ouvre les documents des patients (au moins { $min } caractères, sans motif répété)
hint-weak-passphrase = choisissez au moins quatre mots au hasard (tirés aux dés dans une liste de mots, ou choisis par un gestionnaire de mots de passe), p. ex. « lanterne orbite velours cactus » ; ou omettez --passphrase-file et laissez carepost en générer une pour le trousseau
error-timer-not-enabled = la purge horaire n'est PAS activée : systemd n'a pas activé le minuteur ({ $reason })
hint-timer-not-enabled = les fichiers d'unité sont en place ; activez-les dans votre session de bureau avec : { $command }
warning-shared-output-dir = { $path } est un dossier dans lequel tous les utilisateurs de cet ordinateur peuvent écrire : ils peuvent y voir le nom du document, et le document lui-même si ses droits le permettent. Préférez un dossier à vous (le dossier des documents reçus par défaut, ou -o ~/Documents/…).
error-file-closed = le fichier n° { $id } n'est plus sous la garde de carepost ({ $state ->
        [pending] il n'a jamais été entièrement écrit
        [deleted] carepost l'a supprimé
        [missing] il a disparu sans que carepost l'ait supprimé
        [released] vous l'avez libéré
        [changed] il a changé depuis que carepost l'a écrit
       *[other] { $state }
    })
hint-file-closed = affichez ce que carepost gère avec : carepost files
error-file-not-deleted = le fichier n° { $id } n'a pas été supprimé : { $reason }
hint-file-not-deleted = si vous l'avez modifié volontairement, il vous appartient : supprimez-le vous-même, ou retirez-le de la garde de carepost avec : carepost files release { $id }
file-released = carepost ne gère plus { $path } ; le fichier reste où il est et carepost ne le supprimera jamais.
file-deleted = { $path } supprimé.
file-delete-changed = il a changé depuis que carepost l'a écrit
status-needs-decision = Modifiés, conservés :
status-hint-needs-decision = { $count ->
        [one] { $count } fichier modifié depuis que carepost l'a écrit n'a pas été supprimé. Affichez-le avec : carepost files ; puis supprimez-le vous-même, ou conservez-le avec : carepost files release ID (ou, s'il n'est finalement pas modifié, supprimez-le dès maintenant avec : carepost files delete ID)
       *[other] { $count } fichiers modifiés depuis que carepost les a écrits n'ont pas été supprimés. Affichez-les avec : carepost files ; puis supprimez chacun vous-même, ou conservez-le avec : carepost files release ID (ou supprimez dès maintenant un fichier non modifié avec : carepost files delete ID)
    }
# audit-smtp
audit-bad-signature = l'enregistrement { $seq } porte une signature de point de contrôle qui ne se vérifie pas avec votre clé
log-unsigned = { $count ->
        [one] { $count } enregistrement après { $since } n'est pas signé par votre clé : toute personne pouvant écrire dans le dossier de données a pu l'ajouter. La prochaine commande qui déverrouille votre clé (send, open, contact verify) le signera.
       *[other] { $count } enregistrements après { $since } ne sont pas signés par votre clé : toute personne pouvant écrire dans le dossier de données a pu les ajouter. La prochaine commande qui déverrouille votre clé (send, open, contact verify) les signera.
    }
log-signed-none = le début du journal
log-signed-through = l'enregistrement { $seq }
send-reason-names-contact = le motif de --unverified-ok nomme le contact « { $alias } » (son alias, son nom ou son adresse e-mail) ; le motif est conservé des années dans le journal d'audit et ne doit pas permettre d'identifier un patient. Décrivez plutôt la situation, p. ex. --unverified-ok "demande du patient par téléphone ; clé contrôlée en personne à la prochaine visite"
hint-unverified-reason = le motif est conservé des années dans le journal d'audit : n'y écrivez ni le nom ni l'adresse e-mail d'un patient
error-state-disagrees = la base de données d'état ne concorde pas avec le journal d'audit : { $problem }
hint-state-disagrees = gardez une copie des fichiers state.db et audit.log comme preuves ; si vous en connaissez la cause (un state.db perdu ou restauré), lancez : carepost log --rebuild-state
state-missing = state.db est absent, mais le journal d'audit contient des enregistrements (les contacts et les documents en cours de conservation seraient oubliés)
state-older-than-log = la base de données d'état se souvient du journal jusqu'à l'enregistrement { $state }, mais le journal va jusqu'à l'enregistrement { $log } : un state.db plus ancien a été remis en place
log-state-rebuilt = État reconstruit à partir du journal d'audit : il concorde désormais avec l'enregistrement { $head } ; { $files ->
        [one] { $files } document (documents reçus et boîte d'envoi) est de nouveau soumis à sa durée de conservation.
       *[other] { $files } documents (documents reçus et boîte d'envoi) sont de nouveau soumis à leur durée de conservation.
    }
log-state-no-contacts = Le carnet de contacts ne peut pas être reconstruit à partir du journal (il ne contient aucune clé) : ajoutez à nouveau vos contacts et vérifiez-les par téléphone.
# open-robust
message-damaged = ce message est endommagé ou tronqué : carepost ne peut pas le lire, et rien n'a été enregistré
hint-message-damaged = demandez à l'expéditeur de renvoyer le document (s'il est arrivé par e-mail, enregistrez d'abord à nouveau la pièce jointe : un téléchargement a pu être interrompu)
message-locked-for = ce fichier a été chiffré uniquement pour { $recipients }, pas pour vous ; rien n'a été ouvert et votre clé n'a pas été déverrouillée
hint-message-locked-for = il a été envoyé à quelqu'un d'autre ; s'il vous était aussi destiné, demandez à l'expéditeur de le chiffrer également pour votre clé
cert-damaged = le fichier de clé est endommagé : carepost ne peut pas le lire
error-key-file-not-regular = { $path } n'est pas un fichier ordinaire (un périphérique, un tube ou un dossier) ; carepost ne lit les clés que dans des fichiers
hint-key-file-not-regular = enregistrez d'abord la clé dans un fichier, puis : carepost contact add ALIAS --key-file FILE
tls-starttls-injection = le serveur a envoyé des réponses avant le début du chiffrement (injection de réponses STARTTLS) : quelqu'un sur le réseau interfère peut-être ; rien n'a été envoyé
# audit-smtp
error-delivery-unconfirmed = la connexion au serveur de messagerie { $server } a été coupée après l'envoi complet du message { $message_id }, avant que le serveur en confirme la réception (étape : données) : { $reason }. L'e-mail a peut-être été remis ; carepost ne le renverra donc pas de lui-même. Il est conservé dans la boîte d'envoi comme « peut-être remis »
delivery-unconfirmed = la connexion au serveur de messagerie { $server } a été coupée après l'envoi complet du message, avant que le serveur en confirme la réception (étape : données) : { $reason }. L'e-mail a peut-être été remis
hint-delivery-unconfirmed = demandez au destinataire si l'e-mail est arrivé. Sinon, renvoyez-le avec : carepost mail retry --resend { $message_id } (s'il est arrivé : carepost mail cancel { $message_id })
hint-delivery-unconfirmed-no-id = demandez au destinataire si l'e-mail est arrivé avant de le renvoyer ; `carepost mail show` l'affiche
mail-retry-maybe-delivered = Non renvoyé : { $message_id } a peut-être déjà été remis (la connexion a été coupée après l'envoi complet du message). Demandez au destinataire ; s'il n'est pas arrivé : carepost mail retry --resend { $message_id }
mail-show-maybe-delivered = peut-être remis : vérifiez auprès du destinataire, puis `carepost mail retry --resend { $message_id }` pour le renvoyer (ou `carepost mail cancel { $message_id }` s'il est arrivé)
# state-types
error-state-damaged = la base de données d'état contient une valeur que carepost n'écrit jamais ({ $value }) : elle a été modifiée ou est endommagée, et carepost ne devinera pas ce qu'elle signifiait
hint-state-damaged = gardez une copie des fichiers state.db et audit.log comme preuves, puis remettez state.db à partir d'une sauvegarde du dossier de données ; sans sauvegarde, mettez state.db de côté et lancez : carepost log --rebuild-state

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

## words
words-empty = aucun mot de la liste de mots PGP n'a été saisi
words-unknown = le mot { $position } (« { $word } ») ne figure pas dans la liste de mots PGP
words-wrong-position-even = le mot { $position } (« { $word } ») a trois syllabes, mais un mot de deux syllabes est attendu à cet endroit ; un mot a peut-être été omis, répété ou inversé
words-wrong-position-odd = le mot { $position } (« { $word } ») a deux syllabes, mais un mot de trois syllabes est attendu à cet endroit ; un mot a peut-être été omis, répété ou inversé

## gate
gate-headers-not-utf8 = ses en-têtes ne sont pas en UTF-8
gate-not-an-email = ce n'est pas un e-mail
gate-no-header-block = il n'a pas d'en-têtes
gate-leading-continuation = une ligne de continuation précède le premier en-tête
gate-no-colon = une ligne d'en-tête n'a pas de deux-points
gate-undecodable-part = une partie ne peut pas être décodée
gate-repeated-header = l'en-tête { $name } y figure plus d'une fois
gate-bcc = il a un en-tête Bcc
gate-no-content-type = il n'a pas de Content-Type
gate-top-level-type = son type est { $kind }, et non multipart/encrypted
gate-repeated-parameter = le paramètre { $name } y figure plus d'une fois
gate-protocol = son protocole n'est pas application/pgp-encrypted
gate-no-boundary = il n'a pas de boundary
gate-unreadable-multipart = son contenu multipart est illisible
gate-part-count = il a { $count } parties au lieu de 2
gate-nested-parts = des parties sont imbriquées dans les parties du message chiffré
gate-control-part = sa première partie n'est pas application/pgp-encrypted Version: 1
gate-data-type = sa deuxième partie est { $kind }, et non application/octet-stream
gate-data-encoding = sa deuxième partie a l'encodage de transfert { $encoding }
gate-not-armored = sa deuxième partie n'est pas un seul message OpenPGP en ASCII armor
gate-sender-count = son From ne contient pas exactement une adresse
gate-no-recipient = il n'a pas de destinataire dans To
gate-not-closed = son contenu multipart n'est pas fermé
gate-long-preamble = un texte qui n'est pas une courte note précède les parties chiffrées
gate-text-after = du texte suit la fin du multipart
gate-not-addresses = son en-tête { $name } ne contient pas d'adresses
gate-name-without-address = son en-tête { $name } contient un nom sans adresse
gate-not-openpgp = sa partie chiffrée n'est pas de l'OpenPGP (détails : { $details })
gate-packets-outside = des paquets OpenPGP se trouvent hors du chiffrement
gate-unexpected-packet = il contient un paquet { $tag } inattendu
gate-unreadable-openpgp = sa partie chiffrée est de l'OpenPGP illisible (détails : { $details })
gate-no-encrypted-data = il ne contient aucune donnée chiffrée

## mail-preamble
mail-preamble-note =
    Ceci est un message chiffré (OpenPGP, PGP/MIME). Seul son destinataire peut
    le lire. Vous ne voyez que ce texte ? Ouvrez le message avec un logiciel
    OpenPGP gratuit, comme Thunderbird, Gpg4win (Kleopatra), OpenKeychain ou
    Mailvelope.

## tour
tour-letter-file-name = lettre-consultation-de-vries.txt
tour-letter =
    Lettre de consultation (exemple)

    Monsieur De Vries,

    Je vous remercie pour la téléconsultation de ce jour. Comme convenu, je
    vous prie de faire contrôler votre tension artérielle au cabinet dans deux
    semaines. Les résultats de vos analyses de laboratoire sont normaux.

    Je vous prie d'agréer, Monsieur, mes salutations distinguées.
    Dr A. Jansen, médecin généraliste

## io-reasons
io-reason-not-found = ce fichier ou ce dossier n'existe pas (détails : { $details })
io-reason-permission = permission refusée (détails : { $details })
io-reason-no-space = le disque est plein (détails : { $details })
io-reason-read-only = le disque ou le dossier est en lecture seule (détails : { $details })
io-reason-exists = un élément portant ce nom existe déjà (détails : { $details })
io-reason-is-a-folder = c'est un dossier, pas un fichier (détails : { $details })
io-reason-not-a-folder = une partie du chemin n'est pas un dossier (détails : { $details })
io-reason-refused = la connexion a été refusée (détails : { $details })
io-reason-timed-out = aucune réponse n'est arrivée à temps (détails : { $details })
io-reason-cut-off = la connexion a été interrompue (détails : { $details })
io-reason-no-network = le réseau est inaccessible (détails : { $details })
io-reason-damaged = les données sont endommagées ou incomplètes (détails : { $details })
io-reason-other = le système a signalé une erreur (détails : { $details })
net-other = la connexion a échoué (détails : { $details })
tls-other-details = la connexion chiffrée n'a pas pu être établie (détails : { $details })

## values

## identity-reasons
identity-damaged = son fichier de clé est endommagé (détails : { $details })
identity-not-valid = la clé n'est pas valide actuellement : expirée, révoquée ou trop faible (détails : { $details })

## labels
contact-kind-patient = patient
contact-kind-colleague = confrère
sender-status-verified = vérifié
sender-status-unverified = non vérifié
sender-status-unknown = inconnu
sender-status-unsigned = non signé
file-state-pending = pas encore terminé
file-state-active = actif
file-state-deleted = supprimé
file-state-missing = manquant
file-state-changed = modifié
file-state-released = libéré
status-keychain-not-used = non utilisé
status-keychain-reachable = accessible
status-keychain-unreachable = inaccessible
word-unknown = inconnu

## Verification: what is wrong with a reading, and the dialogue's tries
error-verify-refused = { $problem } ; { $standing }
reading-letter-not-digit = vous avez tapé la lettre { $found }, pas le chiffre { $digit } : une empreinte ne contient que les chiffres 0–9 et les lettres A–F
reading-not-hex = « { $found } » ne fait pas partie d'une empreinte : elle ne contient que les chiffres 0–9 et les lettres A–F
reading-hex-short = vous avez tapé { $typed } des { $needed } caractères ; un identifiant de clé ou une partie d'empreinte ne suffit pas pour vérifier une clé
reading-hex-long = vous avez tapé { $typed } caractères, mais une empreinte en compte { $needed } : un groupe a peut-être été tapé deux fois
reading-unknown-word = le mot { $position } (« { $word } ») ne figure pas dans la liste de mots PGP
reading-word-out-of-place = le mot { $position } (« { $word } ») figure dans la liste de mots PGP, mais pas à cette place : un mot a peut-être été omis, répété ou interverti
reading-words-short = vous avez tapé { $typed } des { $needed } mots de la liste de mots PGP
reading-words-long = vous avez tapé { $typed } mots, mais une empreinte en compte { $needed } : un mot a peut-être été tapé deux fois
reading-own-fingerprint = c'est votre propre empreinte, pas celle de « { $alias } »
reading-mismatch = l'empreinte que vous avez tapée ne correspond PAS à la clé enregistrée pour « { $alias } ». La clé n'appartient peut-être pas à ce contact
verify-standing-unverified = « { $alias } » reste non vérifié
verify-standing-verified = rien n'a changé : « { $alias } » reste vérifié, comme le { $date } ({ $method ->
        [phone] par téléphone
        [in-person] en personne
        [video] par vidéo
       *[other] { $method }
    })
hint-reading-own-fingerprint = demandez-lui de lire l'empreinte de sa propre clé, dans son application OpenPGP ; la vôtre est celle qu'affiche `carepost whoami`
verify-try-again =
    Non accepté : { $problem }.
    Vérifiez avec votre interlocuteur et retapez ce qu'il vous lit ({ $left ->
        [one] encore un essai
       *[other] encore { $left } essais
    }).

## Prompts ended without an answer (Ctrl-D)
error-cancelled = annulé : aucune réponse n'a été donnée
error-passphrase-cancelled = aucune phrase secrète n'a été tapée (annulé) : la clé reste verrouillée et rien n'a été modifié
hint-passphrase-cancelled = relancez la commande et tapez la phrase secrète, ou donnez-la avec --passphrase-file FICHIER

## Names on the command line that are not there (unknown alias, missing document)
error-contact-not-found-similar = il n'y a pas de contact « { $alias } » — vouliez-vous dire { $count ->
        [one] { $similar }
       *[other] l'un de { $similar }
    } ?
error-input-missing = { $path } n'existe pas
hint-input-missing = vérifiez le nom du fichier et le dossier où il se trouve
hint-input-not-a-file = indiquez chaque document à envoyer ; un dossier ne peut pas être envoyé tel quel

## Output folders given with -o
error-output-dir-parent-missing = le dossier { $path } n'existe pas : il n'y a même pas de dossier { $missing }
error-output-not-a-folder = { $path } n'est pas un dossier
hint-output-dir-create = créez-le d'abord ({ $command }), ou indiquez un dossier qui existe
hint-output-not-a-folder = indiquez un dossier, pas un fichier

## files: column headers
files-column-id = ID
files-column-kind = Type
files-column-state = État
files-column-expires = Expire le
files-column-size = Taille
files-column-path = Fichier

## open: the same document opened a second time
open-already-opened = Déjà ouvert le { $opened_at } ; rien de nouveau n'a été enregistré. Le document se trouve ici : { $output } (carepost le supprime le { $expires })

## The OS keychain: how to get one, and what carepost does meanwhile
keychain-how-linux = Sous Linux, le trousseau est le Secret Service d'une session de bureau : GNOME Keyring ou KWallet (installez le paquet gnome-keyring s'il n'y en a pas, puis fermez et rouvrez votre session).
keychain-how-macos = Sous macOS, le trousseau est intégré : vérifiez que vous êtes connecté à votre propre compte d'utilisateur et que le trousseau de session est déverrouillé.
keychain-how-windows = Sous Windows, le trousseau (Gestionnaire d'identification) est intégré : vérifiez que vous êtes connecté à votre propre compte d'utilisateur.
hint-keychain-how = { $how } En attendant, carepost peut utiliser un fichier contenant la phrase secrète : --passphrase-file FICHIER --no-keychain (vous seul devez pouvoir lire ce fichier).
notice-keychain-unavailable-init-how =
    Le trousseau du système n'est pas disponible ({ $reason }). { $how }
    En attendant, choisissez vous-même une phrase secrète ; carepost ne la conserve nulle part, gardez-la donc en lieu sûr.
notice-keychain-fallback-how =
    Le trousseau du système n'est pas disponible ({ $reason }). { $how }
    En attendant, tapez votre phrase secrète.

## files: kinds, sizes and periods as people read them
file-kind-sent = envoyé
file-kind-received = reçu
file-kind-view = consulté
file-kind-sealed = scellé
size-bytes = { $count ->
        [one] { $count } octet
       *[other] { $count } octets
    }
size-decimal-separator = ,
size-in-unit = { $number } { $unit ->
        [KiB] Kio
        [MiB] Mio
        [GiB] Gio
        [TiB] Tio
       *[other] { $unit }
    }
duration-years = { $count ->
        [one] { $count } an
       *[other] { $count } ans
    }
duration-days = { $count ->
        [one] { $count } jour
       *[other] { $count } jours
    }
duration-hours = { $count ->
        [one] { $count } heure
       *[other] { $count } heures
    }
duration-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }

## passphrase
notice-passphrase-keychain-offer = Un trousseau est maintenant disponible : `carepost passphrase --to-keychain` y place votre phrase secrète (donnez-la avec --passphrase-file FICHIER, ou saisissez-la quand elle vous est demandée), pour que carepost n'ait plus besoin d'un fichier ni de vous la demander.

## key origin and refresh
contact-origin-file = un fichier de clé
contact-origin-autocrypt = un e-mail (Autocrypt)
contact-origin-wkd = Web Key Directory
contact-origin-vks = serveur de clés (VKS)
contact-origin-hkp = serveur de clés (HKP)
show-source = Provenance de la clé :
show-source-at = { $source } ({ $location })
show-looked-up-by = Recherchée via :
show-refreshed = Dernière actualisation :
## publish wkd
error-invalid-domain = « { $domain } » n'est pas un nom de domaine comme example.org
hint-invalid-domain = indiquez la partie de l'adresse e-mail du cabinet après le @, par exemple --domain example.org
error-publish-patient = « { $alias } » est un patient : carepost ne publie jamais la clé d'un patient sous le domaine du cabinet
hint-publish-patient = seules votre propre clé et celles de confrères vérifiés sont publiées ; les patients publient leur propre clé (leur fournisseur de messagerie le fait souvent pour eux)
error-publish-unverified = « { $alias } » n'est PAS vérifié : publier la clé sous le domaine du cabinet reviendrait à se porter garant d'une clé que personne n'a contrôlée
hint-publish-unverified =
    appelez le confrère à un numéro que vous connaissez déjà, demandez-lui de lire son empreinte à voix haute et exécutez :
      carepost contact verify { $alias }
    puis publiez à nouveau.
error-publish-not-in-domain = la clé de « { $alias } » n'a aucune adresse e-mail dans { $domain } : un annuaire de clés web (WKD) de { $domain } ne peut contenir que des adresses de { $domain }
error-publish-nothing-for-domain = aucune clé à publier n'a d'adresse e-mail dans { $domain }
hint-publish-domain = choisissez avec --domain DOMAINE le domaine des adresses des clés (`carepost whoami` et `carepost contact show ALIAS` les affichent), et écrivez un dossier par domaine
error-publish-same-address = { $address } figure dans plus d'une clé ({ $holders }) : un annuaire de clés web (WKD) contient une seule clé par adresse
hint-publish-same-address = publiez uniquement la clé qui doit être trouvée à cette adresse : omettez l'autre --contact
publish-own-key = votre propre clé
publish-wkd-written = Annuaire de clés web (WKD) de { $domain } écrit dans { $path } :
publish-wkd-found-at = Les programmes de messagerie trouveront ces clés à :
publish-wkd-next =
    Étape suivante : le serveur web du cabinet doit servir tel quel le dossier .well-known qui se trouve dans { $path },
    à https://openpgpkey.{ $domain }/ (méthode avancée) ou https://{ $domain }/ (méthode directe).
    Donnez le dossier et le guide docs/wkd.md (type de contenu, en-tête CORS, vérifications) à votre responsable web.
    Publiez à nouveau après avoir modifié ou prolongé votre clé.
## readiness: contact check, and the expiry warnings of send and status
readiness-expires-soon = la clé de « { $alias } » reste utilisable { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } (jusqu'au { $date }). Récupérez une clé renouvelée avant cette date : carepost contact refresh { $alias }
readiness-reason-v2 = cette clé et la vôtre annoncent toutes deux SEIPDv2 (RFC 9580)
readiness-reason-no-features = cette clé n'annonce aucune fonctionnalité (certains programmes créent de telles clés) : elle reçoit donc SEIPDv1, que tout programme OpenPGP lit
readiness-reason-v1-only = cette clé n'annonce pas SEIPDv2 : elle reçoit donc SEIPDv1, que tout programme OpenPGP lit
readiness-reason-own-v1 = votre propre clé n'annonce pas SEIPDv2, et chaque message est aussi chiffré pour elle
duration-months = { $count ->
        [one] { $count } mois
       *[other] { $count } mois
    }
check-usable = Utilisable maintenant :
check-valid-until = Valable jusqu'au :
check-valid-until-value = { $date } (encore { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
check-no-expiry = pas de date d'expiration
check-encryption-key = Chiffre pour :
check-encryption-key-value = { $fingerprint } ({ $algorithm }), créée le { $created }, expire { $expires }
check-never = jamais
check-message-format = Format du message :
check-message-format-value = { $format } : { $reason }
check-cipher = Chiffrement :
check-cipher-v1 = { $symmetric }, sans compression
check-cipher-v2 = { $symmetric } avec { $aead }, sans compression
check-verified-ago = { $label }, il y a { $age }
check-programs = Qui peut ouvrir ce que carepost envoie à « { $alias } » :
check-not-known = inconnu
check-ready = « { $alias } » est prêt : carepost peut envoyer à ce contact.
status-contact-keys = Clés des contacts :
status-contact-keys-counts = { $soon } expirant dans les { $days } jours, { $expired } expirées
status-hint-contact-keys = Des clés de contacts expirent bientôt ou ont expiré : récupérez des clés renouvelées avec carepost contact refresh ALIAS (carepost contact check ALIAS en montre une en détail).
## key discovery: network and lookup
error-network = impossible de demander une clé à { $host } : { $reason }. Rien n'a été modifié.
error-key-not-found = aucune clé trouvée pour { $address } ; rien n'a été modifié. Essayé :
    { $tried }
error-keys-refused = aucune clé acceptable trouvée pour { $address } ; rien n'a été modifié. Essayé :
    { $tried }
error-several-keys = { $source } détient { $count } clés différentes pour { $address } : { $fingerprints }. carepost n'en choisit aucune ; rien n'a été modifié.
error-key-source = la source de clés « { $given } » n'est pas utilisable : { $reason }
hint-network = vérifiez la connexion réseau (et HTTPS_PROXY, s'il est défini), puis réessayez
hint-network-tls = si le serveur utilise un certificat de votre propre autorité, donnez son certificat CA avec --ca-file FICHIER (ou CAREPOST_CA_FILE)
hint-key-not-found = demandez au patient sa clé sous forme de fichier et ajoutez-la avec `carepost contact add ALIAS --key-file FICHIER`
hint-keys-refused = demandez au patient une clé à jour sous forme de fichier ; la clé proposée par le serveur n'est pas utilisable telle quelle
hint-several-keys = demandez au patient quelle clé est la sienne (l'empreinte) et ajoutez-la depuis un fichier avec `carepost contact add ALIAS --key-file FICHIER`
hint-key-source = les sources sont wkd, vks, vks:https://HÔTE, hkp:hkps://HÔTE[:PORT] ou hkp:hkp://HÔTE[:PORT], séparées par des virgules
net-not-found = le serveur n'a pas de clé à cet endroit
net-status = le serveur a répondu avec le statut { $status }
net-unreachable = le serveur est injoignable ({ $reason })
net-too-large = la réponse dépasse { $limit } ; elle a été coupée et n'est pas utilisée
net-insecure-redirect = le serveur a redirigé vers { $location }, qui n'est pas une adresse chiffrée (https://) ; carepost ne l'a pas suivie
net-too-many-redirects = le serveur a redirigé trop de fois
net-proxy = le proxy (HTTPS_PROXY) n'est pas utilisable : { $reason }
net-host-not-found = le nom du serveur est inconnu (pas d'entrée DNS, ou pas de réseau)
net-connection-failed = aucune connexion n'a pu être établie
net-bad-resolve = CAREPOST_RESOLVE contient une entrée qui n'est pas HÔTE=ADRESSE:PORT : { $entry }
net-bad-timeout = CAREPOST_NET_TIMEOUT_MS n'est pas un nombre de millisecondes : { $value }
vks-bad-answer = la réponse du serveur de clés est illisible ({ $what })
source-vks-https = un serveur VKS s'écrit vks:https://HÔTE
source-bad-host = ce n'est pas un nom de serveur avec un port facultatif
source-unknown = ce n'est ni wkd, ni vks, ni vks:https://…, ni hkp:hkps://…, ni hkp:hkp://…
source-twice = elle est citée deux fois
source-none = aucune source n'est citée
source-wkd = Web Key Directory
source-vks = serveur de clés { $url }
source-hkp = serveur de clés { $url }
attempt-found = { $source } ({ $location }) : trouvée
attempt-not-found = { $source } ({ $location }) : pas de clé
attempt-failed = { $source } ({ $location }) : échec : { $reason }
attempt-refused = { $source } ({ $location }) : refusée : { $reason }
lookup-not-a-key = la réponse n'est pas une clé OpenPGP
lookup-address-mismatch = la clé proposée n'a pas d'identifiant utilisateur avec l'adresse { $address }

## key discovery: contact find and contact sources
find-source = Source
find-location = Réponse de
find-not-verified = non : une clé venant d'un serveur n'est pas vérifiée
find-tried = Essayé :
find-next-step = Rien n'a été enregistré. Pour ajouter cette clé : carepost contact add ALIAS --email { $address }, puis confirmez son empreinte par téléphone avec carepost contact verify ALIAS.
sources-stored = Sources de clés enregistrées.
sources-order = Les clés sont cherchées dans cet ordre :
sources-how-to-set = Modifiez-le avec carepost contact sources --set wkd,vks,hkp:hkps://HÔTE
## contact add --email and contact refresh
contact-add-key-or-email = Donnez la clé du contact avec --key-file FICHIER, ou recherchez-la avec --email ADRESSE.
contact-added-found = Trouvée dans { $source } ({ $location }) et ajoutée comme contact « { $alias } » ({ $kind }). Pas encore vérifiée : une clé trouvée sur internet ne prouve pas à qui elle appartient.
contact-added-found-next =
    N'envoyez rien encore. Appelez cette personne à un numéro que vous connaissez
    déjà (pas un numéro tiré d'un e-mail ou d'un site web), demandez-lui de lire
    l'empreinte que son propre programme affiche, et saisissez-la :
      carepost contact verify { $alias }
refresh-skipped-no-source = la clé vient d'un fichier et aucune adresse e-mail ne permet de la rechercher
refresh-key-changed-warning =
    ========================================================================
    AVERTISSEMENT : une AUTRE clé est désormais proposée pour « { $alias } ».
      empreinte enregistrée :  { $old }
      empreinte proposée :     { $new }
    Une clé différente peut signifier que quelqu'un intercepte votre courrier.
    Rien n'a été fusionné : « { $alias } » garde sa clé enregistrée. Appelez
    à un numéro que vous connaissez déjà ; si une nouvelle clé a vraiment été
    créée, obtenez-la et vérifiez-la :
      carepost contact update { $alias } --key-file FICHIER
      carepost contact verify { $alias }
    ========================================================================
refresh-revoked-warning =
    ========================================================================
    AVERTISSEMENT : la clé de « { $alias } » a été RÉVOQUÉE par son titulaire.
    carepost a enregistré la révocation et ne lui enverra plus rien.
    Demandez la nouvelle clé, puis ajoutez-la et vérifiez-la.
    ========================================================================
refresh-line-unchanged = { $alias } : à jour
refresh-line-updated = { $alias } : actualisée (même clé ; vérification conservée)
refresh-line-revoked = { $alias } : RÉVOQUÉE
refresh-line-key-changed = { $alias } : une autre clé est proposée ; rien n'a changé
refresh-line-failed = { $alias } : non actualisée, rien n'a changé : { $reason }
refresh-line-skipped = { $alias } : ignorée : { $reason }
refresh-summary = { $total } contact(s) : { $updated } actualisé(s), { $unchanged } à jour, { $revoked } révoqué(s), { $changed } autre clé, { $failed } en échec, { $skipped } ignoré(s).
error-refresh-incomplete = toutes les clés ne sont pas en ordre : { $revoked } révoquée(s), { $changed } avec une autre clé proposée, { $failed } non actualisée(s)
hint-refresh-incomplete = Lisez les lignes ci-dessus : une clé révoquée demande une nouvelle clé de son titulaire ; une autre clé demande d'abord un appel ; une actualisation en échec peut être réessayée plus tard (rien n'a changé).

## publish keyserver
publish-keyserver-uploaded = Votre clé publique a été envoyée à { $server } :
publish-keyserver-state-published = publiée : trouvable par cette adresse
publish-keyserver-state-unpublished = pas encore publiée
publish-keyserver-state-pending = en attente de votre confirmation
publish-keyserver-state-revoked = révoquée
publish-keyserver-next = { $server } envoie un e-mail de confirmation à { $addresses }. Ouvrez-le et cliquez sur le lien : ce n'est qu'ensuite que les programmes des autres trouveront votre clé par cette adresse. D'ici là, elle n'est trouvable que par son empreinte.
publish-keyserver-nothing-to-confirm = Aucune confirmation n'est nécessaire : { $server } diffuse déjà votre clé pour chaque adresse qu'il indique.
publish-keyserver-https-only = seuls les serveurs de clés https:// sont utilisés pour l'envoi
