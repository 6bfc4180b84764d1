// `headings:` on `table` and `chart`: the words a reader sees above a column the script
// computed (`n: count()`, a record built by hand), where ValueDisplay has no catalog label to
// give. The record maps the column's name, which the script keeps using (`row.total`), to the
// heading in the document's language: `headings: {code: "Mã đơn vị", total: "Tổng cộng"}`.
// A name that is not a column is an error with a did-you-mean, so a typo never leaves an
// English machine name under a Vietnamese title.
import DanVanLang
import DanVanOutput

extension ReportDecoder {
    /// Replaces the labels of the columns `headings` names. An empty result has no columns to
    /// check against; it gets the headings' columns, in their order, so that a table with no
    /// rows still shows what it would hold.
    static func applyHeadings(_ headings: Value, to model: inout TableModel, function: String) throws {
        let pairs: [(String, String)]
        switch headings {
        case .null: return
        case .record(let record):
            pairs = try record.fields.map { name, value in
                guard case .text(let heading) = value else {
                    throw ReportError(ReportMessages.expectedText, [function, "headings." + name, value.typeName.en])
                }
                return (name, heading)
            }
        default:
            throw ReportError(ReportMessages.headingsNotRecord, [function, headings.typeName.en])
        }
        if model.columns.isEmpty && model.rows.isEmpty {
            model = TableModel(columns: pairs.map { TableModel.Column(name: $0.0, label: $0.1) }, rows: [])
            return
        }
        let names = model.columns.map(\.name)
        for (name, heading) in pairs {
            guard let index = names.firstIndex(of: name) else {
                throw ReportError.unknown(ReportMessages.unknownColumn, [function + " (headings)", name, names.joined(separator: ", ")],
                                          name: name, candidates: names)
            }
            model.columns[index].label = heading
        }
    }
}
