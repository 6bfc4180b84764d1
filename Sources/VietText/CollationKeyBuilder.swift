// Builds a `SortKey` from text in one pass over its Unicode scalars (domain.md §5, the
// implementation note): decompose each letter into base + marks with `LatinDecomposition`,
// map base + vowel-quality mark (breve, circumflex, horn, and the stroke of đ) to a letter of
// the 29-letter alphabet (primary weight), keep the tone as a secondary weight and the case as
// a tertiary weight. NFC and NFD input give the same key because precomposed letters are
// looked up in the table and bare marks are folded into the letter before them.
//
// Order: word by word, as Vietnamese dictionaries and name lists are ordered. A word (a run of
// letters) is compared by its letters, then by its tones, before the next word is looked at,
// so every "Anh …" comes before every "Ánh …"; spaces, punctuation and numbers between words
// are compared as they come. Case (and the leading zeros of numbers) is looked at only when
// the whole text is equal on letters and tones: it is a difference of spelling, not of word,
// so "ANH Bình" still sorts among the "Anh B…".
//
// Key layout, written as the text is read:
//   for each word:      its primary weights, 0, its secondary weights, 0
//   for anything else:  its primary weights (all ≥ 1)
//   then                0, the tertiary weights of the whole text
// The 0 after a word's letters sorts below a further letter (a word that ends comes first: "an"
// < "anh") and the 0 closing its tones below whatever can follow (≥ 1), so comparing keys
// compares words in turn, each by letters and then tones. The last 0 sorts below any further
// element, so tertiary weights are compared only between texts equal up to there, and those
// have the same elements, so their tertiary weights line up. Trailing 1s of a word's tones
// and of the tertiary level are dropped: 1 is the lowest weight there, so a shorter level
// followed by 0 (or the end) still sorts first, and most keys lose their whole tertiary level.
//
// Primary weights, lowest first (the CLDR root order: spaces < punctuation < digits < letters):
//   1                  whitespace (a run counts as one space; leading/trailing runs are ignored)
//   0x0010 + code      ASCII punctuation and symbols, in code point order
//   0x0100 + plane, lo other punctuation, symbols, unassigned scalars and combining marks with no
//                      letter to carry them (two units)
//   0x0200 + n, d...   a run of ASCII digits with n significant digits, then the digits, so
//                      numbers compare by value: "2" < "12" (leading zeros go to tertiary);
//                      n ≥ 0x0DFF is written 0x0FFF, n >> 16, n & 0xFFFF (still by length)
//   0x1000 + rank      the 33 Latin letters: a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s
//                      t u ư v w x y z (f j w z at their Latin places)
//   0x2000 + plane, lo other letters (Greek, Cyrillic, ø, æ, CJK, ...), lower-cased, by code point
// Secondary: 1 no tone, 2 huyền, 3 hỏi, 4 ngã, 5 sắc, 6 nặng (CLDR "vi" standard order); other
//   combining marks follow their letter's tone as extra weights ≥ 7.
// Tertiary: 1 lower case or uncased, 2 upper case; for a digit run, 1 + its leading zeros.
import Foundation

struct CollationKeyBuilder: ~Copyable {
    private static let letterBase: UInt16 = 0x1000
    private static let otherLetterBase: UInt16 = 0x2000
    private static let numberBase: UInt16 = 0x0200
    private static let otherSymbolBase: UInt16 = 0x0100
    private static let asciiSymbolBase: UInt16 = 0x0010
    private static let whitespaceWeight: UInt16 = 1
    /// Digit runs up to this many significant digits have their length in the lead weight;
    /// longer runs (never seen in real data, but possible input) use the 0x0FFF escape.
    private static let maxShortRun = 0x0DFE
    /// Pseudo-mark for the stroke of đ, which Unicode does not decompose.
    private static let stroke: UInt32 = 0xFFFF

    /// The rank of ASCII letter `index` (a=0 … z=25) in the 33-letter order above: its
    /// alphabet position shifted past the modified letters before it (ă â, đ, ê, ô ơ, ư).
    /// Arithmetic rather than a table: a static array costs a lazy-init check per letter.
    @inline(__always)
    private static func baseRank(_ index: UInt8) -> UInt16 {
        var rank = UInt16(index)
        if index >= 1 { rank += 2 }   // after ă â
        if index >= 4 { rank += 1 }   // after đ
        if index >= 5 { rank += 1 }   // after ê
        if index >= 15 { rank += 2 }  // after ô ơ
        if index >= 21 { rank += 1 }  // after ư
        return rank
    }

    private enum Pending {
        case none
        /// A Latin letter: its index a=0…z=25, the vowel-quality mark seen, tone weight, case.
        case latin(index: UInt8, quality: UInt32, tone: UInt16, upper: Bool)
        /// Any other letter, whose primary weights are already written.
        case other(tone: UInt16, upper: Bool)
        /// A digit run: where its length weight goes, significant digits so far, leading zeros.
        case number(leadIndex: Int, digits: Int, zeros: Int)
    }

    /// The key being written: finished elements and words, in order.
    private var output: WeightBuffer
    /// The tones (and extra marks) of the word being read, written after its letters when the
    /// word ends.
    private var wordSecondary: WeightBuffer
    /// The case of every element of the whole text, written last.
    private var tertiary: WeightBuffer
    /// Extra marks of the pending letter, written after its tone. Empty (no allocation) for
    /// Vietnamese text.
    private var extras: [UInt16] = []
    private var pending: Pending = .none
    /// True while the letters written last belong to a word whose tones are not written yet.
    private var inWord = false
    /// True once the current part has an element, so a whitespace run is a separator, not a
    /// leading run to ignore.
    private var partHasElement = false
    /// A whitespace run seen since the last element, written only if another element follows.
    private var pendingSpace = false
    private let table = LatinDecomposition.table

    /// `capacity`: the expected number of scalars, to size the scratch buffers once.
    init(capacity: Int = 64) {
        output = WeightBuffer(capacity: 3 * capacity + 4)
        wordSecondary = WeightBuffer(capacity: capacity)
        tertiary = WeightBuffer(capacity: capacity)
    }

    /// The key of `scalars`.
    static func key<S: Sequence<Unicode.Scalar>>(_ scalars: S, capacity: Int) -> [UInt16] {
        var builder = CollationKeyBuilder(capacity: capacity)
        builder.append(scalars)
        return builder.finish()
    }

    /// Appends the elements of `scalars`.
    mutating func append<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
        for scalar in scalars { append(scalar.value, decomposed: false) }
    }

    /// Closes the pending element and returns the key, in an array of exactly its size (keys
    /// of a whole table are kept in memory). The builder is empty afterwards and keeps its
    /// scratch buffers, so one builder can make many keys without reallocating.
    mutating func finish() -> [UInt16] {
        closeKey()
        let key = output.toArray()  // a copy sized to the key, not to the scratch buffer
        output.removeAll()
        return key
    }

    /// Closes the pending element and appends the key to `weights` (the keys of many texts in
    /// one array, `CollationTable`). The builder is empty afterwards, as after `finish()`.
    mutating func finish(appendingTo weights: inout [UInt16]) {
        closeKey()
        output.append(to: &weights)
        output.removeAll()
    }

    /// Ends the key being built but keeps it in the scratch buffer, and returns where it
    /// ends: a second key can then be built after it and the two compared with
    /// `compareKeys(split:)`, with no array made for either (the SQLite collation compares
    /// two texts per call and keeps neither key).
    mutating func endKeyInPlace() -> Int {
        closeKey()
        return output.count
    }

    /// Compares the key before `split` with the key after it (-1, 0, 1), and empties the
    /// builder.
    mutating func compareKeys(split: Int) -> Int {
        closeKey()
        let order = output.compare(0..<split, split..<output.count)
        output.removeAll()
        return order
    }

    /// Closes the text appended so far as one part of a composite key (a person's given name,
    /// middle name, family name) and writes a 0 after it; `finish()` then returns all parts,
    /// followed by the tertiary weights of all of them.
    mutating func endPartWithSeparator() {
        endPart()
        output.append(0)
    }

    /// Closes the last part and writes the tertiary level after it.
    private mutating func closeKey() {
        endPart()
        output.append(0)
        tertiary.trimTrailing(1)
        output.append(contentsOf: tertiary)
        tertiary.removeAll()
    }

    /// Closes the pending element and word of the text appended so far.
    private mutating func endPart() {
        flush()
        closeWord()
        pendingSpace = false
        partHasElement = false
    }

    /// Writes the tones of the word just read after its letters: 0, tones, 0.
    private mutating func closeWord() {
        guard inWord else { return }
        output.append(0)
        wordSecondary.trimTrailing(1)
        output.append(contentsOf: wordSecondary)
        output.append(0)
        wordSecondary.removeAll()
        inWord = false
    }

    // MARK: - Scalars

    /// `decomposed` is true for scalars produced by the slow path's own decomposition, which
    /// must not be decomposed again.
    private mutating func append(_ value: UInt32, decomposed: Bool) {
        if value < 0x80 {
            appendASCII(value)
        } else if LatinDecomposition.isCombiningMark(value) {
            appendMark(value)
        } else if let entry = LatinDecomposition.lookup(value, in: table) {
            append(entry.base, decomposed: true)
            if entry.mark1 != 0 { appendMark(UInt32(entry.mark1)) }
            if entry.mark2 != 0 { appendMark(UInt32(entry.mark2)) }
            if entry.mark3 != 0 { appendMark(UInt32(entry.mark3)) }
        } else {
            switch value {
            case 0x0110, 0x00D0, 0x0189:  // Đ and its look-alikes Ð (eth) and Ɖ count as Đ
                startLatin(index: 3, upper: true, quality: Self.stroke)
            case 0x0111, 0x00F0, 0x0256:  // đ, ð, ɖ
                startLatin(index: 3, upper: false, quality: Self.stroke)
            default:
                appendOther(value, decomposed: decomposed)
            }
        }
    }

    private mutating func appendASCII(_ value: UInt32) {
        switch value {
        case 0x61...0x7A:
            startLatin(index: UInt8(value - 0x61), upper: false, quality: 0)
        case 0x41...0x5A:
            startLatin(index: UInt8(value - 0x41), upper: true, quality: 0)
        case 0x30...0x39:
            appendDigit(Int(value - 0x30))
        case 0x20, 0x09...0x0D:
            flush()
            pendingSpace = partHasElement
        default:
            beginElement(isLetter: false)
            output.append(Self.asciiSymbolBase + UInt16(value))
        }
    }

    private mutating func startLatin(index: UInt8, upper: Bool, quality: UInt32) {
        beginElement(isLetter: true)
        pending = .latin(index: index, quality: quality, tone: 1, upper: upper)
    }

    private mutating func appendDigit(_ digit: Int) {
        if case .number(let leadIndex, let digits, let zeros) = pending {
            if digits == 0 && digit == 0 {
                pending = .number(leadIndex: leadIndex, digits: 0, zeros: zeros + 1)
                return
            }
            output.append(UInt16(digit + 1))
            pending = .number(leadIndex: leadIndex, digits: digits + 1, zeros: zeros)
            return
        }
        beginElement(isLetter: false)
        let leadIndex = output.count
        output.append(Self.numberBase)
        if digit == 0 {
            pending = .number(leadIndex: leadIndex, digits: 0, zeros: 1)
        } else {
            output.append(UInt16(digit + 1))
            pending = .number(leadIndex: leadIndex, digits: 1, zeros: 0)
        }
    }

    /// A combining mark: a tone or vowel quality of the pending letter, else an extra weight;
    /// with no letter to carry it, a symbol of its own.
    private mutating func appendMark(_ value: UInt32) {
        switch pending {
        case .latin(let index, let quality, let tone, let upper):
            if quality == 0, Self.rank(index: index, quality: value) != nil {
                pending = .latin(index: index, quality: value, tone: tone, upper: upper)
            } else if tone == 1, let toneWeight = Self.toneWeight(value) {
                pending = .latin(index: index, quality: quality, tone: toneWeight, upper: upper)
            } else {
                extras.append(Self.extraWeight(value))
            }
        case .other(let tone, let upper):
            if tone == 1, let toneWeight = Self.toneWeight(value) {
                pending = .other(tone: toneWeight, upper: upper)
            } else {
                extras.append(Self.extraWeight(value))
            }
        case .number, .none:
            // A mark with no letter to carry it (after a digit, a space, a symbol or at the
            // start) is not part of a word and has no tone to give: it sorts as a symbol.
            beginElement(isLetter: false)
            output.append(Self.otherSymbolBase + UInt16(truncatingIfNeeded: value >> 16))
            output.append(UInt16(truncatingIfNeeded: value))
        }
    }

    /// Everything outside ASCII, the combining marks and the Latin table.
    private mutating func appendOther(_ value: UInt32, decomposed: Bool) {
        if Self.isWhitespace(value) {
            flush()
            pendingSpace = partHasElement
            return
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        if !decomposed {
            // Greek, Cyrillic, Hangul ... may decompose too; NFC and NFD must give one key.
            let parts = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            if parts.count > 1 || parts.first?.value != value {
                for part in parts { append(part.value, decomposed: true) }
                return
            }
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            appendMark(value)
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            let lowered = properties.lowercaseMapping.unicodeScalars
            let lower = lowered.count == 1 ? (lowered.first?.value ?? value) : value
            beginElement(isLetter: true)
            output.append(Self.otherLetterBase + UInt16(truncatingIfNeeded: lower >> 16))
            output.append(UInt16(truncatingIfNeeded: lower))
            pending = .other(tone: 1, upper: lower != value)
        default:
            beginElement(isLetter: false)
            output.append(Self.otherSymbolBase + UInt16(truncatingIfNeeded: value >> 16))
            output.append(UInt16(truncatingIfNeeded: value))
        }
    }

    // MARK: - Elements

    /// Closes the pending element, and the word it ends when the new element is not a letter
    /// or a space comes first; writes a held-back space before the new element.
    private mutating func beginElement(isLetter: Bool) {
        flush()
        if pendingSpace || !isLetter { closeWord() }
        if pendingSpace {
            output.append(Self.whitespaceWeight)
            pendingSpace = false
        }
        if isLetter { inWord = true }
        partHasElement = true
    }

    /// Writes the last weights of the pending element: a letter's primary weight (its vowel
    /// quality may come in a later mark), its tone to the word's tones, its case to tertiary.
    private mutating func flush() {
        switch pending {
        case .none:
            return
        case .latin(let index, let quality, let tone, let upper):
            // `quality` is only ever set to a mark the letter takes, so `rank` is not nil.
            let rank = quality == 0 ? Self.baseRank(index) : Self.rank(index: index, quality: quality)
            output.append(Self.letterBase + (rank ?? Self.baseRank(index)))
            wordSecondary.append(tone)
            if !extras.isEmpty { wordSecondary.append(contentsOf: extras) }
            tertiary.append(upper ? 2 : 1)
        case .other(let tone, let upper):
            wordSecondary.append(tone)
            if !extras.isEmpty { wordSecondary.append(contentsOf: extras) }
            tertiary.append(upper ? 2 : 1)
        case .number(let leadIndex, let digits, let zeros):
            if digits <= Self.maxShortRun {
                output.set(Self.numberBase + UInt16(digits), at: leadIndex)
            } else {
                // Lengths beyond 32 bits cannot occur: the text would not fit in memory.
                let length = UInt32(clamping: digits)
                output.set(Self.numberBase + UInt16(Self.maxShortRun + 1), at: leadIndex)
                output.insert(UInt16(truncatingIfNeeded: length >> 16),
                               UInt16(truncatingIfNeeded: length), at: leadIndex + 1)
            }
            tertiary.append(UInt16(min(zeros, 0xFFFE) + 1))
        }
        if !extras.isEmpty { extras.removeAll(keepingCapacity: true) }
        pending = .none
    }

    // MARK: - Tables

    /// The rank of letter `index` (a=0) carrying vowel-quality `quality` (0 = none), or nil
    /// when that letter does not take that mark (then the mark is an extra weight).
    private static func rank(index: UInt8, quality: UInt32) -> UInt16? {
        switch (index, quality) {
        case (_, 0): return baseRank(index)
        case (0, 0x0306): return 1   // ă
        case (0, 0x0302): return 2   // â
        case (3, stroke): return 6   // đ
        case (4, 0x0302): return 8   // ê
        case (14, 0x0302): return 19 // ô
        case (14, 0x031B): return 20 // ơ
        case (20, 0x031B): return 27 // ư
        default: return nil
        }
    }

    /// Secondary weight of a tone mark, in CLDR "vi" order; U+0340/U+0341 are the canonical
    /// equivalents of the grave and acute.
    private static func toneWeight(_ mark: UInt32) -> UInt16? {
        switch mark {
        case 0x0300, 0x0340: return 2  // huyền
        case 0x0309: return 3          // hỏi
        case 0x0303: return 4          // ngã
        case 0x0301, 0x0341: return 5  // sắc
        case 0x0323: return 6          // nặng
        default: return nil
        }
    }

    /// Secondary weight of a mark that is not a Vietnamese tone: above every tone. Marks outside
    /// U+0300–U+036F share a coarse weight range; they only matter in foreign names.
    private static func extraWeight(_ mark: UInt32) -> UInt16 {
        if LatinDecomposition.isCombiningMark(mark) { return 7 + UInt16(mark - 0x0300) }
        return 0x0080 + UInt16(truncatingIfNeeded: mark % 0xFF00)
    }

    /// The Unicode White_Space property, spelled out: it is stable, and asking
    /// `Unicode.Scalar.Properties` costs a table search per scalar.
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
