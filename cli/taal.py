"""Click's own words in Dutch: usage lines, help, and the errors in what was typed.

Click marks every message it shows for gettext: each of its modules does
`from gettext import gettext as _` (and `ngettext`) and calls `_("Usage:")`,
`_("No such option {name!r}.")`, … at the moment it shows them. Python's gettext
would look for a compiled catalogue of the "messages" domain in the language of
the user's locale (LANGUAGE, LC_ALL, LANG); zaakstroom speaks Dutch whatever the
locale, so `installeer()` puts its own catalogue in that place: a
`gettext.NullTranslations` made from `click-nl.toml` (the Dutch words, kept as
data), whose `gettext`/`ngettext` become the `_`/`ngettext` of Click's loaded
modules. A message the catalogue lacks (a newer Click) stays English; the unit
tests check that every message of the installed Click is translated.

What Click does not translate are its fixed metavars (`[OPTIONS]`, `COMMAND
[ARGS]...`, the type names TEXT and INTEGER): `vernederlands(command)` gives a
command tree Dutch ones. cli.main calls both before any command exists.
"""

from __future__ import annotations

import gettext
import sys
import tomllib
from functools import cache
from pathlib import Path

import click

CATALOGUS = Path(__file__).with_name("click-nl.toml")

OPTIES = "[OPTIES]"
COMMANDO = "COMMANDO [ARGUMENTEN]..."
# Metavars Click makes from a type's name (`--reden TEXT`), in Dutch.
METAVARS = {"TEXT": "TEKST", "INTEGER": "GETAL", "INTEGER RANGE": "GETAL", "FLOAT": "GETAL",
            "FLOAT RANGE": "GETAL", "BOOLEAN": "JA|NEE", "FILENAME": "BESTAND"}


class Catalogus(gettext.NullTranslations):
    """A translation whose messages come from a dict, not from a compiled .mo file."""

    def __init__(self, vertalingen: dict[str, str], meervouden: dict[str, list[str]]) -> None:
        super().__init__()
        self.vertalingen = vertalingen
        self.meervouden = meervouden

    def gettext(self, message: str) -> str:
        return self.vertalingen.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        vormen = self.meervouden.get(msgid1)
        if vormen is None:
            return msgid1 if n == 1 else msgid2
        return vormen[0] if n == 1 else vormen[1]


@cache
def catalogus() -> Catalogus:
    data = tomllib.loads(CATALOGUS.read_text(encoding="utf-8"))
    return Catalogus(data.get("vertalingen", {}), data.get("meervouden", {}))


def installeer() -> Catalogus:
    """Make Click's loaded modules speak Dutch (idempotent)."""
    nl = catalogus()
    for naam, module in list(sys.modules.items()):
        if module is None or not (naam == "click" or naam.startswith("click.")):
            continue
        # Only what Click took from gettext is replaced; anything else of the same name is left alone.
        if getattr(module, "_", None) is gettext.gettext:
            module._ = nl.gettext
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = nl.ngettext
    return nl


def vernederlands(command: click.Command) -> click.Command:
    """Dutch metavars for a command and its subcommands (only where Click's English default is left)."""
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = OPTIES
    if isinstance(command, click.Group):
        if command.subcommand_metavar == "COMMAND [ARGS]...":
            command.subcommand_metavar = COMMANDO
        for sub in command.commands.values():
            vernederlands(sub)
    for p in command.params:
        if isinstance(p, click.Option) and p.metavar is None and not p.is_flag and not p.count:
            p.metavar = METAVARS.get(p.type.name.upper(), p.metavar)
    return command
