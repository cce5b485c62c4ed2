//! `--query`: JMESPath over the response. The `jmespath` crate returns objects with sorted
//! keys; the AWS CLI keeps the response's order (and a multi-select hash's own order), so
//! the result's objects are put back in the order their keys had there.
use std::collections::HashMap;

use jmespath::ast::Ast;
use serde_json::{Map, Value};

/// Key orders, by the sorted set of keys they order.
type Orders = HashMap<Vec<String>, Vec<String>>;

/// Compiles a `--query`. Like the AWS CLI (jmespath.py), a backtick literal that is not
/// JSON (`` `TaskScheduled` ``) is taken as a string: the legacy form many scripts use.
pub fn compile(expr: &str) -> Result<jmespath::Expression<'static>, String> {
    jmespath::compile(expr).or_else(|first| {
        let fixed = quote_bare_literals(expr);
        if fixed == expr {
            return Err(first.to_string());
        }
        jmespath::compile(&fixed).map_err(|_| first.to_string())
    })
}

/// Rewrites each backtick literal whose text is not JSON as a JSON string, leaving raw
/// strings (`'...'`) and everything else as written.
fn quote_bare_literals(expr: &str) -> String {
    let mut out = String::with_capacity(expr.len() + 8);
    let mut chars = expr.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    match d {
                        '\\' => out.extend(chars.next()),
                        '\'' => break,
                        _ => {}
                    }
                }
            }
            '`' => {
                let mut literal = String::new();
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => match chars.next() {
                            Some('`') => literal.push('`'),
                            Some(e) => {
                                literal.push('\\');
                                literal.push(e);
                            }
                            None => literal.push('\\'),
                        },
                        '`' => break,
                        _ => literal.push(d),
                    }
                }
                out.push('`');
                if serde_json::from_str::<Value>(&literal).is_ok() {
                    out.push_str(&literal.replace('`', "\\`"));
                } else {
                    let quoted = Value::String(literal.trim_start().to_string()).to_string();
                    out.push_str(&quoted.replace('`', "\\`"));
                }
                out.push('`');
            }
            _ => out.push(c),
        }
    }
    out
}

pub fn search(expr: &jmespath::Expression<'static>, input: &Value) -> Result<Value, String> {
    let result = expr.search(input).map_err(|e| e.to_string())?;
    let mut value = serde_json::to_value(&*result).map_err(|e| e.to_string())?;
    let mut orders = Orders::new();
    from_value(input, &mut orders);
    from_ast(expr.as_ast(), &mut orders);
    reorder(&mut value, &orders);
    Ok(value)
}

fn key_set<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut set: Vec<String> = keys.cloned().collect();
    set.sort();
    set
}

fn from_value(value: &Value, orders: &mut Orders) {
    match value {
        Value::Object(map) => {
            orders
                .entry(key_set(map.keys()))
                .or_insert_with(|| map.keys().cloned().collect());
            map.values().for_each(|v| from_value(v, orders));
        }
        Value::Array(items) => items.iter().for_each(|v| from_value(v, orders)),
        _ => {}
    }
}

/// Multi-select hashes (`{b: x, a: y}`) keep the order written in the expression.
fn from_ast(ast: &Ast, orders: &mut Orders) {
    match ast {
        Ast::MultiHash { elements, .. } => {
            let keys: Vec<String> = elements.iter().map(|kv| kv.key.clone()).collect();
            orders.insert(key_set(keys.iter()), keys);
            elements.iter().for_each(|kv| from_ast(&kv.value, orders));
        }
        Ast::Comparison { lhs, rhs, .. }
        | Ast::Projection { lhs, rhs, .. }
        | Ast::And { lhs, rhs, .. }
        | Ast::Or { lhs, rhs, .. }
        | Ast::Subexpr { lhs, rhs, .. } => {
            from_ast(lhs, orders);
            from_ast(rhs, orders);
        }
        Ast::Condition {
            predicate, then, ..
        } => {
            from_ast(predicate, orders);
            from_ast(then, orders);
        }
        Ast::Expref { ast, .. } => from_ast(ast, orders),
        Ast::Flatten { node, .. } | Ast::Not { node, .. } | Ast::ObjectValues { node, .. } => {
            from_ast(node, orders)
        }
        Ast::Function { args, .. } => args.iter().for_each(|a| from_ast(a, orders)),
        Ast::MultiList { elements, .. } => elements.iter().for_each(|a| from_ast(a, orders)),
        Ast::Identity { .. }
        | Ast::Field { .. }
        | Ast::Index { .. }
        | Ast::Literal { .. }
        | Ast::Slice { .. } => {}
    }
}

fn reorder(value: &mut Value, orders: &Orders) {
    match value {
        Value::Object(map) => {
            if let Some(order) = orders.get(&key_set(map.keys())) {
                let mut old = std::mem::take(map);
                let mut new = Map::new();
                for k in order {
                    if let Some(v) = old.remove(k) {
                        new.insert(k.clone(), v);
                    }
                }
                *map = new;
            }
            map.values_mut().for_each(|v| reorder(v, orders));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| reorder(v, orders)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(expr: &str, input: Value) -> String {
        let e = compile(expr).unwrap();
        search(&e, &input).unwrap().to_string()
    }

    #[test]
    fn bare_backtick_literals_are_strings_as_in_the_aws_cli() {
        let history = serde_json::json!({"events": [
            {"id": 1, "type": "TaskScheduled"}, {"id": 2, "type": "TaskStarted"}
        ]});
        assert_eq!(
            run("events[?type==`TaskScheduled`].id", history.clone()),
            "[1]"
        );
        assert_eq!(
            run("events[?type==`\"TaskStarted\"`].id", history.clone()),
            "[2]"
        );
        assert_eq!(
            run("events[?id==`2`].type", history.clone()),
            "[\"TaskStarted\"]"
        );
        assert_eq!(run("events[?type=='`odd`'].id", history), "[]");
        assert!(compile("events[?type==`unterminated").is_err());
    }

    #[test]
    fn objects_keep_the_response_order() {
        let input = json!({"items": [{"zeta": 1, "alpha": 2}]});
        assert_eq!(run("items[0]", input), r#"{"zeta":1,"alpha":2}"#);
    }

    #[test]
    fn multi_select_hashes_keep_the_expression_order() {
        let input = json!({"a": 1, "b": 2});
        assert_eq!(run("{y: a, x: b}", input), r#"{"y":1,"x":2}"#);
    }
}
