"""Getting knowledge out of Memex and back in: an Obsidian/Markdown vault, and a JSON Lines archive.

- `vault.py`: `export_vault` writes every indexed document, saved answer, conversation and memory as notes.
- `archive.py`: `export_archive` / `import_archive`, the versioned, checksummed JSON Lines archive (docs/export.md).
- `notes.py`: one document as Markdown (kept as it is, or converted from its parsed structure).
- `answers.py`: saved answers (`memex ask --save`) and conversation threads as notes.
- `names.py`: file names that are legal on Windows, macOS and Linux, and unique.
- `hooks.py`: where other features (the note graph) plug into an export.
"""
