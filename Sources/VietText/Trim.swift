// Trimming spaces without Foundation: `trimmingCharacters(in: .whitespaces)` goes through
// NSString on Linux, and took half of the lesson parser's time (perf, the lesson fuzzer).

extension Substring {
    /// The text without spaces and tabs at either end: the same scalars as Foundation's
    /// `CharacterSet.whitespaces` (tab, the Unicode space separators and the zero-width
    /// space), never a line break.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Substring.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard Substring.isSpace(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension String {
    /// The text without spaces and tabs at either end (see `Substring.trimmingSpaces`).
    public func trimmingSpaces() -> String { self[...].trimmingSpaces() }
}
