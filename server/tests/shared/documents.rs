//! What the PDF and ODT read-back tests share: the general plan of the ten demo plans, the
//! front of its documents, and the texts a piece of the small markdown should come back as.

use app::domain::general_plan::{Assembled, GeneralPlan, GeneralText, GeneralVersion, PlanPart};
use app::domain::markdown::{self, Inline};

/// The demo's ten plans in one general plan, as version 1 of 2024.
pub fn demo_general_plan() -> GeneralPlan {
    let communities = app::server::seed::communities().expect("the communities");
    let plans = app::server::demo::plans::plans().expect("the demo plans");
    let parts: Vec<PlanPart> = plans
        .into_iter()
        .map(|(community, content)| PlanPart {
            name: communities
                .iter()
                .find(|c| c.summary.slug == community)
                .map_or_else(|| community.to_string(), |c| c.summary.name.clone()),
            community,
            version: 2,
            content,
        })
        .collect();
    GeneralPlan {
        year: 2024,
        version: GeneralVersion {
            number: 1,
            saved_at: "2024-05-20 10:00".to_owned(),
            saved_by: "Giulia Ferri".to_owned(),
            built_from: parts.iter().map(|p| (p.community.clone(), 2)).collect(),
            presented_at: None,
            digest: String::new(),
        },
        text: GeneralText {
            introduction: "Il piano **generale** delle dieci comunità.".to_owned(),
            summary: String::new(),
            numbers_day: "2024-05-06".to_owned(),
        },
        assembled: Assembled::default(),
        plans: parts,
    }
}

/// The lines under the title of the demo general plan's documents: year, version, and a digest
/// (one long word).
pub fn demo_front_lines() -> [String; 3] {
    [
        "Anno 2024".to_owned(),
        "Versione 1".to_owned(),
        format!(
            "Impronta SHA-256 del contenuto: {}",
            "0123456789abcdef".repeat(4)
        ),
    ]
}

/// The text of each paragraph and list item of `source` in the small markdown.
pub fn rich_text(source: &str) -> Vec<String> {
    fn text(inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(text) | Inline::Link { text, .. } => out.push_str(text),
                Inline::LineBreak => out.push('\n'),
                Inline::Strong(inner) | Inline::Emphasis(inner) => text(inner, out),
            }
        }
    }
    let mut out = Vec::new();
    for block in markdown::parse(source) {
        let items = match block {
            markdown::Block::Paragraph(inlines) => vec![inlines],
            markdown::Block::List(items) => items,
        };
        for item in items {
            let mut line = String::new();
            text(&item, &mut line);
            out.push(line);
        }
    }
    out
}
