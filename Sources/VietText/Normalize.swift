// Normalisation and the diacritic-free search key (domain.md §5).
// Text is stored NFC; search compares `fold`ed keys: NFD, drop combining marks,
// đ → d by hand (it does not decompose), case-fold, collapse whitespace.
// `fold` runs on every row when search keys are (re)built, so it works on Unicode scalars
// with the `LatinDecomposition` table and writes UTF-8 bytes directly; only scalars outside
// the Latin blocks (rare in this data) go through Foundation's normaliser one by one.
import Foundation

extension String {
    /// The NFC (precomposed) form, which the store writes.
    public var nfc: String { precomposedStringWithCanonicalMapping }

    /// True when the text is already in NFC.
    public var isNFC: Bool {
        let composed = precomposedStringWithCanonicalMapping
        return composed.unicodeScalars.elementsEqual(unicodeScalars)
    }
}

public enum VietFold {
    /// The diacritic-free, case-folded search key: "Đảng ủy  Phường" → "dang uy phuong".
    /// The look-alikes of Đ (U+00D0 Ð, U+0189 Ɖ) fold to "d" too. Whitespace runs become one
    /// space and the ends are trimmed.
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        let table = LatinDecomposition.table
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x20 || (0x09...0x0D).contains(value) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(asciiLower(value))
            } else if LatinDecomposition.isCombiningMark(value) {
                continue
            } else if let entry = LatinDecomposition.lookup(value, in: table) {
                // Every mark in the table is in U+0300–U+036F, so only the base is kept.
                if pendingSpace { out.append(0x20); pendingSpace = false }
                if entry.base < 0x80 {
                    out.append(asciiLower(entry.base))
                } else {
                    appendLowercased(entry.base, to: &out)
                }
            } else {
                foldRare(value, into: &out, pendingSpace: &pendingSpace)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when every whitespace-separated word of `query` occurs somewhere in `text`, in any
    /// order and as a substring, comparing folded keys:
    /// `contains("Dân vận khéo Hà Nội", words: "ha noi dan van")` is true. "y" and "i" count
    /// as one letter ("Lý" matches "li"). An empty query matches everything.
    public static func contains(_ text: String, words query: String) -> Bool {
        Query(query).matches(text)
    }

    /// A search query folded once, to test many rows: `let q = VietFold.Query("ha noi")`,
    /// then `q.matches(foldedKey: row.searchKey)` for each row.
    public struct Query: Sendable, Hashable {
        /// The folded words of the query, in the order written.
        public let words: [String]
        private let needles: [[UInt8]]

        public init(_ query: String) {
            let folded = VietFold.fold(query)
            words = folded.split(separator: " ").map(String.init)
            needles = words.map { Array($0.utf8) }
        }

        /// True when every word occurs in `text` once folded.
        public func matches(_ text: String) -> Bool {
            matches(foldedKey: VietFold.fold(text))
        }

        /// True when every word occurs in `key`, which must already be a `fold` result (the
        /// stored `search_key` columns are).
        public func matches(foldedKey key: String) -> Bool {
            if needles.isEmpty { return true }
            var key = key
            return key.withUTF8 { haystack in
                needles.allSatisfy { VietFold.occurs($0, in: haystack) }
            }
        }
    }

    // MARK: - Helpers

    @inline(__always)
    private static func asciiLower(_ value: UInt32) -> UInt8 {
        let byte = UInt8(truncatingIfNeeded: value)
        return (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    /// Scalars outside ASCII and the Latin table: đ's look-alikes, non-ASCII whitespace, and
    /// other scripts, decomposed one at a time like the whole-string NFD would.
    private static func foldRare(_ value: UInt32, into out: inout [UInt8], pendingSpace: inout Bool) {
        switch value {
        case 0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256:
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(0x64)  // "d"
            return
        default:
            if CollationKeyBuilder.isWhitespace(value) {
                pendingSpace = !out.isEmpty
                return
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        for part in String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars {
            if LatinDecomposition.isCombiningMark(part.value) { continue }
            if CollationKeyBuilder.isWhitespace(part.value) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            appendLowercased(part.value, to: &out)
        }
    }

    private static func appendLowercased(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
            appendUTF8(lowered, to: &out)
        }
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if let units = UTF8.encode(scalar) {
            out.append(contentsOf: units)
        }
    }

    /// Naive substring search over UTF-8 bytes; UTF-8 is self-synchronising, so a byte match
    /// is a scalar match. Keys are short (names), so the simple loop is fastest in practice.
    /// The byte a search compares: "y" counts as "i", because both spellings of the same
    /// syllable are in use (Lý/Lí, kỹ/kĩ, quý/quí; domain.md §5) and search must find either.
    @inline(__always)
    static func searchByte(_ byte: UInt8) -> UInt8 { byte == 0x79 ? 0x69 : byte }

    static func occurs(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.count
        if count == 0 { return true }
        if count > haystack.count { return false }
        return needle.withUnsafeBufferPointer { pattern in
            let first = searchByte(pattern[0])
            var start = 0
            let lastStart = haystack.count - count
            while start <= lastStart {
                if searchByte(haystack[start]) == first {
                    var offset = 1
                    while offset < count && searchByte(haystack[start + offset]) == searchByte(pattern[offset]) {
                        offset += 1
                    }
                    if offset == count { return true }
                }
                start += 1
            }
            return false
        }
    }
}
