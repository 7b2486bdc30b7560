"""ParkBench portal package."""
