use super::*;

fn request(count: Option<u64>, pct: Option<f64>) -> (Option<u64>, Option<f64>) {
    (count, pct)
}

fn over(tol: (Option<u64>, Option<f64>), failed: u64, total: Option<u64>) -> Option<bool> {
    let machine = crate::asl::definition::parse(
        &json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}),
    )
    .unwrap();
    let info = ExecutionInfo {
        execution_arn: String::new(),
        execution_name: String::new(),
        state_machine_arn: String::new(),
        state_machine_name: String::new(),
        role_arn: String::new(),
        input: Value::Null,
        input_text: String::new(),
        start_millis: 0,
        redrive_count: 0,
        region: String::new(),
        state_machine_version_arn: None,
        state_machine_alias_arn: None,
    };
    let req = MapRunRequest {
        map_run_arn: "",
        parent: &info,
        state_name: "M",
        label: None,
        machine: &machine,
        processor: 0,
        express: false,
        items: None,
        reader: None,
        batcher: None,
        writer: None,
        max_concurrency: 0,
        tolerated_count: tol.0,
        tolerated_percentage: tol.1,
        options: Default::default(),
    };
    over_tolerance(&req, failed, total)
}

#[test]
fn tolerance_by_count_and_percentage() {
    assert_eq!(over(request(None, None), 0, Some(3)), Some(false));
    assert_eq!(over(request(None, None), 1, Some(3)), Some(true));
    assert_eq!(over(request(Some(1), None), 1, None), Some(false));
    assert_eq!(over(request(Some(1), None), 2, None), Some(true));
    assert_eq!(over(request(None, Some(50.0)), 1, Some(2)), Some(false));
    assert_eq!(over(request(None, Some(50.0)), 2, Some(3)), Some(true));
    // A streamed reader's total is known at the end only.
    assert_eq!(over(request(None, Some(50.0)), 1, None), None);
}
