// The reviews of one model (domain.md §2.2): a six-month interim evaluation, the annual
// evaluation at each level the model went through, a recognition decision per level (one
// decision numbers many models of its issuer and year), and inspections of hot-spot models.

extension DemoBuilder {
    /// A score in half points from `low` to `high`.
    func halfPoints(_ low: Int, _ high: Int, _ random: inout DemoRandom) -> Double {
        Double(random.int(low * 2...high * 2)) / 2
    }

    func rating(_ score: Double) -> String {
        score >= 90 ? "excellent" : (score >= 80 ? "good" : (score >= 65 ? "pass" : "fail"))
    }

    /// The levels a recognised model went through, lowest first.
    private func levelChain(_ level: String, owner: Int) -> [String] {
        let role = units[owner].role
        let districtOwned = role == .district || (role == .duplicate && units[owner].level == "district")
        let communeOwned = [.oldCommune, .massOrg, .residential].contains(role) || (role == .duplicate && units[owner].level == "commune")
        switch level {
        case "base": return ["base"]
        case "commune": return ["commune"]
        case "district": return districtOwned ? ["district"] : ["base", "district"]
        default:
            if districtOwned { return ["district", "city"] }
            if role == .newCommune || units[owner].validFrom == DemoDate.communesOpen { return ["commune", "city"] }
            return communeOwned ? ["base", "district", "city"] : ["base", "city"]
        }
    }

    /// The historic district committee's name and abbreviation: ("Quận ủy Kim Long", "QU").
    func districtCommittee(_ district: Int) -> (name: String, abbreviation: String) {
        let unit = units[district]
        switch unit.prefix {
        case "Quận": return ("Quận ủy " + unit.bare, "QU")
        case "Thị xã": return ("Thị ủy " + unit.bare, "ThU")
        default: return ("Huyện ủy " + unit.bare, "HU")
        }
    }

    /// The decision of `level` that recognised a model of `owner` in `year`, numbered the first time it is needed.
    func recognitionDecision(_ level: String, owner: Int, year: Int, on started: DemoDate,
                             _ random: inout DemoRandom) -> DemoDecision {
        let commune = communeOf(owner, on: started)
        let region = units[owner].region
        let key: String
        switch level {
        case "base", "commune": key = "\(level)|\(commune ?? owner)|\(year)"
        case "district": key = "district|\(region)|\(year)"
        default: key = "city|\(year)"
        }
        if let known = decisions[key] { return known }
        let decision: DemoDecision
        switch level {
        case "base", "commune":
            if let commune {
                let date = level == "commune" ? DemoDate(2025, 11, random.int(5...25)) : DemoDate(year, 12, random.int(8...20))
                decision = DemoDecision(number: "\(random.int(1...60))-QĐ/BCĐ", date: date,
                                        issuer: "Ban Chỉ đạo QCDC và phong trào “Dân vận khéo” " + units[textUnit(commune)].phrase)
            } else {
                let body = units[owner].kind == "party_committee" ? units[owner].name : "Đảng ủy " + units[owner].name
                let date = year == 2025 ? DemoDate(2025, 11, random.int(5...25)) : DemoDate(year, 12, random.int(8...20))
                decision = DemoDecision(number: "\(random.int(1...60))-QĐ/ĐU", date: date, issuer: body)
            }
        case "district":
            let district = region >= 0 && region < districts.count ? districts[region] : districts[0]
            let committee = districtCommittee(district)
            decision = DemoDecision(number: "\(random.int(5...90))-QĐ/BDV\(committee.abbreviation)",
                                    date: DemoDate(year, 12, random.int(18...28)), issuer: "Ban Dân vận " + committee.name)
        default:
            if year >= 2025 {
                decision = DemoDecision(number: "\(random.int(10...80))-QĐ/BTGDVTU", date: DemoDate(2025, 11, random.int(20...28)),
                                        issuer: "Ban Tuyên giáo và Dân vận Thành ủy")
            } else {
                decision = DemoDecision(number: "\(random.int(10...80))-QĐ/BDVTU", date: DemoDate(year + 1, 1, random.int(8...25)),
                                        issuer: "Ban Dân vận Thành ủy")
            }
        }
        decisions[key] = decision
        return decision
    }

    func writeReviews(model: Int64, owner: Int, year: Int, started: DemoDate, status: String, level: String?,
                      late2025: Bool, hotspot: Bool, _ random: inout DemoRandom) throws {
        let w = writer
        let baseLevel = late2025 ? "commune" : "base"
        if year >= 2012 && !late2025 && status != "draft" && status != "withdrawn" && random.chance(0.7) {
            let date = DemoDate.between(DemoDate(year, 6, 15), DemoDate(year, 7, 10), &random)
            if date > started {
                let score = halfPoints(55, 95, &random)
                try w.evaluations.insert([model, "6T-\(year)", "interim", baseLevel, date.iso, score, rating(score), nil,
                                          "\(random.int(1...40))-BB/BCĐ"])
            }
        }
        switch status {
        case "recognised":
            let chain = levelChain(level ?? baseLevel, owner: owner)
            for (position, step) in chain.enumerated() {
                let decision = recognitionDecision(step, owner: owner, year: year, on: started, &random)
                let last = position == chain.count - 1
                let score = last ? halfPoints(80, 99, &random) : halfPoints(86, 99, &random)
                let evaluated = DemoDate(day: max(started.day + 1, decision.date.day - random.int(3...10)))
                let minutes = step == "city" ? "\(random.int(1...30))-BB/BDVTU" : "\(random.int(1...40))-BB/BCĐ"
                try w.evaluations.insert([model, "\(year)", "annual", step, evaluated.iso, score, rating(score),
                                          last ? "recognise" : "propose_higher", minutes])
                try w.recognitions.insert([model, step, year, decision.number, decision.date.iso, decision.issuer])
            }
        case "not_recognised":
            let score = halfPoints(40, 74, &random)
            try w.evaluations.insert([model, "\(year)", "annual", baseLevel, DemoDate(year, 12, random.int(5...20)).iso,
                                      score, rating(score), "not_recognise", "\(random.int(1...40))-BB/BCĐ"])
        case "active" where year <= 2024 && random.chance(0.4):
            let score = halfPoints(60, 85, &random)
            try w.evaluations.insert([model, "\(year)", "annual", baseLevel, DemoDate(year, 12, random.int(5...20)).iso,
                                      score, rating(score), nil, nil])
        default:
            break
        }
        if hotspot && !late2025 && random.chance(0.3) {
            let date = DemoDate(day: max(started.day + 30, DemoDate(year, 9, random.int(5...28)).day))
            guard date <= DemoDate.today else { return }
            let score = halfPoints(50, 95, &random)
            try w.evaluations.insert([model, "\(year)", "inspection", year < 2025 ? "district" : "city", date.iso, score,
                                      rating(score), nil, nil])
        }
    }
}
