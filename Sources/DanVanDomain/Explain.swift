// `:explain` and `danvan explain`: what a pipeline over a table does, in the user's language.
// Like psql's EXPLAIN, it is how a user learns why a query is slow: the SQL with its bound
// values, which stages it answers, which run in memory and why, and SQLite's own plan (so an
// index in use shows as "USING INDEX").
import DanVanLang
import DanVanStore
import GRDB
import VietText

enum ExplainText {
    static let pipeline = Localized(vi: "Đường ống: {0}", en: "Pipeline: {0}")
    static let sql = Localized(vi: "SQL (trả lời {0} trên {1} bước):", en: "SQL (answers {0} of {1} stages):")
    static let values = Localized(vi: "Giá trị gắn vào: {0}", en: "Bound values: {0}")
    static let noValues = Localized(vi: "Giá trị gắn vào: (không có)", en: "Bound values: (none)")
    static let sqlitePlan = Localized(vi: "Cách SQLite chạy:", en: "How SQLite runs it:")
    static let inMemory = Localized(vi: "Chạy trong bộ nhớ: {0} — vì {1}", en: "In memory: {0} — because {1}")
    static let allInMemory = Localized(
        vi: "Cả đường ống chạy trong bộ nhớ trên toàn bộ bảng {0}", en: "The whole pipeline runs in memory, on the whole table {0}")
    static let pushdownOff = Localized(
        vi: "DANVAN_PUSHDOWN=off: mọi đường ống chạy trong bộ nhớ", en: "DANVAN_PUSHDOWN=off: every pipeline runs in memory")
    static let unknownVariable = Localized(vi: "{0} (chưa biết giá trị)", en: "{0} (value not known yet)")
}

extension DomainHost {
    public func explain(_ plan: QueryPlan, parameters: [Value?], lang: Lang) -> String {
        var lines = [ExplainText.pipeline(lang, plan.text)]
        let total = plan.steps.reduce(0) { $0 + $1.stages } + plan.leftOver.count
        var statement: SQLStatement?
        if !pushdown {
            lines.append("  " + ExplainText.pushdownOff(lang))
        } else {
            statement = try? SQLPlanBuilder.build(plan, parameters: parameters, explaining: true)
        }
        if let statement {
            lines.append("  " + ExplainText.sql(lang, String(statement.consumed), String(total)))
            for line in statement.sql.split(separator: "\n") { lines.append("    " + line) }
            if statement.arguments.isEmpty {
                lines.append("  " + ExplainText.noValues(lang))
            } else {
                lines.append("  " + ExplainText.values(lang, statement.arguments.map(ExplainText.show).joined(separator: ", ")))
            }
            if let steps = try? read({ db in
                try GRDB.Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql,
                                      arguments: StatementArguments(statement.arguments))
            }) {
                lines.append("  " + ExplainText.sqlitePlan(lang))
                for step in steps {
                    let detail: String = step["detail"] ?? ""
                    let parent: Int = step["parent"] ?? 0
                    lines.append("    " + (parent == 0 ? "" : "  ") + detail)
                }
            }
            var index = 0, counted = 0
            for stage in plan.steps {
                if counted >= statement.consumed {
                    let reason = index == 0 ? (statement.stoppedBecause ?? SQLReasons.notSQL) : PlanReasons.afterInMemory
                    lines.append("  " + ExplainText.inMemory(lang, stage.text, reason(lang)))
                    index += 1
                }
                counted += stage.stages
            }
        } else if pushdown {
            lines.append("  " + ExplainText.allInMemory(lang, plan.table))
        }
        for left in plan.leftOver {
            lines.append("  " + ExplainText.inMemory(lang, left.text, left.reason(lang)))
        }
        if !plan.parameters.isEmpty {
            for (name, value) in zip(plan.parameters, parameters) where value == nil {
                lines.append("  " + ExplainText.unknownVariable(lang, name))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension ExplainText {
    static func show(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "null"
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return "\"" + text + "\""
        case .blob: return "<blob>"
        }
    }
}
