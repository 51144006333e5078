## Checking a password-protected PDF (`open FILE.pdf --password`): what
## stops the check before the password is tried.

error-pdfcheck-empty = { $path } is empty (0 bytes); there is no PDF to check
hint-pdfcheck-empty = the file did not arrive or was not saved whole; save the attachment from the email again and check that copy (carepost keeps the PDF it sent in the outbox)
error-pdfcheck-too-large = { $path } is { $size }, more than the { $limit } carepost checks; no PDF that carepost protects is this large
hint-pdfcheck-too-large = this is not a PDF that carepost sent with a password; check that you have the right file (the PDFs carepost sent are in the outbox)
