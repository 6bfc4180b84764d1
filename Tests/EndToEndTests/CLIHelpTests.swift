// The command line in both languages, through the built binary: help screens (ours and
// ArgumentParser's own words) follow LANG/LC_ALL or --lang, usage errors keep exit code 2 in
// either language, and the summaries of export, import and demo group digits as each
// language writes numbers ("25.212" in Vietnamese, "25,212" in English).
import Foundation
import Testing

@Suite struct CLIHelpTests {
    static let vietnamese = ["LANG": "vi_VN.UTF-8"]
    static let english = ["LANG": "C.UTF-8"]

    // MARK: - Help screens

    @Test func rootHelpFollowsLANG() throws {
        let vi = try Self.danvan(["--help"], environment: Self.vietnamese)
        #expect(vi.status == 0)
        #expect(vi.stderr.isEmpty)
        let viText = Self.flat(vi.stdout)
        #expect(viText.hasPrefix("MÔ TẢ: DanVan: tra cứu, sửa và báo cáo dữ liệu"))
        // The discussion: what danvan does with no subcommand, and the exit codes.
        #expect(viText.contains("Khi không có lệnh con, danvan mở phiên làm việc tương tác"))
        #expect(viText.contains("Mã thoát: 0 thành công, 1 lỗi kịch bản, 2 sai cách dùng, 3 lỗi dữ liệu"))
        #expect(viText.contains("TÙY CHỌN:") && viText.contains("LỆNH CON:"))
        #expect(viText.contains("Hiện trợ giúp này."))
        #expect(viText.contains("demo Tạo bộ dữ liệu mẫu"))
        Self.expectNoEnglishFraming(vi.stdout)

        let en = try Self.danvan(["--help"], environment: Self.english)
        #expect(en.status == 0)
        let enText = Self.flat(en.stdout)
        #expect(enText.hasPrefix("OVERVIEW: DanVan: query, fix and report on"))
        #expect(enText.contains("With no subcommand, danvan opens the interactive session"))
        #expect(enText.contains("Exit codes: 0 success, 1 script error, 2 usage error, 3 data error"))
        #expect(enText.contains("OPTIONS:") && enText.contains("Show help information."))
        #expect(!enText.contains("tra cứu"))
    }

    @Test func lcAllOutranksLANG() throws {
        let result = try Self.danvan(["--help"], environment: ["LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"])
        #expect(result.status == 0)
        #expect(Self.flat(result.stdout).hasPrefix("MÔ TẢ: DanVan: tra cứu"))
    }

    @Test(arguments: [["--help", "--lang", "vi"], ["--lang=vi", "--help"], ["--lang", "en", "--lang", "vi", "--help"]])
    func langFlagOverridesLANG(arguments: [String]) throws {
        let result = try Self.danvan(arguments, environment: ["LANG": "en_US.UTF-8"])
        #expect(result.status == 0)
        #expect(Self.flat(result.stdout).hasPrefix("MÔ TẢ: DanVan: tra cứu"))
    }

    @Test func langEnOverridesVietnameseLANG() throws {
        let result = try Self.danvan(["--help", "--lang", "en"], environment: Self.vietnamese)
        #expect(result.status == 0)
        #expect(Self.flat(result.stdout).hasPrefix("OVERVIEW: DanVan: query, fix"))
    }

    @Test func demoHelpInBothLanguages() throws {
        let vi = try Self.danvan(["demo", "--help", "--lang", "vi"], environment: Self.english)
        #expect(vi.status == 0)
        let viText = Self.flat(vi.stdout)
        #expect(viText.hasPrefix("MÔ TẢ: Tạo bộ dữ liệu mẫu (một thành phố hư cấu, 2009–2025)."))
        #expect(viText.contains("Cùng hạt giống ngẫu nhiên (seed) và quy mô"))
        #expect(viText.contains("CÁCH DÙNG: danvan demo"))
        #expect(viText.contains("--scale <scale> Quy mô: 1 là thành phố"))
        // The largest scale and the defaults, written as Vietnamese writes numbers.
        #expect(viText.contains("(1–1.000)"))
        #expect(viText.contains("(mặc định: 2024)"))
        #expect(viText.contains("--force Xóa trước cơ sở dữ liệu DanVan"))
        Self.expectNoEnglishFraming(vi.stdout)

        let en = try Self.danvan(["demo", "--help", "--lang", "en"], environment: Self.vietnamese)
        #expect(en.status == 0)
        let enText = Self.flat(en.stdout)
        #expect(enText.hasPrefix("OVERVIEW: Create the demo data set"))
        #expect(enText.contains("(1-1,000)"))
        #expect(enText.contains("(default: 2024)"))
    }

    /// Every subcommand's help, asked for both ways (`X --help` and `help X`), is Vietnamese
    /// under a Vietnamese LANG and differs from the English one.
    @Test(arguments: ["run", "eval", "demo", "export", "import"])
    func subcommandHelpIsVietnamese(subcommand: String) throws {
        let vi = try Self.danvan([subcommand, "--help"], environment: Self.vietnamese)
        let viaHelp = try Self.danvan(["help", subcommand], environment: Self.vietnamese)
        let en = try Self.danvan([subcommand, "--help"], environment: Self.english)
        for result in [vi, viaHelp, en] { #expect(result.status == 0) }
        #expect(vi.stdout == viaHelp.stdout)
        #expect(vi.stdout.hasPrefix("MÔ TẢ: "))
        #expect(Self.flat(vi.stdout).contains("CÁCH DÙNG: danvan \(subcommand)"))
        Self.expectNoEnglishFraming(vi.stdout)
        #expect(en.stdout.hasPrefix("OVERVIEW: "))
        let viAbstract = vi.stdout.split(separator: "\n").first.map { $0.dropFirst("MÔ TẢ: ".count) }
        let enAbstract = en.stdout.split(separator: "\n").first.map { $0.dropFirst("OVERVIEW: ".count) }
        #expect(viAbstract != nil && viAbstract != enAbstract)
    }

    @Test func versionPrintsTheVersionInEitherLanguage() throws {
        let vi = try Self.danvan(["--version"], environment: Self.vietnamese)
        let en = try Self.danvan(["--version"], environment: Self.english)
        #expect(vi.status == 0 && en.status == 0)
        #expect(vi.stdout == en.stdout)
        #expect(vi.stdout.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+\n/) != nil)
    }

    // MARK: - Usage errors

    @Test func usageErrorsExitTwoInBothLanguages() throws {
        let vi = try Self.danvan(["run"], environment: Self.vietnamese)
        #expect(vi.status == 2)
        #expect(vi.stdout.isEmpty)
        #expect(vi.stderr.hasPrefix("Lỗi: thiếu đối số '<file>'\n"))
        #expect(vi.stderr.contains("Trợ giúp:  <file>  Tệp kịch bản (.dv).\n"))
        #expect(vi.stderr.contains("Cách dùng: danvan run [<options>] <file>"))
        #expect(vi.stderr.contains("  Xem 'danvan run --help' để biết thêm.\n"))

        let en = try Self.danvan(["run"], environment: Self.english)
        #expect(en.status == 2)
        #expect(en.stderr.hasPrefix("Error: Missing expected argument '<file>'\n"))
        #expect(en.stderr.contains("Usage: danvan run [<options>] <file>"))

        let unknown = try Self.danvan(["--bogus", "--lang", "vi"], environment: Self.english)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("Lỗi: không có tùy chọn '--bogus'\n"))
        #expect(unknown.stderr.contains("Cách dùng: danvan [--db <db>] [--lang <lang>] [--read-only] [--sandbox] [--user <TÊN>] [--max-memory <MB>] [--timeout <GIÂY>] <lệnh-con>"))

        let suggestion = try Self.danvan(["export", "--al", "x"], environment: Self.vietnamese)
        #expect(suggestion.status == 2)
        #expect(suggestion.stderr.hasPrefix("Lỗi: không có tùy chọn '--al'; có phải ý bạn là '--all'?\n"))

        // DanVan's own validation, already bilingual, keeps its text under the Vietnamese framing.
        let validation = try Self.danvan(["export"], environment: Self.vietnamese)
        #expect(validation.status == 2)
        #expect(validation.stderr.hasPrefix("Lỗi: hãy ghi tên bảng cần xuất, hoặc --all THƯ_MỤC\n"))
        #expect(validation.stderr.contains("[--all <THƯ_MỤC>]"))
    }

    // MARK: - Summaries

    @Test func exportAndImportSummariesGroupDigits() throws {
        let database = try DemoDatabase.path()
        let scratch = try ScratchDirectory("help-export")
        defer { scratch.remove() }
        let viDirectory = scratch.path + "/vi"
        let vi = try Self.danvan(["export", "--all", viDirectory, "--db", database, "--lang", "vi"],
                                 environment: Self.english)
        #expect(vi.status == 0, "\(vi.stderr)")

        // The expected numbers come from the database itself, not from the summary.
        let tables = try FileManager.default.contentsOfDirectory(atPath: viDirectory)
            .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(".csv".count)) }.sorted()
        #expect(tables.count > 1)
        let total = try Self.rowTotal(database: database, tables: tables)
        #expect(total >= 1000, "the demo data should be large enough to need a thousands separator")
        #expect(vi.stdout == "Đã xuất \(tables.count) bảng (\(Self.grouped(total, ".")) dòng) vào thư mục \(viDirectory).\n")

        let enDirectory = scratch.path + "/en"
        let en = try Self.danvan(["export", "--all", enDirectory, "--db", database], environment: Self.english)
        #expect(en.status == 0)
        #expect(en.stdout == "Exported \(tables.count) tables (\(Self.grouped(total, ",")) rows) to \(enDirectory).\n")

        let imported = try Self.danvan(["import", "--all", viDirectory, "--db", scratch.path + "/copy.db"],
                                       environment: Self.vietnamese)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Đã nhập \(Self.grouped(total, ".")) dòng vào \(tables.count) bảng.\n")
    }

    @Test func demoReportsItsTimeWithADecimalComma() throws {
        let scratch = try ScratchDirectory("help-demo")
        defer { scratch.remove() }
        let path = scratch.path + "/d.db"
        let result = try Self.danvan(["demo", "--db", path], environment: Self.vietnamese)
        #expect(result.status == 0, "\(result.stderr)")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.wholeMatch(of: /Xong sau [0-9]+(,[0-9])? giây: .+/) != nil, "\(last)")
        #expect(last.hasSuffix(path))
    }

    // MARK: - Helpers

    static func danvan(_ arguments: [String], environment: [String: String]) throws -> ProcessResult {
        try ProcessRunner.run(try BuiltProducts.path("danvan"), arguments, environment: environment)
    }

    /// `text` with each run of whitespace as one space: ArgumentParser wraps help to the
    /// terminal's width, so a phrase may be split over lines.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// ArgumentParser's English headings and flag help must not survive in a Vietnamese help screen.
    static func expectNoEnglishFraming(_ help: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for english in ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show help information",
                        "Show the version", "default:", "<subcommand>", "See '"] {
            #expect(!help.contains(english), "\(english) left in:\n\(help)", sourceLocation: sourceLocation)
        }
    }

    /// `value` with its digits grouped by three with `separator`.
    static func grouped(_ value: Int, _ separator: String) -> String {
        let digits = Array(String(value))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text += separator }
            text.append(digit)
        }
        return text
    }

    /// The rows of `tables` in `database`, counted by the sqlite3 shell.
    static func rowTotal(database: String, tables: [String]) throws -> Int {
        let query = "SELECT " + tables.map { "(SELECT count(*) FROM \"\($0)\")" }.joined(separator: " + ") + ";"
        let result = try ProcessRunner.run(try executable("sqlite3"), ["-readonly", database, query])
        guard result.status == 0, let total = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError.toolFailed(command: "sqlite3 \(query)", status: result.status, output: result.stderr)
        }
        return total
    }

    /// `name` found on PATH (scripts/deps installs sqlite3).
    static func executable(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw HarnessError.missingProduct(name: name, directory: path)
    }
}
