import click


@click.group()
def projecties() -> None:
    """Leesmodellen bijwerken, hun achterstand zien en herbouwen."""
