## Revoking the identity and replacing it with a new key (init --replace).
