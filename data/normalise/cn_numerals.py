"""Chinese numerals to numbers: 三千 -> 3000, 一万二 -> 12000, 二〇〇五 -> 2005 (digit by digit).

Private helper of :mod:`data.normalise.values`. Input is Simplified text (``兩`` already ``两``).
Errors are :class:`~data.errors.NormaliseError` with rule ``"number"`` or ``"vague"``.
"""

from __future__ import annotations

from data.errors import NormaliseError

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
#: Every character a numeral run may hold (``点`` is the decimal point, ``半`` is one half).
CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "点半"
MAX_RUN = 24  # longer runs are not numbers anyone writes; refusing them keeps floats finite


def _error(message: str, run: str, rule: str = "number") -> NormaliseError:
    return NormaliseError(message, value=run, rule=rule)


def digit_string(run: str) -> str | None:
    """``二〇〇五`` -> ``"2005"`` when *run* holds digits only (no 十/百/千/万/亿), else None."""
    if run and all(ch in DIGITS for ch in run):
        return "".join(str(DIGITS[ch]) for ch in run)
    return None


def _integer(run: str, whole: str) -> int:
    """Positional integer: 三千零五 -> 3005, 一万二 -> 12000, 十五 -> 15, 千 -> 1000."""
    result = 0  # completed 亿 groups
    section = 0  # current group below 亿, may already hold 万
    number: int | None = None  # pending digit
    last_small = 10_000  # small units must fall within a group: 千 > 百 > 十
    last_unit = 1  # value of the last unit seen, for the colloquial 一万二 (= 12000)
    after_zero = False
    previous_digit = False
    for ch in run:
        if ch in DIGITS:
            if previous_digit:
                if number == 0 or DIGITS[ch] == 0:
                    number = DIGITS[ch]
                    after_zero = True
                    continue
                raise _error(
                    f"'{whole}' runs two digits together (an estimate like 三四)", whole, "vague"
                )
            number = DIGITS[ch]
            after_zero = after_zero or number == 0
            previous_digit = True
            continue
        previous_digit = False
        if ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_small:
                raise _error(f"'{whole}' has its units out of order", whole)
            section += (1 if number is None else number) * unit
            last_small, last_unit, number, after_zero = unit, unit, None, False
        elif ch == "万":
            group = section + (number or 0)
            if group == 0 and section == 0 and number is None:
                group = 1  # 万人 / 近万: a bare unit counts one
            if group >= 10_000:
                raise _error(f"'{whole}' repeats 万", whole)
            section = group * 10_000
            last_small, last_unit, number, after_zero = 10_000, 10_000, None, False
        else:  # 亿
            group = section + (number or 0)
            if group == 0 and number is None:
                group = 1
            result = (result + group) * 100_000_000
            section, last_small, last_unit, number, after_zero = 0, 10_000, 100_000_000, None, False
    if number is not None:
        if last_unit >= 100 and not after_zero and number != 0:
            section += number * last_unit // 10  # 一万二 = 12000, 两千五 = 2500
        else:
            section += number
    return result + section


def parse_cn_number(run: str) -> float:
    """Value of a run of Chinese numeral characters.

    >>> parse_cn_number("一万二千")
    12000.0
    >>> parse_cn_number("二〇〇五")
    2005.0
    >>> parse_cn_number("一点五万")
    15000.0
    """
    if not run or any(ch not in CHARS for ch in run):
        raise _error(f"'{run}' is not a Chinese numeral", run)
    if len(run) > MAX_RUN:
        raise _error(f"'{run[:12]}...' is too long to be a number", run)
    if "半" in run:
        if run == "半":
            return 0.5
        raise _error(f"'{run}' uses 半 where a number was expected", run)
    if "点" in run:
        head, _, tail = run.partition("点")
        frac_digits = ""
        i = 0
        while i < len(tail) and tail[i] in DIGITS:
            frac_digits += str(DIGITS[tail[i]])
            i += 1
        multiplier = 1
        for ch in tail[i:]:
            if ch not in BIG_UNITS and ch not in SMALL_UNITS:
                raise _error(f"'{run}' has a malformed decimal part", run)
            multiplier *= BIG_UNITS.get(ch) or SMALL_UNITS[ch]
        if not frac_digits or not head:
            raise _error(f"'{run}' has a malformed decimal part", run)
        whole_part = digit_string(head) if len(head) == 1 else None
        integer = int(whole_part) if whole_part is not None else _integer(head, run)
        return (integer + float("0." + frac_digits)) * multiplier
    digits = digit_string(run)
    if digits is not None:
        if len(run) == 2 and "零" not in run and "〇" not in run:
            raise _error(f"'{run}' reads as an estimate (like 三四, 'three or four')", run, "vague")
        return float(int(digits))
    return float(_integer(run, run))
