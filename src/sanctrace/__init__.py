"""sanctrace: evidence-backed maps of sanctioned military supply chains from open reporting."""

from sanctrace.errors import SanctraceError
from sanctrace.model import (
    Claim,
    Designation,
    Document,
    Entity,
    Evidence,
    Extraction,
    Span,
    TimeRef,
)

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Designation",
    "Document",
    "Entity",
    "Evidence",
    "Extraction",
    "SanctraceError",
    "Span",
    "TimeRef",
    "__version__",
]
