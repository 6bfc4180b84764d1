// Every help text of the `danvan` command line, in Vietnamese and English, grouped per
// command, and the language the help is shown in. The commands' `CommandConfiguration` and
// their @Option/@Argument/@Flag `help:` take their text from here; ArgumentParser's own words
// around them (headings, --help, usage errors) are translated by `ParserText`.
import ArgumentParser
import DanVanDemo
import Foundation
import VietText

/// The language of the help screens and usage errors: `--lang vi`/`--lang=vi` anywhere on the
/// command line, else LC_ALL, LC_MESSAGES, LANG (`Lang.resolve`), exactly as `--lang` is read
/// after parsing. It has to be a global computed before parsing because ArgumentParser reads
/// help strings from static configuration and property-wrapper initialisers, before any
/// parsed value exists; it never changes during the run, so a global constant is safe.
let helpLang: Lang = Lang.resolve(flag: HelpLanguage.langFlag(in: CommandLine.arguments),
                                  environment: CLIEnvironment.variables)

enum HelpLanguage {
    /// The value of the last `--lang X` or `--lang=X` before a `--` (after which everything is
    /// a positional argument, as ArgumentParser reads it), or nil. The last one wins, as it
    /// does for ArgumentParser's single-value options.
    static func langFlag(in arguments: [String]) -> String? {
        var value: String?
        var index = 1  // arguments[0] is the program
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang" {
                if index + 1 < arguments.count { value = arguments[index + 1] }
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
            index += 1
        }
        return value
    }
}

extension Localized {
    /// This text in the help language.
    var inHelpLang: String { self(helpLang) }

    /// This text in the help language as an option's help, with `valueName` shown for its value.
    func argumentHelp(valueName: Localized? = nil) -> ArgumentHelp {
        ArgumentHelp(self(helpLang), valueName: valueName.map { $0(helpLang) })
    }
}

enum HelpText {
    enum Root {
        static let abstract = Localized(
            vi: "DanVan: tra cứu, sửa và báo cáo dữ liệu của phong trào \"Dân vận khéo\".",
            en: "DanVan: query, fix and report on the \"Dân vận khéo\" movement's data.")
        static let discussion = Localized(
            vi: """
                Khi không có lệnh con, danvan mở phiên làm việc tương tác trên cơ sở dữ liệu \
                (gõ :help trong phiên để xem trợ giúp); khi đầu vào chuẩn không phải là terminal, \
                danvan chạy nội dung đầu vào đó như một kịch bản (script) và hiện giá trị của từng \
                biểu thức như trong phiên (--mode, --output như với run). danvan TỆP chạy một tệp \
                kịch bản như danvan run TỆP, nên một kịch bản mở đầu bằng #!/usr/bin/env danvan \
                chạy được trực tiếp. \
                Mã thoát: 0 thành công, 1 lỗi kịch bản, 2 sai cách dùng, 3 lỗi dữ liệu, \
                4 lỗi vào/ra (I/O), 130 bị ngắt.
                """,
            en: """
                With no subcommand, danvan opens the interactive session on the database (type :help there); \
                when standard input is not a terminal, it runs that input as a script and shows each \
                expression's value as the session would (--mode, --output as for run). danvan FILE runs \
                a script file like danvan run FILE, so a script starting with #!/usr/bin/env danvan runs by itself. \
                Exit codes: 0 success, 1 script error, 2 usage error, 3 data error, 4 I/O error, 130 interrupted.
                """)
    }

    /// The options every command that touches the database takes (`DatabaseOptions`).
    enum Database {
        static let db = Localized(
            vi: "Tệp cơ sở dữ liệu (mặc định: $DANVAN_DB, nếu không có thì ~/.local/share/danvan/danvan.db, tạo ở lần dùng đầu); chỉ init, demo và import --all tạo tệp mới.",
            en: "The database file (default: $DANVAN_DB, else ~/.local/share/danvan/danvan.db, made on first use); only init, demo and import --all make a new file.")
        static let lang = Localized(
            vi: "Ngôn ngữ của thông báo và trợ giúp: vi hoặc en (mặc định: theo LANG).",
            en: "The language of messages and help: vi or en (default: from LANG).")
    }

    /// The options of a session that may change data (`SessionOptions`).
    enum Session {
        static let readOnly = Localized(
            vi: "Mở cơ sở dữ liệu chỉ để đọc: mọi câu lệnh thay đổi dữ liệu đều bị từ chối.",
            en: "Open the database read-only: every statement that changes data is refused.")
        static let sandbox = Localized(
            vi: "Làm việc trên một bản sao của cơ sở dữ liệu; mọi thay đổi bị bỏ đi khi thoát, tệp thật không bị động tới.",
            en: "Work on a copy of the database; every change is discarded at exit and the real file is never touched.")
        static let user = Localized(
            vi: "Tên người thay đổi ghi vào nhật ký thay đổi (mặc định: tên đăng nhập của hệ điều hành).",
            en: "The name the change log records for changes (default: the operating system's user).")
        static let userValue = Localized(vi: "TÊN", en: "NAME")
        static let readOnlyAndSandbox = Localized(
            vi: "--read-only và --sandbox không dùng cùng nhau được (bản sao thử vốn không động tới tệp thật)",
            en: "--read-only and --sandbox cannot be used together (a sandbox never touches the real file anyway)")
        static let emptyUser = Localized(vi: "--user cần một tên", en: "--user needs a name")
        static let maxMemory = Localized(
            vi: "Giới hạn bộ nhớ, tính bằng MB (mặc định: 4096 hoặc nửa bộ nhớ máy nếu ít hơn): một văn bản hay danh sách quá lớn, hay chương trình dùng quá mức này, dừng với một lỗi.",
            en: "The memory limit in MB (default: 4096, or half the machine's memory when less): a text or list too large, or a program using more than this, stops with an error.")
        static let timeout = Localized(
            vi: "Dừng kịch bản sau chừng này giây, với một lỗi (mặc định: không giới hạn; không áp dụng cho phiên tương tác).",
            en: "Stop the script after this many seconds, with an error (default: no limit; not for the interactive session).")
        static let megabytes = Localized(vi: "MB", en: "MB")
        static let seconds = Localized(vi: "GIÂY", en: "SECONDS")
        static let badMaxMemory = Localized(
            vi: "--max-memory cần một số MB từ 16 trở lên", en: "--max-memory needs a number of MB, 16 or more")
        static let badTimeout = Localized(
            vi: "--timeout cần một số giây không âm", en: "--timeout needs a number of seconds, 0 or more")
        static let timeoutInSession = Localized(
            vi: "--timeout dành cho kịch bản (danvan run, danvan eval, dữ liệu đưa vào qua ống); trong phiên làm việc tương tác, Ctrl-C dừng một lệnh",
            en: "--timeout is for scripts (danvan run, danvan eval, piped input); in the interactive session Ctrl-C stops an entry")
        static let notForCommand = Localized(
            vi: "{0} không dùng được với 'danvan {1}' (chỉ dùng với {2} và phiên làm việc tương tác)",
            en: "{0} does not apply to 'danvan {1}' (it is for {2} and the interactive session)")
        static let dryRun = Localized(
            vi: "Chạy thử: chạy hết, in ra những gì sẽ thay đổi, rồi không lưu gì.",
            en: "Dry run: run everything, print what would change, then keep nothing.")
    }

    enum Run {
        static let abstract = Localized(vi: "Chạy một tệp kịch bản (script) DanVan.",
                                        en: "Run a DanVan script file.")
        static let discussion = Localized(
            vi: """
                Giá trị của từng biểu thức ở cấp ngoài cùng được hiện như trong phiên làm việc \
                (show(v) cũng vậy; print in văn bản thường). Tham số khai báo bằng param được cho \
                giá trị bằng --set TÊN=GIÁ_TRỊ; danvan run TỆP --help liệt kê chúng; thiếu hay sai \
                một tham số là lỗi cách dùng (mã thoát 2). \
                Lỗi được báo theo dạng TỆP:DÒNG:CỘT: lỗi: thông báo, kèm dòng mã nguồn và dấu ^ chỉ chỗ sai. \
                Cả kịch bản là một giao dịch: nếu nó lỗi giữa chừng thì không có gì thay đổi. Mỗi lần \
                thay đổi được lưu có một dòng trên đầu ra lỗi chuẩn (stderr) nêu số của nó (xem danvan changes, danvan undo).
                """,
            en: """
                Each top-level expression's value is shown as the session shows it (so is show(v); \
                print writes plain text). Parameters declared with param get their values from \
                --set NAME=VALUE; danvan run FILE --help lists them; a missing or wrong parameter \
                is a usage error (exit code 2). \
                Errors are reported as FILE:LINE:COL: error: message, with the source line and a caret. \
                The whole script is one transaction: when it fails halfway nothing is changed. Each change \
                set it saves is named by one line on standard error (see danvan changes, danvan undo).
                """)
        static let file = Localized(vi: "Tệp kịch bản (.dv).", en: "The script file (.dv).")
        static let noTransaction = Localized(
            vi: "Lưu ngay từng câu lệnh thay đổi dữ liệu thay vì cả kịch bản một lần (khối transaction { } vẫn đi chung).",
            en: "Save each statement that changes data at once instead of the whole script as one (transaction { } blocks still go together).")
    }

    enum Eval {
        static let abstract = Localized(vi: "Chạy một đoạn mã DanVan.", en: "Run a snippet of DanVan code.")
        static let code = Localized(vi: "Đoạn mã cần chạy, ví dụ 'models | count'.",
                                    en: "The code to run, e.g. 'models | count'.")
    }

    enum Changes {
        static let abstract = Localized(
            vi: "Liệt kê các lần thay đổi dữ liệu, hoặc cho xem một lần (các dòng, giá trị trước → sau).",
            en: "List the change sets of the data, or show one (its rows, values before → after).")
        static let discussion = Localized(
            vi: """
                Mỗi lần thay đổi được lưu (một câu lệnh trong phiên làm việc, một kịch bản, một lần hoàn tác) \
                ghi lại lúc nào (giờ UTC), ai, từ đâu, câu lệnh, và giá trị trước và sau của từng dòng. \
                danvan undo ID hoàn tác một lần thay đổi.
                """,
            en: """
                Every saved change set (an entry in the session, a script, an undo) records when (UTC), \
                who, from where, the statement, and each row's values before and after. \
                danvan undo ID reverts one.
                """)
        static let id = Localized(vi: "Số của lần thay đổi cần xem (12 hoặc #12).",
                                  en: "The change set to show (12 or #12).")
        static let since = Localized(vi: "Chỉ những lần từ ngày này trở đi (YYYY-MM-DD, theo giờ UTC).",
                                     en: "Only change sets on or after this day (YYYY-MM-DD, UTC).")
        static let table = Localized(vi: "Chỉ những lần có thay đổi bảng này (tên hoặc bí danh tiếng Việt).",
                                     en: "Only change sets that changed this table (its name or Vietnamese alias).")
        static let limit = Localized(
            vi: "Số lần thay đổi gần nhất được liệt kê (mặc định 20); khi xem một lần: số dòng hiện cho mỗi bảng và thao tác (mặc định 10).",
            en: "How many of the latest change sets to list (default 20); when showing one: rows shown per table and action (default 10).")
        static let dateValue = Localized(vi: "NGÀY", en: "DATE")
        static let tableValue = Localized(vi: "BẢNG", en: "TABLE")
    }

    enum Undo {
        static let abstract = Localized(
            vi: "Hoàn tác một lần thay đổi, bằng một lần thay đổi mới (cũng được ghi lại và hoàn tác được).",
            en: "Undo a change set, as a new change set (logged, and itself undoable).")
        static let discussion = Localized(
            vi: """
                Các dòng được trả về đúng giá trị trước lần thay đổi đó. Nếu có dòng đã bị thay đổi tiếp \
                sau đó, lệnh từ chối, nêu tên các dòng đó, và không thay đổi gì (mã thoát 1).
                """,
            en: """
                Rows get back exactly the values they had before that change set. When a row has been \
                changed again since, undo refuses, names the rows, and changes nothing (exit code 1).
                """)
        static let id = Localized(vi: "Số của lần thay đổi cần hoàn tác (12 hoặc #12).",
                                  en: "The change set to undo (12 or #12).")
    }

    enum Explain {
        static let abstract = Localized(
            vi: "Cho biết một truy vấn chạy thế nào (SQL, giá trị gắn vào, chỉ mục, bước chạy trong bộ nhớ), không chạy nó.",
            en: "Show how a query runs (its SQL, bound values, indexes, stages in memory) without running it.")
        static let code = Localized(vi: "Đoạn mã, ví dụ 'models | where year == 2024 | count'.",
                                    en: "The code, e.g. 'models | where year == 2024 | count'.")
    }

    enum Init {
        static let abstract = Localized(vi: "Tạo một cơ sở dữ liệu mới, rỗng.",
                                        en: "Create a new, empty database.")
        static let discussion = Localized(
            vi: """
                Tệp được tạo với lược đồ hiện hành (cùng các thư mục còn thiếu); một tệp đã có và \
                không rỗng thì không bị động tới (mã thoát 3). Các lệnh tra cứu (eval, run, export, \
                phiên làm việc) không tự tạo cơ sở dữ liệu, trừ tệp mặc định.
                """,
            en: """
                The file is made with the current schema (and any missing folders); an existing \
                non-empty file is left alone (exit code 3). Queries (eval, run, export, the \
                session) never create a database, except the default file.
                """)
        static let file = Localized(
            vi: "Tệp cần tạo (mặc định: --db, $DANVAN_DB, nếu không có thì ~/.local/share/danvan/danvan.db).",
            en: "The file to create (default: --db, $DANVAN_DB, else ~/.local/share/danvan/danvan.db).")
    }

    enum Demo {
        static let abstract = Localized(vi: "Tạo bộ dữ liệu mẫu (một thành phố hư cấu, 2009–2025).",
                                        en: "Create the demo data set (a fictional city, 2009-2025).")
        static let discussion = Localized(
            vi: """
                Cùng hạt giống ngẫu nhiên (seed) và quy mô thì luôn cho ra đúng những dòng như nhau. \
                Cơ sở dữ liệu phải mới hoặc rỗng; --force xóa cơ sở dữ liệu DanVan đang có trước.
                """,
            en: """
                The same seed and scale always give the same rows. The database must be new or empty; \
                --force deletes an existing DanVan database first.
                """)
        /// {0}: the largest scale (`DemoOptions.maxScale`).
        static let scale = Localized(
            vi: "Quy mô: 1 là thành phố như thật (khoảng 3.000 mô hình); N cho khoảng gấp N lần (1–{0}).",
            en: "Size: 1 is the realistic city (about 3,000 models); N makes about N times as much (1-{0}).")
        static let seed = Localized(vi: "Hạt giống ngẫu nhiên (seed) của mọi lựa chọn ngẫu nhiên.",
                                    en: "The seed of every random choice.")
        static let force = Localized(vi: "Xóa trước cơ sở dữ liệu DanVan đang có ở đường dẫn đó.",
                                     en: "Delete an existing DanVan database at the path first.")

        /// The scale's help with the largest scale written as numbers are in `helpLang`.
        static var scaleHelp: String { scale(helpLang, VietFormat.integer(DemoOptions.maxScale, helpLang)) }
    }

    enum Export {
        static let abstract = Localized(vi: "Xuất một bảng, hoặc mọi bảng, ra CSV (UTF-8, RFC 4180).",
                                        en: "Write a table, or every table, as CSV (UTF-8, RFC 4180).")
        static let discussion = Localized(
            vi: """
                Các cột theo thứ tự của danh mục, mang tên cột (--header vi: bí danh tiếng Việt \
                của cột), các dòng theo thứ tự id, mỗi bản ghi kết thúc bằng CRLF. Các cột suy ra \
                (khóa tìm kiếm, full_name) không được xuất: cơ sở dữ liệu tự tính lại khi nhập. \
                NULL là một trường rỗng, còn văn bản rỗng được ghi là "" (có ngoặc kép), để \
                `danvan import` phân biệt được hai trường hợp. Tệp bắt đầu bằng dấu thứ tự byte \
                (BOM) UTF-8 để Excel hiển thị đúng tiếng Việt; --no-bom bỏ dấu này. Văn bản bắt                 đầu bằng =, +, -, @, tab hoặc CR (mà bảng tính sẽ chạy như công thức) được thêm                 một dấu ' ở đầu; `danvan import` bỏ dấu này đi; --raw ghi văn bản nguyên như đã lưu.
                """,
            en: """
                Columns come in catalog order under their names (--header vi: their Vietnamese \
                aliases), rows in id order, records end with CRLF. Derived columns (search keys, \
                full_name) are left out: the store recomputes them on import. A NULL is an empty \
                field and empty text is written "" (quoted), so that `danvan import` can tell the \
                two apart. The file starts with a UTF-8 byte order mark so that Excel shows \
                Vietnamese correctly; --no-bom leaves it out. A text that starts with =, +, -, @,                 tab or CR (which a spreadsheet would run as a formula) gets a leading '; `danvan                 import` takes it off again; --raw writes every text as stored.
                """)
        static let table = Localized(vi: "Bảng: tên bảng hoặc bí danh tiếng Việt (units, don_vi).",
                                     en: "The table: its name or Vietnamese alias (units, don_vi).")
        static let all = Localized(vi: "Ghi mọi bảng, mỗi bảng một tệp THƯ_MỤC/BẢNG.csv.",
                                   en: "Write every table to DIR/TABLE.csv.")
        static let output = Localized(vi: "Tệp cần ghi (mặc định: đầu ra chuẩn).",
                                      en: "The file to write (default: standard output).")
        static let noBOM = Localized(vi: "Không ghi dấu thứ tự byte (BOM) UTF-8 ở đầu tệp.",
                                     en: "Do not start the file with a UTF-8 byte order mark.")
        static let header = Localized(vi: "Dòng tiêu đề: names (tên cột) hoặc vi (bí danh tiếng Việt).",
                                      en: "Header row: names (column names) or vi (Vietnamese aliases).")
        static let raw = Localized(vi: "Ghi văn bản nguyên như đã lưu, không thêm dấu ' trước văn bản giống công thức.",
                                   en: "Write texts as stored, without the ' before a text that starts like a formula.")
    }

    enum Import {
        static let abstract = Localized(
            vi: "Nạp một tệp CSV vào một bảng, hoặc cả một thư mục do `export --all` tạo ra; nhập hết hoặc không nhập gì.",
            en: "Load a CSV file into a table, or a whole `export --all` directory; all or nothing.")
        static let discussion = Localized(
            vi: """
                Dòng tiêu đề ghi tên các cột (tên cột hoặc bí danh tiếng Việt, chữ hoa hay chữ \
                thường, có dấu hay không dấu đều được); tệp không có cột id thì các dòng được cấp \
                id mới. Tham chiếu là một id hoặc, với các bảng có mã, là mã (P-TH-01). Trường \
                rỗng là NULL, "" là văn bản rỗng. Ngày viết YYYY-MM-DD hoặc dd/mm/yyyy; giá trị \
                đúng/sai viết 0/1, true/false hoặc có/không. Mọi dòng sai đều được báo (20 dòng \
                đầu, rồi tổng số) và không có gì được nhập. Văn bản của một bảng được chuẩn hóa \
                sang NFC, trừ khi có --exact; --all khôi phục bản xuất đúng từng byte, trừ khi có \
                --normalize. Dấu ' mà `danvan export` thêm trước văn bản giống công thức (=, +,                 -, @, tab, CR) được bỏ đi, trừ khi có --raw.

                Không có --append hay --update, lệnh chỉ nạp vào một bảng còn trống. --append \
                thêm các dòng của tệp vào một bảng đã có dữ liệu; --update sửa các dòng đã có, \
                tìm theo id hoặc theo mã (khi tệp không có cột id), chỉ ở các cột có trong tệp; \
                dòng không khớp dòng nào là lỗi. Cả hai được kiểm tra theo cùng quy tắc với các \
                lệnh sửa dữ liệu trong ngôn ngữ, ghi vào nhật ký thay đổi thành một lần thay \
                đổi (danvan undo hoàn tác được); --dry-run cho xem trước những gì sẽ thay đổi \
                mà không thay đổi gì.
                """,
            en: """
                The header row names the columns (names or Vietnamese aliases, any case, with or \
                without diacritics); a file without an id column gets new ids. References are an \
                id or, for tables with codes, a code (P-TH-01). An empty field is NULL, "" is empty \
                text. Dates may be YYYY-MM-DD or dd/mm/yyyy; booleans 0/1, true/false or có/không. \
                Every bad row is reported (the first 20, then a count) and nothing is imported. \
                A single table's text is normalised to NFC unless --exact; --all restores an export \
                byte for byte unless --normalize. The ' that `danvan export` puts before a text                 that starts like a formula (=, +, -, @, tab, CR) is taken off, unless --raw.

                Without --append or --update, a table is only loaded when it is empty. --append \
                adds the file's rows to a table that has rows; --update changes rows that are \
                there, found by id or by code (when the file has no id column), in the file's \
                columns only; a row that matches nothing is an error. Both are checked by the same \
                rules as the language's writes and logged as one change set (danvan undo reverts \
                it); --dry-run shows what would change and changes nothing.
                """)
        static let table = Export.table
        static let file = Localized(vi: "Tệp CSV cần nạp.", en: "The CSV file to load.")
        static let all = Localized(vi: "Nạp mọi tệp BẢNG.csv của một thư mục xuất.",
                                   en: "Load every TABLE.csv of an export directory.")
        static let raw = Localized(vi: "Giữ dấu ' ở đầu văn bản giống công thức (tệp xuất bằng export --raw).",
                                   en: "Keep a ' before a text that starts like a formula (a file from export --raw).")
        static let exact = Localized(vi: "Giữ nguyên văn bản từng byte thay vì chuẩn hóa sang NFC (một bảng).",
                                     en: "Keep text byte for byte instead of normalising it to NFC (one table).")
        static let normalize = Localized(vi: "Chuẩn hóa văn bản sang NFC (dùng với --all, vốn khôi phục nguyên văn).",
                                         en: "Normalise text to NFC (with --all, which otherwise restores it exactly).")
        static let append = Localized(
            vi: "Thêm các dòng của tệp vào một bảng đã có dữ liệu (id trong tệp phải là id mới); ghi nhật ký, hoàn tác được.",
            en: "Add the file's rows to a table that has rows (ids in the file must be new); logged, can be undone.")
        static let update = Localized(
            vi: "Sửa các dòng đã có, tìm theo id (hoặc theo mã khi tệp không có cột id); chỉ sửa các cột có trong tệp; ghi nhật ký, hoàn tác được.",
            en: "Change rows that are there, found by id (or by code when the file has no id column); only the file's columns change; logged, can be undone.")
    }

    /// The value name of `--all` in export and import.
    static let directory = Localized(vi: "THƯ_MỤC", en: "DIR")
}
