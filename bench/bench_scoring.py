"""Benchmark: score 150 questions for 50 respondents (a large workshop), against a 20 ms target.

Run with `.venv/bin/python bench/bench_scoring.py [--runs N]`. The content and answers are
synthetic but built from the real pydantic content models; reading the answers (validation
against the questionnaire) is timed separately from scoring.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from assessor.domain.answers import parse_response
from assessor.domain.content import Content
from assessor.domain.responses import ROLES, Response, value_key
from assessor.domain.schema import (
    AnswerTest,
    Dimension,
    DimensionTest,
    ExceedsTest,
    Framework,
    Mapping,
    MaturityLevel,
    NumberBand,
    Option,
    Question,
    Questionnaire,
    ReadinessModel,
    Risk,
    Section,
    ShowCondition,
)
from assessor.domain.scoring import score_assessment
from assessor.domain.yamlsrc import SourceDoc

QUESTIONS = 150
RESPONDENTS = 50
TARGET_MS = 20.0
FRAMEWORKS = {"alpha": 8, "beta": 10, "gamma": 6}
LIKERT = [Option(value=v, label=f"{v}", score=v) for v in range(1, 6)]
YESNO = [Option(value="yes", label="Yes", score=1), Option(value="no", label="No", score=0)]
TOOLS = [Option(value=f"tool-{i}", label=f"Tool {i}", score=i % 3) for i in range(6)]
STAGES = [Option(value=f"stage-{i}", label=f"Stage {i}", score=i) for i in range(4)]


def frameworks() -> dict[str, Framework]:
    """Three frameworks of 8, 10 and 6 dimensions with a four-level maturity scale."""
    built = {}
    for fid, size in FRAMEWORKS.items():
        ids = [f"d{i}" for i in range(size)]
        built[fid] = Framework(
            kind="framework",
            id=fid,
            title=fid,
            description=fid,
            source="bench",
            dimensions=[Dimension(id=d, title=d, description=d) for d in ids],
            maturity=[
                MaturityLevel(
                    level=n, name=f"L{n}", min_score=n * 25, descriptors={d: d for d in ids}
                )
                for n in range(4)
            ],
        )
    return built


def question(index: int, rng: random.Random, refs: list[str]) -> Question:
    """A question of a type cycling through scale, yes/no, single, multiple and number."""
    kind = ("scale", "yesno", "single", "multiple", "number")[index % 5]
    maps = [Mapping(dimension=ref, weight=rng.choice([0.5, 1, 2])) for ref in rng.sample(refs, 2)]
    fields: dict[str, Any] = {
        "id": f"q{index}",
        "text": f"Question {index}",
        "type": kind,
        "audience": ["workshop"],
        "maps_to": maps,
        "weight": rng.choice([1, 1, 2]),
        "not_applicable": index % 7 == 0,
    }
    if kind == "number":
        fields.update(
            min=0,
            max=100,
            score_bands=[NumberBand(min=m, score=s) for m, s in ((0, 0), (20, 1), (60, 2))],
        )
    else:
        fields["options"] = {"scale": LIKERT, "yesno": YESNO, "single": STAGES, "multiple": TOOLS}[
            kind
        ]
    if index % 10 == 6:
        fields["condition"] = ShowCondition(question=f"q{index - 5}", equals="yes")
    return Question(**fields)


def risks(refs: list[str]) -> dict[str, Risk]:
    """Twenty risks mixing dimension, exceeds and answer tests."""
    found = {}
    for i in range(20):
        when: Any = [
            DimensionTest(dimension=refs[i % len(refs)], below=50),
            ExceedsTest.model_validate(
                {"exceeds": {"dimension": refs[i], "over": refs[i + 1], "by": 10}}
            ),
            AnswerTest.model_validate({"answer": f"q{5 * i + 1}", "equals": "no", "share": 0.4}),
        ][i % 3]
        found[f"r{i}"] = Risk(
            id=f"r{i}",
            title=f"Risk {i}",
            explanation="bench",
            source="bench",
            severity=("low", "medium", "high", "critical")[i % 4],
            pillar="strategy",
            when=when,
            mitigations=["a"],
        )
    return found


def gate(gate_id: str, cap: str, **test: Any) -> dict[str, Any]:
    """A gate as the YAML would give it."""
    return {"id": gate_id, "title": "G", "explanation": "E", "source": "S", "cap": cap, **test}


def readiness_model(refs: list[str]) -> ReadinessModel:
    """Four bands and three gates: two dimensions, every dimension, and a risk."""
    return ReadinessModel.model_validate(
        {
            "kind": "readiness-model",
            "id": "bench",
            "title": "Bench",
            "source": "bench",
            "overall": [{"framework": fid} for fid in FRAMEWORKS],
            "bands": [
                {"id": f"b{i}", "title": "B", "min_score": m, "verdict": "V"}
                for i, m in enumerate((0, 40, 60, 75))
            ],
            "gates": [
                gate("g1", "b1", dimensions=refs[:2], floor=50),
                gate("g2", "b2", dimensions="all", floor=40),
                gate("g3", "b1", risks=["r3"]),
            ],
        }
    )


def build_content(rng: random.Random) -> Content:
    """Synthetic content: 3 frameworks, 150 questions, one questionnaire, 20 risks, 3 gates."""
    built = frameworks()
    refs = [f"{f.id}/{d.id}" for f in built.values() for d in f.dimensions]
    questions = {q.id: q for q in (question(i, rng, refs) for i in range(QUESTIONS))}
    ids = list(questions)
    questionnaire = Questionnaire(
        kind="questionnaire",
        id="bench",
        title="Bench",
        description="bench",
        audience="workshop",
        duration_minutes=90,
        frameworks=list(built),
        sections=[
            Section(id=f"s{i}", title=f"S{i}", questions=ids[i : i + 15])
            for i in range(0, QUESTIONS, 15)
        ],
    )
    return Content(
        frameworks=built,
        questions=questions,
        questionnaires={"bench": questionnaire},
        risks=risks(refs),
        readiness_models={"bench": readiness_model(refs)},
    )


def answer_docs(content: Content, rng: random.Random) -> list[SourceDoc]:
    """Fifty answers documents, as the YAML reader would produce them, about 5% left blank."""
    docs = []
    for r in range(RESPONDENTS):
        answers: dict[str, Any] = {}
        for q in content.questions.values():
            if rng.random() < 0.05:
                continue
            if q.not_applicable and rng.random() < 0.1:
                answers[q.id] = "n/a"
            elif q.type == "number":
                answers[q.id] = rng.randint(0, 100)
            elif q.type == "multiple":
                answers[q.id] = [value_key(o.value) for o in rng.sample(q.options or [], 2)]
            else:
                answers[q.id] = value_key(rng.choice(q.options or []).value)
        data = {
            "respondent": {"name": f"Respondent {r}", "role": ROLES[r % len(ROLES)]},
            "answers": answers,
        }
        docs.append(SourceDoc(file=f"r{r}.yaml", data=data))
    return docs


def timed(runs: int, call: Callable[[], object]) -> list[float]:
    """Milliseconds per run of `call`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    """Build the workload, time reading and scoring, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="timed scoring runs (default 50)")
    runs = parser.parse_args().runs
    rng = random.Random(2024)
    content = build_content(rng)
    docs = answer_docs(content, rng)
    responses: list[Response] = []
    parse_ms = timed(
        1, lambda: responses.extend(parse_response(d, content, "bench") for d in docs)
    )[0]
    first = timed(1, lambda: score_assessment(content, "bench", responses))[0]
    times = timed(runs, lambda: score_assessment(content, "bench", responses))
    result = score_assessment(content, "bench", responses)
    median = statistics.median(times)
    print(
        f"workload: {QUESTIONS} questions x {RESPONDENTS} respondents, {len(content.risks)} risks"
    )
    print(f"reading answers (validation, not timed below): {parse_ms:.1f} ms")
    print(f"first scoring run (compiles the scoring plan): {first:.1f} ms")
    print(
        f"scoring, {runs} runs: median {median:.2f} ms, min {min(times):.2f} ms, max {max(times):.2f} ms"
    )
    print(f"median / {TARGET_MS:.0f} ms target: {median / TARGET_MS:.2f}")
    print(
        f"result: readiness {result.readiness.score:.1f} ({result.readiness.band}), {len(result.risks)} risks"
    )


if __name__ == "__main__":
    main()
