"""Reception: issuing, printing and following the queue."""
