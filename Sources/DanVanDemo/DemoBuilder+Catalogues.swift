// Phase 3: the small fixed tables: the four fields, the movement and the city's phases of
// it, the review criteria of domain.md §2.2 and the award forms of §2.3, with the base
// salary that award amounts are computed from.

extension DemoBuilder {
    /// The city's phases of the movement: (name suffix, plan number, plan date, first year, last year).
    static let phases: [(String, String, DemoDate, Int, Int)] = [
        ("giai đoạn 2009–2015", "12-KH/BDVTU", DemoDate(2009, 4, 10), 2009, 2015),
        ("giai đoạn 2016–2020", "35-KH/BDVTU", DemoDate(2016, 3, 15), 2016, 2020),
        ("giai đoạn 2021–2025", "18-KH/BDVTU", DemoDate(2021, 3, 5), 2021, 2025),
    ]

    /// Award forms: code, name, kind, level, target, item, coefficient of the base salary in
    /// hundredths (nil: no money). A collective receives twice an individual's amount.
    static let awardForms: [(String, String, String, String, String, String, Int?)] = [
        ("GKBDV", "Giấy khen của Ban Dân vận Thành ủy", "form", "city", "both", "Giấy khen", 30),
        ("GKCTH", "Giấy khen của Chủ tịch UBND cấp huyện", "form", "district", "both", "Giấy khen", 30),
        ("GKCTX", "Giấy khen của Chủ tịch UBND cấp xã", "form", "commune", "both", "Giấy khen", 15),
        ("BKCT", "Bằng khen của Chủ tịch UBND thành phố", "form", "city", "both", "Bằng khen", 100),
        ("BKBTV", "Bằng khen của Ban Thường vụ Thành ủy", "form", "city", "both", "Bằng khen", 100),
        ("CTD", "Cờ thi đua của UBND thành phố", "title", "city", "collective", "Cờ", 150),
        ("CSTDCS", "Chiến sĩ thi đua cơ sở", "title", "commune", "individual", "Giấy chứng nhận", 100),
        ("KNC", "Kỷ niệm chương “Vì sự nghiệp Dân vận”", "form", "central", "individual", "Kỷ niệm chương", nil),
    ]

    /// The statutory base salary (mức lương cơ sở) in đồng on `date`.
    static func baseSalary(on date: DemoDate) -> Int {
        let steps: [(DemoDate, Int)] = [
            (DemoDate(2024, 7, 1), 2_340_000), (DemoDate(2023, 7, 1), 1_800_000), (DemoDate(2019, 7, 1), 1_490_000),
            (DemoDate(2018, 7, 1), 1_390_000), (DemoDate(2017, 7, 1), 1_300_000), (DemoDate(2016, 5, 1), 1_210_000),
            (DemoDate(2013, 7, 1), 1_150_000), (DemoDate(2012, 5, 1), 1_050_000), (DemoDate(2011, 5, 1), 830_000),
            (DemoDate(2010, 5, 1), 730_000), (DemoDate(2009, 5, 1), 650_000),
        ]
        return steps.first { date >= $0.0 }?.1 ?? 540_000
    }

    /// The money that goes with an award of form `code` on `date`, rounded down to 1,000 đồng.
    func awardAmount(_ code: String, collective: Bool, on date: DemoDate) -> Int? {
        guard let form = Self.awardForms.first(where: { $0.0 == code }), let hundredths = form.6 else { return nil }
        let amount = Self.baseSalary(on: date) * hundredths * (collective ? 2 : 1) / 100
        return amount / 1000 * 1000
    }

    func writeCatalogues() throws {
        let w = writer
        for field in 0..<4 {
            fieldIDs.append(try w.fields.insert([DemoModelText.fieldCodes[field], DemoModelText.fieldNames[field],
                                                 DemoModelText.fieldShortNames[field]]))
        }
        try w.movements.insert(["Phong trào thi đua “Dân vận khéo”", "70-KH/BDVTW", DemoDate(2009, 2, 26).iso,
                                "Ban Dân vận Trung ương", DemoDate(2009, 2, 26).iso, nil])
        for (suffix, plan, date, first, last) in Self.phases {
            let id = try w.movements.insert([
                "Phong trào thi đua “Dân vận khéo” thành phố \(DemoVocabulary.cityName) \(suffix)", plan, date.iso,
                "Ban Dân vận Thành ủy", date.iso, DemoDate(last, 12, 31).iso])
            movementIDs.append((id, first, last))
        }
        let collective: [(String, String, Double)] = [
            ("TC01", "Có tên gọi, địa chỉ cụ thể", 10),
            ("TC02", "Thuộc một trong bốn lĩnh vực của phong trào", 10),
            ("TC03", "Được cấp ủy lãnh đạo và đăng ký với cơ quan phát động", 10),
            ("TC04", "Phối hợp, huy động được nhiều lực lượng tham gia", 15),
            ("TC05", "Lan tỏa rộng, có kết quả thiết thực", 15),
            ("TC06", "Được Nhân dân đồng tình, ủng hộ", 15),
            ("TC07", "Giải quyết được vấn đề khó khăn, bức xúc", 15),
            ("TC08", "Bền vững, có tính kế thừa", 10),
        ]
        for (code, content, points) in collective {
            try w.criteria.insert([code, content, points, 1.0, "collective"])
        }
        let individual: [(String, String, Double)] = [
            ("CN01", "Gương mẫu, tiên phong trong công tác dân vận", 25),
            ("CN02", "Có cách làm sáng tạo, hiệu quả", 25),
            ("CN03", "Được Nhân dân tín nhiệm", 20),
            ("CN04", "Có kết quả cụ thể, có thể nhân rộng", 20),
            ("CN05", "Chấp hành tốt chủ trương của Đảng, pháp luật của Nhà nước", 10),
        ]
        for (code, content, points) in individual {
            try w.criteria.insert([code, content, points, 1.0, "individual"])
        }
        let reference = DemoDate(2024, 12, 31)
        for form in Self.awardForms {
            let amount = awardAmount(form.0, collective: form.4 == "collective", on: reference)
            formIDs[form.0] = try w.awardForms.insert([form.0, form.1, form.2, form.3, form.4, form.5, amount])
        }
    }

    /// The movement phase a model of `year` belongs to.
    func movementID(for year: Int) -> Int64? {
        movementIDs.first { year >= $0.from && year <= $0.to }?.id
    }
}
