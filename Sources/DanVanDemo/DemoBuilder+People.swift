// Phase 2: about 800 people per scale step (domain.md §4, "People"): the staff of every
// unit that exists today, then residents of villages and residential groups up to the
// total. Names follow the national frequencies of family names, middle names by gender,
// two to four syllables, minority patterns, and given names drawn so that many repeat.

extension DemoBuilder {
    /// People per scale step (issue #2: "about 800 people").
    static let peoplePerScale = 800

    func buildPeople() throws {
        var random = random("people")
        // Staff of today's units, with the unit their work counted for before the reorganisation.
        addStaff(mergedBoard, before: [danVanBoard], positions: DemoVocabulary.cityBoardStaff, count: 6, &random)
        addStaff(thanhUy, before: [], positions: ["Bí thư Thành ủy", "Phó Bí thư Thường trực Thành ủy"], count: 2, &random)
        addStaff(peoplesCommittee, before: [], positions: ["Chủ tịch UBND Thành phố", "Phó Chủ tịch UBND Thành phố",
                                                          "Chánh Văn phòng UBND Thành phố"], count: 3, &random)
        for org in [cityFront] + cityOrgs {
            let head = units[org].orgType == "LDLD" ? "Chủ tịch Liên đoàn Lao động" : (DemoVocabulary.massOrgHead[units[org].orgType] ?? "Chủ tịch")
            addStaff(org, before: [], positions: [head, "Phó " + head], count: 2, &random)
        }
        for bloc in blocsAfter {
            addStaff(bloc, before: units[bloc].predecessors, positions: DemoVocabulary.blocStaff, count: 5, &random)
        }
        for department in departmentsAfter {
            let before = (units[department].validFrom == nil ? [department] : []) + units[department].predecessors
            addStaff(department, before: before, positions: DemoVocabulary.departmentStaff, count: 3, &random)
        }
        for commune in newCommunes {
            let before = units[commune].predecessors.filter { units[$0].role == .oldCommune }
            addStaff(commune, before: before, positions: DemoVocabulary.communeLeaders + DemoVocabulary.communeStaff,
                     count: 6, &random)
        }
        for org in newMassOrgs {
            guard let commune = units[org].parent else { continue }
            let sameOrg = units[org].predecessors.filter { units[$0].role == .massOrg }
            let before = sameOrg.isEmpty ? units[commune].predecessors.filter { units[$0].role == .oldCommune } : sameOrg
            let head = DemoVocabulary.massOrgHead[units[org].orgType] ?? "Chủ tịch"
            addStaff(org, before: before, positions: [head + " " + units[commune].phrase], count: 1, &random)
        }
        // Residents fill the rest.
        let target = Self.peoplePerScale * scale
        while people.count < target && !residentials.isEmpty {
            let home = residentials[random.below(residentials.count)]
            guard let commune = units[home].parent, let historic = units[home].historicParent else { continue }
            let female = random.chance(0.5)
            var position = random.pick(DemoVocabulary.residentRoles)
            if position == "Tổ trưởng tổ dân phố" && units[units[home].historicParent ?? home].kind != "ward" {
                position = "Trưởng thôn"
            }
            addPerson(unit: home, before: historic, after: commune, cityLevel: false, position: position,
                      female: female, staff: false, &random)
        }
        try writePeople(&random)
    }

    private func addStaff(_ unit: Int, before: [Int], positions: [String], count: Int, _ random: inout DemoRandom) {
        for number in 0..<count {
            let position = number < positions.count && number < 2 ? positions[number] : random.pick(positions)
            let female: Bool
            switch units[unit].orgType {
            case "LHPN": female = true
            default: female = random.chance(number < 2 ? 0.35 : 0.5)
            }
            let historic = before.isEmpty ? unit : before[random.below(before.count)]
            let cityLevel = units[unit].level == "city"
            addPerson(unit: unit, before: historic, after: unit, cityLevel: cityLevel, position: position,
                      female: female, staff: true, &random)
        }
    }

    private func addPerson(unit: Int, before: Int, after: Int, cityLevel: Bool, position: String, female: Bool,
                           staff: Bool, _ random: inout DemoRandom) {
        let name = personName(female: female, &random)
        let birthYear = staff ? random.int(1965...1998) : random.int(1950...2004)
        people.append(DemoPerson(
            family: name.family, middle: name.middle, given: name.given, female: female, birthYear: birthYear,
            ethnicity: name.ethnicity, position: position, unit: unit, before: before, after: after,
            cityLevel: cityLevel, region: units[after].region, staff: staff))
    }

    /// A realistic name that is not a well-known person's.
    func personName(female: Bool, _ random: inout DemoRandom) -> (family: String, middle: String, given: String, ethnicity: String) {
        while true {
            let name = drawName(female: female, &random)
            let full = [name.family, name.middle, name.given].filter { !$0.isEmpty }.joined(separator: " ")
            if !DemoVocabulary.reservedNames.contains(full) { return name }
        }
    }

    /// A name: 6% follow a minority pattern; Kinh names have 2 (5%), 3 (70%) or 4 syllables.
    private func drawName(female: Bool, _ random: inout DemoRandom) -> (family: String, middle: String, given: String, ethnicity: String) {
        if random.chance(0.06) {
            let pattern = random.pick(DemoVocabulary.minorities)
            let middles = female ? pattern.femaleMiddle : pattern.maleMiddle
            return (random.pick(pattern.families), middles.isEmpty ? "" : random.pick(middles),
                    random.pick(female ? pattern.female : pattern.male), pattern.ethnicity)
        }
        let family = DemoVocabulary.familyNames[random.weighted(DemoVocabulary.familyNames.map(\.weight))].name
        let shape = random.unit()
        let middle: String
        if shape < 0.05 {
            middle = ""
        } else if shape < 0.75 {
            middle = random.pick(female ? DemoVocabulary.femaleMiddle : DemoVocabulary.maleMiddle)
        } else if female {
            middle = random.pick(["Thị", "Ngọc", "Thanh"]) + " " + random.pick(DemoVocabulary.femaleMiddle2)
        } else {
            middle = random.pick(DemoVocabulary.maleMiddle) + " " + random.pick(DemoVocabulary.maleMiddle2)
        }
        let names = female ? DemoVocabulary.femaleGiven : DemoVocabulary.maleGiven
        // A skewed draw (the square of an even one): the first names of the list are far more
        // common than the last. No libm function is used, so every platform draws the same.
        let draw = random.unit()
        let index = min(names.count - 1, Int(Double(names.count) * draw * draw))
        var given = names[index]
        if middle.hasSuffix(given) { given = names[(index + 1) % names.count] }
        return (family, middle, given, "Kinh")
    }

    private func writePeople(_ random: inout DemoRandom) throws {
        let w = writer
        for person in people {
            let partyMember = person.staff ? random.chance(0.9) : random.chance(0.35)
            let phone: String? = random.chance(0.75)
                ? random.pick(["09", "03", "08", "07"]) + String(random.int(10_000_000...99_999_999)) : nil
            try w.people.insert([person.family, person.middle, person.given, person.female ? "female" : "male",
                                 person.birthYear, person.ethnicity, person.position, id(person.unit),
                                 partyMember ? 1 : 0, phone])
            step(1)
        }
    }
}
