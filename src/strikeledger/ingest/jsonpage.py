"""Pages that are JSON: a WordPress REST post (``/wp-json/wp/v2/posts/...``) and the like.

Such a page saved as text is markup inside JSON; its news stands in its title, and its body is
HTML. Read as prose it gives nothing, so it is unpacked into a title line, the body's text and
the post's date before anything else reads it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import html as lxml_html

_KEYS_OF_A_POST = ("title", "content")
# A post cut short (a size limit, a broken download) still names its date and title first.
_CUT_FIELD = re.compile(r'"(?P<key>date_gmt|date|link)"\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"'
                        r'|"title"\s*:\s*\{\s*"rendered"\s*:\s*"(?P<title>(?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class JsonPage:
    text: str
    title: str | None
    published: str | None
    url: str | None


def _rendered(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("rendered")
    return value if isinstance(value, str) else ""


def _html_text(fragment: str) -> str:
    if not fragment.strip():
        return ""
    try:
        tree = lxml_html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for junk in tree.xpath("//script|//style|//noscript"):
        junk.drop_tree()
    blocks = [" ".join(p.text_content().split()) for p in tree.xpath("//p|//h1|//h2|//h3|//li")]
    text = "\n\n".join(b for b in blocks if b)
    return text or " ".join(tree.text_content().split())


def read_json_page(raw: str) -> JsonPage | None:
    """The post a JSON page holds, or None when ``raw`` is not one (then it is read as text)."""
    head = raw.lstrip()[:1]
    if head != "{":
        return None
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        record = _cut_post(raw)
    if not isinstance(record, dict) or not all(k in record for k in _KEYS_OF_A_POST):
        return None
    title = " ".join(_html_text(_rendered(record["title"])).split()) or None
    body = _html_text(_rendered(record["content"])) or _html_text(_rendered(record.get("excerpt")))
    text = "\n\n".join(part for part in (title, body) if part)
    published = record.get("date_gmt") or record.get("date")
    link = record.get("link")
    return JsonPage(text, title, published if isinstance(published, str) else None, link if isinstance(link, str) else None)


def _cut_post(raw: str) -> dict | None:
    """The fields a post cut short still has before the cut: its date, link and title."""
    found: dict = {"content": ""}
    for match in _CUT_FIELD.finditer(raw[:20_000]):
        key = "title" if match["title"] is not None else match["key"]
        if key in found:
            continue
        try:
            found[key] = json.loads(f'"{match["title"] if key == "title" else match["value"]}"')
        except json.JSONDecodeError:
            continue
    return found if "title" in found else None
