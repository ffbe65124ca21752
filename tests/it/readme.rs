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
                 run: UPDATE_README=1 cargo test --test readme"
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
