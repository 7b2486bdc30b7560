"""Reference geography: cities, boundaries, census, transport joins, offline geocoding."""
