"""Image captions from a vision-capable LLM: "ollama:llava" (Ollama's /api/chat with images) or
"openai:gpt-4o-mini" (any OpenAI-compatible server, image as a data URL). Off unless configured."""
from __future__ import annotations

import base64
import io
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from memex.errors import MemexError

if TYPE_CHECKING:
    from PIL.Image import Image

PROMPT = ("Describe this image for a personal search index in two or three plain sentences: what it shows, "
          "and any visible names, dates, numbers or titles. Do not guess what is not visible.")
MAX_SIDE = 1024
"""Vision models see ~1k pixels; sending more only costs upload time."""
MAX_CAPTION_CHARS = 2000


def caption(image: Image, spec: str, config: Mapping[str, Any] | None = None) -> str:
    """A short description of `image` by the vision model named in `spec` ("provider:model")."""
    from memex.llm._http import Endpoint, endpoint_options
    from memex.llm.ollama import base_url_from

    config = config or {}
    provider, _, model = spec.strip().partition(":")
    provider = provider.lower()
    if not model:
        raise MemexError(f"image_captioner {spec!r} names no model: use 'ollama:llava' or 'openai:<model>'")
    data = _jpeg_b64(image)
    opts = endpoint_options(config, 120.0)
    if provider == "ollama":
        ep = Endpoint(provider="Ollama", base_url=base_url_from(config), model=model,
                      unavailable_hint="is Ollama running (`ollama serve`)?", missing_hint=f"run `ollama pull {model}`",
                      **opts)
        obj = ep.post_json("/api/chat", {"model": model, "stream": False, "options": {"temperature": 0},
                                         "messages": [{"role": "user", "content": PROMPT, "images": [data]}]})
        text = (obj.get("message") or {}).get("content") if isinstance(obj, dict) else None
    elif provider == "openai":
        base = str(config.get("openai_base_url") or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1")
        key = str(config.get("openai_api_key") or os.environ.get("OPENAI_API_KEY") or "")
        ep = Endpoint(provider="OpenAI-compatible server", base_url=base, model=model,
                      headers={"Authorization": f"Bearer {key}"} if key else {},
                      unavailable_hint="check openai_base_url / OPENAI_BASE_URL", **opts)
        obj = ep.post_json("/chat/completions", {
            "model": model, "temperature": 0, "max_tokens": 300,
            "messages": [{"role": "user", "content": [
                {"type": "text", "text": PROMPT},
                {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{data}"}}]}]})
        try:
            text = obj["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            text = None
    else:
        raise MemexError(f"unknown image_captioner provider {provider!r}: use 'ollama:<model>' or 'openai:<model>'")
    if not isinstance(text, str):
        raise MemexError(f"{provider} sent a caption reply without text")
    return " ".join(text.split())[:MAX_CAPTION_CHARS]


def _jpeg_b64(image: Image) -> str:
    im = image.convert("RGB")
    im.thumbnail((MAX_SIDE, MAX_SIDE))
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=85)
    return base64.b64encode(buf.getvalue()).decode("ascii")
