"""One module per ``parkbench`` command; see ``portal.cli.COMMANDS``."""
