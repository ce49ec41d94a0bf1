"""What the reliability harnesses (issue 12) share: how long they run and where their figures go.

In the normal suite each harness runs a short, bounded version; `scripts/betrouwbaarheid` sets
ZAAKSTROOM_BETROUWBAARHEID=vol for the full one and ZAAKSTROOM_CIJFERS_MAP to a folder in which every
harness leaves its figures as one JSON file, from which RELIABILITY.md is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def vol() -> bool:
    """True for the full run (scripts/betrouwbaarheid), False in the normal suite."""
    return os.environ.get("ZAAKSTROOM_BETROUWBAARHEID") == "vol"


def noteer(harnas: str, cijfers: dict) -> None:
    """Leave this harness's figures (counts, seconds, store) for RELIABILITY.md; a no-op in the normal suite."""
    map_ = os.environ.get("ZAAKSTROOM_CIJFERS_MAP")
    if not map_:
        return
    pad = Path(map_) / f"{harnas}.json"
    bestaand = json.loads(pad.read_text()) if pad.exists() else []
    bestaand.append(cijfers)
    pad.write_text(json.dumps(bestaand, indent=2, ensure_ascii=False, default=str))
