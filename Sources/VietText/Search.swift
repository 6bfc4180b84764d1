// Word search, the language's `~` and the SQL function the database registers for it
// (domain.md §5, searching without diacritics): `text ~ query` is true when every word of the
// query begins some word of the text, both folded (`VietFold.fold`: no case, no diacritics,
// đ → d), with "y" and "i" counted as one letter. Words may come in any order, and a query
// word may be the start of a longer word: "phuong tan" and "tan hoa" find "Phường Tân Hòa",
// "an" finds "An Phú" but not "Thanh", "tp" finds "TP. Hà Nội".
//
// A word is a run of letters and digits (of any script); everything else separates words:
// spaces, and punctuation such as - , ( ) . / _ ' and symbols. So "Bà Rịa-Vũng Tàu" has the
// words ba, ria, vung, tau, and a query is split the same way ("kt-xh" looks for kt and xh).
// Why word starts and not substrings: a short query such as "an" occurs inside half the names
// (Thanh, Lan, Ngoan) and buried what the user meant.
//
// `matches(_:query:)` folds both strings into stack buffers (no heap allocation for ordinary
// text), so it can be called once per row, in memory or from SQLite. `Query` folds a query
// once to test many rows or stored `search_key` values.

extension VietFold {
    /// True when every word of `query` begins some word of `text`, after folding both: words
    /// are runs of letters and digits, compared without case or diacritics, đ as d, y as i, in
    /// any order. `matches("Phường Tân Hòa", query: "tan phuong")` is true;
    /// `matches("Thanh Xuân", query: "an")` is false. A query with no words matches everything.
    /// This is the language's `~` and the database's search function: keep them one function.
    public static func matches(_ text: String, query: String) -> Bool {
        withFolded(query) { query in
            var words = WordRanges(query)
            guard let first = words.next() else { return true }
            return withFolded(text) { text in
                if !beginsAWord(UnsafeBufferPointer(rebasing: query[first]), in: text) { return false }
                while let word = words.next() {
                    if !beginsAWord(UnsafeBufferPointer(rebasing: query[word]), in: text) { return false }
                }
                return true
            }
        }
    }

    /// The old name of `matches(_:query:)`, kept so callers written against it (the SQL
    /// function `dv_matches`) give the same answer as `~`.
    @available(*, deprecated, renamed: "matches(_:query:)")
    public static func contains(_ text: String, words query: String) -> Bool {
        matches(text, query: query)
    }

    /// A search query folded once, to test many rows: `let q = VietFold.Query("ha noi")`,
    /// then `q.matches(row.name)` or `q.matches(foldedKey: row.searchKey)` for each row.
    /// Same rule as `VietFold.matches(_:query:)`.
    public struct Query: Sendable, Hashable {
        /// The folded words of the query, in the order written.
        public let words: [String]
        private let needles: [[UInt8]]

        public init(_ query: String) {
            let folded = Array(VietFold.fold(query).utf8)
            needles = folded.withUnsafeBufferPointer { bytes in
                var ranges = WordRanges(bytes)
                var found: [[UInt8]] = []
                while let range = ranges.next() { found.append(Array(bytes[range])) }
                return found
            }
            words = needles.map { String(decoding: $0, as: UTF8.self) }
        }

        /// True when every word begins a word of `text` once folded.
        public func matches(_ text: String) -> Bool {
            if needles.isEmpty { return true }
            return VietFold.withFolded(text) { matches(folded: $0) }
        }

        /// True when every word begins a word of `key`, which must already be a `fold` result
        /// (the stored `search_key` columns are).
        public func matches(foldedKey key: String) -> Bool {
            if needles.isEmpty { return true }
            var key = key
            return key.withUTF8 { matches(folded: $0) }
        }

        private func matches(folded text: UnsafeBufferPointer<UInt8>) -> Bool {
            needles.allSatisfy { needle in
                needle.withUnsafeBufferPointer { VietFold.beginsAWord($0, in: text) }
            }
        }
    }

    // MARK: - Matching folded bytes

    /// Texts up to this many UTF-8 bytes are folded on the stack; longer ones (whole reports)
    /// on the heap, where one allocation is small beside the work of reading them.
    static let maxStackFold = 1024

    /// Calls `body` with the folded UTF-8 bytes of `text`.
    static func withFolded<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let size = text.utf8.count
        if size <= maxStackFold {
            let result: R? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(size, 1)) { buffer in
                var out = FoldOutput(buffer)
                fold(text, into: &out)
                return out.overflowed ? nil : body(out.bytes)
            }
            if let result { return result }
        }
        // Long text, or one of the rare texts that fold longer than they are.
        var folded = fold(text)
        return folded.withUTF8(body)
    }

    /// True when `needle` (the bytes of one folded query word) begins some word of `text`
    /// (folded bytes). "y" and "i" compare equal.
    static func beginsAWord(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.count
        if count == 0 { return true }
        guard count <= text.count else { return false }
        let first = searchByte(needle[0])
        var index = 0
        var previousIsWord = false
        while index < text.count {
            let (isWord, length) = wordCharacter(at: index, in: text)
            if isWord && !previousIsWord && searchByte(text[index]) == first && index + count <= text.count {
                var offset = 1
                while offset < count && searchByte(text[index + offset]) == searchByte(needle[offset]) {
                    offset += 1
                }
                if offset == count { return true }
            }
            previousIsWord = isWord
            index += length
        }
        return false
    }

    /// The byte a search compares: "y" counts as "i", because both spellings of the same
    /// syllable are in use (Lý/Lí, kỹ/kĩ, quý/quí; domain.md §5) and search must find either.
    @inline(__always)
    static func searchByte(_ byte: UInt8) -> UInt8 { byte == 0x79 ? 0x69 : byte }

    /// Whether the scalar starting at `index` of folded UTF-8 `bytes` is part of a word (a
    /// letter, digit or mark), and its length in bytes. ASCII, nearly all of folded Vietnamese,
    /// is decided from the byte; other scalars from their Unicode properties.
    @inline(__always)
    static func wordCharacter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (isWord: Bool, length: Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            let isWord = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
            return (isWord, 1)
        }
        return nonASCIIWordCharacter(at: index, in: bytes)
    }

    private static func nonASCIIWordCharacter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (isWord: Bool, length: Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : (lead >= 0xC0 ? 2 : 1))
        // A stray continuation byte, or a sequence cut short: not valid UTF-8, not a word.
        guard length > 1, index + length <= bytes.count else { return (false, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return (false, length) }
        let properties = scalar.properties
        if properties.isAlphabetic { return (true, length) }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return (true, length)
        default:
            return (false, length)
        }
    }
}

/// The words of folded UTF-8 bytes, as ranges, in order.
struct WordRanges: IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> Range<Int>? {
        var start: Int?
        while index < bytes.count {
            let (isWord, length) = VietFold.wordCharacter(at: index, in: bytes)
            if isWord {
                if start == nil { start = index }
            } else if let begin = start {
                return begin..<index
            }
            index += length
        }
        if let begin = start { return begin..<bytes.count }
        return nil
    }
}
