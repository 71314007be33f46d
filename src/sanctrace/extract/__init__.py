"""Extraction: entities and claims from report text with spaCy and data-driven rules.

Extractor            loads a spaCy pipeline and the rule data; extract(), extract_many()
extraction_to_json   one document object of the evaluation contract
"""

from sanctrace.extract.pipeline import Extractor
from sanctrace.extract.serialize import extraction_to_json

__all__ = ["Extractor", "extraction_to_json"]
