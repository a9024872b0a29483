"""Reads an OpenDocument text back with odfdo, independently of the code that wrote it, and
prints as JSON its title and what its body holds, in document order.

    read_odt.py FILE.odt

Prints {"mimetype", "title", "blocks"}, each block one of
{"kind": "heading", "level": N, "text": ...}, {"kind": "paragraph", "text": ...} (list items
included), {"kind": "contents", "text": ...} (a paragraph of the table of contents) and
{"kind": "cell", "text": ...} (a table cell, its paragraphs joined by newlines). Texts are what a
reader sees: spaces, tabs and line breaks put back, links as their text (odfdo's own text of a
link is markdown-like, `[text](url)`).
"""

import json
import sys

from odfdo import Document


WHITESPACE = {"text:s", "text:tab", "text:line-break"}


def text(element):
    """The text a reader sees in a paragraph or heading, or in an element inside one."""
    out = element.text or ""
    for child in element.children:
        out += str(child) if child.tag in WHITESPACE else text(child)
        out += child.tail or ""
    return out


def walk(element, blocks, in_contents):
    for child in element.children:
        tag = child.tag
        if tag == "text:h":
            level = int(child.get_attribute("text:outline-level"))
            blocks.append({"kind": "heading", "level": level, "text": text(child)})
        elif tag == "text:p":
            kind = "contents" if in_contents else "paragraph"
            blocks.append({"kind": kind, "text": text(child)})
        elif tag == "table:table-cell":
            paragraphs = [text(p) for p in child.get_elements("text:p")]
            blocks.append({"kind": "cell", "text": "\n".join(paragraphs)})
        else:
            walk(child, blocks, in_contents or tag == "text:table-of-content")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    document = Document(sys.argv[1])
    blocks = []
    walk(document.body, blocks, False)
    title = document.meta.title
    print(json.dumps({"mimetype": document.mimetype, "title": title, "blocks": blocks}))


if __name__ == "__main__":
    main()
