## Backup and restore: carrying the home to another computer with a recovery code.

## Command-line help
cli-backup-about = Write an encrypted backup of your identity, contacts and log, opened by a recovery code shown once
cli-backup-arg-output = The backup file to write (a new file; never over an existing one)
cli-backup-arg-recovery-code-file = Write the recovery code to this new file (only you can read it) instead of showing it, for scripts
cli-backup-arg-with-documents = Include the documents carepost keeps (inbox, outbox, locked documents); without it, they stay on this computer
cli-restore-about = Restore a backup made with `carepost backup` into an empty home on this computer
cli-restore-arg-file = The backup file
cli-restore-arg-recovery-code-file = Read the recovery code from the first line of this file instead of asking for it

## backup
backup-written = Backup written to { $file }: { $contacts } contacts ({ $verified } verified), { $documents } documents.
backup-code-intro = Your recovery code (shown only this once):
backup-code-keep = Write it down or print it now, and keep it apart from the backup file: whoever has both can act as you. Without the code, the backup cannot be opened, by you or anyone.
backup-code-in-file = The recovery code is in { $path }. Keep that file apart from the backup file.
backup-next = On the new computer: `carepost restore FILE` (see "Moving to a new computer" in the user guide).

## restore
restore-prompt-code = Recovery code:
restore-code-typo-again = That code has a typo (a character is wrong, missing or extra). Type it again, as written down.
restore-done = Restored into { $home }: the backup of { $date }, { $contacts } contacts ({ $verified } still verified), log with { $records } records, continued with a "restored" record.
restore-documents = { $count ->
        [one] { $count } document came back with the backup.
       *[other] { $count } documents came back with the backup.
    }
restore-documents-left = { $count ->
        [one] { $count } document under retention stayed on the old computer: this home lists it as released (`carepost files --all`) and never deletes anything in its place; the old computer's carepost keeps deleting it on time.
       *[other] { $count } documents under retention stayed on the old computer: this home lists them as released (`carepost files --all`) and never deletes anything in their place; the old computer's carepost keeps deleting them on time.
    }
restore-next = Check with `carepost status` and `carepost log --check`. On the old computer, delete the home once you have checked this one works.

## status
backup-status-label = Last backup:
backup-status-never = never
backup-status-overdue = the last backup was made on { $date }: make a new one with `carepost backup -o FILE`
backup-status-none-yet = no backup of this identity was made here yet: make one with `carepost backup -o FILE`

## Why a backup does not open
backup-no-manifest = it has no readable description of its contents
backup-no-key = it holds no readable secret key
backup-no-state = it holds no state database
backup-fingerprint-differs = the key inside is not the identity the backup names
backup-log-head-differs = the audit log inside does not end where the backup says
backup-verifications-differ = { $expected } contacts were verified when it was made, { $found } verifications check out now
backup-unexpected-entry = it holds something a carepost backup never holds
backup-cut-short = it is cut short

## Errors and hints
error-backup-code-typo = the recovery code has a typo: a character is wrong, missing or extra
hint-backup-code-typo = type the code again exactly as written down, in its seven groups of four (capitals or small letters, dashes or spaces)
error-backup-wrong-code = this recovery code does not open this backup
hint-backup-wrong-code = the code is well formed but belongs to another backup; each backup has its own code, shown when it was made
error-backup-no-code = a recovery code is needed to open the backup
hint-backup-no-code = run `carepost restore FILE` on a terminal to type it, or give --recovery-code-file F
error-backup-damaged = the backup cannot be read: { $reason }
hint-backup-damaged = the file is damaged or was changed; nothing was restored. Use another copy of the backup, or make a new one on the old computer
error-backup-newer-format = the backup was made by a newer carepost (format { $version })
hint-backup-newer-format = install the carepost version of the old computer, or newer, and restore again
error-backup-inconsistent = the backup does not check out: { $reason }
error-backup-home-not-empty = the home { $path } is not empty
hint-backup-home-not-empty = restore into a new or empty home: choose another --home, or move that folder away first
error-backup-other-identity = this home already holds another identity ({ $home }); the backup is of { $backup }
hint-backup-other-identity = restore into a new home with --home; one home holds one identity
error-backup-same-identity = this home already holds this identity ({ $fingerprint }); nothing was restored
error-backup-same-identity-older = this home already holds this identity ({ $fingerprint }), and its log goes on past the backup (to record { $home }; the backup ends at { $backup }): the backup is older than this home
hint-backup-same-identity = keep using this home; restore only onto a computer that does not have it yet
