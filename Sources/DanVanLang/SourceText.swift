// Source text and positions. The lexer works on UTF-8 bytes for speed; positions are kept as
// byte offsets while compiling and running, and turned into `SourceLocation` (line and column
// counted in Characters, so a caret lines up under Vietnamese text) only when a diagnostic is made.

/// A named piece of program text: a script file, a REPL entry, an `eval` snippet.
public struct SourceText: Sendable {
    public let name: String
    public let text: String
    /// The text as UTF-8 bytes, which the lexer scans.
    let bytes: [UInt8]
    /// Byte offset of the first byte of each line.
    let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        // A line ends with LF, CRLF (one break) or a lone CR, as the lexer reads them.
        var starts = [0]
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                starts.append(index + 1)
            }
        }
        self.lineStarts = starts
    }

    /// The 1-based line holding byte `offset`.
    func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The location of byte `offset`, its column counted in Characters.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(of: clamped)
        let start = lineStarts[line - 1]
        // In ASCII each byte is one Character (a CR LF pair, the one exception, ends a line).
        if !bytes[start..<clamped].contains(where: { $0 >= 0x80 }) {
            return SourceLocation(file: name, line: line, column: clamped - start + 1)
        }
        let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
        return SourceLocation(file: name, line: line, column: prefix.count + 1)
    }

    /// The text of 1-based `line`, without its line break.
    public func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

/// A position for people: file name, 1-based line, 1-based column in Characters.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A byte range inside one source, as the lexer, parser and compiler keep it.
public struct SourceRange: Sendable, Hashable {
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    func to(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}

/// Where a running program is: which source (index into the interpreter's sources) and offset.
/// Kept small because every compiled operation that can fail captures one.
struct Span: Sendable {
    let source: Int32
    let offset: Int32
}
