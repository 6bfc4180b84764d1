// The size of the terminal, for table widths, screenful limits and completion lists.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct TerminalSize: Sendable, Equatable {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// 80×24, the size a terminal is assumed to have when it does not say.
    public static let fallback = TerminalSize(rows: 24, columns: 80)

    /// The size of the terminal on `fd` (TIOCGWINSZ), or `fallback` when `fd` is not a
    /// terminal or reports zero.
    public static func current(fd: Int32 = STDOUT_FILENO) -> TerminalSize {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return fallback
        }
        return TerminalSize(rows: Int(size.ws_row), columns: Int(size.ws_col))
    }

    /// True when `fd` is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}
