"""Reads an iCalendar file with the independent `icalendar` package and prints what a calendar
application would show, as JSON: the calendar's name and, per event, its fields with the start
and end in Italian time (Europe/Rome). Used by the tests (server/tests/integration/meetings/)."""

import json
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar

ROME = ZoneInfo("Europe/Rome")


def moment(value):
    if isinstance(value, datetime):
        return value.astimezone(ROME).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise ValueError(f"not a date: {value!r}")


def main(path):
    with open(path, "rb") as file:
        calendar = Calendar.from_ical(file.read())
    events = []
    for event in calendar.walk("VEVENT"):
        events.append(
            {
                "uid": str(event["UID"]),
                "summary": str(event["SUMMARY"]),
                "location": str(event.get("LOCATION", "")),
                "description": str(event.get("DESCRIPTION", "")),
                "url": str(event.get("URL", "")),
                "start": moment(event.decoded("DTSTART")),
                "end": moment(event.decoded("DTEND")),
                "sequence": int(event.get("SEQUENCE", 0)),
            }
        )
    print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", "")), "events": events}))


if __name__ == "__main__":
    main(sys.argv[1])
