//! Keeps web pages out. A handlers file runs local commands, so a page the user visits must
//! not be able to drive the server: a browser sends `Origin` with a cross-site request (it
//! is refused unless it is the server's own), and a page that rebinds its own DNS name to
//! 127.0.0.1 still sends its own name in `Host` (refused unless it is a name of the
//! listening address). SDKs send neither an `Origin` nor a foreign `Host`. No CORS header
//! is ever sent, so a browser never lets a page read an answer either.
use std::net::IpAddr;

use super::wire::WireError;

/// The host names and origins this server answers to.
#[derive(Debug, Clone)]
pub struct Guard {
    port: u16,
    /// Host names without port (`127.0.0.1`, `localhost`, ...), lower case.
    hosts: Vec<String>,
    /// Listening on every address (`0.0.0.0`, `::`): any IP literal is one of ours.
    any_address: bool,
    /// Origins allowed besides the server's own (`--allow-origin`).
    origins: Vec<String>,
}

impl Guard {
    /// For a server bound to `host`:`port`, also answering to `extra_hosts` names and
    /// `extra_origins` web origins.
    pub fn new(host: &str, port: u16, extra_hosts: &[String], extra_origins: &[String]) -> Guard {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let ip: Option<IpAddr> = bare.parse().ok();
        let any_address = ip.is_some_and(|ip| ip.is_unspecified());
        let mut hosts = vec![bare.to_ascii_lowercase()];
        if ip.is_some_and(|ip| ip.is_loopback()) || any_address || bare == "localhost" {
            hosts.extend(["localhost", "127.0.0.1", "::1"].map(String::from));
        }
        if any_address {
            if let Some(name) = hostname() {
                hosts.push(name.to_ascii_lowercase());
            }
        }
        hosts.extend(extra_hosts.iter().map(|h| h.to_ascii_lowercase()));
        hosts.sort();
        hosts.dedup();
        Guard {
            port,
            hosts,
            any_address,
            origins: extra_origins
                .iter()
                .map(|o| o.trim_end_matches('/').to_ascii_lowercase())
                .collect(),
        }
    }

    /// `host[:port]` as a name of ours: one of the names, at our port (or no port when it
    /// is 80). The `sync-` prefix an SDK puts before the host of `StartSyncExecution` and
    /// `TestState` is allowed.
    fn ours(&self, authority: &str) -> bool {
        let authority = authority.trim().to_ascii_lowercase();
        let (name, port) = split_authority(&authority);
        let port_ok = match port {
            Some(p) => p == self.port.to_string(),
            None => self.port == 80,
        };
        if !port_ok {
            return false;
        }
        let name = name.strip_prefix("sync-").unwrap_or(name);
        let bare = name.trim_start_matches('[').trim_end_matches(']');
        self.hosts.iter().any(|h| h == bare) || (self.any_address && bare.parse::<IpAddr>().is_ok())
    }

    /// Refuses a request whose `Host` or `Origin` is not ours.
    pub fn check(&self, host: Option<&str>, origin: Option<&str>) -> Result<(), WireError> {
        if let Some(host) = host {
            if !self.ours(host) {
                return Err(WireError::access_denied(format!(
                    "refused: the Host header '{host}' is not an address this server listens on (a web page using DNS rebinding sends its own name); to answer to another name, start sfn serve with --allow-host NAME"
                )));
            }
        }
        if let Some(origin) = origin {
            let lower = origin.trim_end_matches('/').to_ascii_lowercase();
            let own = lower
                .strip_prefix("http://")
                .or_else(|| lower.strip_prefix("https://"))
                .is_some_and(|authority| self.ours(authority));
            if !own && !self.origins.contains(&lower) {
                return Err(WireError::access_denied(format!(
                    "refused: requests from the web origin '{origin}' are not accepted (a web page must not drive sfn serve); to allow one, start sfn serve with --allow-origin ORIGIN"
                )));
            }
        }
        Ok(())
    }
}

/// `name:port` / `[v6]:port` / `name` → (name, port).
fn split_authority(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        return match authority.find("]:") {
            Some(i) => (&authority[..=i], Some(&authority[i + 2..])),
            None => (authority, None),
        };
    }
    match authority.rsplit_once(':') {
        // More than one colon without brackets: a bare IPv6 address, no port.
        Some((name, _)) if name.contains(':') => (authority, None),
        Some((name, port)) => (name, Some(port)),
        None => (authority, None),
    }
}

fn hostname() -> Option<String> {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most buf.len() bytes into the buffer we own.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return None;
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    String::from_utf8(buf[..end].to_vec())
        .ok()
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local() -> Guard {
        Guard::new("127.0.0.1", 8083, &[], &[])
    }

    #[test]
    fn clients_without_origin_on_our_names_pass() {
        let g = local();
        for host in [
            "127.0.0.1:8083",
            "localhost:8083",
            "LOCALHOST:8083",
            "[::1]:8083",
            "sync-localhost:8083",
        ] {
            assert!(g.check(Some(host), None).is_ok(), "{host}");
        }
        assert!(g.check(None, None).is_ok());
    }

    #[test]
    fn rebound_names_and_other_ports_are_refused() {
        let g = local();
        for host in [
            "evil.example:8083",
            "127.0.0.1:9999",
            "127.0.0.1",
            "10.0.0.5:8083",
        ] {
            let e = g.check(Some(host), None).unwrap_err();
            assert_eq!((e.status, e.code.as_str()), (403, "AccessDeniedException"));
        }
    }

    #[test]
    fn foreign_origins_are_refused_and_our_own_passes() {
        let g = local();
        assert!(g
            .check(Some("localhost:8083"), Some("http://localhost:8083"))
            .is_ok());
        for origin in ["http://evil.example", "null", "http://localhost:3000"] {
            assert!(
                g.check(Some("localhost:8083"), Some(origin)).is_err(),
                "{origin}"
            );
        }
        let allowed = Guard::new("127.0.0.1", 8083, &[], &["http://localhost:3000/".into()]);
        assert!(allowed
            .check(Some("localhost:8083"), Some("http://localhost:3000"))
            .is_ok());
    }

    #[test]
    fn every_address_accepts_ip_literals_and_named_hosts_only() {
        let g = Guard::new("0.0.0.0", 8083, &["stepfunctions".into()], &[]);
        assert!(g.check(Some("192.168.1.20:8083"), None).is_ok());
        assert!(g.check(Some("stepfunctions:8083"), None).is_ok());
        assert!(g.check(Some("evil.example:8083"), None).is_err());
    }
}
