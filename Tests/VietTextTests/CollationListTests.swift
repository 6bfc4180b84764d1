// Whole lists sorted by hand from the rules, compared with what the collation does.
// Each expected order below was written by applying domain.md §5 step by step; the comments
// say which rule places each entry.
import Testing
@testable import VietText

@Test func provincesAndUnitsSortByTheRules() {
    let expected = [
        "An Giang",       // a
        "Ân Thi",         // â after a
        "Ba Vì",          // word by word: "Ba" before "Bà" (ngang < huyền), whatever follows
        "Bà Rịa",
        "Bắc Ninh",       // b ă: ă after a
        "Bến Tre",        // b ê
        "Cà Mau",
        "Dĩ An",          // d i < d ư
        "Dương Xá",
        "Đà Nẵng",        // đ after every d
        "Điện Biên",      // đ i < đ ô
        "Đồng Nai",       // đ ô n g _ n < ... _ t
        "Đồng Tháp",
        "Hà Giang",       // h a _ g < h a _ n
        "Hà Nam",         // h a _ n a < h a _ n ô
        "Hà Nội",
        "Hà Tĩnh",
        "Hải Dương",      // the word "hà" ends before "hải": all "Hà X" come first
        "Hải Phòng",      // d < p
        "Hậu Giang",      // h â after h a
        "Hòa Bình",       // h o < h u
        "Huế",
        "Hưng Yên",       // ư after u
        "Kon Tum",
        "Tây Ninh",       // t â < t h < t ô (â is the third letter)
        "Thái Bình",
        "Tổ dân phố 2",   // numbers by value: 2 < 12
        "Tổ dân phố 12",
        "Yên Bái",
    ]
    // Scramble deterministically (reverse, then interleave halves) and sort back.
    let reversed = Array(expected.reversed())
    let half = reversed.count / 2
    var scrambled: [String] = []
    for index in 0..<half {
        scrambled.append(reversed[index + half])
        scrambled.append(reversed[index])
    }
    scrambled.append(contentsOf: reversed[(2 * half)...])
    #expect(scrambled.count == expected.count)
    #expect(scrambled != expected)

    #expect(VietCollation.sorted(scrambled, by: { $0 }) == expected)
    #expect(scrambled.sorted(by: VietCollation.areInIncreasingOrder) == expected)
    #expect(scrambled.map(VietCollation.sortKey).sorted() == expected.map(VietCollation.sortKey))
}

@Test func namesSortWordByWord() {
    // Given-name-first sort names ("given middle family", the language's `sort_name`): the
    // given name is compared in full (letters, then tone) before the middle name, so the three
    // groups An, Anh, Ánh do not interleave; capital letters only break the last ties.
    let expected = [
        "An Thị Lê",
        "An Văn Nguyễn",
        "Anh Bảo Trần",      // anh: every "Anh" before every "Ánh"
        "ANH CHÍ VŨ",        // case does not separate it from the other "Anh"
        "Anh Dũng Phạm",
        "Anh Ngọc Vũ",
        "Ánh Cường Đỗ",
        "Ánh Thị Đỗ",
        "Ánh Thị Đỗ 2",
        "Bình Đức Bùi",
    ]
    #expect(VietCollation.sorted(expected.reversed(), by: { $0 }) == expected)
    #expect(expected.shuffled().sorted(by: VietCollation.areInIncreasingOrder) == expected)
}

@Test func sameLettersSortByTonesThenCase() {
    // All collate to the letters "ma" / "Ma": tones decide first (ngang < huyền < hỏi < ngã
    // < sắc < nặng); for the same tone, lower case comes before upper case.
    let expected = ["ma", "Ma", "mà", "Mà", "mả", "mã", "Mã", "má", "MÁ", "mạ", "Mạ"]
    #expect(VietCollation.sorted(expected.reversed(), by: { $0 }) == expected)
}
