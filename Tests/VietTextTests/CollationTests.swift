// The collation rules of domain.md §5, one rule per test: word by word, letters before tones
// within a word, the 29-letter order, the CLDR tone order, lower case first, NFC = NFD, Ð = Đ,
// digits before letters and numbers by value.
import Foundation
import Testing
@testable import VietText

/// Asserts that `words` are in strictly increasing collation order, pair by pair, and that
/// `compare` says the same in both directions.
/// `keysMayTie`: the texts differ only where the key does not look (spaces, look-alikes of
/// Đ), so their keys may be equal and the tie-break orders them.
func expectStrictlyIncreasing(_ words: [String], keysMayTie: Bool = false,
                              sourceLocation: SourceLocation = #_sourceLocation) {
    for (a, b) in zip(words, words.dropFirst()) {
        #expect(VietCollation.compare(a, b) == -1, "\(a) < \(b)", sourceLocation: sourceLocation)
        #expect(VietCollation.compare(b, a) == 1, "\(b) > \(a)", sourceLocation: sourceLocation)
        if keysMayTie {
            #expect(VietCollation.sortKey(a) <= VietCollation.sortKey(b), "key(\(a)) <= key(\(b))",
                    sourceLocation: sourceLocation)
        } else {
            #expect(VietCollation.sortKey(a) < VietCollation.sortKey(b), "key(\(a)) < key(\(b))",
                    sourceLocation: sourceLocation)
        }
    }
}

@Test func lettersDecideBeforeTones() {
    // "ang" < "anh" whatever their tones: g < h is a primary difference, tones are secondary.
    for toneOfAng in ["ang", "àng", "ảng", "ãng", "áng", "ạng"] {
        for toneOfAnh in ["anh", "ành", "ảnh", "ãnh", "ánh", "ạnh"] {
            #expect(VietCollation.compare(toneOfAng, toneOfAnh) == -1, "\(toneOfAng) < \(toneOfAnh)")
        }
    }
    // Within a word, a later letter difference beats an earlier tone difference.
    expectStrictlyIncreasing(["hạng", "hanh"])
    expectStrictlyIncreasing(["Hoàng", "Hoanh"])
}

@Test func wordByWordLikeADictionary() {
    // The first word is compared in full, letters and then tone, before the next word: every
    // "Anh …" comes before every "Ánh …", as in a dictionary or a list of names.
    expectStrictlyIncreasing(["Anh Bình", "Anh Dũng", "Ánh Cường", "Ánh Dũng"])
    expectStrictlyIncreasing(["ma c", "má b"])
    expectStrictlyIncreasing(["ha noi", "hạ long"])
    expectStrictlyIncreasing(["Ba Vì", "Bà Rịa"])
    // Letters still decide first inside each word, and a word that ends sorts first.
    expectStrictlyIncreasing(["Ánh Dương", "Anhh"])
    expectStrictlyIncreasing(["Hà Nam", "Hàm"])
    // Punctuation and digits end a word too.
    expectStrictlyIncreasing(["Anh-Tú", "Ánh-An"])
    expectStrictlyIncreasing(["Anh 2", "Ánh 1"])
    // Case is looked at last, over the whole text: it changes the spelling, not the word.
    expectStrictlyIncreasing(["anh Bình", "ANH Cường", "Anh Dũng", "Ánh An"])
    // Then the first capital letter decides, from the left.
    expectStrictlyIncreasing(["anh bình", "anh Bình", "Anh bình", "Anh Bình", "ANH BÌNH"])
}

@Test func alphabetOrder() {
    let alphabet = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
                    "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
    expectStrictlyIncreasing(alphabet)
    // The modified letter is a letter of its own, not a's tone: "ăn" sorts after "az".
    expectStrictlyIncreasing(["az", "ăn", "âm"])
    expectStrictlyIncreasing(["dz", "đa"])
    expectStrictlyIncreasing(["oz", "ôa", "ơa"])
    expectStrictlyIncreasing(["uz", "ưa", "va"])
}

@Test func toneOrderIsCLDR() {
    // ngang < huyền < hỏi < ngã < sắc < nặng, on each vowel.
    expectStrictlyIncreasing(["a", "à", "ả", "ã", "á", "ạ"])
    expectStrictlyIncreasing(["ơ", "ờ", "ở", "ỡ", "ớ", "ợ"])
    expectStrictlyIncreasing(["ma", "mà", "mả", "mã", "má", "mạ"])
    // With the letters equal, the first tone difference in the string decides.
    expectStrictlyIncreasing(["ma má", "mà ma"])
}

@Test func lowerCaseFirst() {
    expectStrictlyIncreasing(["a", "A"])
    expectStrictlyIncreasing(["hà nội", "hà Nội", "Hà nội", "Hà Nội"])
    // Case is tertiary: a tone difference wins over a case difference, in any word.
    expectStrictlyIncreasing(["Ha", "há"])
    expectStrictlyIncreasing(["Ha NỘI", "há nội"])
    expectStrictlyIncreasing(["HA NOI", "ha nội"])
    // And a letter difference wins over both.
    expectStrictlyIncreasing(["Án", "anh"])
}

@Test func nfcAndNfdAreEqual() {
    let words = ["Nguyễn Thị Ngọc Ánh", "Đảng ủy", "Hòa Bình", "Thừa Thiên Huế", "ệ", "Ự"]
    for word in words {
        let nfd = word.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(word.unicodeScalars), "the test input differs")
        #expect(VietCollation.compare(word, nfd) == 0, "\(word)")
        #expect(VietCollation.sortKey(word) == VietCollation.sortKey(nfd))
    }
    // Marks in non-canonical order (circumflex before dot) still make the same letter.
    #expect(VietCollation.compare("e\u{0302}\u{0323}", "ệ") == 0)
    #expect(VietCollation.compare("ê\u{0323}", "ệ") == 0)
}

@Test func ethCountsAsDStroke() {
    // The same key as Đ; the texts differ, so the code points order them (Đ U+0110 < Ɖ U+0189,
    // Ð U+00D0 < Đ).
    #expect(VietCollation.sortKey("Ðảng") == VietCollation.sortKey("Đảng"))
    #expect(VietCollation.sortKey("Ɖảng") == VietCollation.sortKey("Đảng"))
    #expect(VietCollation.sortKey("ðảng") == VietCollation.sortKey("đảng"))
    expectStrictlyIncreasing(["Ðảng", "Đảng", "Ɖảng", "Đảngs"], keysMayTie: true)
    expectStrictlyIncreasing(["Dương", "Ðà Nẵng"])
}

@Test func digitsBeforeLettersAndNumbersByValue() {
    expectStrictlyIncreasing(["9", "a"])
    expectStrictlyIncreasing(["Tổ dân phố 2", "Tổ dân phố 12", "Tổ dân phố 100"])
    expectStrictlyIncreasing(["Khu 3 Tổ 9", "Khu 3 Tổ 10", "Khu 10 Tổ 1"])
    // Equal value: fewer leading zeros first; it is a tertiary difference.
    expectStrictlyIncreasing(["Tổ 7", "Tổ 07", "Tổ 007"])
    #expect(VietCollation.compare("Tổ 07", "Tổ 8") == -1)
    expectStrictlyIncreasing(["0", "00", "1"])
}

@Test func spacesAndPunctuation() {
    // A word that ends sorts before a longer word: "Hà Nam" < "Hàm".
    expectStrictlyIncreasing(["Hà Nam", "Hàm"])
    // Space < punctuation < digits < letters (CLDR root order).
    expectStrictlyIncreasing(["a b", "a-b", "a1", "ab"])
    // Runs of whitespace count as one space, and the ends are ignored: the keys are equal...
    #expect(VietCollation.sortKey("  Hà   Nội ") == VietCollation.sortKey("Hà Nội"))
    #expect(VietCollation.sortKey("Hà\tNội") == VietCollation.sortKey("Hà Nội"))
    #expect(VietCollation.sortKey("Hà\u{00A0}Nội") == VietCollation.sortKey("Hà Nội"))
    expectStrictlyIncreasing(["Hà Nam", "  Hà   Nội ", "Hà Nội", "Hà Nội Mới"], keysMayTie: true)
    // ...but texts that are not equal are not equal in the order either (issue 11): the text's
    // code points break the tie, so the order agrees with `==`.
    expectStrictlyIncreasing(["Hùng", "Hùng ", "Hùng  "], keysMayTie: true)
    expectStrictlyIncreasing(["Hà\tNội", "Hà Nội", "Hà\u{00A0}Nội"], keysMayTie: true)
}

@Test func onlyEqualTextsTie() {
    // The tie-break is the order of code points in NFC (Swift's `<` on String): NFC and NFD
    // spellings of one text are still equal.
    #expect(VietCollation.compare("Hùng", "Hùng ") == -1)
    #expect(VietCollation.compare("Hùng ", "Hùng") == 1)
    #expect(VietCollation.compare("Hòa", "Ho\u{0300}a") == 0)
    #expect(VietCollation.tieBreak("Hòa", "Ho\u{0300}a") == 0)
    let texts = ["Hùng", "Hùng ", " Hùng", "Hu\u{0300}ng", "Ðảng", "Đảng", "ðảng", "đảng", "a  b", "a b"]
    let table = CollationTable(count: texts.count) { texts[$0] }
    for i in texts.indices {
        for j in texts.indices {
            let order = VietCollation.compare(texts[i], texts[j])
            #expect((order == 0) == (texts[i] == texts[j]), "\(texts[i].debugDescription) vs \(texts[j].debugDescription)")
            #expect(table.compare(i, j) == order, "\(texts[i].debugDescription) vs \(texts[j].debugDescription)")
        }
    }
}

@Test func emptyAndOddInput() {
    #expect(VietCollation.compare("", "") == 0)
    expectStrictlyIncreasing(["", "a"])
    #expect(VietCollation.sortKey("   ") == VietCollation.sortKey(""))
    #expect(VietCollation.compare("   ", "") == 1)
    // A mark with no letter (a symbol of its own), other scripts, emoji: ordered, no trap.
    expectStrictlyIncreasing(["\u{0301}", "a"])
    expectStrictlyIncreasing(["2", "2\u{0301}", "2a"])
    expectStrictlyIncreasing(["-", "\u{0301}", "0"])
    expectStrictlyIncreasing(["z", "Ωmega", "中文"])
    #expect(VietCollation.compare("ά", "α\u{0301}") == 0)
    #expect(VietCollation.compare("👍", "👍") == 0)
    // A digit run longer than one length weight can count still compares by value.
    let long = String(repeating: "9", count: 4000)
    expectStrictlyIncreasing([String(repeating: "9", count: 3582), "1" + String(repeating: "0", count: 3582),
                              long, "1" + long, "a"])
}

@Test func sortedHelpersAreStableAndUseKeys() {
    let rows = [(1, "Hà Nội"), (2, "An Giang"), (3, "hà nội"), (4, "Hà  Nội"), (5, "Ân Thi"), (6, "Hà Nội")]
    let sorted = VietCollation.sorted(rows, by: { $0.1 }).map(\.0)
    // "Hà Nội" and "Hà  Nội" have one key but are not equal: the doubled space (a space is
    // below every letter) sorts first. Equal texts keep their input order (1 before 6).
    #expect(sorted == [2, 5, 3, 4, 1, 6])
    // By the keys alone (no tie-break), texts with one key keep their input order.
    let byKey = VietCollation.sorted(rows, byKey: { VietCollation.sortKey($0.1) }).map(\.0)
    #expect(byKey == [2, 5, 3, 1, 4, 6])
    #expect(VietCollation.areInIncreasingOrder("a", "b"))
    #expect(!VietCollation.areInIncreasingOrder("b", "a"))
    #expect(!VietCollation.areInIncreasingOrder("a", "a"))
}

@Test func keyBytesSortLikeKeys() {
    let words = ["Hà Nội", "Hà Nam", "hà nội", "Tổ 12", "Tổ 2", "Đà Nẵng", "Dương", "中文", ""]
    for a in words {
        for b in words {
            let byKey = VietCollation.sortKey(a) < VietCollation.sortKey(b)
            let byBytes = VietCollation.sortKey(a).bytes.lexicographicallyPrecedes(VietCollation.sortKey(b).bytes)
            #expect(byKey == byBytes, "\(a) vs \(b)")
        }
    }
}
