"""The self-service kiosk: a visitor takes a ticket in their own language."""
