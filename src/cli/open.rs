//! `carepost open`: the arguments for opening an encrypted file or a
//! received email (.eml).

use super::parse_retain;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The encrypted file (.pgp, .gpg or .asc), or a received email (.eml)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Folder for the document (default: the home's inbox)
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Refuse documents not signed by a verified contact
    #[arg(long)]
    pub require_verified_sender: bool,
    /// Largest document to write, e.g. 500M or 4G (default: 100 times the
    /// encrypted file, at least 1G)
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,
    /// Keep the document this long (e.g. 30d) instead of the retention
    /// for its kind
    #[arg(long, value_name = "DURATION", value_parser = parse_retain)]
    pub retain: Option<std::time::Duration>,
    /// Show the document in a viewer without saving it; the copy is
    /// deleted when the viewer closes or after the `view` retention
    #[arg(long, conflicts_with_all = ["output_dir", "sealed"])]
    pub view: bool,
    /// Keep the document encrypted under its own key; expiry destroys the
    /// key (use `carepost export ID` to read it)
    #[arg(long, conflicts_with = "output_dir")]
    pub sealed: bool,
    /// For an email that is not encrypted: save its attachments anyway
    #[arg(long)]
    pub accept_unencrypted: bool,
    /// For an email with an Autocrypt header: add its key as the new,
    /// unverified contact ALIAS
    #[arg(long, value_name = "ALIAS")]
    pub add_autocrypt: Option<String>,
}

/// Parses `123`, `64K`, `500M`, `4G` (binary units).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
    let number: u64 = digits.parse().map_err(|_| carepost::tr!("value-bad-size", given = text))?;
    let factor: u64 = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        "T" => 1 << 40,
        _ => return Err(carepost::tr!("value-bad-size", given = text)),
    };
    match number.checked_mul(factor) {
        Some(0) | None => Err(carepost::tr!("value-unusable-size", given = text)),
        Some(n) => Ok(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("123"), Ok(123));
        assert_eq!(parse_size("64K"), Ok(65536));
        assert_eq!(parse_size("500M"), Ok(500 << 20));
        assert_eq!(parse_size("4GiB"), Ok(4 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5X").is_err());
    }
}
