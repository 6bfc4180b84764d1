// `:help WORD` for the language itself: every pipeline stage, operator and statement word,
// in both languages, each with one example a learner can type. A test lists the stage words
// (`Token.stageWords`), the keywords (`Keyword.allCases`) and the operators (`Symbol`) and
// fails when one has no entry here, so a new word cannot ship without its help.
import DanVanLang
import VietText

struct SyntaxHelp: Sendable {
    let words: [String]
    let summary: Localized
    let example: String

    init(_ words: [String], vi: String, en: String, _ example: String) {
        self.words = words
        self.summary = Localized(vi: vi, en: en)
        self.example = example
    }

    static let exampleLabel = Localized(vi: "Ví dụ", en: "Example")

    /// The help on `topic` ("where", "~", "group by"), or nil when it is no language word.
    static func text(for topic: String, lang: Lang) -> String? {
        let word = topic == "group by" ? "group" : topic
        guard let entry = entries.first(where: { $0.words.contains(word) }) else { return nil }
        return entry.words.joined(separator: " ") + "\n  " + entry.summary(lang) + "\n  "
            + exampleLabel(lang) + ": " + entry.example + "\n"
    }

    static var topics: [String] { entries.flatMap(\.words) }

    static let entries: [SyntaxHelp] = stages + operators + statements

    static let stages: [SyntaxHelp] = [
        SyntaxHelp(["where"], vi: "Bước lọc: giữ các dòng mà điều kiện đúng (so sánh bằng ==)",
                   en: "Stage: keeps the rows for which the condition is true (compare with ==)",
                   "models | where year == 2024"),
        SyntaxHelp(["select"], vi: "Bước chọn cột: các cột hay biểu thức cần hiện, có thể đặt tên 'tên: biểu thức'",
                   en: "Stage: the columns or expressions to show, optionally named 'name: expression'",
                   "models | select code, title, year"),
        SyntaxHelp(["sort", "asc", "desc"], vi: "Bước sắp xếp theo một hay nhiều khóa; desc: giảm dần, asc: tăng dần",
                   en: "Stage: sorts by one or more keys; desc for descending, asc for ascending",
                   "models | sort year desc, title"),
        SyntaxHelp(["group", "by"], vi: "Bước nhóm: một dòng cho mỗi khóa, với count(), sum(e)… của nhóm",
                   en: "Stage: one row per key, with count(), sum(e)… of each group",
                   "models | group by year | select year, n: count()"),
        SyntaxHelp(["take"], vi: "Bước lấy N dòng đầu", en: "Stage: the first N rows", "models | sort year desc | take 5"),
        SyntaxHelp(["skip"], vi: "Bước bỏ N dòng đầu", en: "Stage: drops the first N rows", "models | skip 10 | take 10"),
        SyntaxHelp(["distinct"], vi: "Bước bỏ các dòng trùng nhau", en: "Stage: drops repeated rows",
                   "models | select year | distinct"),
        SyntaxHelp(["first"], vi: "Bước lấy dòng đầu tiên (null khi không có dòng nào)",
                   en: "Stage: the first row (null when there is none)", "models | where code == \"MH-001\" | first"),
        SyntaxHelp(["count"], vi: "Bước đếm số dòng", en: "Stage: the number of rows", "models | where year == 2024 | count"),
        SyntaxHelp(["expect"], vi: "Bước kiểm tra số dòng trước khi sửa; sai thì dừng, không sửa gì",
                   en: "Stage: checks the number of rows before a change; stops, changing nothing, when it is wrong",
                   "models | where code == \"MH-001\" | expect 1 | update year = 2024"),
        SyntaxHelp(["update"], vi: "Bước sửa: đặt giá trị mới cho một cột của các dòng (xem :dryrun)",
                   en: "Stage: sets a column of the rows to a new value (see :dryrun)",
                   "models | where code == \"MH-001\" | update year = 2024"),
        SyntaxHelp(["delete", "cascade"], vi: "Bước xóa các dòng; cascade: xóa cả các dòng phụ thuộc",
                   en: "Stage: deletes the rows; cascade also deletes the rows that depend on them",
                   "models | where code == \"MH-999\" | delete"),
    ]

    static let operators: [SyntaxHelp] = [
        SyntaxHelp(["+"], vi: "Cộng số; nối văn bản hay danh sách", en: "Adds numbers; joins texts or lists", "\"Hà \" + \"Nội\""),
        SyntaxHelp(["-"], vi: "Trừ, hay đổi dấu", en: "Subtracts, or negates", "10 - 3"),
        SyntaxHelp(["*"], vi: "Nhân", en: "Multiplies", "3 * 4"),
        SyntaxHelp(["/"], vi: "Chia (7 / 2 là 3.5)", en: "Divides (7 / 2 is 3.5)", "7 / 2"),
        SyntaxHelp(["%"], vi: "Phần dư của phép chia", en: "The remainder of a division", "7 % 2"),
        SyntaxHelp(["=="], vi: "Bằng nhau (so sánh; một dấu = là gán)", en: "Equal (comparison; a single = assigns)",
                   "models | where year == 2024"),
        SyntaxHelp(["!="], vi: "Khác nhau", en: "Not equal", "models | where year != 2024"),
        SyntaxHelp(["<"], vi: "Nhỏ hơn", en: "Less than", "models | where year < 2024"),
        SyntaxHelp(["<="], vi: "Nhỏ hơn hoặc bằng", en: "Less than or equal", "models | where year <= 2024"),
        SyntaxHelp([">"], vi: "Lớn hơn", en: "Greater than", "models | where year > 2022"),
        SyntaxHelp([">="], vi: "Lớn hơn hoặc bằng", en: "Greater than or equal", "models | where year >= 2022"),
        SyntaxHelp(["~"], vi: "Có chứa, không phân biệt dấu và hoa thường", en: "Contains, ignoring diacritics and case",
                   "models | where title ~ \"dan van\""),
        SyntaxHelp(["and"], vi: "Cả hai điều kiện đều đúng (không dùng &&)", en: "Both conditions are true (not &&)",
                   "models | where year == 2024 and title ~ \"xanh\""),
        SyntaxHelp(["or"], vi: "Một trong hai điều kiện đúng (không dùng ||)", en: "Either condition is true (not ||)",
                   "models | where year == 2023 or year == 2024"),
        SyntaxHelp(["not"], vi: "Đảo điều kiện (không dùng !)", en: "The opposite of a condition (not !)",
                   "models | where not (title ~ \"xanh\")"),
        SyntaxHelp(["|"], vi: "Đưa các dòng bên trái vào bước bên phải", en: "Passes the rows on its left to the stage on its right",
                   "models | where year == 2024 | count"),
        SyntaxHelp(["=", "=>"], vi: "= gán giá trị; => viết hàm ngắn: x => x * 2", en: "= assigns a value; => writes a short function: x => x * 2",
                   "let n = 1; map([1, 2], x => x * 2)"),
    ]

    static let statements: [SyntaxHelp] = [
        SyntaxHelp(["let"], vi: "Đặt một biến mới", en: "Defines a new variable", "let nam = 2024"),
        SyntaxHelp(["fn", "return"], vi: "Định nghĩa một hàm; return trả về giá trị của nó",
                   en: "Defines a function; return gives its value", "fn double(x) { return x * 2 }"),
        SyntaxHelp(["if", "else"], vi: "Chạy một khối khi điều kiện đúng, khối else khi sai",
                   en: "Runs a block when the condition is true, the else block when not",
                   "if n > 10 { print(\"nhiều\") } else { print(\"ít\") }"),
        SyntaxHelp(["while"], vi: "Lặp lại một khối khi điều kiện còn đúng", en: "Repeats a block while the condition is true",
                   "let i = 0; while i < 3 { print(i); i = i + 1 }"),
        SyntaxHelp(["for", "in"], vi: "Chạy khối cho từng phần tử của danh sách hay từng dòng",
                   en: "Runs the block for every item of a list or every row", "for m in models | take 3 { print(m.title) }"),
        SyntaxHelp(["break"], vi: "Thoát khỏi vòng lặp", en: "Leaves the loop", "for x in range(10) { if x == 3 { break } }"),
        SyntaxHelp(["continue"], vi: "Sang lượt tiếp theo của vòng lặp", en: "Goes on with the next round of the loop",
                   "for x in range(5) { if x % 2 == 0 { continue }; print(x) }"),
        SyntaxHelp(["true", "false", "null"], vi: "Đúng, sai, và không có giá trị", en: "True, false, and no value",
                   "models | where ended_on == null"),
        SyntaxHelp(["transaction"], vi: "Các thay đổi trong khối được lưu cùng nhau, hoặc không lưu gì khi có lỗi",
                   en: "The changes in the block are saved together, or none when one fails",
                   "transaction { models | where year == 2020 | update year = 2021 }"),
        SyntaxHelp(["insert"], vi: "Thêm một dòng (bản ghi) hay nhiều dòng (danh sách) vào một bảng",
                   en: "Adds a row (a record) or rows (a list) to a table", "insert units {code: \"DV-9\", name: \"Tổ 9\"}"),
        SyntaxHelp(["param"], vi: "Tham số của tệp lệnh, đặt khi chạy: danvan run tệp.dv --nam 2024",
                   en: "A script parameter, given when it runs: danvan run file.dv --nam 2024", "param nam: int = 2024"),
        SyntaxHelp(["import"], vi: "Dùng các hàm và biến của một tệp lệnh khác", en: "Uses the functions and values of another script",
                   "import \"chung.dv\""),
    ]
}
