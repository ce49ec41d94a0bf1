from datetime import date

import pytest

from domain.datums import nl_datum, parse_datum


@pytest.mark.parametrize(
    "tekst, verwacht",
    [
        ("2021-08-10", date(2021, 8, 10)),  # ISO
        ("10-08-2021", date(2021, 8, 10)),
        ("9-07-2021", date(2021, 7, 9)),  # zoals in de Nota zienswijzen
        ("1.1.2022", date(2022, 1, 1)),
        ("10 augustus 2021", date(2021, 8, 10)),
        ("10 aug 2021", date(2021, 8, 10)),
        ("10 aug. 2021", date(2021, 8, 10)),
        ("26 Oktober 2022", date(2022, 10, 26)),
        ("3 mrt 2026", date(2026, 3, 3)),
        ("  5 mei 2026 ", date(2026, 5, 5)),
    ],
)
def test_parse_datum(tekst, verwacht):
    assert parse_datum(tekst) == verwacht


@pytest.mark.parametrize("tekst", ["31-02-2021", "29 februari 2021", "2021-13-01"])
def test_niet_bestaande_datum_geweigerd(tekst):
    with pytest.raises(ValueError, match="geen bestaande datum"):
        parse_datum(tekst)


@pytest.mark.parametrize("tekst", ["morgen", "", "10-08-21", "10 ma 2021", "10-08.2021"])
def test_onbekende_vorm_noemt_de_toegestane_vormen(tekst):
    with pytest.raises(ValueError, match="10 augustus 2021"):
        parse_datum(tekst)


def test_nl_datum():
    assert nl_datum(date(2021, 8, 10)) == "10 augustus 2021"
    assert nl_datum(date(2026, 5, 5)) == "5 mei 2026"
    assert nl_datum(date(2022, 1, 1)) == "1 januari 2022"


def test_heen_en_terug():
    d = date(2022, 10, 26)
    assert parse_datum(nl_datum(d)) == d
