# Opening the OpenPGP password form: open --password, --password-file.

prompt-message-password = Password for this message (the sender told it to you by phone):
open-password-not-needed = your own key opens this message: the password is not needed
open-password-not-protected = this message is not protected with a password: your key opens it, the password is not used
open-password-not-for-email = --password and --password-file open a single password-protected file, not an email
message-wrong-password = the password does not open this message
hint-message-wrong-password = check the password with the sender (by phone) and type it again; if it is right, the file may be damaged: ask for it again
error-password-file = cannot use the password file { $path }: { $reason }
hint-password-file = the password is read from the first line of the file; make the file readable by you only
error-password-needs-terminal = --password asks for the password on a terminal, and there is none here
hint-password-needs-terminal = put the password on the first line of a file readable by you only and give --password-file FILE
error-password-empty = no password was typed
hint-password-empty = type the password the sender told you, or use --password-file FILE

# open FILE.pdf --password: checking a password-protected PDF.
open-pdf-opens = The password opens this PDF ({ $pages ->
    [one] 1 page
   *[other] { $pages } pages
}).
open-pdf-metadata-clear = Note: this PDF's title and other details are not encrypted.
open-pdf-no-attachments = It has no attached files.
open-pdf-attachment = Attached file: { $name } ({ $size })
open-pdf-nothing-written = Nothing was saved: this only checks the file. The patient opens it in their usual PDF program with the same password.
