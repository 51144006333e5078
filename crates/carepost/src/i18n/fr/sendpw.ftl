# carepost — envoi avec un mot de passe dicté par téléphone (patients sans clé).

## Refus

error-password-mixed = certains destinataires reçoivent le document chiffré pour leur clé ({ $with_key }) et d'autres avec un mot de passe ({ $without_key }) ; carepost ne mélange pas les deux dans un même envoi
hint-password-mixed = envoyez-leur séparément, par exemple d'abord : carepost send FICHIER --to { $alias } ; ou ajoutez --password pour envoyer un mot de passe à chaque destinataire (chacun séparément)
error-password-several = un mot de passe est pour un seul destinataire, dicté lors d'un seul appel ; cet envoi en a plusieurs : { $aliases }
hint-password-several = envoyez à chacun séparément : carepost send FICHIER --to ALIAS, une commande (et un nouveau mot de passe) par destinataire
error-password-armor-pdf = --armor ne s'applique qu'à la forme openpgp ; la forme pdf est toujours un fichier PDF
hint-password-armor-pdf = retirez --armor, ou ajoutez --format openpgp
error-password-format-key = --format ne s'applique qu'à l'envoi avec un mot de passe ; ces destinataires ont une clé et reçoivent un message OpenPGP
hint-password-format-key = retirez --format, ou ajoutez --password pour envoyer avec un mot de passe
error-password-unverified-ok = --unverified-ok ne s'applique pas à l'envoi avec un mot de passe : aucune clé n'est utilisée, il n'y a donc aucune vérification à ignorer ; le mot de passe dicté par téléphone est la protection
hint-password-unverified-ok = retirez --unverified-ok ; pour envoyer vers la clé de ce contact, retirez --password et vérifiez d'abord la clé : carepost contact verify ALIAS
error-password-json-needs-told = avec --json, personne ne peut confirmer que le mot de passe a été dicté au patient
hint-password-json-needs-told = ajoutez --password-told si votre script transmet le mot de passe (le champ « password » du résultat le contient), ou retirez --json et répondez à la question
error-sendpw-needs-terminal = carepost doit vous demander si vous avez dicté le mot de passe au patient, mais personne n'est devant un terminal pour répondre ; rien n'a été envoyé
hint-sendpw-needs-terminal = lancez la commande dans un terminal, ou ajoutez --password-told si vous allez dicter le mot de passe (il n'est affiché qu'une fois)
error-password-mail-text = l'e-mail à un destinataire sans clé n'est pas chiffré, c'est pourquoi carepost en écrit le texte lui-même : --subject et --message ne sont pas utilisés
hint-password-mail-text = retirez --subject et --message ; le document lui-même est protégé par le mot de passe
error-password-not-told = vous n'avez pas confirmé avoir dicté le mot de passe : rien n'a été envoyé et les fichiers protégés ont été supprimés
hint-password-not-told = envoyez à nouveau quand vous pourrez téléphoner au patient ; carepost créera alors un nouveau mot de passe (celui-ci est perdu pour de bon)

## Le mot de passe, affiché une seule fois

sendpw-frame-title = Mot de passe pour { $alias }
sendpw-read-now = Lisez-le maintenant au patient, mot par mot.
sendpw-shown-once = carepost ne l'affiche que cette fois et n'en garde aucune copie.
sendpw-confirm = Avez-vous dicté le mot de passe à { $alias } ? [o/N]
sendpw-yes = o, oui, y, yes
sendpw-not-told = Rien n'a été envoyé.

## Résultats

sendpw-done = Protégé : { $input } → { $output } pour { $alias } (avec un mot de passe, { $format })
sendpw-copy = Votre propre copie (s'ouvre avec votre clé) : { $copy }
sendpw-signed-pdf = { $input } porte une signature numérique : il voyage tel quel, en pièce jointe dans le PDF protégé, car le chiffrer à nouveau casserait la signature.
sendpw-not-pdf = { $input } n'est pas un PDF : il est joint au PDF protégé, derrière une page de garde qui explique comment l'enregistrer.
sendpw-next-step-pdf = Envoyez le fichier PDF au patient, par exemple en pièce jointe d'un e-mail. Il l'ouvre avec son programme PDF habituel et tape le mot de passe. N'envoyez jamais le mot de passe par e-mail.
sendpw-next-step-openpgp = Envoyez le fichier au patient, par exemple en pièce jointe d'un e-mail. Il l'ouvre avec GnuPG, Kleopatra ou OpenKeychain et tape le mot de passe. N'envoyez jamais le mot de passe par e-mail.
sendpw-eml-done = E-mail pour { $alias } avec { $count ->
    [one] un document
   *[other] { $count } documents
  } protégé par le mot de passe : { $output }. carepost le supprime le { $expires }.
sendpw-eml-next-step = L'e-mail lui-même est ordinaire, non chiffré ; seul le document joint est protégé, par le mot de passe que vous avez dicté.

## L'e-mail au patient (formel, sans données personnelles, sans diagnostic)

sendpw-mail-subject = Un document de votre prestataire de soins
sendpw-mail-text =
    Madame, Monsieur,

    { $count ->
        [one] Vous trouverez ci-joint un document
       *[other] Vous trouverez ci-joint { $count } documents
    } de { $sender }. { $count ->
        [one] Il est protégé
       *[other] Ils sont protégés
    } par un mot de passe.

    Vous recevrez, ou avez déjà reçu, un appel téléphonique de notre part au cours duquel nous vous communiquons ce mot de passe.

    { $format ->
        [openpgp] Pour ouvrir la pièce jointe, utilisez GnuPG, Kleopatra (Windows) ou OpenKeychain (Android) et tapez le mot de passe lorsqu'il vous est demandé.
       *[other] Pour ouvrir la pièce jointe, ouvrez-la avec votre programme PDF habituel (par exemple Adobe Reader, votre navigateur web ou la visionneuse PDF de votre téléphone) et tapez le mot de passe lorsqu'il vous est demandé.
    }

    Ne répondez jamais à cet e-mail avec le mot de passe, et ne le donnez à personne qui vous appellerait à ce sujet : nous ne vous le demanderons jamais.

    Nous supprimons notre copie de cet e-mail après { $days } jours.

    Veuillez agréer, Madame, Monsieur, nos salutations distinguées.
    { $sender }

## Le contrôle avant envoi, pour l'e-mail à un patient sans clé

gate-password-mail-text = la première partie de l'e-mail n'est pas un texte simple
gate-password-mail-attachment = la pièce jointe { $number } n'est ni un PDF chiffré ni un message OpenPGP chiffré
