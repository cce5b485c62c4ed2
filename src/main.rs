fn main() {
    std::process::exit(sfn::cli::main());
}
