# carepost — textes en français.

## completions
cli-completions = Afficher le script de complétion pour le shell : bash, zsh ou fish
cli-completions-shell = Le shell dans lequel compléter les commandes et les options
cli-manpages = Écrire une page de manuel par commande dans DIR (pour construire un paquet)
cli-systemd-units = Écrire dans DIR les unités utilisateur systemd de la purge horaire (pour construire un paquet)
cli-generate-dir = Dossier où écrire les fichiers (créé s'il n'existe pas encore)
