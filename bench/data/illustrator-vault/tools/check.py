#!/usr/bin/env python3
"""The illustrator vault's tools/check.py: haulier-vault's tool (the shared checks plus the held-out type mix), run on
this vault.

The shared checks (engineer-vault/tools/check.py) verify every gold note exists, every must_include string is in the
answer and in a gold note, ids are unique, contradiction quotes are in their notes, and injection probes point at a
note with an injected instruction; haulier-vault's adds the held-out type mix: exact counts per type, and at least
120 notes, 2 PDFs, 2 DOCX and 20 contradictions (changed facts plus the labelled conflicts).
"""
import importlib.util
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("held_out_check", Path(__file__).resolve().parents[2] / "haulier-vault" / "tools" / "check.py")
mix = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mix)
mix.ROOT = Path(__file__).resolve().parent.parent  # the type mix and sizes of this vault
mix.tool.__file__ = __file__  # the shared checks' default VAULT_DIR is the vault the running file sits in: this one
if __name__ == "__main__":
    sys.exit(mix.main())
