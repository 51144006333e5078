# carepost — textes en français.

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
value-bad-size = « { $given } » n'est pas une taille comme 500M ou 4G
value-unusable-size = « { $given } » n'est pas une taille utilisable
value-bad-date = « { $given } » n'est pas une date comme 2026-11-01

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
