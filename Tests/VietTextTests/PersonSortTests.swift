// People sort by given name, then middle name, then family name (domain.md §5).
import Foundation
import Testing
@testable import VietText

@Test func givenNameComesFirst() {
    let an = VietCollation.personSortKey(fullName: "Nguyễn Văn An")
    let binh = VietCollation.personSortKey(fullName: "Trần Thị Bình")
    // By family name Nguyễn < Trần as well, so check one where the two orders disagree.
    #expect(an < binh)
    let anh = VietCollation.personSortKey(fullName: "Vũ Ngọc Anh")
    let binhB = VietCollation.personSortKey(fullName: "Bùi Đức Bình")
    #expect(anh < binhB)  // "Bùi" < "Vũ", but Anh < Bình decides
}

@Test func hanoiStaffListSortedByHand() {
    // Expected order, from the rules:
    // - given names An < Anh < Ánh < Bình < Dũng < Đạt (an is a prefix of anh; Anh < Ánh only
    //   by tone; d < đ);
    // - the three "An": middle Thị < Văn (t < v), so Phạm Thị An first; then for middle Văn,
    //   family Lê < Nguyễn;
    // - the two "Anh": no middle name sorts before "Ngọc";
    // - the two "Bình": middle Đức < Thị (đ < t).
    let expected = [
        "Phạm Thị An",
        "Lê Văn An",
        "Nguyễn Văn An",
        "Hoàng Anh",
        "Vũ Ngọc Anh",
        "Đỗ Thị Ánh",
        "Bùi Đức Bình",
        "Trần Thị Bình",
        "Ngô Văn Dũng",
        "Dương Văn Đạt",
    ]
    let input = ["Trần Thị Bình", "Dương Văn Đạt", "Nguyễn Văn An", "Đỗ Thị Ánh", "Hoàng Anh",
                 "Ngô Văn Dũng", "Lê Văn An", "Vũ Ngọc Anh", "Phạm Thị An", "Bùi Đức Bình"]
    let sorted = VietCollation.sorted(input, byKey: VietCollation.personSortKey(fullName:))
    #expect(sorted == expected)
    // The plain collation of the full strings gives a different (family-first) order.
    #expect(VietCollation.sorted(input, by: { $0 }) != expected)
}

@Test func tiesFallBackToMiddleThenFamily() {
    let key = VietCollation.personSortKey(family:middle:given:)
    #expect(key("Trần", "Thị", "Hoa") < key("Nguyễn", "Văn", "Hoa"))   // middle Thị < Văn
    #expect(key("Lê", "Thị", "Hoa") < key("Trần", "Thị", "Hoa"))       // family Lê < Trần
    #expect(key("Trần", "Thị", "Hoa") == key("Trần", "Thị", "Hoa"))
    // A given name that is a prefix of another sorts first, whatever follows it.
    #expect(key("Vũ", "Văn", "An") < key("An", "An", "Anh"))
    // The tone of the given name decides before the middle name is looked at; case only
    // when the whole name is equal on letters and tones, as in the text order.
    #expect(key("Vũ", "Văn", "An") < key("An", "An", "Án"))
    #expect(key("An", "An", "An") < key("Vũ", "Văn", "an"))
    #expect(key("Vũ", "Văn", "an") < key("Vũ", "Văn", "An"))
    // Multi-word middle names compare as text.
    #expect(key("Nguyễn", "Thị Ngọc", "Ánh") < key("Nguyễn", "Thị Thu", "Ánh"))
}

@Test func personKeyOrdersLikeTheSortName() {
    // Sorting by the person key and sorting the text "given middle family" agree whenever
    // every person has one-word parts (the common case), tones and case included.
    let people = [("Nguyễn", "Văn", "Anh"), ("Trần", "Thị", "Ánh"), ("Lê", "Ngọc", "Anh"), ("LÊ", "NGỌC", "ANH"),
                  ("Đỗ", "Đức", "An"), ("Vũ", "Văn", "ánh"), ("Bùi", "Thu", "Anh"), ("Phạm", "Minh", "Ảnh")]
    let byKey = VietCollation.sorted(people, byKey: { VietCollation.personSortKey(family: $0.0, middle: $0.1, given: $0.2) })
    let byText = VietCollation.sorted(people, by: { "\($0.2) \($0.1) \($0.0)" })
    #expect(byKey.map { "\($0)" } == byText.map { "\($0)" })
}

@Test func fullNameSplitsLikeTheParts() {
    let cases: [(String, String, String, String)] = [
        ("Nguyễn Thị Ngọc Ánh", "Nguyễn", "Thị Ngọc", "Ánh"),
        ("Trần Văn An", "Trần", "Văn", "An"),
        ("Lê Bình", "Lê", "", "Bình"),
        ("Mai", "", "", "Mai"),
        ("  Nguyễn   Văn\tAn  ", "Nguyễn", "Văn", "An"),
        ("", "", "", ""),
    ]
    for (full, family, middle, given) in cases {
        #expect(VietCollation.personSortKey(fullName: full)
                == VietCollation.personSortKey(family: family, middle: middle, given: given), "\(full)")
    }
    // NFD full names split and sort the same as NFC.
    let nfd = "Nguyễn Thị Ngọc Ánh".decomposedStringWithCanonicalMapping
    #expect(VietCollation.personSortKey(fullName: nfd) == VietCollation.personSortKey(fullName: "Nguyễn Thị Ngọc Ánh"))
}
