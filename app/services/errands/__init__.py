"""Errand logging: the errands of a visit and their corrections."""
