"""Versioned, documented data releases (Frictionless Data Package) and their formats."""
