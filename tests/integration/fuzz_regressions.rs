//! Inputs the fuzzers (fuzz/, `cargo fuzz`) found crashing, hanging or exhausting memory,
//! kept in tests/fixtures/fuzz/<target>/ and replayed through the same harness
//! (`sfn::fuzz::<target>`): each must now return normally. The fuzzers' seeds
//! (fuzz/seeds/<target>/) are replayed too, so a harness that breaks shows here first.
use std::path::Path;

fn replay(target: &str, harness: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    for dir in ["tests/fixtures/fuzz", "fuzz/seeds"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) {
            inputs.extend(entries.map(|e| e.unwrap().path()));
        }
    }
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs for {target}");
    for input in inputs {
        let data = std::fs::read(&input).unwrap();
        eprintln!("{}", input.display());
        harness(&data);
    }
}

#[test]
fn definition() {
    replay("definition", sfn::fuzz::definition);
}

#[test]
fn paths() {
    replay("paths", sfn::fuzz::paths);
}

#[test]
fn intrinsics() {
    replay("intrinsics", sfn::fuzz::intrinsics);
}

#[test]
fn templates() {
    replay("templates", sfn::fuzz::templates);
}

#[test]
fn jsonata() {
    replay("jsonata", sfn::fuzz::jsonata);
}

#[test]
fn mock_handlers() {
    replay("mock_handlers", sfn::fuzz::mock_handlers);
}

#[test]
fn shorthand() {
    replay("shorthand", sfn::fuzz::shorthand);
}
