use super::report::{escape_data, escape_property};
use super::*;

#[test]
fn github_escaping() {
    assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
    assert_eq!(escape_property("x:y,z"), "x%3Ay%2Cz");
}

#[test]
fn command_parses_its_flags() {
    let m = command()
        .try_get_matches_from([
            "lint",
            "a.json",
            "b.json",
            "--format",
            "github",
            "--deny-warnings",
        ])
        .unwrap();
    assert_eq!(m.get_many::<String>("files").unwrap().count(), 2);
    assert_eq!(m.get_one::<String>("format").unwrap(), "github");
    assert!(m.get_flag("deny-warnings"));
    assert!(command().try_get_matches_from(["lint"]).is_err());
}
