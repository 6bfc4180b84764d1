// The diacritic-free search key and word search (domain.md §5, searching without diacritics).
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

@Test func containsEveryWordInAnyOrder() {
    let title = "Dân vận khéo Hà Nội"
    #expect(VietFold.contains(title, words: "ha noi dan van"))
    #expect(VietFold.contains(title, words: "dan van kheo"))
    #expect(VietFold.contains(title, words: "HÀ NỘI"))
    #expect(VietFold.contains(title, words: "  noi   ha "))
    #expect(VietFold.contains(title, words: "kh"))                 // words match as substrings
    #expect(VietFold.contains(title, words: "van kh"))
    #expect(VietFold.contains(title, words: ""))                   // an empty query matches all
    #expect(!VietFold.contains(title, words: "hanoi"))             // a word must occur whole
    #expect(!VietFold.contains(title, words: "ha noi dan xyz"))    // every word must occur
    #expect(!VietFold.contains("", words: "a"))
    #expect(VietFold.contains("Ðảng ủy Khối", words: "dang uy"))
}

@Test func queryFoldsOnceAndMatchesStoredKeys() {
    let query = VietFold.Query("Hà  Nội")
    #expect(query.words == ["ha", "noi"])
    let keys = ["uy ban nhan dan ha noi", "noi bai ha", "ha nam", "ha long"].map { $0 }
    #expect(keys.filter { query.matches(foldedKey: $0) } == ["uy ban nhan dan ha noi", "noi bai ha"])
    #expect(query.matches("Ủy ban Nhân dân TP Hà Nội"))
    #expect(VietFold.Query("   ").words.isEmpty)
}

@Test func iAndYAreOneLetterInSearch() {
    #expect(VietFold.contains("Phường Lý Thái Tổ", words: "li thai to"))
    #expect(VietFold.contains("Phường Lí Thái Tổ", words: "ly thai to"))
    #expect(VietFold.contains("Nâng cao kĩ năng", words: "ky nang"))
    #expect(VietFold.contains("Quý Mão", words: "qui"))
    #expect(!VietFold.contains("Phường Lý Thái Tổ", words: "la thai"))
    // fold itself keeps the spelling: the stored search keys read as written.
    #expect(VietFold.fold("Lý Thái Tổ") == "ly thai to")
}
