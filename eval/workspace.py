"""Where an evaluation or benchmark runs: a fresh data home in a temp folder, with the
embedding cache carried over from a persistent folder so repeated runs do not re-embed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

from eval.gold_set import SOURCES
from ingest.load import SUPPORTED_SUFFIXES
from ingest.models import Chunk, Document
from ingest.settings import Settings

OFFLINE_ENV: dict[str, str] = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "DO_NOT_TRACK": "1",
    "OMP_WAIT_POLICY": "PASSIVE",
}
CACHE_FILE = "embeddings.sqlite"


def go_offline() -> None:
    """Set the offline switches before any model or vector-store library is imported."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def persistent_dir(home: str | None) -> Path:
    """The folder whose ``embeddings.sqlite`` outlives the run: --home, else a user cache."""
    if home:
        return Path(home).expanduser()
    return Path.home() / ".cache" / "quyche-eval"


def copy_sqlite(source: Path, target: Path) -> bool:
    """Consistent copy of a sqlite file (WAL included) through the backup API."""
    if not source.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(source, timeout=30.0)) as src,
        closing(sqlite3.connect(target, timeout=30.0)) as dst,
    ):
        src.backup(dst)
    return True


def source_files(sources: Sequence[Path] = SOURCES) -> list[Path]:
    files: list[Path] = []
    for folder in sources:
        files += sorted(
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and ".meta." not in p.name
        )
    return files


def parse_sources(files: Sequence[Path]) -> list[Document]:
    from ingest.parse import parse_file

    return [parse_file(p) for p in files]


def chunks_of(documents: Sequence[Document]) -> list[Chunk]:
    from ingest.chunk import chunk_document

    return [c for d in documents for c in chunk_document(d)]


@contextmanager
def temp_home(
    persistent: Path | None, keep: Path | None = None, seed_cache: bool = True
) -> Iterator[Settings]:
    """Settings for a fresh data home (``keep`` if given, else a temp folder). The
    persistent embedding cache is copied in first and the grown cache copied back."""
    folder = keep or Path(tempfile.mkdtemp(prefix="quyche-eval-"))
    folder.mkdir(parents=True, exist_ok=True)
    settings = Settings(home=folder)
    if persistent is not None and seed_cache:
        copy_sqlite(persistent / CACHE_FILE, folder / CACHE_FILE)
    try:
        yield settings
    finally:
        if persistent is not None and (folder / CACHE_FILE).exists():
            copy_sqlite(folder / CACHE_FILE, persistent / CACHE_FILE)
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


__all__ = [
    "CACHE_FILE",
    "chunks_of",
    "copy_sqlite",
    "go_offline",
    "parse_sources",
    "persistent_dir",
    "source_files",
    "temp_home",
]
