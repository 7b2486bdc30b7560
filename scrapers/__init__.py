"""ParkBench scrapers package."""
