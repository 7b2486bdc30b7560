"""Translation tables of the portal pages, one module per page, merged into ``portal.i18n.STRINGS``."""
