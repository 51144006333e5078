//! A report as a document: a title, then sections of labelled figures,
//! tables and sentences, all already in the user's language
//! ([`super::text`] makes it), written out as Markdown or as one
//! self-contained HTML page that prints on A4 (no script, no external
//! resource). Everything that came from the home is escaped for the form
//! it goes into.

use crate::safe::html as escape;
use crate::safe::Safe;

/// A report, ready to be written in any form.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub lang: &'static str,
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Default)]
pub struct Section {
    pub title: String,
    pub intro: Option<String>,
    pub fields: Vec<(String, String)>,
    pub tables: Vec<Table>,
    /// Sentences after the figures; a warning is marked.
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub caption: Option<String>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Shown instead of an empty table.
    pub empty: String,
}

#[derive(Debug, Clone)]
pub struct Note {
    pub text: String,
    pub warning: bool,
}

/// The page's style: A4, plain fonts, nothing fetched.
const CSS: &str = include_str!("report.css");

/// Markdown (also the plain-text form on standard output).
pub fn markdown(doc: &Doc) -> String {
    let text = |s: &str| md_escape(&Safe(s).to_string());
    let mut out = format!("# {}\n\n{}\n", text(&doc.title), text(&doc.subtitle));
    for section in &doc.sections {
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(&format!("## {}\n\n", text(&section.title)));
        if let Some(intro) = &section.intro {
            out.push_str(&format!("{}\n\n", text(intro)));
        }
        for (label, value) in &section.fields {
            out.push_str(&format!("- **{}:** {}\n", text(label), text(value)));
        }
        if !section.fields.is_empty() {
            out.push('\n');
        }
        for table in &section.tables {
            if let Some(caption) = &table.caption {
                out.push_str(&format!("### {}\n\n", text(caption)));
            }
            if table.rows.is_empty() {
                out.push_str(&format!("{}\n\n", text(&table.empty)));
            } else {
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| text(c).replace('|', "\\|")).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&row(&table.head));
                out.push_str(&format!("|{}\n", "---|".repeat(table.head.len())));
                for cells in &table.rows {
                    out.push_str(&row(cells));
                }
                out.push('\n');
            }
        }
        for note in &section.notes {
            let mark = if note.warning { "**!** " } else { "" };
            out.push_str(&format!("{mark}{}\n\n", text(&note.text)));
        }
    }
    out
}

/// One HTML page with its style inside.
pub fn html(doc: &Doc) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n",
        doc.lang,
        escape(&doc.title),
        escape(&doc.title),
        escape(&doc.subtitle)
    );
    for section in &doc.sections {
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(&section.title)));
        if let Some(intro) = &section.intro {
            out.push_str(&format!("<p>{}</p>\n", escape(intro)));
        }
        if !section.fields.is_empty() {
            out.push_str("<dl>\n");
            for (label, value) in &section.fields {
                out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(label), escape(value)));
            }
            out.push_str("</dl>\n");
        }
        for table in &section.tables {
            if let Some(caption) = &table.caption {
                out.push_str(&format!("<h3>{}</h3>\n", escape(caption)));
            }
            if table.rows.is_empty() {
                out.push_str(&format!("<p>{}</p>\n", escape(&table.empty)));
            } else {
                out.push_str("<table>\n<thead><tr>");
                for cell in &table.head {
                    out.push_str(&format!("<th>{}</th>", escape(cell)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for cells in &table.rows {
                    out.push_str("<tr>");
                    for cell in cells {
                        out.push_str(&format!("<td>{}</td>", escape(cell)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
        for note in &section.notes {
            let class = if note.warning { " class=\"warning\"" } else { "" };
            out.push_str(&format!("<p{class}>{}</p>\n", escape(&note.text)));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Text for Markdown: characters that would start markup are escaped.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(value: &str) -> Doc {
        Doc {
            lang: "en",
            title: "T".into(),
            subtitle: "S".into(),
            sections: vec![Section {
                title: "A".into(),
                fields: vec![("L".into(), value.into())],
                tables: vec![Table {
                    caption: None,
                    head: vec!["h".into()],
                    rows: vec![vec![value.into()]],
                    empty: String::new(),
                }],
                ..Default::default()
            }],
        }
    }

    #[test]
    fn html_escapes_what_came_from_the_home() {
        let page = html(&doc("<script>alert('x')</script>&\u{202e}"));
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"), "{page}");
        assert!(!page.contains('\u{202e}'));
        assert!(!page.contains("http"), "no external resource: {page}");
    }

    #[test]
    fn markdown_keeps_table_cells_apart() {
        let text = markdown(&doc("a|b *c*"));
        assert!(text.contains("| a\\|b \\*c\\* |"), "{text}");
    }
}
