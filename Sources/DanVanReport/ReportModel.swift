// The document model the writers read: a report's heading block (issuer, motto, number,
// place and date), its blocks in order, and the signer. A script builds a document as an
// ordinary record value (ReportFunctions.swift); `ReportDecoder` turns that record into this
// model, checking every block, so that the writers never meet a malformed one.
import DanVanLang
import DanVanOutput
import VietText

public struct ReportDocument: Sendable, Equatable {
    /// The line on the right of the heading block: the State's motto or the Party's name.
    public enum Motto: String, Sendable, Equatable, CaseIterable {
        case state, party, none

        /// The motto's lines: the first bold, the last one bold and ruled below.
        public var lines: [String] {
            switch self {
            case .state: return ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
            case .party: return ["ĐẢNG CỘNG SẢN VIỆT NAM"]
            case .none: return []
            }
        }
    }

    public var title: String?
    public var subtitle: String?
    public var issuer: String?
    public var parentIssuer: String?
    public var number: String?
    public var place: String?
    public var date: CalendarDate?
    public var motto: Motto
    public var signer: String?
    public var signerTitle: String?
    public var recipients: [String]
    /// The language of numbers, dates and column labels inside the document.
    public var lang: Lang
    public var blocks: [ReportBlock]

    public init(title: String? = nil, subtitle: String? = nil, issuer: String? = nil, parentIssuer: String? = nil,
                number: String? = nil, place: String? = nil, date: CalendarDate? = nil, motto: Motto = .state,
                signer: String? = nil, signerTitle: String? = nil, recipients: [String] = [], lang: Lang = .vi,
                blocks: [ReportBlock] = []) {
        self.title = title
        self.subtitle = subtitle
        self.issuer = issuer
        self.parentIssuer = parentIssuer
        self.number = number
        self.place = place
        self.date = date
        self.motto = motto
        self.signer = signer
        self.signerTitle = signerTitle
        self.recipients = recipients
        self.lang = lang
        self.blocks = blocks
    }

    /// Whether the document has the heading block of an official document (an issuer, or a
    /// number, place or date): a bare table saved as HTML has none.
    public var hasHeadingBlock: Bool {
        issuer != nil || parentIssuer != nil || number != nil || place != nil || date != nil
    }

    /// The tables a spreadsheet or CSV file holds: each table, and each set of key figures.
    public var tables: [ReportTable] {
        blocks.compactMap { block in
            switch block {
            case .table(let table): return table
            case .figures(let figures): return figures.table(lang)
            default: return nil
            }
        }
    }
}

public enum ReportBlock: Sendable, Equatable {
    case heading(String, level: Int)
    case paragraph(String)
    /// A part for people to write (the narrative), shown framed.
    case placeholder(String)
    case pageBreak
    case figures(ReportFigures)
    case table(ReportTable)
    case chart(ReportChart)
}

/// A table as the document shows it: cells as ValueDisplay made them in the document's
/// language, with the dates kept apart so that a spreadsheet gets real date cells.
public struct ReportTable: Sendable, Equatable {
    public var title: String?
    public var note: String?
    public var model: TableModel
    /// The date cells: `dates[row][column]`; their text in `model` is already the date as
    /// the document's language writes it.
    public var dates: [Int: [Int: DateParts]]

    public init(title: String? = nil, note: String? = nil, model: TableModel, dates: [Int: [Int: DateParts]] = [:]) {
        self.title = title
        self.note = note
        self.model = model
        self.dates = dates
    }

    public func date(row: Int, column: Int) -> DateParts? { dates[row]?[column] }
}

/// A calendar date as the writers need it (DanVanOutput has no date cell).
public struct DateParts: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(_ date: CalendarDate) {
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// The date as a spreadsheet counts it: days since 1899-12-30 (Excel's and LibreOffice's
    /// serial number, right for every date after 1 March 1900), from the language's own day
    /// count (days since 1970-01-01, 25,569 days after 1899-12-30). Dates reach the writers from
    /// `.date` values, which always exist; a date that does not gives serial 0.
    public var serial: Int64 {
        guard let date = CalendarDate(year: year, month: month, day: day) else { return 0 }
        return date.dayNumber + 25_569
    }
}

/// Key figures: each a value with, when given, the value of the period before and the change.
public struct ReportFigures: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var value: CellValue
        public var previous: CellValue

        public init(label: String, value: CellValue, previous: CellValue = .null) {
            self.label = label
            self.value = value
            self.previous = previous
        }
    }

    public var title: String?
    public var items: [Item]

    public init(title: String? = nil, items: [Item]) {
        self.title = title
        self.items = items
    }

    /// Whether any item has a previous value (else the previous and change columns are left out).
    public var hasPrevious: Bool { items.contains { $0.previous != .null } }

    static let labels = (
        label: Localized(vi: "Chỉ tiêu", en: "Indicator"),
        value: Localized(vi: "Kỳ này", en: "This period"),
        previous: Localized(vi: "Kỳ trước", en: "Previous period"),
        change: Localized(vi: "So sánh", en: "Change")
    )

    /// The figures as a table: indicator, value, previous value and change.
    public func table(_ lang: Lang) -> ReportTable {
        var columns = [TableModel.Column(name: "label", label: Self.labels.label(lang)),
                       TableModel.Column(name: "value", label: Self.labels.value(lang))]
        if hasPrevious {
            columns.append(TableModel.Column(name: "previous", label: Self.labels.previous(lang)))
            columns.append(TableModel.Column(name: "change", label: Self.labels.change(lang)))
        }
        let rows: [[CellValue]] = items.map { item in
            var row: [CellValue] = [.text(item.label), item.value]
            if hasPrevious { row += [item.previous, .text(ReportText.change(item.value, item.previous, lang))] }
            return row
        }
        return ReportTable(title: title, model: TableModel(columns: columns, rows: rows))
    }
}

/// A chart ready to draw: its categories (the x column's texts) and one series per y column.
public struct ReportChart: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case bar, stacked, line, pie
    }

    public var kind: Kind
    public var title: String?
    public var categories: [String]
    public var series: [TerminalChart.Series]
    /// The x column's label, shown under a line chart.
    public var xLabel: String

    public init(kind: Kind, title: String? = nil, categories: [String], series: [TerminalChart.Series], xLabel: String = "") {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.series = series
        self.xLabel = xLabel
    }

    /// The chart drawn with Unicode blocks.
    public func terminalText(_ lang: Lang) -> String {
        let style: TerminalChart.Style
        switch kind {
        case .bar, .line: style = .bars
        case .stacked: style = .stacked
        case .pie: style = .share
        }
        return TerminalChart.render(title: title, categories: categories, series: series, style: style, lang: lang)
    }
}
