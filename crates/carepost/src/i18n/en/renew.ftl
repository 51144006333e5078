## The identity's expiry: renewing the key, and the warnings before it expires.
