use super::*;

#[test]
fn table_has_all_37_operations_in_api_order() {
    let names: Vec<&str> = operations::OPERATIONS.iter().map(|o| o.api).collect();
    let ours: Vec<&str> = api::Operation::ALL.iter().map(|o| o.as_str()).collect();
    assert_eq!(names, ours);
    for op in operations::OPERATIONS {
        assert_eq!(
            api::Operation::parse(op.api).map(|o| o.command()),
            Some(op.command)
        );
    }
}

#[test]
fn clap_tree_is_consistent() {
    args::command(operations::OPERATIONS).debug_assert();
}
