"""ParkBench models package."""
