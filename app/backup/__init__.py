"""Backups that restore: `atelier backup --to DIR` and `atelier restore --from DIR`."""
