"""Changing the office's set-up: rules, opening hours, queues, service points, catalog entries."""
