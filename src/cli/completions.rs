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

/// The completion script for `shell`: clap's, without the flags that do nothing
/// offline (hidden from help, and so from completion), and, for bash, completing names
/// from the store.
pub fn script(shell: Shell) -> String {
    let mut cmd = super::extra::command();
    cmd.build();
    let hidden: Vec<String> = cmd
        .get_subcommands()
        .chain(std::iter::once(&cmd))
        .flat_map(|c| c.get_arguments())
        .filter(|a| a.is_hide_set())
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "sfn", &mut out);
    let text = String::from_utf8_lossy(&out);
    let text = without_hidden(&text, shell, &hidden);
    if shell == Shell::Bash {
        with_store_names(&text)
    } else {
        text
    }
}

/// `text` without the completions of the `hidden` flags.
fn without_hidden(text: &str, shell: Shell, hidden: &[String]) -> String {
    let offers = |line: &str, flag: &str| match shell {
        Shell::Zsh => line.contains(&format!("'{flag}=[")) || line.contains(&format!("'{flag}[")),
        Shell::PowerShell => line.contains(&format!("::new('{flag}',")),
        Shell::Elvish => line.trim_start().starts_with(&format!("cand {flag} ")),
        Shell::Fish => line.contains(&format!(" -l {} ", &flag[2..])),
        _ => false,
    };
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if shell == Shell::Bash && line.trim_start().starts_with("opts=\"") {
            let kept: Vec<&str> = line
                .split(' ')
                .filter(|word| !hidden.iter().any(|h| h == word))
                .collect();
            out.push_str(&kept.join(" "));
        } else if hidden.iter().any(|flag| offers(line, flag)) {
            continue;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Bash: state machine and execution names and ARNs, and test cases, come from the store
/// (`sfn __complete`); ARNs complete whole although bash splits words at `:`.
const BASH_STORE_NAMES: &str = r#"
# Names from the store: sfn __complete KIND PREFIX lists them.
_sfn_store() {
    # Words as typed (bash also splits them at `:`, which cuts ARNs apart).
    local line="${COMP_LINE:0:COMP_POINT}" cur="" prev="" sub="" kind="" w
    local -a words
    read -ra words <<< "$line"
    if [[ "$line" == *[[:space:]] ]]; then
        words+=("")
    fi
    cur="${words[${#words[@]}-1]}"
    if (( ${#words[@]} > 1 )); then
        prev="${words[${#words[@]}-2]}"
    fi
    for w in "${words[@]:1:${#words[@]}-2}"; do
        case "$w" in -*) ;; *) [[ -z "$sub" ]] && sub="$w" ;; esac
    done
    case "$prev" in
        --state-machine-arn|--resource-arn) kind=machine-arns ;;
        --execution-arn) kind=execution-arns ;;
        --test-case) kind=test-cases ;;
        --output) COMPREPLY=( $(compgen -W "json text table" -- "$cur") ); return 0 ;;
    esac
    if [[ -z "$kind" && "$cur" != -* && "$prev" != -* ]]; then
        case "$sub" in
            history|watch) kind=executions ;;
            ls) kind=machines ;;
            run|graph) kind=machines ;;
        esac
    fi
    if [[ -z "$kind" ]]; then
        _sfn "$@"
        return
    fi
    local IFS=$'
'
    COMPREPLY=( $(sfn __complete "$kind" "$cur" 2>/dev/null) )
    # `sfn run` and `sfn graph` take files too.
    if [[ "$sub" == run || "$sub" == graph ]]; then
        COMPREPLY+=( $(compgen -f -- "$cur") )
    fi
    # Bash replaces only the part after the last `:`: offer that part.
    if [[ "$cur" == *:* && "$COMP_WORDBREAKS" == *:* ]]; then
        local colon="${cur%"${cur##*:}"}" i
        for i in "${!COMPREPLY[@]}"; do COMPREPLY[$i]="${COMPREPLY[$i]#"$colon"}"; done
    fi
    return 0
}
"#;

fn with_store_names(text: &str) -> String {
    let text = text.replace("complete -F _sfn ", "complete -F _sfn_store ");
    // Before the `complete` lines at the end.
    match text.find("\nif [[ \"${BASH_VERSINFO[0]}\" -eq 4") {
        Some(at) => format!("{}{BASH_STORE_NAMES}{}", &text[..at], &text[at..]),
        None => format!("{text}{BASH_STORE_NAMES}"),
    }
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
