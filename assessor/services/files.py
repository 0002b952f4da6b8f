"""The command line's file adapters: answers and targets files in, report files out."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from assessor.domain import yamlsrc
from assessor.domain.answers import parse_answers
from assessor.domain.consensus import Agreement
from assessor.domain.errors import InputError
from assessor.domain.loader import display_name
from assessor.domain.responses import Response
from assessor.domain.yamlsrc import SourceDoc, SourceError
from assessor.services.intake import responses_from_documents, targets_from_document
from assessor.services.output import write_output
from assessor.services.workspace import Workspace

ANSWER_SUFFIXES = (".yaml", ".yml", ".json")

__all__ = [
    "answer_files",
    "check_writable",
    "read_consensus",
    "read_document",
    "read_responses",
    "read_targets",
    "write_output",
]


def answer_files(*groups: Iterable[Path]) -> list[Path]:
    """The answers files named, with each folder replaced by its answers files in name order."""
    files: list[Path] = []
    for group in groups:
        for path in group:
            if path.is_dir():
                files.extend(
                    sorted(p for p in path.iterdir() if p.suffix in ANSWER_SUFFIXES and p.is_file())
                )
            else:
                files.append(path)
    return files


def read_document(path: Path, base: Path | None = None) -> SourceDoc:
    """Read a YAML or JSON input file; InputError names the file and line of any problem."""
    try:
        return yamlsrc.read_document(path, display_name(path, base))
    except SourceError as exc:
        raise InputError(str(exc)) from exc


def read_responses(ws: Workspace, questionnaire_id: str, paths: Sequence[Path]) -> list[Response]:
    """Every answers file read and checked; InputError on any bad file or a file named twice."""
    ws.questionnaire(questionnaire_id)
    if not paths:
        raise InputError("give at least one answers file")
    problems: list[str] = []
    seen: dict[Path, Path] = {}
    for path in paths:
        first = seen.setdefault(path.resolve(), path)
        if first is not path:
            problems.append(f"{path}: the same answers file is given twice (also as {first})")
    docs = []
    for path in dict.fromkeys(seen.values()):
        try:
            docs.append(read_document(path, ws.base))
        except InputError as exc:
            problems.append(str(exc))
    try:
        responses = responses_from_documents(ws, questionnaire_id, docs) if docs else []
    except InputError as exc:
        problems.append(str(exc))
    if problems:
        raise InputError("\n".join(problems))
    return responses


CONSENSUS_KEYS = ("questionnaire", "consensus")


def read_consensus(ws: Workspace, questionnaire_id: str, path: Path) -> list[Agreement]:
    """The agreed answers of a consensus file, each with its note; InputError on any bad entry.

    The file maps each agreed question to its answer, or to `answer` and `note`::

        consensus:
          executive-sponsor-named: {answer: "yes", note: The CFO chairs the steering group}
          past-crm-attempt: abandoned
    """
    name = display_name(path, ws.base)
    data = read_document(path, ws.base).data
    if not isinstance(data, dict) or not isinstance(data.get("consensus"), dict):
        raise InputError(f"{name}: a consensus file maps 'consensus' to the agreed answers")
    unknown = [str(k) for k in data if k not in CONSENSUS_KEYS]
    if unknown:
        raise InputError(
            f"{name}: unknown key '{unknown[0]}'; expected: {', '.join(CONSENSUS_KEYS)}"
        )
    claimed = data.get("questionnaire")
    if claimed is not None and claimed != questionnaire_id:
        raise InputError(f"{name}: the consensus is for '{claimed}', not '{questionnaire_id}'")
    given, notes = {}, {}
    for qid, entry in data["consensus"].items():
        if isinstance(entry, dict):
            given[qid], notes[qid] = entry.get("answer"), entry.get("note")
        else:
            given[qid] = entry
    answers, problems = parse_answers(ws.content, questionnaire_id, given, respondent="consensus")
    if problems:
        raise InputError([dataclasses.replace(p, file=name) for p in problems])
    return [
        Agreement(qid, value, str(notes[qid]).strip() or None if notes.get(qid) else None)
        for qid, value in answers.items()
    ]


def read_targets(ws: Workspace, path: Path | None) -> dict[str, float] | None:
    """The targets of a targets file, or None when no file is given."""
    if path is None:
        return None
    return targets_from_document(ws, read_document(path, ws.base))


def check_writable(output: Path) -> None:
    """InputError unless the output's folder exists and the file can be written there."""
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise InputError(f"{output}: {folder} {problem}")
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise InputError(f"{output}: cannot write there (permission denied)")
