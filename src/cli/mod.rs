//! The command line: clap definitions, AWS CLI conventions and rendering (owner:
//! foundation work).

pub mod graph;
/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    eprintln!("sfn: the command line is not built yet");
    255
}
