"""`python -m memex.interfaces.cli` runs the CLI (tests use it to avoid depending on PATH)."""
from memex.interfaces.cli.main import main

main()
