"""HTTP endpoints beside GraphQL: health, signed file transfer, metrics and the demo page."""
