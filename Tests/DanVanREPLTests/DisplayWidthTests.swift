// Terminal cell widths: Vietnamese in NFC and NFD, CJK, emoji, invisible scalars, and the
// cutting and padding the table renderer relies on.
import Foundation
import Testing
import VietText

@Suite struct DisplayWidthTests {
    static let name = "Nguyễn Thị Hồng"
    static let nameNFD = "Nguyễn Thị Hồng".decomposedStringWithCanonicalMapping

    @Test func vietnameseTakesOneCellPerLetterInBothForms() {
        #expect(Self.nameNFD.unicodeScalars.count > Self.name.unicodeScalars.count)
        #expect(DisplayWidth.of(Self.name) == 15)
        #expect(DisplayWidth.of(Self.nameNFD) == 15)
        #expect(DisplayWidth.of("e\u{302}\u{303}") == 1)
        #expect(DisplayWidth.of("Đảng ủy") == 7)
    }

    @Test func wideCharactersTakeTwoCells() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("Ａ") == 2)        // fullwidth A
        #expect(DisplayWidth.of("ｱ") == 1)         // halfwidth katakana
        #expect(DisplayWidth.of("Hà Nội 漢") == 9)
    }

    @Test func emojiTakeTwoCells() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)         // with a skin-tone modifier
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)        // a ZWJ family is one picture
        #expect(DisplayWidth.of("🇻🇳") == 2)         // a flag
        #expect(DisplayWidth.of("❤️") == 2)          // VS16 asks for the emoji form
        #expect(DisplayWidth.of("❤") == 1)           // text form by default
    }

    @Test func invisibleScalarsTakeNoCell() {
        #expect(DisplayWidth.of("\u{200D}") == 0)   // ZWJ
        #expect(DisplayWidth.of("\u{FE0F}") == 0)   // variation selector 16
        #expect(DisplayWidth.of("\u{0301}") == 0)   // a combining acute on its own
        #expect(DisplayWidth.of("a\u{200B}b") == 2) // zero-width space
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func truncateCutsWholeCharactersAndEndsWithEllipsis() {
        #expect(DisplayWidth.truncate(Self.name, to: 15) == Self.name)
        #expect(DisplayWidth.truncate(Self.name, to: 10) == "Nguyễn Th…")
        // The NFD text is cut after the same letters, its marks kept with their letter.
        let cutNFD = DisplayWidth.truncate(Self.nameNFD, to: 10)
        #expect(cutNFD == "Nguyễn Th…")
        #expect(DisplayWidth.of(cutNFD) == 10)
        #expect(DisplayWidth.truncate("Phường Tân Định", to: 12) == "Phường Tân…")
        #expect(DisplayWidth.truncate("漢字漢字", to: 5) == "漢字…")
        #expect(DisplayWidth.truncate("漢字漢字", to: 4) == "漢…")
        #expect(DisplayWidth.truncate("abc", to: 2) == "a…")
        #expect(DisplayWidth.truncate("abc", to: 1) == "…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func padFillsToTheCellCount() {
        #expect(DisplayWidth.pad("Hồng", to: 6) == "Hồng  ")
        #expect(DisplayWidth.pad("Hồng", to: 6, alignment: .right) == "  Hồng")
        #expect(DisplayWidth.pad("ab", to: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("漢字", to: 5) == "漢字 ")
        #expect(DisplayWidth.pad("漢字", to: 3) == "漢字")
        #expect(DisplayWidth.pad(Self.nameNFD, to: 16).unicodeScalars.last == " ")
        #expect(DisplayWidth.of(DisplayWidth.pad(Self.nameNFD, to: 16)) == 16)
    }
}
