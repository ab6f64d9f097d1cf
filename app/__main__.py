"""`python -m app` is the `atelier` command."""

from app.cli import main

main()
