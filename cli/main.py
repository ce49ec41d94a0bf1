"""The `zaakstroom` command: one subcommand per real action.

Commands are thin: parse and check input with click types, call one
application method, print for people or, with --json, for machines. A refused
action (DomeinFout) prints its message and exits 1 with nothing written; a
usage error (what was typed does not parse) exits 2. Click speaks Dutch
(cli/taal.py).

With --json anywhere on the command line an error is a JSON object on stdout
instead, with the same exit code:
    {"fout": "<message>", "code": 1, "soort": "weigering"}
    {"fout": "<message>", "code": 2, "soort": "gebruik", "gebruik": "Gebruik: zaakstroom …"}
`soort` is "weigering" (refused by the rules), "gebruik" (usage error), "database",
"invoer" (text the terminal mangled) or "fout" (another error Click reports).
"""

from __future__ import annotations

import json
import os

import click

from cli.opties import JSON_OPTIE
from cli.taal import installeer, vernederlands
from domain.fouten import DomeinFout
from store.log import stel_in
from workflow.delen import cli_commando_s, laad

installeer()  # before any command is built: Click computes some help texts when an option is declared


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

    def __init__(self, message: str, soort: str = "weigering") -> None:
        super().__init__(message)
        self.soort = soort

    def show(self, file=None) -> None:
        click.secho(f"Fout: {self.format_message()}", file=file, err=file is None, fg="red")


# In ctx.meta (shared by a context and its children): was --json typed? What the command's --json
# option parsed to, when it got that far, is under cli.opties.JSON_OPTIE and decides.
JSON_GETYPT = "zaakstroom.json_getypt"


def json_getypt(args) -> bool:
    """Whether --json was typed: before a '--' (after it, everything is an argument)."""
    args = list(args)
    if "--" in args:
        args = args[:args.index("--")]
    return any(a == "--json" or a.startswith("--json=") for a in args)


class JsonFout(click.ClickException):
    """An error as a JSON object on stdout, with the exit code of the error it stands for."""

    def __init__(self, fout: click.ClickException) -> None:
        super().__init__(fout.format_message())
        self.exit_code = fout.exit_code
        self.object = {"fout": self.message, "code": fout.exit_code, "soort": _soort(fout)}
        ctx = getattr(fout, "ctx", None)
        if isinstance(fout, click.UsageError) and ctx is not None:
            self.object["gebruik"] = ctx.get_usage()

    def show(self, file=None) -> None:
        click.echo(json.dumps(self.object, ensure_ascii=False))


def _soort(fout: click.ClickException) -> str:
    if isinstance(fout, Weigering):
        return fout.soort
    return "gebruik" if isinstance(fout, click.UsageError) else "fout"


# Each command's module is imported only when that command runs (or for --help):
# building the Click commands of every part costs a command ~40 ms of start-up.
COMMANDO_S = cli_commando_s()  # every part's nouns: workflow/delen.py


class ZaakstroomGroep(click.Group):
    """Loads subcommands lazily; turns refused actions and unreachable databases
    into messages, not tracebacks; with --json, every error into a JSON object."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        vernederlands(self)

    def list_commands(self, ctx):
        return sorted(COMMANDO_S)

    def get_command(self, ctx, naam):
        if naam not in COMMANDO_S:
            return None
        return vernederlands(laad(COMMANDO_S[naam]))

    def make_context(self, info_name, args, parent=None, **extra):
        getypt = json_getypt(args)
        try:
            ctx = super().make_context(info_name, args, parent=parent, **extra)
        except click.ClickException as e:  # a usage error in the options before the command
            if getypt:
                raise JsonFout(e) from None
            raise
        ctx.meta[JSON_GETYPT] = getypt
        return ctx

    def invoke(self, ctx):
        try:
            return self._voer_uit(ctx)
        except click.ClickException as e:
            if not isinstance(e, JsonFout) and ctx.meta.get(JSON_OPTIE, ctx.meta.get(JSON_GETYPT, False)):
                raise JsonFout(e) from None
            raise

    def _voer_uit(self, ctx):
        try:
            return super().invoke(ctx)
        except DomeinFout as e:
            raise Weigering(str(e)) from None
        except UnicodeEncodeError:
            raise Weigering(
                "De invoer bevat tekens die geen geldige tekst zijn (bijvoorbeeld door een verkeerde "
                "tekencodering van de terminal); er is niets vastgelegd.", "invoer"
            ) from None
        except click.ClickException:
            raise
        except Exception as e:  # database errors: name them, no traceback
            fout = _databasefout(e)
            if fout is None:
                raise
            opslag = ctx.obj._opslag if isinstance(ctx.obj, Omgeving) else None
            raise Weigering(fout + (f" (database: {opslag.veilig()})" if opslag else ""), "database") from None


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
