// Vietnamese alphabetical order (domain.md §5), after the CLDR/ICU "vi" standard tailoring:
// the 29-letter alphabet (a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; f j w z at their Latin
// places), tones as a secondary difference looked at only when the letters of the whole string
// are equal (ngang < huyền < hỏi < ngã < sắc < nặng), case as a tertiary difference with lower
// case first. We chose CLDR over the teaching order ngang, sắc, huyền, … because ICU, and
// therefore most other software staff compare against, uses it.
//
// Beyond ICU's defaults, two things make lists of units and people read naturally:
// - digit runs compare by numeric value: "Tổ dân phố 2" < "Tổ dân phố 12"; with equal values
//   the run with fewer leading zeros sorts first ("7" < "07");
// - whitespace runs count as one space and leading/trailing whitespace is ignored, so stray
//   spaces in imported data do not move a row.
// Input may be NFC or NFD; Ð (U+00D0) and Ɖ (U+0189), used by mistake for Đ, sort as Đ.

public enum VietCollation {
    /// The collation key of `s`. Compute it once per row when sorting many rows.
    public static func sortKey(_ s: String) -> SortKey {
        SortKey(weights: CollationKeyBuilder.key(s.unicodeScalars, capacity: s.utf8.count))
    }

    /// -1, 0 or 1 as `a` sorts before, with, or after `b`.
    public static func compare(_ a: String, _ b: String) -> Int {
        SortKey.compareWeights(sortKey(a).weights, sortKey(b).weights)
    }

    /// A predicate for `sort(by:)`. For large arrays prefer `sorted(_:by:)`, which computes
    /// each key once instead of twice per comparison.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// `items` sorted by the collation of `text(item)`, computing one key per item with one
    /// reused builder. The sort is stable: items whose texts collate equal keep their order.
    public static func sorted<T>(_ items: some Sequence<T>, by text: (T) -> String) -> [T] {
        let array = Array(items)
        var builder = CollationKeyBuilder()
        let keys = array.map { item -> [UInt16] in
            builder.append(text(item).unicodeScalars)
            return builder.finish()
        }
        return reorder(array, by: keys)
    }

    /// `items` sorted by a key of the caller's choice (e.g. `personSortKey`), one key per item,
    /// stably.
    public static func sorted<T>(_ items: some Sequence<T>, byKey key: (T) -> SortKey) -> [T] {
        let array = Array(items)
        return reorder(array, by: array.map { key($0).weights })
    }

    /// Sorts positions rather than (key, item) pairs: moving an Int is cheaper than moving a
    /// key and an item with their reference counts. Ties keep input order.
    private static func reorder<T>(_ items: [T], by keys: [[UInt16]]) -> [T] {
        var order = Array(items.indices)
        keys.withUnsafeBufferPointer { keys in
            order.sort { lhs, rhs in
                let result = SortKey.compareWeights(keys[lhs], keys[rhs])
                return result != 0 ? result < 0 : lhs < rhs
            }
        }
        return order.map { items[$0] }
    }
}
