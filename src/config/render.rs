//! `Config` back to TOML, for `cpconf config`.

use super::Config;

impl Config {
    /// The config as a TOML text that parses back to the same config.
    pub fn to_toml(&self) -> Result<String, String> {
        toml::to_string(self).map_err(|e| format!("cannot write the config as TOML: {e}"))
    }
}
