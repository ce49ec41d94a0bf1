"""Numbers, amounts and dates as Dutch documents write them: 1.234, 12,5, € 1.090.000, € -50.000,
26 oktober 2022. For people (tables, CSV with --nl, the factsheet); JSON keeps plain values."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from domain.datums import nl_datum


def nl_getal(x: int | float | Decimal, decimalen: int = 0) -> str:
    """1.234 and 12,5: a point between thousands, a comma before decimals."""
    tekst = f"{x:,.{decimalen}f}"
    return tekst.replace(",", "\0").replace(".", ",").replace("\0", ".")


def nl_bedrag(x: int | float | Decimal) -> str:
    """€ 1.090.000, € 12,50, € -50.000 (whole euros without decimals)."""
    decimalen = 0 if Decimal(str(x)) == Decimal(str(x)).to_integral_value() else 2
    return f"€ {nl_getal(x, decimalen)}"


def nl_waarde(waarde, soort: str = "tekst") -> str:
    """One cell for people, by the kind of its column (projections.rapport.Kolom.soort)."""
    if waarde is None:
        return "—"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime):
        lokaal = waarde.astimezone()
        return f"{nl_datum(lokaal.date())} {lokaal:%H:%M}"
    if isinstance(waarde, date):
        return nl_datum(waarde)
    if soort == "bedrag" and isinstance(waarde, (int, float, Decimal)):
        return nl_bedrag(waarde)
    if soort == "procent" and isinstance(waarde, (int, float, Decimal)):
        return f"{nl_getal(waarde, 1)}%"
    if isinstance(waarde, float):
        return nl_getal(waarde, 1)
    if isinstance(waarde, int):
        return nl_getal(waarde)
    if isinstance(waarde, (list, tuple)):
        return ", ".join(str(w) for w in waarde)
    return str(waarde)


def csv_waarde(waarde, soort: str = "tekst", nl: bool = False) -> str:
    """One CSV cell: ISO dates and plain numbers (for machines), or with `nl` Dutch dates
    (26-10-2022) and decimal commas (for a spreadsheet set to Dutch)."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return ("ja" if waarde else "nee") if nl else ("true" if waarde else "false")
    if isinstance(waarde, datetime):
        return f"{waarde.astimezone():%d-%m-%Y %H:%M}" if nl else waarde.isoformat()
    if isinstance(waarde, date):
        return f"{waarde:%d-%m-%Y}" if nl else waarde.isoformat()
    if isinstance(waarde, (float, Decimal)):
        return str(waarde).replace(".", ",") if nl else str(waarde)
    if isinstance(waarde, (list, tuple)):
        return ", ".join(str(w) for w in waarde)
    return str(waarde)
