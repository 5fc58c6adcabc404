"""Staff accounts, PINs and sign-in."""
