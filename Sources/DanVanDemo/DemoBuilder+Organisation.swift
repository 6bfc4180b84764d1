// Phase 1: the organisation of Thành phố Đông Sơn (domain.md §4, "Organisation"): city
// bodies, five directly subordinate Party committees and forces, departments (merged on
// 2025-03-01), historic districts and communes (closed on 2025-06-30) and the new communes
// that succeed them on 2025-07-01, mass organisations, residential groups, the six emulation
// clusters and their members per year. Everything is built in memory first, so that
// successors and parents are known, and then written in index order.

extension DemoBuilder {
    /// Legal bases of the successions (fictional numbers in the real patterns).
    static let communeBasis = "1679/NQ-UBTVQH15"
    static let departmentBasis = "26/NQ-HĐND"
    static let partyBasis = "402-QĐ/TU"

    @discardableResult
    func addUnit(_ unit: DemoUnit) -> Int {
        units.append(unit)
        return units.count - 1
    }

    func phone(_ random: inout DemoRandom) -> String {
        "02003" + String(random.int(100_000...999_999))
    }

    /// Two-digit (or longer) zero padding for codes.
    func pad(_ number: Int, _ width: Int = 2) -> String {
        let text = String(number)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    func buildOrganisation() throws {
        var random = random("organisation")
        buildCityBodies(&random)
        buildBlocs(&random)
        buildDepartments(&random)
        buildDistrictsAndCommunes(&random)
        for index in units.indices {
            for next in units[index].successors { units[next].predecessors.append(index) }
        }
        chooseSpecialUnits(&random)
        buildDuplicates(&random)
    }

    private func cityUnit(_ code: String, _ name: String, _ short: String?, kind: String, role: DemoUnitRole,
                          parent: Int?, _ random: inout DemoRandom) -> Int {
        addUnit(DemoUnit(code: code, name: name, shortName: short, prefix: "", bare: name, kind: kind, level: "city",
                         role: role, parent: parent, phone: phone(&random)))
    }

    private func buildCityBodies(_ random: inout DemoRandom) {
        let cityName = DemoVocabulary.cityName
        city = addUnit(DemoUnit(code: "TP", name: "Thành phố \(cityName)", shortName: cityName, prefix: "Thành phố",
                                bare: cityName, kind: "city", level: "city", role: .city, phone: phone(&random)))
        thanhUy = cityUnit("TU", "Thành ủy \(cityName)", "Thành ủy", kind: "party_body", role: .cityBody, parent: city, &random)
        danVanBoard = cityUnit("TU.BDV", "Ban Dân vận Thành ủy", "BDVTU", kind: "party_body", role: .cityBody, parent: thanhUy, &random)
        propagandaBoard = cityUnit("TU.BTG", "Ban Tuyên giáo Thành ủy", "BTGTU", kind: "party_body", role: .cityBody, parent: thanhUy, &random)
        mergedBoard = cityUnit("TU.BTGDV", "Ban Tuyên giáo và Dân vận Thành ủy", "BTGDVTU", kind: "party_body",
                               role: .cityBody, parent: thanhUy, &random)
        for old in [danVanBoard, propagandaBoard] {
            units[old].status = "merged"
            units[old].validTo = DemoDate.bodiesClose
            units[old].successors = [mergedBoard]
        }
        units[mergedBoard].validFrom = DemoDate.bodiesOpen
        peoplesCommittee = cityUnit("UBND.TP", "Ủy ban nhân dân Thành phố", "UBND TP", kind: "people_committee",
                                    role: .cityBody, parent: city, &random)
        cityFront = cityUnit("MTTQ.TP", "Ủy ban MTTQ Việt Nam Thành phố", "MTTQ TP", kind: "front", role: .cityBody,
                             parent: city, &random)
        units[cityFront].orgType = "MTTQ"
        let orgs: [(String, String, String, String)] = [
            ("LHPN.TP", "Hội Liên hiệp Phụ nữ Thành phố", "Hội LHPN TP", "LHPN"),
            ("HND.TP", "Hội Nông dân Thành phố", "Hội ND TP", "HND"),
            ("CCB.TP", "Hội Cựu chiến binh Thành phố", "Hội CCB TP", "CCB"),
            ("LDLD.TP", "Liên đoàn Lao động Thành phố", "LĐLĐ TP", "LDLD"),
        ]
        for (code, name, short, type) in orgs {
            let index = cityUnit(code, name, short, kind: "mass_org", role: .cityBody, parent: city, &random)
            units[index].orgType = type
            cityOrgs.append(index)
        }
    }

    /// The five directly subordinate Party committees and forces; the Bloc of agencies is
    /// renamed on 2025-03-01 (a new unit succeeds it).
    private func buildBlocs(_ random: inout DemoRandom) {
        let blocs: [(String, String, String, String)] = [
            ("K.CA", "Công an Thành phố", "CATP", "armed_force"),
            ("K.QS", "Bộ Chỉ huy Quân sự Thành phố", "Bộ CHQS TP", "armed_force"),
            ("K.TD", "Thành đoàn \(DemoVocabulary.cityName)", "Thành đoàn", "mass_org"),
            ("K.CQ", "Đảng ủy Khối các cơ quan Thành phố", "ĐUK các cơ quan TP", "party_committee"),
            ("K.DN", "Đảng ủy Khối Doanh nghiệp Thành phố", "ĐUK Doanh nghiệp TP", "party_committee"),
        ]
        for (code, name, short, kind) in blocs {
            let index = cityUnit(code, name, short, kind: kind, role: .bloc, parent: thanhUy, &random)
            units[index].cluster = 6
            blocsBefore.append(index)
        }
        let renamed = cityUnit("K.CQD", "Đảng ủy các cơ quan Đảng Thành phố", "Đảng ủy các cơ quan Đảng TP",
                               kind: "party_committee", role: .bloc, parent: thanhUy, &random)
        units[renamed].validFrom = DemoDate.bodiesOpen
        units[renamed].cluster = 6
        let agencies = blocsBefore[3]
        units[agencies].status = "merged"
        units[agencies].validTo = DemoDate.bodiesClose
        units[agencies].successors = [renamed]
        blocsAfter = blocsBefore.filter { $0 != agencies } + [renamed]
        blocsAfter.sort()
    }

    /// Eighteen departments until 2025-02-28, twelve from 2025-03-01 (the 2025 state restructuring).
    private func buildDepartments(_ random: inout DemoRandom) {
        let before: [(String, String, String)] = [
            ("SO.NV", "Sở Nội vụ", "Sở NV"), ("SO.TC", "Sở Tài chính", "Sở TC"),
            ("SO.KHDT", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"), ("SO.XD", "Sở Xây dựng", "Sở XD"),
            ("SO.GTVT", "Sở Giao thông vận tải", "Sở GTVT"), ("SO.TNMT", "Sở Tài nguyên và Môi trường", "Sở TN&MT"),
            ("SO.NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
            ("SO.CT", "Sở Công Thương", "Sở CT"), ("SO.GDDT", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
            ("SO.YT", "Sở Y tế", "Sở YT"), ("SO.VHTT", "Sở Văn hóa và Thể thao", "Sở VH&TT"),
            ("SO.DL", "Sở Du lịch", "Sở DL"), ("SO.TTTT", "Sở Thông tin và Truyền thông", "Sở TT&TT"),
            ("SO.KHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN"),
            ("SO.LDTBXH", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
            ("SO.TP", "Sở Tư pháp", "Sở TP"), ("SO.TTR", "Thanh tra Thành phố", "Thanh tra TP"),
            ("SO.BDT", "Ban Dân tộc Thành phố", "Ban Dân tộc"),
        ]
        var byCode: [String: Int] = [:]
        for (code, name, short) in before {
            let index = cityUnit(code, name, short, kind: "department", role: .department, parent: peoplesCommittee, &random)
            units[index].cluster = 5
            departmentsBefore.append(index)
            byCode[code] = index
        }
        let created: [(String, String, String)] = [
            ("SO.NNMT", "Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
            ("SO.VHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL"),
            ("SO.DTTG", "Sở Dân tộc và Tôn giáo", "Sở DT&TG"),
        ]
        for (code, name, short) in created {
            let index = cityUnit(code, name, short, kind: "department", role: .department, parent: peoplesCommittee, &random)
            units[index].validFrom = DemoDate.bodiesOpen
            units[index].cluster = 5
            byCode[code] = index
        }
        // Old code → successor codes; more than one successor means the old one was split.
        let mergers: [(String, [String])] = [
            ("SO.KHDT", ["SO.TC"]), ("SO.GTVT", ["SO.XD"]), ("SO.TNMT", ["SO.NNMT"]), ("SO.NNPTNT", ["SO.NNMT"]),
            ("SO.TTTT", ["SO.KHCN"]), ("SO.VHTT", ["SO.VHTTDL"]), ("SO.DL", ["SO.VHTTDL"]),
            ("SO.LDTBXH", ["SO.NV", "SO.YT", "SO.GDDT"]), ("SO.BDT", ["SO.DTTG"]),
        ]
        var closed: Set<Int> = []
        for (old, new) in mergers {
            guard let oldIndex = byCode[old] else { continue }
            units[oldIndex].successors = new.compactMap { byCode[$0] }
            units[oldIndex].successorsWhole = new.count == 1
            units[oldIndex].status = new.count == 1 ? "merged" : "split"
            units[oldIndex].validTo = DemoDate.bodiesClose
            closed.insert(oldIndex)
        }
        departmentsAfter = units.indices.filter { units[$0].role == .department && !closed.contains($0) }
    }

    /// A fictional two-morpheme place name ("Phú Minh"), avoiding names in `used` when it can.
    func placeName(_ random: inout DemoRandom, avoiding used: inout Set<String>) -> String {
        var name = ""
        for _ in 0..<40 {
            let first = random.pick(DemoVocabulary.placeMorphemes)
            var second = random.pick(DemoVocabulary.placeMorphemes)
            while second == first { second = random.pick(DemoVocabulary.placeMorphemes) }
            name = first + " " + second
            if !used.contains(name) { break }
        }
        used.insert(name)
        return name
    }

    private func buildDistrictsAndCommunes(_ random: inout DemoRandom) {
        let templates = DemoVocabulary.districts
        var usedDistrictNames = Set(templates.map(\.bare))
        // At scale 1 every commune name is unique in the city; larger cities repeat some.
        var usedCommuneNames = Set(DemoVocabulary.requiredCommuneNames)
        var newCommuneNumber = 0
        let districtCount = templates.count * scale
        for number in 0..<districtCount {
            let template = templates[number % templates.count]
            let bare = number < templates.count ? template.bare : placeName(&random, avoiding: &usedDistrictNames)
            let district = addUnit(DemoUnit(
                code: "D" + pad(number + 1), name: template.prefix + " " + bare, shortName: bare, prefix: template.prefix,
                bare: bare, kind: "district", level: "district", role: .district, parent: city, status: "merged",
                validTo: DemoDate.districtsClose, phone: phone(&random), region: number, cluster: number % 4 + 1))
            districts.append(district)

            // Historic communes of the district.
            let count = random.int(7...11)
            var communes: [Int] = []
            for position in 0..<count {
                let prefix: String
                let kind: String
                switch template.prefix {
                case "Quận":
                    (prefix, kind) = ("Phường", "ward")
                case "Thị xã":
                    (prefix, kind) = random.chance(0.7) ? ("Phường", "ward") : ("Xã", "commune")
                default:
                    (prefix, kind) = position == 0 ? ("Thị trấn", "township") : ("Xã", "commune")
                }
                let bare: String
                if number == 5 && position == 0 {
                    bare = DemoVocabulary.requiredCommuneNames[0]
                } else if kind == "township" {
                    bare = units[district].bare
                } else {
                    bare = placeName(&random, avoiding: &usedCommuneNames)
                }
                let commune = addUnit(DemoUnit(
                    code: units[district].code + "." + pad(position + 1), name: prefix + " " + bare, shortName: bare,
                    prefix: prefix, bare: bare, kind: kind, level: "commune", role: .oldCommune, parent: district,
                    status: "merged", validTo: DemoDate.districtsClose, phone: phone(&random), region: number,
                    cluster: units[district].cluster))
                communes.append(commune)
                if random.chance(0.2) { addMassOrgs(to: commune, old: true, &random) }
            }

            // The merger: consecutive communes form groups of three or four.
            let groupCount = max(1, Int((Double(count) / 3.5).rounded()))
            var groups: [[Int]] = Array(repeating: [], count: groupCount)
            for (position, commune) in communes.enumerated() {
                groups[position * groupCount / count].append(commune)
            }
            var created: [Int] = []
            for group in groups {
                newCommuneNumber += 1
                let wards = group.filter { units[$0].kind == "ward" }.count
                let isWard = wards * 2 >= group.count
                let (prefix, kind) = isWard ? ("Phường", "ward") : ("Xã", "commune")
                let bare: String
                if random.chance(0.6), let first = group.first, units[first].kind != "township" {
                    bare = units[first].bare
                } else {
                    bare = placeName(&random, avoiding: &usedCommuneNames)
                }
                let commune = addUnit(DemoUnit(
                    code: "X" + pad(newCommuneNumber), name: prefix + " " + bare, shortName: bare, prefix: prefix,
                    bare: bare, kind: kind, level: "commune", role: .newCommune, parent: city,
                    validFrom: DemoDate.communesOpen, phone: phone(&random), region: number,
                    cluster: units[district].cluster))
                created.append(commune)
                newCommunes.append(commune)
                addMassOrgs(to: commune, old: false, &random)
                for old in group { units[old].successors = [commune] }
            }
            // Some wards on a boundary are split between two new communes.
            if groupCount >= 2 && random.chance(0.6) {
                let boundary = random.below(groupCount - 1)
                if let old = groups[boundary].last {
                    units[old].successors = [created[boundary], created[boundary + 1]]
                    units[old].successorsWhole = false
                    units[old].status = "split"
                }
            }
            units[district].successors = created
            units[district].successorsWhole = created.count == 1
            oldCommunes.append(contentsOf: communes)

            // Residential groups, already re-parented to the new commune.
            for old in communes {
                addResidentials(to: old, &random)
            }
        }
        // Old mass organisations pass to the same organisation of the successor commune.
        for old in oldMassOrgs {
            guard let commune = units[old].parent, let next = units[commune].successors.first else { continue }
            let same = units[next].massOrgs.first { units[$0].orgType == units[old].orgType }
            units[old].successors = [same ?? next]
        }
    }

    private func addMassOrgs(to commune: Int, old: Bool, _ random: inout DemoRandom) {
        var types: [(String, String, String, String)] = [
            ("MTTQ", "Ủy ban MTTQ Việt Nam", "MTTQ", "front"),
            ("LHPN", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "mass_org"),
        ]
        if units[commune].kind != "ward" { types.append(("HND", "Hội Nông dân", "Hội ND", "mass_org")) }
        types.append(("CCB", "Hội Cựu chiến binh", "Hội CCB", "mass_org"))
        types.append(("DTN", "Đoàn Thanh niên", "Đoàn TN", "mass_org"))
        for (type, name, short, kind) in types {
            let base = units[commune]
            var org = DemoUnit(code: base.code + "." + type, name: name + " " + base.phrase,
                               shortName: short + " " + base.phrase, prefix: "", bare: name + " " + base.phrase,
                               kind: kind, level: "commune", role: .massOrg, parent: commune, status: base.status,
                               validFrom: base.validFrom, validTo: base.validTo, phone: nil, region: base.region)
            org.orgType = type
            let index = addUnit(org)
            units[commune].massOrgs.append(index)
            if old { oldMassOrgs.append(index) } else { newMassOrgs.append(index) }
        }
    }

    private func addResidentials(to old: Int, _ random: inout DemoRandom) {
        let base = units[old]
        let count = random.int(2...3)
        let numbers = random.sample(count, of: 24).map { $0 + 1 }.sorted()
        var villages = DemoVocabulary.villageNames
        random.shuffle(&villages)
        for (position, number) in numbers.enumerated() {
            let name: String
            if base.kind == "ward" {
                name = random.chance(0.75) ? "Tổ dân phố số \(number)" : "Khu phố \(number)"
            } else {
                name = random.chance(0.7) ? "Thôn \(villages[position])" : "Xóm \(number)"
            }
            let index = addUnit(DemoUnit(
                code: base.code + ".T" + pad(position + 1), name: name, shortName: nil, prefix: "", bare: name,
                kind: "residential", level: "residential", role: .residential, parent: base.successors.first,
                region: base.region, cluster: 0))
            units[index].historicParent = old
            units[old].residentials.append(index)
            if let commune = base.successors.first { units[commune].residentials.append(index) }
            residentials.append(index)
        }
    }

    /// The two communes with no registrations and the merged unit that kept active models
    /// (domain.md §4, deliberate anomalies). The silent communes have predecessors that go
    /// wholly to them, so no model is moved into them by the merger.
    private func chooseSpecialUnits(_ random: inout DemoRandom) {
        var candidates = newCommunes.filter { commune in
            units[commune].predecessors.allSatisfy { units[$0].role != .oldCommune || units[$0].successors.count == 1 }
        }
        random.shuffle(&candidates)
        silentCommunes = Array(candidates.prefix(2)).sorted()
        let stale = oldCommunes.filter { units[$0].status == "merged" && !isSilent($0) }
        staleUnit = stale.isEmpty ? -1 : stale[random.below(stale.count)]
    }

    /// Units whose models never reach the merger: the predecessors of the silent communes.
    func isSilent(_ unit: Int) -> Bool {
        if silentCommunes.contains(unit) { return true }
        if units[unit].role == .oldCommune || units[unit].role == .massOrg {
            return units[unit].successors.contains { silentCommunes.contains($0) || isSilentOrgOf($0) }
        }
        return false
    }

    private func isSilentOrgOf(_ unit: Int) -> Bool {
        guard units[unit].role == .massOrg, let parent = units[unit].parent else { return false }
        return silentCommunes.contains(parent)
    }

    /// Duplicate records of three units (domain.md §4): one differing in tone placement, one
    /// with a "UBND" prefix, one with an abbreviated "Q." prefix. They are written last, as a
    /// later data entry would have made them.
    private func buildDuplicates(_ random: inout DemoRandom) {
        // "Phường Tân Hoà" beside the historic "Phường Tân Hòa".
        if let original = oldCommunes.first(where: { units[$0].bare == "Tân Hòa" }) {
            var copy = units[original]
            copy.name = copy.prefix + " Tân Hoà"
            copy.bare = "Tân Hoà"
            copy.shortName = "Tân Hoà"
            copy.code = nextCode(after: original)
            copy.role = .duplicate
            copy.successors = []
            copy.massOrgs = []
            copy.residentials = []
            copy.phone = nil
            copy.predecessors = []
            duplicates.append((addUnit(copy), original))
        }
        // "UBND phường …" beside an active new ward that is not silent.
        let wards = newCommunes.filter { units[$0].kind == "ward" && !silentCommunes.contains($0) }
        if !wards.isEmpty {
            let original = wards[random.below(wards.count)]
            var copy = units[original]
            copy.name = "UBND " + copy.phrase
            copy.code = nextCode(after: original)
            copy.role = .duplicate
            copy.massOrgs = []
            copy.residentials = []
            copy.predecessors = []
            copy.phone = nil
            duplicates.append((addUnit(copy), original))
        }
        // "Q. Kim Long" beside "Quận Kim Long".
        if let original = districts.first(where: { units[$0].prefix == "Quận" && units[$0].bare == "Kim Long" })
            ?? districts.first(where: { units[$0].prefix == "Quận" }) {
            var copy = units[original]
            copy.name = "Q. " + copy.bare
            copy.code = nextCode(after: original)
            copy.role = .duplicate
            copy.successors = []
            copy.phone = nil
            duplicates.append((addUnit(copy), original))
        }
    }

    /// A code not yet used, after the original's: "D06.01" → "D06.01-2", as a second entry gets.
    private func nextCode(after original: Int) -> String {
        units[original].code + "-2"
    }

    // MARK: Writing

    func writeOrganisation() throws {
        let w = writer
        for unit in units {
            try w.units.insert([unit.code, unit.name, unit.shortName, unit.kind, unit.level, unit.parent.map(id),
                                unit.status, unit.validFrom?.iso, unit.validTo?.iso, unit.phone])
        }
        try writeAliases()
        try writeSuccessions()
        try writeClusters()
    }

    private func writeAliases() throws {
        let w = writer
        for district in districts {
            let unit = units[district]
            let short = ["Quận": "Q.", "Thị xã": "TX.", "Huyện": "H."][unit.prefix] ?? unit.prefix
            try w.unitAliases.insert([id(district), short + " " + unit.bare])
            try w.unitAliases.insert([id(district), "UBND " + unit.phrase])
        }
        for commune in newCommunes where units[commune].kind == "ward" {
            try w.unitAliases.insert([id(commune), "P. " + units[commune].bare])
        }
        try w.unitAliases.insert([id(danVanBoard), "Ban Dân vận Thành ủy \(DemoVocabulary.cityName)"])
        try w.unitAliases.insert([id(mergedBoard), "Ban Tuyên giáo và Dân vận Thành ủy \(DemoVocabulary.cityName)"])
        try w.unitAliases.insert([id(blocsBefore[0]), "Công an TP \(DemoVocabulary.cityName)"])
    }

    private func writeSuccessions() throws {
        let w = writer
        for (index, unit) in units.enumerated() where !unit.successors.isEmpty {
            let (date, basis): (DemoDate, String)
            switch unit.role {
            case .department: (date, basis) = (DemoDate.bodiesOpen, Self.departmentBasis)
            case .cityBody, .bloc: (date, basis) = (DemoDate.bodiesOpen, Self.partyBasis)
            default: (date, basis) = (DemoDate.communesOpen, Self.communeBasis)
            }
            for next in unit.successors {
                try w.unitSuccessions.insert([id(index), id(next), date.iso, basis, unit.successorsWhole ? 1 : 0])
            }
        }
    }

    private func writeClusters() throws {
        let w = writer
        for number in 1...6 {
            clusterIDs.append(try w.clusters.insert([number, "Cụm thi đua số \(number)", "dan_van"]))
        }
        for year in 2009...2025 {
            let date = DemoDate(year, 12, 31)
            for number in 1...6 {
                let members: [Int]
                switch number {
                case 5:
                    members = (year < 2025 ? departmentsBefore : departmentsAfter) + [cityFront] + cityOrgs
                case 6:
                    members = year < 2025 ? blocsBefore : blocsAfter
                default:
                    let pool = year < 2025 ? districts : newCommunes
                    members = pool.filter { units[$0].cluster == number && (year < 2025 || units[$0].isActive(on: date)) }
                }
                guard !members.isEmpty else {
                    clusterLeads[year, default: []].append(city)
                    continue
                }
                let lead = members[year % members.count]
                clusterLeads[year, default: []].append(lead)
                let deputy = members[(year + 1) % members.count]
                for member in members {
                    let role = member == lead ? "lead" : (member == deputy ? "deputy" : "member")
                    try w.clusterMembers.insert([clusterIDs[number - 1], id(member), year, role])
                }
            }
        }
    }
}
