//! `carepost export-key`: writes your public key, to give to contacts.

use crate::cli::export_key::ExportKeyArgs;
use crate::ui::Output;
use carepost::safe::Safe;
use carepost::{home, tr, Context, Error};
use std::io::Write;

pub fn run(ctx: &mut Context<'_>, args: ExportKeyArgs, out: &Output) -> Result<(), Error> {
    let identity = ctx.identity()?;
    let armored = identity.export_armored()?;
    match &args.output {
        Some(path) => {
            // Name the missing folder, not the temporary file beside the key.
            match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
                    return Err(Error::OutputDir(parent.to_path_buf()));
                }
                _ => {}
            }
            home::write_atomic(path, &armored, false)?;
            let result = serde_json::json!({
                "output": path,
                "fingerprint": identity.fingerprint_hex(),
            });
            out.result(&result, |w| {
                writeln!(w, "{}", tr!("export-written", path = Safe(path.display().to_string()).to_string()))
            })
        }
        None if out.json => {
            let result = serde_json::json!({
                "fingerprint": identity.fingerprint_hex(),
                "key": String::from_utf8_lossy(&armored),
            });
            out.result(&result, |_| Ok(()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&armored).and_then(|()| stdout.flush()).map_err(|e| Error::io("io-write", "<stdout>", e))
        }
    }
}
