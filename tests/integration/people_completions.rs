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
