"""Clients of a running Atelier server, used by the `atelier` command (`atelier ingest`)."""
