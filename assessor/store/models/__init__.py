"""The tables of the assessor's database, one module per concern; importing this fills the metadata."""

from assessor.store.models.accounts import Firm, User
from assessor.store.models.assessments import Assessment, AssessmentStatus
from assessor.store.models.clients import Client
from assessor.store.models.imports import ImportMapping
from assessor.store.models.reports import JobStatus, RenderedReport, ReportJob
from assessor.store.models.respondents import Answer, Respondent
from assessor.store.models.tracking import ActionChange, ActionStatus, TrackedAction
from assessor.store.models.workshops import (
    ConsensusAnswer,
    Workshop,
    WorkshopMode,
    WorkshopParticipant,
)

__all__ = [
    "ActionChange",
    "ActionStatus",
    "Answer",
    "Assessment",
    "AssessmentStatus",
    "Client",
    "ConsensusAnswer",
    "Firm",
    "ImportMapping",
    "JobStatus",
    "RenderedReport",
    "ReportJob",
    "Respondent",
    "TrackedAction",
    "User",
    "Workshop",
    "WorkshopMode",
    "WorkshopParticipant",
]
