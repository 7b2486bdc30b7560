"""Rendering helpers of the portal pages (``render_*`` call Streamlit; ``build_*`` are pure)."""
