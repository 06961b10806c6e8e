"""MCP: conversations as notes (a read tool and a resource) and, with write tools on, saving an answer as a note.

A whole-vault export or an import does not fit a tool call (large, writes many files): those stay on the
CLI, REST and web UI.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError
from mcp.types import ToolAnnotations
from pydantic import Field

from memex.errors import MemexError
from memex.interfaces.gateway import Gateway

READ_ONLY = ToolAnnotations(readOnlyHint=True, destructiveHint=False, idempotentHint=True, openWorldHint=False)
WRITES = ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=False, openWorldHint=False)
THREAD_ID = r"^[0-9A-Za-z_-]{1,64}$"


def _thread_note(gateway: Gateway, thread_id: str, fmt: str) -> tuple[str, str]:
    from memex.portability.answers import thread_note
    from memex.portability.notes import LinkStyle

    with gateway.reading() as b:
        return thread_note(b.conn, thread_id, LinkStyle(fmt))


def register(server: MCPServer, gateway: Gateway, call: Any, write_tools: bool, actor: str) -> None:
    """Add the export tools and resource to `server` (`call` runs a gateway call with rate limit and errors)."""

    @server.tool(annotations=READ_ONLY, description=(
        "A Memex conversation thread (from `memex chat`) as a Markdown note: each question, its answer, and "
        "each citation as a link to the exact heading or passage of the cited note."))
    def conversation_note(thread_id: Annotated[str, Field(pattern=THREAD_ID, description="Thread id.")],
                          format: Annotated[Literal["obsidian", "markdown"], Field(
                              description="[[wikilinks]] (Obsidian) or plain Markdown links.")] = "obsidian"
                          ) -> dict[str, Any]:
        name, text = call(_thread_note, gateway, thread_id, format)
        return {"file_name": name, "markdown": text}

    @server.resource("memex://thread/{id}", mime_type="text/markdown", description="A conversation thread as a note.")
    def thread_resource(id: str) -> str:
        import re
        if not re.match(THREAD_ID, id):
            raise ResourceError(f"not a thread id: {id!r}")
        try:
            return _thread_note(gateway, id, "obsidian")[1]
        except MemexError as e:
            raise ResourceError(str(e)) from None

    if not write_tools:
        return

    @server.tool(annotations=WRITES, description=(
        "Answer a question from the user's notes and keep the answer as a Markdown note in Memex "
        "(<home>/answers; exported with the vault), its citations linked to the passages. Ask the user first."))
    def save_answer(question: Annotated[str, Field(min_length=1, max_length=1000, description="A question.")]
                    ) -> dict[str, Any]:
        from memex.portability.answers import save_answer as save

        def run() -> dict[str, Any]:
            answer = gateway.ask(question, None, False, actor)
            with gateway.reading() as b:
                paths = save(b.conn, b.settings.home, question, answer.to_dict(), b.settings.llm)
            gateway.log(actor, "save_answer", str(paths[0]))
            return {"answer": answer.answer, "abstained": answer.abstained, "saved_as": str(paths[0])}
        return call(run)  # type: ignore[no-any-return]
