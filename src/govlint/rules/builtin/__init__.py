"""Built-in checks written in Python, registered through the `govlint.rules` entry points."""
