// Old-style to new-style tone placement for the oa, oe, uy diphthongs (domain.md §5).
import Foundation
import Testing
@testable import VietText

@Test(arguments: [
    ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("oá", "óa"), ("uý", "úy"),
    ("Thanh Hoá", "Thanh Hóa"), ("Khánh Hoà", "Khánh Hòa"), ("hoạ sĩ", "họa sĩ"),
    ("loè", "lòe"), ("Thuý", "Thúy"), ("luỹ", "lũy"), ("tuỳ", "tùy"), ("huỷ", "hủy"),
    ("Uỷ ban", "Ủy ban"), ("THUỶ", "THỦY"), ("HOÀ BÌNH", "HÒA BÌNH"),
    ("KhoẺ", "KhỏE"),  // case stays with each letter; only the mark moves
    ("Thanh Hoá, Khánh Hoà.", "Thanh Hóa, Khánh Hòa."),
])
func oldStyleBecomesNewStyle(old: String, new: String) {
    #expect(VietFold.unifyTonePlacement(old) == new)
}

@Test(arguments: [
    "hòa", "thủy", "khỏe",          // already new style
    "hoàng", "khoét", "tuyết",      // a final consonant keeps the tone on the second vowel
    "quý", "quỷ", "Quỳ",            // qu is a consonant: the tone belongs on y
    "ngoài", "khuya", "khuỷu",      // longer vowel groups are the same in both styles
    "hoa", "thuy", "oe",            // no tone at all
    "Điện Biên Phủ", "", "123 hoa!",
])
func otherWordsAreUnchanged(text: String) {
    #expect(VietFold.unifyTonePlacement(text) == text)
}

@Test func tonePlacementAcceptsNFDAndReturnsNFC() {
    let nfd = "Thanh Hoá".decomposedStringWithCanonicalMapping
    let result = VietFold.unifyTonePlacement(nfd)
    #expect(result == "Thanh Hóa")
    #expect(result.isNFC)
    // Ð is left alone (it is not a vowel) and so is text around the words.
    #expect(VietFold.unifyTonePlacement("Ðoà") == "Ðòa")
}
