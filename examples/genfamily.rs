//! Prints a random family file: `cargo run --example genfamily -- PEOPLE SEED`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let people = args.first().and_then(|a| a.parse().ok()).unwrap_or(100);
    let seed = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    print!("{}", genogram::generate::family_yaml(people, seed));
}
