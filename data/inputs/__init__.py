"""Model inputs read from the store: cost, score, benchmark and staffing-plan inputs."""
