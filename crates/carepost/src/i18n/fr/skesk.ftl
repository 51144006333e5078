# Ouvrir un message OpenPGP protégé par un mot de passe : open --password, --password-file.

prompt-message-password = Mot de passe de ce message (l'expéditeur vous l'a donné par téléphone) :
open-password-not-needed = votre propre clé ouvre ce message : le mot de passe n'est pas nécessaire
open-password-not-protected = ce message n'est pas protégé par un mot de passe : votre clé l'ouvre, le mot de passe n'est pas utilisé
open-password-not-for-email = --password et --password-file ouvrent un seul fichier protégé par un mot de passe, pas un e-mail
message-wrong-password = le mot de passe n'ouvre pas ce message
hint-message-wrong-password = vérifiez le mot de passe auprès de l'expéditeur (par téléphone) et tapez-le à nouveau ; s'il est correct, le fichier est peut-être endommagé : demandez-le à nouveau
error-password-file = impossible d'utiliser le fichier de mot de passe { $path } : { $reason }
hint-password-file = le mot de passe est lu sur la première ligne du fichier ; rendez le fichier lisible par vous seul
error-password-needs-terminal = --password demande le mot de passe dans un terminal, et il n'y en a pas ici
hint-password-needs-terminal = mettez le mot de passe sur la première ligne d'un fichier lisible par vous seul et indiquez --password-file FICHIER
error-password-empty = aucun mot de passe n'a été tapé
hint-password-empty = tapez le mot de passe que l'expéditeur vous a donné, ou utilisez --password-file FICHIER

# open FILE.pdf --password : vérifier un PDF protégé par mot de passe.
open-pdf-opens = Le mot de passe ouvre ce PDF ({ $pages ->
    [one] 1 page
   *[other] { $pages } pages
}).
open-pdf-metadata-clear = Attention : le titre et les autres informations de ce PDF ne sont pas chiffrés.
open-pdf-no-attachments = Il ne contient aucun fichier joint.
open-pdf-attachment = Fichier joint : { $name } ({ $size })
open-pdf-nothing-written = Rien n'a été enregistré : ceci vérifie seulement le fichier. Le patient l'ouvre dans son programme PDF habituel avec le même mot de passe.
