// The generator's picture of the city while it writes it: the units with their history
// (successors, the historic district they lie in, their cluster), the people with the
// units they worked for before and after the 2025 reorganisation, and the models that
// awards and replications refer back to. Array indices are stable: a unit's id is its
// index + 1, because units are written in this order into an empty table.

enum DemoUnitRole: Equatable {
    case city, cityBody, bloc, department, district, oldCommune, newCommune, massOrg, residential, duplicate
}

struct DemoUnit {
    var code: String
    var name: String
    var shortName: String?
    /// The type prefix ("Phường", "Quận") and the bare name ("Tân Hòa"); `prefix` is empty for
    /// bodies whose name has no such split ("Sở Tư pháp").
    var prefix: String
    var bare: String
    var kind: String
    var level: String
    var role: DemoUnitRole
    var parent: Int?
    var status = "active"
    var validFrom: DemoDate?
    var validTo: DemoDate?
    var phone: String?
    /// The historic district the unit lies in (an index into `DemoBuilder.districts`), or -1.
    var region = -1
    /// The emulation cluster (1...6) the unit belongs to, 0 when none.
    var cluster = 0
    /// Successor units (indices) from the reorganisation, and whether each takes the whole unit.
    var successors: [Int] = []
    var successorsWhole = true
    /// The units this one succeeds (the inverse of `successors`).
    var predecessors: [Int] = []
    /// For residential groups: the historic commune they belonged to before 2025-07-01.
    var historicParent: Int?
    /// "MTTQ", "LHPN", "HND", "CCB", "DTN" for front and mass organisations.
    var orgType = ""
    var massOrgs: [Int] = []
    var residentials: [Int] = []

    /// The name inside a sentence: "phường Tân Hòa", "quận Kim Long", "Sở Tư pháp".
    var phrase: String { prefix.isEmpty ? name : prefix.lowercased() + " " + bare }

    func isActive(on date: DemoDate) -> Bool {
        if let from = validFrom, date < from { return false }
        if let to = validTo, date > to { return false }
        return true
    }
}

struct DemoPerson {
    var family: String
    var middle: String
    var given: String
    var female: Bool
    var birthYear: Int
    var ethnicity: String
    var position: String
    /// The current unit (index), the unit whose work counted before the reorganisation, and after.
    var unit: Int
    var before: Int
    var after: Int
    /// True for people working at city level (their "before" unit changed on 2025-03-01, not 2025-07-01).
    var cityLevel: Bool
    var region: Int
    var staff: Bool

    var fullName: String {
        [family, middle, given].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// What later phases need to know about a written model.
struct DemoModelRecord {
    let id: Int64
    let year: Int
    let unit: Int
    let person: Int?
    let field: Int
    let template: Int
    let title: String
    let status: String
    let level: String?
    let collective: Bool
}

/// A numbered decision (recognition or award): its number, date and issuing body.
struct DemoDecision {
    let number: String
    let date: DemoDate
    let issuer: String
}
