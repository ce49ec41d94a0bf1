"""Writing a file a person asked for (`--uitvoer`): all or nothing, never over an existing file
unless `--overschrijven` was given, and readable by the owner only when it holds personal data.

The text goes to a temporary file in the same folder first, which is then linked into place
(new file) or renamed over the old one (with `overschrijven`): an interrupted write leaves no
half file, and two writers racing for a new name cannot both win.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

PRIVE = 0o600  # personal data (nota --intern, exports): the owner only
GEWOON = 0o644  # published material (the anonymous nota, the factsheet)


def controleer_doel(pad: Path, *, overschrijven: bool, optie: str = "--uitvoer") -> Path:
    """Refuse, before any work is done, a target that cannot or may not be written."""
    if pad.is_dir():
        raise click.BadParameter(f"{pad} is een map; geef een bestandsnaam.", param_hint=optie)
    if not pad.parent.is_dir():
        raise click.BadParameter(f"de map {pad.parent} bestaat niet.", param_hint=optie)
    if pad.exists() and not overschrijven:
        raise click.BadParameter(f"{pad} bestaat al; kies een andere naam of geef --overschrijven.",
                                 param_hint=optie)
    return pad


def schrijf(pad: Path, inhoud: str | bytes, *, overschrijven: bool = False, modus: int = GEWOON) -> None:
    """Write `inhoud` to `pad` atomically with permissions `modus` (whatever the umask)."""
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
    pad = Path(pad)
    controleer_doel(pad, overschrijven=overschrijven)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=".deel")
    try:
        os.fchmod(fd, modus)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if overschrijven:
            os.replace(tijdelijk, pad)
        else:
            try:
                os.link(tijdelijk, pad)  # fails if the name was taken meanwhile
            except FileExistsError:
                raise click.BadParameter(f"{pad} bestaat al; kies een andere naam of geef --overschrijven.",
                                         param_hint="--uitvoer") from None
            os.unlink(tijdelijk)
    except OSError as e:
        raise click.ClickException(f"Kan niet schrijven naar {pad}: {e.strerror}.") from None
    finally:
        if os.path.exists(tijdelijk):
            os.unlink(tijdelijk)
