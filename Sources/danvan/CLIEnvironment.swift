// The environment variables the CLI reads (the database's path, the language, DANVAN_PUSHDOWN,
// the lessons' folder), read once per process.
import Foundation

/// The process's environment, read once. `ProcessInfo.processInfo.environment` builds a new
/// dictionary of every variable at each call, and the options asked for it about ten times
/// per run (a sixth of `danvan eval '1'` once the rest was cut).
enum CLIEnvironment {
    static let variables = ProcessInfo.processInfo.environment
}
