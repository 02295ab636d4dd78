"""Rules: the contract (model.py), the YAML rule kinds (kinds/), built-in Python rules
(builtin/), and the registry that loads packs and entry-point plugins (registry.py)."""
