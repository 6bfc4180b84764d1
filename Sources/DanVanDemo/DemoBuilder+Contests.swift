// Phase 6: the city's "Dân vận khéo" contests of 2023 and 2024 (domain.md §2.4, §4
// "Contest"; Hanoi 2024 is the model): about a hundred base contests, one preliminary
// round per emulation cluster in August with five or six teams each, judges' score sheets
// for every part, the best team of each cluster (by the sum over parts of the mean over
// judges) in the final on 15 October, and prizes from the final's scores. Contests do not
// grow with the scale.

extension DemoBuilder {
    static let contestYears = [2023, 2024]
    /// Prizes of the final by rank (domain.md §4: one Xuất sắc, then Nhất, Nhì, Ba, the rest Khuyến khích).
    static let prizes = ["Xuất sắc", "Nhất", "Nhì", "Ba", "Ba", "Khuyến khích"]

    private struct Team {
        let unit: Int
        let cluster: Int      // 1...6
        let skill: Double
        var members: [Int] = []
        var id: Int64 = 0
        var finalist = false
        var prize: String?
    }

    private struct Part {
        let name: String
        let kind: String
        let maxPoints: Double
        let minutes: Int
    }

    func writeContests() throws {
        var random = random("contests")
        var byBefore: [Int: [Int]] = [:]
        var byRegion: [Int: [Int]] = [:]
        for (index, person) in people.enumerated() {
            byBefore[person.before, default: []].append(index)
            if person.region >= 0 { byRegion[person.region, default: []].append(index) }
            if person.unit != person.before { byBefore[person.unit, default: []].append(index) }
        }
        for year in Self.contestYears {
            try writeContest(year, byBefore: byBefore, byRegion: byRegion, &random)
        }
    }

    private func parts(_ random: inout DemoRandom) -> [Part] {
        if random.chance(0.5) {
            return [Part(name: "Phần thi chào hỏi", kind: "greeting", maxPoints: 20, minutes: 7),
                    Part(name: "Phần thi kiến thức", kind: "knowledge", maxPoints: 20, minutes: 10),
                    Part(name: "Phần thi xử lý tình huống", kind: "situation", maxPoints: 30, minutes: 10),
                    Part(name: "Phần thi tiểu phẩm", kind: "skit", maxPoints: 30, minutes: 15)]
        }
        return [Part(name: "Phần thi chào hỏi", kind: "greeting", maxPoints: 15, minutes: 5),
                Part(name: "Phần thi kiến thức", kind: "knowledge", maxPoints: 20, minutes: 10),
                Part(name: "Phần thi xử lý tình huống", kind: "situation", maxPoints: 25, minutes: 10),
                Part(name: "Phần thi tiểu phẩm", kind: "skit", maxPoints: 30, minutes: 15),
                Part(name: "Phần thi năng khiếu", kind: "talent", maxPoints: 10, minutes: 5)]
    }

    /// The units that send teams to each cluster's preliminary round: the districts of a
    /// geographic cluster, topped up with communes that won their district's contest.
    private func teamUnits(cluster: Int, _ random: inout DemoRandom) -> [Int] {
        // Five or six teams, mostly six: 35 teams in 6 clusters, as in Hanoi 2024.
        let wanted = random.chance(0.8) ? 6 : 5
        switch cluster {
        case 5:
            let pool = departmentsBefore + [cityFront] + cityOrgs
            return random.sample(wanted, of: pool.count).sorted().map { pool[$0] }
        case 6:
            return blocsBefore
        default:
            let members = districts.filter { units[$0].cluster == cluster }
            var chosen = random.sample(wanted, of: members.count).sorted().map { members[$0] }
            let regions = Set(chosen.map { units[$0].region })
            let communes = oldCommunes.filter { regions.contains(units[$0].region) }
            let extra = random.sample(wanted - chosen.count, of: communes.count).sorted().map { communes[$0] }
            chosen += extra
            return chosen
        }
    }

    private func writeContest(_ year: Int, byBefore: [Int: [Int]], byRegion: [Int: [Int]],
                              _ random: inout DemoRandom) throws {
        let w = writer
        let planNumber = year == 2024 ? "48-KH/BDVTU" : "\(random.int(20...60))-KH/BDVTU"
        let planDate = DemoDate(year, 3, year == 2024 ? 8 : random.int(1...20))
        let contest = try w.contests.insert([
            "Hội thi “Dân vận khéo” thành phố \(DemoVocabulary.cityName) năm \(year)", year, id(danVanBoard), "city",
            planNumber, planDate.iso, DemoDate(year, 10, 15).iso, "closed",
        ])
        let contestParts = parts(&random)
        var partIDs: [Int64] = []
        for (position, part) in contestParts.enumerated() {
            partIDs.append(try w.parts.insert([contest, position + 1, part.name, part.kind, part.maxPoints, part.minutes]))
        }

        // Judges: leaders of the city's mass-mobilization bodies.
        let judgeUnits = Set([mergedBoard, thanhUy, peoplesCommittee, cityFront] + cityOrgs)
        let judgePool = people.indices.filter { judgeUnits.contains(people[$0].unit) }
        let judgeCount = random.int(3...5)
        let judgePeople = random.sample(judgeCount, of: judgePool.count).map { judgePool[$0] }
        var judgeIDs: [Int64] = []
        for (position, person) in judgePeople.enumerated() {
            judgeIDs.append(try w.judges.insert([contest, personID(person),
                                                 position == 0 ? "Trưởng Ban Giám khảo" : "Giám khảo"]))
        }

        // Teams and their members.
        var used = Set(judgePeople)
        var teams: [Team] = []
        for cluster in 1...6 {
            for unit in teamUnits(cluster: cluster, &random) {
                var team = Team(unit: unit, cluster: cluster, skill: 0.62 + Double(random.int(0...31)) / 100)
                let size = random.int(8...10)
                // People who worked for the unit then, or for its successor now, or live in its district.
                var pool = byBefore[unit] ?? []
                if let next = moveTarget(unit), next != unit { pool += byBefore[next] ?? [] }
                if units[unit].region >= 0 { pool += byRegion[units[unit].region] ?? [] }
                for person in pool where team.members.count < size && !used.contains(person) {
                    team.members.append(person)
                    used.insert(person)
                }
                while team.members.count < size && used.count < people.count {
                    let person = random.below(people.count)
                    if used.insert(person).inserted { team.members.append(person) }
                }
                teams.append(team)
            }
        }

        // Preliminary scores, in memory first: the winners are known before teams are written.
        let judgeBias = judgeIDs.map { _ in Double(random.int(-4...4)) / 100 }
        func sheet(_ team: Team, lift: Double) -> [[Double]] {
            contestParts.map { part in
                judgeBias.map { bias in
                    let noise = Double(random.int(-6...6)) / 100
                    let raw = (team.skill + lift + bias + noise) * part.maxPoints
                    return (min(max(raw, 0), part.maxPoints) * 2).rounded() / 2
                }
            }
        }
        func total(_ sheet: [[Double]]) -> Double {
            sheet.reduce(0) { $0 + $1.reduce(0, +) / Double(max(1, $1.count)) }
        }
        let skitIndex = contestParts.firstIndex { $0.kind == "skit" } ?? 0
        var preliminary: [[[Double]]] = teams.map { sheet($0, lift: 0) }
        for cluster in 1...6 {
            let indices = teams.indices.filter { teams[$0].cluster == cluster }
            // Ties are broken by the skit, then by the order of registration.
            let best = indices.max { a, b in
                let (ta, tb) = (total(preliminary[a]), total(preliminary[b]))
                if ta != tb { return ta < tb }
                let (sa, sb) = (preliminary[a][skitIndex].reduce(0, +), preliminary[b][skitIndex].reduce(0, +))
                if sa != sb { return sa < sb }
                return a > b
            }
            if let best { teams[best].finalist = true }
        }
        let finalists = teams.indices.filter { teams[$0].finalist }
        var finals: [Int: [[Double]]] = [:]
        for index in finalists { finals[index] = sheet(teams[index], lift: 0.02) }
        let ranked = finalists.sorted { a, b in
            let (ta, tb) = (total(finals[a] ?? []), total(finals[b] ?? []))
            if ta != tb { return ta > tb }
            return a < b
        }
        for (rank, index) in ranked.enumerated() {
            teams[index].prize = Self.prizes[min(rank, Self.prizes.count - 1)]
        }

        // Rounds.
        _ = try w.rounds.insert([contest, "base", nil, DemoDate(year, 6, 30).iso, nil, random.int(90...110)])
        var roundIDs: [Int64] = []
        for cluster in 1...6 {
            let host = teams.first { $0.cluster == cluster }.map { units[$0.unit] }
            let venue = cluster <= 4 ? "Trung tâm Văn hóa " + (host?.phrase ?? "Thành phố") : (cluster == 5 ? "Hội trường UBND Thành phố" : "Hội trường Công an Thành phố")
            roundIDs.append(try w.rounds.insert([contest, "preliminary", clusterIDs[cluster - 1],
                                                 DemoDate(year, 8, 2 + 3 * cluster).iso, venue, nil]))
        }
        let finalRound = try w.rounds.insert([contest, "final", nil, DemoDate(year, 10, 15).iso, "Nhà hát Thành phố", nil])

        // Teams, members and score sheets.
        for index in teams.indices {
            let team = teams[index]
            teams[index].id = try w.teams.insert([contest, id(team.unit), clusterIDs[team.cluster - 1], "Đội " + units[team.unit].name,
                                                  team.finalist ? "finalist" : "eliminated", team.prize])
            for (position, person) in team.members.enumerated() {
                let role = position == 0 ? "captain" : (position >= team.members.count - 1 ? "support" : "member")
                try w.teamMembers.insert([teams[index].id, personID(person), role])
            }
        }
        for index in teams.indices {
            for (part, points) in preliminary[index].enumerated() {
                for (judge, value) in points.enumerated() {
                    try w.scores.insert([roundIDs[teams[index].cluster - 1], teams[index].id, partIDs[part], judgeIDs[judge], value])
                }
            }
        }
        for index in ranked {
            for (part, points) in (finals[index] ?? []).enumerated() {
                for (judge, value) in points.enumerated() {
                    try w.scores.insert([finalRound, teams[index].id, partIDs[part], judgeIDs[judge], value])
                }
            }
        }
        preliminary.removeAll()

        // The prizes are commended: Bằng khen of the Standing Committee, Giấy khen for encouragement.
        let achievement = "Hội thi “Dân vận khéo” thành phố \(DemoVocabulary.cityName) năm \(year)"
        let standing = "\(random.int(1500...2500))-QĐ/TU"
        let board = "\(random.int(150...250))-QĐ/BDVTU"
        for index in ranked {
            guard let prize = teams[index].prize else { continue }
            let encouragement = prize == "Khuyến khích"
            let form = encouragement ? "GKBDV" : "BKBTV"
            guard let formID = formIDs[form] else { continue }
            try w.awards.insert([encouragement ? board : standing, DemoDate(year, 10, 15).iso,
                                 encouragement ? "Ban Dân vận Thành ủy" : "Ban Thường vụ Thành ủy", formID,
                                 id(teams[index].unit), nil, nil, "Đạt giải \(prize) \(achievement)",
                                 awardAmount(form, collective: true, on: DemoDate(year, 10, 15)), year, "valid"])
        }
        step(1000)
    }
}
