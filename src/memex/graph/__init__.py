"""The note graph: links, entities and meaning between notes; related notes; proactive insights.

Derived from the store (SQLite stays the truth) and updated after each sync for the notes that changed.
"""

from memex.graph import export_provider as _export_provider  # noqa: E402 - registers the graph with exports

_export_provider.register()
