"""The event-sourced application: one event store and notification log for every aggregate.

The use-cases live in one module per part of the domain: zaken (mixed in,
every command needs them) and zienswijzen, besluitvorming, advies,
aanbestedingen (services created on first use, see workflow.basis.Dienst).
Methods take and return plain values (strings, dates, dicts), never
aggregates, so the CLI, the tests and the benchmark talk the same language.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder, Transcoding

from workflow.basis import Basis
from workflow.opslag import Opslag
from workflow.zaken import ZaakHandelingen


_SCHEMA_SLOT = 7_206_001  # advisory lock key for creating the event tables


class Tabelmaker(Application):
    """Only creates the tables; named like Zaakstroom because the name is in the table names."""

    name = "zaakstroom"


def _zorg_voor_tabellen_postgres(env: dict[str, str]) -> None:
    """Create the event store's tables if missing, under an advisory lock others wait on."""
    import psycopg

    tabel = f"{env.get('POSTGRES_SCHEMA') or 'public'}.{Tabelmaker.name}_events"
    with psycopg.connect(
        dbname=env["POSTGRES_DBNAME"], host=env["POSTGRES_HOST"], port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"], password=env["POSTGRES_PASSWORD"] or None, autocommit=True,
        connect_timeout=int(env.get("POSTGRES_CONNECT_TIMEOUT", "5")),
    ) as conn:
        bestaat = "SELECT to_regclass(%s) IS NOT NULL"
        if conn.execute(bestaat, (tabel,)).fetchone()[0]:
            return
        conn.execute("SELECT pg_advisory_lock(%s)", (_SCHEMA_SLOT,))
        try:
            if not conn.execute(bestaat, (tabel,)).fetchone()[0]:
                Tabelmaker(env={**env, "CREATE_TABLE": "yes"}).close()
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_SCHEMA_SLOT,))


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class Zaakstroom(ZaakHandelingen, Basis, Application):
    """Zaken are the core every command needs; the other parts are services made on first use."""

    name = "zaakstroom"

    def __init__(self, opslag: Opslag | None = None, vandaag: date | None = None) -> None:
        self.opslag = opslag or Opslag.uit_omgeving()
        self._vandaag = vandaag
        env = self.opslag.eventsourcing_env()
        if self.opslag.is_postgres:
            # eventsourcing's create_table runs CREATE OR REPLACE FUNCTION on
            # every start, and two processes doing that at once fail ("tuple
            # concurrently updated"): create the tables only when missing.
            _zorg_voor_tabellen_postgres(env)
            env["CREATE_TABLE"] = "no"
        super().__init__(env=env)

    @cached_property
    def zienswijzen(self):
        from workflow.zienswijzen import ZienswijzeHandelingen

        return ZienswijzeHandelingen(self)

    @cached_property
    def besluitvorming(self):
        from workflow.besluitvorming import BesluitvormingHandelingen

        return BesluitvormingHandelingen(self)

    @cached_property
    def advies(self):
        from workflow.advies import AdviesHandelingen

        return AdviesHandelingen(self)

    @cached_property
    def aanbestedingen(self):
        from workflow.aanbestedingen import AanbestedingHandelingen

        return AanbestedingHandelingen(self)

    def close(self) -> None:
        if "zienswijzen" in self.__dict__:
            self.zienswijzen.sluit()
        super().close()

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())
