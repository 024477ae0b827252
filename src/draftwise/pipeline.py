"""The ``Analyzer`` facade: load everything once, analyse many drafts.

Stages, one per concern::

    inputs.check -> segment.split_sentences -> spaCy (tokens, tags, lemmas)
      -> detectors (findings with evidence) -> models (probabilities, when trained)
      -> decide (labels, conventions) -> Report (results.py)
      -> rewrite (suggestions and whole-draft candidates, on request)
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from draftwise import decide, inputs, nlp
from draftwise.config import Settings
from draftwise.detectors.base import DraftView, Finding, SentenceView, normalise
from draftwise.detectors.intensity import rule_score, signals, to_level
from draftwise.detectors.registry import detectors
from draftwise.language import Language
from draftwise.results import Intensity, Report
from draftwise.screen import HeadReading, Screened, screen
from draftwise.segment import split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from draftwise.models.judge import Judge
    from draftwise.models.safety_head import SafetyHead
    from draftwise.rewrite import Rewriter


TAG_CACHE = 1024
"""How many recent distinct sentences keep their spaCy doc: a chunk of 64 drafts has about 300."""


class Analyzer:
    """Reads drafts and reports what the other person will hear.

    >>> analyzer = Analyzer()                       # loads spaCy and the models once
    >>> report = analyzer.analyse("you never listen to me")
    >>> report.to_dict()["sentences"][0]["blame_types"]
    ['absolute']
    """

    def __init__(self, settings: Settings | None = None, *, models: bool = True) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp.load()
        self.detectors = tuple(detectors("analysis"))
        self.judge: Judge | None = None
        self.safety_head: SafetyHead | None = None
        if models:
            from draftwise.models.judge import load_judge

            self.judge = load_judge()
            if self.judge is not None and self.judge.thresholds:
                self.settings = self.judge.settings(self.settings)
            if self.judge is not None:
                from draftwise.models.safety_head import load as load_safety_head

                self.safety_head = load_safety_head(self.judge.root, self.judge.encoder)
                if self.safety_head is not None:
                    self.settings = self.settings.with_model_thresholds({"safety_head": self.safety_head.threshold})
        self._rewriter = None
        self._tagged: OrderedDict[str, Doc] = OrderedDict()

    @property
    def mode(self) -> str:
        """``models`` when trained heads decide, ``rules`` when only the rules do."""
        return "models" if self.judge is not None else "rules"

    def analyse(self, text: str, *, id: str | None = None, rewrites: bool = False) -> Report:
        """Analyse one draft."""
        return next(self.analyse_many([text], ids=[id] if id is not None else None, rewrites=rewrites))

    def analyse_many(
        self,
        texts: Iterable[str],
        *,
        ids: Iterable[str | None] | None = None,
        batch_size: int = 64,
        rewrites: bool = False,
    ) -> Iterator[Report]:
        """Analyse drafts in order, one report per draft, in batches for speed."""
        return self._analyse_stream(texts, ids, batch_size, rewrites, self.safety_head)

    def recheck(self, texts: Sequence[str]) -> list[Report]:
        """Reports for rewrite candidates of a draft the safety screen did not flag.

        The same stages as :meth:`analyse_many`, except that the screen runs its rules and
        language cues but not the learned safety head. A candidate is the draft's own sentences,
        kept, trimmed or recast around its own words, and the head has already read the whole
        draft; the head is the costliest stage (about a third of a candidate's analysis), and
        each draft has three or four candidates. Text from a language model is not such a
        candidate: it goes through :meth:`analyse_many`.
        """
        return list(self._analyse_stream(texts, None, 64, False, None))

    # -- internals -----------------------------------------------------------

    def _analyse_stream(
        self,
        texts: Iterable[object],
        ids: Iterable[str | None] | None,
        batch_size: int,
        rewrites: bool,
        head: SafetyHead | None,
    ) -> Iterator[Report]:
        """Reports in input order, chunk by chunk; ``head`` is the learned safety head the screen uses."""
        id_iter = iter(ids) if ids is not None else itertools.repeat(None)
        position = itertools.count()
        it = iter(texts)
        while True:
            chunk = list(itertools.islice(it, batch_size))
            if not chunk:
                return
            chunk_ids = []
            for _ in chunk:
                n = next(position)
                given = next(id_iter, None)
                chunk_ids.append(str(n) if given is None else str(given))
            yield from self._analyse_chunk(chunk, chunk_ids, rewrites, head)

    def _tag(self, sentences: Sequence[str]) -> list[Doc]:
        """The spaCy docs of sentences, each distinct sentence tagged once while it is recent.

        Rewrite candidates repeat most of their draft's sentences, and a batch repeats short
        ones ("ok", "thanks"); a sentence is tagged alone, so its doc does not depend on its
        neighbours and can be reused. The cache keeps the last :data:`TAG_CACHE` sentences.
        """
        cache = self._tagged
        missing = list(dict.fromkeys(t for t in sentences if t not in cache))
        for t, doc in zip(missing, self._nlp.pipe(missing, batch_size=256), strict=True):
            cache[t] = doc
        out = []
        for t in sentences:
            cache.move_to_end(t)
            out.append(cache[t])
        while len(cache) > TAG_CACHE:
            cache.popitem(last=False)
        return out

    def _views(self, bodies: Sequence[str | None]) -> list[DraftView | None]:
        """Segment every draft, then tag all their sentences in one spaCy pass."""
        spans = [split_sentences(b) if b is not None else [] for b in bodies]
        flat = [b[s.start : s.end] for b, ss in zip(bodies, spans, strict=True) if b is not None for s in ss]
        docs = iter(self._tag(flat))
        views: list[DraftView | None] = []
        for body, ss in zip(bodies, spans, strict=True):
            if body is None:
                views.append(None)
                continue
            sents = []
            for i, sp in enumerate(ss):
                t = body[sp.start : sp.end]
                sents.append(SentenceView(i, sp.start, sp.end, t, normalise(t), next(docs)))
            views.append(DraftView(body, tuple(sents)))
        return views

    def _analyse_chunk(
        self, texts: Sequence[object], ids: Sequence[str], rewrites: bool, head: SafetyHead | None
    ) -> Iterator[Report]:
        """Reports for one chunk; one draft that cannot be read or analysed never touches another.

        Safety comes first (OUTPUT.md): each readable draft is screened on its own before any
        stage that could fail, and keeps its safety result and language even when the rest of
        its analysis fails. The heavy stages run over the whole chunk for speed; if one fails,
        they are re-run draft by draft so only the draft that broke them gets an error record.
        """
        checked = [self._check(t) for t in texts]
        bodies = [c.text if c.error is None else None for c in checked]
        screens = [self._screen(b, head) if b is not None else None for b in bodies]
        try:
            views = self._views(bodies)
            findings = [self._detect(v, sc) if v is not None else [] for v, sc in zip(views, screens, strict=True)]
            probs = self._probabilities(views, findings)
        except Exception:
            views, findings, probs = [], [], []
            for b, sc in zip(bodies, screens, strict=True):
                v, f, p = self._one_draft(b, sc)
                views.append(v)
                findings.append(f)
                probs.append(p)
        for text, rid, c, sc, view, fs, pr in zip(texts, ids, checked, screens, views, findings, probs, strict=True):
            original = text if isinstance(text, str) else ""
            if c.error is not None:
                yield Report(id=rid, text=original, warnings=c.warnings, error=c.error)
                continue
            language = sc.language if sc else None
            warnings = c.warnings + self._language_warnings(language)
            lang_code = language.code if language is not None and not language.english else None
            if view is None or pr is None:
                why = "could not be analysed: the text could not be read as sentences"
                yield self._failed(rid, original, sc, warnings, lang_code, why)
                continue
            try:
                report = self._report(rid, original, view, fs, pr, warnings, sc.head if sc else None, lang_code)
                if rewrites:
                    report = self.rewriter.fill(report)
            except Exception as e:
                report = self._failed(
                    rid, original, sc, warnings, lang_code, f"analysis failed: {type(e).__name__}: {e}"
                )
            yield report

    def _failed(
        self,
        rid: str,
        original: str,
        sc: Screened | None,
        warnings: tuple[str, ...],
        language: str | None,
        error: str,
    ) -> Report:
        """The record of a draft whose analysis failed: it keeps the screen's safety result (OUTPUT.md)."""
        safety = decide.safety(list(sc.findings) if sc else [], None, self.settings, sc.head if sc else None)
        return Report(
            id=rid,
            text=original,
            safety=safety,
            warnings=warnings,
            language=language,
            rewrites_withheld=decide.withheld(safety),
            error=error,
        )

    def _check(self, text: object) -> inputs.Checked:
        try:
            return inputs.check(text, self.settings.max_draft_chars)
        except Exception as e:  # a value no check foresaw: its own error, never the chunk's
            return inputs.Checked("", error=f"could not be read: {type(e).__name__}")

    @staticmethod
    def _screen(body: str, head: SafetyHead | None) -> Screened | None:
        try:
            return screen(body, head=head)
        except Exception:
            try:  # the learned head failed on this draft: the rules alone still screen it
                return screen(body)
            except Exception:
                return None

    @staticmethod
    def _language_warnings(language: Language | None) -> tuple[str, ...]:
        if language is None or language.english:
            return ()
        return (f"not English ({language.code}): draftwise reads English only, so the analysis is unreliable",)

    def _one_draft(self, body: str | None, sc: Screened | None) -> tuple[DraftView | None, list[Finding], Any]:
        """The heavy stages for one draft alone; ``(None, [], None)`` when they fail on it."""
        if body is None:
            return None, [], None
        try:
            view = self._views([body])[0]
            if view is None:
                return None, [], None
            fs = self._detect(view, sc)
            return view, fs, self._probabilities([view], [fs])[0]
        except Exception:
            return None, [], None

    def _detect(self, view: DraftView, screened: Screened | None = None) -> list[Finding]:
        """Every detector's findings, with the safety screen's (same sentences: the same segmenter)."""
        out: list[Finding] = list(screened.findings) if screened is not None else []
        for d in self.detectors:
            out.extend(d.detect(view))
        return out

    def _probabilities(self, views: Sequence[DraftView | None], findings: Sequence[list[Finding]]) -> list:
        if self.judge is None:
            return [
                decide.rule_probabilities(v, f) if v is not None else None for v, f in zip(views, findings, strict=True)
            ]
        return self.judge.predict(views, findings)

    def _report(
        self,
        rid: str,
        original: str,
        view: DraftView,
        fs: list[Finding],
        pr: decide.Probabilities,
        warnings: tuple[str, ...],
        head: HeadReading | None = None,
        language: str | None = None,
    ) -> Report:
        s = self.settings
        sents = decide.sentences(view, fs, pr, s)
        blame_cues = sum(r.phrasing == "blame" for r in sents)
        tactic_cues = sum(len(r.tactics) for r in sents)
        sig = signals(view, blame_cues, tactic_cues)
        score = float(pr.draft["intensity"]) if "intensity" in pr.draft else rule_score(sig)
        intensity = Intensity(level=to_level(score), score=min(10.0, max(1.0, score)), signals=sig)
        tactic_list = decide.tactics(sents, pr)
        safety = decide.safety(fs, pr, s, head)
        intensity = decide.safe_intensity(intensity, safety, s)
        return Report(
            id=rid,
            text=original,
            sentences=tuple(sents),
            dear_man=decide.dear_man(sents, fs, intensity, tactic_list, pr, s),
            intensity=intensity,
            tactics=tuple(tactic_list),
            safety=safety,
            apology=decide.apology(fs, pr),
            warnings=warnings,
            rewrites_withheld=decide.withheld(safety),
            language=language,
        )

    @property
    def rewriter(self) -> Rewriter:
        """The :class:`Rewriter` that re-checks its candidates with this analyser, built on first use."""
        if self._rewriter is None:
            from draftwise.rewrite import Rewriter

            self._rewriter = Rewriter(self.recheck, self.settings)
        return self._rewriter
