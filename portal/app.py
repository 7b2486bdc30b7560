"""ParkBench portal: the router (page config, language switch, navigation) and nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run portal/app.py` puts portal/ first, not the repo
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from portal.components.layout import (  # noqa: E402
    render_failure,
    render_language_switch,
    render_page_style,
    render_share_link,
)
from portal.components.links import carry_over, route_unknown_path  # noqa: E402
from portal.i18n import t  # noqa: E402

st.set_page_config(page_title="ParkBench", page_icon="📞", layout="wide")
carry_over()
render_page_style(render_language_switch())

# not "pages/": Streamlit would serve files there directly on a deep link, bypassing the router
PAGES = Path(__file__).parent / "views"
pages = {
    t("nav.public"): [
        st.Page(PAGES / "overview.py", title=t("page.overview"), default=True),
        st.Page(PAGES / "map.py", title=t("page.map"), url_path="map"),
        st.Page(PAGES / "data.py", title=t("page.data"), url_path="data"),
        st.Page(PAGES / "compare.py", title=t("page.compare"), url_path="compare"),
        st.Page(PAGES / "staffing.py", title=t("page.staffing"), url_path="staffing"),
        st.Page(PAGES / "benchmark.py", title=t("page.benchmark"), url_path="benchmark"),
        st.Page(PAGES / "awards.py", title=t("page.awards"), url_path="awards"),
    ],
    t("nav.admin"): [
        st.Page(PAGES / "admin.py", title=t("page.admin"), url_path="admin"),
    ],
}
route_unknown_path(pages)  # an unknown address opens the home page (no English dialog)
navigation = st.navigation(pages)
try:
    navigation.run()
except Exception as exc:  # st.stop()/st.rerun() are BaseException: they pass
    render_failure(exc)
finally:  # after the page (also when it stops early): the link holds the state it has drawn
    render_share_link()
