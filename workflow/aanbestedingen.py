"""Use-cases for aanbestedingen (issue 5): filled in by that work."""


class AanbestedingHandelingen:
    pass
