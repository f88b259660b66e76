"""Endpoints, one module per area. Each is thin: parse input, call a service or selector, render."""
