"""Bytes of a capture → text: encoding detection and mojibake repair.

Order of trust: a byte-order mark; strict UTF-8 (by far the most common); UTF-16 without a
BOM (recognised by its NUL bytes); an HTML page's declared charset; then Windows-1252 for
Latin-script text, else charset-normalizer's guess. ftfy then repairs mojibake (UTF-8
decoded as cp1252 somewhere upstream, "â€™" for "’"), which is common in reposted articles;
it runs only when a cheap check finds likely mojibake or control characters.
"""

from __future__ import annotations

import codecs
import contextlib
import re

import ftfy

from gloss.errors import GlossError

MAX_BYTES = 5 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# ftfy settings: fix encoding mix-ups and stray control characters, but leave the text's
# own punctuation alone (curly quotes and ellipses are the publisher's choice, not damage).
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    for codec, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls > half * 0.3:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16) or many control bytes: not a text capture."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(_CONTROL_BYTES.findall(sample))
    return controls > len(sample) * 0.05


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


_OTHER_SCRIPTS = ("Cyrillic", "Greek", "Arabic", "Hebrew", "Thai", "CJK", "Hangul", "Hiragana",
                  "Katakana", "Devanagari", "Bengali", "Armenian", "Georgian", "Ethiopic")  # fmt: skip


def _latin_script(alphabets: list[str]) -> bool:
    """Do charset-normalizer's alphabets for a guess name no script other than Latin?"""
    return not any(script in name for name in alphabets for script in _OTHER_SCRIPTS)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _declared(data: bytes) -> tuple[str | None, str]:
    """An HTML page's own <meta charset> (or http-equiv) declaration, if it decodes."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None, ""
    name = match.group(1).decode("ascii", "ignore")
    try:
        codec = codecs.lookup(name).name
        return data.decode(codec), codec
    except (LookupError, UnicodeDecodeError):
        return None, ""


def _legacy(data: bytes, path: str | None) -> tuple[str, str]:
    """A legacy (not UTF) encoding. charset-normalizer cannot reliably tell the Latin-script
    single-byte encodings apart on a short capture (it answers cp1250 or cp852 for French or
    Spanish text), and news captures in them are overwhelmingly Windows-1252; so Latin-script
    text is decoded as cp1252 (Latin-1 if cp1252 cannot), other scripts as guessed."""
    from charset_normalizer import from_bytes  # lazy: only needed for legacy encodings

    # Text that is nearly all ASCII with a few accented letters is Western European: a CJK or
    # Cyrillic capture has mostly non-ASCII bytes. (A guess of Big5 for "García" is common.)
    non_ascii = sum(1 for byte in data if byte > 127)
    best = None if non_ascii < 0.05 * len(data) else from_bytes(data).best()
    if best is None or _latin_script(best.alphabets):
        for codec in ("cp1252", "latin-1"):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                continue
    if best is None:  # latin-1 decodes any bytes, so only a non-Latin guess gets here
        raise GlossError("cannot tell the file's text encoding", path=path)
    return str(best), best.encoding


def decode_bytes(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode a capture's bytes; returns ``(text, encoding)``.

    Raises GlossError for empty, oversized, binary or undecodable input. Line endings are
    normalised to ``\\n`` and mojibake is repaired.
    """
    if len(data) > MAX_BYTES:
        raise GlossError(
            f"file too large ({len(data) / 1048576:.1f} MB; the limit is 5 MB)", path=path
        )
    if not data.strip():
        raise GlossError("empty file", path=path)
    text: str | None = None
    encoding = ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise GlossError(f"cannot decode as {codec}: {exc.reason}", path=path) from exc
            break
    if text is None and b"\x00" not in data:  # ASCII-only UTF-16 is valid UTF-8 too, NULs and all
        with contextlib.suppress(UnicodeDecodeError):
            text, encoding = data.decode("utf-8"), "utf-8"
    if text is None:
        text = _utf16_without_bom(data)
        if text is not None:
            encoding = "utf-16"
    if text is None:
        text, encoding = _declared(data)
    if text is None:
        if looks_binary(data):
            raise GlossError("binary file, not a text or HTML capture", path=path)
        text, encoding = _legacy(data, path)
    if "\x00" in text or looks_binary(text[:8192].encode("utf-8", "replace")):
        raise GlossError("binary file, not a text or HTML capture", path=path)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise GlossError("empty file (only whitespace)", path=path)
    if _needs_repair(text):
        text = ftfy.fix_text(text, _FTFY)
    return text, encoding


def _needs_repair(text: str) -> bool:
    """Worth running ftfy (slow, line by line)? Only if the text has mojibake or controls."""
    return bool(_CONTROL.search(text) or (not text.isascii() and _MOJIBAKE.search(text)))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# UTF-8 read as Windows-1252/Latin-1: a lead byte (Â Ã â Ð ...) then a continuation byte
# (U+0080-U+00BF, or what cp1252 maps those bytes to: € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – —
# ˜ ™ š › œ ž Ÿ). Cheap to search for; ftfy, which does the repair, is not.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
