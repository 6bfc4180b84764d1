// The words of models: title templates after the real examples of domain.md §4, the
// indicators each kind of model reports, and the sentences of descriptions, methods and
// results. Placeholders: `{at}` becomes " ở <place>", `{of}` " của <owner>", `{project}` a
// site-clearance project, `{market}` a market's name.

/// A measured result of a model (domain.md §2.2 `chi_so`).
struct DemoIndicator {
    let name: String
    let unit: String
    let low: Double
    let high: Double
    /// Values are multiples of `step` (money in millions of đồng, lengths in tenths of a km).
    let step: Double

    static let households = DemoIndicator(name: "Số hộ tham gia", unit: "hộ", low: 20, high: 1200, step: 1)
    static let money = DemoIndicator(name: "Kinh phí huy động", unit: "đồng", low: 5_000_000, high: 3_000_000_000, step: 1_000_000)
    static let land = DemoIndicator(name: "Diện tích đất hiến", unit: "m²", low: 50, high: 8000, step: 1)
    static let road = DemoIndicator(name: "Chiều dài đường được mở rộng", unit: "km", low: 0.2, high: 12, step: 0.1)
    static let mediated = DemoIndicator(name: "Số vụ việc hòa giải thành", unit: "vụ", low: 2, high: 60, step: 1)
    static let cameras = DemoIndicator(name: "Số camera an ninh lắp đặt", unit: "camera", low: 5, high: 120, step: 1)
    static let outOfPoverty = DemoIndicator(name: "Số hộ thoát nghèo", unit: "hộ", low: 2, high: 80, step: 1)
    static let procedures = DemoIndicator(name: "Số thủ tục hành chính giải quyết đúng hạn", unit: "thủ tục", low: 100, high: 20000, step: 1)
    static let satisfaction = DemoIndicator(name: "Tỷ lệ người dân hài lòng", unit: "%", low: 80, high: 99.9, step: 0.1)
    static let turnout = DemoIndicator(name: "Số lượt người tham gia", unit: "lượt người", low: 100, high: 15000, step: 1)
    static let trees = DemoIndicator(name: "Số cây xanh trồng mới", unit: "cây", low: 50, high: 5000, step: 1)
    static let newMembers = DemoIndicator(name: "Số đảng viên mới kết nạp", unit: "đảng viên", low: 1, high: 25, step: 1)

    /// Extra indicators drawn for a model of each field (KT, VHXH, QPAN, XDHTCT).
    static let byField: [[DemoIndicator]] = [
        [.households, .money, .outOfPoverty, .turnout],
        [.households, .money, .turnout, .trees, .land],
        [.mediated, .cameras, .households, .turnout],
        [.procedures, .satisfaction, .newMembers, .turnout],
    ]

    func value(_ random: inout DemoRandom) -> Double {
        let steps = Int(((high - low) / step).rounded(.down))
        let raw = low + Double(random.int(0...max(0, steps))) * step
        // Whole multiples of a tenth are rounded again so that 0.30000000000000004 is stored as 0.3.
        return step < 1 ? (raw * 10).rounded() / 10 : raw
    }
}

struct DemoTitleTemplate {
    /// 0 KT, 1 VHXH, 2 QPAN, 3 XDHTCT.
    let field: Int
    let text: String
    let indicators: [DemoIndicator]
    var hotspot = false
    var adminReform = false
    var serviceEthics = false
}

enum DemoModelText {
    static let fieldCodes = ["KT", "VHXH", "QPAN", "XDHTCT"]
    static let fieldNames = ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng Đảng và hệ thống chính trị"]
    static let fieldShortNames = ["KT", "VH-XH", "QP-AN", "XDĐ-HTCT"]
    /// The field mix of domain.md §4: KT 30%, VH-XH 32%, QP-AN 17%, XDHTCT 21%.
    static let fieldWeights: [Double] = [30, 32, 17, 21]

    static let templates: [DemoTitleTemplate] = [
        DemoTitleTemplate(field: 0, text: "Vận động hội viên phát triển kinh tế VACR{at}", indicators: [.households, .money]),
        DemoTitleTemplate(field: 0, text: "“Dân vận khéo” trong giải phóng mặt bằng {project}", indicators: [.households, .land], hotspot: true),
        DemoTitleTemplate(field: 0, text: "Tổ hợp tác sản xuất rau an toàn{at}", indicators: [.households]),
        DemoTitleTemplate(field: 0, text: "Hội viên nông dân giúp nhau thoát nghèo{at}", indicators: [.outOfPoverty, .money]),
        DemoTitleTemplate(field: 0, text: "Chi hội phụ nữ tiết kiệm, giúp nhau phát triển kinh tế{at}", indicators: [.households, .money]),
        DemoTitleTemplate(field: 0, text: "Vận động Nhân dân chuyển đổi cơ cấu cây trồng, vật nuôi{at}", indicators: [.households]),
        DemoTitleTemplate(field: 0, text: "Vận động hộ sản xuất gắn với sản phẩm OCOP{at}", indicators: [.households, .money]),
        DemoTitleTemplate(field: 0, text: "Vận động tiểu thương {market} thực hiện văn minh thương mại", indicators: [.households]),
        DemoTitleTemplate(field: 1, text: "Vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn{at}", indicators: [.land, .road, .households]),
        DemoTitleTemplate(field: 1, text: "Tổ dân phố “Xanh – Sạch – Đẹp”{at}", indicators: [.households, .trees]),
        DemoTitleTemplate(field: 1, text: "Chủ nhật xanh{at}", indicators: [.turnout, .trees]),
        DemoTitleTemplate(field: 1, text: "Đổi rác thải nhựa lấy quà{at}", indicators: [.households, .turnout]),
        DemoTitleTemplate(field: 1, text: "Thắp sáng đường quê{at}", indicators: [.money, .road]),
        DemoTitleTemplate(field: 1, text: "Tủ sách cộng đồng{at}", indicators: [.turnout]),
        DemoTitleTemplate(field: 1, text: "Bữa cơm nghĩa tình{at}", indicators: [.money, .turnout]),
        DemoTitleTemplate(field: 1, text: "Phân loại rác thải tại nguồn{at}", indicators: [.households]),
        DemoTitleTemplate(field: 1, text: "Xây dựng gia đình văn hóa, khu dân cư văn hóa{at}", indicators: [.households]),
        DemoTitleTemplate(field: 2, text: "Cổng an ninh trật tự{at}", indicators: [.cameras, .households]),
        DemoTitleTemplate(field: 2, text: "Camera an ninh – mắt thần khu phố{at}", indicators: [.cameras, .money]),
        DemoTitleTemplate(field: 2, text: "Dòng họ phát huy bản sắc văn hóa dân tộc, tự quản về ANTT{at}", indicators: [.households], hotspot: true),
        DemoTitleTemplate(field: 2, text: "Tổ hòa giải ở cơ sở “Hòa giải viên giỏi”{at}", indicators: [.mediated], hotspot: true),
        DemoTitleTemplate(field: 2, text: "Khu dân cư an toàn về phòng cháy, chữa cháy{at}", indicators: [.households, .turnout]),
        DemoTitleTemplate(field: 2, text: "Tổ tự quản về an ninh trật tự{at}", indicators: [.mediated, .households]),
        DemoTitleTemplate(field: 3, text: "Bộ phận Một cửa “Thân thiện – Trách nhiệm”{of}", indicators: [.procedures, .satisfaction], adminReform: true, serviceEthics: true),
        DemoTitleTemplate(field: 3, text: "Tiếp công dân “Lắng nghe – Đối thoại”{of}", indicators: [.satisfaction, .turnout], hotspot: true, serviceEthics: true),
        DemoTitleTemplate(field: 3, text: "Chi bộ “4 tốt”{at}", indicators: [.newMembers]),
        DemoTitleTemplate(field: 3, text: "Dân vận chính quyền trong cải cách hành chính{of}", indicators: [.procedures], adminReform: true),
        DemoTitleTemplate(field: 3, text: "Người đứng đầu cấp ủy đối thoại trực tiếp với Nhân dân{of}", indicators: [.turnout, .satisfaction], hotspot: true),
        DemoTitleTemplate(field: 3, text: "Cán bộ, đảng viên “gần dân, sát dân”{of}", indicators: [.turnout], serviceEthics: true),
        DemoTitleTemplate(field: 3, text: "Chuyển đổi số trong giải quyết thủ tục hành chính{of}", indicators: [.procedures, .satisfaction], adminReform: true),
        DemoTitleTemplate(field: 3, text: "Phát huy vai trò giám sát của Nhân dân{at}", indicators: [.turnout]),
    ]

    /// Topic tags (domain.md §2.2 `chu_de`) of each template, in the order of `templates`.
    static let templateTags: [[String]] = [
        ["giảm nghèo", "nông thôn mới"], ["GPMB"], ["nông thôn mới"], ["giảm nghèo"], ["giảm nghèo"],
        ["nông thôn mới"], ["nông thôn mới"], ["đô thị văn minh"],
        ["hiến đất làm đường", "nông thôn mới"], ["đô thị văn minh", "môi trường"], ["môi trường"], ["môi trường"],
        ["nông thôn mới"], [], ["giảm nghèo"], ["môi trường"], ["đô thị văn minh"],
        [], ["chuyển đổi số"], ["dân tộc"], [], [], [],
        ["CCHC"], ["đạo đức công vụ"], [], ["CCHC"], [], ["đạo đức công vụ"], ["chuyển đổi số", "CCHC"], [],
    ]

    /// The template indices of each field.
    static let templatesByField: [[Int]] = (0..<4).map { field in
        templates.indices.filter { templates[$0].field == field }
    }

    /// What an individual exemplar is known for, by field.
    static let exemplarDeeds: [[String]] = [
        ["tiên phong phát triển kinh tế hộ gia đình", "giúp đỡ hội viên thoát nghèo",
         "vận động bà con chuyển đổi cây trồng"],
        ["vận động Nhân dân hiến đất làm đường", "gương mẫu giữ gìn vệ sinh môi trường khu dân cư",
         "tận tình với công tác an sinh xã hội"],
        ["hòa giải viên giỏi ở cơ sở", "tích cực tham gia giữ gìn an ninh trật tự",
         "người có uy tín vận động đồng bào giữ gìn an ninh"],
        ["tận tụy với công tác tiếp công dân", "cán bộ “gần dân, hiểu dân, giúp dân”",
         "đảng viên gương mẫu nơi cư trú"],
    ]

    static let focus = [
        "Tập trung vận động hộ gia đình phát triển kinh tế, tăng thu nhập, giảm nghèo bền vững.",
        "Tập trung xây dựng đời sống văn hóa, giữ gìn vệ sinh môi trường, chăm lo an sinh xã hội.",
        "Tập trung giữ gìn an ninh trật tự, phòng ngừa tội phạm, hòa giải mâu thuẫn ở cơ sở.",
        "Tập trung nâng cao chất lượng phục vụ Nhân dân, cải cách hành chính, xây dựng tổ chức đảng trong sạch, vững mạnh.",
    ]

    /// A cultural model whose description is about security: a candidate for moving to QP-AN
    /// (domain.md §3, query 13).
    static let securityFocus = "Tập trung vận động các hộ lắp đặt camera an ninh, giữ gìn an ninh trật tự khu dân cư."

    static let methods = [
        "Tuyên truyền, vận động qua hệ thống loa truyền thanh và mạng xã hội",
        "Người đứng đầu cấp ủy trực tiếp đối thoại với Nhân dân",
        "Họp dân công khai, dân chủ bàn bạc và quyết định",
        "Phát huy vai trò người có uy tín trong cộng đồng",
        "Cán bộ, đảng viên gương mẫu đi đầu",
        "Phân công đảng viên phụ trách hộ gia đình",
        "Lồng ghép với phong trào xây dựng nông thôn mới và đô thị văn minh",
        "Lập nhóm Zalo khu dân cư để nắm bắt ý kiến Nhân dân",
        "Phối hợp chặt chẽ giữa chính quyền, Mặt trận và các đoàn thể",
        "Khen thưởng kịp thời tập thể, cá nhân tiêu biểu",
    ]

    static let projects = [
        "dự án mở rộng Quốc lộ 5", "dự án đường vành đai 3", "dự án khu công nghiệp {X}", "dự án cầu {X}",
        "dự án khu đô thị mới {X}", "dự án hồ điều hòa {X}", "dự án trường THCS {X}", "dự án kè sông {X}",
    ]

    /// Number text the Vietnamese way: "1.250.000" and "2,5".
    static func vietnameseNumber(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10
        let fraction = tenths % 10
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + String(digits.suffix(3)) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        return fraction == 0 ? grouped : grouped + "," + String(fraction)
    }

    /// "Số hộ tham gia: 320 hộ"; percentages take no space ("97,5%").
    static func indicatorText(_ indicator: DemoIndicator, _ value: Double) -> String {
        let number = vietnameseNumber(value)
        return indicator.unit == "%" ? "\(indicator.name): \(number)%" : "\(indicator.name): \(number) \(indicator.unit)"
    }
}
