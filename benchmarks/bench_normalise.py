"""Throughput of the normaliser on a realistic mixed list, and of Chinese numerals against cn2an."""

from __future__ import annotations

import contextlib
import random
import time

from data.errors import NormaliseError
from data.normalise import values as nz

_TEMPLATES = [
    (nz.parse_count, "{n}个"),
    (nz.parse_count, "约{n}人"),
    (nz.parse_count, "座席数量约{n}个左右"),
    (nz.parse_count, "{a}-{b}个"),
    (nz.parse_count, "{cn}人"),
    (nz.parse_money, "{n}万元"),
    (nz.parse_money, "人民币{n}亿元"),
    (nz.parse_area, "{f}万平方米"),
    (nz.parse_area, "{n}亩"),
    (nz.parse_rate, "{p}%以上"),
    (nz.parse_rate, "百分之{p}"),
    (nz.parse_duration, "{m}分{s}秒"),
    (nz.parse_distance, "约{n}公里"),
    (nz.parse_years, "{y}年以上"),
    (nz.parse_year_month, "{year}年{month}月"),
    (nz.parse_year_month, "{year}-{month:02d}"),
    (nz.parse_hours, "7×24×365"),
    (nz.parse_hours, "周一至周五 9:00-18:00"),
    (nz.parse_service_level, "{p}/{s}"),
    (nz.parse_phones, "400-{a}-{b}、95{a}"),
    (nz.parse_count, "数百"),  # a vague value: an error path
    (nz.parse_count, "不详"),  # not stated
]
_CN = ["三千", "一万二千", "两百", "五百五十", "九百二十", "一千一百"]


def _values(count: int, seed: int = 7) -> list[tuple[object, str]]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        parse, template = _TEMPLATES[i % len(_TEMPLATES)]
        a = rng.randint(100, 900)
        text = template.format(
            n=rng.randint(1, 5000),
            a=a,
            b=a + rng.randint(1, 5000),
            cn=rng.choice(_CN),
            f=round(rng.uniform(0.5, 20), 1),
            p=rng.randint(50, 99),
            m=rng.randint(1, 9),
            s=rng.randint(1, 59),
            y=rng.randint(1, 10),
            year=rng.randint(1990, 2020),
            month=rng.randint(1, 12),
        )
        if rng.random() < 0.2:  # full-width digits, as pasted from web pages
            text = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        out.append((parse, text))
    return out


def _rate(func, items) -> float:  # noqa: ANN001
    start = time.perf_counter()
    for item in items:
        with contextlib.suppress(NormaliseError, ValueError):
            func(item)
    return len(items) / (time.perf_counter() - start)


def run() -> list[dict]:
    """Rows for the benchmark table: values per second."""
    values = _values(10_000)
    start = time.perf_counter()
    errors = 0
    for parse, text in values:
        try:
            parse(text)
        except NormaliseError:
            errors += 1
    mixed = len(values) / (time.perf_counter() - start)
    rows = [
        {
            "area": "normalise",
            "case": "mixed list of 10,000 Chinese values (22 forms, 20% full-width)",
            "figure": round(mixed),
            "unit": "values/s",
            "peer": None,
            "peer_figure": None,
            "note": f"{errors} values raised NormaliseError (数百 is vague by design)",
        }
    ]
    rng = random.Random(3)
    try:
        import cn2an
    except ImportError:
        cn2an = None
    numbers = [rng.randint(1, 10**8) for _ in range(3000)]
    if cn2an is not None:
        numerals = [cn2an.an2cn(n) for n in numbers]
        ours = _rate(nz.parse_number, numerals)
        peer = _rate(lambda s: cn2an.cn2an(s, "smart"), numerals)
        rows.append(
            {
                "area": "normalise",
                "case": "Chinese numerals 1..1e8 (parse_number vs cn2an.cn2an smart)",
                "figure": round(ours),
                "unit": "values/s",
                "peer": "cn2an",
                "peer_figure": round(peer),
                "note": "ours includes cleaning, Traditional->Simplified and bound detection",
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
