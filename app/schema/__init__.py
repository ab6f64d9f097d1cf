"""Strawberry types, inputs, enums and payloads, one module per domain; schema.py merges them."""
