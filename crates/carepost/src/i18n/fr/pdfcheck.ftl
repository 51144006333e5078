## Vérifier un PDF protégé par mot de passe (`open FICHIER.pdf --password`) :
## ce qui arrête la vérification avant que le mot de passe soit essayé.

error-pdfcheck-empty = { $path } est vide (0 octet) ; il n'y a pas de PDF à vérifier
hint-pdfcheck-empty = le fichier n'est pas arrivé ou n'a pas été enregistré entièrement ; enregistrez à nouveau la pièce jointe de l'e-mail et vérifiez cette copie (carepost conserve le PDF envoyé dans la boîte d'envoi)
error-pdfcheck-too-large = { $path } fait { $size }, plus que les { $limit } que carepost vérifie ; aucun PDF protégé par carepost n'est aussi volumineux
hint-pdfcheck-too-large = ce n'est pas un PDF que carepost a envoyé avec un mot de passe ; vérifiez que vous avez le bon fichier (les PDF envoyés par carepost se trouvent dans la boîte d'envoi)
