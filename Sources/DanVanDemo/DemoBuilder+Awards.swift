// Phase 5: commendations (domain.md §2.3, §4 "Commendations"): 50–150 line items a year per
// scale step, in decisions with real number patterns ("1034/QĐ-UBND", "{n}-QĐ/TU",
// "{n}-QĐ/BDVTU"). Recognised models are commended through their unit, exemplars through
// the person; cluster leads receive the Cờ thi đua; a few awards are later revoked.

extension DemoBuilder {
    /// Line items per year and scale step (domain.md §4).
    static let awardsPerYear = 50...150

    private struct AwardItem {
        var unit: Int?
        var person: Int?
        var model: Int64?
        var achievement: String
        var collective: Bool
    }

    private static func movementPhrase(_ year: Int) -> String {
        "trong phong trào thi đua “Dân vận khéo” năm \(year)"
    }

    private func modelItem(_ record: DemoModelRecord) -> AwardItem {
        if let person = record.person {
            return AwardItem(unit: nil, person: person, model: record.id,
                             achievement: "Điển hình tiêu biểu \(Self.movementPhrase(record.year))", collective: false)
        }
        return AwardItem(unit: record.unit, person: nil, model: record.id,
                         achievement: "Có mô hình “\(record.title)” tiêu biểu \(Self.movementPhrase(record.year))",
                         collective: true)
    }

    private func writeDecision(_ form: String, number: String, date: DemoDate, issuer: String, year: Int,
                               items: [AwardItem], _ random: inout DemoRandom) throws {
        guard let formID = formIDs[form] else { return }
        for item in items {
            // Revocations are rare (Law 06/2022/QH15, chapter VII): about one in three hundred.
            let status = random.chance(0.003) ? "revoked" : "valid"
            try writer.awards.insert([number, date.iso, issuer, formID, item.unit.map(id), item.person.map(personID),
                                      item.model, item.achievement,
                                      awardAmount(form, collective: item.collective, on: date), year, status])
            step(1)
        }
    }

    func writeAwards() throws {
        var random = random("awards")
        var byYear: [[Int]] = Array(repeating: [], count: Self.lastYear - Self.firstYear + 1)
        for (index, record) in models.enumerated() where record.status == "recognised" {
            byYear[record.year - Self.firstYear].append(index)
        }
        let staff = people.indices.filter { people[$0].staff }
        var staffByUnit: [Int: [Int]] = [:]
        for person in staff { staffByUnit[people[person].unit, default: []].append(person) }
        for year in Self.firstYear...Self.lastYear {
            let recognised = byYear[year - Self.firstYear].map { models[$0] }
            var baseByRegion: [Int: [DemoModelRecord]] = [:]
            var byUnit: [Int: [DemoModelRecord]] = [:]
            for record in recognised {
                if record.level == "base" && record.collective { baseByRegion[units[record.unit].region, default: []].append(record) }
                byUnit[record.unit, default: []].append(record)
            }
            var total = 0
            let cap = Self.awardsPerYear.upperBound * scale
            // One achievement, one award (domain.md §2.3): a recipient's achievement is commended once;
            // the one exception is the deliberate anomaly added later.
            var commended: Set<String> = []
            func take(_ items: [AwardItem]) -> [AwardItem] {
                var kept: [AwardItem] = []
                for item in items where total < cap {
                    let key = "\(item.unit ?? -1)|\(item.person ?? -1)|\(item.model ?? -1)|\(item.achievement)"
                    guard commended.insert(key).inserted else { continue }
                    kept.append(item)
                    total += 1
                }
                return kept
            }
            if year <= 2024 {
                // Bằng khen of the city chairman: city-level models and exemplars.
                let cityLevel = recognised.filter { $0.level == "city" }.prefix(15 * scale).map(modelItem)
                try writeDecision("BKCT", number: "\(random.int(100...3000))/QĐ-UBND",
                                  date: DemoDate(year + 1, 1, random.int(10...25)),
                                  issuer: "Chủ tịch UBND Thành phố", year: year, items: take(Array(cityLevel)), &random)
                // Bằng khen of the Standing Committee: units with outstanding results.
                var unitsPool = (districts + blocsBefore + departmentsBefore)
                random.shuffle(&unitsPool)
                let outstanding = unitsPool.prefix(random.int(5...12) * scale).map {
                    AwardItem(unit: $0, person: nil, model: nil,
                              achievement: "Đã có thành tích xuất sắc \(Self.movementPhrase(year))", collective: true)
                }
                try writeDecision("BKBTV", number: "\(random.int(500...2500))-QĐ/TU",
                                  date: DemoDate(year + 1, 1, random.int(5...20)),
                                  issuer: "Ban Thường vụ Thành ủy", year: year, items: take(Array(outstanding)), &random)
                // Giấy khen of the Ban Dân vận: district-level models and base-level exemplars.
                var board = recognised.filter { $0.level == "district" }.prefix(25 * scale).map(modelItem)
                board += recognised.filter { $0.level == "base" && !$0.collective }.prefix(10 * scale).map(modelItem)
                let baseCollective = recognised.filter { $0.level == "base" && $0.collective }
                board += random.sample(random.int(5...15) * scale, of: baseCollective.count).sorted()
                    .map { modelItem(baseCollective[$0]) }
                try writeDecision("GKBDV", number: "\(random.int(20...150))-QĐ/BDVTU",
                                  date: DemoDate(year, 12, random.int(20...30)),
                                  issuer: "Ban Dân vận Thành ủy", year: year, items: take(board), &random)
                // Giấy khen of district chairmen: base-level models of their district.
                for district in districts where random.chance(0.5) {
                    let region = units[district].region
                    guard let local = baseByRegion[region], !local.isEmpty else { continue }
                    let items = local.prefix(random.int(3...8)).map(modelItem)
                    try writeDecision("GKCTH", number: "\(random.int(100...4000))/QĐ-UBND",
                                      date: DemoDate(year, 12, random.int(15...30)),
                                      issuer: "Chủ tịch UBND " + units[district].phrase, year: year,
                                      items: take(Array(items)), &random)
                }
                // Cờ thi đua for one to three cluster leads.
                let leads = clusterLeads[year] ?? []
                let flagged = random.sample(random.int(1...3), of: leads.count).sorted().map { leads[$0] }
                let flags = flagged.compactMap { lead -> AwardItem? in
                    guard let cluster = leads.firstIndex(of: lead) else { return nil }
                    return AwardItem(unit: lead, person: nil, model: nil,
                                     achievement: "Dẫn đầu Cụm thi đua số \(cluster + 1) \(Self.movementPhrase(year))",
                                     collective: true)
                }
                try writeDecision("CTD", number: "\(random.int(100...3000))/QĐ-UBND",
                                  date: DemoDate(year + 1, 1, random.int(10...25)),
                                  issuer: "Chủ tịch UBND Thành phố", year: year, items: take(flags), &random)
            } else {
                // 2025: prompt commendations by the new communes and the city after the merger.
                for commune in newCommunes where random.chance(0.4) {
                    var items = (byUnit[commune] ?? []).prefix(2).map(modelItem)
                    let localStaff = staffByUnit[commune] ?? []
                    for person in localStaff.prefix(random.int(1...3)) {
                        items.append(AwardItem(unit: nil, person: person, model: nil,
                                               achievement: "Có thành tích tiêu biểu \(Self.movementPhrase(year))",
                                               collective: false))
                    }
                    try writeDecision("GKCTX", number: "\(random.int(10...300))/QĐ-UBND",
                                      date: DemoDate(2025, random.int(9...11), random.int(1...28)),
                                      issuer: "Chủ tịch UBND " + units[commune].phrase, year: year,
                                      items: take(items), &random)
                }
                let prompt = recognised.filter { $0.level == "city" }.prefix(10 * scale).map(modelItem)
                try writeDecision("BKCT", number: "\(random.int(100...3000))/QĐ-UBND",
                                  date: DemoDate(2025, 11, random.int(20...28)),
                                  issuer: "Chủ tịch UBND Thành phố", year: year, items: take(Array(prompt)), &random)
            }
            // Kỷ niệm chương every other year and in 2025.
            if year % 2 == 0 || year == 2025 {
                let chosen = random.sample(random.int(2...6) * scale, of: staff.count).map { staff[$0] }
                let items = chosen.map {
                    AwardItem(unit: nil, person: $0, model: nil, achievement: "Có nhiều đóng góp cho sự nghiệp Dân vận",
                              collective: false)
                }
                let central = year >= 2025 ? "Ban Tuyên giáo và Dân vận Trung ương" : "Ban Dân vận Trung ương"
                try writeDecision("KNC", number: "\(random.int(100...900))-QĐ/\(year >= 2025 ? "BTGDVTW" : "BDVTW")",
                                  date: DemoDate(year, 10, random.int(8...14)), issuer: central, year: year,
                                  items: take(items), &random)
            }
            // Top up to the least a year of the movement commends.
            let least = Self.awardsPerYear.lowerBound * scale
            if total < least {
                let chosen = random.sample(least - total, of: staff.count).map { staff[$0] }
                let items = chosen.map {
                    AwardItem(unit: nil, person: $0, model: nil,
                              achievement: "Đã có thành tích \(Self.movementPhrase(year))", collective: false)
                }
                let (form, number, issuer) = year <= 2024
                    ? ("GKBDV", "\(random.int(150...250))-QĐ/BDVTU", "Ban Dân vận Thành ủy")
                    : ("BKBTV", "\(random.int(2500...3500))-QĐ/TU", "Ban Thường vụ Thành ủy")
                try writeDecision(form, number: number, date: DemoDate(year, year <= 2024 ? 12 : 11, random.int(1...28)),
                                  issuer: issuer, year: year, items: take(items), &random)
            }
        }
    }
}
