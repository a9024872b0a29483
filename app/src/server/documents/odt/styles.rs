//! The styles of the document, fixed: Italian, A4, a sans font, headings that belong to the
//! outline, hyphenated body text, and the automatic styles `content.xml` uses.

use super::xml::Xml;
use super::{FO, OFFICE, STYLE, SVG, TEXT, VERSION};

/// The automatic styles of `content.xml`: the title on the first page (which has no header),
/// strong and emphasis spans, the table and its cells (LibreOffice applies table and cell
/// formatting only from automatic styles).
pub const AUTOMATIC: &str = r##"<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title" style:master-page-name="First_20_Page"/><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style><style:style style:name="Table" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style><style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #5c6f82"/></style:style></office:automatic-styles>"##;

/// The paragraph style of the title, in [`AUTOMATIC`].
pub const TITLE: &str = "P1";
/// The span style of strong text, in [`AUTOMATIC`].
pub const STRONG: &str = "T1";
/// The span style of emphasis, in [`AUTOMATIC`].
pub const EMPHASIS: &str = "T2";

/// `styles.xml`, with `running_header` at the top of every page but the first.
pub fn styles(running_header: &str) -> String {
    let mut x = Xml::new();
    let root = [
        ("xmlns:office", OFFICE),
        ("xmlns:style", STYLE),
        ("xmlns:text", TEXT),
        ("xmlns:fo", FO),
        ("xmlns:svg", SVG),
        ("office:version", VERSION),
    ];
    x.node("office:document-styles", &root, |x| {
        x.markup(STYLES);
        x.node("office:master-styles", &[], |x| {
            let first = [
                ("style:name", "First_20_Page"),
                ("style:display-name", "First Page"),
                ("style:page-layout-name", "A4"),
                ("style:next-style-name", "Standard"),
            ];
            x.node("style:master-page", &first, footer);
            let standard = [("style:name", "Standard"), ("style:page-layout-name", "A4")];
            x.node("style:master-page", &standard, |x| {
                x.node("style:header", &[], |x| {
                    x.node("text:p", &[("text:style-name", "Header")], |x| {
                        x.text(running_header);
                    });
                });
                footer(x);
            });
        });
    });
    x.finish()
}

/// The footer of every page: its number.
fn footer(x: &mut Xml) {
    x.node("style:footer", &[], |x| {
        x.node("text:p", &[("text:style-name", "Footer")], |x| {
            x.empty("text:page-number", &[("text:select-page", "current")]);
        });
    });
}

/// The fonts, the common styles and the page layout.
const STYLES: &str = r##"<office:font-face-decls>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:orphans="2" fo:widows="2" style:writing-mode="lr-tb"/>
<style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="it" fo:country="IT" fo:color="#1a1a1a"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="130%"/>
<style:text-properties fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
</style:style>
<style:style style:name="List" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
<style:paragraph-properties fo:margin-bottom="0.12cm"/>
</style:style>
<style:style style:name="Facts" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
<style:paragraph-properties fo:margin-bottom="0.1cm"/>
</style:style>
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html">
<style:paragraph-properties fo:margin-left="1cm" fo:margin-right="1cm"/>
<style:text-properties fo:font-style="italic"/>
</style:style>
<style:style style:name="Quote_20_Body" style:display-name="Quote Body" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html">
<style:paragraph-properties fo:margin-left="1cm" fo:margin-right="1cm"/>
</style:style>
<style:style style:name="Quote_20_Source" style:display-name="Quote Source" style:family="paragraph" style:parent-style-name="Quote_20_Body" style:class="html">
<style:paragraph-properties fo:margin-bottom="0.4cm"/>
<style:text-properties fo:font-size="10pt" fo:color="#5c6f82"/>
</style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
<style:paragraph-properties fo:margin-top="2cm" fo:margin-bottom="0.4cm"/>
<style:text-properties fo:font-size="24pt" fo:font-weight="bold" fo:color="#17324d"/>
</style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
<style:paragraph-properties fo:margin-bottom="0.15cm"/>
<style:text-properties fo:font-size="12pt" fo:color="#5c6f82"/>
</style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
<style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
<style:text-properties fo:font-weight="bold" fo:color="#17324d" fo:hyphenate="false"/>
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="20pt"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.8cm"/><style:text-properties fo:font-size="17pt"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="4" style:class="text"><style:text-properties fo:font-size="12.5pt"/></style:style>
<style:style style:name="Heading_20_5" style:display-name="Heading 5" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="5" style:class="text"><style:text-properties fo:font-size="11.5pt"/></style:style>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
<style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
<style:text-properties fo:font-size="10pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
<style:text-properties fo:font-size="9.5pt" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
</style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
<style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index">
<style:paragraph-properties fo:margin-top="0.8cm"/><style:text-properties fo:font-size="17pt"/>
</style:style>
<style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="17cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Contents_20_2" style:display-name="Contents 2" style:family="paragraph" style:parent-style-name="Contents_20_1" style:class="index"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Contents_20_3" style:display-name="Contents 3" style:family="paragraph" style:parent-style-name="Contents_20_1" style:class="index"><style:paragraph-properties fo:margin-left="0.6cm"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:border-bottom="0.5pt solid #5c6f82" fo:padding-bottom="0.1cm"/><style:text-properties fo:font-size="9pt" fo:color="#5c6f82"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#0066cc" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<text:list-style style:name="Bullets">
<text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet>
</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4">
<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
</style:page-layout>
</office:automatic-styles>
"##;
