//! Links the `sfn` executable position-dependent (non-PIE) on x86_64 Linux with glibc: as a
//! PIE it carries ~37,000 relative relocations that the dynamic loader applied at every
//! start, copying each page they touch, a measurable share of a short command (see
//! benches/ab.py). The library, tests and other targets are built as before.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let var = |name| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
