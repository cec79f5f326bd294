"""One conversation as the page keeps it in the browser's localStorage."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError

Message = dict[str, str]


class Conversation(BaseModel):
    """What the page keeps of one conversation in the browser (localStorage): the turns
    sent back as history, the rendered messages, and each message as markdown for export.
    The server keeps nothing between questions."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    turns: list[Message] = []
    shown: list[Message] = []
    markdown: list[str] = []

    @classmethod
    def parse(cls, stored: str | None) -> Conversation:
        try:
            return cls.model_validate_json(stored or "{}")
        except ValidationError:
            return cls()

    def dump(self) -> str:
        return self.model_dump_json()
