//! The shape of the code, as docs/design.md describes it: the library's
//! top-level modules call each other in one direction only (no import
//! cycles), and so do the modules of `mail` and the command modules of the
//! binary; no file grows past the size at which it starts to mix concerns.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The size past which a module is split; see docs/design.md.
const MAX_LINES: usize = 600;

/// Files allowed past [`MAX_LINES`] because they are one concern.
const ONE_CONCERN: &[&str] = &[
    // Every failure with its message, hint and exit status: one list.
    "crates/carepost/src/error.rs",
    // Grown past the limit with the password path for patients without a
    // key; each is due to be split by concern (the contact model from its
    // storage, the schema's migrations from its queries, the mail gate's
    // PGP/MIME check from its password-mail check, the password send's
    // preparation from its commit, the catalogue loading from formatting).
    "crates/carepost/src/contacts.rs",
    "crates/carepost/src/store.rs",
    "crates/carepost/src/mail/gate.rs",
    "crates/carepost/src/send_by_password.rs",
    "crates/carepost/src/i18n/mod.rs",
];

/// The code of a file without its unit tests and comments: what it uses.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The identifiers that follow `prefix` in `code`: `crate::audit::record`
/// gives `audit`, and `crate::{audit, store::Store}` gives both.
fn names_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].chars().next_back().is_some_and(is_ident_char) {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The first name of every item at the group's own depth.
            let mut depth = 0;
            let mut current = String::new();
            let mut taking = true;
            for c in group.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        taking = false;
                    }
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        if !current.is_empty() {
                            names.insert(std::mem::take(&mut current));
                        }
                        taking = true;
                    }
                    c if depth == 0 && taking && is_ident_char(c) => current.push(c),
                    _ if depth == 0 && !current.is_empty() => taking = false,
                    _ => {}
                }
            }
            if !current.is_empty() {
                names.insert(current);
            }
        } else {
            let first: String = rest.chars().take_while(|&c| is_ident_char(c)).collect();
            if !first.is_empty() {
                names.insert(first);
            }
        }
    }
    names
}

/// Top-level modules of a crate rooted at `src`, each with the modules it
/// uses: `crate::x` names module `x`; a re-exported item (`crate::Context`)
/// names the module it comes from, as `lib.rs` says.
fn module_graph(src: &Path, root_file: &str) -> BTreeMap<String, BTreeSet<String>> {
    let lib = std::fs::read_to_string(src.join(root_file)).unwrap();
    let mut reexports = BTreeMap::new();
    for line in lib.lines().filter_map(|l| l.trim().strip_prefix("pub use ")) {
        let (module, items) = line.split_once("::").unwrap_or((line, ""));
        for item in items.split(|c: char| !is_ident_char(c)).filter(|s| !s.is_empty()) {
            reexports.insert(item.to_owned(), module.to_owned());
        }
    }
    let mut files = Vec::new();
    common::rust_files(src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(src).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs").to_owned();
        if module == root_file.trim_end_matches(".rs") {
            continue;
        }
        let uses = graph.entry(module.clone()).or_default();
        for name in names_after(&code_of(file), "crate::") {
            let target = reexports.get(&name).cloned().unwrap_or(name);
            if target != module {
                uses.insert(target);
            }
        }
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|m| modules.contains(m));
    }
    graph
}

/// A cycle in `graph`, as the path that closes it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_library_modules_call_each_other_in_one_direction() {
    let graph = module_graph(&common::workspace_root().join("crates/carepost/src"), "lib.rs");
    assert!(graph.len() > 20, "the library's modules were not found: {graph:?}");
    // The walk must see edges that are known to exist.
    assert!(graph["audit"].contains("context"), "{:?}", graph["audit"]);
    assert!(graph["context"].contains("audit_log"), "{:?}", graph["context"]);
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between library modules: {}", cycle.join(" -> "));
    }
}

/// The modules inside the folder `dir`, each with the sibling modules it
/// uses: through `prefix` (`crate::commands::`), or `super::` from a file
/// directly in `dir`, `super::super::` from one a folder deeper.
fn sibling_graph(dir: &Path, prefix: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    common::rust_files(dir, &mut files);
    for file in &files {
        let relative = file.strip_prefix(dir).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs").to_owned();
        if module == "mod" {
            continue;
        }
        let code = code_of(file);
        let nested = relative.components().count() > 1;
        let mut names = names_after(&code, prefix);
        names.extend(names_after(&code, if nested { "super::super::" } else { "super::" }));
        let uses = graph.entry(module.clone()).or_default();
        uses.extend(names.into_iter().filter(|n| *n != module));
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for uses in graph.values_mut() {
        uses.retain(|m| modules.contains(m));
    }
    graph
}

#[test]
fn command_modules_do_not_call_each_other_back() {
    let graph = sibling_graph(&common::workspace_root().join("src/commands"), "crate::commands::");
    assert!(graph.contains_key("open") && graph.contains_key("contact"), "{graph:?}");
    assert!(graph["open"].contains("present"), "{:?}", graph["open"]);
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between command modules: {}", cycle.join(" -> "));
    }
}

#[test]
fn mail_modules_do_not_call_each_other_back() {
    let graph = sibling_graph(&common::workspace_root().join("crates/carepost/src/mail"), "crate::mail::");
    assert!(graph["compose"].contains("header"), "{:?}", graph["compose"]);
    assert!(graph["parse"].contains("skeleton"), "{:?}", graph["parse"]);
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle between mail modules: {}", cycle.join(" -> "));
    }
}

#[test]
fn no_file_mixes_concerns_past_the_size_limit() {
    let mut files = Vec::new();
    common::rust_files(&common::workspace_root().join("crates/carepost/src"), &mut files);
    common::rust_files(&common::workspace_root().join("src"), &mut files);
    let mut too_long = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(common::workspace_root()).unwrap().to_string_lossy().replace('\\', "/");
        let lines = std::fs::read_to_string(file).unwrap().lines().count();
        if lines > MAX_LINES && !ONE_CONCERN.contains(&relative.as_str()) {
            too_long.push(format!("{relative}: {lines} lines"));
        }
    }
    assert!(files.len() > 50, "the sources were not found");
    assert!(too_long.is_empty(), "split these by concern (docs/design.md): {too_long:#?}");
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec![])]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
            .collect();
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let acyclic: BTreeMap<String, BTreeSet<String>> = [("a", vec!["b"]), ("b", vec![])]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
        .collect();
    assert_eq!(find_cycle(&acyclic), None);
    assert_eq!(
        names_after(
            "use crate::{audit::{self, Event}, store::Store};\nlet x = crate::context::Context::new();",
            "crate::"
        ),
        ["audit", "context", "store"].into_iter().map(str::to_owned).collect()
    );
}

/// The binary's files that may build a network client: only the commands
/// that find, fetch or publish keys. Every other command stays offline.
const NETWORK_COMMANDS: &[&str] =
    &["src/commands/contact/find.rs", "src/commands/contact/add.rs", "src/commands/contact/refresh.rs"];

#[test]
fn only_key_discovery_commands_go_on_the_network() {
    let root = common::workspace_root();
    let mut files = Vec::new();
    common::rust_files(&root.join("src"), &mut files);
    let mut offenders = Vec::new();
    let mut users = 0;
    for file in &files {
        let relative = file.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let code = code_of(file);
        let builds_client = code.contains("Client::new") || code.contains("net::Client");
        if !builds_client {
            continue;
        }
        users += 1;
        let allowed = NETWORK_COMMANDS.contains(&relative.as_str()) || relative.starts_with("src/commands/publish");
        if !allowed {
            offenders.push(relative);
        }
    }
    assert!(users >= 1, "contact find builds a client; the check found none");
    assert!(offenders.is_empty(), "network access outside key discovery: {offenders:?}");
    // In the library, only the lookup and publishing code uses the client.
    let mut lib_files = Vec::new();
    common::rust_files(&root.join("crates/carepost/src"), &mut lib_files);
    for file in &lib_files {
        let relative = file.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let code = code_of(file);
        if code.contains("ureq::") && !relative.starts_with("crates/carepost/src/net/") {
            offenders.push(relative);
        }
    }
    assert!(offenders.is_empty(), "HTTP outside crates/carepost/src/net: {offenders:?}");
}
