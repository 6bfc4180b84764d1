// A chart from any pipeline result: `x` names the category column, `y` one or more number
// columns. A column is named by its name (`n`, `field`) or by its heading ("Số mô hình");
// a name that is neither is an error listing the columns, with a did-you-mean, so a typo
// never draws the wrong column.
import DanVanDomain
import DanVanLang
import DanVanOutput
import VietText

extension ReportDecoder {
    public static func chart(_ rows: Value, kind: Value, x: Value, y: Value, title: Value, headings: Value = .null,
                             lang: Lang, function: String = "chart",
                             names: (any DisplayNameSource)? = nil) throws -> ReportChart {
        let chartKind = try choice(kind, "kind", function, default: ReportChart.Kind.bar)
        let titleText = try text(title, "title", function)
        let table = try self.table(rows, headings: headings, lang: lang, function: function, names: names)
        let model = table.model
        guard !model.columns.isEmpty else {
            return ReportChart(kind: chartKind, title: titleText, categories: [], series: [])
        }
        let xIndex = try text(x, "x", function).map { try column($0, in: model, function: function) } ?? 0
        var yIndices: [Int]
        switch y {
        case .null:
            yIndices = model.columns.indices.filter { $0 != xIndex && model.isNumeric(column: $0) }
            if yIndices.isEmpty && !model.rows.isEmpty {
                throw ReportError(ReportMessages.noNumberColumn, [function])
            }
        case .text(let name):
            yIndices = [try column(name, in: model, function: function)]
        case .list(let list):
            yIndices = try list.items.map { item in
                try column(try text(item, "y", function) ?? "", in: model, function: function)
            }
        default:
            throw ReportError(ReportMessages.expectedText, [function, "y", y.typeName.en])
        }
        if chartKind == .pie && yIndices.count != 1 {
            throw ReportError(ReportMessages.pieOneSeries, [function, String(yIndices.count)])
        }
        let xColumn = model.columns[xIndex]
        // A category without a value (a model with no field) still gets a bar, named so.
        let categories = model.rows.map { row -> String in
            let text = ReportText.cell(model.cell(row, xIndex), column: xColumn, lang)
            return text.isEmpty ? ReportText.noValue(lang) : text
        }
        let series = try yIndices.map { index in
            let column = model.columns[index]
            let values = try model.rows.enumerated().map { rowIndex, row -> Double in
                let cell = model.cell(row, index)
                if cell == .null { return 0 }
                guard let number = ReportText.number(cell) else {
                    throw ReportError(ReportMessages.notNumber,
                                      [function, column.name, String(rowIndex + 1), ReportText.cell(cell, column: column, lang)])
                }
                return number
            }
            return TerminalChart.Series(name: column.label, values: values)
        }
        return ReportChart(kind: chartKind, title: titleText, categories: categories, series: series, xLabel: xColumn.label)
    }

    /// The index of the column `name` names: its machine name, else its heading, else either
    /// compared without case.
    static func column(_ name: String, in model: TableModel, function: String) throws -> Int {
        if let index = model.columns.firstIndex(where: { $0.name == name }) { return index }
        if let index = model.columns.firstIndex(where: { $0.label == name }) { return index }
        let folded = name.lowercased()
        if let index = model.columns.firstIndex(where: { $0.name.lowercased() == folded || $0.label.lowercased() == folded }) {
            return index
        }
        let names = model.columns.map(\.name)
        throw ReportError.unknown(ReportMessages.unknownColumn, [function, name, names.joined(separator: ", ")],
                                  name: name, candidates: names + model.columns.map(\.label))
    }
}
