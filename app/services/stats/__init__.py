"""Statistics for the office manager: daily summaries, period figures, the staffing forecast."""
