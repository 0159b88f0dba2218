"""HTML as an ElementTree: parsing with tinyhtml5 (WeasyPrint's own parser) and writing back.

The print document is assembled from pieces of built pages, so pieces are parsed, edited and
written out again. ElementTree's own writer would print namespaced SVG as `ns0:svg`, hence
this small serializer.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from tinyhtml5 import parse
from tinyhtml5.parser import HTMLParser

# Elements that never have content or an end tag in HTML.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW_TEXT = {"script", "style"}
# Namespaced attribute prefixes, as HTML writes them.
ATTRIBUTE_PREFIXES = {
    "http://www.w3.org/1999/xlink": "xlink",
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/2000/xmlns/": "xmlns",
}


def parse_document(text: str) -> ET.Element:
    """A whole HTML page, with HTML elements un-namespaced (`div`, not `{xhtml}div`)."""
    document: ET.Element = parse(text, namespace_html_elements=False)  # tinyhtml5 ships no types
    return document


def parse_fragment(text: str) -> list[ET.Element | str]:
    """A piece of HTML as a list of nodes: leading text (if any) first, then elements with their tails."""
    root = HTMLParser(namespace_html_elements=False).parse_fragment(text, container="div")
    return ([root.text] if root.text else []) + list(root)


def local_name(tag: object) -> str:
    """`div` for `div`, `svg` for `{http://www.w3.org/2000/svg}svg`, '' for comments."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def walk(root: ET.Element) -> Iterator[tuple[ET.Element, ET.Element]]:
    """Every (parent, child) pair below root, in document order; safe if the child is replaced."""
    for child in list(root):
        yield root, child
        yield from walk(child)


def text_of(element: ET.Element) -> str:
    """The element's text with whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def replace(parent: ET.Element, old: ET.Element, nodes: list[ET.Element | str]) -> None:
    """Put nodes (strings, and elements with their tails) where `old` was, keeping the text after it."""
    index = list(parent).index(old)
    tail = old.tail
    parent.remove(old)
    previous = parent[index - 1] if index else None  # where text before the next element goes
    for node in nodes:
        if isinstance(node, str):
            _append_text(parent, previous, node)
        else:
            parent.insert(index, node)
            index += 1
            previous = node
    if tail:
        _append_text(parent, previous, tail)


def _append_text(parent: ET.Element, previous: ET.Element | None, text: str) -> None:
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def remove(parent: ET.Element, old: ET.Element) -> None:
    """Drop an element (and its content), keeping the text that followed it."""
    replace(parent, old, [])


def serialize(element: ET.Element, *, outer: bool = True) -> str:
    """The element as HTML; with outer=False only its content."""
    parts: list[str] = []
    if outer:
        _write(element, parts)
    else:
        parts.append(html.escape(element.text or "", quote=False))
        for child in element:
            _write(child, parts)
    return "".join(parts)


def _write(element: ET.Element, parts: list[str]) -> None:
    name = local_name(element.tag)
    if name:  # comments and processing instructions are left out
        attributes = "".join(f' {_attribute_name(key)}="{html.escape(value, quote=True)}"'
                             for key, value in element.attrib.items())
        parts.append(f"<{name}{attributes}>")
        if name in RAW_TEXT:
            parts.append(element.text or "")
        elif name not in VOID:
            parts.append(html.escape(element.text or "", quote=False))
            for child in element:
                _write(child, parts)
        if name not in VOID:
            parts.append(f"</{name}>")
    parts.append(html.escape(element.tail or "", quote=False))


def _attribute_name(key: str) -> str:
    if key.startswith("{"):
        namespace, name = key[1:].split("}", 1)
        prefix = ATTRIBUTE_PREFIXES.get(namespace)
        return f"{prefix}:{name}" if prefix else name
    return key
