"""extraction layer."""
