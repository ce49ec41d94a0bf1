"""`zaakstroom aanbesteding …`: to be filled in by its issue's work."""

commando_s: list = []
