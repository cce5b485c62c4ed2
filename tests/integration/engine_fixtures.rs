//! The recorded executions under `tests/fixtures/engine/` (a definition, an input and the
//! history AWS recorded for it), listed so that each runs as its own test case:
//! `engine_fixtures!(check)` expands to `check! { name: "file.json", ... }`.
//! [`every_fixture_is_listed`] fails when a file is added without being listed here.

macro_rules! engine_fixtures {
    ($check:ident) => {
        $check! {
            array_2_exec_hist_resp_0: "array_2__exec_hist_resp_0.json",
            array_partition_exec_hist_resp_12: "array_partition__exec_hist_resp_12.json",
            assign_from_value_base_assign_from_parameters: "assign_from_value_BASE_ASSIGN_FROM_PARAMETERS.json",
            assign_from_value_base_assign_from_result: "assign_from_value_BASE_ASSIGN_FROM_RESULT.json",
            assign_in_choice_condition_false: "assign_in_choice_CONDITION_FALSE.json",
            assign_in_choice_state_correct: "assign_in_choice_state_CORRECT.json",
            assign_in_choice_state_incorrect: "assign_in_choice_state_INCORRECT.json",
            base_cases_base_empty: "base_cases_BASE_EMPTY.json",
            base_cases_base_lambda_empty: "base_cases_BASE_LAMBDA_EMPTY.json",
            base_cases_base_lambda_empty_global_ql_jsonata: "base_cases_BASE_LAMBDA_EMPTY_GLOBAL_QL_JSONATA.json",
            base_cases_base_lambda_expression: "base_cases_BASE_LAMBDA_EXPRESSION.json",
            base_cases_base_lambda_literals: "base_cases_BASE_LAMBDA_LITERALS.json",
            base_cases_base_literals: "base_cases_BASE_LITERALS.json",
            base_cases_base_paths: "base_cases_BASE_PATHS.json",
            base_cases_base_scope_map: "base_cases_BASE_SCOPE_MAP.json",
            base_map_items: "base_map_ITEMS.json",
            base_map_max_concurrency: "base_map_MAX_CONCURRENCY.json",
            base_query_language_field_json_path: "base_query_language_field_JSON_PATH.json",
            boolean_equals_cases_0: "boolean_equals__cases_0.json",
            boolean_equals_path_cases_5: "boolean_equals_path__cases_5.json",
            catch_error_variable_sampling_task_catch_error_variable_sampling: "catch_error_variable_sampling_TASK_CATCH_ERROR_VARIABLE_SAMPLING.json",
            catch_error_variable_sampling_task_catch_error_variable_sampling_to_jsonpath: "catch_error_variable_sampling_TASK_CATCH_ERROR_VARIABLE_SAMPLING_TO_JSONPATH.json",
            catch_states_runtime: "catch_states_runtime.json",
            dynamodb_put_item_no_such_table: "dynamodb_put_item_no_such_table.json",
            escape_sequence_parsing_escape_sequences_jsonata_comparison_assign: "escape_sequence_parsing_ESCAPE_SEQUENCES_JSONATA_COMPARISON_ASSIGN.json",
            escape_sequence_parsing_escape_sequences_jsonata_comparison_output: "escape_sequence_parsing_ESCAPE_SEQUENCES_JSONATA_COMPARISON_OUTPUT.json",
            escape_sequence_parsing_escape_sequences_jsonpath: "escape_sequence_parsing_ESCAPE_SEQUENCES_JSONPATH.json",
            fail_cause_jsonata: "fail_cause_jsonata.json",
            fixed_timeout_lambda: "fixed_timeout_lambda.json",
            fixed_timeout_service_lambda: "fixed_timeout_service_lambda.json",
            fixed_timeout_service_lambda_with_path: "fixed_timeout_service_lambda_with_path.json",
            format_1_exec_hist_resp_5: "format_1__exec_hist_resp_5.json",
            input_path_execution_input_962b58: "input_path_.Execution.Input~962b58.json",
            input_path_89f040: "input_path_~89f040.json",
            invalid_jsonpath_invalid_jsonpath_in_errorpath: "invalid_jsonpath_INVALID_JSONPATH_IN_ERRORPATH.json",
            invalid_jsonpath_invalid_jsonpath_in_string_expr_contextpath: "invalid_jsonpath_INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH.json",
            invalid_jsonpath_invalid_jsonpath_in_string_expr_jsonpath: "invalid_jsonpath_INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH.json",
            invalid_jsonpath_st_invalid_jsonpath_in_causepath: "invalid_jsonpath_ST.INVALID_JSONPATH_IN_CAUSEPATH.json",
            invalid_jsonpath_st_invalid_jsonpath_in_inputpath: "invalid_jsonpath_ST.INVALID_JSONPATH_IN_INPUTPATH.json",
            invalid_jsonpath_st_invalid_jsonpath_in_outputpath: "invalid_jsonpath_ST.INVALID_JSONPATH_IN_OUTPUTPATH.json",
            is_null_cases_27: "is_null__cases_27.json",
            is_present_cases_26: "is_present__cases_26.json",
            json_to_string_exec_hist_resp_4: "json_to_string__exec_hist_resp_4.json",
            lambda_invoke_with_retry_base: "lambda_invoke_with_retry_base.json",
            map_catch_error_map_catch_error_variable_sampling: "map_catch_error_MAP_CATCH_ERROR_VARIABLE_SAMPLING.json",
            map_state_break_condition: "map_state_break_condition.json",
            map_state_catch: "map_state_catch.json",
            map_state_catch_empty_fail: "map_state_catch_empty_fail.json",
            map_state_config_distributed_items_path_from_previous: "map_state_config_distributed_items_path_from_previous.json",
            map_state_item_selector_map_state_item_selector: "map_state_item_selector_MAP_STATE_ITEM_SELECTOR.json",
            map_state_items_input_types_null: "map_state_items_input_types_null.json",
            map_state_legacy: "map_state_legacy.json",
            map_state_legacy_reentrant: "map_state_legacy_reentrant.json",
            map_state_retry: "map_state_retry.json",
            map_state_tolerated_failure_percentage_path_1: "map_state_tolerated_failure_percentage_path_-1.json",
            math_add_exec_hist_resp_18: "math_add__exec_hist_resp_18.json",
            max_concurrency_path_1: "max_concurrency_path_1.json",
            max_concurrency_path_nonumber: "max_concurrency_path_NoNumber.json",
            max_concurrency_path_max_concurrency_value0: "max_concurrency_path_max_concurrency_value0.json",
            no_such_bucket: "no_such_bucket.json",
            no_such_function: "no_such_function.json",
            no_such_function_catch: "no_such_function_catch.json",
            numeric_equals_cases_21: "numeric_equals__cases_21.json",
            numeric_equals_path_cases_28: "numeric_equals_path__cases_28.json",
            numeric_less_than_equals_path_cases_1: "numeric_less_than_equals_path__cases_1.json",
            output_in_choice_condition_true: "output_in_choice_CONDITION_TRUE.json",
            output_path_execution_input_962b58: "output_path_.Execution.Input~962b58.json",
            output_to_state_jsonata_output_to_jsonpath: "output_to_state_JSONATA_OUTPUT_TO_JSONPATH.json",
            parallel_state_fail: "parallel_state_fail.json",
            parallel_state_order: "parallel_state_order.json",
            parallel_state_retry: "parallel_state_retry.json",
            query_context_object_values: "query_context_object_values.json",
            query_language_field_override_jsonata_override: "query_language_field_override_JSONATA_OVERRIDE.json",
            raise_exception: "raise_exception.json",
            raise_exception_catch: "raise_exception_catch.json",
            raise_exception_catch_output_path_payload_dcc907: "raise_exception_catch_output_path_.Payload~dcc907.json",
            reference_assign_base_reference_in_inputpath: "reference_assign_BASE_REFERENCE_IN_INPUTPATH.json",
            reference_assign_base_reference_in_wait: "reference_assign_BASE_REFERENCE_IN_WAIT.json",
            reference_in_map_state_map_state_reference_in_intrinsic_function: "reference_in_map_state_MAP_STATE_REFERENCE_IN_INTRINSIC_FUNCTION.json",
            reference_in_map_state_map_state_reference_in_max_concurrency_path: "reference_in_map_state_MAP_STATE_REFERENCE_IN_MAX_CONCURRENCY_PATH.json",
            reference_in_map_state_map_state_reference_in_tolerated_failure_path: "reference_in_map_state_MAP_STATE_REFERENCE_IN_TOLERATED_FAILURE_PATH.json",
            s3_no_such_key: "s3_no_such_key.json",
            send_message_attributes: "send_message_attributes.json",
            service_task_lambada_catch_state_all_data_limit_exceeded_on_large_utf8_response: "service_task_lambada_catch_state_all_data_limit_exceeded_on_large_utf8_response.json",
            state_assign_evaluation_order_base_evaluation_order_pass_state: "state_assign_evaluation_order_BASE_EVALUATION_ORDER_PASS_STATE.json",
            state_fail_intrinsic: "state_fail_intrinsic.json",
            state_pass_result_null_input_output_paths: "state_pass_result_null_input_output_paths.json",
            string_split_exec_hist_resp_4: "string_split__exec_hist_resp_4.json",
            task_catch_error_output_task_catch_error_output_to_jsonpath: "task_catch_error_output_TASK_CATCH_ERROR_OUTPUT_TO_JSONPATH.json",
            task_catch_error_with_retry_task_catch_error_output_with_retry: "task_catch_error_with_retry_TASK_CATCH_ERROR_OUTPUT_WITH_RETRY.json",
            task_catch_error_with_retry_task_catch_error_output_with_retry_to_jsonpath: "task_catch_error_with_retry_TASK_CATCH_ERROR_OUTPUT_WITH_RETRY_TO_JSONPATH.json",
            task_lambda_catch_state_all_data_limit_exceeded_on_large_utf8_response: "task_lambda_catch_state_all_data_limit_exceeded_on_large_utf8_response.json",
            task_lambda_data_limit_exceeded_on_large_utf8_response: "task_lambda_data_limit_exceeded_on_large_utf8_response.json",
            timestamp_equals_cases_5: "timestamp_equals__cases_5.json",
            undefined_reference_base_undefined_assign: "undefined_reference_BASE_UNDEFINED_ASSIGN.json",
            undefined_reference_base_undefined_output: "undefined_reference_BASE_UNDEFINED_OUTPUT.json",
            variable: "variable.json",
            variable_sampling_jsonpath_assign_jsonata_ref: "variable_sampling_JSONPATH_ASSIGN_JSONATA_REF.json",
            wait_timestamp_jsonata_no_z: "wait_timestamp_jsonata_NO_Z.json",
            wait_timestamp_path_no_t: "wait_timestamp_path_NO_T.json",
        }
    };
}
pub(crate) use engine_fixtures;

/// Lists the file names [`engine_fixtures`] holds.
macro_rules! names {
    ($($name:ident: $file:literal,)*) => {
        &[$($file),*]
    };
}

pub(crate) fn dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine")
}

/// The fixture named `file`.
pub(crate) fn load(file: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(dir().join(file)).expect("fixture");
    serde_json::from_str(&text).expect("fixture JSON")
}

#[test]
fn every_fixture_is_listed() {
    let listed: &[&str] = engine_fixtures!(names);
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("fixture directory")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/integration/engine_fixtures.rs must list every file of tests/fixtures/engine/"
    );
}
