"""Where events are stored, chosen by configuration: a SQLite file or PostgreSQL.

ZAAKSTROOM_DATABASE_URL (or the CLI's --db) names the store:
  sqlite:///pad/naar/zaakstroom.sqlite   (default: ./zaakstroom.sqlite)
  postgresql://gebruiker:wachtwoord@host:5432/database
The same URL serves the event store (eventsourcing's own sqlite/postgres
modules, the fastest it offers) and the projections (SQLAlchemy).
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from domain.fouten import DomeinFout

STANDAARD_URL = "sqlite:///zaakstroom.sqlite"


@dataclass(frozen=True)
class Opslag:
    url: str

    @classmethod
    def uit_omgeving(cls, url: str | None = None) -> Opslag:
        opslag = cls(url or os.environ.get("ZAAKSTROOM_DATABASE_URL") or STANDAARD_URL)
        opslag.eventsourcing_env()  # validates early, with a clear message
        return opslag

    @property
    def is_postgres(self) -> bool:
        return self.url.startswith(("postgresql:", "postgres:", "postgresql+psycopg:"))

    @property
    def sqlite_pad(self) -> Path:
        return Path(self.url.removeprefix("sqlite:///"))

    def eventsourcing_env(self) -> dict[str, str]:
        if self.url.startswith("sqlite:///") and len(self.url) > len("sqlite:///"):
            return {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.sqlite_pad),
                "SQLITE_LOCK_TIMEOUT": "10",
            }
        if self.is_postgres:
            u = urlsplit(self.url)
            if not u.path.strip("/"):
                raise DomeinFout(f"De database-URL '{self.veilig()}' noemt geen database (…/databasenaam).")
            return {
                "PERSISTENCE_MODULE": "eventsourcing.postgres",
                "POSTGRES_DBNAME": unquote(u.path.lstrip("/")),
                "POSTGRES_HOST": u.hostname or "/var/run/postgresql",
                "POSTGRES_PORT": str(u.port or 5432),
                "POSTGRES_USER": unquote(u.username or "") or getpass.getuser(),
                "POSTGRES_PASSWORD": unquote(u.password or ""),
                "POSTGRES_CONNECT_TIMEOUT": "5",
                "POSTGRES_LOCK_TIMEOUT": "10",
                "POSTGRES_POOL_SIZE": "2",
            }
        raise DomeinFout(
            f"Database-URL '{self.url}' wordt niet ondersteund. Gebruik sqlite:///pad/naar/bestand.sqlite "
            "of postgresql://gebruiker:wachtwoord@host:5432/database."
        )

    def sqlalchemy_url(self) -> str:
        if self.is_postgres:
            return "postgresql+psycopg://" + self.url.split("://", 1)[1]
        return self.url

    def veilig(self) -> str:
        """The URL with any password masked, for messages and logs."""
        u = urlsplit(self.url)
        if u.password:
            return self.url.replace(":" + u.password + "@", ":***@")
        return self.url
