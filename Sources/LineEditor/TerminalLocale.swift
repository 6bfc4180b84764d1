// The character locale that libedit needs to see UTF-8. Without `setlocale`, libedit drops
// every non-ASCII byte it reads («Nguyn» for «Nguyễn», notes §1); the machine may also lack the
// locale named in LANG (only C, C.utf8 and POSIX are installed on Debian by default), so
// anything that is not UTF-8 falls back to C.UTF-8.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum TerminalLocale {
    /// Sets LC_CTYPE from the environment, and to C.UTF-8 when that does not give a UTF-8
    /// codeset. Call once at start, before creating a `LineEditor`. Returns the codeset in
    /// force afterwards ("UTF-8" unless the machine has no UTF-8 locale at all).
    @discardableResult
    public static func configure() -> String {
        setlocale(LC_CTYPE, "")
        if codeset() == "UTF-8" { return "UTF-8" }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil {
            _ = setlocale(LC_CTYPE, "C.utf8")
        }
        return codeset()
    }

    /// The codeset of the current LC_CTYPE ("UTF-8", "ANSI_X3.4-1968", …).
    public static func codeset() -> String {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: name)
    }
}
