// The SQL twin of every saved query (scripts/queries/*.dv): the same question answered by
// hand-written SQL against the same database, the columns to compare, and the parameter values
// to run both with (each query at least twice where it has a parameter, so that a parameter the
// script ignored would show). A new query without a twin here fails SavedQueryTests.
import GRDB

/// One saved query's twin.
struct QueryTwin {
    /// The result's columns compared, by the query's field names (= the SQL's column names):
    /// a table path as `select` names it (`unit.name`, `key.code`), a text heading as written.
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
            columns: ["key.cluster", "key.field", "key.kind", "Số mô hình"],
            sql: """
                WITH RECURSIVE \(TwinSQL.modelCluster)
                SELECT mc.cluster AS "key.cluster", m.field AS "key.field", m.kind AS "key.kind", count(*) AS "Số mô hình"
                FROM models m LEFT JOIN model_cluster mc ON mc.model = m.id
                WHERE m.year = :report_year
                GROUP BY mc.cluster, m.field, m.kind
                """,
            runs: [["report_year": .int(2024)], ["report_year": .int(2019)]]),

        "don-vi-chua-dang-ky": QueryTwin(
            columns: ["cluster", "name", "Người phụ trách", "Chức vụ", "Điện thoại"],
            sql: """
                WITH RECURSIVE \(TwinSQL.unitCluster)
                SELECT uc.cluster AS cluster, u.name AS name, p.full_name AS "Người phụ trách", p.position AS "Chức vụ",
                       coalesce(p.phone, u.phone) AS "Điện thoại"
                FROM units u
                LEFT JOIN unit_cluster uc ON uc.unit = u.id
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
            columns: ["key.code", "key.name", "Đăng ký", "Hiệu quả", "Đã công nhận", "Công nhận cấp cơ sở",
                      "Công nhận cấp huyện", "Công nhận cấp xã", "Công nhận cấp thành phố", "Đề nghị cấp trên",
                      "Được khen thưởng"],
            sql: """
                SELECT u.code AS "key.code", u.name AS "key.name", count(*) AS "Đăng ký",
                    sum(m.status IN ('active', 'proposed', 'recognised', 'not_recognised')
                        AND (m.classification IS NULL OR m.classification <> 'ineffective')) AS "Hiệu quả",
                    sum(m.status = 'recognised') AS "Đã công nhận",
                    sum(m.status = 'recognised' AND m.recognition_level = 'base') AS "Công nhận cấp cơ sở",
                    sum(m.status = 'recognised' AND m.recognition_level = 'district') AS "Công nhận cấp huyện",
                    sum(m.status = 'recognised' AND m.recognition_level = 'commune') AS "Công nhận cấp xã",
                    sum(m.status = 'recognised' AND m.recognition_level = 'city') AS "Công nhận cấp thành phố",
                    sum(EXISTS (SELECT 1 FROM evaluations e WHERE e.model = m.id AND e.kind = 'annual'
                                AND e.period = CAST(:report_year AS TEXT) AND e.conclusion = 'propose_higher')) AS "Đề nghị cấp trên",
                    sum(EXISTS (SELECT 1 FROM awards a WHERE a.model = m.id AND a.status = 'valid')) AS "Được khen thưởng"
                FROM models m JOIN units u ON u.id = m.unit
                WHERE m.year = :report_year AND m.status <> 'draft'
                GROUP BY u.id
                """,
            runs: [["report_year": .int(2024)], ["report_year": .int(2025)]]),

        "ung-vien-khen-thuong": QueryTwin(
            columns: ["code", "title", "unit.name", "recognition_level", "Điểm bình xét", "Đối chiếu"],
            sql: """
                WITH reviewed AS (
                    SELECT m.id AS model, (SELECT e.id FROM evaluations e WHERE e.model = m.id AND e.kind = 'annual'
                                           AND e.period = CAST(:report_year AS TEXT)
                                           ORDER BY e.evaluated_on DESC, e.id DESC LIMIT 1) AS evaluation
                    FROM models m WHERE m.year = :report_year AND m.status = 'recognised'
                )
                SELECT m.code AS code, m.title AS title, u.name AS "unit.name", m.recognition_level AS recognition_level,
                    e.score AS "Điểm bình xét",
                    CASE WHEN EXISTS (SELECT 1 FROM awards a WHERE a.model = m.id AND a.status = 'valid')
                              THEN 'Đã được khen (một thành tích, một hình thức)'
                         WHEN EXISTS (SELECT 1 FROM inspections i WHERE i.unit = m.unit AND i.fix_by IS NOT NULL
                                      AND substr(i.inspected_on, 1, 4) = CAST(:report_year AS TEXT))
                              THEN 'Đơn vị bị kiểm tra, phải khắc phục'
                         ELSE 'Đưa vào danh sách' END AS "Đối chiếu"
                FROM reviewed r JOIN models m ON m.id = r.model JOIN evaluations e ON e.id = r.evaluation
                JOIN units u ON u.id = m.unit
                WHERE e.rating = 'excellent'
                ORDER BY m.id
                """,
            runs: [["report_year": .int(2024)], ["report_year": .int(2023)]], ordered: true),

        "mo-hinh-diem-nong": QueryTwin(
            // "Xếp loại" holds the rating's label; the tests run in English, whose labels are the codes.
            columns: ["code", "title", "unit.name", "status", "leader_support", "Ngày đánh giá gần nhất", "Xếp loại", "Điểm",
                      "Ngày kiểm tra gần nhất"],
            sql: """
                SELECT m.code AS code, m.title AS title, u.name AS "unit.name", m.status AS status, m.leader_support AS leader_support,
                    \(TwinSQL.latestEvaluation("evaluated_on", of: "m.id")) AS "Ngày đánh giá gần nhất",
                    \(TwinSQL.latestEvaluation("rating", of: "m.id")) AS "Xếp loại",
                    \(TwinSQL.latestEvaluation("score", of: "m.id")) AS "Điểm",
                    (SELECT max(i.inspected_on) FROM inspections i WHERE i.unit = m.unit) AS "Ngày kiểm tra gần nhất"
                FROM models m JOIN units u ON u.id = m.unit
                WHERE m.hotspot = 1 AND m.status IN ('registered', 'active', 'proposed', 'recognised')
                ORDER BY m.id
                """,
            runs: [[:]], ordered: true),

        "bao-cao-cham-nop": QueryTwin(
            columns: ["unit.name", "due_on", "submitted_on", "Số ngày quá hạn", "unit.phone"],
            sql: """
                SELECT u.name AS "unit.name", r.due_on AS due_on, r.submitted_on AS submitted_on,
                    CAST(julianday(coalesce(r.submitted_on, :as_of)) - julianday(r.due_on) AS INTEGER) AS "Số ngày quá hạn",
                    u.phone AS "unit.phone"
                FROM reports r JOIN units u ON u.id = r.unit
                WHERE r.period = :report_period AND (r.submitted_on IS NULL OR r.submitted_on > r.due_on)
                """,
            runs: [["report_period": .text("6T-2025"), "as_of": .date(demoToday)],
                   ["report_period": .text("2023"), "as_of": .date("2024-03-01")]]),

        "nhan-rong-theo-mo-hinh-goc": QueryTwin(
            // The years are text in the query (so they are not grouped in thousands); the cells compare as text.
            columns: ["key.code", "key.title", "key.name", "Số bản nhân rộng", "Số đơn vị nhân rộng", "Năm đầu", "Năm cuối"],
            sql: """
                SELECT s.code AS "key.code", s.title AS "key.title", u.name AS "key.name", count(*) AS "Số bản nhân rộng",
                    count(DISTINCT r.unit) AS "Số đơn vị nhân rộng", min(r.year) AS "Năm đầu", max(r.year) AS "Năm cuối"
                FROM models r JOIN models s ON s.id = r.replicated_from JOIN units u ON u.id = s.unit
                GROUP BY s.id HAVING count(*) >= :min_replicas
                """,
            runs: [["min_replicas": .int(2)], ["min_replicas": .int(1)]]),

        "ket-qua-hoi-thi": QueryTwin(
            columns: ["cluster", "name", "unit", "Điểm sơ khảo", "Hạng trong cụm", "Vào chung khảo", "Điểm chung khảo", "prize"],
            sql: """
                WITH part_means AS (
                    SELECT r.kind AS stage, s.team AS team, s.part AS part, avg(s.points) AS mean
                    FROM scores s JOIN rounds r ON r.id = s.round JOIN contests c ON c.id = r.contest
                    WHERE c.year = :contest_year GROUP BY r.kind, s.team, s.part
                ),
                totals AS (SELECT stage, team, round(sum(mean), 2) AS total FROM part_means GROUP BY stage, team),
                board AS (
                    SELECT t.id, t.cluster AS cluster, t.name AS name, t.unit AS unit, p.total AS "Điểm sơ khảo",
                        f.total AS "Điểm chung khảo", t.status = 'finalist' AS "Vào chung khảo", t.prize AS prize
                    FROM teams t JOIN contests c ON c.id = t.contest
                    LEFT JOIN totals p ON p.team = t.id AND p.stage = 'preliminary'
                    LEFT JOIN totals f ON f.team = t.id AND f.stage = 'final'
                    WHERE c.year = :contest_year
                )
                SELECT *, rank() OVER (PARTITION BY cluster ORDER BY "Điểm sơ khảo" DESC) AS "Hạng trong cụm" FROM board
                """,
            runs: [["contest_year": .int(2024)], ["contest_year": .int(2023)]]),

        "ten-mo-hinh-gan-trung": QueryTwin(
            columns: ["Khóa so sánh", "code", "title", "unit.name", "year"],
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
                SELECT k.name_key AS "Khóa so sánh", m.code AS code, m.title AS title, u.name AS "unit.name", m.year AS year
                FROM keyed k JOIN near n ON n.name_key = k.name_key JOIN models m ON m.id = k.id JOIN units u ON u.id = m.unit
                """,
            runs: [[:]]),

        "mo-hinh-khong-hoat-dong": QueryTwin(
            columns: ["code", "title", "unit.name", "status", "Hoạt động gần nhất", "Số ngày không hoạt động"],
            sql: """
                WITH active AS (
                    SELECT m.*, max(m.started_on, coalesce((SELECT max(e.evaluated_on) FROM evaluations e
                                                            WHERE e.model = m.id), m.started_on)) AS last_activity
                    FROM models m
                    WHERE m.status IN ('registered', 'active', 'proposed', 'suspended')
                      AND m.started_on < date(:as_of, '-365 days')
                )
                SELECT a.code AS code, a.title AS title, u.name AS "unit.name", a.status AS status, a.last_activity AS "Hoạt động gần nhất",
                    CAST(julianday(:as_of) - julianday(a.last_activity) AS INTEGER) AS "Số ngày không hoạt động"
                FROM active a JOIN units u ON u.id = a.unit
                WHERE a.last_activity < date(:as_of, '-365 days')
                """,
            runs: [["as_of": .date(demoToday)], ["as_of": .date("2021-06-30")]]),
    ]
}
