"""What every `quyche` command shares: the data home its ``--home`` names, the assistant
opened on it, and the callback each command module adds its parsers with."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ingest.settings import Settings

# add(name, help) → a subcommand's parser that already takes --home
AddParser = Callable[[str, str], argparse.ArgumentParser]


def settings_of(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "home", None):
        overrides["home"] = Path(args.home)
    return Settings(**overrides)  # type: ignore[arg-type]


def open_assistant(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from assistant.service import Assistant

    return Assistant.open(settings_of(args))
