"""The manager's settings: office, queues, service points, catalog."""
