"""ParkBench data package."""
