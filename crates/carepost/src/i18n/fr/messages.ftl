# carepost — textes en français.

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
verify-standing-verified = rien n'a changé : « { $alias } » reste vérifié, comme le { $date } ({ $method })
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
