// What the REPL engine asks its driver to do. The engine never touches a terminal or a file
// descriptor itself (STYLE §9): tests collect these events, the driver writes them out.

/// One line of input as the driver read it.
public enum LineInput: Sendable, Equatable {
    /// A line without its newline; a recalled multi-line history entry has newlines inside.
    case line(String)
    /// Ctrl-C at the prompt.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

public enum REPLEvent: Sendable, Equatable {
    /// Text for standard output (results, listings, notices), ending in "\n".
    case output(String)
    /// Text for standard error (diagnostics), ending in "\n".
    case error(String)
    /// `:clear`: clear the screen.
    case clearScreen
    /// A finished statement or command to remember, as one entry.
    case history(String)
    /// The session is over, with this exit status.
    case exit(Int32)
}
