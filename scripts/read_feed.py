"""Reads an Atom feed with the independent `feedparser` package and prints what a feed reader
would show, as JSON; `wellformed` is false when the parser had to recover from broken XML. Used
by the tests (server/tests/integration/news.rs)."""

import json
import sys

import feedparser


def main(path):
    with open(path, "rb") as file:
        feed = feedparser.parse(file.read())
    entries = [
        {
            "id": entry.get("id", ""),
            "title": entry.get("title", ""),
            "link": entry.get("link", ""),
            "summary": entry.get("summary", ""),
            "content": [part.get("value", "") for part in entry.get("content", [])],
            "published": entry.get("published", ""),
            "updated": entry.get("updated", ""),
            "author": entry.get("author", ""),
        }
        for entry in feed.entries
    ]
    print(
        json.dumps(
            {
                "wellformed": not feed.bozo,
                "version": feed.version,
                "title": feed.feed.get("title", ""),
                "links": [link.get("href", "") for link in feed.feed.get("links", [])],
                "entries": entries,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
