## Révoquer votre identité et la remplacer par une nouvelle clé (init --replace).

## cli: revoke
cli-revoke-about = Révoquer votre clé définitivement (portable perdu ou volé, nouvelle clé, arrêt) : les contacts qui reçoivent la clé révoquée ne peuvent plus vous envoyer avec elle
cli-revoke-arg-reason = Pourquoi : compromised (quelqu'un d'autre a peut-être la clé), superseded (une nouvelle clé la remplace) ou retired (plus utilisée)
cli-revoke-arg-message = Une courte explication gardée dans la révocation, lisible par vos contacts (pas de noms de patients)
cli-revoke-arg-output = Écrire la clé publique révoquée dans FILE (par défaut : revoked-public-key.asc dans le dossier identity)
cli-revoke-arg-yes = Révoquer sans demander de confirmation (pour les scripts ; c'est irréversible)

## init : le fichier de révocation
init-revocation-file =
    Votre certificat de révocation : { $path }
      Gardez-en une copie hors de cet ordinateur (imprimée, ou sur une clé USB dans le coffre du cabinet) :
      si le portable est perdu, elle permet de révoquer votre clé même sans la phrase secrète.

## revoke
revoke-reason-compromised = compromise (quelqu'un d'autre a peut-être la clé)
revoke-reason-superseded = remplacée (par une nouvelle clé)
revoke-reason-retired = plus utilisée
revoke-reason-unspecified = sans raison indiquée (la révocation faite à la création de la clé)
revoke-confirm =
    Ceci révoque votre clé { $fingerprint } définitivement : c'est irréversible.
    Vous ne pourrez plus envoyer avec elle (vous pourrez encore ouvrir les documents qui lui ont été envoyés).
    La révoquer ? [o/N]
revoke-yes = o, oui, y, yes
revoke-done = Votre clé est révoquée : { $reason }.
revoke-already = Votre clé était déjà révoquée : { $reason }.
revoke-public-key = La clé publique révoquée se trouve dans : { $path }
revoke-next-steps =
    Étapes suivantes :
      1. Envoyez la clé révoquée à vos contacts, pour que leur carepost et leur messagerie cessent de l'utiliser.
      2. Là où elle était publiée :  carepost publish wkd   (à nouveau)
      3. Créez votre nouvelle clé :   carepost init --replace --name "Votre Nom" --email vous@exemple.be
revoke-used-init = Votre clé n'a pas pu être déverrouillée ({ $reason }) : le certificat de révocation fait à la création de la clé a été utilisé ; il n'indique pas de raison.
revoke-file-missing = le certificat de révocation (identity/revocation.asc) est absent
revoke-file-not-for-key = le certificat de révocation ne révoque pas cette clé
revoke-status-label = Révoquée :
revoke-status-value = oui : { $reason }
revoke-status-hint = Cette clé est révoquée : carepost n'envoie plus avec elle. Créez-en une nouvelle avec : carepost init --replace --name NOM --email E-MAIL

## erreurs et conseils
error-identity-revoked = Votre clé { $fingerprint } est révoquée ({ $reason }) : carepost n'envoie plus avec elle.
hint-identity-revoked = Créez une nouvelle clé dans ce dossier avec : carepost init --replace --name "Votre Nom" --email vous@exemple.be — vos contacts restent, et les documents envoyés à l'ancienne clé s'ouvrent toujours.
error-revocation-unusable = Votre clé n'a pas pu être déverrouillée, et le certificat de révocation est inutilisable : { $reason }.
hint-revocation-unusable = Déverrouillez la clé (--passphrase-file FILE, ou le trousseau), ou remettez dans le dossier identity la copie de revocation.asc gardée hors de cet ordinateur, puis relancez carepost revoke.
error-revoke-needs-yes = Révoquer une clé est irréversible, et personne n'est devant un terminal pour confirmer.
hint-revoke-needs-yes = Lancez la commande dans un terminal, ou ajoutez --yes si vous êtes sûr.
error-replace-not-revoked = Votre clé { $fingerprint } n'est pas révoquée : une nouvelle clé ne remplace qu'une clé révoquée.
hint-replace-not-revoked = Révoquez-la d'abord : carepost revoke --reason superseded (ou compromised si le portable a été perdu ou volé).

## init --replace
cli-init-arg-replace = Créer une nouvelle clé à la place de votre clé révoquée : les contacts restent, ceux que vous avez vérifiés restent vérifiés, les documents envoyés à l'ancienne clé s'ouvrent toujours
replace-done = Votre nouvelle identité a été créée : { $name } <{ $email }>
replace-old-key = Elle remplace votre clé révoquée { $fingerprint }, gardée dans ce dossier uniquement pour ouvrir les documents qui lui ont été envoyés.
replace-verified-again = { $count ->
    [one] 1 contact vérifié a été confirmé à nouveau avec la nouvelle clé : il reste vérifié.
   *[other] { $count } contacts vérifiés ont été confirmés à nouveau avec la nouvelle clé : ils restent vérifiés.
}
replace-transition = Déclaration de changement de clé, signée par votre ancienne et votre nouvelle clé : { $path }
    Envoyez-la à vos contacts avec votre nouvelle clé : ils peuvent vérifier avec gpg (gpg --verify) que votre ancienne clé se porte garante de la nouvelle.
replace-no-transition-compromised = Votre ancienne clé est peut-être entre d'autres mains, elle ne se porte donc pas garante de la nouvelle : chaque contact doit confirmer votre nouvelle empreinte par téléphone (carepost whoami).
replace-no-transition = Votre ancienne clé n'a pas pu être déverrouillée, elle ne peut donc pas se porter garante de la nouvelle : chaque contact doit confirmer votre nouvelle empreinte par téléphone (carepost whoami).
replace-old-key-own-passphrase = Votre ancienne clé est gardée avec sa propre phrase secrète (elle n'a pas été donnée) : les documents qui lui ont été envoyés ne s'ouvriront qu'avec cette phrase secrète.
replace-next-steps =
    Étapes suivantes :
      1. Envoyez votre nouvelle clé publique à vos contacts :   carepost export-key -o ma-nouvelle-cle.asc
      2. Lisez-leur votre nouvelle empreinte par téléphone :    carepost whoami
      3. Là où votre clé était publiée :                        carepost publish wkd   (à nouveau)

## contact update --transition
cli-contact-update-arg-transition = Une déclaration de changement de clé du contact, signée par son ancienne et sa nouvelle clé : la nouvelle clé reste vérifiée car l'ancienne, vérifiée, s'en porte garante
transition-accepted = La nouvelle clé de « { $alias } » est acceptée : son ancienne clé, vérifiée, s'en porte garante dans la déclaration de changement de clé. Le contact reste vérifié.
transition-not-verified = « { $alias } » n'est pas vérifié : seule une clé vérifiée peut se porter garante d'une nouvelle
transition-same-key = le fichier contient la clé que carepost a déjà
transition-bad-signatures = la déclaration n'est pas signée à la fois par l'ancienne et par la nouvelle clé
transition-wrong-keys = la déclaration nomme d'autres clés que l'ancienne clé de ce contact et la nouvelle clé proposée
error-transition-refused = La nouvelle clé n'a pas été acceptée : { $reason }. Rien n'a été modifié.
hint-transition-refused = Mettez la clé à jour sans la déclaration (carepost contact update ALIAS --key-file FILE), puis appelez le contact et vérifiez la nouvelle empreinte : carepost contact verify ALIAS
transition-old-compromised = l'ancienne clé de « { $alias } » a été révoquée comme compromise (ou sans raison) : elle ne peut pas se porter garante d'une nouvelle
