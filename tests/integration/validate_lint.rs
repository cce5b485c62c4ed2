//! `sfn lint`: output formats and exit codes, on the fixtures in tests/fixtures/validate.
use sfn::asl::validate::MachineType;
use sfn::cli::lint::{lint_files, Format, Options};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/validate/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn lint(names: &[&str], format: Format, deny_warnings: bool) -> (i32, String) {
    let files: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let options = Options {
        format,
        deny_warnings,
        machine_type: MachineType::Standard,
        snippets: false,
        color: false,
    };
    let mut out = Vec::new();
    let code = lint_files(&files, options, &mut out);
    let text = String::from_utf8(out).unwrap().replace(&fixture(""), "");
    (code, text)
}

#[test]
fn a_valid_file_passes_with_a_summary() {
    let (code, out) = lint(&["valid.json"], Format::Human, false);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "1 file checked: 0 errors, 0 warnings (0 files with problems)\n"
    );
}

#[test]
fn errors_are_listed_with_line_and_column_and_exit_1() {
    let (code, out) = lint(&["valid.json", "invalid.json"], Format::Human, false);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "invalid.json:6:7: error[MISSING_TRANSITION_TARGET]: Missing 'Next' target: Missing at /States/First/Next\n\
         invalid.json:8:5: error[MISSING_TRANSITION_TARGET]: State \"Orphan\" is not reachable. at /States/Orphan\n\
         2 files checked: 2 errors, 0 warnings (1 file with problems)\n"
    );
}

#[test]
fn invalid_json_is_located() {
    let (code, out) = lint(&["not-json.json"], Format::Human, false);
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().next().unwrap(),
        "not-json.json:4:1: error[INVALID_JSON_DESCRIPTION]: EOF while parsing an object at line 4 column 0"
    );
}

#[test]
fn warnings_do_not_fail_unless_denied() {
    let (code, out) = lint(&["warning.json"], Format::Human, false);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("warning.json:7:9: warning[NO_DOLLAR]: "),
        "{out}"
    );
    let (code, _) = lint(&["warning.json"], Format::Human, true);
    assert_eq!(code, 1);
}

#[test]
fn github_annotations() {
    let (code, out) = lint(&["invalid.json", "warning.json"], Format::Github, false);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "::error file=invalid.json,line=6,col=7,title=MISSING_TRANSITION_TARGET::Missing 'Next' target: Missing at /States/First/Next"
    );
    assert!(lines[2].starts_with("::warning file=warning.json,line=7,col=9,title=NO_DOLLAR::"));
    assert_eq!(lines[3], "2 files checked: 2 errors, 1 warning");
}

#[test]
fn json_output() {
    let (code, out) = lint(&["invalid.json"], Format::Json, false);
    assert_eq!(code, 1);
    let items: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = &items[0];
    assert!(first["file"].as_str().unwrap().ends_with("invalid.json"));
    assert_eq!(first["severity"], "ERROR");
    assert_eq!(first["code"], "MISSING_TRANSITION_TARGET");
    assert_eq!(first["location"], "/States/First/Next");
    assert_eq!(first["line"], 6);
    assert_eq!(first["column"], 7);
    assert_eq!(items.as_array().unwrap().len(), 2);
}

#[test]
fn express_type_and_unreadable_files() {
    let files = vec![fixture("express-sync.json")];
    let mut out = Vec::new();
    let options = Options {
        format: Format::Human,
        deny_warnings: false,
        machine_type: MachineType::Express,
        snippets: false,
        color: false,
    };
    assert_eq!(lint_files(&files, options, &mut out), 1);
    assert!(String::from_utf8(out)
        .unwrap()
        .contains("error[SCHEMA_VALIDATION_FAILED]: Express state machine does not support '.sync' service integration at /States/Run/Resource"));
    let (code, out) = lint(&["does-not-exist.json"], Format::Human, false);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("does-not-exist.json:1:1: error[FILE_NOT_READABLE]: cannot read the file")
    );
}

/// A definition with a misspelled Next target, state type and Choice operator.
const SLIPS: &str = r#"{
  "StartAt": "Validate",
  "States": {
    "Validate": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:v", "Next": "Chek"},
    "Check": {"Type": "Choice", "Choices": [
      {"Variable": "$.n", "NumericGreaterThen": 3, "Next": "Done"}], "Default": "Later"},
    "Later": {"Type": "Wiat", "Seconds": 3, "Next": "Done"},
    "Done": {"Type": "Succeed"}
  }
}
"#;

fn lint_text(source: &str, snippets: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("slips.asl.json");
    std::fs::write(&file, source).unwrap();
    let options = Options {
        format: Format::Human,
        deny_warnings: false,
        machine_type: MachineType::Standard,
        snippets,
        color: false,
    };
    let mut out = Vec::new();
    assert_eq!(
        lint_files(&[file.to_string_lossy().into_owned()], options, &mut out),
        1
    );
    String::from_utf8(out)
        .unwrap()
        .replace(&format!("{}/", dir.path().display()), "")
}

#[test]
fn problems_come_in_source_order_with_suggestions_and_no_cascade() {
    let out = lint_text(SLIPS, false);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("slips.asl.json:4:")
            && lines[0].ends_with(
                "Missing 'Next' target: Chek at /States/Validate/Next; did you mean \"Check\"?"
            ),
        "{out}"
    );
    // An unknown field is reported where it is written, not at the object holding it.
    assert!(
        lines[2].starts_with("slips.asl.json:6:27: ")
            && lines[2].contains("Field 'NumericGreaterThen' is not supported")
            && lines[2].ends_with("did you mean \"NumericGreaterThan\"?"),
        "{out}"
    );
    assert!(
        out.contains("at /States/Later/Type; did you mean \"Wait\"?"),
        "{out}"
    );
    // The states after the missing target are not reported as unreachable.
    assert!(!out.contains("not reachable"), "{out}");
    let positions: Vec<(usize, usize)> = lines
        .iter()
        .filter_map(|l| {
            let mut parts = l.split(':');
            parts.next()?;
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        })
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted, "{out}");
}

#[test]
fn snippets_show_the_source_line_with_a_caret() {
    let out = lint_text(SLIPS, true);
    assert!(
        out.contains(
            "  |\n7 |     \"Later\": {\"Type\": \"Wiat\", \"Seconds\": 3, \"Next\": \"Done\"},\n  |               ^\n"
        ),
        "{out}"
    );
}
