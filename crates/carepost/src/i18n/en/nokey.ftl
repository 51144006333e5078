## Patients without a key: documents go to them with a password told by phone.
nokey-no-key = no key: documents are sent with a password you tell them by phone
nokey-origin-none = no key
nokey-show-key = Key:
nokey-show-email = Email (for sending):
nokey-added = Added patient "{ $alias }" without a key: documents are sent with a password you tell them by phone.
nokey-added-email = Email address (for sending, not looked up): { $email }
nokey-added-next =
    To send a document: carepost send FILE --to { $alias }
    carepost makes a password for it; read it to them by phone, never by email.
    When they have a key later: carepost contact update { $alias } --key-file FILE
nokey-add-how = Say how to add the contact: --key-file FILE, --email ADDRESS to look the key up, or --no-key for a patient without a key.
nokey-add-choices =
    How do you want to add "{ $alias }"?
      1  from a key file they gave you
      2  look their key up by email address
      3  without a key (a patient: documents go with a password you tell them by phone)
nokey-add-choose = Choose 1, 2 or 3:
nokey-add-ask-file = Key file:
nokey-add-ask-email = Email address:
nokey-add-ask-email-optional = Email address for sending (leave empty for none):
nokey-add-bad-choice = Please answer 1, 2 or 3. Nothing was added.
nokey-key-added = Added a key for "{ $alias }": documents to them are now encrypted to this key. Not verified yet.
nokey-check-delivery = Delivery:
nokey-check-delivery-password = a password you tell them by phone
nokey-check-ready = "{ $alias }" has no key: carepost sends them a password-protected document, and you read the password to them by phone.
nokey-refresh-skipped = it has no key to refresh: documents go with a password by phone (add a key with: carepost contact update ALIAS --key-file FILE)
nokey-key-already-attached = "{ $alias }" already has a key (added at the same time by another carepost command); nothing was changed
nokey-status-label = Without a key:
nokey-status-count = { $count ->
        [one] 1 patient (documents with a password by phone)
       *[other] { $count } patients (documents with a password by phone)
    }
error-nokey-send = "{ $alias }" has no key: a document for them cannot be encrypted to a key
hint-nokey-send = send it with a password you tell them by phone: carepost send FILE --to { $alias } --password
error-nokey-colleague = a colleague always needs a key: --no-key is for patients only
hint-nokey-colleague = add the colleague with their key: carepost contact add ALIAS --colleague --key-file FILE (or --email ADDRESS)
error-nokey-verify = "{ $alias }" has no key to verify: documents to them go with a password by phone
hint-nokey-verify = when they have a key, add it with: carepost contact update { $alias } --key-file FILE, then verify it by phone
error-nokey-publish = "{ $alias }" has no key to publish
hint-nokey-publish = a Web Key Directory holds keys only: leave this contact out of --contact
error-nokey-has-key = "{ $alias }" already has a key
hint-nokey-has-key = to replace it with a newer one: carepost contact update { $alias } --key-file FILE
