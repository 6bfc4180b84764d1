// A small database for the adapter tests: a district, a few wards whose names differ only in
// their diacritics' places ("Phường Tân Hòa" / "Phường Tân Hoà"), fields and models. Each test
// gets its own file, so tests run in parallel without sharing state.
import DanVanDomain
import DanVanLang
import DanVanOutput
import DanVanREPL
import DanVanStore
import Foundation
import GRDB
import VietText

final class LanguageFixture {
    let directory: String
    let store: Store
    let host: DomainHost
    let interrupt = InterruptFlag()
    let evaluator: LanguageEvaluator

    init(lang: Lang = .en, options: WriteSession.Options = WriteSession.Options()) throws {
        directory = NSTemporaryDirectory() + "danvan-repl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try Store(path: directory + "/d.db")
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO fields (id, code, name, short_name) VALUES (1, 'KT', 'Kinh tế', 'KT'),
                    (2, 'QPAN', 'Quốc phòng - an ninh', 'QP-AN');
                INSERT INTO units (id, code, name, kind, level) VALUES (1, 'Q-DS', 'Quận Đông Sơn', 'district', 'district');
                INSERT INTO units (id, code, name, kind, level, parent) VALUES
                    (2, 'P-TH', 'Phường Tân Hòa', 'ward', 'commune', 1),
                    (3, 'P-TD', 'Phường Tân Định', 'ward', 'commune', 1),
                    (4, 'P-TH2', 'Phường Tân Hoà', 'ward', 'commune', 1),
                    (5, 'P-AB', 'Phường An Bình', 'ward', 'commune', 1),
                    (6, 'X-TP', 'Xã Tân Phú', 'commune', 'commune', 1),
                    (7, 'P-TD2', 'Phường Tân Định', 'ward', 'commune', 1);
                INSERT INTO models (id, code, title, kind, field, unit, year, hotspot) VALUES
                    (1, 'M1', 'Chủ nhật xanh', 'collective', 1, 2, 2024, 1),
                    (2, 'M2', 'Camera an ninh', 'collective', 2, 2, 2023, 0),
                    (3, 'M3', 'Cổng an ninh trật tự', 'individual', 2, 3, 2024, 0);
                """)
        }
        host = DomainHost(store: store, options: options)
        let host = self.host
        evaluator = LanguageEvaluator(host: host, lang: lang, interrupt: interrupt, beforeEvaluate: { host.invalidate() })
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Evaluates `text` as a prompt entry; returns the result and what it printed.
    @discardableResult
    func run(_ text: String, lang: Lang = .en, origin: SourceOrigin = .prompt(statement: 1)) -> (result: EvalResult, printed: String) {
        var printed = ""
        let result = evaluator.evaluate(EvalRequest(text: text, origin: origin, lang: lang) { printed += $0 })
        return (result, printed)
    }

    /// The table a result shows, or nil.
    func table(_ text: String, lang: Lang = .en) -> TableModel? {
        if case .value(.table(let model)) = run(text, lang: lang).result { return model }
        return nil
    }

    /// Completions at the end of `line`.
    func complete(_ line: String) -> CompletionList {
        evaluator.completions(line: line, cursor: line.count)
    }

    func offered(_ line: String) -> [String] { complete(line).items.map(\.display) }
}
