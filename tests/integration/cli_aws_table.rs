//! `--output table` is the AWS CLI's table formatter: each case in
//! `tests/fixtures/cli_tables/` holds a response, the terminal width and the table that
//! `awscli/formatter.py`'s `TableFormatter` printed for it (or the error it raised).
use std::path::Path;

use serde_json::Value;
use sfn::cli::output::table::{render, Style};

#[test]
fn every_recorded_table_is_reproduced_exactly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli_tables");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let style = Style {
            terminal_width: case["width"].as_u64().unwrap() as usize,
            color: false,
        };
        let got = render(&case["response"], case["title"].as_str().unwrap(), style);
        match (case.get("table"), got) {
            (Some(Value::String(want)), Ok(got)) => {
                assert_eq!(got, *want, "{}:\n{got}\nwant:\n{want}", path.display())
            }
            (None, Err(e)) => assert_eq!(Some(e.0.as_str()), case["error"].as_str()),
            (want, got) => panic!("{}: want {want:?}, got {got:?}", path.display()),
        }
        cases += 1;
    }
    assert!(cases >= 20, "only {cases} cases");
}
