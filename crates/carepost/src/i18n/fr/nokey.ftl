## Patients sans clé : les documents leur parviennent avec un mot de passe dicté par téléphone.
nokey-no-key = pas de clé : les documents sont envoyés avec un mot de passe que vous lui dictez par téléphone
nokey-origin-none = pas de clé
nokey-show-key = Clé :
nokey-show-email = E-mail (pour l'envoi) :
nokey-added = Patient « { $alias } » ajouté sans clé : les documents sont envoyés avec un mot de passe que vous lui dictez par téléphone.
nokey-added-email = Adresse e-mail (pour l'envoi, non recherchée) : { $email }
nokey-added-next =
    Pour envoyer un document : carepost send FICHIER --to { $alias }
    carepost crée un mot de passe ; dictez-le au patient par téléphone, jamais par e-mail.
    S'il obtient une clé plus tard : carepost contact update { $alias } --key-file FICHIER
nokey-add-how = Indiquez comment ajouter le contact : --key-file FICHIER, --email ADRESSE pour rechercher la clé, ou --no-key pour un patient sans clé.
nokey-add-choices =
    Comment voulez-vous ajouter « { $alias } » ?
      1  avec un fichier de clé que cette personne vous a donné
      2  en recherchant sa clé par adresse e-mail
      3  sans clé (un patient : les documents sont envoyés avec un mot de passe que vous dictez par téléphone)
nokey-add-choose = Choisissez 1, 2 ou 3 :
nokey-add-ask-file = Fichier de clé :
nokey-add-ask-email = Adresse e-mail :
nokey-add-ask-email-optional = Adresse e-mail pour l'envoi (laissez vide si aucune) :
nokey-add-bad-choice = Répondez 1, 2 ou 3. Rien n'a été ajouté.
nokey-key-added = Clé ajoutée pour « { $alias } » : les documents pour cette personne sont désormais chiffrés avec cette clé. Pas encore vérifiée.
nokey-check-delivery = Envoi :
nokey-check-delivery-password = un mot de passe que vous dictez par téléphone
nokey-check-ready = « { $alias } » n'a pas de clé : carepost envoie un document protégé par mot de passe, et vous dictez ce mot de passe par téléphone.
nokey-refresh-skipped = il n'y a pas de clé à actualiser : les documents sont envoyés avec un mot de passe par téléphone (ajouter une clé : carepost contact update ALIAS --key-file FICHIER)
nokey-key-already-attached = « { $alias } » a déjà une clé (ajoutée au même moment par une autre commande carepost) ; rien n'a été modifié
nokey-status-label = Sans clé :
nokey-status-count = { $count ->
        [one] 1 patient (documents avec un mot de passe par téléphone)
       *[other] { $count } patients (documents avec un mot de passe par téléphone)
    }
error-nokey-send = « { $alias } » n'a pas de clé : un document pour cette personne ne peut pas être chiffré avec une clé
hint-nokey-send = envoyez-le avec un mot de passe que vous dictez par téléphone : carepost send FICHIER --to { $alias } --password
error-nokey-colleague = un confrère a toujours besoin d'une clé : --no-key est réservé aux patients
hint-nokey-colleague = ajoutez le confrère avec sa clé : carepost contact add ALIAS --colleague --key-file FICHIER (ou --email ADRESSE)
error-nokey-verify = « { $alias } » n'a pas de clé à vérifier : les documents lui sont envoyés avec un mot de passe par téléphone
hint-nokey-verify = lorsque cette personne aura une clé, ajoutez-la avec : carepost contact update { $alias } --key-file FICHIER, puis vérifiez-la par téléphone
error-nokey-publish = « { $alias } » n'a pas de clé à publier
hint-nokey-publish = un Web Key Directory ne contient que des clés : retirez ce contact de --contact
error-nokey-has-key = « { $alias } » a déjà une clé
hint-nokey-has-key = pour la remplacer par une plus récente : carepost contact update { $alias } --key-file FICHIER
