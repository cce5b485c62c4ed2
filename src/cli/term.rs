//! Small terminal helpers shared by the commands made for people: the width to fit, the
//! colours, and times as people say them ("3 min ago", "1.2s").
use std::io::IsTerminal;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};

/// Which stream a view is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    pub fn is_terminal(self) -> bool {
        match self {
            Stream::Stdout => std::io::stdout().is_terminal(),
            Stream::Stderr => std::io::stderr().is_terminal(),
        }
    }

    fn fd(self) -> i32 {
        match self {
            Stream::Stdout => 1,
            Stream::Stderr => 2,
        }
    }
}

/// Narrowest width trusted: a pseudo-terminal without a size reports 0.
pub const MIN_WIDTH: usize = 40;

/// The width to fit a view into: the terminal's when the stream is one, else `COLUMNS`
/// (so `COLUMNS=80 sfn ls | less` fits too), else none (a pipe gets whole lines).
pub fn width(stream: Stream) -> Option<usize> {
    if stream.is_terminal() {
        if let Some(w) = terminal_columns(stream.fd()).filter(|w| *w >= MIN_WIDTH) {
            return Some(w);
        }
    }
    columns_env()
}

fn columns_env() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()?
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|w| *w >= MIN_WIDTH)
}

#[cfg(unix)]
fn terminal_columns(fd: i32) -> Option<usize> {
    // SAFETY: TIOCGWINSZ only writes a `winsize` into the struct we own.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(size.ws_col as usize)
}

#[cfg(not(unix))]
fn terminal_columns(_fd: i32) -> Option<usize> {
    None
}

/// Colour on this stream: a terminal, and `NO_COLOR` unset or empty (no-color.org).
pub fn color(stream: Stream) -> bool {
    stream.is_terminal() && super::live::color()
}

/// `text` in an SGR colour (`"32"` green, `"1;31"` bold red...) when `on`.
pub fn paint(text: &str, code: &str, on: bool) -> String {
    if on {
        format!("\u{1b}[{code}m{text}\u{1b}[0m")
    } else {
        text.to_string()
    }
}

/// The mark and colour code of an execution status.
pub fn status_mark(status: &str) -> (&'static str, &'static str) {
    match status {
        "SUCCEEDED" => ("✔", "32"),
        "RUNNING" => ("●", "36"),
        "PENDING_REDRIVE" => ("↻", "36"),
        "ABORTED" => ("■", "33"),
        _ => ("✘", "31"),
    }
}

/// How long ago `then` was: `just now`, `42 s ago`, `3 min ago`, `2 h ago`, `5 days ago`,
/// then the date.
pub fn ago(then: DateTime<FixedOffset>, now: DateTime<Utc>) -> String {
    let secs = (now - then.with_timezone(&Utc)).num_seconds();
    match secs {
        s if s < 5 => "just now".to_string(),
        s if s < 60 => format!("{s} s ago"),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 86_400 => format!("{} h ago", s / 3600),
        s if s < 86_400 * 2 => "yesterday".to_string(),
        s if s < 86_400 * 14 => format!("{} days ago", s / 86_400),
        _ => then.format("%Y-%m-%d").to_string(),
    }
}

/// A duration in the fewest characters that still read well: `85ms`, `1.2s`, `42s`,
/// `3m05s`, `2h10m`.
pub fn short_duration(d: Duration) -> String {
    let millis = d.as_millis();
    let secs = d.as_secs();
    if millis < 1000 {
        format!("{millis}ms")
    } else if millis < 10_000 {
        format!("{}.{}s", millis / 1000, (millis % 1000) / 100)
    } else if secs < 60 {
        format!("{secs}s")
    } else if secs < 3600 {
        format!("{}m{:02}s", secs / 60, secs % 60)
    } else {
        format!("{}h{:02}m", secs / 3600, (secs % 3600) / 60)
    }
}

/// Characters shown on a terminal (escape sequences not counted).
pub fn visible_len(text: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for c in text.chars() {
        if in_escape {
            in_escape = !c.is_ascii_alphabetic();
        } else if c == '\u{1b}' {
            in_escape = true;
        } else {
            n += 1;
        }
    }
    n
}

/// `text` cut to `max` characters, with `…` standing for the rest.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let kept: String = text.chars().take(max - 1).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_people_say_them() {
        let now = Utc::now();
        let at = |secs: i64| (now - chrono::Duration::seconds(secs)).fixed_offset();
        assert_eq!(ago(at(1), now), "just now");
        assert_eq!(ago(at(42), now), "42 s ago");
        assert_eq!(ago(at(200), now), "3 min ago");
        assert_eq!(ago(at(7300), now), "2 h ago");
        assert_eq!(ago(at(86_400 * 5), now), "5 days ago");
        assert_eq!(short_duration(Duration::from_millis(85)), "85ms");
        assert_eq!(short_duration(Duration::from_millis(1234)), "1.2s");
        assert_eq!(short_duration(Duration::from_secs(185)), "3m05s");
        assert_eq!(short_duration(Duration::from_secs(7800)), "2h10m");
    }

    #[test]
    fn cutting_keeps_a_marker_and_escapes_do_not_count() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
        assert_eq!(visible_len("\u{1b}[1;32m✔ OK\u{1b}[0m"), 4);
    }
}
