//! iCalendar (RFC 5545) text: events written with escaped values and folded lines, so that
//! Outlook, Thunderbird and Google Calendar read them alike.

use crate::domain::italian_time::civil;

/// When an event happens: a span of time, or whole Italian days.
pub enum When {
    /// From and to, in Unix seconds (written in UTC).
    Span(i64, i64),
    /// A whole day, `YYYY-MM-DD`, and the day after it.
    Day(String, String),
}

/// One `VEVENT`.
pub struct Event {
    pub uid: String,
    /// When it was last changed, in Unix seconds.
    pub stamp: i64,
    pub sequence: i64,
    pub when: When,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub url: String,
    /// Whether it shows as busy time (meetings) or not (deadlines).
    pub busy: bool,
}

/// A whole `VCALENDAR` named `name` with `events`.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Regione Emilia-Romagna//COMTem//IT",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ] {
        push(&mut out, line);
    }
    push(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    push(&mut out, "X-WR-TIMEZONE:Europe/Rome");
    for event in events {
        push_event(&mut out, event);
    }
    push(&mut out, "END:VCALENDAR");
    out
}

fn push_event(out: &mut String, event: &Event) {
    push(out, "BEGIN:VEVENT");
    push(out, &format!("UID:{}", text(&event.uid)));
    push(out, &format!("DTSTAMP:{}", utc(event.stamp)));
    push(out, &format!("LAST-MODIFIED:{}", utc(event.stamp)));
    push(out, &format!("SEQUENCE:{}", event.sequence));
    match &event.when {
        When::Span(starts, ends) => {
            push(out, &format!("DTSTART:{}", utc(*starts)));
            push(out, &format!("DTEND:{}", utc(*ends)));
        }
        When::Day(day, next) => {
            push(out, &format!("DTSTART;VALUE=DATE:{}", day.replace('-', "")));
            push(out, &format!("DTEND;VALUE=DATE:{}", next.replace('-', "")));
        }
    }
    push(out, &format!("SUMMARY:{}", text(&event.summary)));
    if !event.location.is_empty() {
        push(out, &format!("LOCATION:{}", text(&event.location)));
    }
    if !event.description.is_empty() {
        push(out, &format!("DESCRIPTION:{}", text(&event.description)));
    }
    push(out, &format!("URL:{}", uri(&event.url)));
    push(
        out,
        if event.busy {
            "TRANSP:OPAQUE"
        } else {
            "TRANSP:TRANSPARENT"
        },
    );
    push(out, "END:VEVENT");
}

/// A UTC date-time, `YYYYMMDDTHHMMSSZ`.
fn utc(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let seconds = unix.rem_euclid(86_400);
    let (year, month, day) = civil(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

/// A TEXT value: backslashes, semicolons, commas and line breaks escaped, other control
/// characters dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let value = value.replace("\r\n", "\n");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: no spaces or control characters (the addresses written are ours).
fn uri(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// Appends `line`, folded so no line is longer than 75 octets (never inside a character), and
/// ended with CRLF.
fn push(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str) -> Event {
        Event {
            uid: "incontro-1@comtem.example".into(),
            stamp: 1_792_828_800,
            sequence: 2,
            when: When::Span(1_792_918_800, 1_792_927_800),
            summary: summary.into(),
            location: "Sala 1, viale Aldo Moro 52; Bologna".into(),
            description: "- Apertura\r\n- Piano".into(),
            url: "https://comtem.example/incontri/1".into(),
            busy: true,
        }
    }

    #[test]
    fn values_are_escaped_and_times_are_utc() {
        let out = calendar("COMTem", &[event("Nicolò D'Alì, <script>")]);
        assert!(out.contains("SUMMARY:Nicolò D'Alì\\, <script>\r\n"));
        assert!(out.contains("LOCATION:Sala 1\\, viale Aldo Moro 52\\; Bologna\r\n"));
        assert!(out.contains("DESCRIPTION:- Apertura\\n- Piano\r\n"));
        assert!(out.contains("DTSTART:20261025T090000Z\r\nDTEND:20261025T113000Z\r\n"));
        assert!(out.contains("DTSTAMP:20261024T080000Z\r\n"));
        assert!(out.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(out.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let out = calendar("COMTem", &[event(&"è".repeat(100))]);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}\r\n", "è".repeat(100))));
    }

    #[test]
    fn controls_are_dropped_and_days_are_dates() {
        let mut deadline = event("a\u{7}b");
        deadline.when = When::Day("2026-04-30".into(), "2026-05-01".into());
        let out = calendar("COMTem", &[deadline]);
        assert!(out.contains("SUMMARY:ab\r\n"));
        assert!(out.contains("DTSTART;VALUE=DATE:20260430\r\nDTEND;VALUE=DATE:20260501\r\n"));
    }
}
