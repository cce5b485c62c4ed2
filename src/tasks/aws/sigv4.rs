//! AWS Signature Version 4, as the SDKs sign requests to every service here (none of them
//! is S3, so the path is encoded twice and no `x-amz-content-sha256` header is sent).
use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

use super::Credentials;

/// Everything but SigV4's unreserved characters (`A-Z a-z 0-9 - _ . ~`).
pub const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// SigV4's URI encoding of one path segment, query key or query value.
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// A request about to be signed: `path` and `query` as they go on the wire (already
/// encoded), `headers` without the ones signing adds.
pub struct Unsigned<'a> {
    pub method: &'a str,
    /// `host[:port]`, as the `Host` header carries it.
    pub host: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// The headers signing adds (`X-Amz-Date`, `X-Amz-Security-Token`, `Authorization`) for
/// `request` to `service` in `region` at `now`.
pub fn sign(
    request: &Unsigned,
    credentials: &Credentials,
    region: &str,
    service: &str,
    now: DateTime<Utc>,
) -> Vec<(String, String)> {
    let amz_date = now.format("%Y%m%dT%H%M%SZ").to_string();
    let date = &amz_date[..8];
    let mut added = vec![("X-Amz-Date".to_string(), amz_date.clone())];
    if let Some(token) = &credentials.session_token {
        added.push(("X-Amz-Security-Token".to_string(), token.clone()));
    }
    let mut canonical: Vec<(String, String)> = request
        .headers
        .iter()
        .chain(added.iter())
        .map(|(name, value)| (name.to_ascii_lowercase(), normalize_space(value)))
        .chain(std::iter::once((
            "host".to_string(),
            request.host.to_string(),
        )))
        .collect();
    canonical.sort();
    let signed_headers = canonical
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let canonical_headers: String = canonical
        .iter()
        .map(|(name, value)| format!("{name}:{value}\n"))
        .collect();
    let canonical_request = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{}",
        request.method,
        canonical_path(request.path),
        canonical_query(request.query),
        hex(&Sha256::digest(request.body)),
    );
    let scope = format!("{date}/{region}/{service}/aws4_request");
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let key = [date, region, service, "aws4_request"].iter().fold(
        format!("AWS4{}", credentials.secret_access_key).into_bytes(),
        |key, part| hmac(&key, part.as_bytes()),
    );
    let signature = hex(&hmac(&key, string_to_sign.as_bytes()));
    added.push((
        "Authorization".to_string(),
        format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
            credentials.access_key_id
        ),
    ));
    added
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length: this cannot fail.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC takes any key");
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Header values with surrounding space trimmed and inner runs of spaces made one.
fn normalize_space(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every segment of the (already encoded) path encoded once more.
fn canonical_path(path: &str) -> String {
    if path.is_empty() {
        return "/".to_string();
    }
    path.split('/').map(encode).collect::<Vec<_>>().join("/")
}

/// The query's pairs decoded, encoded the SigV4 way and sorted.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .to_string()
            };
            (encode(&decode(k)), encode(&decode(v)))
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn example_credentials() -> Credentials {
        Credentials {
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
            session_token: None,
        }
    }

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2015, 8, 30, 12, 36, 0).unwrap()
    }

    /// What signing `request` adds, as AWS's test suite signs it.
    fn sign_example(request: &Unsigned) -> Vec<(String, String)> {
        sign(
            request,
            &example_credentials(),
            "us-east-1",
            "service",
            at(),
        )
    }

    /// The request of AWS's SigV4 test `get-vanilla`.
    fn get_vanilla() -> Unsigned<'static> {
        Unsigned {
            method: "GET",
            host: "example.amazonaws.com",
            path: "/",
            query: "",
            headers: &[],
            body: b"",
        }
    }

    /// AWS's SigV4 test suite, `get-vanilla` and `post-x-www-form-urlencoded`.
    #[test]
    fn signs_as_the_aws_test_suite_does() {
        let request = get_vanilla();
        let added = sign_example(&request);
        assert_eq!(added[0], ("X-Amz-Date".into(), "20150830T123600Z".into()));
        assert_eq!(
            added[1].1,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        );

        let headers = [(
            "Content-Type".to_string(),
            "application/x-www-form-urlencoded".to_string(),
        )];
        let request = Unsigned {
            method: "POST",
            host: "example.amazonaws.com",
            path: "/",
            query: "",
            headers: &headers,
            body: b"Param1=value1",
        };
        let added = sign_example(&request);
        assert_eq!(
            added[1].1,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"
        );
    }

    #[test]
    fn queries_are_sorted_and_paths_encoded_twice() {
        assert_eq!(canonical_query("b=2&a=x%20y&c"), "a=x%20y&b=2&c=");
        assert_eq!(
            canonical_path("/2015-03-31/functions/arn%3Aaws%3Alambda/invocations"),
            "/2015-03-31/functions/arn%253Aaws%253Alambda/invocations"
        );
        assert_eq!(canonical_path(""), "/");
    }

    #[test]
    fn a_session_token_is_signed() {
        let mut credentials = example_credentials();
        credentials.session_token = Some("token".into());
        let request = get_vanilla();
        let added = sign(&request, &credentials, "us-east-1", "service", at());
        assert_eq!(added[1], ("X-Amz-Security-Token".into(), "token".into()));
        assert!(added[2]
            .1
            .contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));
    }
}
