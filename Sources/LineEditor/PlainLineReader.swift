// Reading lines when stdin is not a terminal (a pipe, a file, CI): no prompt, no editing,
// no history, no libedit at all (STYLE §9). It has the same shape as `LineEditor.readLine`
// so the caller can hold either.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public final class PlainLineReader {
    /// Lines read so far, so that a script's errors can name their line.
    public private(set) var lineNumber = 0

    public init() {}

    /// The next line without its newline ("\n" or "\r\n"), invalid UTF-8 repaired; the prompt
    /// is ignored. Read a byte at a time through C's buffered stdin (getchar), as `Swift.readLine` is,
    /// but with no buffer handed between allocators: `Swift.readLine` frees the buffer that
    /// libc's getline made, which AddressSanitizer reports as a bad free (scripts/sanitize).
    public func readLine(prompt: String) -> ReadResult {
        var bytes: [UInt8] = []
        while true {
            let next = getchar()
            if next == EOF {
                if bytes.isEmpty { return .eof }
                break
            }
            if next == 0x0A { break }
            bytes.append(UInt8(truncatingIfNeeded: next))
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        lineNumber += 1
        return .line(String(decoding: bytes, as: UTF8.self))
    }
}
