"""arq workers: job functions that load their state from the database and run CPU work apart."""
