"""Options every command shares: who acts, why, when it took effect, and --json."""

from __future__ import annotations

import getpass
import os
from datetime import date

import click

from domain.datums import parse_datum


# Dates outside this range are typing mistakes, not zaken (and would overflow term arithmetic).
EERSTE_JAAR, LAATSTE_JAAR = 1900, 2199


class Datum(click.ParamType):
    name = "datum"

    def convert(self, value, param, ctx) -> date:
        if isinstance(value, date):
            return value
        try:
            d = parse_datum(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)
        if not EERSTE_JAAR <= d.year <= LAATSTE_JAAR:
            self.fail(f"{value!r} valt buiten {EERSTE_JAAR}–{LAATSTE_JAAR}; is het jaartal goed?", param, ctx)
        return d


DATUM = Datum()


def standaard_actor() -> str:
    return os.environ.get("ZAAKSTROOM_ACTOR") or getpass.getuser()


def _actor(ctx, param, waarde: str) -> str:
    """Who acted is what an audit trail rests on: never empty."""
    if not waarde or not waarde.strip():
        raise click.BadParameter("wie dit doet mag niet leeg zijn (of zet ZAAKSTROOM_ACTOR).")
    return waarde.strip()


# In ctx.meta (shared by a context and its parents): what --json parsed to, for the error handling of cli.main.
JSON_OPTIE = "zaakstroom.json_optie"


def _onthoud_json(ctx, param, waarde: bool) -> bool:
    ctx.meta[JSON_OPTIE] = waarde
    return waarde


def json_optie(f):
    """--json: output for machines; an error is then a JSON object on stdout too (cli.main)."""
    return click.option("--json", "als_json", is_flag=True, callback=_onthoud_json,
                        help="Machineleesbare uitvoer (JSON), ook bij een fout.")(f)


def handeling(f):
    """--actor, --reden, --datum and --json for a command that records an event."""
    f = click.option("--datum", type=DATUM, default=None,
                     help="Datum waarop het in werkelijkheid gebeurde, als dat eerder was dan vandaag.")(f)
    f = click.option("--reden", default=None, help="Waarom (wordt bij de gebeurtenis vastgelegd).")(f)
    f = click.option("--actor", default=standaard_actor, callback=_actor, show_default="$ZAAKSTROOM_ACTOR of OS-gebruiker",
                     help="Wie dit doet.")(f)
    return json_optie(f)
