//! `sfn man DIR`: man pages generated from the clap definitions, one for `sfn` and one per
//! subcommand (`sfn-start-execution.1`...). They are committed in `man/`; a test fails
//! when they are out of date.
use std::path::PathBuf;

use clap::{Arg, ArgMatches, Command};

use super::Failure;

pub fn command() -> Command {
    Command::new("man")
        .about("Write man pages for sfn and each of its commands into a directory")
        .arg(
            Arg::new("dir")
                .value_name("DIR")
                .required(true)
                .help("Directory to write the pages into (created if missing)"),
        )
}

/// Every page: (file name, roff text). `sfn.1` first, then one per visible subcommand.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = super::extra::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    let render = |page: clap_mangen::Man| {
        let mut text = Vec::new();
        // Rendering into memory cannot fail.
        let _ = page.render(&mut text);
        (page.get_filename(), text)
    };
    let (name, mut text) = render(clap_mangen::Man::new(cmd.clone()));
    text.extend_from_slice(super::help::man_sections().as_bytes());
    pages.push((name, text));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages.push(command_page(sub));
    }
    pages
}

/// A command's page: clap's sections, its examples (the `Examples:` of its help) under
/// EXAMPLES, then ENVIRONMENT and EXIT STATUS as in sfn(1).
fn command_page(sub: &Command) -> (String, Vec<u8>) {
    let page = clap_mangen::Man::new(sub.clone());
    let mut text = Vec::new();
    // Rendering into memory cannot fail.
    let _ = page.render_title(&mut text);
    let _ = page.render_name_section(&mut text);
    let _ = page.render_synopsis_section(&mut text);
    let _ = page.render_description_section(&mut text);
    let _ = page.render_options_section(&mut text);
    if sub.has_subcommands() {
        let _ = page.render_subcommands_section(&mut text);
    }
    let after = sub
        .get_after_long_help()
        .or_else(|| sub.get_after_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    match after.strip_prefix("Examples:\n") {
        Some(examples) => {
            let mut section = String::from(".SH EXAMPLES\n.nf\n");
            for line in examples.lines() {
                section.push_str(&super::help::roff_escape(line.trim_start()));
                section.push('\n');
            }
            section.push_str(".fi\n");
            text.extend_from_slice(section.as_bytes());
        }
        None if !after.is_empty() => {
            let _ = page.render_extra_section(&mut text);
        }
        None => {}
    }
    text.extend_from_slice(super::help::man_environment_and_exit_status().as_bytes());
    (page.get_filename(), text)
}

pub(super) fn run(m: &ArgMatches) -> Result<String, Failure> {
    let dir = PathBuf::from(m.get_one::<String>("dir").cloned().unwrap_or_default());
    std::fs::create_dir_all(&dir)
        .map_err(|e| Failure::Other(format!("sfn man: cannot create {}: {e}", dir.display())))?;
    let mut written = String::new();
    for (name, text) in pages() {
        let path = dir.join(&name);
        std::fs::write(&path, text).map_err(|e| {
            Failure::Other(format!("sfn man: cannot write {}: {e}", path.display()))
        })?;
        written.push_str(&format!("{}\n", path.display()));
    }
    Ok(written)
}
