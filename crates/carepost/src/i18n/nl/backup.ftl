## Backup and restore: carrying the home to another computer with a recovery code.
