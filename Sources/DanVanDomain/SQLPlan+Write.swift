// The SQL of a write: the rows an `update` or `delete` changes (its selection, the plan of
// the stages before it) as a `SELECT` of ids, and each assignment's new value as SQL over the
// row (`t0.title || ?3`), numbered after the selection's parameters so that one statement
// can carry both. Nil when SQL cannot say all of it; the language then finds the rows and
// computes the values itself.
import DanVanLang
import DanVanStore
import GRDB

extension SQLPlanBuilder {
    static func write(_ selection: WriteSelection, assignments: [PlanAssignment]) throws
        -> (selection: RowSelection, assignments: [(column: String, sql: String)])? {
        let plan = selection.plan
        let stages = plan.steps.reduce(0) { $0 + $1.stages }
        for step in plan.steps {
            switch step.step {
            case .filter, .sort, .take, .skip: continue
            default: return nil
            }
        }
        let values: [Value?] = selection.parameters.map { $0 }
        let statement: SQLStatement
        if plan.steps.isEmpty {
            statement = SQLStatement(sql: "SELECT \(source).id FROM \(plan.table.quotedDatabaseIdentifier) AS \(source)",
                                     arguments: [], result: .rows, single: false, consumed: 0, answered: [], stoppedBecause: nil)
        } else {
            guard let built = try build(plan, parameters: values, idsOnly: true), built.consumed == stages,
                  case .rows = built.result, !built.single else { return nil }
            statement = built
        }
        var builder = SQLPlanBuilder(plan: plan, parameters: values, explaining: false)
        builder.arguments = statement.arguments
        var sets: [(column: String, sql: String)] = []
        do {
            for assignment in assignments {
                let sql = try builder.value(assignment.value, fields: [:])
                // A value through a reference would need a join the UPDATE does not have.
                guard builder.joins(for: sql).isEmpty, !sql.contains("dv_window") else { return nil }
                sets.append((assignment.column, sql))
            }
        } catch is Decline {
            return nil
        }
        return (RowSelection(sql: statement.sql, arguments: builder.arguments), sets)
    }
}
