use super::*;

#[test]
fn close_matches_follow_difflib() {
    let choices = [
        "list-state-machines",
        "delete-state-machine",
        "list-state-machine-aliases",
        "list-executions",
    ];
    assert_eq!(
        close_matches("list-state-machinez", &choices, 3, 0.8),
        [
            "list-state-machines",
            "delete-state-machine",
            "list-state-machine-aliases"
        ]
    );
    assert!(close_matches("zzz", &choices, 3, 0.8).is_empty());
}

fn normalized(args: &[&str]) -> Vec<String> {
    normalize(args.iter().map(OsString::from).collect())
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn the_service_name_may_follow_global_options() {
    assert_eq!(
        normalized(&[
            "sfn",
            "--region",
            "eu-west-1",
            "stepfunctions",
            "list-state-machines"
        ]),
        ["sfn", "--region", "eu-west-1", "list-state-machines"]
    );
    assert_eq!(
        normalized(&[
            "sfn",
            "--debug",
            "stepfunctions",
            "describe-execution",
            "help"
        ]),
        ["sfn", "--debug", "describe-execution", "--help"]
    );
    assert_eq!(
        normalized(&["sfn", "create-activity", "--name", "help"]),
        ["sfn", "create-activity", "--name", "help"]
    );
}
