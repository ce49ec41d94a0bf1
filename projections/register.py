"""The projections the runner keeps up to date, in the order it updates them.

A new read model (zienswijzen, aanbestedingen, …) is one more Projectie here,
with its tables in projections.models and a migration that creates them.
"""

from __future__ import annotations

from projections.aanbestedingen import AANBESTEDINGEN
from projections.overdrachten import OVERDRACHTEN
from projections.projectie import Projectie
from projections.zaken import ZAKEN

PROJECTIES: list[Projectie] = [ZAKEN, AANBESTEDINGEN, OVERDRACHTEN]
