"""Project exceptions. Each carries one clear, user-facing line."""


class QuycheError(Exception):
    """Base class: the message is shown to users as is, without a traceback."""


class InputError(QuycheError):
    """A file that cannot be ingested (empty, binary, undecodable, no Điều headings...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexVersionError(QuycheError):
    """The data home was written by an incompatible version."""


class IngestLockedError(QuycheError):
    """Another ingest holds the data home's lock."""
