"""Mount the A2A agent on the API app: the public agent card and the JSON-RPC endpoint (token required)."""
from __future__ import annotations

from typing import Any

from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.request_handlers.response_helpers import agent_card_to_dict
from a2a.server.routes import create_jsonrpc_routes
from a2a.server.tasks import InMemoryTaskStore
from a2a.utils.constants import AGENT_CARD_WELL_KNOWN_PATH
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from memex.interfaces.a2a.agent import MemexAgent
from memex.interfaces.a2a.card import RPC_PATH, agent_card
from memex.interfaces.gateway import Gateway
from memex.interfaces.notebook import Notebook

CARD_PATH = AGENT_CARD_WELL_KNOWN_PATH
PUBLIC_PATHS = (CARD_PATH,)
"""The card is for discovery and carries no note data: served without a token, like /health."""


def refusal_body(path: str, status: int, message: str) -> dict[str, Any] | None:
    """Guard refusals on the JSON-RPC endpoint as JSON-RPC error objects (None: not an A2A path)."""
    if path != RPC_PATH:
        return None
    return {"jsonrpc": "2.0", "id": None, "error": {"code": -32001 if status == 401 else -32600, "message": message}}


def install(app: FastAPI, gateway: Gateway, notebook: Notebook) -> None:
    """Add the agent card route and the A2A JSON-RPC route (tasks kept in memory while the server runs)."""
    writes = bool(gateway.option("a2a_write_tools", False))
    handler = DefaultRequestHandler(agent_executor=MemexAgent(gateway, notebook, writes),
                                    task_store=InMemoryTaskStore(),
                                    agent_card=agent_card("http://127.0.0.1", writes))

    @app.get(CARD_PATH, tags=["a2a"], summary="A2A agent card")
    def card(request: Request) -> JSONResponse:
        """Who this agent is, its skills and where to send JSON-RPC (no token needed)."""
        base = f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"
        return JSONResponse(agent_card_to_dict(agent_card(base, writes)))

    for route in create_jsonrpc_routes(handler, rpc_url=RPC_PATH):
        app.router.routes.append(route)
