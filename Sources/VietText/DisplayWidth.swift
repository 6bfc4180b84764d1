// How many terminal cells a text takes, for aligning table columns and completion lists.
// Glibc's wcwidth is not reachable from Swift, and it works per code point anyway, while a
// terminal draws per user-perceived character. So the width is computed per `Character`
// (grapheme cluster): a cluster takes the widest of its scalars, where combining marks and
// other invisible scalars (ZWJ, variation selectors, format characters) take 0 cells, East
// Asian Wide/Fullwidth characters and emoji take 2, and everything else 1. An NFD "ễ"
// (e + U+0302 + U+0303) is one cluster of width 1, exactly like the NFC "ễ".

public enum DisplayWidth {
    /// The cells `text` takes on a terminal. Control characters count 0: callers replace
    /// newlines and tabs before measuring (the table renderer does).
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The cells one user-perceived character takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.generalCategory == .control { return 0 }
        // A flag is a pair of regional indicators, drawn as one wide emoji.
        if isRegionalIndicator(first) { return scalars.count >= 2 ? 2 : 1 }
        // VS16 asks for the emoji presentation of a character that has a text default ("❤️").
        if scalars.count > 1, first.properties.isEmoji,
           scalars.contains(where: { $0.value == 0xFE0F }) {
            return 2
        }
        var widest = 0
        for scalar in scalars {
            widest = max(widest, width(of: scalar))
            if widest == 2 { break }
        }
        return widest
    }

    /// `text` cut to at most `cells` cells, ending in "…" when something was cut.
    /// Never splits a character; a wide character that does not fit is dropped whole, and
    /// spaces before the "…" are dropped ("Phường Tân…", not "Phường Tân …"), so the result
    /// can be narrower than `cells`.
    public static func truncate(_ text: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        if of(text) <= cells { return text }
        let budget = cells - 1  // one cell for the ellipsis
        var result = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > budget { break }
            result.append(character)
            used += width
        }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result + "…"
    }

    public enum Alignment: Sendable {
        case left, right, center
    }

    /// `text` padded with spaces to `cells` cells. Text already as wide or wider is returned
    /// unchanged (cut it first with `truncate`).
    public static func pad(_ text: String, to cells: Int, alignment: Alignment = .left) -> String {
        let missing = cells - of(text)
        guard missing > 0 else { return text }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + text
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + text
                + String(repeating: " ", count: missing - before)
        }
    }

    // MARK: - Per scalar

    /// The width of one scalar on its own: 0 for marks and invisible format characters,
    /// 2 for wide and emoji-presentation characters, else 1.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the preceding syllable block.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(value) ? 2 : 1
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks from Unicode's EastAsianWidth.txt,
    /// merged into ranges. The pictograph blocks (U+1F300–1F6FF) mix wide and narrow
    /// characters; there the wide ones are exactly those with an emoji presentation, which
    /// `width(of:)` checks before this table, so they are left out here.
    static func isWide(_ value: UInt32) -> Bool {
        // Most text is below U+1100; answer it without a search.
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Sorted, non-overlapping.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x231A...0x231B,    // watch, hourglass
        0x2329...0x232A,    // angle brackets
        0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
        0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD,
        0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50,
        0x2B55...0x2B55,
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,    // CJK Extension A
        0x4E00...0x9FFF,    // CJK Unified Ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo Extended-A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,  // Tangut, Kana supplement
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD,  // CJK Extensions B–F
        0x30000...0x3FFFD,  // CJK Extension G and later
    ]
}
