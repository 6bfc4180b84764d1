// The diacritic-free search key and word search (domain.md §5, searching without diacritics):
// `~` matches every query word at the start of some word of the text, after folding.
import Foundation
import Testing
@testable import VietText

@Test(arguments: [
    ("Đảng ủy  Phường", "dang uy phuong"),
    ("Dân vận khéo", "dan van kheo"),
    ("Ðảm baỏ", "dam bao"),                        // Ð (eth) used for Đ
    ("Ɖồng Tháp", "dong thap"),                    // Ɖ (African D) used for Đ
    ("ðường", "duong"),
    ("  Hà\tNội \n", "ha noi"),                    // trimmed, tab and newline are spaces
    ("Hà\u{00A0}\u{2003}Nội", "ha noi"),           // non-breaking and em spaces
    ("THỪA THIÊN HUẾ", "thua thien hue"),
    ("Tổ dân phố 12", "to dan pho 12"),
    ("UBND xã Ngọc Hồi", "ubnd xa ngoc hoi"),
    ("", ""),
    ("   ", ""),
])
func foldCases(input: String, expected: String) {
    #expect(VietFold.fold(input) == expected)
}

@Test func foldAcceptsNFD() {
    for text in ["Hòa Bình", "Nguyễn Thị Ngọc Ánh", "Đắk Lắk", "Quỳnh Lưu"] {
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(text.unicodeScalars))
        #expect(VietFold.fold(nfd) == VietFold.fold(text))
    }
    #expect(VietFold.fold("Ho\u{0300}a Bi\u{0300}nh") == "hoa binh")
}

/// The definition `fold` had before it was made fast: Foundation NFD of the whole string,
/// then drop U+0300–U+036F, map the đ family, lower-case, collapse whitespace.
private func definitionFold(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
        let value = scalar.value
        if (0x0300...0x036F).contains(value) { continue }
        if scalar.properties.isWhitespace {
            pendingSpace = !out.isEmpty
            continue
        }
        if pendingSpace { out.append(" "); pendingSpace = false }
        switch value {
        case 0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256:
            out.append("d")
        default:
            for lowered in String(scalar).lowercased().unicodeScalars { out.append(lowered) }
        }
    }
    return String(out)
}

@Test func fastFoldMatchesTheDefinition() {
    // Vietnamese samples plus other scripts and odd Latin letters that take the slow paths.
    var texts = SampleText.sample(count: 200, seed: 11)
    texts += ["Ǣ æ Ø ß İstanbul", "Ωμέγα ά", "한국어 서울", "中文 ＡＢＣ", "👍 ok", "Ǆ ǅ ǆ", "e\u{0301}\u{0327}",
              "x\u{1DC4}y", "tab\there", "nbsp\u{00A0}x", "ſ ﬁ"]
    for text in texts {
        #expect(VietFold.fold(text) == definitionFold(text), "\(text.debugDescription)")
    }
}

@Test func everyQueryWordBeginsAWordInAnyOrder() {
    let title = "Dân vận khéo Hà Nội"
    #expect(VietFold.matches(title, query: "ha noi dan van"))
    #expect(VietFold.matches(title, query: "dan van kheo"))
    #expect(VietFold.matches(title, query: "HÀ NỘI"))
    #expect(VietFold.matches(title, query: "  noi   ha "))
    #expect(VietFold.matches(title, query: "kh"))                  // a word may be a prefix
    #expect(VietFold.matches(title, query: "van kh"))
    #expect(VietFold.matches(title, query: ""))                    // an empty query matches all
    #expect(!VietFold.matches(title, query: "hanoi"))              // one query word, one text word
    #expect(!VietFold.matches(title, query: "ha noi dan xyz"))     // every word must match
    #expect(!VietFold.matches(title, query: "eo"))                 // inside "kheo", not at its start
    #expect(!VietFold.matches(title, query: "oi"))
    #expect(!VietFold.matches("", query: "a"))
    #expect(VietFold.matches("Ðảng ủy Khối", query: "dang uy"))
}

@Test func wordStartsNotSubstrings() {
    // The reason for the rule: a short query must not find every name that merely contains it.
    #expect(VietFold.matches("An Phú", query: "an"))
    #expect(!VietFold.matches("Thanh Xuân", query: "an"))
    #expect(!VietFold.matches("Nguyễn Thị Lan", query: "an"))
    #expect(VietFold.matches("Phường Tân Hòa", query: "phuong tan"))
    #expect(VietFold.matches("Phường Tân Hòa", query: "tan hoa"))
    #expect(VietFold.matches("Phường Tân Hòa", query: "hoa ph"))
    #expect(!VietFold.matches("Phường Tân Hòa", query: "an hoa"))
    // Digits are word characters: a number may be a prefix too.
    #expect(VietFold.matches("Tổ dân phố 12", query: "to 1"))
    #expect(!VietFold.matches("Tổ dân phố 12", query: "to 2"))
}

@Test func punctuationSeparatesWords() {
    #expect(VietFold.matches("Bà Rịa-Vũng Tàu", query: "vung tau"))
    #expect(VietFold.matches("TP. Hà Nội", query: "tp ha"))
    #expect(VietFold.matches("Tổ 12 (cũ), khu 3/Đông", query: "cu dong 3"))
    #expect(VietFold.matches("Phát triển KT-XH", query: "xh"))
    #expect(VietFold.matches("mo_hinh", query: "hinh"))
    #expect(VietFold.matches("K'Ho", query: "ho"))
    #expect(VietFold.matches("Số 05/2024/QĐ-UBND", query: "qd ubnd 2024"))
    // The query is split the same way, so pasting "KT-XH" or "Bà Rịa–Vũng Tàu" works.
    #expect(VietFold.matches("Phát triển KT-XH", query: "kt-xh"))
    #expect(VietFold.matches("Bà Rịa - Vũng Tàu", query: "Rịa–Vũng"))
    #expect(VietFold.matches("Đoàn Thanh niên", query: "-"))      // no words: matches all
}

@Test func queryFoldsOnceAndMatchesStoredKeys() {
    let query = VietFold.Query("Hà  Nội")
    #expect(query.words == ["ha", "noi"])
    let keys = ["uy ban nhan dan ha noi", "noi bai ha", "ha nam", "ha long", "thanoi ha", "hanoi"]
    #expect(keys.filter { query.matches(foldedKey: $0) } == ["uy ban nhan dan ha noi", "noi bai ha"])
    #expect(query.matches("Ủy ban Nhân dân TP Hà Nội"))
    #expect(VietFold.Query("   ").words.isEmpty)
    #expect(VietFold.Query("KT-XH, (QP-AN)").words == ["kt", "xh", "qp", "an"])
    #expect(VietFold.Query("--").matches("anything"))
}

@Test func iAndYAreOneLetterInSearch() {
    #expect(VietFold.matches("Phường Lý Thái Tổ", query: "li thai to"))
    #expect(VietFold.matches("Phường Lí Thái Tổ", query: "ly thai to"))
    #expect(VietFold.matches("Nâng cao kĩ năng", query: "ky nang"))
    #expect(VietFold.matches("Quý Mão", query: "qui"))
    #expect(VietFold.matches("Yên Bái", query: "ien"))
    #expect(!VietFold.matches("Phường Lý Thái Tổ", query: "la thai"))
    // fold itself keeps the spelling: the stored search keys read as written.
    #expect(VietFold.fold("Lý Thái Tổ") == "ly thai to")
}

@Test func longAndGrowingTextsUseTheSameRule() {
    // Longer than the stack buffer, and texts whose fold is longer than they are (Ⱥ → ⱥ is
    // 2 → 3 bytes; a Hangul syllable becomes three letters): the slow path, same answers.
    let long = String(repeating: "Thanh Xuân, ", count: 200) + "Phường An Phú"
    #expect(long.utf8.count > VietFold.maxStackFold)
    #expect(VietFold.matches(long, query: "an phu"))
    #expect(!VietFold.matches(long, query: "an thai"))
    #expect(VietFold.matches("ȺȺȺȺ b", query: "ⱥⱥ b"))
    #expect(VietFold.matches("서울 한국", query: "한"))
    #expect(!VietFold.matches("서울 한국", query: "국"))
    #expect(VietFold.matches("Ωμέγα", query: "ωμε"))
}

/// The rule written the obvious way, on Strings: fold, split into runs of letters and digits,
/// then every query word (y as i) must be a prefix of some text word.
private func definitionMatches(_ text: String, _ query: String) -> Bool {
    func words(_ s: String) -> [String] {
        VietFold.fold(s).replacingOccurrences(of: "y", with: "i")
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
    let textWords = words(text)
    return words(query).allSatisfy { word in textWords.contains { $0.hasPrefix(word) } }
}

@Test func matchesAgreesWithTheDefinitionAndAcrossForms() {
    var rng = SeededGenerator(state: 5)
    let texts = SampleText.sample(count: 300, seed: 17) + ["Phường Tân Hòa", "Thanh Xuân", "An Phú", "Lý Thái Tổ"]
    for text in texts {
        // Queries made of pieces of the text (often word starts, sometimes middles) and of
        // other texts, in either normal form.
        let folded = Array(VietFold.fold(text))
        var queries = [text, "", texts.randomElement(using: &rng) ?? ""]
        if !folded.isEmpty {
            let start = Int.random(in: 0..<folded.count, using: &rng)
            let end = Int.random(in: start...folded.count, using: &rng)
            queries.append(String(folded[start..<end]))
        }
        for query in queries {
            let expected = definitionMatches(text, query)
            for (t, q) in [(text.nfc, query.nfc), (text.decomposedStringWithCanonicalMapping, query.decomposedStringWithCanonicalMapping)] {
                #expect(VietFold.matches(t, query: q) == expected, "\(t.debugDescription) ~ \(q.debugDescription)")
                #expect(VietFold.Query(q).matches(t) == expected)
                #expect(VietFold.Query(q).matches(foldedKey: VietFold.fold(t)) == expected)
            }
        }
    }
}
