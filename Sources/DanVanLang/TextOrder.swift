// The order of text in `sort`, `<` and `min`/`max`: Vietnamese dictionary order (domain.md §5,
// CLDR "vi"), from VietText's `VietCollation`: letters first across the whole text,
// a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; then tones (none < huyền < hỏi < ngã < sắc < nặng);
// then case (lower first); numbers inside text by value ("Tổ 2" before "Tổ 12").
import VietText

/// A precomputed key with the same order as `textOrder`, for sorting many items.
typealias TextSortKey = VietText.SortKey

/// -1, 0 or 1 as `a` sorts before, with, or after `b`.
func textOrder(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    return VietCollation.compare(a, b)
}

func textSortKey(_ text: String) -> TextSortKey {
    VietCollation.sortKey(text)
}
