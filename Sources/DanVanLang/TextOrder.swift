// The order of text in `sort`, `<` and `min`/`max`: Vietnamese dictionary order (domain.md §5,
// CLDR "vi"): letters first across the whole text, a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư;
// then tones (none < huyền < hỏi < ngã < sắc < nặng); then case (lower first).
//
// A small stand-in until VietText's `VietCollation` is merged. Swapping in the real collation
// changes the two function bodies at the bottom (`textOrder`, `textSortKey`) and nothing else.
import Foundation

/// A precomputed key with the same order as `textOrder`, for sorting many items.
struct TextSortKey: Comparable {
    let primary: [UInt32]
    let secondary: [UInt8]
    let tertiary: [UInt8]
    let raw: String

    static func < (lhs: TextSortKey, rhs: TextSortKey) -> Bool {
        if lhs.primary != rhs.primary { return lhs.primary.lexicographicallyPrecedes(rhs.primary) }
        if lhs.secondary != rhs.secondary { return lhs.secondary.lexicographicallyPrecedes(rhs.secondary) }
        if lhs.tertiary != rhs.tertiary { return lhs.tertiary.lexicographicallyPrecedes(rhs.tertiary) }
        return lhs.raw.unicodeScalars.lexicographicallyPrecedes(rhs.raw.unicodeScalars)
    }

    static func == (lhs: TextSortKey, rhs: TextSortKey) -> Bool { lhs.raw == rhs.raw }

    init(_ text: String) {
        var primary: [UInt32] = []
        var secondary: [UInt8] = []
        var tertiary: [UInt8] = []
        for character in text {
            var base: Unicode.Scalar?
            var quality: UInt32 = 0
            var tone: UInt8 = 0
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                switch scalar.value {
                case 0x0306: quality = 1          // breve: ă
                case 0x0302: quality = 2          // circumflex: â ê ô
                case 0x031B: quality = 3          // horn: ơ ư
                case 0x0300: tone = 1             // huyền
                case 0x0309: tone = 2             // hỏi
                case 0x0303: tone = 3             // ngã
                case 0x0301: tone = 4             // sắc
                case 0x0323: tone = 5             // nặng
                default:
                    if base == nil { base = scalar }
                }
            }
            guard var letter = base else { continue }
            var upper: UInt8 = 0
            let lowered = String(letter).lowercased().unicodeScalars
            if let first = lowered.first, first != letter { upper = 1; letter = first }
            if letter.value == 0x0111 { letter = "d"; quality = 1 }   // đ after d
            primary.append(letter.value << 2 | quality)
            secondary.append(tone)
            tertiary.append(upper)
        }
        self.primary = primary
        self.secondary = secondary
        self.tertiary = tertiary
        self.raw = text
    }
}

/// -1, 0 or 1 as `a` sorts before, with, or after `b`.
func textOrder(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    let left = textSortKey(a), right = textSortKey(b)
    return left < right ? -1 : (right < left ? 1 : 0)
}

func textSortKey(_ text: String) -> TextSortKey {
    TextSortKey(text)
}
