"""Drafting: a draft regulation checked against the model it must follow, article by article.

``compare(model, draft)`` aligns the provisions (align.py), names what changed in the
domain's terms (differences.py) and returns a :class:`~assistant.drafting.models.Comparison`;
report.py writes it as markdown or .docx. Nothing here writes to the data home.
"""

from assistant.drafting.compare import compare
from assistant.drafting.models import Comparison, Difference, DifferenceKind

__all__ = ["Comparison", "Difference", "DifferenceKind", "compare"]
