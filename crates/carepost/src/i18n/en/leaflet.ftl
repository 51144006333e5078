## The printable patient leaflet (carepost leaflet): written for patients,
## plain and short. Step lists have one step per line.

leaflet-title = Receiving your medical documents securely
leaflet-intro = Your practice sends you documents, such as letters and test results, by encrypted email. Only you can open them. This leaflet explains how, and what to check.
leaflet-patient = This leaflet was prepared for: { $name }
leaflet-from-heading = Who sends you documents
leaflet-sender = Sent by: { $name } ({ $email })
leaflet-practice = Practice: { $practice }
leaflet-reach = Do you have a question? Contact: { $reach }
leaflet-reach-default = Do you have a question? Contact the practice as you usually do.
leaflet-fingerprint-heading = The practice's fingerprint
leaflet-fingerprint-intro = A fingerprint is a code that belongs to the practice's key and to nothing else. If the code in your program, or the code the practice reads out on the phone, is the same as below, the documents really come from your practice.
leaflet-hex-label = In letters and numbers
leaflet-words-label = In words (easier to read out)
leaflet-qr-caption = With OpenKeychain on an Android phone you can scan this code instead of typing the fingerprint.
leaflet-arrival-heading = How documents reach you
leaflet-arrival = Documents arrive by email, as an attachment. The email itself says nothing about your health. There are two ways to open them.
leaflet-path-key = You will receive documents encrypted to your own key. The practice has this fingerprint on record for your key: { $fingerprint }
leaflet-path-password = You will receive documents as a PDF file protected with a password. The practice tells you the password by phone.
leaflet-way-key-heading = Way 1: with an encryption program (OpenPGP)
leaflet-way-key-intro = You make your own key once and send your public key to the practice. After that, your program opens the documents for you. Choose the program that suits your computer or phone:
leaflet-app-kleopatra = Windows: Gpg4win (Kleopatra)
leaflet-steps-kleopatra =
    Install Gpg4win from gpg4win.org and open Kleopatra.
    Make your key: File → New OpenPGP Key Pair, with your name and email address.
    Send your public key: right-click your key, choose Export and email the saved file to the practice.
    Your fingerprint: double-click your key. It is shown under Fingerprint.
    To open a document: save the attachment and open it with Kleopatra (Decrypt/Verify).
leaflet-app-thunderbird = Thunderbird (computer)
leaflet-steps-thunderbird =
    Make your key: Account Settings → End-to-End Encryption → Add Key → Create a new OpenPGP Key.
    Send your public key: in a new email to the practice, choose OpenPGP → Attach My Public Key.
    Your fingerprint: it is shown under Account Settings → End-to-End Encryption, with your key.
    To open a document: Thunderbird decrypts the email and its attachment for you.
leaflet-app-openkeychain = Android: OpenKeychain with K-9 Mail or Thunderbird
leaflet-steps-openkeychain =
    Install OpenKeychain, and K-9 Mail or Thunderbird for Android.
    In OpenKeychain, choose Create my key.
    In the mail app, open the account settings, then End-to-end encryption, and choose OpenKeychain.
    Send your public key: in OpenKeychain, tap your key, then Share, and send it by email to the practice.
    Your fingerprint: tap your key in OpenKeychain. It is shown there.
leaflet-app-proton = Proton Mail
leaflet-steps-proton =
    Proton Mail makes your key for you.
    Send your public key: Settings → Encryption and keys → export your public key, and email the file to the practice.
    Add the practice's key: in Contacts, open the practice, and upload the key the practice sent you under its email settings.
    Your fingerprint: it is shown under Settings → Encryption and keys, with your key.
leaflet-app-mailvelope = Mailvelope (in your web browser)
leaflet-steps-mailvelope =
    Add Mailvelope to your web browser (mailvelope.com) and make your key under Key Management.
    Send your public key: Key Management → your key → Export, choose the public key and email the file to the practice.
    Your fingerprint: Key Management → your key. It is shown in the details.
    To open a document: Mailvelope shows the email in your webmail. For an attachment, use File Encryption → Decrypt.
leaflet-way-password-heading = Way 2: without an encryption program
leaflet-steps-password =
    The practice phones you and tells you a password.
    Open the PDF attachment in your usual PDF program.
    Type the password when the program asks for it.
leaflet-call-heading = The phone call
leaflet-call =
    The practice calls you on the phone number in your file.
    You read out your fingerprint. Or the practice reads out its fingerprint and you compare it with this leaflet.
    If something seems wrong, hang up and call the practice on its usual number.
leaflet-call-never = The practice never asks you for a password, a PIN or a code. Never reply to the email with the password.
leaflet-keeping-heading = Storage, and your choice
leaflet-keeping-sent = The practice keeps its encrypted copy of each document it sends you for { $period }, then deletes it.
leaflet-keeping-received = Documents you send to the practice are deleted from this system { $period } after they are opened.
leaflet-keeping-log = A record of what was sent and when, without the content, is kept for { $period }.
leaflet-keeping-record = Your medical record itself is kept as the law requires.
leaflet-store-safely = Keep the documents you receive in a safe place, not on a computer you share with others, and delete them when you no longer need them.
leaflet-stop = You can stop receiving documents this way at any time: tell the practice that you withdraw your consent.
leaflet-footer = Keep this leaflet. Made on { $date } by your practice.

## What the command says.
leaflet-written = Leaflet written to { $path }. Print it and give it to the patient in person.
leaflet-written-for = It says how documents reach this contact: { $delivery }.
leaflet-delivery-key = encrypted to their key
leaflet-delivery-password = with a password told by phone
leaflet-remembered = The practice details were remembered for the next leaflets.
leaflet-text-invalid = { $option } must be one line of at most { $max } characters
