// The numbers of the report scripts (scripts/reports/*.dv), asked again in hand-written SQL:
// what ReportScriptTests compares each report's figures and tables with. The definitions are
// those the scripts' headers and scripts/reports/lib/common.dv state (a period is 1 Jan–30 Jun
// or the whole year; "registered" is started in the period and not a draft; and so on).
import DanVanStore
import GRDB

/// A reporting period, as `period_of(y, half)` in lib/common.dv makes it.
struct ReportPeriod {
    let year: Int
    let half: Bool

    var first: String { "\(year)-01-01" }
    var last: String { half ? "\(year)-06-30" : "\(year)-12-31" }
    var previous: ReportPeriod { ReportPeriod(year: year - 1, half: half) }
}

/// One key figure: its label as the report writes it, this period's value and last year's.
struct TruthFigure: Equatable, CustomStringConvertible {
    let label: String
    let value: Int
    let previous: Int

    var description: String { "\(label): \(value) / \(previous)" }
}

enum ReportTruth {
    private static func count(_ sql: String, _ period: ReportPeriod, on store: Store) throws -> Int {
        try store.pool.read { db in
            try Int.fetchOne(db, sql: sql, arguments: ["first": period.first, "last": period.last]) ?? 0
        }
    }

    private static let registered = "FROM models WHERE status <> 'draft' AND started_on BETWEEN :first AND :last"

    /// The key figures of the interim and annual reviews (`review_figures` in lib/common.dv),
    /// each for the period and the same period a year before.
    static func reviewFigures(_ period: ReportPeriod, on store: Store) throws -> [TruthFigure] {
        var questions: [(String, String)] = [
            ("Mô hình, điển hình đăng ký mới", "SELECT count(*) " + registered),
            ("Mô hình chuyển tiếp từ các năm trước", """
                SELECT count(*) FROM models WHERE status <> 'draft' AND started_on < :first
                AND (ended_on IS NULL OR ended_on >= :first)
                """),
        ]
        for (code, words) in [("base", "cấp cơ sở"), ("district", "cấp huyện"), ("commune", "cấp xã"), ("city", "cấp thành phố")] {
            questions.append(("Lượt công nhận \(words)",
                              "SELECT count(*) FROM recognitions WHERE level = '\(code)' AND decided_on BETWEEN :first AND :last"))
        }
        questions.append(("Mô hình nhân rộng", "SELECT count(*) " + registered + " AND replicated_from IS NOT NULL"))
        let forms = try store.pool.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT id, name FROM award_forms ORDER BY id").map { ($0["id"] as Int64, $0["name"] as String) }
        }
        for (id, name) in forms {
            questions.append(("Khen thưởng: \(name)", """
                SELECT count(*) FROM awards WHERE status = 'valid' AND form = \(id) AND decided_on BETWEEN :first AND :last
                """))
        }
        questions += [
            ("Hội thi cấp cơ sở", "SELECT coalesce(sum(base_contests), 0) FROM rounds WHERE kind = 'base' AND held_on BETWEEN :first AND :last"),
            ("Vòng sơ khảo theo cụm", "SELECT count(*) FROM rounds WHERE kind = 'preliminary' AND held_on BETWEEN :first AND :last"),
            ("Vòng chung khảo cấp thành phố", "SELECT count(*) FROM rounds WHERE kind = 'final' AND held_on BETWEEN :first AND :last"),
        ]
        return try questions.map { label, sql in
            TruthFigure(label: label, value: try count(sql, period, on: store), previous: try count(sql, period.previous, on: store))
        }
    }

    /// The statistical appendix (`appendix_rows`): for each unit with models registered in the
    /// period, by unit code, the non-zero cells "CODE\tCOLUMN\tN" (COLUMN as "KT - Tập thể"), the
    /// unit's total as "CODE\ttotal\tN", and the totals row under the code "".
    static func appendix(_ period: ReportPeriod, on store: Store) throws -> [String] {
        let cells = try Cell.lines("""
            SELECT u.code AS code, coalesce(f.short_name, 'Chưa phân lĩnh vực') || ' - ' ||
                   CASE m.kind WHEN 'collective' THEN 'Tập thể' ELSE 'Cá nhân' END AS \"column\", count(*) AS n
            FROM models m JOIN units u ON u.id = m.unit LEFT JOIN fields f ON f.id = m.field
            WHERE m.status <> 'draft' AND m.started_on BETWEEN :first AND :last
            GROUP BY u.code, \"column\"
            UNION ALL
            SELECT u.code, 'total', count(*) FROM models m JOIN units u ON u.id = m.unit
            WHERE m.status <> 'draft' AND m.started_on BETWEEN :first AND :last GROUP BY u.code
            UNION ALL
            SELECT '', coalesce(f.short_name, 'Chưa phân lĩnh vực') || ' - ' ||
                   CASE m.kind WHEN 'collective' THEN 'Tập thể' ELSE 'Cá nhân' END, count(*)
            FROM models m LEFT JOIN fields f ON f.id = m.field
            WHERE m.status <> 'draft' AND m.started_on BETWEEN :first AND :last GROUP BY 2
            UNION ALL
            SELECT '', 'total', count(*) FROM models WHERE status <> 'draft' AND started_on BETWEEN :first AND :last
            """, ["first": period.first, "last": period.last], columns: ["code", "column", "n"], on: store)
        return cells.sorted()
    }

    /// coverage.dv, table 1 in long form: "CLUSTER\tFIELD\tN" for the year's models (not drafts).
    static func coverage(year: Int, on store: Store) throws -> [String] {
        try Cell.lines("""
            WITH RECURSIVE \(TwinSQL.modelCluster)
            SELECT coalesce(cl.name, 'Không thuộc cụm') AS cluster, coalesce(f.short_name, 'Chưa phân lĩnh vực') AS field,
                   count(*) AS n
            FROM models m LEFT JOIN model_cluster mc ON mc.model = m.id LEFT JOIN clusters cl ON cl.id = mc.cluster
            LEFT JOIN fields f ON f.id = m.field
            WHERE m.year = :year AND m.status <> 'draft'
            GROUP BY 1, 2
            """, ["year": year], columns: ["cluster", "field", "n"], on: store).sorted()
    }

    /// A contest's score tables: for each round ("preliminary CLUSTER-NAME" or "final") the lines
    /// "TEAM\tTOTAL\tRANK", the total the sum over parts of the judges' mean, rounded to 2, the
    /// rank 1 + the teams of the round with a higher total.
    static func contestBoards(year: Int, on store: Store) throws -> [String: [String]] {
        let lines = try Cell.lines("""
            WITH part_means AS (
                SELECT s.round, s.team, s.part, avg(s.points) AS mean
                FROM scores s JOIN rounds r ON r.id = s.round JOIN contests c ON c.id = r.contest
                WHERE c.year = :year GROUP BY s.round, s.team, s.part
            ),
            totals AS (SELECT round, team, round(sum(mean), 2) AS total FROM part_means GROUP BY round, team)
            SELECT CASE r.kind WHEN 'final' THEN 'final' ELSE 'preliminary ' || cl.name END AS board,
                   t.name AS team, x.total AS total, rank() OVER (PARTITION BY x.round ORDER BY x.total DESC) AS rank
            FROM totals x JOIN rounds r ON r.id = x.round JOIN teams t ON t.id = x.team
            LEFT JOIN clusters cl ON cl.id = r.cluster
            """, ["year": year], columns: ["board", "team", "total", "rank"], on: store)
        var boards: [String: [String]] = [:]
        for line in lines {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            boards[parts[0], default: []].append(parts.count > 1 ? parts[1] : "")
        }
        return boards.mapValues { $0.sorted() }
    }

    /// The prize list of a contest: "PRIZE\tTEAM".
    static func prizes(year: Int, on store: Store) throws -> [String] {
        try Cell.lines("""
            SELECT t.prize AS prize, t.name AS team FROM teams t JOIN contests c ON c.id = t.contest
            WHERE c.year = :year AND t.prize IS NOT NULL
            """, ["year": year], columns: ["prize", "team"], on: store).sorted()
    }

    /// hotspots.dv, table 1: "DIRECTION\tMODELS\tWITH LEADER SUPPORT" for running models.
    static func hotspotSummary(on store: Store) throws -> [String] {
        var lines: [String] = []
        for (column, name) in [("hotspot", "Địa bàn điểm nóng, phức tạp"), ("admin_reform", "Gắn với cải cách hành chính"),
                               ("service_ethics", "Gắn với đạo đức công vụ")] {
            lines += try Cell.lines("""
                SELECT '\(name)' AS direction, count(*) AS models, coalesce(sum(leader_support), 0) AS leader_support
                FROM models WHERE \(column) = 1 AND status IN ('registered', 'active', 'proposed', 'recognised')
                """, [:], columns: ["direction", "models", "leader_support"], on: store)
        }
        return lines
    }

    /// The achievements awarded twice or more (commendation-candidates.dv, last table): "N".
    static func repeatedAwards(on store: Store) throws -> [String] {
        try Cell.lines("""
            SELECT count(*) AS awards FROM awards WHERE status = 'valid'
            GROUP BY unit, person, model, achievement HAVING count(*) > 1
            """, [:], columns: ["awards"], on: store).sorted()
    }
}
