"""Webhooks: the registry (API side), address checks, signing, and the workers' delivery loop."""
