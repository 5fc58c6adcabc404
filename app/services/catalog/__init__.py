"""The catalog as a file: its format, validation, import and export."""
