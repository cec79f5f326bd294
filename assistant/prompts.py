"""Prompt templates kept as plain files in the repository's ``prompts/`` folder.

Prompts are text that people edit and review, so they live outside the code, one
Markdown file per prompt: a ``## system`` section and a ``## user`` section with
``{name}`` placeholders. Anything before the first section is a comment for editors.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

# assistant/ sits next to prompts/ in the source tree; the project is installed editable,
# so this also holds for an installed ``quyche``.
PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_SECTION = re.compile(r"^##\s+(system|user)\s*$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


class RenderedPrompt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    user: str


class PromptTemplate(BaseModel):
    """A system + user template; ``format`` fills ``{name}`` placeholders, nothing else."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    system: str
    user: str

    @property
    def variables(self) -> frozenset[str]:
        return frozenset(_PLACEHOLDER.findall(self.system + "\n" + self.user))

    def format(self, **values: str) -> RenderedPrompt:
        """Fill every placeholder; a missing value is an error, other braces stay as written."""
        missing = self.variables - values.keys()
        if missing:
            raise KeyError(f"prompt {self.name!r} needs: {', '.join(sorted(missing))}")

        def fill(text: str) -> str:
            # One pass, so a value that itself contains "{x}" is never substituted again.
            return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)

        return RenderedPrompt(system=fill(self.system), user=fill(self.user))


def load_prompt(name: str, folder: Path | None = None) -> PromptTemplate:
    """Read ``prompts/<name>.md``. ValueError for a bad name or a file without both sections."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"bad prompt name: {name!r}")
    return _load(name, (folder or PROMPTS_DIR).resolve())


@lru_cache(maxsize=32)
def _load(name: str, folder: Path) -> PromptTemplate:
    path = folder / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    sections: dict[str, str] = {}
    marks = list(_SECTION.finditer(text))
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else len(text)
        sections[mark.group(1)] = text[mark.end() : end].strip()
    if not sections.get("system") or not sections.get("user"):
        raise ValueError(f"{path}: needs non-empty '## system' and '## user' sections")
    return PromptTemplate(name=name, system=sections["system"], user=sections["user"])
