//! The AWS CLI's shared config file (`~/.aws/config`, or `AWS_CONFIG_FILE`) and named
//! profiles, read as botocore reads them: an INI file whose `[default]` and
//! `[profile NAME]` sections are profiles. Only the settings `sfn` uses are taken from it
//! (`region`, `output`, `cli_timestamp_format`); the credentials file is never read.
use std::collections::HashMap;
use std::path::PathBuf;

/// One profile's settings (keys as written, values trimmed).
pub type Profile = HashMap<String, String>;

/// The profiles of a config file, by name.
#[derive(Debug, Default)]
pub struct ConfigFile {
    profiles: HashMap<String, Profile>,
}

impl ConfigFile {
    /// Reads the file at `path`; a missing or unreadable file has no profiles, as in
    /// botocore.
    pub fn load(path: &std::path::Path) -> ConfigFile {
        match std::fs::read_to_string(path) {
            Ok(text) => ConfigFile::parse(&text),
            Err(_) => ConfigFile::default(),
        }
    }

    /// Parses INI text as Python's `configparser` does for this file: `[section]`
    /// headers, `key = value` or `key: value`, `#`/`;` comment lines, indented lines
    /// continuing the value above (nested settings such as `s3 =`).
    pub fn parse(text: &str) -> ConfigFile {
        let mut sections: Vec<(String, Profile)> = Vec::new();
        let mut last_key: Option<String> = None;
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            let indented = line.starts_with([' ', '\t']);
            if indented && last_key.is_some() && !sections.is_empty() {
                // A continuation line belongs to the value above; sfn reads none of them.
                continue;
            }
            if let Some(name) = trimmed
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
            {
                sections.push((name.trim().to_string(), Profile::new()));
                last_key = None;
                continue;
            }
            let Some((_, section)) = sections.last_mut() else {
                continue;
            };
            let split = trimmed.find(['=', ':']);
            let (key, value) = match split {
                Some(i) => (trimmed[..i].trim(), trimmed[i + 1..].trim()),
                None => (trimmed, ""),
            };
            let key = key.to_lowercase();
            section.insert(key.clone(), value.to_string());
            last_key = Some(key);
        }
        let mut profiles = HashMap::new();
        for (name, values) in sections {
            if name == "default" {
                profiles.insert(name, values);
            } else if let Some(rest) = name.strip_prefix("profile") {
                // botocore splits the header shell-style: `profile name` or
                // `profile "name"`; anything else is not a profile.
                let name = rest.trim();
                let quoted = name.len() >= 2 && name.starts_with('"') && name.ends_with('"');
                if !rest.starts_with(char::is_whitespace) || name.is_empty() {
                    continue;
                }
                if quoted {
                    profiles.insert(name[1..name.len() - 1].to_string(), values);
                } else if !name.contains(char::is_whitespace) {
                    profiles.insert(name.to_string(), values);
                }
            }
        }
        ConfigFile { profiles }
    }

    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }
}

/// Where the config file is: `AWS_CONFIG_FILE` (with `~` expanded), else
/// `~/.aws/config`.
pub fn path(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    match env("AWS_CONFIG_FILE") {
        Some(p) => Some(expand_home(&p)),
        None => dirs::home_dir().map(|h| h.join(".aws").join("config")),
    }
}

fn expand_home(path: &str) -> PathBuf {
    match path.strip_prefix("~/") {
        Some(rest) => match dirs::home_dir() {
            Some(home) => home.join(rest),
            None => PathBuf::from(path),
        },
        None => PathBuf::from(path),
    }
}

/// How response timestamps are printed (`cli_timestamp_format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimestampFormat {
    /// ISO 8601 in the local time zone, as Python's `isoformat()` writes it (the
    /// AWS CLI v2 default).
    #[default]
    Iso8601,
    /// As the service sends it: seconds since the epoch.
    Wire,
}

impl TimestampFormat {
    pub fn parse(s: &str) -> Option<TimestampFormat> {
        match s {
            "iso8601" => Some(TimestampFormat::Iso8601),
            // botocore still takes `none`, the v1 spelling of `wire`.
            "wire" | "none" => Some(TimestampFormat::Wire),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_and_named_profiles() {
        let cfg = ConfigFile::parse(
            "# comment\n[default]\nregion = eu-west-1\noutput=text\n\n\
             [profile dev]\nregion: ap-south-1\ns3 =\n  max_concurrent_requests = 10\n\
             cli_timestamp_format = wire\n[sso-session x]\nregion = nope\n[profile]\nregion = bad\n",
        );
        let default = cfg.profile("default").unwrap();
        assert_eq!(default["region"], "eu-west-1");
        assert_eq!(default["output"], "text");
        let dev = cfg.profile("dev").unwrap();
        assert_eq!(dev["region"], "ap-south-1");
        assert_eq!(dev["cli_timestamp_format"], "wire");
        assert!(!dev.contains_key("max_concurrent_requests"));
        assert!(cfg.profile("x").is_none());
        assert!(cfg.profile("sso-session x").is_none());
    }

    #[test]
    fn quoted_profile_names() {
        let cfg = ConfigFile::parse(
            "[profile \"my team\"]\nregion = x\n[profile \"qa\"]\nregion = y\n[profile a b]\nregion = z\n",
        );
        assert!(cfg.profile("a").is_none() && cfg.profile("a b").is_none());
        assert_eq!(cfg.profile("my team").unwrap()["region"], "x");
        assert_eq!(cfg.profile("qa").unwrap()["region"], "y");
    }
}
