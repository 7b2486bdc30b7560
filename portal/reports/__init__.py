"""Reports people send: Compare and Benchmark as HTML and PDF, the same for the page and the CLI.

``compare.py`` and ``benchmark.py`` gather what a report shows (calling ``data`` and ``models``)
and render it with the Jinja templates of ``portal/templates``; ``pdf.py`` turns the HTML into
a PDF with WeasyPrint (CJK fonts embedded, page numbers). No Streamlit here.
"""
