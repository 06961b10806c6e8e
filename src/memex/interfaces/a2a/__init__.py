"""Memex as an A2A agent (a2a-sdk 1.x, JSON-RPC binding), mounted in the `memex serve` app.

`card.py` builds the agent card, `agent.py` is the AgentExecutor (answers, searches and, when enabled,
saves notes through the Gateway), `routes.py` mounts both on the FastAPI app.
"""
