"""The waiting-room display and its announcements."""
