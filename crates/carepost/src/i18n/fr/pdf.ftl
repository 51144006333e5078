## Le PDF protégé par mot de passe pour les patients sans clé : messages
## d'erreur, et la page de garde de la forme pièce jointe (dans la langue du patient).

error-pdf-empty = le document est vide (0 octet) ; il n'y a rien à protéger
hint-pdf-empty = vérifiez que le document a été enregistré ou exporté entièrement, puis envoyez-le à nouveau
error-pdf-too-large = le document fait { $size }, plus que les { $limit } qu'un PDF protégé par mot de passe peut contenir
hint-pdf-too-large = envoyez un fichier plus petit (pour un scan : une résolution plus basse, ou une page par fichier) ; les fournisseurs de messagerie refusent de toute façon les gros messages
error-pdf-already-encrypted = ce PDF est déjà protégé par un mot de passe
hint-pdf-already-encrypted = enregistrez une copie non protégée depuis le système du laboratoire et envoyez celle-ci
error-pdf-damaged = ce PDF est endommagé et ne peut pas être lu : { $reason }
hint-pdf-damaged = enregistrez ou exportez à nouveau le document depuis le programme qui l'a créé, puis envoyez la nouvelle copie
pdf-damaged-truncated = il s'arrête trop tôt, une partie manque donc
pdf-damaged-no-pages = il n'a aucune page
pdf-damaged-unreadable = sa structure est abîmée (détail technique : { $details })
error-pdf-wrong-password = le mot de passe n'ouvre pas ce PDF
hint-pdf-wrong-password = tapez le mot de passe exactement comme il vous a été dit, les mots séparés par une seule espace ; chaque envoi a son propre mot de passe
error-pdf-not-encrypted = ce PDF n'est pas protégé par un mot de passe
hint-pdf-not-encrypted = ouvrez-le avec n'importe quel lecteur PDF ; --password ne sert qu'aux PDF que carepost a protégés par un mot de passe
error-pdf-not-pdf = ce fichier n'est pas un PDF
hint-pdf-not-pdf = --password ouvre les PDF protégés par mot de passe et les messages OpenPGP ; vérifiez que vous avez choisi le bon fichier

pdf-cover-title = Un document qui vous a été envoyé de façon sécurisée
pdf-cover-intro = Le fichier ci-dessous est joint à ce PDF, exactement tel qu'il a été envoyé. Il ne peut pas être affiché comme une page.
pdf-cover-intro-signed = Le document ci-dessous porte une signature électronique. Pour que cette signature reste valable, il est joint à ce PDF exactement tel qu'il a été envoyé.
pdf-cover-file = Fichier : { $name }
pdf-cover-size = Taille : { $size }
pdf-cover-how-title = Comment enregistrer le fichier
pdf-cover-how = Sur un ordinateur : ouvrez le panneau des pièces jointes (icône de trombone) et enregistrez le fichier. Ouvrez-le ensuite comme n'importe quel autre fichier.
pdf-cover-how-phone = Sur un téléphone ou une tablette : touchez le trombone ou la pièce jointe, puis choisissez Enregistrer ou Partager.
pdf-cover-image = L'image est aussi affichée ci-dessous.
pdf-cover-attachment-description = Le document joint
pdf-size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
pdf-size-kb = { $number } Ko
pdf-size-mb = { $number } Mo
pdf-size-decimal-separator = ,
