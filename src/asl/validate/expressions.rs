//! Static checks of the expression languages inside a definition: JSONPath (full and
//! reference paths), intrinsic function calls and JSONata `{% %}` expressions.
//!
//! These checks never evaluate anything. Intrinsic calls are parsed by the engine's parser
//! (`asl::intrinsics`), paths must pass the engine's parser too; the validator adds what
//! AWS refuses at create time on top.
use jlens_core::ast::Stage;
use jlens_core::{Node, NodeKind};

use crate::asl::intrinsics::{self, Arg, Call};

/// Whether a path is a JSONPath that may select several nodes (InputPath, OutputPath,
/// `.$` values) or a reference path that must identify one node (ResultPath, ItemsPath,
/// Choice `Variable`, `…Path` fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Full,
    Reference,
}

/// Checks the syntax of `$`, `$$…`, `$var…` paths. `Err` carries a short reason.
///
/// A path must satisfy both the engine's parser (`asl::path`, so that whatever the
/// validator accepts the engine can evaluate) and the validator's own syntax rules.
pub fn check_path(path: &str, kind: PathKind) -> Result<(), String> {
    match kind {
        PathKind::Full => crate::asl::path::check(path).map_err(|e| e.detail())?,
        PathKind::Reference => crate::asl::path::check_reference(path).map_err(|e| e.detail())?,
    }
    path_syntax(path, kind)
}

fn path_syntax(path: &str, kind: PathKind) -> Result<(), String> {
    let chars: Vec<char> = path.chars().collect();
    if chars.first() != Some(&'$') {
        return Err("must start with '$'".into());
    }
    let mut i = 1;
    if chars.get(1) == Some(&'$') {
        i = 2;
    } else if chars.get(1).is_some_and(|c| is_variable_start(*c)) {
        // `$name`: a workflow variable.
        while chars.get(i).is_some_and(|c| is_variable_char(*c)) {
            i += 1;
        }
    }
    while i < chars.len() {
        match chars[i] {
            '.' => {
                i += 1;
                if chars.get(i) == Some(&'.') {
                    if kind == PathKind::Reference {
                        return Err("a reference path cannot use '..'".into());
                    }
                    i += 1;
                    if chars.get(i) == Some(&'[') {
                        continue;
                    }
                }
                if chars.get(i) == Some(&'*') {
                    if kind == PathKind::Reference {
                        return Err("a reference path cannot use '*'".into());
                    }
                    i += 1;
                    continue;
                }
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|c| !matches!(c, '.' | '[' | ']' | '(' | ')' | '\'' | '"' | ' '))
                {
                    i += 1;
                }
                if i == start {
                    return Err("expected a field name after '.'".into());
                }
                if chars.get(i) == Some(&'(') {
                    // A trailing function such as `.length()`.
                    if kind == PathKind::Reference {
                        return Err("a reference path cannot call functions".into());
                    }
                    if chars.get(i + 1) != Some(&')') || i + 2 != chars.len() {
                        return Err("unexpected '('".into());
                    }
                    i += 2;
                }
            }
            '[' => {
                let close = matching_bracket(&chars, i).ok_or("unbalanced '['")?;
                let inner: String = chars[i + 1..close].iter().collect();
                check_bracket(inner.trim(), kind)?;
                i = close + 1;
            }
            c => return Err(format!("unexpected character '{c}'")),
        }
    }
    Ok(())
}

fn is_variable_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_variable_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The index of the `]` closing the `[` at `open`, skipping quoted text and nested
/// brackets and parentheses (filters).
fn matching_bracket(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let from_open = chars.iter().copied().enumerate().skip(open);
    for (i, c) in crate::asl::path::unquoted(from_open) {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return (c == ']').then_some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn check_bracket(inner: &str, kind: PathKind) -> Result<(), String> {
    if inner.is_empty() {
        return Err("empty '[]'".into());
    }
    if is_quoted(inner) {
        return Ok(());
    }
    if inner.parse::<i64>().is_ok() {
        return Ok(());
    }
    if kind == PathKind::Reference {
        return Err("a reference path may only use names and indexes in '[]'".into());
    }
    if inner == "*" {
        return Ok(());
    }
    if let Some(filter) = inner.strip_prefix('?') {
        let filter = filter.trim();
        if filter.starts_with('(') && filter.ends_with(')') && filter.len() > 2 {
            return Ok(());
        }
        return Err("a filter must look like [?(...)]".into());
    }
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    if parts.len() > 1
        && parts
            .iter()
            .all(|p| is_quoted(p) || p.parse::<i64>().is_ok())
    {
        return Ok(());
    }
    if inner.contains(':') {
        let bounds: Vec<&str> = inner.split(':').map(str::trim).collect();
        if bounds.len() <= 3
            && bounds
                .iter()
                .all(|b| b.is_empty() || b.parse::<i64>().is_ok())
        {
            return Ok(());
        }
    }
    Err(format!("invalid subscript '[{inner}]'"))
}

fn is_quoted(text: &str) -> bool {
    text.len() >= 2
        && ((text.starts_with('\'') && text.ends_with('\''))
            || (text.starts_with('"') && text.ends_with('"')))
}

/// Whether a payload-template value (`"key.$": value`) is a call rather than a path.
pub fn is_intrinsic(text: &str) -> bool {
    text.starts_with("States.")
}

/// Parses and checks an intrinsic call with the engine's parser (grammar, known function,
/// argument count, escapes, nesting), then what AWS refuses at create time besides: a path
/// argument the validator's path rules refuse, a space before `(`, and a literal Format
/// template whose `{}` count is not the number of values.
pub fn check_intrinsic(text: &str) -> Result<Call, String> {
    let call = intrinsics::parse(text).map_err(|e| e.to_string())?;
    if let Some(name) = space_before_parenthesis(text) {
        return Err(format!("expected '(' after '{name}'"));
    }
    check_call(&call)?;
    Ok(call)
}

fn check_call(call: &Call) -> Result<(), String> {
    for arg in &call.args {
        match arg {
            Arg::Path(path) => check_path(path.text(), PathKind::Full)
                .map_err(|reason| format!("invalid path argument '{}': {reason}", path.text()))?,
            Arg::Call(inner) => check_call(inner)?,
            _ => {}
        }
    }
    if call.name == "States.Format" {
        if let Some(Arg::String { raw, .. }) = call.args.first() {
            let placeholders = count_placeholders(raw);
            if placeholders != call.args.len() - 1 {
                return Err(format!(
                    "'States.Format' has {placeholders} '{{}}' placeholder(s) but {} value(s)",
                    call.args.len() - 1
                ));
            }
        }
    }
    Ok(())
}

/// The function name written with spaces before its `(`, outside string literals.
fn space_before_parenthesis(text: &str) -> Option<&str> {
    let mut in_string = false;
    let mut escaped = false;
    let mut name_start = None;
    for (i, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '\'') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '\'' => {
                in_string = true;
                name_start = None;
            }
            c if c.is_ascii_alphanumeric() || c == '.' => {
                name_start.get_or_insert(i);
            }
            c if c.is_whitespace() => {
                if let Some(start) = name_start.take() {
                    let name = &text[start..i];
                    if name.starts_with("States.") && text[i..].trim_start().starts_with('(') {
                        return Some(name);
                    }
                }
            }
            _ => name_start = None,
        }
    }
    None
}

/// Whether a checked call always yields a string (allowed in ErrorPath/CausePath).
pub fn returns_string(call: &Call) -> bool {
    intrinsics::STRING_FUNCTIONS.contains(&call.name.as_str())
}

/// Counts unescaped `{}` in a Format template as written.
fn count_placeholders(template: &str) -> usize {
    let chars: Vec<char> = template.chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i] == '{' && chars.get(i + 1) == Some(&'}') {
            count += 1;
            i += 2;
            continue;
        }
        i += 1;
    }
    count
}

pub use crate::asl::jsonata::expression_body as jsonata_body;

/// Why AWS refuses a JSONata expression at definition time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonataProblem {
    /// It does not parse (`INVALID_JSONATA_EXPRESSION`): the parser's message, without
    /// its `S0xxx` code, as AWS prints it.
    Invalid(String),
    /// It parses but reads something Step Functions does not offer there
    /// (`UNSUPPORTED_JSONATA_EXPRESSION`).
    Unsupported(String),
}

/// Parses a JSONata expression body (the text between `{%` and `%}`) and checks the
/// references AWS refuses: `$$`, and `$states.errorOutput` outside a Catcher's
/// `Output`/`Assign` (`error_output_ok`).
pub fn check_jsonata(body: &str, error_output_ok: bool) -> Result<(), JsonataProblem> {
    let ast = jlens_core::parse(body).map_err(|e| JsonataProblem::Invalid(e.message()))?;
    match unsupported_reference(&ast.root, error_output_ok)
        .or_else(|| top_level_name(&ast.root, true))
    {
        Some(message) => Err(JsonataProblem::Unsupported(message)),
        None => Ok(()),
    }
}

/// The first of `node`'s children (in source order: operands, then filters, then
/// group-by pairs) for which `f` finds something.
fn first_child<'a, T>(node: &'a Node, mut f: impl FnMut(&'a Node) -> Option<T>) -> Option<T> {
    let mut found = None;
    node.for_each_child(|child| {
        if found.is_none() {
            found = f(child);
        }
    });
    found
}

/// A field name read from the top-level context (`phone`, `$sum(items)`): Step
/// Functions gives an expression no context value, so AWS refuses these and asks for
/// `$states.input…` or a variable. Names in path steps after the first, filters, sort
/// terms, group-by objects and function bodies are relative, hence fine.
fn top_level_name(node: &Node, top: bool) -> Option<String> {
    match &node.kind {
        NodeKind::Lambda(_) => return None,
        NodeKind::Name { name } if top => {
            return Some(format!(
                "Reference to '{name}' at the top level is not supported."
            ))
        }
        _ => {}
    }
    // Filters and group-by pairs read each item, not the context.
    let mut relative: Vec<*const Node> = Vec::new();
    for stage in node.attrs.stages.iter().chain(&node.attrs.predicate) {
        if let Stage::Filter { expr, .. } = stage {
            relative.push(&**expr);
        }
    }
    if let Some(group) = &node.attrs.group {
        for (k, v) in &group.pairs {
            relative.extend([k as *const Node, v as *const Node]);
        }
    }
    let first_step = match &node.kind {
        NodeKind::Path { steps, .. } => steps.first().map(|s| s as *const Node),
        _ => None,
    };
    first_child(node, |child| {
        let at = child as *const Node;
        let child_top = top
            && !relative.contains(&at)
            && match &node.kind {
                NodeKind::Path { .. } => first_step == Some(at),
                NodeKind::Sort { .. } => false,
                _ => true,
            };
        top_level_name(child, child_top)
    })
}

/// Looks for `$$` and `$states.errorOutput` anywhere in the tree.
fn unsupported_reference(node: &Node, error_output_ok: bool) -> Option<String> {
    match &node.kind {
        NodeKind::Variable { name } if name == "$" => {
            return Some("Reference to '$$' is not supported.".into());
        }
        NodeKind::Path { steps, .. } if !error_output_ok => {
            let reads_error_output = matches!(
                (steps.first().map(|s| &s.kind), steps.get(1).map(|s| &s.kind)),
                (Some(NodeKind::Variable { name: states }), Some(NodeKind::Name { name: field }))
                    if states == "states" && field == "errorOutput"
            );
            if reads_error_output {
                return Some("Field '$states.errorOutput' does not exist.".into());
            }
        }
        _ => {}
    }
    first_child(node, |child| unsupported_reference(child, error_output_ok))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_paths() {
        for ok in [
            "$",
            "$$",
            "$.a",
            "$.a.b[0]",
            "$['a b']",
            "$.a[*].b",
            "$..x",
            "$.a[0:2]",
            "$.a[-1]",
            "$.a[?(@.x > 1)]",
            "$$.Execution.Id",
            "$var",
            "$var.x[1]",
            "$.a.length()",
            "$.a[0,1]",
            "$.a-b",
        ] {
            assert_eq!(check_path(ok, PathKind::Full), Ok(()), "{ok}");
        }
        for bad in [
            "", "a", "$.a[", "$.", "$..", "$.a]", "$$23", "23", "$.a[?x]",
        ] {
            assert!(check_path(bad, PathKind::Full).is_err(), "{bad}");
        }
    }

    #[test]
    fn reference_paths() {
        for ok in ["$", "$.a", "$.a[0]", "$['x']", "$var.a"] {
            assert_eq!(check_path(ok, PathKind::Reference), Ok(()), "{ok}");
        }
        for bad in [
            "$.a[*].b",
            "$..a",
            "$.a[0:1]",
            "$.a[?(@.x)]",
            "$.a.length()",
        ] {
            assert!(check_path(bad, PathKind::Reference).is_err(), "{bad}");
        }
    }

    #[test]
    fn intrinsic_grammar_names_and_arity() {
        assert!(check_intrinsic("States.Format('{} and {}', $.a, States.UUID())").is_ok());
        assert!(check_intrinsic("States.Array()").is_ok());
        assert!(check_intrinsic("States.JsonMerge($.a, $.b, false)").is_ok());
        assert!(check_intrinsic("States.MathRandom(1, 2.5, -3)").is_ok());
        assert!(check_intrinsic("States.Format('it\\'s \\{literal\\}')").is_ok());
        for bad in [
            "States.MathAdd(1)",
            "States.format('x')",
            "States.Format('{}', x)",
            "States.Format(\"x\")",
            "States.JsonToString($",
            "States.Format('a \\\"b\\\"')",
            "States.Format('{} {}', 1)",
        ] {
            assert!(check_intrinsic(bad).is_err(), "{bad}");
        }
        let err = |t: &str| check_intrinsic(t).unwrap_err();
        assert_eq!(
            err("States.MathAdd(1)"),
            "The function States.MathAdd expects 2 argument(s) but received 1"
        );
        assert_eq!(
            err("States.format('x')"),
            "Unknown intrinsic function: 'States.format'"
        );
        assert_eq!(
            err("States.Format('{} {}', 1)"),
            "'States.Format' has 2 '{}' placeholder(s) but 1 value(s)"
        );
        assert_eq!(
            err("States.Format ('x')"),
            "expected '(' after 'States.Format'"
        );
        assert!(check_intrinsic("States.Format('a States.X (b')").is_ok());
        assert!(returns_string(
            &check_intrinsic("States.Format('x')").unwrap()
        ));
        assert!(!returns_string(
            &check_intrinsic("States.Array(1)").unwrap()
        ));
    }

    #[test]
    fn intrinsic_nesting_limit() {
        let nest = |n: usize| {
            let mut text = "$.a".to_string();
            for _ in 0..n {
                text = format!("States.JsonToString({text})");
            }
            text
        };
        assert!(check_intrinsic(&nest(10)).is_ok());
        assert!(check_intrinsic(&nest(11)).is_err());
    }

    #[test]
    fn jsonata_expressions() {
        assert_eq!(jsonata_body("{% 1 + 2 %}"), Some(" 1 + 2 "));
        assert_eq!(jsonata_body(" {% 1 %}"), None);
        assert!(check_jsonata(" $states.input.x + 1 ", false).is_ok());
        let invalid = |m: &str| Err(JsonataProblem::Invalid(m.into()));
        assert_eq!(
            check_jsonata("a[1,2)", false),
            invalid("Expected \"]\", got \",\"")
        );
        assert_eq!(
            check_jsonata("1 +", false),
            invalid("Unexpected end of expression")
        );
        assert_eq!(
            check_jsonata("  ", false),
            invalid("Unexpected end of expression")
        );
        assert_eq!(
            check_jsonata("\"unterminated", false),
            invalid("String literal must be terminated by a matching quote")
        );
        assert_eq!(
            check_jsonata("$$.x", false),
            Err(JsonataProblem::Unsupported(
                "Reference to '$$' is not supported.".into()
            ))
        );
        assert_eq!(
            check_jsonata("$states.errorOutput.Cause", false),
            Err(JsonataProblem::Unsupported(
                "Field '$states.errorOutput' does not exist.".into()
            ))
        );
        assert!(check_jsonata("$states.errorOutput.Cause", true).is_ok());
        assert!(check_jsonata("$map([1], function($v) { $v })", false).is_ok());
        let top = |name: &str| {
            Err(JsonataProblem::Unsupported(format!(
                "Reference to '{name}' at the top level is not supported."
            )))
        };
        assert_eq!(check_jsonata("phone", false), top("phone"));
        assert_eq!(check_jsonata("{\"a\": foo.bar}", false), top("foo"));
        assert_eq!(check_jsonata("$sum(items)", false), top("items"));
        assert_eq!(check_jsonata("($x := price; $x)", false), top("price"));
        // The first in source order is named.
        assert_eq!(
            check_jsonata("$states.input.x ? yes : no", false),
            top("yes")
        );
        assert_eq!(check_jsonata("$x ~> $f(a) ~> $g(b)", false), top("a"));
        for ok in [
            "$states.input.items[price > 10].name",
            "$states.input.items^(price){name: price}",
            "$states.input.items.{\"n\": name}",
            "$sum($states.input.items.(price * qty))",
            "$myVar.field",
            "$map($states.input, function($v) { $v.x })",
            "'text' & $string(1)",
            "$states.input[flag]",
            "$x[flag = 1]{key: value}",
            "$states.input.items^(>price)",
        ] {
            assert_eq!(check_jsonata(ok, false), Ok(()), "{ok}");
        }
    }
}
