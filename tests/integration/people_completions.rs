//! The bash completion script completes from the store: executions by name for `sfn
//! history`, state machine ARNs after `--state-machine-arn` (whole, although bash splits
//! words at `:`), `--output` values; the flags that do nothing offline are not offered.
use crate::cli_support;

use std::process::Command;

use cli_support::Sfn;

/// What bash offers for `line` (the cursor at its end), with the committed script.
fn complete(sfn: &Sfn, line: &str) -> Vec<String> {
    let script = format!("{}/completions/sfn.bash", env!("CARGO_MANIFEST_DIR"));
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_sfn"))
        .parent()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let program = r#"
source "$1"
COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]}-1))
_sfn_store sfn "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = Command::new("bash")
        .args(["-c", program, "bash", &script, line])
        .current_dir(sfn.dir.path())
        .env("SFN_DB", sfn.db())
        .env(
            "PATH",
            format!("{bin_dir}:{}", std::env::var("PATH").unwrap_or_default()),
        )
        .output()
        .expect("bash");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn names_and_arns_come_from_the_store() {
    let sfn = Sfn::new();
    sfn.write(
        "orders.asl.json",
        r#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#,
    );
    for name in ["first-run", "second-run"] {
        let out = sfn.run(&["run", "orders.asl.json", "--execution-name", name]);
        assert!(out.status.success(), "{out:?}");
    }
    assert_eq!(
        complete(&sfn, "sfn history "),
        ["last", "second-run", "first-run"]
    );
    assert_eq!(complete(&sfn, "sfn watch fi"), ["first-run"]);
    // sfn logs takes an execution or a state machine.
    assert_eq!(
        complete(&sfn, "sfn logs "),
        ["last", "second-run", "first-run", "orders"]
    );
    // After `stateMachine:`, bash replaces the word after the last colon.
    assert_eq!(
        complete(
            &sfn,
            "sfn describe-state-machine --state-machine-arn arn:aws:states:us-east-1:123456789012:stateMachine:o"
        ),
        ["orders"]
    );
    let arns = complete(&sfn, "sfn describe-execution --execution-arn ");
    assert_eq!(arns.len(), 2);
    assert!(
        arns[0].starts_with("arn:aws:states:us-east-1:123456789012:execution:orders:second-run")
    );
    assert_eq!(complete(&sfn, "sfn ls --output t"), ["text", "table"]);
    // sfn run completes machines and files.
    let run = complete(&sfn, "sfn run or");
    assert!(
        run.contains(&"orders".to_string()) && run.contains(&"orders.asl.json".to_string()),
        "{run:?}"
    );
}

#[test]
fn flags_that_do_nothing_offline_are_not_offered() {
    let sfn = Sfn::new();
    let offered = complete(&sfn, "sfn list-state-machines --");
    assert!(offered.contains(&"--max-items".to_string()), "{offered:?}");
    // --profile picks a profile of the aws config file: it does something.
    assert!(offered.contains(&"--profile".to_string()), "{offered:?}");
    for hidden in ["--debug", "--endpoint-url", "--no-cli-pager"] {
        assert!(!offered.contains(&hidden.to_string()), "{hidden} offered");
    }
}

/// A store with the state machine `orders` and its executions `first-run` and
/// `second-run`, and a definition file in a folder.
fn orders_store() -> Sfn {
    let sfn = Sfn::new();
    std::fs::create_dir(sfn.dir.path().join("defs")).unwrap();
    sfn.write(
        "defs/orders.asl.json",
        r#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#,
    );
    for name in ["first-run", "second-run"] {
        let out = sfn.run(&["run", "defs/orders.asl.json", "--execution-name", name]);
        assert!(out.status.success(), "{out:?}");
    }
    sfn
}

const MACHINE_ARN_PREFIX: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:";

/// `sfn`'s folder first on PATH: the scripts call `sfn __complete`.
fn path_with_sfn() -> String {
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_sfn"))
        .parent()
        .unwrap();
    format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn have(shell: &str) -> bool {
    let found = Command::new(shell)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: {shell} is not installed");
    }
    found
}

/// What fish offers for `line` (`complete -C`), with the committed script; descriptions
/// dropped.
fn fish_complete(sfn: &Sfn, line: &str) -> Vec<String> {
    let script = format!("{}/completions/sfn.fish", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("fish")
        .args([
            "--no-config",
            "-c",
            "source $argv[1]; complete -C $argv[2]",
            &script,
            line,
        ])
        .current_dir(sfn.dir.path())
        .env("SFN_DB", sfn.db())
        .env("PATH", path_with_sfn())
        .output()
        .expect("fish");
    let mut offered: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    offered.sort();
    offered
}

#[test]
fn fish_completes_names_arns_output_values_and_file_paths() {
    if !have("fish") {
        return;
    }
    let sfn = orders_store();
    assert_eq!(
        fish_complete(&sfn, "sfn history "),
        ["first-run", "last", "second-run"]
    );
    assert_eq!(
        fish_complete(&sfn, "sfn logs "),
        ["first-run", "last", "orders", "second-run"]
    );
    // After an ARN's last colon: ARNs whole, not file names.
    let arn = format!("{MACHINE_ARN_PREFIX}o");
    assert_eq!(
        fish_complete(
            &sfn,
            &format!("sfn describe-state-machine --state-machine-arn {arn}")
        ),
        [format!("{MACHINE_ARN_PREFIX}orders")]
    );
    assert_eq!(fish_complete(&sfn, "sfn ls --output t"), ["table", "text"]);
    assert_eq!(
        fish_complete(&sfn, "sfn create-state-machine --definition file://de"),
        ["file://defs/"]
    );
    assert_eq!(
        fish_complete(&sfn, "sfn create-state-machine --definition file://defs/"),
        ["file://defs/orders.asl.json"]
    );
    // Flags and subcommands as before; hidden flags still hidden.
    let flags = fish_complete(&sfn, "sfn list-state-machines --");
    assert!(flags.contains(&"--max-items".to_string()), "{flags:?}");
    assert!(!flags.contains(&"--endpoint-url".to_string()), "{flags:?}");
    assert_eq!(fish_complete(&sfn, "sfn hist"), ["history"]);
}

/// Whether zsh shows `expected` after `line` and two TABs, driven for real on a
/// pseudo-terminal (zpty) with the committed script in `fpath`; and the screen.
fn zsh_shows(sfn: &Sfn, line: &str, expected: &str) -> (bool, String) {
    let fpath = sfn.dir.path().join("zsh-functions");
    std::fs::create_dir_all(&fpath).unwrap();
    std::fs::copy(
        format!("{}/completions/_sfn", env!("CARGO_MANIFEST_DIR")),
        fpath.join("_sfn"),
    )
    .unwrap();
    // The screen is read until it shows what is expected (`timeout` ends a zsh that never
    // does).
    let driver = r#"
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "stty columns 400; COLUMNS=400; PS1='> '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; setopt nobeep; LISTMAX=1000; zstyle ':completion:*' menu no"
zpty -w -n z "$2"$'\t\t'
local out
zpty -r z out "*$3*" && print -r -- "$out"
zpty -d z
"#;
    let out = Command::new("timeout")
        .args(["20", "zsh", "-f", "-c", driver, "zsh"])
        .arg(&fpath)
        .arg(line)
        .arg(expected)
        .current_dir(sfn.dir.path())
        .env("SFN_DB", sfn.db())
        .env("PATH", path_with_sfn())
        .output()
        .expect("zsh");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn zsh_completes_names_and_whole_arns_from_the_store() {
    if !have("zsh") {
        return;
    }
    let sfn = orders_store();
    let cases = [
        ("sfn history ", "second-run".to_string()),
        // Typed up to an ARN's colon, the one ARN is completed whole.
        (
            &*format!("sfn describe-state-machine --state-machine-arn {MACHINE_ARN_PREFIX}"),
            format!("--state-machine-arn {MACHINE_ARN_PREFIX}orders"),
        ),
        (
            "sfn create-state-machine --definition file://defs/or",
            "--definition file://defs/orders.asl.json".to_string(),
        ),
    ];
    for (line, expected) in cases {
        let (shown, screen) = zsh_shows(&sfn, line, &expected);
        assert!(shown, "{line:?} did not show {expected:?}: {screen}");
    }
}

#[test]
fn elvish_and_powershell_ask_sfn_for_the_word_being_completed() {
    let ps1 = std::fs::read_to_string(format!(
        "{}/completions/_sfn.ps1",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert!(ps1.contains("& sfn __complete words @typed"), "{ps1}");
    if !have("elvish") {
        return;
    }
    let sfn = orders_store();
    // The script's completer, run outside the line editor: its candidates are printed.
    let script = std::fs::read_to_string(format!(
        "{}/completions/sfn.elv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace(
        "set edit:completion:arg-completer[sfn] =",
        "var completer =",
    )
    .replace("edit:complex-candidate", "complex-candidate");
    // Each case's candidates on one line (values and bytes are not ordered together).
    let program = format!(
        "fn complex-candidate {{|text &display='' &code-suffix=' '| put $text }}\n{script}\n\
         echo (str:join ' ' [($completer sfn history '')])\n\
         echo (str:join ' ' [($completer sfn describe-state-machine --state-machine-arn {MACHINE_ARN_PREFIX})])\n\
         echo (str:join ' ' [($completer sfn ls -)])\n\
         echo (str:join ' ' [($completer sfn '')])"
    );
    let out = Command::new("elvish")
        .args(["-norc", "-c", &program])
        .current_dir(sfn.dir.path())
        .env("SFN_DB", sfn.db())
        .env("PATH", path_with_sfn())
        .output()
        .expect("elvish");
    let text = String::from_utf8_lossy(&out.stdout);
    let parts: Vec<&str> = text.lines().collect();
    assert_eq!(
        parts.len(),
        4,
        "{text} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(parts[0], "last second-run first-run");
    assert_eq!(parts[1], format!("{MACHINE_ARN_PREFIX}orders"));
    assert!(
        parts[2].contains("--status -n --limit"),
        "flags as before: {}",
        parts[2]
    );
    assert!(
        parts[3].contains(" logs ") && !parts[3].contains("__complete"),
        "commands, the hidden one not: {}",
        parts[3]
    );
}
