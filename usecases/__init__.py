"""One function per user task, shared by the ``parkbench`` CLI and the portal pages.

Each use case takes an open store (``sqlite_utils.Database``) and plain inputs, combines the
store's readers (``data/``) with the models (``models/``), and returns typed results (frozen
dataclasses) that carry coded notes (``data.notes.Note``), never sentences. The CLI commands
(``portal/commands/``) and the pages (``portal/views/`` through ``portal/services.py``, which
only adds Streamlit's caches) are thin edges over the same functions, so a site priced on
the command line and on a page costs the same, with the same incentives.

Modules: ``store`` (open a store once), ``pricing`` (price a site), ``ranking`` (rank sites),
``compare`` (compare sites: costs, cost-quality matrix, the gap-closing incentive),
``benchmark`` (benchmark a center), ``awards`` (score awards), ``staffing`` (plan staffing),
``imports`` (import a file), ``release`` (publish a release), ``search`` (search the store).
"""
