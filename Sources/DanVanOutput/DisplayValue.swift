// What a value looks like once it is ready to be shown: a table, a single record, or text.
// The REPL, `danvan run`/`eval`, piped input and reports all show values through this.

/// A value as the REPL, scripts and reports show it.
public enum DisplayValue: Sendable, Equatable {
    /// Tabular results (a table, a list of rows): rendered in the current `:mode`.
    case table(TableModel)
    /// One row or record, as a one-row model: `label = value` lines in table mode (a row of
    /// 25 columns would not fit across a screen), a one-row table in the other modes.
    case record(TableModel)
    /// Anything else, in the language's own print format.
    case text(String)
}

