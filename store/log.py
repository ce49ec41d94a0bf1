"""Logging through structlog: set up once by the CLI entry, imported only when needed.

Code logs with `log.info("opgeslagen", zaaknummer=…, actor=…)`. structlog itself
is imported and configured on the first message at or above the level set with
`stel_in` (default: warning): importing it pulls in asyncio, some 60 ms of every
command's start-up, and a normal `zaak stap` logs nothing at that level.
Readable lines on a terminal (stderr), JSON lines when asked.
"""

from __future__ import annotations

import sys

# The standard logging levels, without importing logging (structlog uses the same numbers).
NIVEAUS = {"debug": 10, "info": 20, "warning": 30, "error": 40}
_instelling = {"niveau": NIVEAUS["warning"], "json": False, "geconfigureerd": False}


def stel_in(niveau: str = "warning", als_json: bool = False) -> None:
    _instelling.update(niveau=NIVEAUS[niveau.lower()], json=als_json, geconfigureerd=False)


def _configureer(structlog) -> None:
    renderer = (
        structlog.processors.JSONRenderer()
        if _instelling["json"]
        else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(_instelling["niveau"]),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=False,  # stel_in may change the level within one process (tests)
    )
    _instelling["geconfigureerd"] = True


class _Logboek:
    def _schrijf(self, niveau: int, methode: str, bericht: str, /, **velden) -> None:
        if niveau < _instelling["niveau"]:
            return
        import structlog

        if not _instelling["geconfigureerd"]:
            _configureer(structlog)
        getattr(structlog.get_logger(), methode)(bericht, **velden)

    def debug(self, bericht: str, /, **velden) -> None:
        self._schrijf(NIVEAUS["debug"], "debug", bericht, **velden)

    def info(self, bericht: str, /, **velden) -> None:
        self._schrijf(NIVEAUS["info"], "info", bericht, **velden)

    def warning(self, bericht: str, /, **velden) -> None:
        self._schrijf(NIVEAUS["warning"], "warning", bericht, **velden)

    def error(self, bericht: str, /, **velden) -> None:
        self._schrijf(NIVEAUS["error"], "error", bericht, **velden)


log = _Logboek()
