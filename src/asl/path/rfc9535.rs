//! Indefinite paths rendered in RFC 9535 syntax, which `serde_json_path` runs.
use super::{render_segment, Segment};

/// Renders segments in RFC 9535 syntax for serde_json_path.
pub(super) fn to_rfc9535(segments: &[Segment]) -> String {
    let mut out = String::from("$");
    for segment in segments {
        match segment {
            Segment::Name(name) => {
                out.push('[');
                push_rfc_string(&mut out, name);
                out.push(']');
            }
            Segment::Names(names) => {
                out.push('[');
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_rfc_string(&mut out, name);
                }
                out.push(']');
            }
            Segment::Descendant => out.push_str(".."),
            Segment::Filter(f) => {
                out.push_str("[?");
                out.push_str(&translate_filter(f));
                out.push(']');
            }
            other => out.push_str(&render_segment(other)),
        }
    }
    out
}

/// Rewrites the Jayway-only parts of a filter into RFC 9535: `@.a.length()` becomes
/// `length(@.a)`, `@.a =~ /re/i` becomes `match(@.a, '(?i)re')` (Jayway matches the whole
/// string, like RFC `match`), and member names RFC shorthand cannot spell (`@.first-name`)
/// become `@['first-name']`.
fn translate_filter(filter: &str) -> String {
    use std::sync::LazyLock;
    const OPERAND: &str = r"[@$](?:\.[\w-]+|\[[^\]]*\])*";
    static LENGTH: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&format!(r"({OPERAND})\.length\(\)")).expect("static regex")
    });
    static MATCHES: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"({OPERAND})\s*=~\s*/((?:\\.|[^/\\])*)/([a-zA-Z]*)"
        ))
        .expect("static regex")
    });
    static ODD_NAME: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"([@$])\.([\w-]*-[\w-]*|[0-9][\w-]*)").expect("static regex")
    });
    let text = ODD_NAME.replace_all(filter, |c: &regex::Captures| {
        let mut out = c[1].to_string();
        out.push('[');
        push_rfc_string(&mut out, &c[2]);
        out.push(']');
        out
    });
    let text = LENGTH.replace_all(&text, "length($1)");
    let text = MATCHES.replace_all(&text, |c: &regex::Captures| {
        let flags = if c[3].is_empty() {
            String::new()
        } else {
            format!("(?{})", &c[3])
        };
        let mut out = format!("match({}, ", &c[1]);
        push_rfc_string(&mut out, &format!("{flags}{}", &c[2]));
        out.push(')');
        out
    });
    text.into_owned()
}

fn push_rfc_string(out: &mut String, s: &str) {
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
}
