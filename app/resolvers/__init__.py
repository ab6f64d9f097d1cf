"""Thin Query, Mutation and Subscription fields per domain; the work happens in services."""
