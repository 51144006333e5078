## The identity's expiry: renewing the key, and the warnings before it expires.

## renew: the command's help
cli-renew-about = Prolonger la validité de votre clé avant qu'elle expire (ou après) : même clé, même empreinte
cli-renew-arg-years = Combien d'années à partir d'aujourd'hui la clé reste valable (de 1 à 5 ; 3 par défaut)
cli-renew-arg-output = Écrire la clé publique prolongée dans FICHIER (un nouveau fichier) au lieu de my-public-key.asc dans la boîte d'envoi
cli-value-years = ANNÉES

## renew: what it says
renew-done = Votre clé est prolongée : valable jusqu'au { $date }. C'est la même clé, avec la même empreinte.
renew-done-was-expired = Elle avait expiré le { $previous } ; vous pouvez de nouveau envoyer.
renew-key-written = La clé publique mise à jour se trouve dans { $path }
renew-next-contacts = Étape suivante : envoyez ce fichier à vos contacts (ou créez-en un avec : carepost export-key -o FICHIER). Leur copie de votre clé indique encore { $previous } jusqu'à ce qu'ils l'ajoutent avec carepost contact update. Leur vérification de votre clé reste valable : ils ne doivent pas vous rappeler.
renew-next-publish = Si votre cabinet publie ses clés dans un Web Key Directory ou sur un serveur de clés, publiez à nouveau : carepost publish wkd --out DOSSIER, ou carepost publish keyserver.
renew-years-range = le nombre d'années doit être compris entre 1 et { $max }
renew-signing-subkey = elle a une sous-clé de signature, que carepost ne peut pas prolonger ; prolongez-la avec le programme qui l'a créée
renew-before-creation = la nouvelle date d'expiration précéderait la création de la clé : vérifiez la date et l'heure de l'ordinateur

## renew: the warning before every command
renew-warning-soon = votre propre clé expire le { $date } (dans { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }). Prolongez-la maintenant, cela prend une minute : carepost renew
renew-warning-expired = votre propre clé a expiré le { $date }. Vous ne pouvez plus envoyer de documents tant que vous ne l'avez pas prolongée : carepost renew

## renew: refusals
error-renew-expired = votre propre clé a expiré le { $date } : rien ne peut être signé ni envoyé avec elle tant qu'elle n'est pas prolongée
hint-renew-expired = lancez : carepost renew. La clé et l'empreinte restent les mêmes, donc les vérifications de vos contacts restent valables ; envoyez-leur ensuite la clé mise à jour (carepost export-key). Les documents reçus peuvent toujours être ouverts.
error-renew-revoked = votre clé est révoquée, et une clé révoquée ne peut pas être prolongée
hint-renew-revoked = une clé révoquée le reste ; créez une nouvelle identité et donnez la nouvelle clé à vos contacts
error-renew-shorter = votre clé est déjà valable jusqu'au { $current }, plus tard que le { $asked } demandé
hint-renew-shorter = rien n'a été modifié ; prolongez plus près de la date, ou demandez plus d'années avec --years
