// The words the demo builds names from (domain.md §4): Sino-Vietnamese place morphemes,
// the historic districts, family names by their national frequency, middle and given
// names by gender, minority naming patterns and positions. Every text here is NFC with the
// new-style tone placement ("Hòa", "Thủy", "Ủy"); the deliberate exceptions are made
// elsewhere, by `DemoData+Anomalies.swift`, and listed in the summary.

enum DemoVocabulary {
    static let cityName = "Đông Sơn"

    /// Morphemes of fictional place names (domain.md §4).
    static let placeMorphemes = [
        "An", "Bình", "Hòa", "Phú", "Tân", "Thịnh", "Hưng", "Long", "Phúc", "Mỹ", "Quang", "Minh",
        "Yên", "Vĩnh", "Đức", "Sơn", "Thủy", "Lạc", "Hồng", "Ngọc", "Kim", "Đông", "Tây", "Nam",
        "Bắc", "Thượng", "Hạ", "Trung",
    ]

    /// The historic district-level units of the scale-1 city: type prefix and bare name.
    /// Quận and thị xã have phường; huyện have xã and one thị trấn.
    static let districts: [(prefix: String, bare: String)] = [
        ("Quận", "Hồng Phúc"), ("Quận", "Tân Minh"), ("Quận", "Kim Long"), ("Quận", "Thịnh An"),
        ("Quận", "Phú Thịnh"), ("Quận", "Đông Hòa"), ("Thị xã", "Vĩnh Hưng"), ("Thị xã", "Sơn Lạc"),
        ("Huyện", "Bình Lạc"), ("Huyện", "Thượng Phúc"), ("Huyện", "An Thủy"), ("Huyện", "Trung Hưng"),
        ("Huyện", "Minh Đức"),
    ]

    /// Commune names that must exist: the tone-placement duplicate is made from "Tân Hòa".
    static let requiredCommuneNames = ["Tân Hòa"]

    /// Village names for xã (thôn) besides numbered ones.
    static let villageNames = [
        "Đoài", "Đông", "Thượng", "Hạ", "Trung", "Nam", "Bắc", "Tiền", "Hậu", "Chùa", "Đình",
        "Cầu", "Giữa", "Ngoài", "Đồng", "Bến",
    ]

    // MARK: People

    /// Family names with their share in percent (domain.md §4); the rest share what is left.
    static let familyNames: [(name: String, weight: Double)] = [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 1),
        ("Phan", 4.5), ("Vũ", 3), ("Võ", 1), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.5), ("Hồ", 1.3),
        ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đào", 1.4), ("Đinh", 1.3), ("Trịnh", 1.2),
        ("Lương", 1), ("Mai", 0.9), ("Tạ", 0.7), ("Cao", 0.8), ("Chu", 0.6), ("Kiều", 0.5),
        ("Lại", 0.5), ("Tô", 0.5), ("Khúc", 0.3), ("Hà", 1),
    ]

    static let maleMiddle = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công"]
    static let femaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng"]
    /// Second middle syllables of four-syllable names ("Nguyễn Thị Thu Hương").
    static let maleMiddle2 = ["Anh", "Hoàng", "Quốc", "Thành", "Mạnh", "Việt"]
    static let femaleMiddle2 = ["Thu", "Ngọc", "Thanh", "Minh", "Kim", "Bích", "Phương"]

    /// Given names, most common first: the draw favours the head of the list, so that many
    /// people share a given name and sorting by given name has ties to break.
    static let maleGiven = [
        "Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Hải", "Thắng", "Sơn", "Long", "Cường", "Hưng",
        "Quân", "Trung", "Đức", "Thành", "Hiếu", "Phong", "Khánh", "Tùng", "Việt", "Bình", "An",
        "Huy", "Đạt", "Kiên", "Lâm", "Toàn", "Vinh", "Thể", "Lợi", "Hoàng", "Quyết", "Chiến",
        "Thịnh", "Tâm", "Nghĩa", "Phúc", "Tiến", "Hòa", "Ánh",
    ]
    static let femaleGiven = [
        "Hương", "Lan", "Hà", "Linh", "Trang", "Hằng", "Thủy", "Mai", "Hoa", "Nhung", "Phương",
        "Anh", "Ngọc", "Huyền", "Thảo", "Yến", "Dung", "Hạnh", "Hiền", "Loan", "Vân", "Oanh",
        "Quỳnh", "Chi", "Hồng", "Thu", "Nga", "Liên", "Tâm", "Uyên", "Ánh", "Lụa", "Bích", "Hòa",
        "Nhàn", "Thơm", "Duyên", "Giang", "Hậu", "Ly",
    ]

    /// Minority naming patterns: ethnicity, family names, middle names (male, female), given
    /// names (male, female). Empty middle lists mean names of two syllables.
    static let minorities: [(ethnicity: String, families: [String], maleMiddle: [String], femaleMiddle: [String],
                            male: [String], female: [String])] = [
        ("Tày", ["Nông", "Hoàng", "Ma", "Lục", "Hà"], ["Văn"], ["Thị"],
         ["Thắng", "Dũng", "Lâm", "Pháo", "Sình"], ["Mai", "Hoa", "Nhài", "Lành", "Thơm"]),
        ("Thái", ["Lò", "Lường", "Quàng", "Cầm", "Hà"], ["Văn"], ["Thị"],
         ["Xôm", "Inh", "Pánh", "Ban", "Khoa"], ["Ngọc", "Xuân", "Ín", "Bua", "Hoa"]),
        ("Mường", ["Bùi", "Đinh", "Quách", "Hà"], ["Văn"], ["Thị"],
         ["Khang", "Thưởng", "Hải", "Định", "Thà"], ["Ninh", "Thiêm", "Liễu", "Nga", "Hồng"]),
        ("Mông", ["Giàng", "Sùng", "Vàng", "Thào", "Mùa"], ["A"], ["Thị"],
         ["Páo", "Sính", "Chứ", "Dình", "Lử", "Tủa"], ["Mỷ", "Súa", "Dợ", "Pà", "Chía"]),
        ("Gia Rai", ["Ksor", "Rơ Mah", "Siu", "Rah Lan"], [], [],
         ["Nhơn", "Kim", "Thiên", "Blơi", "Dih"], ["H'Lan", "H'Bia", "H'Nga", "H'Yơn"]),
    ]

    /// Names of well-known public figures the draw could produce: never given to demo people
    /// (domain.md §4: fictional but plausible, no real people).
    static let reservedNames: Set<String> = [
        "Trịnh Công Sơn", "Tô Lâm", "Lương Cường", "Lê Lợi", "Lê Minh Hưng", "Trần Hưng", "Nguyễn Trãi",
    ]

    // MARK: Positions

    static let communeLeaders = ["Bí thư Đảng ủy", "Chủ tịch UBND"]
    static let communeStaff = [
        "Phó Bí thư Thường trực Đảng ủy", "Phó Chủ tịch UBND", "Trưởng Ban Xây dựng Đảng",
        "Công chức Văn hóa - Xã hội", "Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng",
        "Trưởng Công an", "Chỉ huy trưởng Ban Chỉ huy Quân sự", "Chuyên viên Văn phòng Đảng ủy",
        "Phó Chủ tịch HĐND",
    ]
    static let massOrgHead: [String: String] = [
        "MTTQ": "Chủ tịch Ủy ban MTTQ", "LHPN": "Chủ tịch Hội Liên hiệp Phụ nữ", "HND": "Chủ tịch Hội Nông dân",
        "CCB": "Chủ tịch Hội Cựu chiến binh", "DTN": "Bí thư Đoàn Thanh niên",
    ]
    static let departmentStaff = ["Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Trưởng phòng", "Chuyên viên"]
    static let blocStaff = ["Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Trưởng ban Tuyên giáo và Dân vận",
                            "Chuyên viên", "Cán bộ"]
    static let cityBoardStaff = ["Trưởng ban", "Phó Trưởng ban", "Trưởng phòng Dân vận", "Chuyên viên",
                                 "Chuyên viên chính"]
    static let residentRoles = [
        "Tổ trưởng tổ dân phố", "Bí thư Chi bộ", "Trưởng ban công tác Mặt trận", "Người có uy tín",
        "Hội viên Hội Nông dân", "Chủ hộ kinh doanh", "Đoàn viên thanh niên", "Hội viên phụ nữ",
        "Cựu chiến binh", "Tổ viên tổ hòa giải", "Chủ trang trại", "Công an viên",
    ]

    /// The partners named in model descriptions.
    static let partners = [
        "Ủy ban MTTQ", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Hội Nông dân",
        "Công an", "các chi bộ khu dân cư", "Ban công tác Mặt trận khu dân cư",
    ]
}
