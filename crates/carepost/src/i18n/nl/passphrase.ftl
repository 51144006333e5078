## The identity's passphrase: changing it, moving it into or out of the keychain.
