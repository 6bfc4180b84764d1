// The order of text in `sort`, `<` and `min`/`max`: Vietnamese dictionary order (domain.md §5,
// CLDR "vi" letters and tones), from VietText's `VietCollation`. Word by word: each word by its
// letters (a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư), then by its tones (none < huyền < hỏi <
// ngã < sắc < nặng), before the next word, so every "Anh …" sorts before every "Ánh …"; case
// (lower first) only when all else is equal; numbers inside text by value ("Tổ 2" before
// "Tổ 12"). Texts equal in all of that but not equal (`"Hùng"` and `"Hùng "`) are ordered by
// their code points, so only equal texts tie. `textOrder` here, the `sort` of Sorting.swift
// (`CollationTable`) and the SQLite collation `vi` (DanVanStore) are all `VietCollation.compare`'s
// order, so sorting in memory and in SQL agree.
import VietText

/// -1, 0 or 1 as `a` sorts before, with, or after `b`.
func textOrder(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    return VietCollation.compare(a, b)
}
