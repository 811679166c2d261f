//! `genogram package-files DIR` (hidden): the manual pages, one per command, and the
//! shell completions, generated from the command-line definitions so they never
//! disagree with the program. Packaging scripts run it (packaging/deb/build).

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::Error;

/// The completion files and the shells they are for, as Debian and most systems name
/// them (`genogram.bash`, `_genogram`, `genogram.fish`).
pub const COMPLETIONS: &[(Shell, &str)] = &[
    (Shell::Bash, "genogram.bash"),
    (Shell::Zsh, "_genogram"),
    (Shell::Fish, "genogram.fish"),
];

/// Writes `dir/man/genogram.1` and `dir/man/genogram-COMMAND.1` for each command, and
/// `dir/completions/` for bash, zsh and fish.
pub(super) fn run(dir: &Path, err: &mut impl std::io::Write) -> Result<u8, Error> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| Error::Io { path, source }
    };
    let man = dir.join("man");
    let completions = dir.join("completions");
    std::fs::create_dir_all(&man).map_err(io(&man))?;
    std::fs::create_dir_all(&completions).map_err(io(&completions))?;
    let command = super::Args::command();
    clap_mangen::generate_to(command.clone(), &man).map_err(io(&man))?;
    for (shell, name) in COMPLETIONS {
        let mut bytes = Vec::new();
        clap_complete::generate(*shell, &mut command.clone(), "genogram", &mut bytes);
        let path = completions.join(name);
        // Not the family's private writer: these are public files for every user.
        std::fs::write(&path, &bytes).map_err(io(&path))?;
    }
    let _ = writeln!(
        err,
        "wrote manual pages to {} and completions to {}",
        man.display(),
        completions.display()
    );
    Ok(0)
}
