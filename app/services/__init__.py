"""Domain logic: assets, jobs, events, auth and storage. Knows nothing of GraphQL."""
