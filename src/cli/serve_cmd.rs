//! `genogram serve`: open the workspace server and say where it is.

use std::io::Write;
use std::path::Path;

use crate::Error;
use crate::serve::Server;

/// Binds the workspace, prints its address (and nothing about the family), and answers
/// requests until the process is stopped.
pub(super) fn run(file: &Path, port: u16, out: &mut impl Write) -> Result<u8, Error> {
    let server = Server::bind(file, port)?;
    let _ = writeln!(out, "Workspace: {}", server.address());
    let _ = writeln!(
        out,
        "Open that address in a web browser on this computer. Press Ctrl-C here to stop."
    );
    let _ = out.flush();
    server.run();
    Ok(0)
}
