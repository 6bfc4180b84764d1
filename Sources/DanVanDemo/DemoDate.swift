// Calendar dates for the demo, as day numbers: the data's dates are fixed (the demo's
// "today" is `DemoDate.today`, never the machine's clock) and written as ISO text
// `YYYY-MM-DD`, which is what the schema stores. Day arithmetic uses the proleptic
// Gregorian conversions of H. Hinnant's "chrono-compatible date algorithms", so no time
// zone or Foundation calendar can move a date.

struct DemoDate: Comparable, Hashable {
    /// Days since 1970-01-01.
    let day: Int

    /// The demo's fixed "today": data is as it stood at the end of November 2025.
    static let today = DemoDate(2025, 11, 30)
    /// Districts close and new communes start on these days (the 2025 reorganisation).
    static let districtsClose = DemoDate(2025, 6, 30)
    static let communesOpen = DemoDate(2025, 7, 1)
    /// State and Party bodies were merged earlier in 2025.
    static let bodiesClose = DemoDate(2025, 2, 28)
    static let bodiesOpen = DemoDate(2025, 3, 1)

    init(day: Int) { self.day = day }

    init(_ year: Int, _ month: Int, _ dayOfMonth: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + dayOfMonth - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        day = era * 146_097 + dayOfEra - 719_468
    }

    var parts: (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    var year: Int { parts.year }

    func adding(days: Int) -> DemoDate { DemoDate(day: day + days) }

    /// `YYYY-MM-DD`, written by hand: a million of them are made at `--scale 100`.
    var iso: String {
        let (y, m, d) = parts
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    static func < (lhs: DemoDate, rhs: DemoDate) -> Bool { lhs.day < rhs.day }

    /// A day drawn evenly from `from...to`.
    static func between(_ from: DemoDate, _ to: DemoDate, _ random: inout DemoRandom) -> DemoDate {
        guard to.day > from.day else { return from }
        return DemoDate(day: from.day + random.below(to.day - from.day + 1))
    }
}
