// The collation keys of many texts, for sorting them. Every key lives in one flat buffer of
// weights (no array per text), a text that comes again reuses the key of its first occurrence,
// and `compare` is `VietCollation.compare`'s order: keys first, then, for texts whose keys tie
// ("Hùng" and "Hùng ", "Ðảng" and "Đảng"), the texts themselves (`VietCollation.tieBreak`).
// The language's `sort` and `VietCollation.sorted` use it.

public struct CollationTable: Sendable {
    /// The weights of every distinct text's key, one key after another.
    private let weights: [UInt16]
    /// For distinct text number d, its key is `weights[bounds[d]..<bounds[d + 1]]`.
    private let bounds: [Int]
    private let texts: [String]
    /// For each position: the number of its distinct text.
    private let entries: [Int32]

    /// The keys of `count` texts, `text(position)` for each position 0..<count.
    public init(count: Int, text: (Int) throws -> String) rethrows {
        var weights: [UInt16] = []
        var bounds: [Int] = [0]
        var texts: [String] = []
        var entries: [Int32] = []
        entries.reserveCapacity(count)
        // A text seen before reuses its key: lists of people and units repeat names. The look-up
        // is by the UTF-8 bytes: hashing a String normalises non-ASCII text first, which costs
        // as much as building the key. (An NFD spelling of a text seen in NFC gets a key of its
        // own, an equal one: `compare` still says 0.)
        var seen: [Spelling: Int32] = [:]
        seen.reserveCapacity(count)
        var builder = CollationKeyBuilder()
        for position in 0..<count {
            let value = try text(position)
            if let known = seen[Spelling(text: value)] {
                entries.append(known)
                continue
            }
            let number = Int32(truncatingIfNeeded: texts.count)
            seen[Spelling(text: value)] = number
            builder.append(value.unicodeScalars)
            builder.finish(appendingTo: &weights)
            bounds.append(weights.count)
            texts.append(value)
            entries.append(number)
        }
        self.weights = weights
        self.bounds = bounds
        self.texts = texts
        self.entries = entries
    }

    public var count: Int { entries.count }

    /// -1, 0 or 1 as the text at position `i` sorts before, with, or after the one at `j`:
    /// `VietCollation.compare` of the two texts. 0 only for equal texts (canonically, so NFC
    /// and NFD spellings of one text are 0).
    @inline(__always)
    public func compare(_ i: Int, _ j: Int) -> Int {
        let a = Int(entries[i]), b = Int(entries[j])
        if a == b { return 0 }
        let order = weights.withUnsafeBufferPointer { all in
            SortKey.compareWeights(UnsafeBufferPointer(rebasing: all[bounds[a]..<bounds[a + 1]]),
                                   UnsafeBufferPointer(rebasing: all[bounds[b]..<bounds[b + 1]]))
        }
        return order != 0 ? order : VietCollation.tieBreak(texts[a], texts[b])
    }
}

/// A text compared and hashed by its UTF-8 bytes, for `CollationTable`'s cache of keys.
private struct Spelling: Hashable {
    let text: String

    static func == (lhs: Spelling, rhs: Spelling) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
