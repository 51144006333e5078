//! `carepost open`: the arguments for opening an encrypted file or a
//! received email (.eml).

use super::parse_retain;
use carepost::tr;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct OpenArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    #[arg(long)]
    pub require_verified_sender: bool,
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,
    #[arg(long, value_name = "DURATION", value_parser = parse_retain)]
    pub retain: Option<std::time::Duration>,
    #[arg(long, conflicts_with_all = ["output_dir", "sealed"])]
    pub view: bool,
    #[arg(long, conflicts_with = "output_dir")]
    pub sealed: bool,
    #[arg(long)]
    pub accept_unencrypted: bool,
    #[arg(long, value_name = "ALIAS")]
    pub add_autocrypt: Option<String>,
    #[arg(long, conflicts_with = "password_file")]
    pub password: bool,
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
}

/// Parses `123`, `64K`, `500M`, `4G` (binary units).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
    let number: u64 = digits.parse().map_err(|_| tr!("cli-error-not-a-size", text = text))?;
    let factor: u64 = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        "T" => 1 << 40,
        _ => return Err(tr!("cli-error-not-a-size", text = text)),
    };
    match number.checked_mul(factor) {
        Some(0) | None => Err(tr!("cli-error-unusable-size", text = text)),
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
