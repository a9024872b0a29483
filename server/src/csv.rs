//! RFC 4180 CSV for the downloads.

/// One CSV line, every cell quoted, ending in CRLF.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|cell| quote(cell.as_ref()))
        .collect::<Vec<_>>()
        .join(",")
        + "\r\n"
}

/// Quotes a cell; one that a spreadsheet would run as a formula is prefixed with `'` (a
/// negative whole number, such as a day's net change in signups, stays a number).
fn quote(cell: &str) -> String {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let cell = if formula && cell.parse::<i64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    format!("\"{}\"", cell.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(quote("Nicolò D'Alì"), "\"Nicolò D'Alì\"");
        assert_eq!(quote("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(quote("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(quote("-12"), "\"-12\"");
        assert_eq!(quote("-1+2"), "\"'-1+2\"");
        assert_eq!(line(&["a", "b"]), "\"a\",\"b\"\r\n");
    }
}
