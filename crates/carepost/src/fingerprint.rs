//! A fingerprint in the forms people compare: hex in groups of four, the
//! PGP word list, and a QR code (`OPENPGP4FPR:…`, as OpenKeychain scans).

use qrcode::render::{svg, unicode};
use qrcode::{EcLevel, QrCode};

/// Hex in groups of four separated by spaces (10 groups for v4 keys).
pub fn hex_groups(hex: &str) -> String {
    hex.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).expect("hex is ASCII")).collect::<Vec<_>>().join(" ")
}

/// The fingerprint as PGP words.
pub fn words(fingerprint: &sequoia_openpgp::Fingerprint) -> String {
    crate::words::to_phrase(fingerprint.as_bytes())
}

/// The text a QR code carries for `hex`.
pub fn qr_payload(hex: &str) -> String {
    format!("OPENPGP4FPR:{}", hex.to_ascii_uppercase())
}

fn qr_code(hex: &str) -> QrCode {
    QrCode::with_error_correction_level(qr_payload(hex), EcLevel::M).expect("a fingerprint fits in a QR code")
}

/// A QR code drawn with Unicode half blocks, for a terminal.
pub fn qr_terminal(hex: &str) -> String {
    qr_code(hex)
        .render::<unicode::Dense1x2>()
        .dark_color(unicode::Dense1x2::Light)
        .light_color(unicode::Dense1x2::Dark)
        .quiet_zone(true)
        .build()
}

/// A QR code as an SVG document, for printing.
pub fn qr_svg(hex: &str) -> String {
    qr_code(hex)
        .render()
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_groups_of_four() {
        let g = hex_groups("E58294F2E9A227486E8B061B31CC528FD7FA3F19");
        assert_eq!(g, "E582 94F2 E9A2 2748 6E8B 061B 31CC 528F D7FA 3F19");
        assert_eq!(g.split(' ').count(), 10);
    }

    #[test]
    fn qr_codes_carry_the_openkeychain_uri() {
        assert_eq!(qr_payload("e58294f2"), "OPENPGP4FPR:E58294F2");
        assert!(qr_svg("E58294F2E9A227486E8B061B31CC528FD7FA3F19").starts_with("<?xml"));
        assert!(qr_terminal("E58294F2E9A227486E8B061B31CC528FD7FA3F19").lines().count() > 10);
    }
}
