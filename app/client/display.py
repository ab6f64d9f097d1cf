"""What `atelier ingest` shows while it works: on a terminal a live rich display (a bar for all
files, a line per file in flight with its job's stage), elsewhere plain lines for logs and
pipes; both print one line per finished file and the summary."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Protocol

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)


class Display(Protocol):
    def __enter__(self) -> Display: ...

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None: ...

    def note(self, line: str) -> None:
        """A line about the run itself (a skipped file, a bundle made)."""

    def started(self, label: str) -> None:
        """The file `label` is being sent."""

    def stage(self, label: str, stage: str, fraction: float) -> None:
        """The file's job reached `stage`, `fraction` of the way through."""

    def finished(self, label: str, line: str, ready: bool) -> None:
        """The file ended, as `line` says."""


def display_for_stdout(total: int) -> Display:
    """The live display on a terminal, plain lines otherwise."""
    return RichDisplay(total) if sys.stdout.isatty() else PlainDisplay()


class PlainDisplay:
    """One line per note and finished file, flushed at once so a pipe reads them live."""

    def __enter__(self) -> PlainDisplay:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        return None

    def note(self, line: str) -> None:
        print(line, flush=True)

    def started(self, label: str) -> None:
        return None

    def stage(self, label: str, stage: str, fraction: float) -> None:
        return None

    def finished(self, label: str, line: str, ready: bool) -> None:
        print(line, flush=True)


class RichDisplay:
    """An overall bar of files done, and a bar per file in flight that follows its job."""

    def __init__(self, total: int) -> None:
        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
            TaskProgressColumn(), TimeElapsedColumn(), console=Console(highlight=False))
        self.overall = self.progress.add_task(f"[bold]ingesting {total} files", total=total)
        self.files: dict[str, TaskID] = {}

    def __enter__(self) -> RichDisplay:
        self.progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.progress.stop()

    def note(self, line: str) -> None:
        self.progress.console.print(escape(line), style="dim")

    def started(self, label: str) -> None:
        self.files[label] = self.progress.add_task(f"{escape(label)}: uploading", total=1.0)

    def stage(self, label: str, stage: str, fraction: float) -> None:
        if label in self.files:
            self.progress.update(self.files[label], completed=fraction,
                                 description=f"{escape(label)}: {escape(stage)}")

    def finished(self, label: str, line: str, ready: bool) -> None:
        if label in self.files:
            self.progress.remove_task(self.files.pop(label))
        self.progress.advance(self.overall)
        self.progress.console.print(escape(line), style="green" if ready else "red")
