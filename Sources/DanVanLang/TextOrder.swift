// The order of text in `sort`, `<` and `min`/`max`. A stand-in until VietText's
// `VietCollation` (CLDR Vietnamese: letters first, then tones) is merged: it compares the
// diacritic-free folded key, then the raw text. Swapping in the real collation changes the two
// bodies below and nothing else.
import VietText

/// -1, 0 or 1 as `a` sorts before, with, or after `b`.
func textOrder(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    let left = textSortKey(a), right = textSortKey(b)
    return left < right ? -1 : (right < left ? 1 : 0)
}

/// A precomputed key with the same order as `textOrder`, for sorting many items.
struct TextSortKey: Comparable {
    let folded: String
    let raw: String

    static func < (lhs: TextSortKey, rhs: TextSortKey) -> Bool {
        if lhs.folded != rhs.folded { return lhs.folded < rhs.folded }
        return lhs.raw < rhs.raw
    }
}

func textSortKey(_ text: String) -> TextSortKey {
    TextSortKey(folded: VietFold.fold(text), raw: text)
}
