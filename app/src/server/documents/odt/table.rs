//! A table of the outline in `content.xml`.

use super::content::paragraph;
use super::xml::Xml;
use crate::domain::general_plan::outline::Table;

/// A table: its caption, then the head in header rows (repeated on every page) and the rows,
/// whose first cells are in a header column; a row's anchor is a bookmark in its first cell.
pub fn table(x: &mut Xml, table: &Table, name: &str) {
    paragraph(x, "Caption", &table.caption);
    let columns = table
        .rows
        .iter()
        .map(|(_, cells)| cells.len())
        .chain([table.head.len(), 1])
        .max()
        .unwrap_or(1);
    let attributes = [("table:name", name), ("table:style-name", "Table")];
    x.node("table:table", &attributes, |x| {
        x.node("table:table-header-columns", &[], |x| {
            x.empty("table:table-column", &[]);
        });
        if columns > 1 {
            let repeated = (columns - 1).to_string();
            x.empty(
                "table:table-column",
                &[("table:number-columns-repeated", &repeated)],
            );
        }
        if !table.head.is_empty() {
            x.node("table:table-header-rows", &[], |x| {
                row(x, None, &table.head, columns, true);
            });
        }
        for (id, cells) in &table.rows {
            row(x, id.as_deref(), cells, columns, false);
        }
    });
}

/// One row of `columns` cells (missing ones empty); `bookmark` goes in the first.
fn row(x: &mut Xml, bookmark: Option<&str>, cells: &[String], columns: usize, head: bool) {
    x.node("table:table-row", &[], |x| {
        for column in 0..columns {
            let attributes = [
                ("table:style-name", "Cell"),
                ("office:value-type", "string"),
            ];
            let style = if head || column == 0 {
                "Table_20_Heading"
            } else {
                "Table_20_Contents"
            };
            x.node("table:table-cell", &attributes, |x| {
                x.node("text:p", &[("text:style-name", style)], |x| {
                    if let (0, Some(bookmark)) = (column, bookmark) {
                        x.empty("text:bookmark", &[("text:name", bookmark)]);
                    }
                    x.text(cells.get(column).map_or("", String::as_str));
                });
            });
        }
    });
}
