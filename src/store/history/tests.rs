use super::super::executions::{append_events, insert as insert_execution, ExecutionRecord};
use super::encode::{common_prefix, common_suffix, MAX_DELTAS};
use super::*;
use crate::history::Details;
use chrono::DateTime;
use serde_json::json;

fn store_with_execution() -> Store {
    store_with_input(None)
}

/// A store holding execution `arn:e`, whose row keeps `input`.
fn store_with_input(input: Option<String>) -> Store {
    let store = Store::in_memory().unwrap();
    insert_execution(
        &store,
        &ExecutionRecord {
            arn: "arn:e".into(),
            state_machine_arn: "arn:sm".into(),
            name: "e".into(),
            status: "RUNNING".into(),
            start_date: "2026-01-01T00:00:00.000000Z".into(),
            input,
            definition: "{}".into(),
            role_arn: "arn:role".into(),
            ..Default::default()
        },
    )
    .unwrap();
    store
}

fn event(id: i64, details: Option<Value>) -> HistoryEvent {
    HistoryEvent {
        id,
        previous_event_id: id - 1,
        // Milliseconds, as AWS keeps (and the store writes) them.
        timestamp: DateTime::from_timestamp_millis(1_700_000_000_123 + id).unwrap(),
        event_type: crate::history::EventType::PassStateEntered,
        details: details.map(Details::Json),
    }
}

/// The history of `arn:e` reads back as `events`, whole, and as the one event `back`
/// places from its newest end, alone (a page that starts inside a chunk).
fn reads_back(store: &Store, events: &[HistoryEvent], back: usize) {
    assert_eq!(page(store, "arn:e", false, 0, usize::MAX).unwrap(), events);
    assert_eq!(
        page(store, "arn:e", true, back, 1).unwrap(),
        vec![events[events.len() - 1 - back].clone()]
    );
}

#[test]
fn pages_run_across_chunks_both_ways() {
    let store = store_with_execution();
    let all: Vec<HistoryEvent> = (1..=25)
        .map(|id| event(id, Some(json!({"name": format!("S{id}"), "input": "{}"}))))
        .collect();
    let mut encoder = EventEncoder::default();
    for batch in all.chunks(7) {
        let rows: Vec<EventRow> = batch.iter().map(|e| encoder.row(e)).collect();
        append_events(&store, "arn:e", &rows).unwrap();
    }
    assert_eq!(count(&store, "arn:e").unwrap(), 25);
    assert_eq!(page(&store, "arn:e", false, 0, usize::MAX).unwrap(), all);
    let ids = |reverse, offset, limit| -> Vec<i64> {
        page(&store, "arn:e", reverse, offset, limit)
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect()
    };
    assert_eq!(ids(false, 5, 4), vec![6, 7, 8, 9]);
    assert_eq!(ids(false, 23, 10), vec![24, 25]);
    assert_eq!(ids(false, 30, 10), Vec::<i64>::new());
    assert_eq!(ids(true, 0, 3), vec![25, 24, 23]);
    assert_eq!(ids(true, 20, 10), vec![5, 4, 3, 2, 1]);
    assert_eq!(ids(true, 6, 2), vec![19, 18]);
    assert!(page(&store, "arn:missing", false, 0, 10)
        .unwrap()
        .is_empty());
}

#[test]
fn chunks_and_payloads_are_stored_compressed() {
    let store = store_with_execution();
    let payload = format!("[{}]", r#"{"id":1,"label":"item"},"#.repeat(PAYLOAD_MIN));
    let all: Vec<HistoryEvent> = (1..=60)
        .map(|id| {
            let input = if id == 1 {
                payload.clone()
            } else {
                format!("{{\"n\":{id}}}")
            };
            event(id, Some(json!({"name": format!("S{id}"), "input": input})))
        })
        .collect();
    let mut encoder = EventEncoder::default();
    let rows: Vec<EventRow> = all.iter().map(|e| encoder.row(e)).collect();
    append_events(&store, "arn:e", &rows).unwrap();
    let kind = |sql: &str| -> String { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(kind("SELECT typeof(events) FROM history_chunks"), "blob");
    assert_eq!(kind("SELECT typeof(text) FROM history_payloads"), "blob");
    assert_eq!(page(&store, "arn:e", false, 0, usize::MAX).unwrap(), all);
}

#[test]
fn long_payloads_are_stored_once_and_read_back_whole() {
    let store = store_with_execution();
    let payload = format!("{{\"a\":\"{}\\n\\\"\"}}", "é\t".repeat(PAYLOAD_MIN));
    let other = "x".repeat(PAYLOAD_MIN);
    let events = vec![
        event(
            1,
            Some(json!({"input": payload, "inputDetails": {"truncated": false}})),
        ),
        event(2, Some(json!({"name": "A", "input": payload, "x": 1.5}))),
        event(3, Some(json!({"name": "A", "output": other, "n": null}))),
        event(
            4,
            Some(json!({"name": "B", "input": other, "extra": payload})),
        ),
        event(5, None),
    ];
    let mut encoder = EventEncoder::default();
    let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
    let stored: Vec<usize> = rows.iter().map(|r| r.payloads.len()).collect();
    assert_eq!(stored, vec![1, 0, 1, 1, 0]);
    assert!(rows.iter().all(|r| r.bytes() < payload.len() + 200));
    append_events(&store, "arn:e", &rows[..2]).unwrap();
    append_events(&store, "arn:e", &rows[2..]).unwrap();
    let read = page(&store, "arn:e", false, 0, 10).unwrap();
    assert_eq!(read, events);
    // Member order survives (it is what get-execution-history prints).
    assert_eq!(
        compact_text(&read[3].details.as_ref().unwrap().to_value()),
        compact_text(&events[3].details.as_ref().unwrap().to_value())
    );
}

#[test]
fn payloads_that_grow_are_stored_as_deltas() {
    let store = store_with_execution();
    // Each output adds a field to the input, as Pass states with a ResultPath do; a
    // multi-byte character sits where two of them differ.
    let mut text = format!("{{\"records\":\"{}\"}}", "ab".repeat(PAYLOAD_MIN));
    let mut events = Vec::new();
    for i in 0..40 {
        text.insert_str(
            text.len() - 1,
            &format!(",\"s{i}\":\"é{}\"", "ü".repeat(i % 3)),
        );
        events.push(event(
            2 * i as i64 + 1,
            Some(json!({"name": "S", "output": text})),
        ));
        events.push(event(
            2 * i as i64 + 2,
            Some(json!({"name": "T", "input": text})),
        ));
    }
    let mut encoder = EventEncoder::default();
    let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
    let payloads: Vec<&Payload> = rows.iter().flat_map(|r| &r.payloads).collect();
    assert_eq!(payloads.len(), 40);
    let whole = payloads.iter().filter(|p| p.base.is_none()).count();
    assert_eq!(whole, 1, "the first only: the others are deltas on it");
    let stored: usize = payloads.iter().map(|p| p.text.len()).sum();
    assert!(stored < text.len() + 40 * 40, "{stored}");
    // Each delta builds on the whole one or on a chain shorter than MAX_DELTAS.
    let depth = |p: &Payload| {
        let (mut n, mut base) = (0, p.base);
        while let Some(id) = base {
            base = payloads.iter().find(|q| q.id == id).unwrap().base;
            n += 1;
        }
        n
    };
    assert!(payloads.iter().all(|p| depth(p) <= MAX_DELTAS as usize));
    for batch in rows.chunks(9) {
        append_events(&store, "arn:e", batch).unwrap();
    }
    // One event alone, from the middle of a chain.
    reads_back(&store, &events, 10);
}

#[test]
fn payloads_equal_to_or_built_on_the_execution_input_refer_to_it() {
    let input = format!("{{\"records\":\"{}\",\"é\":1}}", "ab".repeat(PAYLOAD_MIN));
    let store = store_with_input(Some(input.clone()));
    let mut grown = input.clone();
    grown.insert_str(grown.len() - 1, ",\"step1\":{\"n\":1}");
    let events = vec![
        event(
            1,
            Some(json!({"input": input, "inputDetails": {"truncated": false}})),
        ),
        event(2, Some(json!({"name": "S1", "input": input}))),
        event(3, Some(json!({"name": "S1", "output": grown}))),
        event(4, Some(json!({"output": grown}))),
    ];
    let mut encoder = EventEncoder::for_input(Some(&input));
    let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
    assert!(rows[0].line.contains("input=0"), "{}", rows[0].line);
    assert!(rows[1].line.contains("input=0"), "{}", rows[1].line);
    let payloads: Vec<&Payload> = rows.iter().flat_map(|r| &r.payloads).collect();
    assert_eq!(payloads.len(), 1);
    assert_eq!(payloads[0].base, Some(INPUT_PAYLOAD));
    assert!(payloads[0].text.len() < 40);
    append_events(&store, "arn:e", &rows[..2]).unwrap();
    append_events(&store, "arn:e", &rows[2..]).unwrap();
    reads_back(&store, &events, 0);
    // Short inputs stay in the lines.
    assert!(EventEncoder::for_input(Some("{}")).key.is_none());
}

#[test]
fn payloads_changed_far_apart_are_chained() {
    let store = store_with_execution();
    // Each payload changes one byte, further along each time: on the first (whole) one
    // the delta would grow to most of the text, on the one before it stays one byte.
    let mut bytes: Vec<u8> = "abcdefgh".repeat(PAYLOAD_MIN).into_bytes();
    let mut events = Vec::new();
    for i in 0..40usize {
        let at = (i * 211) % bytes.len();
        bytes[at] = b'0' + (i % 10) as u8;
        let text = String::from_utf8(bytes.clone()).unwrap();
        events.push(event(
            i as i64 + 1,
            Some(json!({"name": "S", "output": text})),
        ));
    }
    let mut encoder = EventEncoder::default();
    let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
    let payloads: Vec<&Payload> = rows.iter().flat_map(|r| &r.payloads).collect();
    let len = bytes.len();
    assert!(payloads
        .iter()
        .all(|p| p.base.is_none() || p.text.len() <= len / 2));
    // Mostly one-byte deltas on the payload before.
    let small = payloads.iter().filter(|p| p.text.len() < 8).count();
    assert!(small >= 30, "{small}");
    let stored: usize = payloads.iter().map(|p| p.text.len()).sum();
    assert!(stored < 3 * len, "{stored}");
    for batch in rows.chunks(7) {
        append_events(&store, "arn:e", batch).unwrap();
    }
    reads_back(&store, &events, 3);
}

#[test]
fn strings_are_stored_raw_unless_they_hold_a_tab_or_a_newline() {
    let store = store_with_execution();
    let events = vec![
        event(
            1,
            Some(json!({"input": "{\"a\":\"\\\"q\"}", "n": 1, "e": "", "cr": "x\r"})),
        ),
        event(
            2,
            Some(json!({"name": "T\tab", "output": "line\nbreak", "z": "é😀"})),
        ),
        event(3, Some(json!({"nested": {"s": "x"}, "list": ["a"]}))),
    ];
    let mut encoder = EventEncoder::default();
    let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
    assert!(rows[0].line.contains("\tinput,e,cr\t"), "{}", rows[0].line);
    assert!(rows[1].line.contains("\tz\t"), "{}", rows[1].line);
    append_events(&store, "arn:e", &rows).unwrap();
    reads_back(&store, &events, 1);
}

#[test]
fn lines_refer_to_earlier_lines_of_their_chunk() {
    let store = store_with_execution();
    let mut events: Vec<HistoryEvent> = (1..=6)
        .map(|id| event(id, Some(json!({"name": format!("S{id}"), "input": "{}"}))))
        .collect();
    events[2].previous_event_id = 1;
    events[3].timestamp = events[1].timestamp; // the clock went back
    events[4].details = None;
    let mut encoder = EventEncoder::default();
    let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
    let text = chunk_text(&rows);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("1\t\t1700000000124000\tPassStateEntered\t"));
    assert_eq!(lines[1], "2\t\t+1000\t~0\tS2\t{}");
    assert!(lines[2].starts_with("3\t1\t+1000\t~0\t"));
    assert!(lines[3].starts_with("4\t\t1700000000125000\t~0\t"));
    append_events(&store, "arn:e", &rows[..3]).unwrap();
    append_events(&store, "arn:e", &rows[3..]).unwrap();
    assert_eq!(page(&store, "arn:e", false, 0, 10).unwrap(), events);
    assert_eq!(
        page(&store, "arn:e", true, 0, 2).unwrap(),
        vec![events[5].clone(), events[4].clone()]
    );
    assert_eq!(
        page(&store, "arn:e", false, 4, 1).unwrap(),
        vec![events[4].clone()]
    );
}

#[test]
fn typed_details_are_stored_as_their_json_would_be() {
    use crate::history::Details;
    let long = format!("{{\"k\":\"{}\"}}", "ab".repeat(PAYLOAD_MIN));
    let mut shapes: Vec<Details> = crate::history::details_shapes();
    shapes.extend([
        Details::StateEntered {
            name: "Big".into(),
            input: long.clone(),
        },
        Details::StateExited {
            name: "Big".into(),
            output: format!("{long} "),
            assigned: vec![("v".into(), long.clone())],
        },
        Details::Output {
            output: long.clone(),
        },
    ]);
    let typed: Vec<HistoryEvent> = shapes
        .into_iter()
        .zip(1..)
        .map(|(details, id)| HistoryEvent {
            details: Some(details),
            ..event(id, None)
        })
        .collect();
    let json: Vec<HistoryEvent> = typed
        .iter()
        .map(|e| HistoryEvent {
            details: e.details.as_ref().map(|d| Details::Json(d.to_value())),
            ..e.clone()
        })
        .collect();
    let (mut a, mut b) = (EventEncoder::default(), EventEncoder::default());
    let rows: Vec<EventRow> = typed.iter().map(|e| a.row(e)).collect();
    let json_rows: Vec<EventRow> = json.iter().map(|e| b.row(e)).collect();
    assert_eq!(rows, json_rows);
    assert!(rows.iter().any(|r| !r.payloads.is_empty()));
    let store = store_with_execution();
    append_events(&store, "arn:e", &rows).unwrap();
    let read = page(&store, "arn:e", false, 0, 100).unwrap();
    assert_eq!(read, typed);
    for (read, json) in read.iter().zip(&json) {
        let text = |e: &HistoryEvent| compact_text(&e.details.as_ref().unwrap().to_value());
        assert_eq!(text(read), text(json));
    }
}

#[test]
fn common_prefix_and_suffix() {
    let a: Vec<u8> = (0..200).map(|i| (i % 7) as u8).collect();
    let mut b = a.clone();
    b[130] = 99;
    assert_eq!(common_prefix(&a, &b), 130);
    assert_eq!(common_suffix(&a, &b), 69);
    assert_eq!(common_prefix(&a, &a[..150]), 150);
    assert_eq!(common_suffix(&a, &a[50..]), 150);
    assert_eq!(common_prefix(b"", b"x"), 0);
    assert_eq!(common_suffix(b"xy", b"y"), 1);
}
