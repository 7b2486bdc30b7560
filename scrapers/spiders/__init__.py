"""ParkBench spiders: one site kind per module, ``name`` equal to the module name."""
