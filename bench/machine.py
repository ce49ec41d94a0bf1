"""The machine a benchmark ran on, for the header of bench/RESULTS.md (one copy for every benchmark)."""

from __future__ import annotations

import os
import platform
import sqlite3
from datetime import datetime
from importlib.metadata import version
from pathlib import Path


def cpu_model() -> str:
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.lower().startswith("model name"):
                return regel.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "onbekend"


def machine() -> dict:
    return {
        "datum": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "eventsourcing": version("eventsourcing"),
        "sqlite": sqlite3.sqlite_version,
    }
