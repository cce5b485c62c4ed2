use super::targets::seeded_draw;
use super::*;

const SM: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:m";

fn route(n: u32, weight: i64) -> Route {
    Route {
        state_machine_version_arn: format!("{SM}:{n}"),
        weight,
    }
}

#[test]
fn alias_names_follow_the_model_pattern() {
    for good in ["PROD", "a1", "my-alias_1.0", "-", "1a", "."] {
        assert!(is_alias_name(good), "{good}");
    }
    for bad in ["", "123", "INVALID ALIAS", "!INVALID", "ALIAS@", "café"] {
        assert!(!is_alias_name(bad), "{bad}");
    }
}

#[test]
fn routing_rules_and_messages() {
    assert_eq!(check_routing(&[route(1, 100)]).unwrap(), SM);
    assert_eq!(check_routing(&[route(1, 30), route(2, 70)]).unwrap(), SM);
    let err = |routes: &[Route]| check_routing(routes).unwrap_err();
    assert_eq!(err(&[]).code, "ParamValidation");
    assert!(err(&[route(1, 50), route(2, 30), route(3, 20)])
        .message
        .ends_with("Member must have length less than or equal to 2"));
    assert_eq!(
        err(&[route(1, 101)]).message,
        "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100"
    );
    assert_eq!(err(&[route(1, -1)]).code, "ParamValidation");
    assert!(err(&[route(1, 50), route(1, 50)])
        .message
        .starts_with("Routing configuration must contain distinct"));
    assert_eq!(
        err(&[route(1, 70), route(2, 29)]).message,
        "Sum of routing configuration weights must equal 100. Received: [70, 29]"
    );
    let unqualified = Route {
        state_machine_version_arn: SM.into(),
        weight: 70,
    };
    assert_eq!(
        err(&[unqualified, route(2, 30)]).message,
        format!("Routing configuration must contain state machine version ARNs. Received: [{SM}, {SM}:2]")
    );
    let other = Route {
        state_machine_version_arn: format!("{SM}x:1"),
        weight: 50,
    };
    assert_eq!(err(&[route(1, 50), other]).code, "ValidationException");
}

#[test]
fn a_machine_holds_at_most_a_hundred_aliases() {
    let mut ctx = crate::api::context_with_machine(serde_json::json!({"publish": true}));
    let call = |ctx: &mut Context, op: &str, input: Value| super::super::call(ctx, op, input);
    let routing = serde_json::json!([{"stateMachineVersionArn": format!("{SM}:1"), "weight": 100}]);
    for i in 0..MAX_ALIASES {
        call(
            &mut ctx,
            "CreateStateMachineAlias",
            serde_json::json!({"name": format!("a{i}"), "routingConfiguration": routing}),
        )
        .unwrap();
    }
    let err = call(
        &mut ctx,
        "CreateStateMachineAlias",
        serde_json::json!({"name": "one-too-many", "routingConfiguration": routing}),
    )
    .unwrap_err();
    assert_eq!(err.code, "ServiceQuotaExceededException");
    // Re-creating an existing alias is still idempotent at the limit.
    call(
        &mut ctx,
        "CreateStateMachineAlias",
        serde_json::json!({"name": "a7", "routingConfiguration": routing}),
    )
    .unwrap();
}

#[test]
fn model_violations_are_reported_together_in_member_order() {
    let routes = [route(1, 101), route(2, 150)];
    let e = check_model(Some(&"d".repeat(300)), Some("123"), Some(&routes)).unwrap_err();
    assert_eq!(
        e.message,
        format!(
            "4 validation errors detected: \
                 Value '*** Sensitive Data Redacted ***' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256; \
                 Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: {ALIAS_PATTERN}; \
                 Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100; \
                 Value '150' at 'routingConfiguration.2.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100"
        )
    );
    let long = "a b".repeat(30);
    let e = check_model(None, Some(&long), None).unwrap_err();
    assert!(
        e.message.starts_with("2 validation errors detected: "),
        "{}",
        e.message
    );
    assert!(check_model(Some("ok"), Some("PROD"), Some(&[route(1, 100)])).is_ok());
    assert_eq!(
        check_model(None, Some(""), None).unwrap_err().code,
        "ParamValidation"
    );
}

#[test]
fn seeded_draws_are_reproducible_and_spread_by_weight() {
    let alias = format!("{SM}:PROD");
    assert_eq!(seeded_draw("7", &alias, 3), seeded_draw("7", &alias, 3));
    let routes = [route(1, 30), route(2, 70)];
    let on_first = (0..2000)
        .filter(|n| {
            pick_route(&routes, seeded_draw("7", &alias, *n))
                .unwrap()
                .weight
                == 30
        })
        .count();
    assert!(
        (500..=700).contains(&on_first),
        "{on_first} of 2000 on the 30% route"
    );
}

#[test]
fn draws_split_by_weight() {
    let routes = [route(1, 30), route(2, 70)];
    assert_eq!(pick_route(&routes, 0).unwrap().weight, 30);
    assert_eq!(pick_route(&routes, 29).unwrap().weight, 30);
    assert_eq!(pick_route(&routes, 30).unwrap().weight, 70);
    assert_eq!(pick_route(&routes, 99).unwrap().weight, 70);
    let all_on_second = [route(1, 0), route(2, 100)];
    for draw in [0, 50, 99] {
        assert_eq!(pick_route(&all_on_second, draw).unwrap().weight, 100);
    }
}

#[test]
fn scopes_filter_executions() {
    let v = ExecutionScope::Version(format!("{SM}:1"));
    assert!(v.includes(Some(&format!("{SM}:1")), None));
    assert!(!v.includes(None, None));
    let a = ExecutionScope::Alias(format!("{SM}:PROD"));
    assert!(a.includes(Some(&format!("{SM}:1")), Some(&format!("{SM}:PROD"))));
    assert!(!a.includes(Some(&format!("{SM}:1")), None));
    assert!(ExecutionScope::Machine.includes(None, None));
}
