// Vietnamese alphabetical order (domain.md §5), after the CLDR/ICU "vi" standard tailoring:
// the 29-letter alphabet (a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; f j w z at their Latin
// places), tones as a secondary difference (ngang < huyền < hỏi < ngã < sắc < nặng), case as
// a tertiary difference with lower case first. We chose CLDR over the teaching order ngang,
// sắc, huyền, … because ICU, and therefore most other software staff compare against, uses it.
//
// Text is compared word by word, as Vietnamese dictionaries and name lists are: a word (a run
// of letters) is compared by its letters and then by its tones before the next word is looked
// at. So "Anh Dũng" < "Ánh Cường" (anh = ánh by letters, ngang < sắc), and every "Anh …"
// comes before every "Ánh …"; "ang" < "anh" whatever their tones, and "Hà Nam" < "Hàm" (a word
// that ends sorts before a longer one). ICU instead compares the letters of the whole string
// before any tone, which interleaves "Anh Bình", "Ánh Cường", "Anh Dũng". Case is looked at only
// when the whole text is equal on letters and tones, since it changes the spelling, not the word.
//
// Beyond ICU's defaults, two things make lists of units and people read naturally:
// - digit runs compare by numeric value: "Tổ dân phố 2" < "Tổ dân phố 12"; with equal values
//   the run with fewer leading zeros sorts first ("7" < "07");
// - whitespace runs count as one space and leading/trailing whitespace is ignored, so stray
//   spaces in imported data do not move a row.
// Input may be NFC or NFD; Ð (U+00D0) and Ɖ (U+0189), used by mistake for Đ, sort as Đ.
//
// The order is total and agrees with `==`: texts whose keys tie but which are not equal
// ("Hùng" and "Hùng ", "Ðảng" and "Đảng") are ordered by the text itself, the code points of
// its NFC form (`tieBreak`), so the order never calls two different texts equal. Texts that
// are canonically equal (NFC and NFD spellings of one text) compare 0, as `==` says.
//
// There is one definition: `compare` (the SQLite collation `vi`, and `<` on text) compares the
// same keys that `sortKey` returns, built by one `CollationKeyBuilder`, then breaks ties with
// `tieBreak`; `CollationTable` (the language's `sort`) does the same with keys kept in one
// buffer. So sorting in memory and in SQL cannot drift apart.

public enum VietCollation {
    /// The collation key of `s`. Compute it once per row when sorting many rows.
    public static func sortKey(_ s: String) -> SortKey {
        SortKey(weights: CollationKeyBuilder.key(s.unicodeScalars, capacity: s.utf8.count))
    }

    /// -1, 0 or 1 as `a` sorts before, with, or after `b`: `sortKey(a)` against `sortKey(b)`,
    /// and when those tie, `tieBreak(a, b)`; 0 only when `a == b`. The two keys are built one
    /// after the other in one scratch buffer and compared there, with no array made for either.
    public static func compare(_ a: String, _ b: String) -> Int {
        var builder = CollationKeyBuilder(capacity: a.utf8.count + b.utf8.count)
        builder.append(a.unicodeScalars)
        let split = builder.endKeyInPlace()
        builder.append(b.unicodeScalars)
        let order = builder.compareKeys(split: split)
        return order != 0 ? order : tieBreak(a, b)
    }

    /// The order of two texts whose collation keys tie: by the code points of their NFC forms,
    /// so 0 exactly when they are equal (canonically: NFC and NFD spellings of one text are
    /// equal, as Swift's `==` says). Not Swift's `<`: on Linux it does not order an NFD text
    /// and an NFC one by their NFC forms ("Hu\u{300}ng" < "Hùng " is false).
    public static func tieBreak(_ a: String, _ b: String) -> Int {
        var left = a.nfc.unicodeScalars.makeIterator(), right = b.nfc.unicodeScalars.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?): if x != y { return x.value < y.value ? -1 : 1 }
            }
        }
    }

    /// A predicate for `sort(by:)`. For large arrays prefer `sorted(_:by:)`, which computes
    /// each key once instead of twice per comparison.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// `items` sorted by the collation of `text(item)` (the order of `compare`), computing one
    /// key per distinct text into one buffer (`CollationTable`). The sort is stable: items
    /// whose texts are equal keep their order.
    public static func sorted<T>(_ items: some Sequence<T>, by text: (T) -> String) -> [T] {
        let array = Array(items)
        let table = CollationTable(count: array.count) { text(array[$0]) }
        let order = array.indices.sorted { lhs, rhs in
            let result = table.compare(lhs, rhs)
            return result != 0 ? result < 0 : lhs < rhs
        }
        return order.map { array[$0] }
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
