// `label(column)`: the label of a coded value in the session's language (`label(status)` is
// "Đã công nhận" in Vietnamese, "Recognised" in English). The code list belongs to the column,
// not to the value, so the argument must be a column the compiler can see: a column of a
// stage's rows (`status`, `unit.kind`, `it.status`), a group's key copied from one
// (`group by status | select s: label(key)`, `label(key.status)` with several keys), or a
// member of a row known only when it runs (`label(m.status)`), checked then. Anything else,
// or a column without a code list, is a compile error.
//
// A pipeline stage that uses `label` is not planned for the host: it runs in memory, on the
// rows the host gave, so SQL never has to know the session's language.
import VietText

enum LabelMessages {
    static let notAColumn = Localized(
        vi: "label(...) cần một cột có danh sách mã, ví dụ label(status) hoặc label(m.status)",
        en: "label(...) takes a column with a code list, such as label(status) or label(m.status)")
    static let notCoded = Localized(
        vi: "cột '{0}' của bảng {1} không có danh sách mã, nên không có nhãn",
        en: "the column '{0}' of {1} has no code list, so it has no labels")
    static let notARow = Localized(
        vi: "label(...{0}) cần một dòng của bảng, không phải {1}", en: "label(...{0}) needs a row of a table, not {1}")
}

extension Compiler {
    /// The code of a call `label(arguments)` (a compile error unless it is one coded column).
    func compileLabel(_ argumentExprs: [Expr], range: SourceRange) -> Eval {
        guard argumentExprs.count == 1 else {
            error(range, LabelMessages.notAColumn)
            return { _ in .null }
        }
        let argumentExpr = argumentExprs[0]
        if let column = staticColumn(of: argumentExpr) {
            guard let codes = column.codes else {
                error(argumentExpr.range, LabelMessages.notCoded, [.plain(column.written), .plain(column.schema.table)])
                return { _ in .null }
            }
            return labelling(compile(argumentExpr), codes)
        }
        if !function.stages.isEmpty, let origin = origin(of: argumentExpr) {
            guard let codes = codeList(of: origin) else {
                error(argumentExpr.range, LabelMessages.notCoded, [.plain(origin.path.joined(separator: ".")), .plain(origin.table)])
                return { _ in .null }
            }
            return labelling(compile(argumentExpr), codes)
        }
        if case .member(let baseExpr, let field, let fieldRange) = argumentExpr.kind, staticSchema(of: baseExpr) == nil,
           !(baseExpr.isName("key") && !function.stages.isEmpty) {
            // A row known only when it runs (`for m in models { label(m.status) }`).
            let base = compile(baseExpr)
            let value = compileMember(baseExpr, field, fieldRange)
            let at = span(argumentExpr.range)
            return { frame in
                let object = try base(&frame)
                if case .null = object { return .null }
                guard case .row(let row) = object else {
                    throw RuntimeError(LabelMessages.notARow, [.plain("." + field), .localized(object.typeName)], at: at)
                }
                guard let index = row.schema.columnIndex[field], let codes = row.schema.codes[index] else {
                    throw RuntimeError(Suggest.message(LabelMessages.notCoded, [.plain(field), .plain(row.schema.table)],
                                                       name: field, candidates: row.schema.codes.keys.sorted().compactMap {
                                                           $0 < row.schema.columns.count ? row.schema.columns[$0] : nil
                                                       }), at: at)
                }
                return Compiler.label(try value(&frame), codes, frame.vm.lang)
            }
        }
        error(argumentExpr.range, LabelMessages.notAColumn)
        return { _ in .null }
    }

    private func labelling(_ value: @escaping Eval, _ codes: CodeList) -> Eval {
        { frame in Compiler.label(try value(&frame), codes, frame.vm.lang) }
    }

    static func label(_ value: Value, _ codes: CodeList, _ lang: Lang) -> Value {
        guard case .text(let code) = value else { return value }
        return .text(codes.label(of: code, lang))
    }

    /// The code list of the column an origin names, found by following its path.
    func codeList(of origin: ColumnOrigin) -> CodeList? {
        guard var schema = vm.host?.table(named: origin.table)?.schema, let column = origin.path.last else { return nil }
        for name in origin.path.dropLast() {
            guard let next = referencedSchema(schema, name) else { return nil }
            schema = next
        }
        return schema.columnIndex[column].flatMap { schema.codes[$0] }
    }
}

extension Expr {
    func isName(_ name: String) -> Bool {
        if case .name(name) = kind { return true }
        return false
    }
}
