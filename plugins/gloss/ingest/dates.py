"""Dates in captures → ISO 8601, in the languages listed in ``data/ingest_header.yml``.

A fast parser handles the shapes news sites use (ISO, "Jun 16, 2022", "16 June 2022",
"16 de junio de 2022", "16. Juni 2022", with an optional time and zone); dateparser,
restricted to the same languages, is the fallback for anything else. Only lines that look
like dates (a four-digit year, few words) ever reach dateparser, which is slow on non-dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gloss.ingest.data import load_yaml

LANGUAGES = ("en", "es", "fr", "it", "de", "pt", "nl")


@dataclass(frozen=True)
class FoundDate:
    iso: str  # "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][±HH:MM]"
    start: int  # span of the date in the text it was found in
    end: int


@cache
def _month_table() -> dict[str, int]:
    """Month name or 3+ letter prefix → month number; ambiguous prefixes are left out."""
    table: dict[str, set[int]] = {}
    for names in load_yaml("ingest_header.yml")["months"].values():
        for number, name in enumerate(names, start=1):
            for cut in range(3, len(name) + 1):
                table.setdefault(name[:cut], set()).add(number)
    return {word: next(iter(nums)) for word, nums in table.items() if len(nums) == 1}


@cache
def _weekdays() -> frozenset[str]:
    words: set[str] = set()
    for names in load_yaml("ingest_header.yml")["weekdays"].values():
        for name in names:
            words.add(name)
            words.add(name[:3])
    return frozenset(words)


@cache
def _zones() -> dict[str, str]:
    return {k.lower(): v for k, v in load_yaml("ingest_header.yml")["timezones"].items()}


_WORD = r"[^\W\d_]+\.?"
_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,5}\b)?"
)
# "Jun 16, 2022", "June 16th 2022"
_MDY = re.compile(rf"({_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
# "16 June 2022", "16. Juni 2022", "16 de junio de 2022", "16th of June, 2022"
_DMY = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\.?\s+(?:(?:de|of)\s+)?({_WORD})"
    rf",?\s+(?:(?:de|del)\s+)?(\d{{4}})(?!\d)"
)
# "16/06/2022", "16.06.2022" (day first, as outside the US) and "06/16/2022" when the day
# cannot be a month.
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_TIME = re.compile(
    r"(?<!\d)(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?"
    r"(?:\s*(?:\(?\s*)(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,5}\b|Beijing Time))?",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _offset(zone: str | None) -> str | None:
    if not zone:
        return None
    zone = zone.strip()
    if re.fullmatch(r"[+-]\d{2}:?\d{2}", zone):
        return zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    return _zones().get(zone.lower())


def _valid(year: int, month: int, day: int) -> bool:
    import calendar

    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _with_time(date: str, text: str, after: int) -> tuple[str, int]:
    """Append a time found right after the date ("at 10:22 GMT", ", 10h22") to ``date``."""
    rest = text[after:]
    lead = re.match(r"[\s,|/·–—-]*(?:(?:at|à|às|alle|um|om|a las|a les)\s+)?", rest, re.I)
    offset = lead.end() if lead else 0
    match = _TIME.match(rest, offset)
    if not match:
        return date, after
    hour, minute = int(match.group(1)), int(match.group(2))
    meridian = (match.group(4) or "").lower().replace(".", "")
    if meridian == "pm" and hour < 12:
        hour += 12
    elif meridian == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return date, after
    iso = f"{date}T{hour:02d}:{minute:02d}"
    if match.group(3):
        iso += f":{int(match.group(3)):02d}"
    zone = _offset(match.group(5))
    if zone:
        iso += zone
    end = match.end() if zone or not match.group(5) else match.start(5)
    return iso, after + (end - offset) + offset


def find_date(text: str) -> FoundDate | None:
    """The first date in ``text`` (fast shapes only), or None."""
    if not YEAR.search(text):
        return None
    months = _month_table()
    candidates: list[FoundDate] = []
    iso = _ISO.search(text)
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        if _valid(year, month, day):
            value = f"{year:04d}-{month:02d}-{day:02d}"
            end = iso.end(3)
            if iso.group(4):
                value += f"T{int(iso.group(4)):02d}:{iso.group(5)}"
                end = iso.end(5)
                if iso.group(6):
                    value += f":{iso.group(6)}"
                    end = iso.end(6)
                zone = _offset(iso.group(7))
                if zone:
                    value += zone
                    end = iso.end(7)
                candidates.append(FoundDate(value, iso.start(), end))
            else:
                value, end = _with_time(value, text, end)
                candidates.append(FoundDate(value, iso.start(), end))
    for pattern, order in ((_MDY, "mdy"), (_DMY, "dmy")):
        for match in pattern.finditer(text):
            if order == "mdy":
                word, day, year = match.group(1), match.group(2), match.group(3)
            else:
                day, word, year = match.group(1), match.group(2), match.group(3)
            month = months.get(word.lower().rstrip("."))
            if month and _valid(int(year), month, int(day)):
                value = f"{int(year):04d}-{month:02d}-{int(day):02d}"
                value, end = _with_time(value, text, match.end())
                candidates.append(FoundDate(value, match.start(), end))
                break
    numeric = _NUMERIC.search(text)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        day, month = (first, second) if second <= 12 else (second, first)
        if _valid(year, month, day):
            value, end = _with_time(f"{year:04d}-{month:02d}-{day:02d}", text, numeric.end())
            candidates.append(FoundDate(value, numeric.start(), end))
    if not candidates:
        return None
    return min(candidates, key=lambda found: found.start)


@cache
def _fallback_parser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(LANGUAGES),
        settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True},
    )


def parse_date_line(text: str) -> str | None:
    """ISO date of a line that is (nearly) only a date, trying the fast shapes first."""
    found = find_date(text)
    if found:
        return found.iso
    if not YEAR.search(text) or len(text.split()) > 8:
        return None
    data = _fallback_parser().get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    moment = data.date_obj
    if data.period != "time":
        return moment.strftime("%Y-%m-%d")
    iso = moment.strftime("%Y-%m-%dT%H:%M")
    if moment.second:
        iso += moment.strftime(":%S")
    if moment.tzinfo is not None:
        offset = moment.strftime("%z")
        iso += f"{offset[:3]}:{offset[3:]}"
    return iso


def weekday_words() -> frozenset[str]:
    """Weekday names (and 3-letter forms) in every configured language, lower case."""
    return _weekdays()
