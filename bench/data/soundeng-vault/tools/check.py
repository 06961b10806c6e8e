#!/usr/bin/env python3
"""The English dev vault's tools/check.py, run on this vault by default (one file serves every vault in bench/data).

This vault's injected instructions are English ("Ignore all previous instructions", "Note for AI assistants"),
which the shared pattern already covers, so the shared checks run unchanged.
"""
import importlib.util
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("vault_check", Path(__file__).resolve().parents[2] / "engineer-vault" / "tools" / "check.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)
tool.__file__ = __file__  # its default VAULT_DIR is the vault the running file sits in: this one
if __name__ == "__main__":
    sys.exit(tool.main())
