"""REST API over a real uvicorn on 127.0.0.1: routes, streaming, and every security guard (reliability §6.5)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from live_server import LiveServer, copy_vault, make_home

from memex.errors import MemexError
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway

ROUTES = [("GET", "/status", None), ("POST", "/search", {"query": "router"}), ("POST", "/ask", {"question": "x?"}),
          ("GET", "/documents", None), ("GET", "/documents/1", None), ("POST", "/sources", {"path": "/tmp"}),
          ("POST", "/sync", None), ("DELETE", "/documents/1", None), ("GET", "/openapi.json", None),
          ("GET", "/audit", None)]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("api")
    home = make_home(root, api_rate_per_minute=100000, api_rate_burst=100000, api_source_roots=[str(root)])
    vault = copy_vault(root)
    gateway = Gateway(home)
    gateway.writer.add([vault])
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    yield SimpleNamespace(url=server.url, port=server.port, token=token, gateway=gateway, home=home, root=root,
                          vault=vault, client=client)
    client.close()
    server.stop()
    gateway.close()


def _extra_server(api, **guard_overrides):  # type: ignore[no-untyped-def]
    """Another app over the same home, with a differently configured guard or limits."""
    limits = {k: guard_overrides.pop(k) for k in ("max_body_bytes", "max_upload_bytes") if k in guard_overrides}
    extra = {**api.gateway.settings.extra, **guard_overrides}
    return LiveServer(create_app(api.gateway, guard_config(api.token, extra), **limits))


# ---- routes ------------------------------------------------------------------------------------
def test_search_returns_hits_in_the_cli_contract_shape(api) -> None:
    r = api.client.post("/search", json={"query": "router firmware", "k": 3})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert 1 <= len(hits) <= 3
    assert hits[0]["path"].endswith("Home network.md")
    assert set(hits[0]) >= {"path", "chunk_id", "score", "text", "location"}
    filtered = api.client.post("/search", json={"query": "router", "filters": {"path": "*/recipes/*"}}).json()
    assert all("/recipes/" in h["path"] for h in filtered["hits"])


def test_ask_json_cites_and_is_audited_without_text(api) -> None:
    question = "What is the router firmware version?"
    a = api.client.post("/ask", json={"question": question}).json()
    assert not a["abstained"] and "7.57" in a["answer"]
    assert a["citations"] and a["citations"][0]["path"].endswith("Home network.md")
    log = api.client.get("/audit", params={"action": "ask"}).json()
    entry = log[0]
    doc_id = api.gateway.summary_for_path(a["citations"][0]["path"]).id
    assert entry["actor"] == "api:127.0.0.1" and doc_id in entry["doc_ids"]
    assert entry["target"].startswith("sha256:")
    dumped = json.dumps(log)
    assert question not in dumped and "Fritz" not in dumped  # neither the question nor note text


def test_ask_streams_server_sent_events(api) -> None:
    with api.client.stream("POST", "/ask", json={"question": "What is the router firmware version?", "stream": True}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        body = "".join(r.iter_text())
    events = [(m.group(1), json.loads(m.group(2))) for m in re.finditer(r"event: (\w+)\ndata: (.*)\n\n", body)]
    names = [e for e, _ in events]
    assert names[:3] == ["progress", "progress", "progress"] and names[-2:] == ["answer", "done"]
    assert events[1][1]["stage"] == "retrieved" and events[1][1]["sources"]
    assert "Fritz!Box" in events[-2][1]["answer"]
    # the pipeline's own events are relayed: its steps, then the answer text as token(s), then the checked answer
    assert "token" in names and names.index("token") < names.index("answer")
    assert "".join(d["text"] for e, d in events if e == "token").strip()
    assert any(e == "progress" and d["stage"] not in ("retrieving", "retrieved", "answering") for e, d in events)


def test_documents_list_get_and_paging(api) -> None:
    page = api.client.get("/documents", params={"limit": 5, "offset": 0}).json()
    assert page["total"] >= 15 and len(page["items"]) == 5
    page2 = api.client.get("/documents", params={"limit": 5, "offset": 5}).json()
    assert not {d["id"] for d in page["items"]} & {d["id"] for d in page2["items"]}
    tagged = api.client.get("/documents", params={"tag": "house"}).json()
    assert tagged["total"] >= 1 and any(d["title"] == "Home network" for d in tagged["items"])
    doc_id = tagged["items"][0]["id"]
    doc = api.client.get(f"/documents/{doc_id}").json()
    assert doc["chunks"] and doc["text"] and doc["metadata"]["tags"]
    assert api.client.get("/documents/999999").status_code == 404


def test_sources_sync_delete_round_trip(api) -> None:
    folder = api.root / "extra-notes"
    folder.mkdir()
    (folder / "alpha.md").write_text("# Alpha\n\nThe quokka colony lives on Rottnest.\n")
    (folder / "beta.md").write_text("# Beta\n\nNothing about marsupials here.\n")
    r = api.client.post("/sources", json={"path": str(folder)})
    assert r.status_code == 200 and r.json()["report"]["added"] == 2
    hit = api.client.post("/search", json={"query": "quokka colony"}).json()["hits"][0]
    assert hit["path"].endswith("alpha.md")
    doc = api.client.get("/documents", params={"path": "*/extra-notes/alpha.md"}).json()["items"][0]
    gone = api.client.delete(f"/documents/{doc['id']}")
    assert gone.status_code == 200 and gone.json()["removed"] == 1
    assert (folder / "alpha.md").exists()  # the file on disk is untouched
    assert api.client.get(f"/documents/{doc['id']}").status_code == 404
    assert api.client.post("/sync").status_code == 200
    assert api.client.get("/documents", params={"path": "*/extra-notes/alpha.md"}).json()["total"] == 0
    actions = [e["action"] for e in api.client.get("/audit").json()]
    assert {"add_source", "delete_document", "sync"} <= set(actions)


# ---- authentication ------------------------------------------------------------------------------
def test_health_is_public_everything_else_needs_the_token(api) -> None:
    with httpx.Client(base_url=api.url, timeout=30) as anon:
        assert anon.get("/health").json()["status"] == "ok"
        forged = "x" * len(api.token)
        for method, path, body in ROUTES:
            for headers in ({}, {"Authorization": f"Bearer {forged}"}, {"Authorization": f"Basic {api.token}"},
                            {"Authorization": f"Bearer {api.token[:-1]}"}):
                r = anon.request(method, path, json=body, headers=headers)
                assert r.status_code == 401, (method, path, headers, r.status_code)
                assert r.headers["www-authenticate"] == "Bearer"
        r = anon.post("/documents", files={"file": ("a.md", b"# A\n")})
        assert r.status_code == 401


def test_token_file_is_private_and_printed_by_the_cli(api) -> None:
    from click.testing import CliRunner

    from memex.interfaces.cli import commands_serve  # noqa: F401 - registers the commands
    from memex.interfaces.cli.main import cli

    assert os.stat(api.home / "api_token").st_mode & 0o777 == 0o600
    out = CliRunner().invoke(cli, ["token", "--home", str(api.home)])
    assert out.exit_code == 0 and out.output.strip() == api.token


# ---- Host / Origin / CORS / content type ---------------------------------------------------------
def test_foreign_host_is_rejected(api) -> None:
    for host in ("attacker.example", f"attacker.example:{api.port}", "127.0.0.1.nip.io"):
        r = api.client.get("/status", headers={"Host": host})
        assert r.status_code == 421, host
    assert api.client.get("/status", headers={"Host": f"localhost:{api.port}"}).status_code == 200


def test_foreign_origin_is_rejected_same_origin_allowed(api) -> None:
    for origin in ("https://attacker.example", "http://localhost:3000", "null"):
        r = api.client.post("/search", json={"query": "router"}, headers={"Origin": origin})
        assert r.status_code == 403, origin
        assert "access-control-allow-origin" not in r.headers
    same = api.client.post("/search", json={"query": "router"}, headers={"Origin": api.url})
    assert same.status_code == 200


def test_cors_is_off_unless_configured(api) -> None:
    pre = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    r = httpx.options(f"{api.url}/search", headers=pre)
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    server = _extra_server(api, api_cors_origins=["http://localhost:5173"])
    try:
        ok = httpx.options(f"{server.url}/search", headers={**pre, "Origin": "http://localhost:5173",
                                                            "Access-Control-Request-Headers": "authorization"})
        assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "http://localhost:5173"
        assert "access-control-allow-credentials" not in ok.headers
        evil = httpx.options(f"{server.url}/search", headers=pre)
        assert "access-control-allow-origin" not in evil.headers
    finally:
        server.stop()
    with pytest.raises(MemexError, match="explicitly"):
        guard_config(api.token, {"api_cors_origins": ["*"]})


def test_simple_cross_site_requests_are_refused(api) -> None:
    for ctype, body in (("text/plain", '{"query": "router"}'), ("application/x-www-form-urlencoded", "query=router")):
        r = api.client.post("/search", content=body, headers={"Content-Type": ctype})
        assert r.status_code == 415, ctype


# ---- body size, rate limit -------------------------------------------------------------------------
def test_oversized_bodies_get_413(api) -> None:
    big = json.dumps({"query": "x" * (2 * 2**20)})
    assert api.client.post("/search", content=big, headers={"Content-Type": "application/json"}).status_code == 413

    def chunks():  # no Content-Length: the limit must hold while streaming
        yield b'{"query": "'
        for _ in range(64):
            yield b"y" * 65536
        yield b'"}'
    r = api.client.post("/search", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    server = _extra_server(api, max_upload_bytes=64 * 1024)
    try:
        before = set(os.listdir(api.home)) | set(os.listdir(api.home / "uploads") if (api.home / "uploads").exists()
                                                  else [])
        r = httpx.post(f"{server.url}/documents", files={"file": ("big.md", b"# Big\n" + b"z" * 300_000)},
                       headers={"Authorization": f"Bearer {api.token}"})
        assert r.status_code == 413
        uploads = api.home / "uploads"
        after = set(os.listdir(api.home)) | (set(os.listdir(uploads)) if uploads.exists() else set())
        assert "big.md" not in after and after == before
    finally:
        server.stop()


def test_rate_limit_gives_429_with_retry_after(api) -> None:
    server = _extra_server(api, api_rate_per_minute=60, api_rate_burst=5)
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {api.token}"}) as c:
            codes = [c.get("/status").status_code for _ in range(8)]
            assert codes[:5] == [200] * 5 and codes[5:] == [429] * 3
            r = c.get("/status")
            assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
            assert c.get("/health").status_code == 200  # liveness is never throttled
    finally:
        server.stop()


# ---- paths and uploads ---------------------------------------------------------------------------
@pytest.mark.parametrize("raw", ["..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%252F..%252Fetc",
                                 "1%00", "%2Fetc%2Fpasswd", "C:%5CWindows%5Cwin.ini", "%c0%ae%c0%ae%2f", "-1", "0",
                                 "99999999999999999999999"])
def test_path_traversal_in_document_ids_is_rejected(api, raw: str) -> None:
    for method in ("GET", "DELETE"):
        r = api.client.request(method, f"/documents/{raw}")
        assert r.status_code in (400, 404, 405, 422), (method, raw, r.status_code)
        assert "root:" not in r.text


def test_path_traversal_in_source_paths_is_rejected(api) -> None:
    (api.root / "escape").symlink_to("/etc")
    plain_file = api.vault / "Home.md"
    bad = ["../../etc", f"{api.vault}/../../../etc", "notes", "a\x00b", "C:\\Windows", "/", str(api.home),
           str(api.home / "uploads"), str(api.root / "missing"), str(plain_file), str(api.root / "escape"),
           "~/../../etc", "/etc", "x" * 5000]
    sources = len(api.client.get("/status").json()["sources"])
    for raw in bad:
        r = api.client.post("/sources", json={"path": raw})
        assert r.status_code in (400, 422), (raw, r.status_code, r.text)
    assert len(api.client.get("/status").json()["sources"]) == sources
    for params in ({"path": "a\x00b"}, {"path": "*\x1b[31m"}):
        assert api.client.get("/documents", params=params).status_code in (400, 422)


def test_upload_names_are_sanitised_and_kept_inside_uploads(api) -> None:
    uploads = (api.home / "uploads").resolve()
    r = api.client.post("/documents", files={"file": ("../../x.md", b"# Wombat burrows\n\nWombats dig burrows.\n")})
    assert r.status_code == 200, r.text
    stored = Path(r.json()["stored_as"])
    assert stored.parent.resolve() == uploads and stored.name == "x.md"
    assert not (api.home.parent / "x.md").exists() and not (api.root.parent / "x.md").exists()
    assert r.json()["document"]["title"] == "Wombat burrows"
    assert api.client.post("/search", json={"query": "wombats dig burrows"}).json()["hits"][0]["path"] == str(stored)
    again = api.client.post("/documents", files={"file": ("..\\..\\x.md", b"# Second\n\ntext\n")}).json()
    assert Path(again["stored_as"]).name == "x-1.md"
    assert Path(api.client.post("/documents", files={"file": ("con.txt", b"hello there\n")}).json()["stored_as"]
                ).name == "_con.txt"
    long = api.client.post("/documents", files={"file": ("n" * 1000 + ".md", b"# Long\n\nname\n")}).json()
    assert len(Path(long["stored_as"]).name) <= 120 and long["stored_as"].endswith(".md")
    huge = api.client.post("/documents", files={"file": ("n" * 10_000 + ".md", b"# Huge\n\nname\n")})
    assert huge.status_code == 400  # the multipart parser refuses a 10 kB header
    for name in ("../../.bashrc", "evil.exe", "noext", "x.md.sh"):
        r = api.client.post("/documents", files={"file": (name, b"echo pwned\n")})
        assert r.status_code == 400, name
    assert sorted(p.name for p in uploads.iterdir()) == sorted(["x.md", "x-1.md", "_con.txt",
                                                                Path(long["stored_as"]).name])
    assert not any((api.home / ".incoming").iterdir())  # staged copies are linked into place, then removed
    deleted = api.client.delete(f"/documents/{again['document']['id']}")
    assert deleted.status_code == 200 and not Path(again["stored_as"]).exists()  # our own copy is removed


# ---- errors ---------------------------------------------------------------------------------------
def test_server_errors_leak_no_internals(tmp_path: Path) -> None:
    home = make_home(tmp_path)
    gateway = Gateway(home)
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, {})))
    try:
        gateway.reader.conn.close()  # force a database error inside a request
        r = httpx.get(f"{server.url}/status", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 500
        body = r.json()
        assert body["error"] == "internal error" and re.fullmatch(r"[0-9a-f]{12}", body["id"])
        assert str(home) not in r.text and "sqlite" not in r.text.lower() and "Traceback" not in r.text
    finally:
        server.stop()
        gateway.writer.close()


# ---- the real command ---------------------------------------------------------------------------
def test_memex_serve_binds_loopback_by_default(tmp_path: Path) -> None:
    home = make_home(tmp_path)
    cmd = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()", "serve", "--home", str(home),
           "--port", "0"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        url, lines = None, []
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"running on (http://[\d.:\[\]a-z]+)", line, re.I)
            url = m.group(1) if m else None
        assert url is not None and url.startswith("http://127.0.0.1:"), lines
        assert httpx.get(f"{url}/health").status_code == 200
        token = (home / "api_token").read_text().strip()
        assert httpx.get(f"{url}/status", headers={"Authorization": f"Bearer {token}"}).json()["documents"] == 0
    finally:
        proc.terminate()
        proc.wait(timeout=20)


# ---- schema fuzzing -------------------------------------------------------------------------------
# How long it takes is not asserted (it depends on the machine's load); the timeout only stops a hang.
@pytest.mark.timeout(600)
def test_schemathesis_finds_no_server_errors(tmp_path: Path) -> None:
    schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the [dev] extra")
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis import checks

    allowed = tmp_path / "allowed"
    allowed.mkdir()
    home = make_home(tmp_path, api_rate_per_minute=10**6, api_rate_burst=10**6, api_source_roots=[str(allowed)])
    gateway = Gateway(home)
    gateway.writer.add([copy_vault(allowed)])
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    auth = {"Authorization": f"Bearer {token}"}
    try:
        schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json", headers=auth)
        failures: list[str] = []
        operations = [op.ok() for op in schema.get_all_operations()]
        assert len(operations) >= 26
        for op in operations:
            # Each capture writes a note and syncs its source (~0.5 s): fewer examples keep the test fast.
            examples = 6 if op.method.upper() == "POST" and op.path in ("/notes", "/notes/daily", "/memories") else 25

            @given(case=op.as_strategy())
            @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
                      suppress_health_check=list(HealthCheck))
            def run(case) -> None:  # type: ignore[no-untyped-def]
                try:
                    # positive_data_acceptance is left out: a well-formed path to a missing folder, or a
                    # file type we cannot parse, is rightly a 400.
                    case.call_and_validate(base_url=server.url, headers=auth, timeout=30, checks=[
                        checks.not_a_server_error, checks.status_code_conformance,
                        checks.content_type_conformance, checks.response_schema_conformance])
                except BaseException as e:  # noqa: B036 - schemathesis raises exception groups
                    failures.append(f"{case.method.upper()} {case.path}: {str(e)[:1500]}")
                    raise
            try:
                run()
            except BaseException:  # noqa: B036 - collected above; go on to the next operation
                pass
        assert not failures, "\n\n".join(failures)
    finally:
        server.stop()
        gateway.close()


def test_document_text_drops_the_overlap_between_chunks() -> None:
    from memex.interfaces.gateway import join_chunks

    a = "The quick brown fox jumps over the lazy dog near the river bank today."
    b = "the lazy dog near the river bank today. Then it slept under the willow."
    assert join_chunks([a, b]) == a + "\n\nThen it slept under the willow."
    assert join_chunks(["First section.", "Second section."]) == "First section.\n\nSecond section."
    assert join_chunks([]) == ""
