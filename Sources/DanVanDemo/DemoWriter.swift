// Inserts the demo's rows fast: one prepared statement per table, kept for the whole run,
// and ids handed out by the writer (the database is empty, so they start at 1). Knowing a
// row's id before it is written lets the generator refer to rows without reading back.
import GRDB

final class DemoTable {
    let name: String
    private let statement: Statement
    private(set) var nextID: Int64 = 1

    init(_ db: Database, _ name: String, _ columns: [String]) throws {
        self.name = name
        let names = (["id"] + columns).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        statement = try db.makeStatement(sql: "INSERT INTO \(name) (\(names)) VALUES (\(marks))")
    }

    /// Writes one row (values in the order of the columns given at creation) and returns its id.
    @discardableResult
    func insert(_ values: [(any DatabaseValueConvertible)?]) throws -> Int64 {
        let id = nextID
        var arguments: [(any DatabaseValueConvertible)?] = [id]
        arguments.append(contentsOf: values)
        try statement.execute(arguments: StatementArguments(arguments))
        nextID += 1
        return id
    }

    /// The number of rows written so far.
    var count: Int { Int(nextID - 1) }
}

/// The tables the generator writes, with the columns it fills (the rest keep their defaults:
/// search keys are computed at the end by `Store.refreshSearchKeys`).
final class DemoWriter {
    let db: Database
    let clusters, units, unitAliases, unitSuccessions, clusterMembers, people: DemoTable
    let fields, movements, models, indicators, criteria, evaluations, recognitions: DemoTable
    let awardForms, awards, contests, rounds, parts, teams, teamMembers, judges, scores: DemoTable
    let reports, inspections: DemoTable
    /// Partner units and topic tags of models: written when the schema has these tables
    /// (migration v2 adds them).
    let modelPartners, modelTags: DemoTable?

    init(_ db: Database) throws {
        self.db = db
        clusters = try DemoTable(db, "clusters", ["number", "name", "system"])
        units = try DemoTable(db, "units", ["code", "name", "short_name", "kind", "level", "parent",
                                             "status", "valid_from", "valid_to", "phone"])
        unitAliases = try DemoTable(db, "unit_aliases", ["unit", "alias"])
        unitSuccessions = try DemoTable(db, "unit_successions", ["old_unit", "new_unit", "effective_on", "basis", "whole"])
        clusterMembers = try DemoTable(db, "cluster_members", ["cluster", "unit", "year", "role"])
        people = try DemoTable(db, "people", ["family_name", "middle_name", "given_name", "gender", "birth_year",
                                               "ethnicity", "position", "unit", "party_member", "phone"])
        fields = try DemoTable(db, "fields", ["code", "name", "short_name"])
        movements = try DemoTable(db, "movements", ["name", "document_no", "launched_on", "launcher", "from_on", "to_on"])
        models = try DemoTable(db, "models", ["code", "title", "kind", "field", "unit", "person", "location", "movement",
                                               "year", "started_on", "ended_on", "status", "recognition_level",
                                               "classification", "hotspot", "admin_reform", "service_ethics",
                                               "leader_support", "replicated_from", "description", "method", "result"])
        indicators = try DemoTable(db, "indicators", ["model", "name", "value", "unit_of_measure"])
        criteria = try DemoTable(db, "criteria", ["code", "content", "max_points", "weight", "applies_to"])
        evaluations = try DemoTable(db, "evaluations", ["model", "period", "kind", "level", "evaluated_on", "score",
                                                         "rating", "conclusion", "minutes_no"])
        recognitions = try DemoTable(db, "recognitions", ["model", "level", "year", "decision_no", "decided_on", "issuer"])
        awardForms = try DemoTable(db, "award_forms", ["code", "name", "kind", "level", "target", "item", "amount"])
        awards = try DemoTable(db, "awards", ["decision_no", "decided_on", "issuer", "form", "unit", "person", "model",
                                               "achievement", "amount", "year", "status"])
        contests = try DemoTable(db, "contests", ["name", "year", "organizer", "level", "plan_no", "plan_on",
                                                   "final_on", "status"])
        rounds = try DemoTable(db, "rounds", ["contest", "kind", "cluster", "held_on", "venue", "base_contests"])
        parts = try DemoTable(db, "parts", ["contest", "position", "name", "kind", "max_points", "minutes"])
        teams = try DemoTable(db, "teams", ["contest", "unit", "cluster", "name", "status", "prize"])
        teamMembers = try DemoTable(db, "team_members", ["team", "person", "role"])
        judges = try DemoTable(db, "judges", ["contest", "person", "title"])
        scores = try DemoTable(db, "scores", ["round", "team", "part", "judge", "points"])
        reports = try DemoTable(db, "reports", ["unit", "period", "kind", "due_on", "submitted_on"])
        inspections = try DemoTable(db, "inspections", ["unit", "inspected_on", "inspector", "content", "conclusion",
                                                         "recommendations", "fix_by"])
        modelPartners = try db.tableExists("model_partners") ? DemoTable(db, "model_partners", ["model", "unit"]) : nil
        modelTags = try db.tableExists("model_tags") ? DemoTable(db, "model_tags", ["model", "tag"]) : nil
    }
}
