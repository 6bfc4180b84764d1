// Phase 4: about 3,000 models per scale step over 2009–2025 (domain.md §4, "Models"), more
// in recent years, with their indicators, evaluations and recognition decisions. Models of
// historic units end in June 2025; those still under way then were handed to the successor
// unit, except at the one unit the anomalies leave behind. Models from July 2025 belong to
// the new communes.

extension DemoBuilder {
    static let firstYear = 2009
    static let lastYear = 2025
    static let liveStatuses: Set<String> = ["draft", "registered", "active", "proposed", "suspended"]

    /// Status mixes (status, weight) by period (domain.md §4: 85–90% effective; of those
    /// 40–50% recognised at base level, 10–15% higher; 3–5% discontinued).
    static let pastMix: [(String, Double)] = [
        ("recognised", 58), ("not_recognised", 6), ("proposed", 3), ("active", 25), ("suspended", 2),
        ("discontinued", 4), ("withdrawn", 2),
    ]
    static let lastYearMix: [(String, Double)] = [
        ("recognised", 52), ("not_recognised", 6), ("proposed", 10), ("active", 24), ("suspended", 2),
        ("discontinued", 4), ("withdrawn", 2),
    ]
    static let early2025Mix: [(String, Double)] = [
        ("draft", 2), ("registered", 30), ("active", 45), ("proposed", 13), ("suspended", 4), ("discontinued", 2),
        ("withdrawn", 4),
    ]
    static let late2025Mix: [(String, Double)] = [
        ("draft", 5), ("registered", 40), ("active", 35), ("proposed", 10), ("recognised", 6), ("suspended", 1),
        ("withdrawn", 3),
    ]

    /// Models per year: the movement grows, so year `y` weighs 1 + (y − 2009)/4.
    func modelsPerYear() -> [Int] {
        let years = Array(Self.firstYear...Self.lastYear)
        let weights = years.map { 1 + Double($0 - Self.firstYear) / 4 }
        let total = weights.reduce(0, +)
        return weights.map { Int((Double(plannedModels) * $0 / total).rounded()) }
    }

    /// Where a unit's still-running models went after the reorganisation: the first active
    /// successor that is not one of the silent communes; nil when there is none.
    func moveTarget(_ unit: Int) -> Int? {
        var current = unit
        for _ in 0..<4 {
            if units[current].isActive(on: DemoDate.today) { return current }
            guard let next = units[current].successors.first(where: { !silentCommunes.contains($0) }) else { return nil }
            current = next
        }
        return nil
    }

    private struct OwnerPools {
        var early = DemoWeightedPool()   // before 2025-03-01
        var spring = DemoWeightedPool()  // 2025-03-01 to 2025-06-30
        var late = DemoWeightedPool()    // from 2025-07-01
    }

    private func ownerPools() -> OwnerPools {
        var pools = OwnerPools()
        func addCommon(_ pool: inout DemoWeightedPool, departments: [Int], blocs: [Int], board: Int) {
            for unit in departments { pool.add(unit, weight: 1.5) }
            for unit in blocs { pool.add(unit, weight: 3) }
            for unit in [board, cityFront] + cityOrgs { pool.add(unit, weight: 1) }
        }
        for pool in [\OwnerPools.early, \OwnerPools.spring] {
            for unit in oldCommunes where !isSilent(unit) { pools[keyPath: pool].add(unit, weight: 6) }
            for unit in oldMassOrgs where !isSilent(unit) { pools[keyPath: pool].add(unit, weight: 1.2) }
            for unit in districts { pools[keyPath: pool].add(unit, weight: 2.5) }
        }
        addCommon(&pools.early, departments: departmentsBefore, blocs: blocsBefore, board: danVanBoard)
        addCommon(&pools.spring, departments: departmentsAfter, blocs: blocsAfter, board: mergedBoard)
        for unit in newCommunes where !silentCommunes.contains(unit) { pools.late.add(unit, weight: 8) }
        for unit in newMassOrgs { pools.late.add(unit, weight: 1) }
        addCommon(&pools.late, departments: departmentsAfter, blocs: blocsAfter, board: mergedBoard)
        return pools
    }

    /// Owners fixed in advance, by year (2025 early and late apart): the duplicate records get
    /// a few models each, the stale merged unit keeps models running, and every new commune
    /// except the silent two registers at least one model after the merger.
    private func forcedOwners(_ random: inout DemoRandom) -> [Int: [Int]] {
        var forced: [Int: [Int]] = [:]
        func add(_ key: Int, _ unit: Int) { forced[key, default: []].append(unit) }
        for (duplicate, original) in duplicates {
            switch units[original].role {
            case .district: for year in [2016, 2019, 2023] { add(year, duplicate) }
            case .oldCommune: for year in [2018, 2020, 2022] { add(year, duplicate) }
            default: add(20252, duplicate); add(20252, duplicate)
            }
        }
        if staleUnit >= 0 { for key in [2024, 2024, 20251, 20251] { add(key, staleUnit) } }
        var communes = newCommunes.filter { !silentCommunes.contains($0) }
        random.shuffle(&communes)
        for commune in communes { add(20252, commune) }
        return forced
    }

    func writeModels() throws {
        var random = random("models")
        extrasRandom = self.random("model-extras")
        let pools = ownerPools()
        var forced = forcedOwners(&random)
        let perYear = modelsPerYear()
        var recognisedBefore: [Int] = []   // indices into `models`, of earlier years
        var securityNotes = 0
        for (offset, year) in (Self.firstYear...Self.lastYear).enumerated() {
            var recognisedThisYear: [Int] = []
            let count = perYear[offset]
            // 2025 is split at the merger: 60% before July, 40% after.
            let early = year == 2025 ? count * 6 / 10 : count
            for number in 0..<count {
                let late2025 = year == 2025 && number >= early
                let key = year == 2025 ? (late2025 ? 20252 : 20251) : year
                let started: DemoDate
                if late2025 {
                    started = DemoDate.between(DemoDate(2025, 7, 5), DemoDate(2025, 11, 20), &random)
                } else if year == 2025 {
                    started = DemoDate.between(DemoDate(2025, 1, 5), DemoDate(2025, 6, 20), &random)
                } else if random.chance(0.8) {
                    started = DemoDate.between(DemoDate(year, 1, 5), DemoDate(year, 4, 30), &random)
                } else {
                    started = DemoDate.between(DemoDate(year, 5, 1), DemoDate(year, 9, 30), &random)
                }
                var owner = -1
                var person: Int? = nil
                var forcedStatus: String? = nil
                if var list = forced[key], !list.isEmpty {
                    owner = list.removeFirst()
                    forced[key] = list
                    if owner == staleUnit { forcedStatus = "active" }
                } else if random.chance(0.355), !people.isEmpty {
                    let candidate = random.below(people.count)
                    let unit = ownerOf(candidate, on: started)
                    if units[unit].isActive(on: started) && !silentCommunes.contains(unit) {
                        owner = unit
                        person = candidate
                    }
                }
                if owner < 0 {
                    let pool = started < DemoDate.bodiesOpen ? pools.early
                        : (started < DemoDate.communesOpen ? pools.spring : pools.late)
                    owner = pool.draw(&random) ?? city
                }
                let record = try writeModel(year: year, number: number, started: started, owner: owner, person: person,
                                            forcedStatus: forcedStatus, late2025: late2025,
                                            recognisedBefore: recognisedBefore, securityNotes: &securityNotes,
                                            &random)
                models.append(record)
                if record.status == "recognised" { recognisedThisYear.append(models.count - 1) }
                step(6)
            }
            recognisedBefore.append(contentsOf: recognisedThisYear)
        }
        if staleUnit >= 0 {
            anomalies.append(DemoAnomaly(.mergedUnitWithActiveModels, table: "units", id: id(staleUnit),
                                         note: units[staleUnit].name))
        }
        for commune in silentCommunes {
            anomalies.append(DemoAnomaly(.unitWithoutRegistrations, table: "units", id: id(commune),
                                         note: units[commune].name))
        }
    }

    /// The unit a person's model belongs to on `date`.
    func ownerOf(_ person: Int, on date: DemoDate) -> Int {
        let p = people[person]
        if date >= DemoDate.communesOpen { return p.after }
        if p.cityLevel && date >= DemoDate.bodiesOpen { return p.after }
        return p.before
    }

    // swiftlint:disable:next function_body_length
    private func writeModel(year: Int, number: Int, started: DemoDate, owner: Int, person: Int?,
                            forcedStatus: String?, late2025: Bool, recognisedBefore: [Int],
                            securityNotes: inout Int, _ random: inout DemoRandom) throws -> DemoModelRecord {
        let collective = person == nil
        // Field and title template, or those of the model this one replicates.
        var replicated: DemoModelRecord? = nil
        if collective && year >= 2011 && !recognisedBefore.isEmpty && random.chance(0.25) {
            replicated = models[recognisedBefore[random.below(recognisedBefore.count)]]
        }
        let field = replicated?.field ?? random.weighted(DemoModelText.fieldWeights)
        let template = replicated?.template ?? random.pick(DemoModelText.templatesByField[field])
        let shape = DemoModelText.templates[template]

        // Status, then where the model lives today.
        let mix = year < 2024 ? Self.pastMix : (year == 2024 ? Self.lastYearMix : (late2025 ? Self.late2025Mix : Self.early2025Mix))
        var status = forcedStatus ?? mix[random.weighted(mix.map(\.1))].0
        var unit = owner
        if Self.liveStatuses.contains(status), let to = units[owner].validTo, to < DemoDate.today, owner != staleUnit {
            if let target = moveTarget(owner) {
                unit = target
            } else {
                status = "discontinued"
            }
        }
        // A model started in autumn 2025 cannot have been reviewed yet.
        if late2025 && status == "recognised" && started > DemoDate(2025, 9, 15) { status = "proposed" }
        let level = status == "recognised" ? recognitionLevel(owner: owner, late2025: late2025, &random) : nil

        let location = modelLocation(owner: owner, person: person, on: started, &random)
        let title = modelTitle(shape, owner: owner, person: person, location: location, on: started, &random)
        var focus = DemoModelText.focus[field]
        if field == 1 && securityNotes < 12 && random.chance(0.012) {
            focus = DemoModelText.securityFocus
            securityNotes += 1
        }
        let description: String
        if let person {
            let p = people[person]
            description = "\(p.female ? "Bà" : "Ông") \(p.fullName), \(p.position), "
                + "\(random.pick(DemoModelText.exemplarDeeds[field])), được Nhân dân tin tưởng, ghi nhận. \(focus)"
        } else {
            let place = location.map { "ở " + placePhrase($0, on: started) } ?? "trong toàn đơn vị"
            description = "Mô hình do \(leadership(of: owner)) chủ trì, phối hợp với \(random.pick(DemoVocabulary.partners)) "
                + "triển khai \(place) từ năm \(year). \(focus)"
        }
        let methods = random.sample(2, of: DemoModelText.methods.count).map { DemoModelText.methods[$0] }
        let method = methods.joined(separator: "; ") + "."

        // Indicators: the template's first, then others of the template or the field.
        var kinds = [shape.indicators[0]]
        let wanted = random.int(1...3)
        var candidates = Array(shape.indicators.dropFirst()) + DemoIndicator.byField[field]
        random.shuffle(&candidates)
        for candidate in candidates where kinds.count < wanted && !kinds.contains(where: { $0.name == candidate.name }) {
            kinds.append(candidate)
        }
        let values = kinds.map { $0.value(&random) }
        let result = "Kết quả: " + zip(kinds, values).map { DemoModelText.indicatorText($0, $1) }.joined(separator: "; ") + "."

        let hotspot = random.chance(shape.hotspot ? 0.3 : 0.03)
        let adminReform = random.chance(shape.adminReform ? 0.9 : 0.03)
        let serviceEthics = random.chance(shape.serviceEthics ? 0.85 : 0.02)
        let leaderSupport = random.chance(0.25)
        let classification = modelClassification(status: status, year: year, &random)
        var ended: DemoDate? = nil
        if status == "discontinued" || status == "withdrawn" {
            let last = DemoDate(day: min(DemoDate.today.day, started.day + 3 * 365))
            ended = DemoDate.between(min(started.adding(days: 60), last), last, &random)
        }
        let code = "MH\(year)-\(pad(number + 1, 5))"
        let modelID = try writer.models.insert([
            code, title, collective ? "collective" : "individual", fieldIDs[field], id(unit), person.map(personID),
            location.map(id), movementID(for: year), year, started.iso, ended?.iso, status, level, classification,
            hotspot ? 1 : 0, adminReform ? 1 : 0, serviceEthics ? 1 : 0, leaderSupport ? 1 : 0, replicated?.id,
            description, method, result,
        ])
        if focus == DemoModelText.securityFocus {
            anomalies.append(DemoAnomaly(.securityModelInCulture, table: "models", id: modelID, note: title))
        }
        for (kind, value) in zip(kinds, values) {
            try writer.indicators.insert([modelID, kind.name, value, kind.unit])
        }
        if let partners = writer.modelPartners, collective {
            for partner in modelPartners(owner: owner, on: started, &extrasRandom) {
                try partners.insert([modelID, id(partner)])
            }
        }
        if let tags = writer.modelTags {
            var topics = collective ? DemoModelText.templateTags[template] : []
            if hotspot { topics.append("điểm nóng") }
            if adminReform { topics.append("CCHC") }
            if serviceEthics { topics.append("đạo đức công vụ") }
            var seen: Set<String> = []
            for topic in topics where seen.insert(topic).inserted {
                try tags.insert([modelID, topic])
            }
        }
        try writeReviews(model: modelID, owner: owner, year: year, started: started, status: status, level: level,
                         late2025: late2025, hotspot: hotspot, &random)
        return DemoModelRecord(id: modelID, year: year, unit: unit, person: person, field: field, template: template,
                               title: title, status: status, level: level, collective: collective)
    }

    /// Who leads a unit's model in a sentence: "Đảng ủy phường Tân Hòa", "Quận ủy Kim Long", "Sở Tư pháp".
    func leadership(of owner: Int) -> String {
        let unit = textUnit(owner)
        switch units[unit].role {
        case .oldCommune, .newCommune: return "Đảng ủy " + units[unit].phrase
        case .district: return districtCommittee(unit).name
        default: return units[unit].name
        }
    }

    private func recognitionLevel(owner: Int, late2025: Bool, _ random: inout DemoRandom) -> String {
        if late2025 {
            switch units[owner].role {
            case .newCommune, .massOrg: return random.chance(0.9) ? "commune" : "city"
            case .duplicate: return "commune"
            default: return random.chance(0.75) ? "base" : "city"
            }
        }
        switch units[owner].role {
        case .oldCommune, .massOrg, .residential, .duplicate:
            if units[owner].level == "district" { return random.chance(0.75) ? "district" : "city" }
            let draw = random.unit()
            return draw < 0.78 ? "base" : (draw < 0.94 ? "district" : "city")
        case .district:
            return random.chance(0.75) ? "district" : "city"
        default:
            return random.chance(0.75) ? "base" : "city"
        }
    }

    private func modelClassification(status: String, year: Int, _ random: inout DemoRandom) -> String? {
        guard year <= 2024 else { return nil }
        switch status {
        case "recognised", "active":
            let draw = random.unit()
            return draw < 0.35 ? "good" : (draw < 0.8 ? "maintain" : (draw < 0.95 ? "weak" : "ineffective"))
        case "not_recognised":
            let draw = random.unit()
            return draw < 0.3 ? "maintain" : (draw < 0.8 ? "weak" : "ineffective")
        case "discontinued":
            return "ineffective"
        default:
            return nil
        }
    }

    /// The commune (old or new, as of `date`) a unit lies in, if it lies in one.
    func communeOf(_ unit: Int, on date: DemoDate) -> Int? {
        switch units[unit].role {
        case .oldCommune, .newCommune: return unit
        case .massOrg: return units[unit].parent
        case .residential: return date < DemoDate.communesOpen ? units[unit].historicParent : units[unit].parent
        case .duplicate: return units[unit].level == "commune" ? unit : nil
        default: return nil
        }
    }

    private func modelLocation(owner: Int, person: Int?, on date: DemoDate, _ random: inout DemoRandom) -> Int? {
        if let person, units[people[person].unit].role == .residential { return people[person].unit }
        let unit = units[owner]
        switch unit.role {
        case .oldCommune, .newCommune:
            return !unit.residentials.isEmpty && random.chance(0.5) ? random.pick(unit.residentials) : owner
        case .massOrg:
            return unit.parent
        case .duplicate:
            return owner
        case .district:
            let communes = oldCommunes.filter { units[$0].region == unit.region }
            return communes.isEmpty ? nil : random.pick(communes)
        default:
            guard random.chance(0.4) else { return nil }
            let pool = date < DemoDate.communesOpen ? oldCommunes : newCommunes
            return pool.isEmpty ? nil : pool[random.below(pool.count)]
        }
    }

    /// Up to two units that work with the owner on a model: the commune's front and mass
    /// organisations, the commune of an organisation, or another city body.
    private func modelPartners(owner: Int, on date: DemoDate, _ random: inout DemoRandom) -> [Int] {
        let unit = units[owner]
        var pool: [Int]
        switch unit.role {
        case .oldCommune, .newCommune: pool = unit.massOrgs
        case .massOrg: pool = (unit.parent.map { [$0] + units[$0].massOrgs } ?? []).filter { $0 != owner }
        case .district: pool = []
        default: pool = ([cityFront] + cityOrgs + blocsBefore.prefix(1)).filter { $0 != owner }
        }
        pool = pool.filter { units[$0].isActive(on: date) }
        let wanted = random.int(0...2)
        return random.sample(wanted, of: pool.count).sorted().map { pool[$0] }
    }

    /// The unit whose name texts use: a duplicate record's models were typed with the
    /// original's spelling, so only the duplicate's own name carries the anomaly.
    func textUnit(_ unit: Int) -> Int {
        duplicates.first { $0.duplicate == unit }?.original ?? unit
    }

    /// "tổ dân phố số 5, phường Tân Hòa" or "phường Tân Hòa".
    func placePhrase(_ unit: Int, on date: DemoDate) -> String {
        let place = units[textUnit(unit)]
        if place.role == .residential, let commune = communeOf(unit, on: date) {
            return place.name.lowercasedFirst + ", " + units[commune].phrase
        }
        return place.phrase
    }

    private func modelTitle(_ shape: DemoTitleTemplate, owner: Int, person: Int?, location: Int?, on date: DemoDate,
                            _ random: inout DemoRandom) -> String {
        if let person {
            let p = people[person]
            return "\(p.female ? "Bà" : "Ông") \(p.fullName) – \(random.pick(DemoModelText.exemplarDeeds[shape.field]))"
        }
        var title = ""
        var key = ""
        var inKey = false
        // Placeholders are filled in one pass over the template; Foundation's search would be
        // the slowest step of `--scale 100`.
        for character in shape.text {
            if inKey {
                if character == "}" {
                    title += placeholder(key, shape: shape, owner: owner, location: location, on: date, &random)
                    key = ""
                    inKey = false
                } else {
                    key.append(character)
                }
            } else if character == "{" {
                inKey = true
            } else {
                title.append(character)
            }
        }
        return title
    }

    private func placeholder(_ key: String, shape: DemoTitleTemplate, owner: Int, location: Int?, on date: DemoDate,
                             _ random: inout DemoRandom) -> String {
        switch key {
        case "at":
            return location.map { " ở " + placePhrase($0, on: date) } ?? " tại " + units[textUnit(owner)].name
        case "of":
            let named = units[textUnit(owner)]
            switch named.role {
            case .oldCommune, .newCommune, .district: return " của UBND " + named.phrase
            default: return " của " + named.name
            }
        case "project":
            var used: Set<String> = []
            return random.pick(DemoModelText.projects).replacingAll("{X}", with: placeName(&random, avoiding: &used))
        case "market":
            return location.flatMap { communeOf($0, on: date) }.map { "chợ " + units[textUnit($0)].bare } ?? "chợ Đầu mối"
        default:
            return key
        }
    }
}

extension String {
    /// The text with its first character in lower case ("Tổ dân phố số 5" → "tổ dân phố số 5").
    var lowercasedFirst: String {
        guard let first = first else { return self }
        return first.lowercased() + dropFirst()
    }

    /// Every `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
