"""The service point (lucka): calling, serving and logging errands."""
