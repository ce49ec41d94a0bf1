"""The `zaakstroom` command: one subcommand per real action.

Commands are thin: parse and check input with click types, call one
application method, print for people or, with --json, for machines. A refused
action (DomeinFout) prints its message and exits 1 with nothing written.
"""

from __future__ import annotations

import os
from importlib import import_module

import click

from domain.fouten import DomeinFout
from store.log import stel_in
from workflow.delen import cli_commando_s


class Omgeving:
    """What commands share: the store URL and the application, opened on first use."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self._app = None
        self._opslag = None

    @property
    def opslag(self):
        if self._opslag is None:
            from store.config import Opslag

            self._opslag = Opslag.uit_omgeving(self.db)
        return self._opslag

    @property
    def app(self):
        if self._app is None:
            from workflow.application import Zaakstroom

            self._app = Zaakstroom(self.opslag)
        return self._app

    def dienst(self, naam: str):
        """A part's service (workflow.delen), on the application opened on first use."""
        return self.app.dienst(naam)

    def sluit(self) -> None:
        if self._app is not None:
            self._app.close()


class Weigering(click.ClickException):
    """A refused action, shown as 'Fout: …' on stderr with exit code 1."""

    def show(self, file=None) -> None:
        click.secho(f"Fout: {self.format_message()}", file=file, err=file is None, fg="red")


# Each command's module is imported only when that command runs (or for --help):
# building the Click commands of every part costs a command ~40 ms of start-up.
COMMANDO_S = cli_commando_s()  # every part's nouns: workflow/delen.py


class ZaakstroomGroep(click.Group):
    """Loads subcommands lazily; turns refused actions and unreachable databases
    into messages, not tracebacks."""

    def list_commands(self, ctx):
        return sorted(COMMANDO_S)

    def get_command(self, ctx, naam):
        if naam not in COMMANDO_S:
            return None
        module, attribuut = COMMANDO_S[naam].split(":")
        return getattr(import_module(module), attribuut)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DomeinFout as e:
            raise Weigering(str(e)) from None
        except UnicodeEncodeError:
            raise Weigering(
                "De invoer bevat tekens die geen geldige tekst zijn (bijvoorbeeld door een verkeerde "
                "tekencodering van de terminal); er is niets vastgelegd."
            ) from None
        except Exception as e:  # database errors: name them, no traceback
            fout = _databasefout(e)
            if fout is None:
                raise
            opslag = ctx.obj._opslag if isinstance(ctx.obj, Omgeving) else None
            raise Weigering(fout + (f" (database: {opslag.veilig()})" if opslag else "")) from None


def _databasefout(e: Exception) -> str | None:
    naam = type(e).__module__ + "." + type(e).__name__
    if naam.startswith(("eventsourcing.persistence", "psycopg", "sqlite3", "sqlalchemy.exc")):
        tekst = str(e).split("\n(Background on this error")[0].strip()  # SQLAlchemy's link adds nothing here
        return f"De database gaf een fout ({type(e).__name__}): {tekst}"
    return None


@click.group(cls=ZaakstroomGroep)
@click.option("--db", envvar="ZAAKSTROOM_DATABASE_URL", default=None,
              help="Database-URL: sqlite:///pad.sqlite (standaard ./zaakstroom.sqlite) of postgresql://…")
@click.option("--log-niveau", type=click.Choice(["debug", "info", "warning", "error"]),
              default=lambda: os.environ.get("ZAAKSTROOM_LOG_NIVEAU", "warning"), show_default="warning")
@click.option("--log-json", is_flag=True, envvar="ZAAKSTROOM_LOG_JSON", help="Logregels als JSON (op stderr).")
@click.version_option(package_name="zaakstroom")
@click.pass_context
def zaakstroom(ctx: click.Context, db: str | None, log_niveau: str, log_json: bool) -> None:
    """Zaakstroom: zaken met wettelijke termijnen, als gebeurtenissen vastgelegd."""
    stel_in(log_niveau, log_json)
    omgeving = Omgeving(db)
    ctx.obj = omgeving
    ctx.call_on_close(omgeving.sluit)


def main() -> None:
    zaakstroom(prog_name="zaakstroom")
