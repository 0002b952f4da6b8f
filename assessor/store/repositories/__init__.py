"""Repositories: plain classes over a Session that take and return plain records."""

from assessor.store.repositories.accounts import FirmRepository, UserRepository
from assessor.store.repositories.answers import AnswerRepository
from assessor.store.repositories.assessments import AssessmentRepository
from assessor.store.repositories.clients import ClientRepository
from assessor.store.repositories.mappings import ImportMappingRepository
from assessor.store.repositories.reports import ReportCache, ReportJobRepository
from assessor.store.repositories.respondents import RespondentRepository
from assessor.store.repositories.tracking import TrackingRepository
from assessor.store.repositories.workshops import WorkshopRepository

__all__ = [
    "AnswerRepository",
    "AssessmentRepository",
    "ClientRepository",
    "FirmRepository",
    "ImportMappingRepository",
    "ReportCache",
    "ReportJobRepository",
    "RespondentRepository",
    "TrackingRepository",
    "UserRepository",
    "WorkshopRepository",
]
