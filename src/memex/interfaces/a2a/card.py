"""The agent card served at /.well-known/agent-card.json: who Memex is, where to call it, its skills."""
from __future__ import annotations

from a2a.types import (
    AgentCapabilities,
    AgentCard,
    AgentInterface,
    AgentProvider,
    AgentSkill,
    HTTPAuthSecurityScheme,
    SecurityRequirement,
    SecurityScheme,
    StringList,
)

from memex import __version__

RPC_PATH = "/a2a"
SEARCH = "search-notes"
ANSWER = "answer-from-notes"
SAVE = "save-note"
BEARER = "bearer"
TEXT = "text/plain"
JSON = "application/json"


def skills(writes: bool) -> list[AgentSkill]:
    """The skills Memex offers; "save a note" only when writes are enabled (`a2a_write_tools`)."""
    out = [
        AgentSkill(id=ANSWER, name="Answer from notes with citations",
                   description="Answers a question from the user's own notes. The reply is text with [n] markers "
                               "plus a data part holding the citations (path, location, quote); when the notes "
                               "do not support an answer it says so.",
                   tags=["notes", "question answering", "citations"],
                   examples=["When is the weekly sync?", "What did we decide about the Heron beta?"],
                   input_modes=[TEXT], output_modes=[TEXT, JSON]),
        AgentSkill(id=SEARCH, name="Search notes",
                   description="Hybrid keyword and meaning search over the user's notes. Send the query as text "
                               "with metadata {\"skill\": \"search-notes\"} (or a data part {\"skill\": "
                               "\"search-notes\", \"query\": ..., \"k\": 8}); returns passages with paths.",
                   tags=["notes", "search"], examples=["INV-2024-0042", "router firmware"],
                   input_modes=[TEXT, JSON], output_modes=[TEXT, JSON]),
    ]
    if writes:
        out.append(AgentSkill(
            id=SAVE, name="Save a note",
            description="Writes a new note into the user's inbox folder and indexes it, or with \"daily\": true "
                        "adds a line to today's daily note. Send the text with metadata {\"skill\": \"save-note\", "
                        "\"title\": ...} (or a data part {\"skill\": \"save-note\", \"title\": ..., \"text\": ...}).",
            tags=["notes", "capture"], examples=["Call the plumber about the boiler on Monday"],
            input_modes=[TEXT, JSON], output_modes=[TEXT, JSON]))
    return out


def agent_card(base_url: str, writes: bool) -> AgentCard:
    """The card for a server reachable at `base_url` (scheme://host:port, no trailing slash)."""
    base_url = base_url.rstrip("/")
    return AgentCard(
        name="Memex",
        description="A local-first second brain: answers questions from the user's own notes with checked "
                    "citations, and searches them. Notes are the user's data; answers quote them.",
        supported_interfaces=[AgentInterface(url=base_url + RPC_PATH, protocol_binding="JSONRPC",
                                             protocol_version="1.0")],
        provider=AgentProvider(organization="Memex (runs on the user's machine)", url=base_url),
        version=__version__,
        documentation_url=base_url + "/docs",
        capabilities=AgentCapabilities(streaming=True, push_notifications=False),
        security_schemes={BEARER: SecurityScheme(http_auth_security_scheme=HTTPAuthSecurityScheme(
            scheme="bearer", description="The token printed by `memex token`."))},
        security_requirements=[SecurityRequirement(schemes={BEARER: StringList()})],
        default_input_modes=[TEXT, JSON],
        default_output_modes=[TEXT, JSON],
        skills=skills(writes),
    )
