// The environment variables the CLI reads (the database's path, the language, DANVAN_PUSHDOWN,
// DANVAN_QUICK, the lessons' folder), read once per process.
import Foundation

/// The process's environment, read once. `ProcessInfo.processInfo.environment` builds a new
/// dictionary of every variable at each call, and the options asked for it about ten times
/// per run (a sixth of `danvan eval '1'` once the rest was cut).
enum CLIEnvironment {
    static let variables = ProcessInfo.processInfo.environment

    /// `DANVAN_QUICK=off`: every command line goes to ArgumentParser; `DANVAN_QUICK=only`: a
    /// line the quick reader (QuickCommand.swift) does not take is refused (exit 70). Both are
    /// for a test that checks the quick reader reads each line as ArgumentParser does.
    static var quickCommandLines: String? { variables["DANVAN_QUICK"] }
}
