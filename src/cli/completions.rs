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
/// offline (hidden from help, and so from completion), completing names from the store,
/// `--output` values and `file://` paths (`sfn __complete`).
pub fn script(shell: Shell) -> String {
    let mut cmd = super::extra::command();
    cmd.build();
    let mut hidden: Vec<String> = cmd
        .get_subcommands()
        .chain(std::iter::once(&cmd))
        .flat_map(|c| c.get_arguments())
        .filter(|a| a.is_hide_set())
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    // Hidden commands too (`__complete`, which the scripts call).
    hidden.extend(
        cmd.get_subcommands()
            .filter(|c| c.is_hide_set())
            .map(|c| c.get_name().to_string()),
    );
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "sfn", &mut out);
    let text = String::from_utf8_lossy(&out);
    let text = without_hidden(&text, shell, &hidden);
    match shell {
        Shell::Bash => with_store_names(&text),
        Shell::Zsh => zsh_with_store_names(&text),
        Shell::Fish => fish_with_store_names(&text),
        Shell::PowerShell => powershell_with_store_names(&text),
        Shell::Elvish => elvish_with_store_names(&text),
        _ => text,
    }
}

/// Zsh: clap's `_sfn` becomes `_sfn_clap`, called when `sfn __complete words` has
/// nothing to offer for the word.
const ZSH_STORE_NAMES: &str = r#"
# Names and ARNs from the store, `--output` values and `file://` paths: `sfn __complete
# words` prints them for the word being completed (nothing: complete as usual). Candidates
# are added whole: an ARN's colons are no word breaks here.
_sfn() {
    local -a given offered dirs
    local w
    for w in "${(@)words[2,CURRENT-1]}" "$PREFIX"; do
        given+=(":$w")
    done
    offered=("${(@f)$(sfn __complete words "${(@)given}" 2>/dev/null)}")
    offered=(${offered:#})
    if (( ${#offered} )); then
        dirs=(${(M)offered:#*/})
        offered=(${offered:#*/})
        (( ${#dirs} )) && compadd -S '' -a dirs
        (( ${#offered} )) && compadd -a offered
        return 0
    fi
    _sfn_clap "$@"
}

"#;

fn zsh_with_store_names(text: &str) -> String {
    let text = text.replacen("\n_sfn() {\n", "\n_sfn_clap() {\n", 1);
    match text.find("\nif [ \"$funcstack[1]\" = \"_sfn\" ]") {
        Some(at) => format!("{}{ZSH_STORE_NAMES}{}", &text[..at], &text[at..]),
        None => format!("{text}{ZSH_STORE_NAMES}"),
    }
}

/// Fish: one more rule, whose condition asks `sfn __complete words` and whose candidates
/// are its answer; it takes no files, so only the answer shows when there is one.
const FISH_STORE_NAMES: &str = r#"
# Names and ARNs from the store, `--output` values and `file://` paths: `sfn __complete
# words` prints them for the token being completed (nothing: complete as usual).
function __sfn_store_values
    set -l given
    for w in (commandline -opc)[2..-1] (commandline -ct)
        set -a given ":$w"
    end
    sfn __complete words $given 2>/dev/null
end
function __sfn_store_has
    set -g __sfn_store_offered (__sfn_store_values)
    test (count $__sfn_store_offered) -gt 0
end
complete -c sfn -f -n __sfn_store_has -a '(printf "%s\n" $__sfn_store_offered)'
"#;

fn fish_with_store_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + FISH_STORE_NAMES.len());
    for line in text.lines() {
        out.push_str(line);
        // An option's value: what `sfn __complete words` offers, not fish's file names
        // (which it would complete after an ARN's last colon).
        if line.starts_with("complete -c sfn ") && line.ends_with(" -r") {
            out.push_str(" -f -a '(__sfn_store_values)'");
        }
        out.push('\n');
    }
    out.push_str(FISH_STORE_NAMES);
    out
}

/// PowerShell: before clap's candidates, those of `sfn __complete words`.
const POWERSHELL_STORE_NAMES: &str = r#"
    # Names and ARNs from the store, `--output` values and `file://` paths: `sfn
    # __complete words` prints them for the word being completed (nothing: as usual).
    $typed = @($commandElements | Select-Object -Skip 1 |
        Where-Object { $_.Extent.EndOffset -le $cursorPosition } |
        ForEach-Object { ':' + $_.ToString() })
    if ($wordToComplete -eq '') { $typed += ':' }
    $offered = @(& sfn __complete words @typed 2>$null)
    if ($offered.Count -gt 0) {
        return $offered | ForEach-Object {
            [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, $_)
        }
    }
"#;

fn powershell_with_store_names(text: &str) -> String {
    match text.find("\n    $completions = @(switch ($command) {") {
        Some(at) => format!(
            "{}\n{}{}",
            &text[..at],
            POWERSHELL_STORE_NAMES.trim_end(),
            &text[at..]
        ),
        None => text.to_string(),
    }
}

/// Elvish: before clap's candidates, those of `sfn __complete words`.
const ELVISH_STORE_NAMES: &str = r#"
    # Names and ARNs from the store, `--output` values and `file://` paths: `sfn
    # __complete words` prints them for the word being completed (nothing: as usual).
    var offered = []
    try {
        set offered = [(sfn __complete words (each {|w| put ':'$w } $words[1..]) 2>/dev/null)]
    } catch {
    }
    if (> (count $offered) 0) {
        for c $offered {
            if (str:has-suffix $c /) {
                edit:complex-candidate $c &code-suffix=''
            } else {
                put $c
            }
        }
    } else {
        $completions[$command]
    }
"#;

fn elvish_with_store_names(text: &str) -> String {
    match text.rfind("\n    $completions[$command]\n") {
        Some(at) => format!(
            "{}\n{}{}",
            &text[..at],
            ELVISH_STORE_NAMES.trim_end(),
            &text[at + "\n    $completions[$command]".len()..]
        ),
        None => text.to_string(),
    }
}

/// `text` without the completions of the `hidden` flags and commands.
fn without_hidden(text: &str, shell: Shell, hidden: &[String]) -> String {
    // What a line offering each flag holds (`contains`) or starts with (`starts`), made
    // once rather than for every line of the script.
    let mut contains = Vec::new();
    let mut starts = Vec::new();
    for flag in hidden {
        match shell {
            Shell::Zsh => {
                contains.push(format!("'{flag}=["));
                contains.push(format!("'{flag}["));
                starts.push(format!("'{flag}:"));
            }
            Shell::PowerShell => contains.push(format!("::new('{flag}',")),
            Shell::Fish => contains.push(match flag.strip_prefix("--") {
                Some(long) => format!(" -l {long} "),
                None => format!(" -a \"{flag}\" "),
            }),
            _ => {}
        }
    }
    // Elvish indents its candidates.
    let indented: Vec<String> = match shell {
        Shell::Elvish => hidden.iter().map(|flag| format!("cand {flag} ")).collect(),
        _ => Vec::new(),
    };
    // One pattern for all of them: a script has thousands of lines, and as many flags
    // hidden as there are commands.
    let any = |texts: &[String]| {
        texts
            .iter()
            .map(|t| regex::escape(t))
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut alternatives = Vec::new();
    if !contains.is_empty() {
        alternatives.push(format!("(?:{})", any(&contains)));
    }
    if !starts.is_empty() {
        alternatives.push(format!("^(?:{})", any(&starts)));
    }
    if !indented.is_empty() {
        alternatives.push(format!(r"^\s*(?:{})", any(&indented)));
    }
    let offered = (!alternatives.is_empty())
        .then(|| regex::Regex::new(&alternatives.join("|")).expect("escaped texts"));
    let offers = |line: &str| offered.as_ref().is_some_and(|r| r.is_match(line));
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if shell == Shell::Bash && line.trim_start().starts_with("opts=\"") {
            let kept: Vec<&str> = line
                .split(' ')
                .filter(|word| !hidden.iter().any(|h| h == word))
                .collect();
            out.push_str(&kept.join(" "));
        } else if offers(line) {
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
            history|watch|logs) kind=executions ;;
            ls|stats) kind=machines ;;
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
    # `sfn logs` takes a state machine too.
    if [[ "$sub" == logs ]]; then
        COMPREPLY+=( $(sfn __complete machines "$cur" 2>/dev/null) )
    fi
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
