"""The HTTP API in-process (Starlette's test client): every route, the problem-details errors, the
guards (body size, path options, token, CORS, admission) and equality with what the CLI writes."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from rectify_core import api
from tests.corpus import seed
from tests.docx.hostile import zip_bomb

from .helpers import EXAMPLE, require_serve_extra

require_serve_extra()

from starlette.testclient import TestClient  # noqa: E402

from rectify_core.serve.app import ServeConfig, create_app  # noqa: E402
from rectify_core.serve.problems import MEDIA_TYPE  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(ServeConfig(workers=2)), raise_server_exceptions=False) as c:
        yield c


def test_convert_raw_body_gives_the_same_bytes_as_the_cli(client):
    data = EXAMPLE.read_bytes()
    r = client.post("/convert?to=docx&filename=shili.json", content=data)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "shili.docx" in r.headers["content-disposition"]
    assert r.content == api.write_bytes(api.read(data).document, "docx")


def test_convert_a_seed_by_multipart_form(client):
    path = seed("002")
    r = client.post("/convert?to=docx", files={"file": (path.name, path.read_bytes())})
    assert r.status_code == 200
    assert r.content == api.write_bytes(api.read(path).document, "docx")
    assert int(r.headers["x-rectify-findings"]) > 0  # the seed has known findings


def test_several_formats_give_a_zip_with_the_findings(client):
    r = client.post("/convert?to=docx,html&to=xml", content=EXAMPLE.read_bytes())
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert sorted(zf.namelist()) == ["findings.json", "upload.docx", "upload.html", "upload.xml"]
        assert json.loads(zf.read("findings.json")) == []


def test_an_upload_named_findings_does_not_clash_with_the_findings_member(client):
    r = client.post("/convert?to=json,xml", files={"file": ("findings.txt", EXAMPLE.read_bytes())})
    assert r.status_code == 200
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert sorted(zf.namelist()) == ["findings.json", "findings.notice.json", "findings.xml"]
        assert json.loads(zf.read("findings.json")) == []
        assert json.loads(zf.read("findings.notice.json"))["schema"]


def test_inspect_has_the_cli_shape(client):
    path = seed("002")
    r = client.post("/inspect", content=path.read_bytes())
    assert r.status_code == 200
    summary = r.json()
    expected = api.inspect(api.read(path.read_bytes(), name="upload"))
    assert summary == json.loads(json.dumps(expected, ensure_ascii=False))
    assert summary["problems"] == 26 and summary["statuses"]["in_progress"] == 1


def test_validate_json_and_sarif(client):
    path = seed("002")
    r = client.post("/validate", content=path.read_bytes())
    assert r.status_code == 200
    rules = {f["rule"] for f in r.json()["findings"]}
    assert rules
    s = client.post("/validate?format=sarif", content=path.read_bytes())
    assert s.headers["content-type"].startswith("application/sarif+json")
    run = s.json()["runs"][0]
    assert s.json()["version"] == "2.1.0" and {x["ruleId"] for x in run["results"]} == rules


@pytest.mark.parametrize(("query", "status", "reason"), [
    ("/convert?to=nope", 400, "usage"),
    ("/convert", 400, "usage"),
    ("/convert?to=docx&from=nope", 400, "usage"),
    ("/convert?to=docx&option=reference_docx=/etc/passwd", 400, "usage"),
    ("/convert?to=docx&option=front=/etc/passwd", 400, "usage"),
    ("/convert?to=docx&limits=max_pages=abc", 400, "usage"),
])
def test_bad_queries_are_problem_details(client, query, status, reason):
    r = client.post(query, content=EXAMPLE.read_bytes())
    assert r.status_code == status
    assert r.headers["content-type"] == MEDIA_TYPE
    body = r.json()
    assert body["reason"] == reason and body["status"] == status and body["type"].endswith(reason)
    assert "Traceback" not in r.text and "/etc/passwd" not in body.get("detail", "").replace(
        "option 'reference_docx' names a file", "")


def test_unreadable_input_is_422_and_names_the_upload(client):
    r = client.post("/convert?to=docx&filename=odd.bin", content=b"\x00\x01\x02 not a notice")
    assert r.status_code == 422 and r.json()["reason"] == "input"
    assert "odd.bin" in r.json()["detail"]


def test_a_zip_bomb_is_refused_and_the_next_request_succeeds(client):
    r = client.post("/convert?to=json&filename=bomb.docx", content=zip_bomb(300))
    assert r.status_code == 422
    assert r.json()["reason"] == "hostile" and r.json()["exit_code"] == 3
    assert client.post("/convert?to=json", content=EXAMPLE.read_bytes()).status_code == 200


def test_a_body_over_the_limit_is_413_while_streaming():
    app = create_app(ServeConfig(workers=1, max_body=1000))
    with TestClient(app) as c:
        declared = c.post("/convert?to=json", content=b"x" * 2000)
        assert declared.status_code == 413 and declared.json()["reason"] == "too_large"

        def chunks():  # no Content-Length: the limit is checked as the body arrives
            for _ in range(10):
                yield b"y" * 500

        streamed = c.post("/convert?to=json", content=chunks())
        assert streamed.status_code == 413


def test_uploaded_reference_docx_is_used(client):
    reference = api.write_bytes(api.read(EXAMPLE.read_bytes()).document, "docx")
    r = client.post("/convert?to=docx", files={"file": ("n.json", EXAMPLE.read_bytes()),
                                              "reference_docx": ("ref.docx", reference)})
    assert r.status_code == 200
    assert api.read(r.content).document == api.read(api.write_bytes(api.read(EXAMPLE.read_bytes()).document,
                                                                    "docx")).document


def test_get_routes(client):
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/version").json()["name"] == "rectify"
    names = {f["name"] for f in client.get("/formats").json()["formats"]}
    assert {"docx", "html", "xml", "json", "txt", "pdf"} <= names
    assert client.get("/schema").json()["$id"].startswith("urn:rectify:schema:tongbao")
    assert client.get("/schema?xsd=1").text.startswith("<?xml")
    missing = client.get("/nothing")
    assert missing.status_code == 404 and missing.headers["content-type"] == MEDIA_TYPE
    assert client.get("/convert").status_code == 405


def test_openapi_describes_every_api_route(client):
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    documented = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    for path, method in [("/convert", "post"), ("/inspect", "post"), ("/validate", "post"), ("/formats", "get"),
                         ("/schema", "get"), ("/healthz", "get"), ("/version", "get")]:
        assert (path, method) in documented
        if method == "post":
            assert "422" in doc["paths"][path][method]["responses"]
            assert "503" in doc["paths"][path][method]["responses"]


def test_a_bug_is_500_with_an_incident_id_and_no_traceback(monkeypatch):
    from rectify_core.serve import app as app_module

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app_module, "_work", broken)
    with TestClient(create_app(ServeConfig(workers=1)), raise_server_exceptions=False) as c:
        r = c.post("/convert?to=json", content=EXAMPLE.read_bytes())
    assert r.status_code == 500 and r.json()["reason"] == "bug" and len(r.json()["id"]) == 12
    assert "secret internals" not in r.text and "Traceback" not in r.text


def test_a_token_is_required_when_configured():
    token = "s3cret-token-of-sufficient-length"
    with TestClient(create_app(ServeConfig(workers=1, token=token))) as c:
        assert c.get("/healthz").status_code == 200  # load balancers probe without a token
        denied = c.get("/formats")
        assert denied.status_code == 401 and denied.headers["www-authenticate"] == "Bearer"
        assert c.get("/formats", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/formats", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_cors_is_off_by_default_and_on_for_named_origins(client):
    assert "access-control-allow-origin" not in client.get("/version", headers={"Origin": "https://x.example"}).headers
    with TestClient(create_app(ServeConfig(workers=1, cors_origins=("https://cms.example",)))) as c:
        r = c.get("/version", headers={"Origin": "https://cms.example"})
        assert r.headers["access-control-allow-origin"] == "https://cms.example"


def test_busy_is_503_with_retry_after():
    import anyio

    from rectify_core.serve.gate import Gate
    from rectify_core.serve.problems import Problem

    gate = Gate(workers=1, queue=0, retry_after=7)
    started, release = anyio.Event(), anyio.Event()

    def hold() -> str:
        anyio.from_thread.run_sync(started.set)
        anyio.from_thread.run(release.wait)
        return "done"

    async def scenario() -> tuple[str, Problem]:
        async with anyio.create_task_group() as tg:
            results: list[str] = []

            async def first() -> None:
                results.append(await gate.run(hold))

            tg.start_soon(first)
            await started.wait()
            with pytest.raises(Problem) as refused:
                await gate.run(lambda: "never")
            release.set()
        return results[0], refused.value

    done, problem = anyio.run(scenario)
    assert done == "done"
    assert problem.status == 503 and problem.headers == {"Retry-After": "7"}


def test_the_page_works_without_script(client):
    form = client.get("/?lang=zh")
    assert form.status_code == 200 and 'enctype="multipart/form-data"' in form.text and "<script" not in form.text
    assert "default-src 'none'" in form.headers["content-security-policy"]
    path = seed("002")
    result = client.post("/?lang=zh", files={"file": (path.name, path.read_bytes())})
    assert result.status_code == 200 and "<script" not in result.text
    assert result.text.count('class="badge ') == 26 and "正在推进 · 2023-12-31" in result.text
    english = client.post("/?lang=en", files={"file": (path.name, path.read_bytes())})
    assert "in progress · 2023-12-31" in english.text and 'lang="en"' in english.text
    # the download button posts the Document back: stateless, and the same bytes as a direct conversion
    import re
    from html import unescape

    payload = unescape(re.search(r'name="document" value="([^"]*)"', result.text).group(1))
    download = client.post("/download", data={"document": payload, "to": "docx", "name": "002"})
    assert download.status_code == 200 and "002.docx" in download.headers["content-disposition"]
    assert download.content == api.write_bytes(api.read(path).document, "docx")


def test_a_broken_upload_shows_the_error_on_the_page(client):
    r = client.post("/?lang=en", files={"file": ("x.bin", b"\x00\x01\x02")})
    assert r.status_code == 422 and 'role="alert"' in r.text and "x.bin" in r.text
