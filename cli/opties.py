"""Options every command shares: who acts, why, when it took effect, and --json."""

from __future__ import annotations

import getpass
import os
from datetime import date

import click

from domain.datums import parse_datum


class Datum(click.ParamType):
    name = "datum"

    def convert(self, value, param, ctx) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_datum(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)


DATUM = Datum()


def standaard_actor() -> str:
    return os.environ.get("ZAAKSTROOM_ACTOR") or getpass.getuser()


def json_optie(f):
    return click.option("--json", "als_json", is_flag=True, help="Machineleesbare uitvoer (JSON).")(f)


def handeling(f):
    """--actor, --reden, --datum and --json for a command that records an event."""
    f = click.option("--datum", type=DATUM, default=None,
                     help="Datum waarop het in werkelijkheid gebeurde, als dat eerder was dan vandaag.")(f)
    f = click.option("--reden", default=None, help="Waarom (wordt bij de gebeurtenis vastgelegd).")(f)
    f = click.option("--actor", default=standaard_actor, show_default="$ZAAKSTROOM_ACTOR of OS-gebruiker",
                     help="Wie dit doet.")(f)
    return json_optie(f)
