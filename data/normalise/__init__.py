"""Chinese values -> typed values: numbers, units, dates, opening hours, bounds."""
