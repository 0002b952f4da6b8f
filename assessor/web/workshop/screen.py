"""The live state of a workshop as the screen's script reads it, worded in the visitor's language."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import url_for
from flask_babel import gettext as _

from assessor.domain.text import tr
from assessor.services.workshops import Debate, LiveView
from assessor.web.consult.assessments import role_choices


def _debate(debate: Debate, view: LiveView, lang: str, roles: dict[str, str]) -> dict[str, Any]:
    agreed = view.agreed.get(debate.question)
    return {
        "question": debate.question,
        "text": tr(debate.text, lang),
        "respondents": debate.respondents,
        "sd": round(debate.sd, 1),
        "low": round(debate.min),
        "high": round(debate.max),
        "mean": round(debate.mean),
        "agreed": agreed is not None,
        "record_url": url_for(
            "workshop.consensus",
            assessment_id=view.workshop.assessment_id,
            question_id=debate.question,
        ),
        "by_role": [
            {
                "role": roles.get(r.role, r.role),
                "respondents": r.respondents,
                "mean": round(r.mean),
                "low": round(r.min),
                "high": round(r.max),
            }
            for r in debate.by_role
        ],
    }


def screen_state(view: LiveView, lang: str) -> dict[str, Any]:
    """Counts, readiness and the widest debates; `version` changes whenever the radar would."""
    roles = dict(role_choices())
    readiness = view.assessment.readiness if view.assessment else None
    state: dict[str, Any] = {
        "mode": view.workshop.mode.value,
        "joined": view.joined,
        "answering": view.answering,
        "submitted": view.submitted,
        "answers": view.answers,
        "readiness": None if readiness is None else readiness.score,
        "readiness_text": "–"
        if readiness is None or readiness.score is None
        else f"{readiness.score:.0f}",
        "agreed": len(view.agreed),
        "debates": [_debate(d, view, lang, roles) for d in view.debates],
        "labels": {
            "agreed": _("Agreed"),
            "record": _("Record the agreed answer"),
            "spread": _("Spread"),
            "answers": _("answers"),
        },
    }
    scores = (
        {}
        if view.assessment is None
        else {
            d.ref: d.score
            for f in view.assessment.frameworks.values()
            for d in f.dimensions.values()
        }
    )
    digest = json.dumps([view.answers, view.answering, scores], sort_keys=True, default=str)
    state["version"] = hashlib.sha256(digest.encode()).hexdigest()[:16]
    return state
