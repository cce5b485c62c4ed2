//! `sfn completions SHELL`: shell completions generated from the clap definitions (every
//! AWS operation and flag, and our own commands). The generated files are committed in
//! `completions/`; a test fails when they are out of date.
use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgMatches, Command};
use clap_complete::{Generator, Shell};

use super::Failure;

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

pub fn command() -> Command {
    Command::new("completions")
        .about("Print shell completions for sfn")
        .long_about(
            "Prints the completion script for SHELL on stdout. For bash: \
             `sfn completions bash > ~/.local/share/bash-completion/completions/sfn`; for zsh, \
             write `_sfn` into a directory of your $fpath; for fish: \
             `sfn completions fish > ~/.config/fish/completions/sfn.fish`.",
        )
        .arg(
            Arg::new("shell")
                .value_name("SHELL")
                .required(true)
                .value_parser(PossibleValuesParser::new([
                    "bash",
                    "zsh",
                    "fish",
                    "powershell",
                    "elvish",
                ]))
                .help("The shell to complete for"),
        )
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut cmd = super::extra::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "sfn", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The file name the script is committed under in `completions/` (`sfn.bash`, `_sfn`...).
pub fn file_name(shell: Shell) -> String {
    shell.file_name("sfn")
}

pub(super) fn run(m: &ArgMatches) -> Result<String, Failure> {
    let name = m
        .get_one::<String>("shell")
        .map(String::as_str)
        .unwrap_or("");
    let shell: Shell = name
        .parse()
        .map_err(|_| Failure::Parameter(format!("sfn completions: unknown shell {name}")))?;
    Ok(script(shell))
}
