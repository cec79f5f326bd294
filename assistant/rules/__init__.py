"""Deterministic numeric rules: extraction, exact arithmetic, numeric answers."""

from assistant.rules.frame import is_numeric_question
from assistant.rules.models import NumericAnswer, Quantity, Rule
from assistant.rules.query import answer_numeric, to_numeric_result
from ingest.rules.extract import extract_rules

__all__ = [
    "NumericAnswer",
    "Quantity",
    "Rule",
    "answer_numeric",
    "extract_rules",
    "is_numeric_question",
    "to_numeric_result",
]
