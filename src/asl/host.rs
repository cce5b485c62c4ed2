//! What the intrinsic functions (`States.Hash`, `States.MathRandom`) and our JSONata
//! functions (`$hash`, `$random`) compute alike, written once: each front end only checks
//! its arguments and words its own errors.
use sha2::Digest as _;

/// The algorithms `States.Hash` and `$hash` accept, as AWS names them.
pub const HASH_ALGORITHMS: &str = "MD5, SHA-1, SHA-256, SHA-384, SHA-512";

/// The lowercase hex digest of `data` by `algorithm` (`MD5`, `SHA-1`, `SHA-256`,
/// `SHA-384`, `SHA-512`); `None` for another algorithm.
pub fn hash(data: &[u8], algorithm: &str) -> Option<String> {
    let digest = match algorithm {
        "MD5" => md5::Md5::digest(data).to_vec(),
        "SHA-1" => sha1::Sha1::digest(data).to_vec(),
        "SHA-256" => sha2::Sha256::digest(data).to_vec(),
        "SHA-384" => sha2::Sha384::digest(data).to_vec(),
        "SHA-512" => sha2::Sha512::digest(data).to_vec(),
        _ => return None,
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(digest.len() * 2);
    for byte in digest {
        text.push(DIGITS[usize::from(byte >> 4)] as char);
        text.push(DIGITS[usize::from(byte & 0xf)] as char);
    }
    Some(text)
}

/// `java.util.Random`'s linear congruential generator, so that a seeded random number is
/// deterministic and what a JVM (AWS) would give.
pub struct JavaRandom {
    seed: i64,
}

impl JavaRandom {
    const MULTIPLIER: i64 = 0x5DEECE66D;
    const MASK: i64 = (1 << 48) - 1;

    pub fn new(seed: i64) -> Self {
        JavaRandom {
            seed: (seed ^ Self::MULTIPLIER) & Self::MASK,
        }
    }

    fn next(&mut self, bits: u32) -> i32 {
        self.seed = (self.seed.wrapping_mul(Self::MULTIPLIER).wrapping_add(0xB)) & Self::MASK;
        (self.seed >> (48 - bits)) as i32
    }

    /// `nextInt(bound)`, `bound` > 0.
    pub fn next_int(&mut self, bound: i32) -> i32 {
        let mut r = self.next(31);
        let m = bound - 1;
        if bound & m == 0 {
            return ((i64::from(bound) * i64::from(r)) >> 31) as i32;
        }
        let mut u = r;
        loop {
            r = u % bound;
            if u.wrapping_sub(r).wrapping_add(m) >= 0 {
                return r;
            }
            u = self.next(31);
        }
    }

    pub fn next_long(&mut self) -> i64 {
        (i64::from(self.next(32)) << 32).wrapping_add(i64::from(self.next(32)))
    }

    pub fn next_double(&mut self) -> f64 {
        // `next` keeps the low bits of a 48-bit state: as unsigned they are the JVM's.
        let high = self.next(26) as u32 as u64;
        let low = self.next(27) as u32 as u64;
        ((high << 27) + low) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_random_matches_a_jvm() {
        // new java.util.Random(42).nextDouble() == 0.7275636800328681
        assert_eq!(JavaRandom::new(42).next_double(), 0.7275636800328681);
        assert_eq!(JavaRandom::new(0).next_double(), 0.730967787376657);
        // java.util.Random(42).nextInt(10) is 0 on a JVM.
        assert_eq!(JavaRandom::new(42).next_int(10), 0);
        assert_eq!(JavaRandom::new(42).next_int(1000), 130);
        assert_eq!(JavaRandom::new(42).next_int(100), 30);
    }

    #[test]
    fn digests_are_lowercase_hex() {
        assert_eq!(
            hash(b"abc", "MD5").as_deref(),
            Some("900150983cd24fb0d6963f7d28e17f72")
        );
        assert_eq!(hash(b"", "SHA-1").unwrap().len(), 40);
        assert!(hash(b"", "CRC32").is_none());
    }
}
