"""Booked visits: the agencies' booking systems' files, read into rows the office can check in."""
