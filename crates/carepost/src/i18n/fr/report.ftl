# carepost report : le registre de responsabilité du cabinet pour ce canal.

cli-report-about = Établir le registre de responsabilité du cabinet : ce qui est traité, où, pendant combien de temps, les risques acceptés et les mesures prises
cli-report-arg-output = Écrire le rapport dans FILE : .html (une page qui s'imprime en A4) ou .md (Markdown) ; sans cette option, le rapport va sur la sortie standard
cli-report-arg-since = Ne compter que ce qui s'est passé à partir de cette date (p. ex. 2026-01-01)
cli-report-arg-contact = Indiquer tout ce qui a été fait avec les données de ce seul contact, pour un patient qui le demande
cli-report-arg-evaluate-on = Fixer la date à laquelle le cabinet évalue à nouveau ces mesures (AAAA-MM-JJ)
cli-report-arg-verification-age = Indiquer les contacts dont la vérification date de plus de ce nombre de jours (par défaut : 730)
cli-value-days = JOURS

report-written = Rapport écrit dans { $path }.
report-unknown-form = { $path } ne se termine pas par .html ou .md : carepost écrit le rapport sous forme de page HTML ou en Markdown.
report-evaluate-past = La date d'évaluation { $date } est passée : indiquez une date à partir d'aujourd'hui.
report-not-a-day = « { $text } » n'est pas une date : écrivez-la sous la forme AAAA-MM-JJ, p. ex. 2027-12-01.
report-status-risks = Risques acceptés :
report-status-risks-value = { $count ->
    [0] aucun
    [one] un, le { $last }
   *[other] { $count }, le dernier le { $last }
}
report-status-risk-line = { $date } : { $contacts } — « { $reason } »

report-title = Registre de responsabilité : courriel chiffré pour les documents médicaux
report-subtitle = Établi le { $date }. Période couverte : { $period }.
report-period-value = du { $from } au { $to }
report-period-empty = rien d'enregistré pour l'instant (jusqu'au { $to })
report-never = jamais

report-application-title = 1. L'application
report-application-purpose = carepost envoie des documents médicaux aux patients et aux confrères après une consultation, chiffrés de bout en bout et signés, et ouvre les documents qu'ils renvoient. Il fonctionne sur l'ordinateur du cabinet et utilise la messagerie du cabinet.
report-application-version = Version
report-application-formats = Formats produits
report-application-backend = Cryptographie
report-application-backend-value = Sequoia OpenPGP, { $backend }
report-application-supplier = Fournisseur
report-application-supplier-value = logiciel libre, licence { $licence }
report-application-period = Période couverte
report-format-openpgp-message = messages OpenPGP (fichiers chiffrés et signés)
report-format-pgp-mime-email = courriel PGP/MIME
report-format-pdf-aes-256 = PDF protégé par mot de passe (AES-256)
report-format-openpgp-password = message OpenPGP qui s'ouvre avec un mot de passe

report-data-title = 2. Données personnelles traitées
report-data-intro = Des nombres seulement : cette partie ne contient ni noms, ni alias, ni noms de fichiers, ni contenu de documents. Chaque document compte une fois par destinataire.
report-data-patients = Patients dans le carnet de contacts
report-data-patients-value = { $with_key } avec une clé, { $without_key } sans clé (mot de passe communiqué par téléphone)
report-data-colleagues = Confrères dans le carnet de contacts
report-data-colleagues-value = { $with_key } avec une clé, { $without_key } sans clé
report-data-sent = Documents envoyés
report-data-sent-value = { $key } avec la clé du destinataire, { $password } avec un mot de passe
report-data-refused = Envois refusés par carepost
report-data-opened = Documents reçus et ouverts
report-data-opened-value = { $key } avec la clé du cabinet, { $password } avec un mot de passe
report-data-viewed = Documents consultés sans être enregistrés
report-size-caption = Documents par taille
report-size-what = Documents
report-size-small = moins de 1 Mio
report-size-medium = de 1 à 10 Mio
report-size-large = plus de 10 Mio
report-size-sent = envoyés
report-size-opened = ouverts
report-size-viewed = consultés

report-copies-title = 3. Où sont les copies et pendant combien de temps
report-copies-intro = carepost supprime chaque copie qu'il crée dès la fin de sa durée de conservation. Les documents reçus peuvent être conservés scellés : chiffrés avec leur propre clé, lisibles uniquement via carepost.
report-copies-sent = Documents envoyés (boîte d'envoi) conservés pendant
report-copies-received = Documents ouverts (documents reçus) conservés pendant
report-copies-view = Copies de consultation conservées pendant
report-copies-max = Plus longue conservation autorisée
report-copies-log = Journal d'audit conservé pendant
report-copies-outbox = Dossier de la boîte d'envoi
report-copies-inbox = Dossier des documents reçus
report-copies-sealed = Dossier des documents scellés
report-copies-kept = Documents conservés actuellement
report-copies-kept-value = { $sent } envoyés, { $received } ouverts, { $view } en consultation, { $sealed } scellés
report-copies-overdue = Au-delà de leur durée de conservation, pas encore supprimés
report-copies-deleted = Supprimés par carepost jusqu'ici
report-copies-missing = Disparus avant que carepost ne les supprime
report-copies-changed = Conservés parce qu'ils ont été modifiés après leur écriture par carepost
report-copies-released = Retirés de la gestion de carepost par un utilisateur
report-copies-timer = Suppression planifiée
report-timer-installed = installée : les documents expirés sont supprimés même si personne n'utilise carepost
report-timer-missing = non installée : les documents expirés ne sont supprimés que lorsque carepost est utilisé
report-copies-volume = Données sur un disque chiffré
report-copies-hint-purge = Activez la suppression planifiée avec « carepost purge --install-timer », pour qu'aucun document ne reste au-delà de sa durée de conservation.
report-copies-hint-volume = Conservez les données de carepost sur un disque chiffré (BitLocker, FileVault ou LUKS), pour qu'un ordinateur perdu n'expose aucun document.

report-risks-title = 4. Risques acceptés
report-risks-intro = Cette partie nomme les contacts concernés : elle est destinée au cabinet, pas à la publication.
report-risks-unverified-caption = Documents envoyés à un contact dont la clé n'était pas vérifiée, avec le motif indiqué
report-risks-expiring-caption = Clés qui cessent de fonctionner dans les { $days } jours
report-risks-stale-caption = Clés ni récupérées à nouveau ni remplacées depuis plus de { $days } jours
report-risks-old-caption = Vérifications de plus de { $days } jours
report-risks-none = Aucun.
report-col-date = Date
report-col-contacts = Contacts
report-col-contact = Contact
report-col-reason = Motif indiqué
report-col-documents = Documents
report-col-expires = Clé valable jusqu'au
report-col-refreshed = Clé mise à jour le
report-col-sends = Documents envoyés sur la période
report-col-verified = Vérifiée le
report-col-what = Ce qui s'est passé
report-col-path = Comment
report-col-hash = Document (SHA-256)
report-col-size = Taille

report-measures-title = 5. Mesures prises
report-measures-encryption = Chiffrement
report-measures-encryption-value = toujours actif : chaque document part chiffré, et cela ne peut pas être désactivé
report-measures-signing = Signature
report-measures-signing-value = chaque document envoyé est signé avec la clé du cabinet
report-measures-verified = Contacts dont la clé a été vérifiée par téléphone, en personne ou par vidéo
report-measures-verified-value = { $verified } vérifiés, { $unverified } non vérifiés
report-measures-sends = Documents envoyés avec une clé sur la période
report-measures-sends-value = { $verified } à des contacts vérifiés, { $overridden } à des contacts non vérifiés avec un motif
report-measures-audit = Journal d'audit
report-measures-identity = Clé du cabinet valable jusqu'au
report-measures-keychain = Phrase secrète dans le trousseau du système
report-audit-intact = { $count ->
    [one] intact : une entrée vérifiée, non modifiée
   *[other] intact : { $count } entrées vérifiées, aucune modifiée
}
report-audit-broken = MODIFIÉ : { $problem }
report-audit-hint = Le journal d'audit a été modifié en dehors de carepost. Gardez une copie du dossier de données tel quel et contactez votre support informatique.

report-informed-title = 6. Comment les patients sont informés
report-informed-intro = Les patients reçoivent un dépliant qui explique comment les documents leur parviennent et ce qui est conservé, et leur consentement leur est demandé.
report-informed-leaflets = Dépliants pour patients créés
report-informed-leaflets-by-language = Dépliants par langue
report-informed-consent = Consentement
report-informed-consent-value = donné { $given } fois, retiré { $withdrawn } fois
report-informed-consent-now = Consentement des patients à ce jour
report-informed-consent-now-value = donné : { $given }, retiré : { $withdrawn }, non enregistré : { $missing }

report-evaluation-title = 7. Évaluation
report-evaluation-date = Prochaine évaluation de ces mesures
report-evaluation-source = Date retenue
report-evaluation-set = fixée par le cabinet
report-evaluation-default = un an après le premier rapport ({ $first })
report-evaluation-audit = Contrôle du journal d'audit
report-evaluation-passed = La date d'évaluation { $date } est dépassée : passez en revue les mesures de ce rapport avec l'équipe, puis fixez la date suivante avec « carepost report --evaluate-on AAAA-MM-JJ ».

report-contact-title = Ce que le cabinet a fait de vos données
report-contact-subtitle = Contact { $alias }. Établi le { $date }. Période couverte : { $period }.
report-contact-details = Contact
report-contact-kind = Type
report-contact-removed = retiré du carnet de contacts
report-contact-key = Clé
report-contact-no-key = pas de clé : les documents sont envoyés avec un mot de passe communiqué par téléphone
report-contact-verified = Clé vérifiée le
report-contact-consent-now = Consentement à ce jour
report-contact-events = Documents et consentement
report-contact-intro = Chaque document est identifié par son empreinte SHA-256 : carepost ne conserve ni son contenu ni son nom de fichier.
report-contact-none = Rien n'a été enregistré sur cette période.
report-action-send = envoyé
report-action-open = reçu et ouvert
report-action-view = consulté sans être enregistré
report-action-purge = supprimé
report-action-consent-give = consentement donné
report-action-consent-withdraw = consentement retiré
report-action-contact-remove = retiré du carnet de contacts
report-outcome-refused = { $action } (refusé)
report-outcome-failed = { $action } (échoué)
report-path-key = avec la clé
report-path-password = avec un mot de passe
