"""What a user can do with Memex, and where: the capability x interface table (docs/interfaces.md).

Each row names, per interface, what reaches the capability there (a CLI command path, a REST
"METHOD /path", an MCP tool or resource, a web UI "Page" or "Page:widget-key", a trailing * matching any key with that prefix, an A2A skill id), or
the reason it is not offered there. tests/test_capabilities.py checks every reference against the
running code (click commands, the OpenAPI document, the MCP server's tools, the UI pages rendered by
Streamlit's AppTest, the agent card), that every command, route and tool appears in some row (or in
PLUMBING with its reason), and that docs/interfaces.md shows this very table.

To add a capability: append a Capability(...) to CAPABILITIES, then run
`python -m memex.interfaces.capabilities > /tmp/t.md` and paste the table into docs/interfaces.md.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

INTERFACES: dict[str, str] = {"cli": "CLI", "rest": "REST API", "mcp": "MCP", "web": "Web UI", "a2a": "A2A"}
"""Interface key -> column title. The OpenAI-compatible /v1 API is a REST protocol adapter (see PLUMBING)."""

TABLE_START = "<!-- capability-table:start -->"
TABLE_END = "<!-- capability-table:end -->"

NOT_FOR_AGENTS = "another agent asks and searches; managing the user's index stays with the user"
MAINTENANCE = "index maintenance, run by the user (CLI, REST or the web UI), not by an assistant"


@dataclass(frozen=True)
class Capability:
    """One thing a user can do, and how each interface reaches it (a reference, or a reason why not)."""

    name: str
    group: str
    cli: str | None = None
    rest: str | None = None
    mcp: str | None = None
    web: str | None = None
    a2a: str | None = None
    why_not: Mapping[str, str] = field(default_factory=dict)

    def ref(self, interface: str) -> str | None:
        """What reaches this capability on `interface`, or None."""
        return getattr(self, interface)


CAPABILITIES: list[Capability] = [
    Capability("Search notes", "read", cli="search", rest="POST /search", mcp="search_notes",
               web="Search:search_query", a2a="search-notes"),
    Capability("Ask, answered with checked citations", "read", cli="ask", rest="POST /ask", mcp="ask",
               web="Ask:ask_input", a2a="answer-from-notes"),
    Capability("List notes", "read", cli="note list", rest="GET /documents", mcp="list_recent", web="Browse",
               why_not={"a2a": "answers cite notes; browsing the whole collection is for the user's own tools"}),
    Capability("Read a note", "read", cli="note show", rest="GET /documents/{doc_id}", mcp="get_note",
               web="Browse:browse_pick",
               why_not={"a2a": "answers quote the passages they use; whole notes stay with the user's own tools"}),
    Capability("Related notes, with reasons (links, shared names, tags, meaning)", "graph", cli="related",
               rest="GET /related", mcp="related", web="Graph:graph_view",
               why_not={"a2a": "answers already draw on the notes they need; exploring the vault is for the user"}),
    Capability("Links, backlinks and similar notes of one note", "graph", mcp="related_notes", web="Browse",
               why_not={"cli": "`memex related` gives the same with reasons", "rest": "GET /related",
                        "a2a": "answers already draw on the notes they need; exploring the vault is for the user"}),
    Capability("Note graph: neighbourhood, hubs, orphans, export", "graph", cli="graph", rest="GET /graph",
               mcp="note_neighbourhood", web="Graph:graph_around",
               why_not={"a2a": "a map of the vault is for the user and their own assistant"}),
    Capability("Insights: contradictions, connections, notes to revisit, topics", "graph", cli="insights",
               rest="GET /insights", mcp="insights", web="Insights:insights_kind",
               why_not={"a2a": "insights are about the user's own notes, for the user and their assistant"}),
    Capability("Dismiss an insight", "graph", cli="insights", rest="POST /insights/{insight_id}/dismiss",
               mcp="dismiss_insight", web="Insights:dismiss-*",
               why_not={"a2a": "insights are about the user's own notes, for the user and their assistant"}),
    Capability("Rebuild the note graph (after an upgrade changed how names are found)", "graph",
               cli="graph", rest="POST /graph/rebuild", web="Graph:graph_rebuild",
               why_not={"mcp": MAINTENANCE, "a2a": NOT_FOR_AGENTS}),
    Capability("Start a thread", "threads", cli="chat", rest="POST /threads", mcp="ask", web="Ask:new_thread",
               a2a="answer-from-notes"),
    Capability("List conversation threads", "threads", cli="threads list", rest="GET /threads", mcp="list_threads",
               web="Ask:thread-*",
               why_not={"a2a": "A2A has its own contexts: each context is a Memex thread, listed everywhere else"}),
    Capability("Read a thread", "threads", cli="threads show", rest="GET /threads/{thread_id}", mcp="read_thread",
               web="Ask",
               why_not={"a2a": "an agent keeps its own context; the tasks of a context are read with GetTask"}),
    Capability("Continue a thread (follow-up questions)", "threads", cli="threads ask",
               rest="POST /threads/{thread_id}/ask", mcp="ask", web="Ask:ask_input", a2a="answer-from-notes"),
    Capability("Delete a thread", "threads", cli="threads delete", rest="DELETE /threads/{thread_id}",
               mcp="delete_thread", web="Ask:delete_thread",
               why_not={"a2a": "other agents never delete the user's conversations"}),
    Capability("List remembered facts", "memory", cli="memory list", rest="GET /memories", mcp="list_memories",
               web="Memory", why_not={"a2a": "the user's memory is managed by the user, not by other agents"}),
    Capability("Remember a fact", "memory", cli="memory add", rest="POST /memories", mcp="remember",
               web="Memory:memory_fact",
               why_not={"a2a": "say “remember that …” to answer-from-notes (only with a2a_write_tools = true)"}),
    Capability("Forget a fact", "memory", cli="memory forget", rest="DELETE /memories/{memory_id}",
               mcp="forget_memory", web="Memory:forget-*",
               why_not={"a2a": "the user's memory is managed by the user, not by other agents"}),
    Capability("Write a new note (quick capture)", "capture", cli="note new", rest="POST /notes", mcp="add_note",
               web="New note:note_save", a2a="save-note"),
    Capability("Append to today's daily note", "capture", cli="note daily", rest="POST /notes/daily",
               mcp="append_daily_note", web="New note:note_daily", a2a="save-note"),
    Capability("Where captured notes go", "capture", cli="note where", rest="GET /notes/places", web="New note",
               why_not={"mcp": "add_note and append_daily_note return the path they wrote",
                        "a2a": "save-note returns the path it wrote"}),
    Capability("Save an answer as a note", "export", cli="ask", rest="POST /answers", mcp="save_answer",
               web="Ask:dl-answer-*",
               why_not={"a2a": "the answer comes back to the calling agent, which keeps it where it likes"}),
    Capability("List saved answers", "export", rest="GET /answers", web="Export",
               why_not={"cli": "saved answers are Markdown notes in <home>/answers: any file tool lists them",
                        "mcp": "save_answer returns the note it wrote; saved answers are part of the vault export",
                        "a2a": NOT_FOR_AGENTS}),
    Capability("A saved answer as a Markdown note", "export", rest="GET /answers/{answer_id}/note", web="Export",
               why_not={"cli": "`ask --save-to DIR` writes the note where you want it",
                        "mcp": "save_answer returns the note it wrote", "a2a": NOT_FOR_AGENTS}),
    Capability("Export a conversation as a note", "export", cli="chat export", rest="GET /threads/{thread_id}/note",
               mcp="conversation_note", web="Ask:dl-conversation",
               why_not={"a2a": "an agent keeps its own context; the user exports threads"}),
    Capability("Export everything (Obsidian/Markdown vault or JSON archive)", "export", cli="export",
               rest="GET /export", web="Export:export_go",
               why_not={"mcp": "a whole-vault export does not fit a tool call", "a2a": NOT_FOR_AGENTS}),
    Capability("Import an archive (no re-embedding)", "export", cli="import", rest="POST /import",
               web="Export:import_upload",
               why_not={"mcp": "an import changes the whole index: the user runs it", "a2a": NOT_FOR_AGENTS}),
    Capability("Ask by voice (spoken question, spoken answer)", "voice", cli="voice", rest="POST /voice/ask",
               web="Ask",
               why_not={"mcp": "assistant hosts take speech themselves and send the text to ask",
                        "a2a": "agents exchange text; an agent asks in words"}),
    Capability("Transcribe a recording (timed segments)", "voice", cli="transcribe", rest="POST /transcribe",
               mcp="transcribe",
               why_not={"web": "recordings added on the Add page are transcribed and indexed; Ask by voice "
                               "transcribes questions",
                        "a2a": "agents exchange text, not recordings"}),
    Capability("Add a folder", "index", cli="add", rest="POST /sources", web="Add:add_path",
               why_not={"mcp": MAINTENANCE, "a2a": NOT_FOR_AGENTS}),
    Capability("Upload a file", "index", rest="POST /documents", web="Add:uploads",
               why_not={"cli": "`memex add FILE` indexes a file where it is; nothing to upload",
                        "mcp": "add_note writes text notes; files are added by the user", "a2a": NOT_FOR_AGENTS}),
    Capability("Sync now", "index", cli="sync", rest="POST /sync", web="Status:sync_now",
               why_not={"mcp": MAINTENANCE, "a2a": NOT_FOR_AGENTS}),
    Capability("Forget a document", "index", cli="remove", rest="DELETE /documents/{doc_id}", web="Browse",
               why_not={"mcp": "assistants never delete the user's notes", "a2a": NOT_FOR_AGENTS}),
    Capability("Index status and failures", "index", cli="status", rest="GET /status", mcp="memex://status",
               web="Status", why_not={"a2a": "the agent card describes the agent; index health is for the user"}),
    Capability("Audit log", "index", cli="audit", rest="GET /audit", web="Status",
               why_not={"mcp": "a record of what assistants did is not for the assistants to read",
                        "a2a": "a record of what agents did is not for the agents to read"}),
]

PLUMBING: dict[str, dict[str, str]] = {
    "cli": {
        "watch": "a long-running process: keeps the index in sync beside the servers",
        "backup": "a store-level copy, a file on the user's machine",
        "check": "store integrity check and repair",
        "eval": "retrieval benchmark on a dataset",
        "eval-answers": "answer-quality benchmark on a QA set",
        "serve": "starts the REST, /v1 and A2A server",
        "mcp": "starts the MCP server",
        "ui": "starts the web UI",
        "token": "prints the servers' bearer token",
    },
    "rest": {
        "GET /health": "liveness probe",
        "GET /v1/models": "OpenAI-compatible adapter: the models a chat app can pick (answer with notes)",
        "GET /v1/models/{model_id}": "OpenAI-compatible adapter",
        "POST /v1/chat/completions": "OpenAI-compatible adapter for Ask / Continue (history in the request)",
        "POST /v1/embeddings": "OpenAI-compatible adapter: the bundled embedding model for other local tools",
        "GET /.well-known/agent-card.json": "the A2A agent card (the A2A column)",
    },
    "mcp": {"memex://note/{id}": "Read a note, as a resource for hosts that attach resources (get_note is the tool)",
            "memex://thread/{id}": "A conversation as a note, as a resource (conversation_note is the tool)",
            "memex://related/{id}": "Related notes as a resource (the related tool)",
            "memex://insights": "Insights as a resource (the insights tool)"},
}
"""Commands, routes and tools that are ways in or tooling rather than capabilities, with why."""


def markdown_table() -> str:
    """The capability x interface table as Markdown (what docs/interfaces.md shows)."""
    head = "| Capability | " + " | ".join(INTERFACES.values()) + " |"
    rule = "|---" * (len(INTERFACES) + 1) + "|"
    rows = [head, rule]
    for cap in CAPABILITIES:
        cells = []
        for key in INTERFACES:
            ref = cap.ref(key)
            if ref is not None:
                cells.append(f"`{_ref_text(key, ref)}`")
            else:
                cells.append(f"— {cap.why_not.get(key, '(no reason given)')}")
        rows.append(f"| {cap.name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _ref_text(interface: str, ref: str) -> str:
    if interface == "cli":
        return f"memex {ref}"
    if interface == "web" and ":" in ref:
        return ref.split(":", 1)[0] + " page"
    if interface == "web":
        return f"{ref} page"
    return ref


if __name__ == "__main__":
    print(TABLE_START)
    print(markdown_table())
    print(TABLE_END)
