// A slow, obviously-written model of the collation rules, used as an oracle by the property
// tests: split the text into words (runs of letters) and single other elements, compare them
// in turn (a word by its letters, then its tones), then the case of the whole text. It shares no code with CollationKeyBuilder: it normalises with Foundation, reads
// letters through an alphabet string and compares level by level with plain Swift arrays.
// It covers the inputs the generator produces (Vietnamese letters, digits, ASCII spaces and
// punctuation, Ð).
import Foundation

enum ReferenceCollation {
    static let alphabet: [String] = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i",
                                     "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t",
                                     "u", "ư", "v", "w", "x", "y", "z"]
    /// Combining tone marks in CLDR order; position + 1 is the tone's rank (0 = ngang).
    static let tones: [Unicode.Scalar] = ["\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]
    static let qualities: Set<Unicode.Scalar> = ["\u{0306}", "\u{0302}", "\u{031B}"]

    enum Element: Equatable {
        case space
        case punctuation(UInt32)
        case number(significant: [Int], zeros: Int)
        case letter(rank: Int, tone: Int, upper: Bool)
    }

    static func elements(_ text: String) -> [Element] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let scalars = Array(words.decomposedStringWithCanonicalMapping.unicodeScalars)
        var result: [Element] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " {
                result.append(.space)
                index += 1
            } else if ("0"..."9").contains(scalar) {
                var digits: [Int] = []
                while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                    digits.append(Int(scalars[index].value) - 48)
                    index += 1
                }
                let zeros = digits.prefix(while: { $0 == 0 }).count
                result.append(.number(significant: Array(digits.dropFirst(zeros)), zeros: zeros))
            } else if scalar.properties.isAlphabetic {
                var base = String(scalar)
                if base == "Ð" { base = "Đ" }
                var tone = 0
                index += 1
                while index < scalars.count, scalars[index].properties.generalCategory == .nonspacingMark {
                    let mark = scalars[index]
                    if let position = tones.firstIndex(of: mark) {
                        tone = position + 1
                    } else if qualities.contains(mark) {
                        base.unicodeScalars.append(mark)
                    }
                    index += 1
                }
                let letter = base.precomposedStringWithCanonicalMapping
                let lower = letter.lowercased()
                let rank = alphabet.firstIndex(of: lower) ?? -1
                result.append(.letter(rank: rank, tone: tone, upper: lower != letter))
            } else {
                result.append(.punctuation(scalar.value))
                index += 1
            }
        }
        return result
    }

    /// A word (a run of letters) or one other element, with what it is compared by: its
    /// primary values, then its tones (empty for anything but a word).
    struct Segment {
        var primary: [[Int]]
        var tones: [Int]
        var isWord: Bool
    }

    /// The text as segments, and the tertiary values of all its elements.
    static func segments(_ text: String) -> ([Segment], [Int]) {
        var segments: [Segment] = []
        var tertiary: [Int] = []
        var wordOpen = false
        for element in elements(text) {
            switch element {
            case .space:
                segments.append(Segment(primary: [[0]], tones: [], isWord: false))
                wordOpen = false
            case .punctuation(let code):
                segments.append(Segment(primary: [[1, Int(code)]], tones: [], isWord: false))
                wordOpen = false
            case .number(let significant, let zeros):
                segments.append(Segment(primary: [[2, significant.count] + significant], tones: [], isWord: false))
                tertiary.append(zeros)
                wordOpen = false
            case .letter(let rank, let tone, let upper):
                if !wordOpen {
                    segments.append(Segment(primary: [], tones: [], isWord: true))
                    wordOpen = true
                }
                segments[segments.count - 1].primary.append([3, rank])
                segments[segments.count - 1].tones.append(tone)
                tertiary.append(upper ? 1 : 0)
            }
        }
        return (segments, tertiary)
    }

    /// The letters of the whole text, level by level (used to check that the sample has ties).
    static func letters(_ text: String) -> [[Int]] {
        segments(text).0.flatMap(\.primary)
    }

    /// Word by word: each segment by its primary values, then its tones; then, for texts equal
    /// so far, the tertiary values of the whole text.
    static func compare(_ a: String, _ b: String) -> Int {
        let (sa, ta) = segments(a)
        let (sb, tb) = segments(b)
        let bySegments = lexicographic(sa, sb) { x, y in
            let byPrimary = lexicographic(x.primary, y.primary, by: { lexicographic($0, $1, by: compareInts) }) ?? 0
            return byPrimary != 0 ? byPrimary : lexicographic(x.tones, y.tones, by: compareInts)
        }
        if let order = bySegments, order != 0 { return order }
        return lexicographic(ta, tb, by: compareInts) ?? 0
    }

    private static func compareInts(_ a: Int, _ b: Int) -> Int? { a < b ? -1 : (a > b ? 1 : 0) }

    private static func lexicographic<T>(_ a: [T], _ b: [T], by compare: (T, T) -> Int?) -> Int? {
        for (x, y) in zip(a, b) {
            if let order = compare(x, y), order != 0 { return order }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
