"""Read models (projections) built from the event log, kept in SQLAlchemy tables.

models: the tables; zaken: the zaken projection; register: which projections
exist; runner: catching up, status and rebuilding; rapporten: the queries the
CLI shows; database: engine and migrations (projections/migrations, alembic).
"""
