//! The README's key table is generated from the one key table in the code
//! (`app::keymap`), so the help, the status bar and the README agree.

const START: &str = "<!-- keys:start -->\n";
const END: &str = "<!-- keys:end -->";

#[test]
fn readme_key_table_is_the_keymap() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let table = cpconf::app::keymap::markdown_table();
    let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the {START:?} / {END:?} markers");
    };
    let current = &readme[a + START.len()..b];
    if current != table {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{START}{table}{}", &readme[..a], &readme[b..]);
            std::fs::write("README.md", updated).expect("write README.md");
        } else {
            panic!(
                "README.md's key table differs from src/app/keymap.rs; \
                 run: UPDATE_README=1 cargo test --lib it::readme"
            );
        }
    }
}

#[test]
fn readme_names_every_command() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for cmd in [
        "cpconf new",
        "cpconf open",
        "cpconf view",
        "cpconf list",
        "cpconf demo",
        "cpconf present",
        "cpconf dates",
        "--dir",
        "CPCONF_SESSIONS",
        "cpconf config",
        "--config",
        "config.example.toml",
    ] {
        assert!(readme.contains(cmd), "README.md does not mention `{cmd}`");
    }
}

/// "Layout of the code" names every source file: a top-level file by its
/// path (`src/census.rs`), a file in a folder by its path inside the
/// folder (`update/change.rs`) in that folder's entry (`- `src/app/``).
#[test]
fn readme_layout_names_every_module() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme
        .find("## Layout of the code")
        .expect("README.md has a \"Layout of the code\" section");
    let layout = &readme[start..];
    let layout = &layout[..layout[3..].find("\n## ").map_or(layout.len(), |i| i + 3)];
    // One entry per top-level bullet, with its wrapped lines and sub-bullets.
    let entries: Vec<&str> = layout.split("\n- ").skip(1).collect();
    let mut missing = Vec::new();
    for file in source_files(std::path::Path::new("src")) {
        let path = file.to_string_lossy().replace('\\', "/");
        let rest = path.strip_prefix("src/").expect("under src/");
        let named = match rest.split_once('/') {
            None => layout.contains(&format!("`{path}`")),
            Some((folder, inside)) => entries.iter().any(|e| {
                e.starts_with(&format!("`src/{folder}/`")) && e.contains(&format!("`{inside}`"))
            }),
        };
        if !named {
            missing.push(path);
        }
    }
    assert!(
        missing.is_empty(),
        "README.md's \"Layout of the code\" does not name: {missing:?}"
    );
}

/// The layout's rules that imports show: `model/` uses no other module of
/// ours outside its tests, and the layers that once reached up no longer
/// do (`crypt/` wrote through `storage/`, which encrypts through `crypt/`;
/// `storage/` read receipts from `retention`).
#[test]
fn the_layout_rules_hold_in_the_imports() {
    // (folder, what its code outside tests must not name)
    let rules: [(&str, &[&str]); 4] = [
        (
            "src/model",
            &[
                "crate::app",
                "crate::ui",
                "crate::storage",
                "crate::dates",
                "crate::config",
                "crate::export",
                "crate::runtime",
                "crate::crypt",
                "crate::keys",
            ],
        ),
        (
            "src/dates",
            &["crate::config", "crate::storage", "crate::app"],
        ),
        (
            "src/crypt",
            &["crate::storage", "crate::keys", "crate::retention"],
        ),
        (
            "src/storage",
            &["crate::retention", "crate::keys", "crate::app"],
        ),
    ];
    let mut broken = Vec::new();
    for (folder, banned) in rules {
        for file in source_files(std::path::Path::new(folder)) {
            let text = std::fs::read_to_string(&file).expect("a source file");
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for name in banned {
                if code.contains(name) {
                    broken.push(format!("{} names {name}", file.display()));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "imports that break the layout: {broken:?}"
    );
}

fn source_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src/") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            out.extend(source_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}
