//! The committed shell completions (completions/) and man pages (man/) are exactly what
//! the clap definitions generate today, and every flag has help text.
//!
//! After changing a command or flag, regenerate them with:
//!     SFN_BLESS=1 cargo test --test integration people_generated
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use sfn::cli::{completions, extra, man};

fn root(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
}

fn bless() -> bool {
    std::env::var_os("SFN_BLESS").is_some_and(|v| !v.is_empty())
}

/// Compares (or, when blessing, writes) `dir`'s files with `expected`, and checks that
/// `dir` holds no other file.
fn check_dir(dir: &str, expected: Vec<(String, Vec<u8>)>) {
    let dir_path = root(dir);
    if bless() {
        let _ = std::fs::remove_dir_all(&dir_path);
        std::fs::create_dir_all(&dir_path).expect("create dir");
        for (name, content) in &expected {
            std::fs::write(dir_path.join(name), content).expect("write file");
        }
        return;
    }
    let mut stale = Vec::new();
    for (name, content) in &expected {
        match std::fs::read(dir_path.join(name)) {
            Ok(committed) if committed == *content => {}
            Ok(_) => stale.push(format!("{dir}/{name} differs")),
            Err(_) => stale.push(format!("{dir}/{name} is missing")),
        }
    }
    let wanted: BTreeSet<&str> = expected.iter().map(|(n, _)| n.as_str()).collect();
    for entry in std::fs::read_dir(&dir_path).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !wanted.contains(name.as_str()) {
            stale.push(format!("{dir}/{name} is no longer generated"));
        }
    }
    assert!(
        stale.is_empty(),
        "{} out of date:\n  {}\nRegenerate with: SFN_BLESS=1 cargo test --test integration people_generated",
        dir,
        stale.join("\n  ")
    );
}

#[test]
fn committed_completions_are_up_to_date() {
    let files = completions::SHELLS
        .iter()
        .map(|&shell| {
            (
                completions::file_name(shell),
                completions::script(shell).into_bytes(),
            )
        })
        .collect();
    check_dir("completions", files);
}

#[test]
fn committed_man_pages_are_up_to_date() {
    check_dir("man", man::pages());
}

#[test]
fn there_is_a_man_page_for_sfn_and_every_command() {
    let names: BTreeSet<String> = man::pages().into_iter().map(|(n, _)| n).collect();
    assert!(names.contains("sfn.1"));
    for command in [
        "start-execution",
        "get-execution-history",
        "validate-state-machine-definition",
        "run",
        "ls",
        "history",
        "watch",
        "stats",
        "logs",
        "graph",
        "lint",
        "deploy",
        "resume",
        "completions",
        "man",
        "serve",
    ] {
        assert!(names.contains(&format!("sfn-{command}.1")), "{command}");
    }
    // The 37 operations and our 13 commands, plus sfn itself.
    assert_eq!(names.len(), 37 + 13 + 1);
    // sfn(1) has the sections a man page reader looks for.
    let sfn = man::pages()
        .into_iter()
        .find(|(n, _)| n == "sfn.1")
        .map(|(_, text)| String::from_utf8(text).unwrap())
        .unwrap();
    for section in [
        ".SH EXAMPLES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        "SFN_DB",
    ] {
        assert!(sfn.contains(section), "{section} missing from sfn.1");
    }
    // So has each command's page; ours show their examples.
    for (name, text) in man::pages() {
        let text = String::from_utf8(text).unwrap();
        for section in [".SH ENVIRONMENT", ".SH \"EXIT STATUS\""] {
            assert!(text.contains(section), "{section} missing from {name}");
        }
        assert!(!text.contains(".SH EXTRA\nExamples:"), "{name}");
    }
    for command in ["run", "ls", "history", "watch", "logs", "stats", "graph"] {
        let page = man::pages()
            .into_iter()
            .find(|(n, _)| *n == format!("sfn-{command}.1"))
            .map(|(_, text)| String::from_utf8(text).unwrap())
            .unwrap();
        assert!(
            page.contains(".SH EXAMPLES\n.nf\nsfn "),
            "sfn-{command}.1:\n{page}"
        );
    }
}

#[test]
fn every_command_and_visible_flag_has_help_text() {
    let mut cmd = extra::command();
    cmd.build();
    let mut missing = Vec::new();
    let mut flags = 0;
    for sub in std::iter::once(&cmd).chain(cmd.get_subcommands()) {
        if sub
            .get_about()
            .is_none_or(|a| a.to_string().trim().is_empty())
            && sub.get_name() != "sfn"
        {
            missing.push(format!("sfn {}: no about", sub.get_name()));
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            flags += 1;
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            // Help text says something: more than a flag's own name.
            if help.trim().len() < 10 {
                missing.push(format!(
                    "sfn {} --{}: {help:?}",
                    sub.get_name(),
                    arg.get_id()
                ));
            }
        }
    }
    assert!(flags > 200, "only {flags} flags seen");
    assert!(missing.is_empty(), "without help:\n{}", missing.join("\n"));
}

#[test]
fn completions_know_every_aws_command_and_ours() {
    let bash = completions::script(clap_complete::Shell::Bash);
    for word in [
        "start-execution",
        "send-task-success",
        "--state-machine-arn",
        "--cli-input-json",
        "run",
        "graph",
        "--test-case",
    ] {
        assert!(bash.contains(word), "{word}");
    }
}
