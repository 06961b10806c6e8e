"""The note graph: links, entities and meaning between notes; related notes; proactive insights.

Derived from the store (SQLite stays the truth) and updated after each sync for the notes that changed.
"""
