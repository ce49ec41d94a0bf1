"""The Nota zienswijzen structure (workflow/nota.py) as Markdown or as HTML.

HTML is written straight from the structure rather than through a Markdown
library: the document has a fixed shape (headings, paragraphs), and escaping
every text with html.escape keeps what indieners wrote from becoming markup.
"""

from __future__ import annotations

from html import escape

SAMENVATTING = "Samenvatting en kern van de zienswijze:"
REACTIE = "Reactie"


def als_markdown(nota: dict) -> str:
    regels = [nota["markering"], "", f"# {nota['titel']}", "", f"{nota['onderwerp']} (zaak {nota['zaaknummer']})", ""]
    if nota["concept"]:
        regels += ["**CONCEPT: niet alle zienswijzen zijn beantwoord.**", ""]
    for h in nota["hoofdstukken"]:
        regels += [f"## {h['nummer']} {h['titel']}", ""]
        for a in h["alineas"]:
            regels += [a, ""]
        for z in h.get("zienswijzen", []):
            regels += [f"### {z['kop']}", ""]
            if "indiener" in z:
                regels += [f"Indiener: {z['indiener']} (kenmerk {z['kenmerk']})", ""]
            regels += [f"*{SAMENVATTING}*", ""]
            for a in z["samenvatting"]:
                regels += [a, ""]
            regels += [f"*{REACTIE}*", ""]
            for a in z["reactie"]:
                regels += [a, ""]
            regels += [z["conclusie"], ""]
    return "\n".join(regels).rstrip() + "\n"


def als_html(nota: dict) -> str:
    def p(tekst: str, klasse: str | None = None) -> str:
        attribuut = f' class="{klasse}"' if klasse else ""
        return f"<p{attribuut}>{escape(tekst).replace(chr(10), '<br>')}</p>"

    delen = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        f'<head><meta charset="utf-8"><title>{escape(nota["titel"])} — {escape(nota["onderwerp"])}</title></head>',
        "<body>",
        p(nota["markering"], klasse="markering"),
        f"<h1>{escape(nota['titel'])}</h1>",
        p(f"{nota['onderwerp']} (zaak {nota['zaaknummer']})", klasse="onderwerp"),
    ]
    if nota["concept"]:
        delen.append(p("CONCEPT: niet alle zienswijzen zijn beantwoord.", klasse="concept"))
    for h in nota["hoofdstukken"]:
        delen.append(f"<h2>{escape(h['nummer'])} {escape(h['titel'])}</h2>")
        delen += [p(a) for a in h["alineas"]]
        for z in h.get("zienswijzen", []):
            delen.append(f"<h3>{escape(z['kop'])}</h3>")
            if "indiener" in z:
                delen.append(p(f"Indiener: {z['indiener']} (kenmerk {z['kenmerk']})", klasse="indiener"))
            delen.append(f"<h4>{escape(SAMENVATTING)}</h4>")
            delen += [p(a) for a in z["samenvatting"]]
            delen.append(f"<h4>{escape(REACTIE)}</h4>")
            delen += [p(a) for a in z["reactie"]]
            delen.append(p(z["conclusie"], klasse="conclusie"))
    delen += ["</body>", "</html>"]
    return "\n".join(delen) + "\n"
