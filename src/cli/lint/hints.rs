//! "Did you mean" hints for names a slip away from a state's name, a state type or a
//! Choice operator, and the "not reachable" errors that only follow from such a slip.
use serde_json::Value;

use crate::asl::validate::Diagnostic;

/// The diagnostics as people read them: in source order; with a "did you mean" hint
/// (aligned with them) where a name is a slip away from a state's name, a state type or a
/// Choice operator; and without the "not reachable" errors that only follow from a
/// misspelled transition target (they go once the target is fixed).
pub fn refine(
    mut diagnostics: Vec<Diagnostic>,
    source: &str,
) -> (Vec<Diagnostic>, Vec<Option<String>>) {
    let Some(definition) = serde_json::from_str::<Value>(source).ok() else {
        diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
        let hints = vec![None; diagnostics.len()];
        return (diagnostics, hints);
    };
    let hints: Vec<Option<String>> = diagnostics
        .iter()
        .map(|d| suggestion(d, &definition))
        .collect();
    // Missing targets read as their suggestion: what is reachable then is no cascade.
    let fixes: std::collections::HashMap<String, String> = diagnostics
        .iter()
        .zip(&hints)
        .filter(|(d, _)| is_missing_target(d))
        .filter_map(|(d, h)| Some((d.message.rsplit(": ").next()?.to_string(), h.clone()?)))
        .collect();
    let mut reachable = std::collections::HashSet::new();
    if !fixes.is_empty() {
        reach(&definition, "", &fixes, &mut reachable);
    }
    let mut paired: Vec<(Diagnostic, Option<String>)> = diagnostics
        .into_iter()
        .zip(hints)
        .filter(|(d, _)| !(is_unreachable(d) && reachable.contains(&d.location)))
        .collect();
    paired.sort_by_key(|(d, _)| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    paired.into_iter().unzip()
}

fn is_missing_target(d: &Diagnostic) -> bool {
    d.code == "MISSING_TRANSITION_TARGET" && d.message.starts_with("Missing")
}

/// Adds the locations (`/States/A`, `/States/P/Branches[0]/States/B`) of the states
/// reachable in the block at `path`, and in the blocks of those states, with the
/// transition targets in `fixes` read as their fix.
fn reach(
    block: &Value,
    path: &str,
    fixes: &std::collections::HashMap<String, String>,
    out: &mut std::collections::HashSet<String>,
) {
    let Some(states) = block.get("States").and_then(Value::as_object) else {
        return;
    };
    let target = |name: &str| fixes.get(name).cloned().unwrap_or_else(|| name.to_string());
    let mut queue: Vec<String> = block
        .get("StartAt")
        .and_then(Value::as_str)
        .map(|s| vec![target(s)])
        .unwrap_or_default();
    while let Some(name) = queue.pop() {
        let location = format!("{path}/States/{name}");
        let Some(state) = states.get(&name) else {
            continue;
        };
        if !out.insert(location.clone()) {
            continue;
        }
        let mut next: Vec<&str> = Vec::new();
        next.extend(state.get("Next").and_then(Value::as_str));
        next.extend(state.get("Default").and_then(Value::as_str));
        for list in ["Choices", "Catch"] {
            for item in state
                .get(list)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                next.extend(item.get("Next").and_then(Value::as_str));
            }
        }
        queue.extend(next.into_iter().map(target));
        if let Some(branches) = state.get("Branches").and_then(Value::as_array) {
            for (i, branch) in branches.iter().enumerate() {
                reach(branch, &format!("{location}/Branches[{i}]"), fixes, out);
            }
        }
        for key in ["ItemProcessor", "Iterator"] {
            if let Some(processor) = state.get(key) {
                reach(processor, &format!("{location}/{key}"), fixes, out);
            }
        }
    }
}

fn is_unreachable(d: &Diagnostic) -> bool {
    d.message.ends_with("is not reachable.")
}

/// The value at a JSON location such as `/States/Wait a bit/Type` (`[n]` indexes).
fn value_at<'a>(definition: &'a Value, location: &str) -> Option<&'a Value> {
    let mut value = definition;
    for part in location.split('/').filter(|p| !p.is_empty()) {
        let (key, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            value = value.get(key)?;
        }
        for index in indexes.split(['[', ']']).filter(|i| !i.is_empty()) {
            value = value.get(index.parse::<usize>().ok()?)?;
        }
    }
    Some(value)
}

/// The state names of the block holding the state at `location` (`/States/X/...`, or
/// nested in Branches and ItemProcessor).
fn sibling_states(definition: &Value, location: &str) -> Vec<String> {
    let block = location
        .rfind("/States/")
        .map(|i| &location[..i])
        .unwrap_or("");
    value_at(definition, block)
        .and_then(|b| b.get("States"))
        .and_then(Value::as_object)
        .map(|states| states.keys().cloned().collect())
        .unwrap_or_default()
}

const STATE_TYPES: [&str; 8] = [
    "Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map",
];

fn suggestion(d: &Diagnostic, definition: &Value) -> Option<String> {
    if d.code == "MISSING_TRANSITION_TARGET" {
        let target = d.message.rsplit(": ").next()?;
        let names = sibling_states(definition, &d.location);
        return closest(target, names.iter().map(String::as_str));
    }
    if let Some(field) = d
        .message
        .strip_prefix("Field '")
        .and_then(|m| m.strip_suffix("' is not supported"))
    {
        if d.location.contains("/Choices") {
            let operators = crate::asl::choice::operator_names();
            return closest(field, operators.iter().map(String::as_str));
        }
        return None;
    }
    if d.message
        .starts_with("The field 'Type' should have one of these values")
    {
        let given = value_at(definition, &d.location)?.as_str()?;
        return closest(given, STATE_TYPES.into_iter());
    }
    None
}

/// The candidate nearest to `given` when it is close enough to be a slip of the fingers.
fn closest<'a>(given: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let limit = (given.chars().count() / 3).clamp(1, 3);
    candidates
        .filter(|c| *c != given)
        .map(|c| (edit_distance(&given.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance, with a swap of two neighbours counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}
