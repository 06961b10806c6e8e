"""Time to the first token of a streamed extractive answer over the sample vault, through the real servers.

A real `memex serve` (subprocess, bundled MiniLM embedder, extractive answers) over examples/sample-vault;
each question of tests/data/sample_vault_questions.jsonl is asked several times through:
- POST /v1/chat/completions with stream=true: time to the first chunk carrying answer text (and to the
  role-only opening chunk, and to `data: [DONE]`);
- POST /ask with stream=true (Memex's own SSE): time to the first `token` event;
- A2A SendStreamingMessage (raw JSON-RPC over HTTP): time to the artifact carrying the answer.
Baseline in the same run on the same data: the same questions answered in-process with Brain.ask (no
HTTP, no streaming) and non-streamed /v1 (the whole answer). The first question after the server starts
is reported apart (it loads the model). Medians and p95 in milliseconds.

    python bench/first_token.py [--repeat 5] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from serve_process import ServeProcess  # noqa: E402

from memex.app import Brain  # noqa: E402

QUESTIONS = [json.loads(line)["question"] for line in open(REPO / "tests" / "data" / "sample_vault_questions.jsonl")]


def sse_timings(client: httpx.Client, url: str, body: dict[str, Any], headers: dict[str, str],
                first: Any) -> tuple[float, float, float]:
    """(ms to the first SSE data line, ms to the first line `first(line)` accepts, ms to the end)."""
    t0 = time.perf_counter()
    opened = hit = None
    with client.stream("POST", url, json=body, headers=headers) as r:
        r.raise_for_status()
        for line in r.iter_lines():
            if not line.startswith("data: "):
                continue
            now = (time.perf_counter() - t0) * 1e3
            opened = opened if opened is not None else now
            if hit is None and first(line[6:]):
                hit = now
    end = (time.perf_counter() - t0) * 1e3
    return opened or end, hit if hit is not None else end, end


def v1_has_text(data: str) -> bool:
    if data == "[DONE]":
        return False
    choices = json.loads(data)["choices"]
    return bool(choices and choices[0]["delta"].get("content"))


def a2a_has_answer(data: str) -> bool:
    return '"artifactUpdate"' in data or '"artifact_update"' in data


def cpu_ms(pid: int) -> float:
    """CPU time (user + system) a process has used so far, in ms: a load-independent cost."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1e3 / os.sysconf("SC_CLK_TCK")


def stats(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
    return f"{statistics.median(xs):8.1f} {p95:8.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="times each question is asked per way")
    ap.add_argument("--json", type=Path, help="write the raw timings here")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="memex-first-token-"))
    try:
        vault = root / "vault"
        shutil.copytree(REPO / "examples" / "sample-vault", vault)
        home = root / "home"
        home.mkdir()
        (home / "config.toml").write_text('embedder = "minilm"\nllm = "extractive"\n'
                                          "api_rate_per_minute = 100000\napi_rate_burst = 100000\n")
        with Brain.open(home) as brain:
            brain.add([vault])
            brain.ask(QUESTIONS[0])  # warm the in-process model and caches
            inproc, inproc_cpu = [], []
            for _ in range(args.repeat):
                for q in QUESTIONS:
                    t0, c0 = time.perf_counter(), time.process_time()
                    brain.ask(q)
                    inproc.append((time.perf_counter() - t0) * 1e3)
                    inproc_cpu.append((time.process_time() - c0) * 1e3)
        with ServeProcess(home) as srv, httpx.Client(timeout=120) as client:
            h = srv.auth
            v1 = f"{srv.url}/v1/chat/completions"
            cold = sse_timings(client, v1, {"model": "memex", "stream": True,
                                            "messages": [{"role": "user", "content": QUESTIONS[0]}]}, h, v1_has_text)
            rows: dict[str, list[float]] = {k: [] for k in (
                "v1_open", "v1_first_text", "v1_done", "ask_first_token", "ask_done", "a2a_answer", "a2a_done",
                "v1_nonstream", "v1_stream_server_cpu")}
            for _ in range(args.repeat):
                for q in QUESTIONS:
                    c0 = cpu_ms(srv.proc.pid)
                    o, f, e = sse_timings(client, v1, {"model": "memex", "stream": True,
                                                       "messages": [{"role": "user", "content": q}]}, h, v1_has_text)
                    rows["v1_stream_server_cpu"].append(cpu_ms(srv.proc.pid) - c0)
                    rows["v1_open"].append(o)
                    rows["v1_first_text"].append(f)
                    rows["v1_done"].append(e)
                    _, f, e = sse_timings(client, f"{srv.url}/ask", {"question": q, "stream": True}, h,
                                          lambda d: '"text"' in d and '"answer"' not in d)
                    rows["ask_first_token"].append(f)
                    rows["ask_done"].append(e)
                    msg = {"messageId": f"m{time.time_ns()}", "role": "ROLE_USER", "parts": [{"text": q}]}
                    _, f, e = sse_timings(client, f"{srv.url}/a2a", {"jsonrpc": "2.0", "id": 1,
                                          "method": "SendStreamingMessage", "params": {"message": msg}},
                                          {**h, "A2A-Version": "1.0"}, a2a_has_answer)
                    rows["a2a_answer"].append(f)
                    rows["a2a_done"].append(e)
                    t0 = time.perf_counter()
                    client.post(v1, json={"model": "memex", "messages": [{"role": "user", "content": q}]},
                                headers=h).raise_for_status()
                    rows["v1_nonstream"].append((time.perf_counter() - t0) * 1e3)
        n = len(QUESTIONS) * args.repeat
        print(f"First token of a streamed extractive answer, sample vault ({len(QUESTIONS)} questions x "
              f"{args.repeat}, n={n} per row), MiniLM, real `memex serve` on 127.0.0.1")
        print(f"{'way':58} {'median':>8} {'p95':>8}  (ms)")
        labels = [("in-process Brain.ask, whole answer (baseline)", inproc),
                  ("/v1 non-streamed, whole answer (baseline)", rows["v1_nonstream"]),
                  ("/v1 stream: opening chunk (role)", rows["v1_open"]),
                  ("/v1 stream: first chunk with answer text", rows["v1_first_text"]),
                  ("/v1 stream: data: [DONE]", rows["v1_done"]),
                  ("/ask stream: first token event", rows["ask_first_token"]),
                  ("/ask stream: done", rows["ask_done"]),
                  ("A2A stream: artifact with the answer", rows["a2a_answer"]),
                  ("A2A stream: completed", rows["a2a_done"])]
        for label, xs in labels:
            print(f"{label:58} {stats(xs)}")
        print("CPU time (load-independent; the machine's other work does not count):")
        print(f"{'  in-process Brain.ask, CPU of this process':58} {stats(inproc_cpu)}")
        print(f"{'  /v1 streamed answer, CPU of the memex serve process':58} {stats(rows['v1_stream_server_cpu'])}")
        print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'cold (first request after start, loads the model): /v1 first text':58} {cold[1]:8.1f}")
        if args.json:
            args.json.write_text(json.dumps({"inprocess": inproc, "inprocess_cpu": inproc_cpu,
                                             "cold_first_text_ms": cold[1], **rows}))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
