"""Click's own messages in Dutch (cli/taal.py, cli/click-nl.toml): complete for the installed Click, and safe."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import click

from cli.taal import catalogus


def _click_berichten() -> tuple[set[str], set[tuple[str, str]]]:
    """Every literal message the installed Click passes to gettext: (_ msgids, ngettext (singular, plural))."""
    enkel, meer = set(), set()
    for bron in Path(click.__file__).parent.glob("*.py"):
        for n in ast.walk(ast.parse(bron.read_text(encoding="utf-8"))):
            if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Name)):
                continue
            teksten = [a.value for a in n.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if n.func.id == "_" and teksten:
                enkel.add(teksten[0])
            elif n.func.id == "ngettext" and len(teksten) >= 2:
                meer.add((teksten[0], teksten[1]))
    return enkel, meer


def _velden(tekst: str) -> set[str]:
    """The placeholders of a message: {name}, {name!r} and %(name)s."""
    velden = {naam for _, naam, _, _ in string.Formatter().parse(tekst) if naam}
    return velden | set(re.findall(r"%\((\w+)\)s", tekst))


def test_elk_bericht_van_click_heeft_een_nederlandse_vertaling():
    enkel, meer = _click_berichten()
    assert len(enkel) > 50 and len(meer) >= 5  # the source was read
    nl = catalogus()
    assert sorted(enkel - set(nl.vertalingen)) == []
    assert sorted(s for s, _ in meer if s not in nl.meervouden) == []


def test_een_vertaling_gebruikt_alleen_de_plaatshouders_van_het_origineel():
    nl = catalogus()
    _, meer = _click_berichten()
    meervoud = dict(meer)
    for msgid, tekst in nl.vertalingen.items():
        assert _velden(tekst) <= _velden(msgid), msgid
    for msgid, (een, twee) in nl.meervouden.items():
        toegestaan = _velden(msgid) | _velden(meervoud.get(msgid, ""))
        assert _velden(een) <= toegestaan and _velden(twee) <= toegestaan, msgid


def test_click_spreekt_nederlands_na_het_laden_van_de_cli():
    import cli.main  # noqa: F401  (installs the catalogue)
    import click.core
    import click.exceptions

    assert click.core._("Options") == "Opties"
    assert click.exceptions.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2) == (
        "(Bedoelde je een van: {possibilities}?)")
    assert click.core._("een bericht dat Click niet kent") == "een bericht dat Click niet kent"
