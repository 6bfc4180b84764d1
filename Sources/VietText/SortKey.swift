// The value a Vietnamese collation key is stored as. Sorting many rows compares keys,
// not strings: each row's key is computed once (VietCollation.sortKey) and every later
// comparison is a plain loop over two arrays of 16-bit weights.

/// A collation key: compare two keys with `<` / `==` to compare the strings they came from
/// under `VietCollation`, up to its tie-break: texts that differ only in spaces or in a
/// look-alike of Đ have equal keys, and `VietCollation.compare` then orders them by the text
/// (`VietCollation.tieBreak`). Keys from the same version of DanVan are comparable with each
/// other; do not persist them across versions without recomputing.
public struct SortKey: Comparable, Hashable, Sendable {
    /// The weights, compared lexicographically; a shorter key that is a prefix of a longer
    /// one sorts first. Layout: each word's letters and tones in turn, then the case of the
    /// whole text (see `CollationKeyBuilder`).
    public let weights: [UInt16]

    public init(weights: [UInt16]) {
        self.weights = weights
    }

    public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        compareWeights(lhs.weights, rhs.weights) < 0
    }

    /// The key as big-endian bytes, whose byte order (memcmp, SQLite's BLOB order) is the
    /// key order, so the key can be stored in a column and sorted by the database.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(weights.count * 2)
        for weight in weights {
            out.append(UInt8(truncatingIfNeeded: weight >> 8))
            out.append(UInt8(truncatingIfNeeded: weight))
        }
        return out
    }

    /// -1, 0 or 1, like `memcmp` on the weights.
    static func compareWeights(_ lhs: [UInt16], _ rhs: [UInt16]) -> Int {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in compareWeights(left, right) }
        }
    }

    /// -1, 0 or 1, like `memcmp` on the weights; a prefix sorts first.
    static func compareWeights(_ left: UnsafeBufferPointer<UInt16>, _ right: UnsafeBufferPointer<UInt16>) -> Int {
        let common = min(left.count, right.count)
        var index = 0
        while index < common {
            let a = left[index], b = right[index]
            if a != b { return a < b ? -1 : 1 }
            index += 1
        }
        if left.count == right.count { return 0 }
        return left.count < right.count ? -1 : 1
    }
}
