"""Text from inputs made safe to print on a terminal.

A file name, a title or an error message quoting an input may hold escape sequences (``ESC [``
moves the cursor, rewrites the title bar, hides text), C1 controls (``\\x9b`` is a CSI on some
terminals) or bidi overrides that reorder what is shown. Every such character is printed as its
escape (``\\x1b``, ``\\u202e``), so what reaches the terminal is what the input held, made visible.
"""

from __future__ import annotations

import unicodedata

# Unicode categories never printed raw: controls (Cc), formatting such as bidi overrides and
# zero-width characters (Cf), line and paragraph separators (Zl, Zp), unassigned (Cn).
_UNSAFE = {"Cc", "Cf", "Zl", "Zp", "Cn", "Cs"}


def shown(text: object) -> str:
    """``text`` as a string with every control, format or separator character escaped."""
    return "".join(_escape(c) if unicodedata.category(c) in _UNSAFE else c for c in str(text))


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
