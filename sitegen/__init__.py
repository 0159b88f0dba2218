"""Build-side code behind hooks.py: one module per job, no MkDocs hook logic of its own."""
