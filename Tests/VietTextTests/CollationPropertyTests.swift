// Property checks on a random sample (fixed seed, so a failure reproduces): the key order
// agrees with `compare` (one order for `sort` and for SQL, NFC or NFD) and with an independent
// model of the rules (ReferenceCollation); compare is antisymmetric and transitive; NFC and
// NFD forms get the same key.
import Foundation
import Testing
@testable import VietText

/// SplitMix64: a tiny deterministic generator, so the sample is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum SampleText {
    static let tones = ["", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]
    static let punctuation = ["-", ".", ",", "(", ")", "/"]

    /// What a sample text is made of before tones, case and normal form are chosen.
    enum Piece {
        case letter(String), digits(String), space(String), punctuation(String), dStroke
    }

    /// A short skeleton of letters (any of the 33; a few common ones more often), digit runs
    /// (some with leading zeros), spaces, punctuation and đ.
    static func skeleton(_ rng: inout SeededGenerator) -> [Piece] {
        (0..<Int.random(in: 0...6, using: &rng)).map { _ in skeletonPiece(&rng) }
    }

    static func skeletonPiece(_ rng: inout SeededGenerator) -> Piece {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<4:
            return .letter(ReferenceCollation.alphabet.randomElement(using: &rng) ?? "a")
        case 4, 5:
            return .letter(["a", "n", "h", "o"].randomElement(using: &rng) ?? "a")
        case 6:
            let number = String(Int.random(in: 0...120, using: &rng))
            return .digits(Bool.random(using: &rng) ? "0" + number : number)
        case 7:
            return .space(Bool.random(using: &rng) ? " " : "  ")
        case 8:
            return .punctuation(punctuation.randomElement(using: &rng) ?? "-")
        default:
            return .dStroke
        }
    }

    /// The skeleton written out with a random tone and case on each letter, Ð or đ for đ,
    /// in NFC or NFD at random.
    static func render(_ pieces: [Piece], _ rng: inout SeededGenerator) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .letter(let base):
                let letter = Bool.random(using: &rng) ? base.uppercased() : base
                text += letter.decomposedStringWithCanonicalMapping + (tones.randomElement(using: &rng) ?? "")
            case .digits(let digits): text += digits
            case .space(let space): text += space
            case .punctuation(let mark): text += mark
            case .dStroke: text += ["Ð", "Đ", "đ"].randomElement(using: &rng) ?? "đ"
            }
        }
        return Bool.random(using: &rng) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// `count` texts: each skeleton is rendered four times, so many texts are equal on letters
    /// and differ only in tones or case — the levels a plain random sample would rarely reach;
    /// and twice more with one later piece changed, so texts share their first words (with
    /// other tones) and differ further on ("Anh Bình" / "Ánh Cường"), which is where comparing
    /// word by word and comparing all letters first disagree.
    static func sample(count: Int, seed: UInt64) -> [String] {
        var rng = SeededGenerator(state: seed)
        var texts: [String] = []
        while texts.count < count {
            let pieces = skeleton(&rng)
            for _ in 0..<4 { texts.append(render(pieces, &rng)) }
            for _ in 0..<2 where !pieces.isEmpty {
                var changed = pieces
                let position = Int.random(in: (pieces.count / 2)..<pieces.count, using: &rng)
                changed[position] = skeletonPiece(&rng)
                if Bool.random(using: &rng) { changed.append(.space(" ")) ; changed.append(skeletonPiece(&rng)) }
                texts.append(render(changed, &rng))
            }
        }
        return Array(texts.prefix(count))
    }
}

private func sign(_ value: Int) -> Int { value < 0 ? -1 : (value > 0 ? 1 : 0) }

@Test func keyOrderAgreesWithCompareAndTheModel() {
    let sample = SampleText.sample(count: 160, seed: 2024_10_15)
    let keys = sample.map(VietCollation.sortKey)
    for i in sample.indices {
        for j in sample.indices {
            let byCompare = VietCollation.compare(sample[i], sample[j])
            let byKey = keys[i] < keys[j] ? -1 : (keys[i] == keys[j] ? 0 : 1)
            let byModel = sign(ReferenceCollation.compare(sample[i], sample[j]))
            // `compare` is the key's order, with ties between unequal texts broken by the text.
            let tieBroken = byKey != 0 ? byKey : VietCollation.tieBreak(sample[i], sample[j])
            #expect(byCompare == tieBroken, "\(sample[i].debugDescription) vs \(sample[j].debugDescription)")
            #expect(byKey == byModel, "\(sample[i].debugDescription) vs \(sample[j].debugDescription)")
        }
    }
    // The sample must exercise the secondary and tertiary levels, not just distinct letters.
    let primaryTies = sample.indices.flatMap { i in sample.indices.map { j in (i, j) } }.filter { i, j in
        i < j && ReferenceCollation.letters(sample[i]) == ReferenceCollation.letters(sample[j])
            && sample[i].nfc != sample[j].nfc
    }
    #expect(primaryTies.count >= 100, "the generator should produce strings equal on letters")
    // And pairs where word-by-word order differs from comparing all letters before any tone.
    let lettersFirstDisagrees = sample.indices.flatMap { i in sample.indices.map { j in (i, j) } }.filter { i, j in
        let (a, b) = (ReferenceCollation.letters(sample[i]), ReferenceCollation.letters(sample[j]))
        guard a != b else { return false }
        let lettersFirst = a.lexicographicallyPrecedes(b, by: { $0.lexicographicallyPrecedes($1) }) ? -1 : 1
        return lettersFirst != sign(ReferenceCollation.compare(sample[i], sample[j]))
    }
    #expect(lettersFirstDisagrees.count >= 20, "the generator should produce \"Anh Bình\" / \"Ánh Cường\" pairs")
}

/// The two entry points the rest of DanVan uses must give one order: `sortKey` (the language's
/// `sort`, computed once per item) and `compare` (the SQLite collation `vi`, and `<` on text).
/// Every pair of a random sample, each side in NFC and in NFD, plus the awkward inputs.
@Test func sortKeyAndCompareGiveOneOrder() {
    var texts = SampleText.sample(count: 150, seed: 2025_01_07)
    texts += ["", " ", "   ", "\t", "Đ", "đ", "Ð", "ð", "D", "d", "Dz", "Đa", "ANH", "Anh", "anh", "Ánh",
              "ÁNH", "Anh Bình", "Ánh Cường", "Anh Dũng", "anh  dũng", "0", "00", "7", "07", "12", "Tổ 2",
              "Tổ 12", "tổ 12", "Tổ 012", "a-b", "a b", "a1", "ab", "\u{0301}", "2\u{0301}", "x\u{0301}\u{0301}"]
    let forms = texts.flatMap { [$0.precomposedStringWithCanonicalMapping, $0.decomposedStringWithCanonicalMapping] }
    let keys = forms.map(VietCollation.sortKey)
    let table = CollationTable(count: forms.count) { forms[$0] }
    for i in forms.indices {
        for j in forms.indices {
            let byKey = keys[i] < keys[j] ? -1 : (keys[i] == keys[j] ? 0 : 1)
            let order = byKey != 0 ? byKey : VietCollation.tieBreak(forms[i], forms[j])
            #expect(VietCollation.compare(forms[i], forms[j]) == order,
                    "\(forms[i].debugDescription) vs \(forms[j].debugDescription)")
            #expect(table.compare(i, j) == order, "\(forms[i].debugDescription) vs \(forms[j].debugDescription)")
            // Only equal texts tie: the order agrees with `==`.
            #expect((order == 0) == (forms[i] == forms[j]))
        }
    }
    // The key's byte form (for BLOB columns) sorts the same.
    for i in stride(from: 0, to: forms.count, by: 7) {
        for j in forms.indices {
            let byKey = keys[i] < keys[j]
            #expect(keys[i].bytes.lexicographicallyPrecedes(keys[j].bytes) == byKey)
        }
    }
}

@Test func compareIsAntisymmetricAndTransitive() {
    let sample = SampleText.sample(count: 120, seed: 7)
    for a in sample {
        #expect(VietCollation.compare(a, a) == 0)
        for b in sample {
            #expect(VietCollation.compare(a, b) == -VietCollation.compare(b, a))
        }
    }
    var rng = SeededGenerator(state: 99)
    for _ in 0..<3000 {
        guard let a = sample.randomElement(using: &rng), let b = sample.randomElement(using: &rng),
              let c = sample.randomElement(using: &rng) else { continue }
        if VietCollation.compare(a, b) <= 0 && VietCollation.compare(b, c) <= 0 {
            #expect(VietCollation.compare(a, c) <= 0, "\(a.debugDescription) ≤ \(b.debugDescription) ≤ \(c.debugDescription)")
        }
    }
    // Sorting by key gives a list in which every neighbour pair is in order by compare.
    let sorted = VietCollation.sorted(sample, by: { $0 })
    for (a, b) in zip(sorted, sorted.dropFirst()) {
        #expect(VietCollation.compare(a, b) <= 0)
    }
}

@Test func normalFormsShareOneKey() {
    for text in SampleText.sample(count: 300, seed: 3) {
        let nfc = text.precomposedStringWithCanonicalMapping
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(VietCollation.sortKey(nfc) == VietCollation.sortKey(nfd), "\(text.debugDescription)")
        #expect(VietFold.fold(nfc) == VietFold.fold(nfd))
    }
}
