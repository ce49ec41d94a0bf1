import click


@click.group()
def rapport() -> None:
    """Overzichten uit de projecties."""
