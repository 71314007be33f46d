"""The ``sanctrace`` command line: one module per verb group, assembled in ``app.py``."""
