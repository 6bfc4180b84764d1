// The demo's 2024 contest (domain.md §2.4, §4): about 35 teams in the 6 clusters, complete
// score sheets, the best team of each cluster in the final on 15/10/2024, prizes by the
// final's scores. Winners and prizes are recomputed here from the score sheets.
import DanVanDemo
import DanVanStore
import DanVanTestSupport
import GRDB
import Testing

@Suite("Demo contest")
struct DemoContestTests {
    @Test("the 2024 contest: teams, rounds, judges and complete score sheets")
    func contestShape() throws {
        let store = try DemoFixture.made().store
        try store.pool.read { (db: Database) throws in
            let contest = try Row.fetchOne(db, sql: "SELECT * FROM contests WHERE year = 2024")
            #expect(contest?["final_on"] as String? == "2024-10-15")
            #expect(contest?["name"] as String? == "Hội thi “Dân vận khéo” thành phố Đông Sơn năm 2024")
            let id: Int64 = contest?["id"] ?? 0
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: [id]) ?? -1 }
            #expect((30...36).contains(try count("SELECT count(*) FROM teams WHERE contest = ?")))
            #expect(try count("SELECT count(DISTINCT cluster) FROM teams WHERE contest = ?") == 6)
            #expect(try count("""
                SELECT count(*) FROM (SELECT cluster, count(*) n FROM teams WHERE contest = ? GROUP BY cluster) WHERE n NOT BETWEEN 5 AND 6
                """) == 0)
            #expect(try count("SELECT count(*) FROM rounds WHERE contest = ? AND kind = 'preliminary'") == 6)
            #expect(try count("SELECT count(*) FROM rounds WHERE contest = ? AND kind = 'final' AND held_on = '2024-10-15'") == 1)
            #expect((90...110).contains(try count("SELECT base_contests FROM rounds WHERE contest = ? AND kind = 'base'")))
            #expect(try count("SELECT count(*) FROM rounds WHERE contest = ? AND kind = 'preliminary' AND held_on NOT LIKE '2024-08-%'") == 0)
            #expect((4...5).contains(try count("SELECT count(*) FROM parts WHERE contest = ?")))
            let judges = try count("SELECT count(*) FROM judges WHERE contest = ?")
            #expect((3...5).contains(judges))
            #expect(try count("""
                SELECT count(*) FROM teams t WHERE t.contest = ?
                AND (SELECT count(*) FROM team_members m WHERE m.team = t.id) NOT BETWEEN 8 AND 10
                """) == 0)
            // Every (team, part, judge) of the preliminaries, in the team's own cluster round.
            let parts = try count("SELECT count(*) FROM parts WHERE contest = ?")
            #expect(try count("""
                SELECT count(*) FROM teams t WHERE t.contest = ? AND (
                    SELECT count(*) FROM scores s JOIN rounds r ON r.id = s.round
                    WHERE s.team = t.id AND r.kind = 'preliminary' AND r.cluster = t.cluster) <> \(parts * judges)
                """) == 0)
            #expect(try count("""
                SELECT count(*) FROM scores s JOIN parts p ON p.id = s.part WHERE p.contest = ?
                AND (s.points < 0 OR s.points > p.max_points)
                """) == 0)
            // The six finalists, and only they, have final score sheets.
            #expect(try count("SELECT count(*) FROM teams WHERE contest = ? AND status = 'finalist'") == 6)
            #expect(try count("""
                SELECT count(DISTINCT s.team) FROM scores s JOIN rounds r ON r.id = s.round WHERE r.contest = ? AND r.kind = 'final'
                """) == 6)
            #expect(try count("""
                SELECT count(*) FROM scores s JOIN rounds r ON r.id = s.round JOIN teams t ON t.id = s.team
                WHERE r.contest = ? AND r.kind = 'final' AND t.status <> 'finalist'
                """) == 0)
        }
    }

    /// Each team's total in a round kind: the sum over parts of the mean over judges.
    private func totals(_ db: Database, contest: Int64, kind: String) throws -> [Int64: (cluster: Int64, total: Double)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.id, t.cluster, sum(x.mean) AS total FROM teams t
            JOIN (SELECT s.team, s.part, avg(s.points) AS mean FROM scores s JOIN rounds r ON r.id = s.round
                  WHERE r.contest = ? AND r.kind = ? GROUP BY s.team, s.part) x ON x.team = t.id
            GROUP BY t.id
            """, arguments: [contest, kind])
        var result: [Int64: (Int64, Double)] = [:]
        for row in rows { result[row["id"]] = (row["cluster"], row["total"]) }
        return result
    }

    @Test("finalists are the best of their cluster and prizes follow the final scores")
    func winnersAndPrizes() throws {
        let store = try DemoFixture.made().store
        try store.pool.read { (db: Database) throws in
            for contest in try Int64.fetchAll(db, sql: "SELECT id FROM contests") {
                let preliminary = try totals(db, contest: contest, kind: "preliminary")
                let statuses = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
                    db, sql: "SELECT id, status, prize FROM teams WHERE contest = ?", arguments: [contest]
                ).map { ($0["id"] as Int64, ($0["status"] as String, $0["prize"] as String?)) })
                let finalists = statuses.filter { $0.value.0 == "finalist" }.map(\.key)
                #expect(Set(finalists.compactMap { preliminary[$0]?.cluster }).count == 6, "one finalist per cluster")
                for finalist in finalists {
                    guard let mine = preliminary[finalist] else { continue }
                    let rivals = preliminary.filter { $0.value.cluster == mine.cluster }
                    #expect(rivals.allSatisfy { $0.value.total <= mine.total }, "team \(finalist) has the best total of its cluster")
                }
                #expect(statuses.allSatisfy { ($0.value.0 == "finalist") == ($0.value.1 != nil) }, "prizes go to finalists only")
                let order = ["Xuất sắc", "Nhất", "Nhì", "Ba", "Khuyến khích"]
                let final = try totals(db, contest: contest, kind: "final")
                for a in finalists {
                    for b in finalists where (final[a]?.total ?? 0) > (final[b]?.total ?? 0) {
                        let rankA = order.firstIndex(of: statuses[a]?.1 ?? "") ?? 99
                        let rankB = order.firstIndex(of: statuses[b]?.1 ?? "") ?? 99
                        #expect(rankA <= rankB, "a higher final total never gets a lower prize")
                    }
                }
                #expect(finalists.filter { statuses[$0]?.1 == "Xuất sắc" }.count == 1)
            }
        }
    }
}
