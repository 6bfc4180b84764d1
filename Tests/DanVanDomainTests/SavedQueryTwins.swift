// The SQL twin of every saved query (scripts/queries/*.dv): the same question answered by
// hand-written SQL against the same database, the columns to compare, and the parameter values
// to run both with (each query at least twice where it has a parameter, so that a parameter the
// script ignored would show). A new query without a twin here fails SavedQueryTests.
import GRDB

/// One saved query's twin.
struct QueryTwin {
    /// The result's columns compared, by the query's field names (= the SQL's column names).
    let columns: [String]
    let sql: String
    /// The parameter values of each run; one empty set for a query without parameters.
    let runs: [[String: ParamValue]]
    /// Whether the query promises an order (then the lines are compared in order).
    var ordered = false
}

/// SQL shared by the twins.
enum TwinSQL {
    /// `model_cluster(model, cluster)`: the cluster of a model's unit in the model's year, else of
    /// its nearest ancestor that was a member that year (docs/language.md, `models.cluster`),
    /// written as a recursive walk up the tree rather than the binding's correlated subqueries.
    static let modelCluster = """
        model_chain(model, unit, year, depth) AS (
            SELECT id, unit, year, 0 FROM models
            UNION ALL
            SELECT c.model, u.parent, c.year, c.depth + 1 FROM model_chain c JOIN units u ON u.id = c.unit
            WHERE u.parent IS NOT NULL AND c.depth < 6
        ),
        model_cluster(model, cluster) AS (
            SELECT c.model, (SELECT cm.cluster FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = c.year
                             ORDER BY cm.id DESC LIMIT 1)
            FROM model_chain c
            WHERE EXISTS (SELECT 1 FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = c.year)
              AND NOT EXISTS (SELECT 1 FROM model_chain c2 JOIN cluster_members cm2 ON cm2.unit = c2.unit AND cm2.year = c2.year
                              WHERE c2.model = c.model AND c2.depth < c.depth)
        )
        """

    /// `unit_cluster(unit, cluster)`: the cluster of a unit in the latest year it or an ancestor
    /// was a member, the nearest one that year (`units.cluster`).
    static let unitCluster = """
        unit_chain(unit, ancestor, depth) AS (
            SELECT id, id, 0 FROM units
            UNION ALL
            SELECT c.unit, u.parent, c.depth + 1 FROM unit_chain c JOIN units u ON u.id = c.ancestor
            WHERE u.parent IS NOT NULL AND c.depth < 6
        ),
        unit_cluster(unit, cluster) AS (
            SELECT u.id, (SELECT cm.cluster FROM unit_chain c JOIN cluster_members cm ON cm.unit = c.ancestor
                          WHERE c.unit = u.id ORDER BY cm.year DESC, c.depth, cm.id DESC LIMIT 1)
            FROM units u
        )
        """

    /// The latest evaluation of model `m` (by date, then id), as a scalar subquery on `column`.
    static func latestEvaluation(_ column: String, of model: String) -> String {
        "(SELECT e.\(column) FROM evaluations e WHERE e.model = \(model) ORDER BY e.evaluated_on DESC, e.id DESC LIMIT 1)"
    }
}

enum QueryTwins {
    static let byName: [String: QueryTwin] = [
        "mo-hinh-theo-cum-linh-vuc": QueryTwin(
            columns: ["cluster", "field", "kind", "models"],
            sql: """
                WITH RECURSIVE \(TwinSQL.modelCluster)
                SELECT cl.number AS cluster, f.short_name AS field, m.kind AS kind, count(*) AS models
                FROM models m LEFT JOIN model_cluster mc ON mc.model = m.id LEFT JOIN clusters cl ON cl.id = mc.cluster
                LEFT JOIN fields f ON f.id = m.field
                WHERE m.year = :report_year
                GROUP BY cl.number, f.short_name, m.kind
                """,
            runs: [["report_year": .int(2024)], ["report_year": .int(2019)]]),

        "don-vi-chua-dang-ky": QueryTwin(
            columns: ["cluster", "unit", "person", "position", "phone"],
            sql: """
                WITH RECURSIVE \(TwinSQL.unitCluster)
                SELECT cl.name AS cluster, u.name AS unit, p.full_name AS person, p.position AS position,
                       coalesce(p.phone, u.phone) AS phone
                FROM units u
                LEFT JOIN unit_cluster uc ON uc.unit = u.id LEFT JOIN clusters cl ON cl.id = uc.cluster
                LEFT JOIN people p ON p.id = (
                    SELECT q.id FROM people q WHERE q.unit = u.id AND q.position IN ('Bí thư Đảng ủy', 'Chủ tịch UBND')
                    ORDER BY CASE q.position WHEN 'Bí thư Đảng ủy' THEN 0 ELSE 1 END, q.id LIMIT 1)
                WHERE u.kind IN ('ward', 'commune', 'township')
                  AND (u.valid_from IS NULL OR u.valid_from <= :report_year || '-12-31')
                  AND (u.valid_to IS NULL OR u.valid_to >= :report_year || '-12-31')
                  AND NOT EXISTS (SELECT 1 FROM models m WHERE m.unit = u.id AND m.year = :report_year)
                """,
            runs: [["report_year": .int(2025)], ["report_year": .int(2024)]]),

        "pheu-cong-nhan": QueryTwin(
            columns: ["code", "unit", "registered", "effective", "recognised", "base", "district", "commune", "city",
                      "proposed", "commended"],
            sql: """
                SELECT u.code AS code, u.name AS unit, count(*) AS registered,
                    sum(m.status IN ('active', 'proposed', 'recognised', 'not_recognised')
                        AND (m.classification IS NULL OR m.classification <> 'ineffective')) AS effective,
                    sum(m.status = 'recognised') AS recognised,
                    sum(m.status = 'recognised' AND m.recognition_level = 'base') AS base,
                    sum(m.status = 'recognised' AND m.recognition_level = 'district') AS district,
                    sum(m.status = 'recognised' AND m.recognition_level = 'commune') AS commune,
                    sum(m.status = 'recognised' AND m.recognition_level = 'city') AS city,
                    sum(EXISTS (SELECT 1 FROM evaluations e WHERE e.model = m.id AND e.kind = 'annual'
                                AND e.period = CAST(:report_year AS TEXT) AND e.conclusion = 'propose_higher')) AS proposed,
                    sum(EXISTS (SELECT 1 FROM awards a WHERE a.model = m.id AND a.status = 'valid')) AS commended
                FROM models m JOIN units u ON u.id = m.unit
                WHERE m.year = :report_year AND m.status <> 'draft'
                GROUP BY u.id
                """,
            runs: [["report_year": .int(2024)], ["report_year": .int(2025)]]),

        "ung-vien-khen-thuong": QueryTwin(
            columns: ["code", "title", "unit", "level", "score", "check"],
            sql: """
                WITH reviewed AS (
                    SELECT m.id AS model, (SELECT e.id FROM evaluations e WHERE e.model = m.id AND e.kind = 'annual'
                                           AND e.period = CAST(:report_year AS TEXT)
                                           ORDER BY e.evaluated_on DESC, e.id DESC LIMIT 1) AS evaluation
                    FROM models m WHERE m.year = :report_year AND m.status = 'recognised'
                )
                SELECT m.code AS code, m.title AS title, u.name AS unit, m.recognition_level AS level, e.score AS score,
                    CASE WHEN EXISTS (SELECT 1 FROM awards a WHERE a.model = m.id AND a.status = 'valid') THEN 'already_awarded'
                         WHEN EXISTS (SELECT 1 FROM inspections i WHERE i.unit = m.unit AND i.fix_by IS NOT NULL
                                      AND substr(i.inspected_on, 1, 4) = CAST(:report_year AS TEXT)) THEN 'unit_inspected'
                         ELSE 'ok' END AS "check"
                FROM reviewed r JOIN models m ON m.id = r.model JOIN evaluations e ON e.id = r.evaluation
                JOIN units u ON u.id = m.unit
                WHERE e.rating = 'excellent'
                ORDER BY m.id
                """,
            runs: [["report_year": .int(2024)], ["report_year": .int(2023)]], ordered: true),

        "mo-hinh-diem-nong": QueryTwin(
            columns: ["code", "title", "unit", "status", "leader_support", "evaluated_on", "rating", "score", "inspected_on"],
            sql: """
                SELECT m.code AS code, m.title AS title, u.name AS unit, m.status AS status, m.leader_support AS leader_support,
                    \(TwinSQL.latestEvaluation("evaluated_on", of: "m.id")) AS evaluated_on,
                    \(TwinSQL.latestEvaluation("rating", of: "m.id")) AS rating,
                    \(TwinSQL.latestEvaluation("score", of: "m.id")) AS score,
                    (SELECT max(i.inspected_on) FROM inspections i WHERE i.unit = m.unit) AS inspected_on
                FROM models m JOIN units u ON u.id = m.unit
                WHERE m.hotspot = 1 AND m.status IN ('registered', 'active', 'proposed', 'recognised')
                ORDER BY m.id
                """,
            runs: [[:]], ordered: true),

        "bao-cao-cham-nop": QueryTwin(
            columns: ["unit", "due_on", "submitted_on", "days_overdue", "phone"],
            sql: """
                SELECT u.name AS unit, r.due_on AS due_on, r.submitted_on AS submitted_on,
                    CAST(julianday(coalesce(r.submitted_on, :as_of)) - julianday(r.due_on) AS INTEGER) AS days_overdue,
                    u.phone AS phone
                FROM reports r JOIN units u ON u.id = r.unit
                WHERE r.period = :report_period AND (r.submitted_on IS NULL OR r.submitted_on > r.due_on)
                """,
            runs: [["report_period": .text("6T-2025"), "as_of": .date(demoToday)],
                   ["report_period": .text("2023"), "as_of": .date("2024-03-01")]]),

        "nhan-rong-theo-mo-hinh-goc": QueryTwin(
            columns: ["source_code", "source_title", "source_unit", "replicas", "units", "first_year", "last_year"],
            sql: """
                SELECT s.code AS source_code, s.title AS source_title, u.name AS source_unit, count(*) AS replicas,
                    count(DISTINCT r.unit) AS units, min(r.year) AS first_year, max(r.year) AS last_year
                FROM models r JOIN models s ON s.id = r.replicated_from JOIN units u ON u.id = s.unit
                GROUP BY s.id HAVING count(*) >= :min_replicas
                """,
            runs: [["min_replicas": .int(2)], ["min_replicas": .int(1)]]),

        "ket-qua-hoi-thi": QueryTwin(
            columns: ["cluster", "team", "unit", "preliminary", "rank", "advanced", "final", "prize"],
            sql: """
                WITH part_means AS (
                    SELECT r.kind AS stage, s.team AS team, s.part AS part, avg(s.points) AS mean
                    FROM scores s JOIN rounds r ON r.id = s.round JOIN contests c ON c.id = r.contest
                    WHERE c.year = :contest_year GROUP BY r.kind, s.team, s.part
                ),
                totals AS (SELECT stage, team, round(sum(mean), 2) AS total FROM part_means GROUP BY stage, team),
                board AS (
                    SELECT t.id, cl.name AS cluster, t.name AS team, u.name AS unit, p.total AS preliminary,
                        f.total AS final, t.status = 'finalist' AS advanced, t.prize AS prize
                    FROM teams t JOIN contests c ON c.id = t.contest JOIN clusters cl ON cl.id = t.cluster
                    JOIN units u ON u.id = t.unit
                    LEFT JOIN totals p ON p.team = t.id AND p.stage = 'preliminary'
                    LEFT JOIN totals f ON f.team = t.id AND f.stage = 'final'
                    WHERE c.year = :contest_year
                )
                SELECT *, rank() OVER (PARTITION BY cluster ORDER BY preliminary DESC) AS rank FROM board
                """,
            runs: [["contest_year": .int(2024)], ["contest_year": .int(2023)]]),

        "ten-mo-hinh-gan-trung": QueryTwin(
            columns: ["name_key", "code", "title", "unit", "year"],
            sql: """
                WITH keyed AS (
                    SELECT m.id, trim(replace(replace(replace(replace(replace(dv_fold(m.title), '"', ''), '“', ''), '”', ''),
                                                  '  ', ' '), '  ', ' ')) AS name_key
                    FROM models m
                ),
                near AS (
                    SELECT k.name_key FROM keyed k JOIN models m ON m.id = k.id
                    GROUP BY k.name_key HAVING count(DISTINCT dv_nfc(m.title)) > 1
                )
                SELECT k.name_key AS name_key, m.code AS code, m.title AS title, u.name AS unit, m.year AS year
                FROM keyed k JOIN near n ON n.name_key = k.name_key JOIN models m ON m.id = k.id JOIN units u ON u.id = m.unit
                """,
            runs: [[:]]),

        "mo-hinh-khong-hoat-dong": QueryTwin(
            columns: ["code", "title", "unit", "status", "last_activity", "idle_days"],
            sql: """
                WITH active AS (
                    SELECT m.*, max(m.started_on, coalesce((SELECT max(e.evaluated_on) FROM evaluations e
                                                            WHERE e.model = m.id), m.started_on)) AS last_activity
                    FROM models m
                    WHERE m.status IN ('registered', 'active', 'proposed', 'suspended')
                      AND m.started_on < date(:as_of, '-365 days')
                )
                SELECT a.code AS code, a.title AS title, u.name AS unit, a.status AS status, a.last_activity AS last_activity,
                    CAST(julianday(:as_of) - julianday(a.last_activity) AS INTEGER) AS idle_days
                FROM active a JOIN units u ON u.id = a.unit
                WHERE a.last_activity < date(:as_of, '-365 days')
                """,
            runs: [["as_of": .date(demoToday)], ["as_of": .date("2021-06-30")]]),
    ]
}
