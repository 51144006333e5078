//! `carepost contact sources [--set LIST]`: where and in which order
//! `contact find` (and adding or refreshing by email) looks for keys.

use crate::cli::contact::ContactSourcesArgs;
use crate::ui::Output;
use carepost::lookup;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct SourceJson {
    code: String,
    kind: &'static str,
    url: String,
    label: String,
}

pub fn run(ctx: &mut Context<'_>, args: ContactSourcesArgs, out: &Output) -> Result<(), Error> {
    if let Some(list) = &args.set {
        let sources = lookup::parse_sources(list)?;
        lookup::set_sources(ctx, &sources)?;
    }
    let sources = lookup::configured_sources(ctx)?;
    let json: Vec<SourceJson> = sources
        .iter()
        .map(|s| SourceJson { code: s.code(), kind: s.kind.code(), url: s.url.clone(), label: s.label() })
        .collect();
    out.result(&serde_json::json!({ "sources": json }), |w| {
        if args.set.is_some() {
            writeln!(w, "{}", tr!("sources-stored"))?;
        }
        writeln!(w, "{}", tr!("sources-order"))?;
        for (i, source) in sources.iter().enumerate() {
            writeln!(w, "  {}. {}  ({})", i + 1, source.label(), source.code())?;
        }
        writeln!(w, "{}", tr!("sources-how-to-set"))
    })
}
