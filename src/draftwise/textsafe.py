"""Text from a draft or a file, made safe for where it is shown: one function per decision.

- :func:`visible` is for anything printed for a person (the terminal): every
  control character is swapped for a visible stand-in of the same length, so an
  ANSI or OSC escape inside a draft is shown, never obeyed, and offsets into the
  text stay exact.
- :func:`rich_text` wraps :func:`visible` in a rich ``Text``: data is never
  parsed as console markup, so ``[/red]`` in a draft or a CSV header is shown as
  written.
- :func:`spreadsheet_cell` is for every text cell of a CSV file: a cell that a
  spreadsheet would read as a formula gets a leading apostrophe.
- :func:`lone_surrogates` / :func:`replace_surrogates` find and replace lone
  UTF-16 surrogates, which are not text and cannot be written as UTF-8.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional
# overrides and isolates that reorder what a terminal shows.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _stand_in(m: re.Match[str]) -> str:
    c = ord(m.group(0))
    if c < 0x20:
        return chr(0x2400 + c)  # the Control Pictures block: U+241B is ␛
    if c == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible stand-in, same length.

    Args:
        text: Text from a draft, a file or an error message.

    Returns:
        The text with C0/C1 controls (tab and newline kept), DEL and bidi
        overrides replaced one for one, so offsets into it are unchanged.
    """
    return _CONTROL.sub(_stand_in, text) if _CONTROL.search(text) else text


def rich_text(text: str, style: str = "") -> Any:
    """A rich ``Text`` of :func:`visible` ``(text)``: shown as written, never read as markup.

    Args:
        text: Text that came from data (a draft, a header, a path, an error).
        style: A rich style for the whole text.

    Returns:
        A ``rich.text.Text``.
    """
    from rich.text import Text

    return Text(visible(str(text)), style=style)


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet will run as a formula.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe (the convention of spreadsheet-safe
    exporters); anything else is returned unchanged. The ``record`` column keeps
    the exact text.

    Args:
        value: One cell.

    Returns:
        The cell, neutralised if it is text that starts like a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def lone_surrogates(text: str) -> int:
    """How many lone UTF-16 surrogates ``text`` holds (they cannot be written as UTF-8)."""
    return len(_SURROGATE.findall(text))


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, the replacement character."""
    return _SURROGATE.sub("\ufffd", text)
