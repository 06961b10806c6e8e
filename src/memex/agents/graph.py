"""The answering pipeline as a LangGraph StateGraph: condense → plan → retrieve → hop → synthesise → verify.

`hop` is the second retrieval of a relational question (find the bridging entity, search again for it).
Verification that fails (nothing supported) loops back once through a reformulated search before the
answer abstains. The same compiled graph serves every interface through `Brain.ask` / `Brain.ask_stream`,
which hand it narrow parts (`AnswerParts`), never the Brain.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypedDict

from memex.agents import (
    abstain,
    aggregate,
    arithmetic,
    compose,
    disowned,
    full_names,
    lexicon,
    multihop,
    replaced,
    totals,
)
from memex.agents.context import Context, hit_dict, retrieve
from memex.agents.embed_memo import EmbedMemo
from memex.agents.evidence import all_units
from memex.agents.extractive import ABSTAIN_MESSAGE, MAX_UNITS, content_terms, idf_weights, question_terms
from memex.agents.plan import Plan, decompose, llm_plan, reformulate, resolve_follow_up
from memex.agents.synthesis import (
    ANSWER_MAX_TOKENS,
    PROMPT_RESERVE_TOKENS,
    build_messages,
    generate,
    sanitize,
    url_checker,
)
from memex.agents.verify import SentenceCheck, lacks_wanted_number, verify
from memex.domain import Answer, Hit
from memex.errors import MemexError
from memex.llm.base import ChatModel
from memex.retrieve.search import Filters
from memex.store.documents import note_text

if TYPE_CHECKING:
    from memex.agents.answer import AnswerParts

EXTRACTIVE_BUDGET_TOKENS = 2400
"""Extractive answers score every sentence of the context; this bounds that work."""
CLOSEST = 3


@dataclass
class Run:
    """What one question's run needs besides its state: the parts, the model and the options."""

    parts: AnswerParts
    model: ChatModel | None
    filters: Filters | None = None
    history: list[tuple[str, str]] = field(default_factory=list)
    judge_model: ChatModel | None = None
    """Confirms each sentence's support (`answer_judge`); None: the lexical-and-embedding check only."""
    rewrite: bool = False
    expand: bool = True
    retry: bool = True
    decompose: bool = True
    emit: Callable[[dict[str, Any]], None] | None = None
    """Receives stream events ({"type": "token"|"step", ...}); None when not streaming."""
    _memo: EmbedMemo | None = None
    _notes: dict[int, str] = field(default_factory=dict)
    _disowned: dict[int, disowned.Disowning] = field(default_factory=dict)

    def threshold(self) -> float:
        """The support below which an extractive answer abstains: the setting, else the embedder's calibration."""
        configured = self.parts.settings.answer_support_threshold
        if configured != "calibrated":
            try:
                return float(configured)
            except ValueError as e:
                raise MemexError(f'config: answer_support_threshold must be "calibrated" or a number, '
                                 f"got {configured!r}") from e
        return abstain.threshold_for(self.parts.embedder.id)

    @property
    def embedder(self) -> EmbedMemo:
        """The embedder, memoised for this question (sentences are embedded once)."""
        if self._memo is None:
            self._memo = EmbedMemo(self.parts.embedder)
        return self._memo

    def note_text(self, doc_id: int) -> str:
        """A note's whole text (memoised for this question)."""
        if doc_id not in self._notes:
            self._notes[doc_id] = note_text(self.parts.conn, doc_id)
        return self._notes[doc_id]

    def disowning(self, doc_id: int) -> disowned.Disowning:
        """A note's pasted messages its owner marks as not genuine (memoised for this question)."""
        if doc_id not in self._disowned:
            self._disowned[doc_id] = disowned.disowning(self.parts.conn, doc_id)
        return self._disowned[doc_id]

    def idf(self, question: str) -> dict[str, float]:
        """How rare each word of `question` is in the notes (BM25's idf)."""
        freq, total = self.parts.searcher.term_frequencies(list(question_terms(question).values()))
        return idf_weights(question, freq, total)


class AnswerState(TypedDict, total=False):
    """The graph's shared state; each node returns the keys it changes."""

    run: Run
    question: str
    standalone: str
    plan: Plan
    context: Context
    attempt: int
    queries_tried: list[str]
    draft: str
    sources: dict[int, Hit]
    answer: Answer
    checks: list[SentenceCheck]
    trace: list[dict[str, Any]]
    streamed: bool
    composed: compose.Composed
    bridge: dict[str, Any]


def _step(state: AnswerState, name: str, started: float, **data: Any) -> list[dict[str, Any]]:
    entry = {"step": name, "ms": round((time.perf_counter() - started) * 1e3, 1), **data}
    run = state["run"]
    if run.emit is not None:
        run.emit({"type": "step", **entry})
    return [*state.get("trace", []), entry]


def condense(state: AnswerState) -> dict[str, Any]:
    """Turn a follow-up into a standalone question using the thread's history."""
    t0 = time.perf_counter()
    run = state["run"]
    standalone = resolve_follow_up(state["question"], run.history, run.model)
    return {"standalone": standalone, "attempt": 0, "queries_tried": [],
            "trace": _step(state, "condense", t0, standalone=standalone, history_turns=len(run.history))}


def plan(state: AnswerState) -> dict[str, Any]:
    """Decide the searches: decomposition (and, with an LLM, optional query rewriting)."""
    t0 = time.perf_counter()
    run = state["run"]
    if run.model is not None and run.rewrite:
        p = llm_plan(state["standalone"], run.model, run.rewrite)
    elif run.decompose:
        p = decompose(state["standalone"])
    else:
        p = Plan(state["standalone"], [state["standalone"]], notes=["decomposition off"])
    return {"plan": p, "trace": _step(state, "plan", t0, **p.to_dict())}


def _budget(run: Run) -> int:
    if run.model is None:
        return EXTRACTIVE_BUDGET_TOKENS
    # The synthesis prompt holds the rules, the notes and the (standalone) question; history stays out.
    return max(256, run.model.context_window - ANSWER_MAX_TOKENS - PROMPT_RESERVE_TOKENS)


def retrieve_node(state: AnswerState) -> dict[str, Any]:
    """Hybrid search per sub-query, merged, expanded to section neighbours, packed into the budget."""
    t0 = time.perf_counter()
    run = state["run"]
    queries = state["plan"].sub_queries if state.get("attempt", 0) == 0 \
        else [state["standalone"], state["queries_tried"][-1]]
    wide = state["plan"].kind == "aggregation"
    budget = _budget(run) * (2 if wide and run.model is None else 1)
    ctx = retrieve(run.parts.searcher, queries, run.filters, budget, run.parts.embedder, run.expand, wide=wide,
                   window=_window_filters(run.filters, state["plan"].window))
    return {"context": ctx, "trace": _step(state, "retrieve", t0, attempt=state.get("attempt", 0),
                                           queries=queries, **ctx.to_dict())}


def _window_filters(filters: Filters | None, window: tuple[str | None, str | None]) -> Filters | None:
    """The user's filters narrowed to the dates the question names (None when it names none)."""
    start, end = window
    if not (start or end):
        return None
    base = filters or Filters()
    after = max(x for x in (base.after, start) if x) if (base.after or start) else None
    before = min(x for x in (base.before, end) if x) if (base.before or end) else None
    return replace(base, after=after, before=before)



def hop(state: AnswerState) -> dict[str, Any]:
    """A relational question: name the bridging entity from the first results, then search for it."""
    t0 = time.perf_counter()
    run = state["run"]
    p = state["plan"]
    if p.temporal and p.kind == "single" and state["context"].hits and not state.get("attempt", 0):
        # "Where does Elin work now?": the notes about Elin are searched too (agents/multihop.subject_hop).
        ctx, found = multihop.subject_hop(state["standalone"], state["context"], run.parts.searcher, run.filters,
                                          _budget(run) + EXTRACTIVE_BUDGET_TOKENS // 2, run.parts.embedder)
        if not found:  # the question names nothing the note graph has a note for: no step was taken
            return {"bridge": {}}
        return {"context": ctx, "bridge": {"subject_docs": found.get("own", [])},
                "trace": _step(state, "hop", t0, **found)}
    if p.kind == "multi-part" and state["context"].hits and not state.get("attempt", 0):
        # "…, and what does that plugin name a new note by default?": the first part's answer names the plugin.
        units = all_units(state["context"].hits)[:MAX_UNITS]
        with lexicon.asked(state["standalone"]):
            parts = multihop.referred(p.sub_queries[1:], units, run.embedder, run.idf)
            # "…, and what is his role?": the person the first part asks for, by name.
            parts = multihop.named_parts(parts or p.sub_queries[1:], units, run.embedder, run.idf,
                                         multihop.known_name(run.parts.conn)) or parts
        if not parts:
            return {"bridge": {}}
        changed = [q for q, old in zip(parts, p.sub_queries[1:], strict=True) if q != old]
        ctx = multihop.part_hop(changed, state["context"], run.parts.searcher, run.filters,
                                _budget(run) + EXTRACTIVE_BUDGET_TOKENS // 2, run.parts.embedder)
        return {"context": ctx, "bridge": {"parts": parts}, "trace": _step(state, "hop", t0, parts=parts)}
    if p.kind != "relational" or not p.bridge or not state["context"].hits or state.get("attempt", 0):
        return {"bridge": {}}
    units = all_units(state["context"].hits)[:MAX_UNITS]
    if multihop.is_time_description(p.bridge):
        # "the morning I finished 212th": the bridge is a day; what is asked is searched among its passages.
        day = multihop.date_bridge(p.bridge, units, run.embedder, run.idf(p.bridge))
        if day is not None:
            ctx, found_day = multihop.date_hop(state["standalone"], day[0], day[1], state["context"],
                                               run.parts.searcher, run.filters,
                                               _budget(run) + EXTRACTIVE_BUDGET_TOKENS // 2, run.parts.embedder,
                                               p.bridge)
            return {"context": ctx, "bridge": {"dates": day[0], "via": day[1]},
                    "trace": _step(state, "hop", t0, **found_day)}
    # What describes the entity, without the question's own verb it may run on into ("… do for a living").
    described = multihop.described_only(p.bridge)
    with lexicon.asked(state["standalone"]):
        found = compose.bridge_entities(described, state["standalone"], units, run.embedder, run.idf(described),
                                        known=run.parts.searcher.title_count, limit=multihop.HOP_ENTITIES,
                                        is_name=multihop.known_name(run.parts.conn),
                                        is_word=multihop.common_word(run.parts.conn))
        found = multihop.restate(found, described, units, run.embedder, run.idf(described))
        found = multihop.bare_names(run.parts.conn, found)
    if not found:
        return {"bridge": {}, "trace": _step(state, "hop", t0, entities=[])}
    ctx, hopped = multihop.second_hop(state["standalone"], found, state["context"], run.parts.searcher, run.filters,
                                      _budget(run) + EXTRACTIVE_BUDGET_TOKENS // 2, run.parts.embedder, p.bridge)
    entity, via = found[0]
    bridge = {"entity": entity, "via": via, "entities": found, "docs": hopped.docs}
    more = _third_hop(state, p.bridge, entity, via, ctx)
    if more is not None:
        ctx, bridge["chain"], third = more
        return {"context": ctx, "bridge": bridge,
                "trace": _step(state, "hop", t0, **hopped.to_dict(), third=third)}
    return {"context": ctx, "bridge": bridge, "trace": _step(state, "hop", t0, **hopped.to_dict())}


def _third_hop(state: AnswerState, description: str, entity: str, via: Any,
               ctx: Context) -> tuple[Context, dict[str, Any], dict[str, Any]] | None:
    """Where the question asked of the first entity still describes its subject by a relation to it ("the sportive
    Graham Pickles talked me into"), that is bridged too: its names found and searched again."""
    run = state["run"]
    nxt = multihop.further(state["standalone"], description, entity, via.unit)
    if nxt is None:
        return None
    question, bridge = nxt
    described = multihop.described_only(bridge)
    units = all_units(ctx.hits)[:MAX_UNITS]
    with lexicon.asked(question):
        found = compose.bridge_entities(described, question, units, run.embedder, run.idf(described),
                                        known=run.parts.searcher.title_count, limit=multihop.HOP_ENTITIES,
                                        is_name=multihop.known_name(run.parts.conn),
                                        is_word=multihop.common_word(run.parts.conn))
        found = multihop.restate(found, described, units, run.embedder, run.idf(described))
    # The first entity is what the new description relates to ("the sportive Graham Pickles talked me into"), not
    # what it describes.
    first = content_terms(entity)
    found = [(name, via2) for name, via2 in found if not content_terms(name) & first]
    if not found:
        return None
    out, hopped = multihop.second_hop(question, found, ctx, run.parts.searcher, run.filters,
                                      _budget(run) + EXTRACTIVE_BUDGET_TOKENS // 2, run.parts.embedder, bridge)
    chain = {"question": question, "bridge": bridge, "entities": found, "docs": hopped.docs, "first": via}
    return out, chain, {"question": question, "bridge": bridge, **hopped.to_dict()}


def synthesize(state: AnswerState) -> dict[str, Any]:
    """Draft an answer with [n] citations: the LLM from delimited notes, or the extractive composer."""
    t0 = time.perf_counter()
    run = state["run"]
    hits = state["context"].hits
    question = state["standalone"]
    if not hits:
        return {"draft": ABSTAIN_MESSAGE, "sources": {}, "trace": _step(state, "synthesize", t0, mode="none")}
    if run.model is None:
        with lexicon.asked(question):  # statements too short to tell are read in the question's language
            # "How long … before …", "how much … in total": computed over the cited facts (agents/arithmetic.py).
            composed = arithmetic.arithmetic(question, _compose(state, run), all_units(hits)[:MAX_UNITS], run.embedder,
                                             run.idf)
            # The answer's lead statement contradicted by a later one: the later one answers (agents/replaced.py).
            # With filters on (a path, tags, dates), only a passage they let in answers.
            returned = {h.chunk_id for h in hits}
            composed = replaced.latest(question, composed, all_units(hits)[:MAX_UNITS], run.embedder,
                                       run.idf(question), run.parts.conn, run.parts.searcher.hits_for,
                                       state["plan"].window, (lambda h: h.chunk_id in returned)
                                       if run.filters is not None and run.filters.active() else (lambda h: True))
            if composed.text:
                p = state["plan"]
                expect = compose.asked_of(question, p.bridge or "") if composed.mode == "relational" else None
                unseen = abstain.unseen_credit(question, run.parts.embedder.id, run.parts.conn, run.idf)
                composed.support, composed.checks = abstain.support_score(
                    question, composed.support, composed.primary or composed.used, run.note_text, expect,
                    composed.candidates, unseen, abstain.fts_in_notes(run.parts.conn), run.parts.embedder.id,
                    composed.used, run.parts.embedder)
                if full_names.asks_who(question):
                    # "… line managed by Rachel": a who-question is answered with the full name the graph knows.
                    names = full_names.first_names(composed.text, run.parts.conn, run.parts.searcher, run.filters,
                                                   [c.chunk_id for c in composed.citations], question)
                    composed.text, composed.citations = full_names.write_out(composed.text, composed.citations, names)
                _lead_with_owner(question, composed, run)
        return {"composed": composed, "draft": composed.text, "sources": {},
                "trace": _step(state, "synthesize", t0, **composed.trace(), draft=composed.text)}
    verdicts = {h.chunk_id: v.text for h in hits if (v := run.disowning(h.doc_id).verdict_in(h.text)) is not None}
    messages = build_messages(question, hits, state["plan"].temporal, verdicts)
    on_token = None
    if run.emit is not None:
        emit = run.emit
        on_token = lambda text: emit({"type": "token", "text": text})  # noqa: E731
    draft = generate(run.model, messages, on_token, url_checker(hits))
    return {"draft": draft, "sources": dict(enumerate(hits, start=1)), "streamed": on_token is not None,
            "trace": _step(state, "synthesize", t0, mode=run.model.name, draft=draft)}


def _lead_with_owner(question: str, composed: compose.Composed, run: Run) -> None:
    """An answer quoting a pasted message its owner marks as a scam leads with the owner's verdict (agents/disowned.py):
    the message's claims are not the owner's facts."""
    for c in composed.used:
        verdict = run.disowning(c.hit.doc_id).verdict_on(c.unit.quote)
        if verdict is not None:
            composed.text, composed.citations = disowned.lead_with_verdict(
                composed.text, composed.citations, verdict, c.hit.path, lexicon.label("disowned", question))
            composed.notes.append("disowned message: led with the owner's verdict")
            return


def _compose(state: AnswerState, run: Run) -> compose.Composed:
    """The extractive answer for the plan's kind of question."""
    question = state["standalone"]
    p = state["plan"]
    units = all_units(state["context"].hits)[:MAX_UNITS]
    bridge = state.get("bridge") or {}
    if p.kind == "relational" and bridge.get("dates") and p.bridge:
        out = multihop.answer_on_date(question, p.bridge, bridge["dates"], bridge["via"], units, run.embedder, run.idf)
        if out.text:
            return out
    chain = bridge.get("chain")
    if p.kind == "relational" and chain:
        out = multihop.best_bridge(chain["question"], chain["bridge"], chain["entities"], units, run.embedder,
                                   run.idf, chain["docs"])
        if out.text:
            return multihop.chained(chain["first"], out)
    if p.kind == "relational" and bridge.get("entity") and p.bridge:
        out = multihop.best_bridge(question, p.bridge, bridge["entities"], units, run.embedder, run.idf,
                                   bridge.get("docs"))
        if out.text:
            return out
    if p.kind in ("multi-part", "comparison", "change") and len(p.sub_queries) > 1:
        out = compose.parts(question, bridge.get("parts") or p.sub_queries[1:], units, run.embedder, run.idf)
        if out.text:
            return out
    if p.kind in ("aggregation", "single") and (total := totals.stated(question, units, run.embedder,
                                                                        run.idf(question))) is not None:
        return total  # "… au total", "insgesamt": the line that states the total, not the items' list
    if p.kind == "aggregation":
        return aggregate.answer(question, all_units(state["context"].hits), run.embedder, run.idf(question), p.window,
                                run.parts.searcher, run.filters)
    if p.temporal:
        return compose.temporal(question, units, run.embedder, run.idf(question),
                                frozenset(bridge.get("subject_docs") or ()))
    return compose.single(question, units, run.embedder, run.idf(question))


def verify_node(state: AnswerState) -> dict[str, Any]:
    """Check the draft: an LLM's sentences against the chunks they cite, an extractive answer's support score
    against the calibrated threshold (and, with `answer_judge`, the judge model's verdict)."""
    t0 = time.perf_counter()
    run = state["run"]
    draft = state["draft"]
    composed = state.get("composed")
    if not draft.strip() or ABSTAIN_MESSAGE.lower().rstrip(".") in draft.lower() \
            or lexicon.label("abstain", state["standalone"]).lower().rstrip(".") in draft.lower():
        answer, checks = Answer(ABSTAIN_MESSAGE, [], True), []
    elif run.model is None and composed is not None:
        answer, checks = _check_extractive(state["standalone"], composed, state["context"].hits, run)
    else:
        with lexicon.asked(state["standalone"]):  # the answer's words are read in the question's language
            answer, checks = verify(draft, state["sources"], run.embedder, run.judge_model)
        if not answer.abstained and lacks_wanted_number(state["standalone"], answer.answer):
            # A "how much / how many / when" question answered without any figure is not answered.
            checks = [*checks, SentenceCheck(answer.answer, [], 0.0, False, "the question asks for a number, "
                                             "a date or a version and the answer has none")]
            answer = Answer(ABSTAIN_MESSAGE, [], True)
    return {"answer": answer, "checks": checks,
            "trace": _step(state, "verify", t0, abstained=answer.abstained,
                           sentences=[c.to_dict() for c in checks])}


def _check_extractive(question: str, composed: compose.Composed, hits: list[Hit],
                      run: Run) -> tuple[Answer, list[SentenceCheck]]:
    """An extractive answer quotes the notes, so its sentences are supported by construction; what can be
    wrong is that the best statement does not answer the question: its support score decides."""
    ok, reason = abstain.decide(composed.support, composed.mode, run.threshold())
    check = SentenceCheck(composed.text, [c.n for c in composed.citations], composed.support, ok, reason)
    if ok and run.judge_model is not None and composed.citations:
        by_id = {h.chunk_id: h for h in hits}
        cited = [by_id[c.chunk_id] for c in composed.citations if c.chunk_id in by_id]
        verdict = abstain.judge_answer(run.judge_model, question, composed.text, cited)
        if verdict is False:
            ok, reason = False, "the judge model found the answer unsupported"
        check = SentenceCheck(composed.text, check.cites, composed.support, ok,
                              reason or f"judge: {'yes' if verdict else 'no verdict'}")
    if not ok:
        return Answer(ABSTAIN_MESSAGE, [], True), [check]
    return Answer(composed.text, composed.citations, False), [check]


def after_verify(state: AnswerState) -> str:
    """Loop back to retrieval once with a reformulated query before abstaining."""
    run = state["run"]
    if state["answer"].abstained and run.retry and state.get("attempt", 0) == 0 and state["context"].hits:
        return "reformulate"
    return "finish"


def reformulate_node(state: AnswerState) -> dict[str, Any]:
    """A different search for the second attempt."""
    t0 = time.perf_counter()
    run = state["run"]
    tried = [*state["plan"].sub_queries, *state.get("queries_tried", [])]
    query = reformulate(state["standalone"], tried, run.model)
    return {"attempt": state.get("attempt", 0) + 1, "queries_tried": [*state.get("queries_tried", []), query],
            "trace": _step(state, "reformulate", t0, query=query)}


def finish(state: AnswerState) -> dict[str, Any]:
    """Attach the closest passages to an abstention."""
    answer = state["answer"]
    if not answer.abstained and state["run"].model is None:
        # Extractive sentences are note text: a planted image or link must not render in the answer either.
        answer = Answer(sanitize(answer.answer, url_checker(state["context"].hits)), answer.citations, False,
                        answer.steps)
    if answer.abstained:
        closest = [hit_dict(h) for h in state["context"].hits[:CLOSEST]]
        # Said in the question's language ("No he encontrado esto en tus notas.").
        answer = Answer(lexicon.label("abstain", state["question"]), [], True, {"closest": closest})
    return {"answer": answer}


_GRAPH: Any = None


def compiled_graph() -> Any:
    """The compiled StateGraph (built once per process)."""
    global _GRAPH
    if _GRAPH is None:
        from langgraph.graph import END, START, StateGraph

        g = StateGraph(AnswerState)
        g.add_node("condense", condense)
        g.add_node("plan", plan)
        g.add_node("retrieve", retrieve_node)
        g.add_node("hop", hop)
        g.add_node("synthesize", synthesize)
        g.add_node("verify", verify_node)
        g.add_node("reformulate", reformulate_node)
        g.add_node("finish", finish)
        g.add_edge(START, "condense")
        g.add_edge("condense", "plan")
        g.add_edge("plan", "retrieve")
        g.add_edge("retrieve", "hop")
        g.add_edge("hop", "synthesize")
        g.add_edge("synthesize", "verify")
        g.add_conditional_edges("verify", after_verify, {"reformulate": "reformulate", "finish": "finish"})
        g.add_edge("reformulate", "retrieve")
        g.add_edge("finish", END)
        _GRAPH = g.compile()
    return _GRAPH


def _result(state: AnswerState, trace: bool) -> Answer:
    answer = state["answer"]
    if not trace:
        return answer
    steps = dict(answer.steps or {})
    steps.update({"question": state["question"], "standalone": state.get("standalone"),
                  "plan": state["plan"].to_dict() if "plan" in state else None,
                  "sub_queries": state["plan"].sub_queries if "plan" in state else [],
                  "retrieved": [h.chunk_id for h in state["context"].hits] if "context" in state else [],
                  "verification": [c.to_dict() for c in state.get("checks", [])],
                  "attempts": state.get("attempt", 0) + 1,
                  "llm": state["run"].model.name if state["run"].model is not None else "extractive",
                  "trace": state.get("trace", [])})
    return Answer(answer.answer, answer.citations, answer.abstained, steps)


def run_graph(run: Run, question: str, trace: bool = False) -> Answer:
    """Run the whole pipeline and return the checked answer."""
    state = compiled_graph().invoke({"run": run, "question": question, "trace": []})
    return _result(state, trace)


def stream_graph(run: Run, question: str, trace: bool = False) -> Iterator[dict[str, Any]]:
    """Run the pipeline, yielding {"type": "step"|"token", ...} events, then {"type": "answer", ...}."""
    from langgraph.config import get_stream_writer

    final: AnswerState | None = None

    def emit(event: dict[str, Any]) -> None:
        get_stream_writer()(event)

    run.emit = emit
    for mode, chunk in compiled_graph().stream({"run": run, "question": question, "trace": []},
                                               stream_mode=["custom", "values"]):
        if mode == "custom":
            yield chunk
        else:
            final = chunk
    assert final is not None
    answer = _result(final, trace)
    yield {"type": "answer", "streamed": bool(final.get("streamed")), **answer.to_dict()}
