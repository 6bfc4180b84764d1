// What `DemoData.generate` wrote: the row count of every table and the list of deliberate
// anomalies, which lessons and data-fix tests point at. `description(_:)` is the bilingual
// summary `danvan demo` prints.
import DanVanStore
import VietText

public struct DemoAnomaly: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case duplicateUnit = "duplicate_unit"
        case decomposedText = "nfd_text"
        case lookAlikeLetter = "eth_for_d_stroke"
        case extraSpaces = "extra_spaces"
        case asciiQuotes = "ascii_quotes"
        case modelWithoutField = "model_without_field"
        case recognisedWithoutDecision = "recognised_without_decision"
        case awardedTwice = "awarded_twice"
        case swappedName = "swapped_name"
        case mergedUnitWithActiveModels = "merged_unit_with_active_models"
        case unitWithoutRegistrations = "unit_without_registrations"
        case lateReport = "late_report"
        case securityModelInCulture = "security_model_in_culture"

        public var label: Localized {
            switch self {
            case .duplicateUnit: Localized(vi: "Đơn vị trùng lặp (tiền tố, vị trí dấu)", en: "Duplicate units (prefix, tone placement)")
            case .decomposedText: Localized(vi: "Văn bản ở dạng NFD", en: "Text in NFD")
            case .lookAlikeLetter: Localized(vi: "Chữ “Ð” (U+00D0) thay cho “Đ”", en: "“Ð” (U+00D0) in place of “Đ”")
            case .extraSpaces: Localized(vi: "Dấu cách thừa", en: "Stray spaces")
            case .asciiQuotes: Localized(vi: "Dấu ngoặc kép ASCII", en: "ASCII quotes")
            case .modelWithoutField: Localized(vi: "Mô hình chưa có lĩnh vực", en: "Models without a field")
            case .recognisedWithoutDecision: Localized(vi: "Mô hình đã công nhận nhưng không có quyết định", en: "Recognised models without a decision")
            case .awardedTwice: Localized(vi: "Một thành tích được khen hai lần", en: "One achievement awarded twice")
            case .swappedName: Localized(vi: "Họ và tên bị đảo", en: "Family and given name swapped")
            case .mergedUnitWithActiveModels: Localized(vi: "Đơn vị đã sáp nhập còn mô hình đang triển khai", en: "Merged unit with running models")
            case .unitWithoutRegistrations: Localized(vi: "Đơn vị chưa đăng ký mô hình nào", en: "Units with no registrations")
            case .lateReport: Localized(vi: "Báo cáo kỳ gần nhất nộp muộn hoặc chưa nộp", en: "Late or missing reports of the latest period")
            case .securityModelInCulture: Localized(vi: "Mô hình VH-XH có nội dung an ninh trật tự", en: "Culture models about public security")
            }
        }
    }

    public let kind: Kind
    /// The table and id of the anomalous row, and the column at fault when there is one.
    public let table: String
    public let id: Int64
    public let column: String?
    /// The anomalous value or a short description, as stored.
    public let note: String

    init(_ kind: Kind, table: String, id: Int64, column: String? = nil, note: String) {
        self.kind = kind
        self.table = table
        self.id = id
        self.column = column
        self.note = note
    }
}

public struct DemoSummary: Sendable {
    public struct TableCount: Sendable, Equatable {
        public let table: String
        public let count: Int
    }

    public let options: DemoOptions
    /// Every table of the catalog, in catalog order.
    public let counts: [TableCount]
    public let anomalies: [DemoAnomaly]

    public func count(_ table: String) -> Int {
        counts.first { $0.table == table }?.count ?? 0
    }

    public func anomalies(_ kind: DemoAnomaly.Kind) -> [DemoAnomaly] {
        anomalies.filter { $0.kind == kind }
    }

    /// The summary `danvan demo` prints: what was made, then the seeded anomalies by kind.
    public func description(_ lang: Lang) -> String {
        var lines: [String] = []
        lines.append(Localized(
            vi: "Đã tạo dữ liệu mẫu: Thành phố {0}, 2009–2025 (hạt giống {1}, quy mô {2}).",
            en: "Demo data made: Thành phố {0}, 2009–2025 (seed {1}, scale {2}).")(
                lang, DemoVocabulary.cityName, String(options.seed), String(options.scale)))
        let labels = counts.map { count in Catalog.table(named: count.table).map { lang == .vi ? $0.label.vi : $0.label.en } ?? count.table }
        let width = labels.map(\.count).max() ?? 0
        for (label, count) in zip(labels, counts) {
            let padding = String(repeating: " ", count: max(0, width - label.count))
            lines.append("  \(label)\(padding)  \(Self.grouped(count.count, lang))")
        }
        lines.append(Localized(
            vi: "Bất thường cố ý để luyện sửa dữ liệu: {0} dòng (xem docs/demo-data.md):",
            en: "Deliberate anomalies to practise data fixes on: {0} rows (see docs/demo-data.md):")(
                lang, Self.grouped(anomalies.count, lang)))
        for kind in DemoAnomaly.Kind.allCases {
            let rows = anomalies(kind).count
            guard rows > 0 else { continue }
            lines.append("  - \(lang == .vi ? kind.label.vi : kind.label.en): \(Self.grouped(rows, lang))")
        }
        return lines.joined(separator: "\n")
    }

    /// 12345 as "12.345" in Vietnamese and "12,345" in English.
    static func grouped(_ number: Int, _ lang: Lang) -> String {
        var digits = String(number.magnitude)
        var result = ""
        while digits.count > 3 {
            result = (lang == .vi ? "." : ",") + String(digits.suffix(3)) + result
            digits = String(digits.dropLast(3))
        }
        return (number < 0 ? "-" : "") + digits + result
    }
}
