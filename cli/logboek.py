"""structlog, configured once at the CLI entry: readable on a terminal, JSON lines when asked."""

from __future__ import annotations

import logging
import sys

import structlog


def configureer(niveau: str = "warning", als_json: bool = False) -> None:
    renderer = (
        structlog.processors.JSONRenderer()
        if als_json
        else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(getattr(logging, niveau.upper())),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=False,  # reconfigured per invocation in tests
    )
