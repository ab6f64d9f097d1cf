"""Backups that restore: `atelier backup --to DIR|s3://bucket/prefix` and `atelier restore
--from DIR|s3://bucket/prefix`."""
