"""The office itself: its rules and lists, its clock and calendar, its revision."""
