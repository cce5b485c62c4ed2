//! Timestamps in the RFC 3339 profile AWS accepts (uppercase `T`, a zone, 0-9 fraction
//! digits), as used by Wait and the Timestamp* Choice operators.
//!
//! Accepted: `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)`. Rejected (as AWS does): a space or
//! lowercase `t` for the `T`, a missing zone, out-of-range fields (month 13, hour 25,
//! February 30), more than nine fraction digits.
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

/// Parses a timestamp as AWS does; `None` when AWS would reject it.
pub fn parse(text: &str) -> Option<DateTime<FixedOffset>> {
    let b = text.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let year = digits(b, 0, 4)? as i32;
    expect(b, 4, b'-')?;
    let month = digits(b, 5, 2)?;
    expect(b, 7, b'-')?;
    let day = digits(b, 8, 2)?;
    expect(b, 10, b'T')?;
    let hour = digits(b, 11, 2)?;
    expect(b, 13, b':')?;
    let minute = digits(b, 14, 2)?;
    expect(b, 16, b':')?;
    let second = digits(b, 17, 2)?;
    let mut pos = 19;
    let mut nanos = 0u32;
    if b.get(pos) == Some(&b'.') {
        pos += 1;
        let start = pos;
        while pos < b.len() && b[pos].is_ascii_digit() {
            pos += 1;
        }
        let count = pos - start;
        if count == 0 || count > 9 {
            return None;
        }
        nanos = digits(b, start, count)? * 10u32.pow((9 - count) as u32);
    }
    let offset_seconds = match b.get(pos)? {
        b'Z' => {
            pos += 1;
            0
        }
        sign @ (b'+' | b'-') => {
            let oh = digits(b, pos + 1, 2)?;
            expect(b, pos + 3, b':')?;
            let om = digits(b, pos + 4, 2)?;
            pos += 6;
            if oh > 18 || om > 59 {
                return None;
            }
            let total = (oh * 3600 + om * 60) as i32;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    if pos != b.len() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    // chrono would accept second 60 as a leap second; AWS (java.time) does not.
    if second > 59 {
        return None;
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let offset = FixedOffset::east_opt(offset_seconds)?;
    offset.from_local_datetime(&date.and_time(time)).single()
}

/// True when `text` is a timestamp AWS accepts (Choice `IsTimestamp`).
pub fn is_timestamp(text: &str) -> bool {
    parse(text).is_some()
}

fn digits(b: &[u8], start: usize, len: usize) -> Option<u32> {
    let slice = b.get(start..start + len)?;
    let mut n = 0u32;
    for &c in slice {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

fn expect(b: &[u8], at: usize, c: u8) -> Option<()> {
    (b.get(at) == Some(&c)).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_aws_profile() {
        for ok in [
            "2016-03-14T01:59:00Z",
            "2016-03-05T21:29:29.243167252Z",
            "2016-03-05T21:29:29.00Z",
            "2016-03-05T21:29:29.5Z",
            "2012-10-09T19:00:55+01:00",
            "2012-10-09T19:00:55-05:30",
            "2024-02-29T00:00:00Z",
        ] {
            assert!(parse(ok).is_some(), "{ok}");
        }
    }

    #[test]
    fn rejects_what_aws_rejects() {
        for bad in [
            "2016-13-05T21:29:29Z",
            "2016-12-05T25:29:29Z",
            "2016-12-05T21:29:29",
            "2016-12-05 21:29:29Z",
            "05-12-2016T21:29:29Z",
            "2016-12-05t21:29:29Z",
            "2023-02-24 12:15:56.832957",
            "2023-02-30T00:00:00Z",
            "2016-12-05T21:29:60Z",
            "2016-12-05T21:29:29.1234567890Z",
            "2016-12-05T21:29:29.Z",
            "2016-12-05T21:29:29+0100",
            "2016-12-05T21:29:29Z ",
            "",
            "yesterday",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn compares_instants_across_offsets() {
        let a = parse("2012-10-09T19:00:55Z").unwrap();
        let b = parse("2012-10-09T20:00:55+01:00").unwrap();
        assert_eq!(a, b);
        let c = parse("2012-10-09T19:00:55.000000001Z").unwrap();
        assert!(c > a);
    }
}
