"""Use-cases for raadsbesluitvorming and adviezen (issue 4): filled in by that work."""


class BesluitvormingHandelingen:
    pass
