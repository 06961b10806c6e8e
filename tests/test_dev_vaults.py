"""The dev vaults under bench/data stay consistent: every gold note, must_include string and quote checks out."""
from __future__ import annotations

import subprocess
import sys

import pytest
from fixture_paths import REPO

VAULTS = ["engineer-vault", "panadera-vault-es", "nurse-vault", "kine-vault-fr", "postman-vault", "imkerin-vault-de",
          "farmaceutica-vault-pt", "gardener-vault", "trattoria-vault-it", "landmeter-vault-nl",
          "verloskundige-vault-nl", "tischlerin-vault-de", "soundeng-vault", "consultora-vault-es",
          "haulier-vault", "illustrator-vault"]


@pytest.mark.parametrize("vault", VAULTS)
def test_dev_vault_checks_out(vault: str) -> None:
    root = REPO / "bench" / "data" / vault
    done = subprocess.run([sys.executable, str(root / "tools" / "check.py")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith("OK")
    assert "skipped" not in done.stdout  # python-docx and pypdf are memex dependencies: the binary notes are checked too
