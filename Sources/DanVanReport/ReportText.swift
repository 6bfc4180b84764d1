// The words and numbers a report writes in its language: the place-and-date line of the
// heading block, the change of a key figure against the period before ("tăng 276 (+18,0%)"),
// and how one cell reads (numbers 1.808 and 2,5; dates 15/10/2024 in Vietnamese).
import DanVanOutput
import Foundation
import VietText

public enum ReportText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// "Hà Nội, ngày 30 tháng 6 năm 2024" / "Hà Nội, 30 June 2024". Vietnamese administrative
    /// documents (Decree 30/2020/NĐ-CP) write days below 10 and the months 1 and 2 with a
    /// leading zero: "ngày 05 tháng 01 năm 2024". Without a date the line is left to be
    /// filled in by hand: "ngày … tháng … năm …".
    public static func placeAndDate(place: String?, date: DateParts?, _ lang: Lang) -> String? {
        guard place != nil || date != nil else { return nil }
        let prefix = place.map { $0 + ", " } ?? ""
        guard let date else {
            return prefix + (lang == .vi ? "ngày … tháng … năm …" : "… … …")
        }
        switch lang {
        case .vi:
            let day = date.day < 10 ? "0\(date.day)" : String(date.day)
            let month = date.month <= 2 ? "0\(date.month)" : String(date.month)
            return prefix + "ngày \(day) tháng \(month) năm \(date.year)"
        case .en:
            let month = (1...12).contains(date.month) ? months[date.month - 1] : String(date.month)
            return prefix + "\(date.day) \(month) \(date.year)"
        }
    }

    static let changes = (
        up: Localized(vi: "tăng {0}", en: "up {0}"),
        down: Localized(vi: "giảm {0}", en: "down {0}"),
        same: Localized(vi: "không đổi", en: "unchanged")
    )

    /// The change from `previous` to `value`: "tăng 276 (+18,0%)", "giảm 12 (-3,1%)",
    /// "không đổi"; no percentage when the previous value is 0; empty when either is not a number.
    public static func change(_ value: CellValue, _ previous: CellValue, _ lang: Lang) -> String {
        guard let now = number(value), let before = number(previous) else { return "" }
        let difference = now - before
        if difference == 0 { return changes.same(lang) }
        let amount = TerminalChart.number(abs(difference), lang)
        var text = (difference > 0 ? changes.up : changes.down)(lang, amount)
        if before != 0 {
            let percent = abs(difference / before * 100)
            text += " (" + (difference > 0 ? "+" : "-") + NumberText.fixed(percent, digits: 1, lang) + "%)"
        }
        return text
    }

    /// A number cell's value, or nil.
    public static func number(_ value: CellValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .decimal(let number): return number.isFinite ? number : nil
        default: return nil
        }
    }

    /// How a cell reads in a document: as in a table on screen, but a decimal with at most
    /// two decimals (a report does not print 0,3333333333333333).
    public static func cell(_ value: CellValue, column: TableModel.Column, _ lang: Lang) -> String {
        switch value {
        case .decimal(let number): return VietFormat.decimal(number, lang)
        case .text(let text): return text
        default: return CellText.human(value, column: column, lang: lang)
        }
    }

    /// A date as the document writes it: 15/10/2024 in Vietnamese, 2024-10-15 in English.
    public static func date(_ date: DateParts, _ lang: Lang) -> String {
        VietFormat.date(year: date.year, month: date.month, day: date.day, lang)
    }

    /// A chart's category that has no value.
    public static let noValue = Localized(vi: "(không có)", en: "(none)")

    /// "(0 dòng)" / "(0 rows)": what an empty table says.
    public static let noRows = Localized(vi: "(0 dòng)", en: "(0 rows)")
}
