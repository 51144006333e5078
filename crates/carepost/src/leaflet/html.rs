//! The leaflet as one HTML page: inline CSS for A4 paper, the QR code as
//! inline SVG, no script and nothing fetched from elsewhere. Every piece of
//! text, from the catalogue or from the user and the home, is escaped.

use crate::retention::{describe_duration, Policy};
use crate::safe::html as escape;
use crate::tr;
use std::fmt::Write;

/// How documents reach the contact the leaflet is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ForContact {
    /// Encrypted to their key; the fingerprint on record, in hex groups.
    Key { fingerprint: String },
    /// A password-protected PDF, the password told by phone.
    Password,
}

/// Everything the page says that is not fixed catalogue text.
#[derive(Debug, Clone)]
pub struct Content {
    /// `en`, `nl` or `fr`: the page's `lang`.
    pub language: &'static str,
    pub name: String,
    pub email: String,
    pub practice: Option<String>,
    pub reach: Option<String>,
    /// The practice's fingerprint in groups of four.
    pub hex: String,
    /// The practice's fingerprint as PGP words.
    pub words: String,
    /// The QR code of `OPENPGP4FPR:…` as an SVG document.
    pub qr_svg: String,
    pub contact: Option<ForContact>,
    pub patient_name: Option<String>,
    pub policy: Policy,
    /// The day the leaflet was made, as people read it.
    pub date: String,
}

/// Print-friendly A4: system fonts every platform has, the fingerprint
/// block never split over two pages.
const STYLE: &str = include_str!("leaflet.css");

/// The SVG element of the QR code, without the XML declaration a
/// standalone SVG file starts with.
fn inline_svg(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |start| &svg[start..])
}

/// A paragraph of escaped text.
fn p(html: &mut String, class: Option<&str>, text: &str) {
    match class {
        Some(class) => writeln!(html, "<p class=\"{class}\">{}</p>", escape(text)),
        None => writeln!(html, "<p>{}</p>", escape(text)),
    }
    .expect("writing to a String");
}

/// A list: one item per line of a multiline catalogue value.
fn list(html: &mut String, tag: &str, lines: &str) {
    html.push_str(&format!("<{tag}>\n"));
    for line in lines.lines().map(str::trim).filter(|l| !l.is_empty()) {
        html.push_str(&format!("<li>{}</li>\n", escape(line)));
    }
    html.push_str(&format!("</{tag}>\n"));
}

fn heading(html: &mut String, level: u8, text: &str) {
    html.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
}

/// The sentence about whom to contact with questions.
fn reach_sentence(content: &Content) -> String {
    match &content.reach {
        Some(reach) => tr!("leaflet-reach", reach = reach.as_str()),
        None => tr!("leaflet-reach-default"),
    }
}

/// The whole page.
pub fn render(content: &Content) -> String {
    let mut html = String::new();
    let title = tr!("leaflet-title");
    html.push_str("<!DOCTYPE html>\n");
    html.push_str(&format!("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", escape(content.language)));
    html.push_str(&format!("<title>{}</title>\n", escape(&title)));
    html.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));
    heading(&mut html, 1, &title);
    p(&mut html, Some("lead"), &tr!("leaflet-intro"));
    if let Some(name) = &content.patient_name {
        p(&mut html, None, &tr!("leaflet-patient", name = name.as_str()));
    }

    heading(&mut html, 2, &tr!("leaflet-from-heading"));
    p(&mut html, None, &tr!("leaflet-sender", name = content.name.as_str(), email = content.email.as_str()));
    if let Some(practice) = &content.practice {
        p(&mut html, None, &tr!("leaflet-practice", practice = practice.as_str()));
    }
    p(&mut html, None, &reach_sentence(content));

    html.push_str("<div class=\"fingerprint\">\n<div class=\"qr\">\n");
    html.push_str(inline_svg(&content.qr_svg));
    html.push_str("\n</div>\n<div>\n");
    heading(&mut html, 2, &tr!("leaflet-fingerprint-heading"));
    p(&mut html, None, &tr!("leaflet-fingerprint-intro"));
    p(&mut html, Some("label"), &tr!("leaflet-hex-label"));
    p(&mut html, Some("hex"), &content.hex);
    p(&mut html, Some("label"), &tr!("leaflet-words-label"));
    p(&mut html, Some("words"), &content.words);
    p(&mut html, Some("caption"), &tr!("leaflet-qr-caption"));
    html.push_str("</div>\n</div>\n");

    heading(&mut html, 2, &tr!("leaflet-arrival-heading"));
    p(&mut html, None, &tr!("leaflet-arrival"));
    match &content.contact {
        Some(ForContact::Key { fingerprint }) => {
            p(&mut html, Some("path"), &tr!("leaflet-path-key", fingerprint = fingerprint.as_str()))
        }
        Some(ForContact::Password) => p(&mut html, Some("path"), &tr!("leaflet-path-password")),
        None => {}
    }

    html.push_str("<section>\n");
    heading(&mut html, 2, &tr!("leaflet-way-key-heading"));
    p(&mut html, None, &tr!("leaflet-way-key-intro"));
    html.push_str("<div class=\"apps\">\n");
    for (name, steps) in [
        (tr!("leaflet-app-kleopatra"), tr!("leaflet-steps-kleopatra")),
        (tr!("leaflet-app-thunderbird"), tr!("leaflet-steps-thunderbird")),
        (tr!("leaflet-app-openkeychain"), tr!("leaflet-steps-openkeychain")),
        (tr!("leaflet-app-proton"), tr!("leaflet-steps-proton")),
        (tr!("leaflet-app-mailvelope"), tr!("leaflet-steps-mailvelope")),
    ] {
        html.push_str("<div class=\"app\">\n");
        heading(&mut html, 3, &name);
        list(&mut html, "ol", &steps);
        html.push_str("</div>\n");
    }
    html.push_str("</div>\n</section>\n");

    html.push_str("<section>\n");
    heading(&mut html, 2, &tr!("leaflet-way-password-heading"));
    list(&mut html, "ol", &tr!("leaflet-steps-password"));
    html.push_str("</section>\n");

    html.push_str("<section>\n");
    heading(&mut html, 2, &tr!("leaflet-call-heading"));
    list(&mut html, "ul", &tr!("leaflet-call"));
    p(&mut html, Some("never"), &tr!("leaflet-call-never"));
    html.push_str("</section>\n");

    html.push_str("<section>\n");
    heading(&mut html, 2, &tr!("leaflet-keeping-heading"));
    let policy = &content.policy;
    p(&mut html, None, &tr!("leaflet-keeping-sent", period = describe_duration(policy.sent)));
    p(&mut html, None, &tr!("leaflet-keeping-received", period = describe_duration(policy.received)));
    p(&mut html, None, &tr!("leaflet-keeping-log", period = describe_duration(policy.log)));
    p(&mut html, None, &tr!("leaflet-keeping-record"));
    p(&mut html, None, &tr!("leaflet-store-safely"));
    p(&mut html, None, &tr!("leaflet-stop"));
    p(&mut html, None, &reach_sentence(content));
    html.push_str("</section>\n");

    html.push_str("<footer>\n");
    p(&mut html, None, &tr!("leaflet-footer", date = content.date.as_str()));
    html.push_str("</footer>\n</body>\n</html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        Content {
            language: "en",
            name: "Dr. <script>alert(1)</script> & Co".into(),
            email: "dr@praktijk.example".into(),
            practice: Some("Praktijk \"De Linde\" & <b>Zn</b>".into()),
            reach: Some("<img onerror=alert(1)> 010-1234567".into()),
            hex: "E582 94F2 E9A2 2748 6E8B 061B 31CC 528F D7FA 3F19".into(),
            words: "topmost Istanbul".into(),
            qr_svg: crate::fingerprint::qr_svg("E58294F2E9A227486E8B061B31CC528FD7FA3F19"),
            contact: None,
            patient_name: None,
            policy: Policy::default(),
            date: "7 December 2026".into(),
        }
    }

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(escape("plain text"), "plain text");
    }

    #[test]
    fn user_and_home_values_are_escaped() {
        let html = render(&content());
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>Zn"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("Dr. &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
        assert!(html.contains("Praktijk &quot;De Linde&quot; &amp; &lt;b&gt;Zn&lt;/b&gt;"));
    }

    #[test]
    fn the_page_is_self_contained_and_printable() {
        let html = render(&content());
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.contains("@page { size: A4;"));
        assert!(html.contains("page-break-inside: avoid"));
        // The QR code inline, without its XML declaration; nothing fetched.
        assert!(html.contains("<svg") && !html.contains("<?xml"));
        // The SVG's namespace is a name, not an address that is fetched.
        let without_svg = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        for outside in ["<script", "<link", "src=", "url(", "@import", "http://", "https://"] {
            assert!(!without_svg.contains(outside), "{outside} in the page");
        }
        assert_eq!(html.matches("<html").count(), 1);
        assert!(html.trim_end().ends_with("</html>"));
    }

    #[test]
    fn the_fingerprint_is_there_in_both_forms() {
        let html = render(&content());
        assert!(html.contains("E582 94F2 E9A2 2748 6E8B 061B 31CC 528F D7FA 3F19"));
        assert!(html.contains("topmost Istanbul"));
    }

    #[test]
    fn the_path_sentence_follows_the_contact() {
        let mut c = content();
        let none = render(&c);
        c.contact = Some(ForContact::Password);
        let password = render(&c);
        assert!(password.contains(&escape(&tr!("leaflet-path-password"))));
        assert!(!none.contains(&escape(&tr!("leaflet-path-password"))));
        c.contact = Some(ForContact::Key { fingerprint: "AAAA BBBB".into() });
        let key = render(&c);
        assert!(key.contains("AAAA BBBB"));
        assert!(!key.contains(&escape(&tr!("leaflet-path-password"))));
    }

    #[test]
    fn the_patient_name_only_when_given() {
        let mut c = content();
        assert!(!render(&c).contains("M. Peeters"));
        c.patient_name = Some("M. Peeters".into());
        assert!(render(&c).contains("M. Peeters"));
    }

    #[test]
    fn without_practice_details_the_usual_contact_sentence() {
        let mut c = content();
        c.practice = None;
        c.reach = None;
        let html = render(&c);
        assert!(html.contains(&escape(&tr!("leaflet-reach-default"))));
        assert!(html.contains("dr@praktijk.example"));
    }

    #[test]
    fn the_retention_periods_are_those_given() {
        let mut c = content();
        c.policy.sent = std::time::Duration::from_secs(30 * 86400);
        let html = render(&c);
        assert!(html.contains(&escape(&describe_duration(c.policy.sent))));
    }
}
