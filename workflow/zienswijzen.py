"""Use-cases for zienswijzen (issue 4): filled in by the zienswijzen work."""


class ZienswijzeHandelingen:
    pass
