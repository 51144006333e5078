## Consentement : le patient est informé au préalable de ce canal et son consentement est enregistré.
consent-how-verbal = oralement
consent-how-written = par écrit
consent-how-portal = via le portail patient
consent-note-empty = La note du consentement est vide : omettez --note ou écrivez ce que vous souhaitez garder. Rien n'a été enregistré.
consent-note-too-long = La note du consentement dépasse { $max } caractères. Rien n'a été enregistré.
error-consent-missing = Non envoyé : aucun consentement n'est enregistré pour « { $alias } ». Les documents ne partent vers un patient qu'après l'avoir informé de ce canal et obtenu son accord.
hint-consent-missing =
    Expliquez au patient ce qu'est ce canal et ses limites (carepost contact add affiche le texte), puis enregistrez comment il a donné son accord :
    carepost contact consent { $alias } --give verbal   (ou written, portal)
error-consent-withdrawn = Non envoyé : « { $alias } » a retiré son consentement le { $date }. Plus rien ne lui est envoyé par ce canal.
hint-consent-withdrawn =
    Le patient a retiré son consentement le { $date }. Ne l'enregistrez à nouveau que si le patient le demande lui-même :
    carepost contact consent { $alias } --give verbal   (ou written, portal)
error-consent-colleague = « { $alias } » est un confrère : le consentement ne s'enregistre que pour les patients.
hint-consent-colleague = Un confrère n'a pas besoin de consentement : omettez --consent, ou ajoutez le contact sans --colleague s'il s'agit d'un patient.
consent-given-done = Consentement enregistré pour « { $alias } » : donné { $how } le { $date }.
consent-withdrawn-done = Consentement retiré pour « { $alias } » le { $date } : carepost ne lui envoie plus rien tant qu'un nouveau consentement n'est pas donné. Les documents déjà envoyés sont conservés comme avant.
consent-missing-note = Aucun consentement n'est enregistré pour « { $alias } » : carepost refuse de lui envoyer quoi que ce soit tant que vous ne l'enregistrez pas avec : carepost contact consent { $alias } --give verbal (ou written, portal)
consent-show-label = Consentement :
consent-show-note = Note du consentement :
consent-show-given = donné { $how } le { $date }
consent-show-withdrawn = retiré le { $date } : rien ne lui est envoyé
consent-show-missing = non enregistré : rien ne peut encore lui être envoyé
consent-list-missing = (pas encore de consentement)
consent-list-withdrawn = (consentement retiré)
consent-explain =
    Avant que des documents lui parviennent de cette façon, dites au patient :
      - carepost envoie ses documents par e-mail ou sous forme de fichier, chiffrés : seuls lui (et vous) pouvez les ouvrir.
      - Un e-mail montre tout de même qui écrit à qui, et quand ; l'objet ne dit rien de lui.
      - Sans clé personnelle, un document arrive avec un mot de passe que vous lui communiquez par téléphone, jamais par e-mail.
      - Il peut arrêter à tout moment en le disant au cabinet ; ce qui a déjà été envoyé reste tel quel.
      - S'il préfère une autre voie (sur papier, au cabinet), c'est tout à fait possible.
consent-ask-choices =
    Comment « { $alias } » a-t-il donné son accord ?
      1  oralement (en consultation ou par téléphone)
      2  par écrit (un formulaire signé)
      3  via le portail patient
      4  pas encore (rien ne peut lui être envoyé tant que vous ne l'enregistrez pas)
consent-ask-choose = Choisissez 1, 2, 3 ou 4 :
consent-ask-bad-choice = Répondez 1, 2, 3 ou 4. Rien n'a été ajouté.
cli-contact-consent-about = Enregistrer qu'un patient accepte les documents par ce canal (--give), ou qu'il retire son consentement (--withdraw)
cli-contact-consent-arg-alias = L'alias du patient
cli-contact-consent-arg-give = Comment le patient a donné son accord, après avoir été informé du canal : verbal (oralement), written (par écrit) ou portal (portail)
cli-contact-consent-arg-withdraw = Le patient retire son consentement : plus rien ne lui est envoyé
cli-contact-consent-arg-note = Une note à garder avec l'enregistrement, dans vos propres mots (non écrite dans le journal)
cli-contact-consent-after-help = Code de sortie : 2 pour un confrère (le consentement concerne uniquement les patients). Un envoi à un patient sans consentement, ou après son retrait, est refusé avec le code 3.
cli-contact-add-arg-consent = Comment le patient a donné son accord, après avoir été informé du canal : verbal (oralement), written (par écrit) ou portal (portail) ; demandé au terminal s'il est omis
cli-contact-add-arg-consent-note = Une note à garder avec le consentement (non écrite dans le journal)
cli-value-how = COMMENT
tour-consent = Le patient a été informé de ce canal et a donné son accord ; carepost l'enregistre : carepost contact consent p-0042 --give verbal
