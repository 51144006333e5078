//! The attachment form: a new PDF with one A4 cover page in the patient's
//! language, and the document embedded unchanged as an attached file.
//!
//! The cover says, without naming the practice (the heading is the same
//! for every sender), what is attached (its name and size) and how to save
//! it. The file is an `/EmbeddedFile` in the document's name tree, an
//! associated file (`/AF`, PDF 2.0) and the target of a paper-clip
//! annotation on the page, and the reader opens with its attachments panel
//! (`/PageMode /UseAttachments`). A JPEG is also shown on the page: PDF
//! takes JPEG data as it is (`/DCTDecode`).
//!
//! Text is set in Helvetica, one of the standard fonts every reader has,
//! with WinAnsiEncoding, which holds the letters of Dutch and French
//! (é è ë ç …); anything else is shown as `?`.

use super::media::{jpeg_frame, media_type};
use super::AttachmentReason;
use crate::error::{Error, Result};
use crate::i18n::{translate_in, Arg, Language};
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

/// A4 in points.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.0;
/// Room for text: the page less its margins, less 3% for rounding in the
/// width table.
const TEXT_WIDTH: f32 = (PAGE_WIDTH - 2.0 * MARGIN) * 0.97;

/// The name the attachment gets: the last component of `file_name`
/// (either separator), without control characters; `document` if nothing
/// is left.
pub(super) fn attachment_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().filter(|c| !crate::safe::is_dangerous(*c)).collect();
    let clean = clean.trim();
    if clean.is_empty() || clean == "." || clean == ".." {
        "document".to_owned()
    } else {
        clean.to_owned()
    }
}

/// Builds the cover-page PDF around `bytes` (not encrypted yet).
pub(super) fn build(bytes: &[u8], name: &str, language: Language, reason: AttachmentReason) -> Result<Document> {
    let lang = language.code();
    let say = |id: &str| translate_in(lang, id, &[]);

    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let page_id = doc.new_object_id();

    let font = doc.add_object(font_dict(b"Helvetica"));
    let bold = doc.add_object(font_dict(b"Helvetica-Bold"));

    // The file, unchanged.
    let media = media_type(bytes);
    let mut params = Dictionary::new();
    params.set("Size", Object::Integer(bytes.len() as i64));
    let mut file_dict = Dictionary::new();
    file_dict.set("Type", Object::Name(b"EmbeddedFile".to_vec()));
    file_dict.set("Subtype", Object::Name(media.as_bytes().to_vec()));
    file_dict.set("Params", Object::Dictionary(params));
    let file_id = doc.add_object(Stream::new(file_dict, bytes.to_vec()).with_compression(false));

    let mut ef = Dictionary::new();
    ef.set("F", Object::Reference(file_id));
    ef.set("UF", Object::Reference(file_id));
    let mut spec = Dictionary::new();
    spec.set("Type", Object::Name(b"Filespec".to_vec()));
    spec.set("F", Object::String(ascii_name(name).into_bytes(), StringFormat::Literal));
    spec.set("UF", text_string(name));
    spec.set("EF", Object::Dictionary(ef));
    spec.set("Desc", text_string(&say("pdf-cover-attachment-description")));
    spec.set("AFRelationship", Object::Name(b"Source".to_vec()));
    let spec_id = doc.add_object(spec);

    // The page's text, top down.
    let mut page = Layout::new();
    page.paragraph(&say("pdf-cover-title"), Style::Heading);
    page.gap(10.0);
    let intro = match reason {
        AttachmentReason::NotPdf => "pdf-cover-intro",
        AttachmentReason::SignedPdf => "pdf-cover-intro-signed",
    };
    page.paragraph(&say(intro), Style::Body);
    page.gap(8.0);
    let file_line_y = page.y;
    page.indented(22.0, &translate_in(lang, "pdf-cover-file", &[("name", Arg::from(name))]), Style::Body);
    let size = size_in(lang, bytes.len() as u64);
    page.indented(22.0, &translate_in(lang, "pdf-cover-size", &[("size", Arg::from(size))]), Style::Body);
    page.gap(10.0);
    page.paragraph(&say("pdf-cover-how-title"), Style::Subheading);
    page.paragraph(&say("pdf-cover-how"), Style::Body);
    page.paragraph(&say("pdf-cover-how-phone"), Style::Body);

    // A JPEG is shown too, in the room that is left.
    let mut xobjects = Dictionary::new();
    let image = media == "image/jpeg";
    if let Some((width, height, components)) = jpeg_frame(bytes).filter(|_| image) {
        let colour = match components {
            1 => Some((&b"DeviceGray"[..], None)),
            3 => Some((&b"DeviceRGB"[..], None)),
            // Adobe's CMYK JPEGs (nearly all of them) store inverted values.
            4 => Some((&b"DeviceCMYK"[..], Some([1, 0, 1, 0, 1, 0, 1, 0]))),
            _ => None,
        };
        if let Some((space, decode)) = colour {
            page.gap(8.0);
            page.paragraph(&say("pdf-cover-image"), Style::Body);
            page.gap(6.0);
            let mut dict = Dictionary::new();
            dict.set("Type", Object::Name(b"XObject".to_vec()));
            dict.set("Subtype", Object::Name(b"Image".to_vec()));
            dict.set("Width", Object::Integer(i64::from(width)));
            dict.set("Height", Object::Integer(i64::from(height)));
            dict.set("ColorSpace", Object::Name(space.to_vec()));
            dict.set("BitsPerComponent", Object::Integer(8));
            dict.set("Filter", Object::Name(b"DCTDecode".to_vec()));
            if let Some(decode) = decode {
                dict.set("Decode", Object::Array(decode.iter().map(|v| Object::Integer(*v)).collect()));
            }
            let image_id = doc.add_object(Stream::new(dict, bytes.to_vec()).with_compression(false));
            xobjects.set("Im1", Object::Reference(image_id));
            page.image(width as f32, height as f32);
        }
    }

    let content = Content { operations: page.operations };
    let content = content.encode().map_err(|e| Error::Internal(format!("pdf: {e}")))?;
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content));

    // The paper clip beside the file's name: clicking it opens or saves the file.
    let mut annot = Dictionary::new();
    annot.set("Type", Object::Name(b"Annot".to_vec()));
    annot.set("Subtype", Object::Name(b"FileAttachment".to_vec()));
    annot.set("Rect", rect([MARGIN, file_line_y - 14.0, MARGIN + 14.0, file_line_y + 4.0]));
    annot.set("FS", Object::Reference(spec_id));
    annot.set("Contents", text_string(name));
    annot.set("Name", Object::Name(b"Paperclip".to_vec()));
    annot.set("F", Object::Integer(4));
    let annot_id = doc.add_object(annot);

    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font));
    fonts.set("F2", Object::Reference(bold));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    if !xobjects.is_empty() {
        resources.set("XObject", Object::Dictionary(xobjects));
    }
    let mut page_dict = Dictionary::new();
    page_dict.set("Type", Object::Name(b"Page".to_vec()));
    page_dict.set("Parent", Object::Reference(pages_id));
    page_dict.set("MediaBox", rect([0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT]));
    page_dict.set("Resources", Object::Dictionary(resources));
    page_dict.set("Contents", Object::Reference(content_id));
    page_dict.set("Annots", Object::Array(vec![Object::Reference(annot_id)]));
    doc.objects.insert(page_id, Object::Dictionary(page_dict));

    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Kids", Object::Array(vec![Object::Reference(page_id)]));
    pages.set("Count", Object::Integer(1));
    doc.objects.insert(pages_id, Object::Dictionary(pages));

    let mut tree = Dictionary::new();
    tree.set("Names", Object::Array(vec![text_string(name), Object::Reference(spec_id)]));
    let mut names = Dictionary::new();
    names.set("EmbeddedFiles", Object::Dictionary(tree));
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", Object::Boolean(true));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    catalog.set("Names", Object::Dictionary(names));
    catalog.set("PageMode", Object::Name(b"UseAttachments".to_vec()));
    catalog.set("AF", Object::Array(vec![Object::Reference(spec_id)]));
    catalog.set("Lang", Object::String(lang.as_bytes().to_vec(), StringFormat::Literal));
    catalog.set("ViewerPreferences", Object::Dictionary(viewer));
    let catalog_id = doc.add_object(catalog);

    let mut info = Dictionary::new();
    info.set("Title", text_string(&say("pdf-cover-title")));
    let info_id = doc.add_object(info);

    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc.trailer.set("Info", Object::Reference(info_id));
    Ok(doc)
}

fn font_dict(base: &[u8]) -> Dictionary {
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(base.to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    font
}

fn rect(r: [f32; 4]) -> Object {
    Object::Array(r.iter().map(|v| Object::Real(*v)).collect())
}

/// A PDF text string: ASCII as it is, anything else as UTF-16BE with its
/// byte order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The name for `/F`, which older readers show: ASCII, other letters as `_`.
fn ascii_name(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii() && !c.is_ascii_control() { c } else { '_' }).collect()
}

/// A size for people, in the cover page's language ("1,2 MB").
fn size_in(lang: &str, bytes: u64) -> String {
    if bytes < 1024 {
        return translate_in(lang, "pdf-size-bytes", &[("count", Arg::from(bytes))]);
    }
    let (value, id) = if bytes < 1024 * 1024 {
        (bytes as f64 / 1024.0, "pdf-size-kb")
    } else {
        (bytes as f64 / (1024.0 * 1024.0), "pdf-size-mb")
    };
    let number = if value < 10.0 { format!("{value:.1}") } else { format!("{value:.0}") };
    let number = number.replace('.', &translate_in(lang, "pdf-size-decimal-separator", &[]));
    translate_in(lang, id, &[("number", Arg::from(number))])
}

#[derive(Clone, Copy)]
enum Style {
    Heading,
    Subheading,
    Body,
}

impl Style {
    fn font(self) -> (&'static str, f32, f32) {
        // (resource name, size, leading)
        match self {
            Style::Heading => ("F2", 18.0, 24.0),
            Style::Subheading => ("F2", 12.5, 18.0),
            Style::Body => ("F1", 11.0, 15.0),
        }
    }
}

/// Sets text lines and the image from the top of the page down.
struct Layout {
    operations: Vec<Operation>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout { operations: vec![], y: PAGE_HEIGHT - MARGIN - 10.0 }
    }

    fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    fn paragraph(&mut self, text: &str, style: Style) {
        self.indented(0.0, text, style);
    }

    fn indented(&mut self, indent: f32, text: &str, style: Style) {
        let (font, size, leading) = style.font();
        let bold = matches!(style, Style::Heading | Style::Subheading);
        for line in wrap(text, (TEXT_WIDTH - indent) / size * 1000.0, bold) {
            self.operations.push(Operation::new("BT", vec![]));
            self.operations.push(Operation::new("Tf", vec![Object::Name(font.as_bytes().to_vec()), size.into()]));
            self.operations.push(Operation::new("Td", vec![(MARGIN + indent).into(), (self.y - size).into()]));
            self.operations.push(Operation::new("Tj", vec![Object::String(winansi(&line), StringFormat::Literal)]));
            self.operations.push(Operation::new("ET", vec![]));
            self.y -= leading;
        }
    }

    /// The image, scaled to fit the room left below the text.
    fn image(&mut self, width: f32, height: f32) {
        let room_w = PAGE_WIDTH - 2.0 * MARGIN;
        let room_h = (self.y - MARGIN).max(40.0);
        let scale = (room_w / width).min(room_h / height);
        let (w, h) = (width * scale, height * scale);
        let x = MARGIN + (room_w - w) / 2.0;
        let y = self.y - h;
        self.operations.push(Operation::new("q", vec![]));
        self.operations.push(Operation::new("cm", vec![w.into(), 0.into(), 0.into(), h.into(), x.into(), y.into()]));
        self.operations.push(Operation::new("Do", vec![Object::Name(b"Im1".to_vec())]));
        self.operations.push(Operation::new("Q", vec![]));
        self.y = y;
    }
}

/// Breaks `text` into lines no wider than `max` (in thousandths of the
/// font size); a word wider than a line is cut.
fn wrap(text: &str, max: f32, bold: bool) -> Vec<String> {
    let width = |s: &str| s.chars().map(|c| char_width(c, bold)).sum::<f32>();
    let mut lines = vec![];
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if width(&candidate) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone, cut where it overflows.
        for c in word.chars() {
            if !line.is_empty() && width(&line) + char_width(c, bold) > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Helvetica's advance widths (AFM, thousandths of an em); the bold face
/// is taken as 8% wider, which covers it.
fn char_width(c: char, bold: bool) -> f32 {
    let base = match c {
        ' ' | '!' | ',' | '.' | '/' | ':' | ';' | '[' | '\\' | ']' | 'I' | 'f' | 't' => 278.0,
        '"' => 355.0,
        '\'' => 191.0,
        '(' | ')' | '-' | '`' | 'r' => 333.0,
        '*' => 389.0,
        '+' | '<' | '=' | '>' | '~' | '×' | '÷' => 584.0,
        '%' => 889.0,
        '&' | 'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 667.0,
        '@' => 1015.0,
        'C' | 'D' | 'H' | 'N' | 'R' | 'U' | 'w' => 722.0,
        'F' | 'T' | 'Z' => 611.0,
        'G' | 'O' | 'Q' => 778.0,
        'J' | 'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' => 500.0,
        'L' => 556.0,
        'M' | 'm' => 833.0,
        'W' => 944.0,
        '^' => 469.0,
        'i' | 'j' | 'l' => 222.0,
        '{' | '}' => 334.0,
        '|' => 260.0,
        '‘' | '’' => 222.0,
        '“' | '”' => 333.0,
        '…' | '—' | '™' | 'Æ' | 'Œ' => 1000.0,
        'æ' | 'œ' => 944.0,
        'À'..='Å' | 'È'..='Ë' | 'Ý' | 'Þ' => 667.0,
        'Ç' | 'Ð' | 'Ñ' | 'Ù'..='Ü' => 722.0,
        'Ò'..='Ö' | 'Ø' => 778.0,
        'Ì'..='Ï' | 'ì'..='ï' => 278.0,
        'ç' | 'ý' | 'ÿ' => 500.0,
        _ => 556.0,
    };
    if bold {
        base * 1.08
    } else {
        base
    }
}

/// `text` in WinAnsiEncoding (Windows-1252); what it cannot hold becomes `?`.
fn winansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7E}' => c as u8,
            '\u{A0}'..='\u{FF}' => c as u32 as u8,
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => b'?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_letters_are_winansi() {
        assert_eq!(winansi("é è ë ç"), vec![0xE9, b' ', 0xE8, b' ', 0xEB, b' ', 0xE7]);
        assert_eq!(winansi("€ – ’"), vec![0x80, b' ', 0x96, b' ', 0x92]);
        assert_eq!(winansi("日"), b"?");
    }

    #[test]
    fn lines_fit_the_page_and_long_words_are_cut() {
        let max = TEXT_WIDTH / 11.0 * 1000.0;
        let text = "word ".repeat(200);
        let lines = wrap(&text, max, false);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.chars().map(|c| char_width(c, false)).sum::<f32>() <= max));
        let long = "W".repeat(300);
        let lines = wrap(&long, max, false);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), long);
    }

    #[test]
    fn the_attachment_name_is_a_base_name() {
        assert_eq!(attachment_name("/tmp/x/scan.jpg"), "scan.jpg");
        assert_eq!(attachment_name("C:\\Users\\a\\foto.png"), "foto.png");
        assert_eq!(attachment_name("a\u{202E}b\n.txt"), "ab.txt");
        assert_eq!(attachment_name(""), "document");
        assert_eq!(attachment_name("dir/.."), "document");
    }

    #[test]
    fn sizes_are_written_for_people() {
        assert_eq!(size_in("en", 500), "500 bytes");
        assert_eq!(size_in("nl", 1536), "1,5 KB");
        assert_eq!(size_in("fr", 3 * 1024 * 1024), "3,0 Mo");
    }
}
