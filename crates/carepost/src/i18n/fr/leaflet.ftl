## Le dépliant pour le patient, à imprimer (carepost leaflet) : écrit pour
## les patients, simple et court. Une étape par ligne dans les listes.

leaflet-title = Recevoir vos documents médicaux en toute sécurité
leaflet-intro = Votre cabinet vous envoie des documents, comme des lettres et des résultats d'examens, par e-mail chiffré. Vous seul pouvez les ouvrir. Ce dépliant vous explique comment faire et ce qu'il faut vérifier.
leaflet-patient = Ce dépliant a été préparé pour : { $name }
leaflet-from-heading = Qui vous envoie des documents
leaflet-sender = Envoyé par : { $name } ({ $email })
leaflet-practice = Cabinet : { $practice }
leaflet-reach = Vous avez une question ? Contactez : { $reach }
leaflet-reach-default = Vous avez une question ? Contactez le cabinet comme d'habitude.
leaflet-fingerprint-heading = L'empreinte du cabinet
leaflet-fingerprint-intro = Une empreinte est un code qui appartient à la clé du cabinet, et à rien d'autre. Si le code affiché par votre programme, ou celui que le cabinet vous lit au téléphone, est identique à celui ci-dessous, les documents viennent bien de votre cabinet.
leaflet-hex-label = En lettres et en chiffres
leaflet-words-label = En mots (plus facile à lire à voix haute)
leaflet-qr-caption = Avec OpenKeychain sur un téléphone Android, vous pouvez scanner ce code au lieu de taper l'empreinte.
leaflet-arrival-heading = Comment les documents vous parviennent
leaflet-arrival = Les documents arrivent par e-mail, en pièce jointe. L'e-mail lui-même ne dit rien de votre santé. Vous pouvez les ouvrir de deux façons.
leaflet-path-key = Vous recevrez les documents chiffrés pour votre propre clé. Le cabinet a noté cette empreinte pour votre clé : { $fingerprint }
leaflet-path-password = Vous recevrez les documents sous forme de fichier PDF protégé par un mot de passe. Le cabinet vous donne le mot de passe par téléphone.
leaflet-way-key-heading = Façon 1 : avec un programme de chiffrement (OpenPGP)
leaflet-way-key-intro = Vous créez une seule fois votre propre clé et vous envoyez votre clé publique au cabinet. Ensuite, votre programme ouvre les documents pour vous. Choisissez le programme qui convient à votre ordinateur ou à votre téléphone :
leaflet-app-kleopatra = Windows : Gpg4win (Kleopatra)
leaflet-steps-kleopatra =
    Installez Gpg4win depuis gpg4win.org et ouvrez Kleopatra.
    Créez votre clé : Fichier → Nouvelle paire de clés OpenPGP, avec votre nom et votre adresse e-mail.
    Envoyez votre clé publique : faites un clic droit sur votre clé, choisissez Exporter et envoyez le fichier enregistré au cabinet par e-mail.
    Votre empreinte : double-cliquez sur votre clé. Elle figure sous Empreinte.
    Pour ouvrir un document : enregistrez la pièce jointe et ouvrez-la avec Kleopatra (Déchiffrer/vérifier).
leaflet-app-thunderbird = Thunderbird (ordinateur)
leaflet-steps-thunderbird =
    Créez votre clé : Paramètres des comptes → Chiffrement de bout en bout → Ajouter une clé → Créer une nouvelle clé OpenPGP.
    Envoyez votre clé publique : dans un nouvel e-mail au cabinet, choisissez OpenPGP → Joindre ma clé publique.
    Votre empreinte : elle figure sous Paramètres des comptes → Chiffrement de bout en bout, avec votre clé.
    Pour ouvrir un document : Thunderbird déchiffre l'e-mail et sa pièce jointe pour vous.
leaflet-app-openkeychain = Android : OpenKeychain avec K-9 Mail ou Thunderbird
leaflet-steps-openkeychain =
    Installez OpenKeychain, et K-9 Mail ou Thunderbird pour Android.
    Dans OpenKeychain, choisissez Créer ma clé.
    Dans l'application de messagerie, ouvrez les paramètres du compte, puis Chiffrement de bout en bout, et choisissez OpenKeychain.
    Envoyez votre clé publique : dans OpenKeychain, touchez votre clé, puis Partager, et envoyez-la au cabinet par e-mail.
    Votre empreinte : touchez votre clé dans OpenKeychain. Elle y figure.
leaflet-app-proton = Proton Mail
leaflet-steps-proton =
    Proton Mail crée votre clé pour vous.
    Envoyez votre clé publique : Paramètres → Chiffrement et clés → exportez votre clé publique, et envoyez le fichier au cabinet par e-mail.
    Ajoutez la clé du cabinet : dans Contacts, ouvrez le cabinet et importez, dans ses paramètres d'e-mail, la clé que le cabinet vous a envoyée.
    Votre empreinte : elle figure sous Paramètres → Chiffrement et clés, avec votre clé.
leaflet-app-mailvelope = Mailvelope (dans votre navigateur)
leaflet-steps-mailvelope =
    Ajoutez Mailvelope à votre navigateur (mailvelope.com) et créez votre clé dans Gestion des clés.
    Envoyez votre clé publique : Gestion des clés → votre clé → Exporter, choisissez la clé publique et envoyez le fichier au cabinet par e-mail.
    Votre empreinte : Gestion des clés → votre clé. Elle figure dans les détails.
    Pour ouvrir un document : Mailvelope affiche l'e-mail dans votre messagerie web. Pour une pièce jointe, utilisez Chiffrement de fichiers → Déchiffrer.
leaflet-way-password-heading = Façon 2 : sans programme de chiffrement
leaflet-steps-password =
    Le cabinet vous appelle et vous donne un mot de passe.
    Ouvrez la pièce jointe PDF avec votre programme PDF habituel.
    Tapez le mot de passe quand le programme le demande.
leaflet-call-heading = L'appel téléphonique
leaflet-call =
    Le cabinet vous appelle au numéro de téléphone de votre dossier.
    Vous lisez votre empreinte à voix haute. Ou le cabinet lit la sienne et vous la comparez avec ce dépliant.
    Si quelque chose vous semble anormal, raccrochez et appelez le cabinet au numéro que vous connaissez.
leaflet-call-never = Le cabinet ne vous demande jamais de mot de passe, de code PIN ni de code. Ne répondez jamais à l'e-mail en donnant le mot de passe.
leaflet-keeping-heading = Conservation, et votre choix
leaflet-keeping-sent = Le cabinet conserve sa copie chiffrée de chaque document qu'il vous envoie pendant { $period }, puis la supprime.
leaflet-keeping-received = Les documents que vous envoyez au cabinet sont supprimés de ce système { $period } après leur ouverture.
leaflet-keeping-log = Une trace de ce qui a été envoyé et quand, sans le contenu, est conservée pendant { $period }.
leaflet-keeping-record = Votre dossier médical lui-même est conservé comme la loi l'exige.
leaflet-store-safely = Rangez les documents que vous recevez en lieu sûr, pas sur un ordinateur que vous partagez, et supprimez-les quand vous n'en avez plus besoin.
leaflet-stop = Vous pouvez à tout moment arrêter de recevoir des documents de cette façon : dites au cabinet que vous retirez votre consentement.
leaflet-footer = Conservez ce dépliant. Préparé le { $date } par votre cabinet.

## Ce que dit la commande.
leaflet-written = Dépliant écrit dans { $path }. Imprimez-le et remettez-le au patient en main propre.
leaflet-written-for = Il indique comment les documents parviennent à ce contact : { $delivery }.
leaflet-delivery-key = chiffrés pour sa clé
leaflet-delivery-password = avec un mot de passe donné par téléphone
leaflet-remembered = Les coordonnées du cabinet ont été retenues pour les prochains dépliants.
leaflet-text-invalid = { $option } doit tenir sur une ligne d'au plus { $max } caractères
