"""The reference central receiver: every office's days over HTTP (an optional extra)."""
