// Old-style versus new-style tone placement (domain.md §5, normalisation pitfalls).
// In an open syllable ending in the diphthong oa, oe or uy, the old style puts the tone mark
// on the second vowel (hoà, khoẻ, thuỷ) and the new style on the first (hòa, khỏe, thủy).
// Both appear in official texts, so data-fix scripts rewrite to one style before comparing
// or storing. Only those three diphthongs at the end of a word move:
// - with a final consonant the tone is on the second vowel in both styles (hoàng, khoét, tuyết);
// - after q, "u" belongs to the consonant qu, so quý, quỷ, quỳ are already right;
// - longer vowel groups (ngoài, khuya, khuỷu) place the tone the same way in both styles.
// This runs over text being fixed, not on every row of a query, so it may use Foundation's
// normaliser on the whole string.
import Foundation

extension VietFold {
    /// `text` with old-style tone placement rewritten to the new style, in NFC:
    /// "Thanh Hoá" → "Thanh Hóa", "thuỷ" → "thủy", "KHOẺ" → "KHỎE", "oá" → "óa", "uý" → "úy".
    public static func unifyTonePlacement(_ text: String) -> String {
        let scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else {
                out.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count && isWordScalar(scalars[end]) { end += 1 }
            for scalar in newStyleWord(scalars[index..<end]) { out.append(scalar) }
            index = end
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// One letter of an NFD word: its base scalar and the combining marks after it.
    private struct Letter {
        var base: Unicode.Scalar
        var marks: [Unicode.Scalar]
    }

    private static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// The word with its tone moved from the last vowel to the one before when the word is
    /// (consonants)(o a | o e | u y)+tone; otherwise the word unchanged.
    private static func newStyleWord(_ word: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        guard let letters = splitLetters(word), letters.count >= 2 else { return Array(word) }
        let last = letters.count - 1
        let first = lowered(letters[last - 1].base)
        let second = lowered(letters[last].base)
        let isDiphthong = (first == "o" && (second == "a" || second == "e")) || (first == "u" && second == "y")
        guard isDiphthong,
              letters[last - 1].marks.isEmpty,
              letters[last].marks.count == 1,
              let tone = letters[last].marks.first, toneMarks.contains(tone.value)
        else { return Array(word) }
        let onset = letters[..<(last - 1)]
        guard onset.allSatisfy({ $0.marks.isEmpty && !vowels.contains(lowered($0.base)) }) else {
            return Array(word)
        }
        if first == "u", let previous = onset.last, lowered(previous.base) == "q" { return Array(word) }

        var result = letters
        result[last - 1].marks = [tone]
        result[last].marks = []
        return result.flatMap { [$0.base] + $0.marks }
    }

    /// The letters of an NFD word, or nil when it starts with a mark.
    private static func splitLetters(_ word: ArraySlice<Unicode.Scalar>) -> [Letter]? {
        var letters: [Letter] = []
        for scalar in word {
            if LatinDecomposition.isCombiningMark(scalar.value) {
                guard !letters.isEmpty else { return nil }
                letters[letters.count - 1].marks.append(scalar)
            } else {
                letters.append(Letter(base: scalar, marks: []))
            }
        }
        return letters
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        LatinDecomposition.isCombiningMark(scalar.value) || scalar.properties.isAlphabetic
    }

    /// The lower-case ASCII letter of `scalar`, or "_" for anything else (đ counts as a
    /// consonant, which "_" is: it is not in `vowels`).
    private static func lowered(_ scalar: Unicode.Scalar) -> Character {
        switch scalar.value {
        case 0x41...0x5A: return Character(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
        case 0x61...0x7A: return Character(scalar)
        default: return "_"
        }
    }
}
