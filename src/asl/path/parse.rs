//! Jayway path syntax read into a [`CompiledPath`]: root, then `.name`, `['name']`,
//! `[index]` and the indefinite steps (wildcards, slices, unions, `..`, filters).
use super::rfc9535::to_rfc9535;
use super::{CompiledPath, PathError, Root, Segment};

pub(super) fn parse(path: &str) -> Result<CompiledPath, PathError> {
    let invalid = |why: &str| PathError::Invalid(format!("Invalid JSONPath '{path}': {why}"));
    let bytes = path.as_bytes();
    if bytes.first() != Some(&b'$') {
        return Err(invalid("a path must start with '$'"));
    }
    let (root, mut pos) = if bytes.get(1) == Some(&b'$') {
        (Root::Context, 2)
    } else {
        let end = 1 + path[1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(path.len() - 1);
        if end > 1 {
            (Root::Variable(path[1..end].to_string()), end)
        } else {
            (Root::Input, 1)
        }
    };
    let mut segments = Vec::new();
    let mut function = None;
    while pos < bytes.len() {
        if function.is_some() {
            return Err(invalid("a function must be the last step"));
        }
        match bytes[pos] {
            b'.' => {
                pos += 1;
                if bytes.get(pos) == Some(&b'.') {
                    pos += 1;
                    segments.push(Segment::Descendant);
                }
                // Jayway also reads `$.['a']` and `$.[0]` as `$['a']` and `$[0]`.
                if bytes.get(pos) == Some(&b'[') {
                    continue;
                }
                if bytes.get(pos) == Some(&b'*') {
                    pos += 1;
                    segments.push(Segment::Wildcard);
                    continue;
                }
                let start = pos;
                while pos < bytes.len() && !matches!(bytes[pos], b'.' | b'[' | b'(' | b' ') {
                    pos += 1;
                }
                let name = &path[start..pos];
                if name.is_empty() {
                    return Err(invalid("empty property name"));
                }
                if bytes.get(pos) == Some(&b'(') {
                    if bytes.get(pos + 1) != Some(&b')') {
                        return Err(invalid("functions take no arguments here"));
                    }
                    pos += 2;
                    if segments.last() == Some(&Segment::Descendant) {
                        return Err(invalid("a function cannot follow '..'"));
                    }
                    function = Some(name.to_string());
                    continue;
                }
                segments.push(Segment::Name(name.to_string()));
            }
            b'[' => {
                let end = find_bracket_end(path, pos).ok_or_else(|| invalid("unclosed '['"))?;
                let inner = &path[pos + 1..end];
                segments.push(parse_bracket(inner).map_err(|why| invalid(&why))?);
                pos = end + 1;
            }
            _ => return Err(invalid(&format!("unexpected character at position {pos}"))),
        }
    }
    if segments.last() == Some(&Segment::Descendant) {
        return Err(invalid("'..' must be followed by a step"));
    }
    let mut compiled = CompiledPath {
        root,
        segments,
        function,
        query: None,
    };
    if !compiled.is_definite() {
        let rfc = to_rfc9535(&compiled.segments);
        let has_filter = compiled
            .segments
            .iter()
            .any(|s| matches!(s, Segment::Filter(_)));
        // The query parser recurses once per level: deeper nesting would overflow the stack.
        if nesting(&rfc) > MAX_NESTING {
            return Err(invalid(&format!(
                "brackets and parentheses nest more than {MAX_NESTING} levels deep"
            )));
        }
        match serde_json_path::JsonPath::parse(&rfc) {
            Ok(query) => compiled.query = Some(Ok(query)),
            Err(e) if has_filter => {
                compiled.query = Some(Err(invalid(&format!(
                    "unsupported filter expression ({e})"
                ))
                .detail()))
            }
            Err(e) => return Err(invalid(&format!("unsupported expression ({e})"))),
        }
    }
    Ok(compiled)
}

/// How deep a path's brackets and parentheses may nest; real filters use a few levels.
const MAX_NESTING: usize = 64;

/// The deepest nesting of `[` and `(` in `text`, outside quoted strings.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (_, c) in unquoted(text.char_indices()) {
        match c {
            '[' | '(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ']' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Finds the `]` closing the `[` at `open`, skipping quoted text and nested brackets
/// (filters may contain both).
fn find_bracket_end(path: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in unquoted(path[open..].char_indices()) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The characters of `chars` outside quoted text (`'…'` or `"…"`, in which `\` escapes
/// the character after it), with their positions; the quotes themselves are left out.
/// What the scanners for brackets and argument ends walk: a `]`, `)` or `,` inside a
/// string closes nothing.
pub(crate) fn unquoted(
    chars: impl Iterator<Item = (usize, char)>,
) -> impl Iterator<Item = (usize, char)> {
    let (mut quote, mut escaped) = (None, false);
    chars.filter(move |&(_, c)| match quote {
        Some(q) => {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            false
        }
        None if c == '\'' || c == '"' => {
            quote = Some(c);
            false
        }
        None => true,
    })
}

fn parse_bracket(inner: &str) -> Result<Segment, String> {
    let trimmed = inner.trim();
    if trimmed == "*" {
        return Ok(Segment::Wildcard);
    }
    if let Some(filter) = trimmed.strip_prefix('?') {
        let filter = filter.trim();
        if filter.is_empty() {
            return Err("empty filter".to_string());
        }
        return Ok(Segment::Filter(filter.to_string()));
    }
    if trimmed.starts_with('\'') || trimmed.starts_with('"') {
        let names = parse_quoted_names(trimmed)?;
        return Ok(if names.len() == 1 {
            Segment::Name(names.into_iter().next().unwrap_or_default())
        } else {
            Segment::Names(names)
        });
    }
    if trimmed.contains(':') {
        let parts: Vec<&str> = trimmed.split(':').collect();
        if parts.len() > 3
            || parts
                .iter()
                .any(|p| !p.trim().is_empty() && p.trim().parse::<i64>().is_err())
        {
            return Err(format!("invalid slice [{inner}]"));
        }
        return Ok(Segment::Slice(
            parts.iter().map(|p| p.trim()).collect::<Vec<_>>().join(":"),
        ));
    }
    let indices = trimmed
        .split(',')
        .map(|p| p.trim().parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| format!("invalid array index or property [{inner}]"))?;
    Ok(if indices.len() == 1 {
        Segment::Index(indices[0])
    } else {
        Segment::Indices(indices)
    })
}

/// `'a'`, `"b"` or `'a', 'b'`. Only a backslash before the quote character (or before
/// another backslash) escapes; AWS keeps other backslashes as written.
fn parse_quoted_names(text: &str) -> Result<Vec<String>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut names = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let quote = *chars.get(i).ok_or("missing property name")?;
        if quote != '\'' && quote != '"' {
            return Err(format!("unexpected '{quote}' in brackets"));
        }
        i += 1;
        let mut name = String::new();
        loop {
            let c = *chars.get(i).ok_or("unterminated property name")?;
            if c == '\\' && matches!(chars.get(i + 1), Some(&n) if n == quote || n == '\\') {
                name.push(chars[i + 1]);
                i += 2;
                continue;
            }
            i += 1;
            if c == quote {
                break;
            }
            name.push(c);
        }
        names.push(name);
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        match chars.get(i) {
            None => return Ok(names),
            Some(',') => i += 1,
            Some(c) => return Err(format!("unexpected '{c}' after property name")),
        }
    }
}
