// `:help NAME` for the built-in functions: how each is called and what it gives, in both
// languages, with the same wording as the tables of docs/language.md ("Built-in functions").
// A test checks that this list and the interpreter's built-ins name the same functions, so a
// new built-in cannot ship without its help.
import VietText

struct BuiltinHelp: Sendable {
    let name: String
    let usage: String
    let summary: Localized

    init(_ name: String, _ usage: String, vi: String, en: String) {
        self.name = name
        self.usage = usage
        self.summary = Localized(vi: vi, en: en)
    }

    static let heading = Localized(vi: "Hàm có sẵn", en: "Built-in function")

    /// The help on `topic` ("round"), or nil when it is not a built-in.
    static func text(for topic: String, lang: Lang) -> String? {
        guard let entry = entries.first(where: { $0.name == topic }) else { return nil }
        return entry.usage + "    (" + heading(lang) + ")\n  " + entry.summary(lang) + "\n"
    }

    static let entries: [BuiltinHelp] = [
        // Core
        BuiltinHelp("print", "print(a, b, ...)", vi: "In các giá trị trên một dòng, cách nhau một dấu cách",
                    en: "Prints the values on one line, separated by spaces"),
        BuiltinHelp("type", "type(v)", vi: "Kiểu của giá trị, bằng tiếng Anh (\"integer\", \"text\", …)",
                    en: "The kind of value, as text (\"integer\", \"text\", …)"),
        BuiltinHelp("text", "text(v)", vi: "Giá trị dưới dạng văn bản, như print hiện nó",
                    en: "The value as print would show it"),
        BuiltinHelp("number", "number(t)", vi: "Văn bản thành số: number(\"2.5\")",
                    en: "Text to a number: number(\"2.5\")"),
        BuiltinHelp("len", "len(x)", vi: "Số ký tự của văn bản, số phần tử của danh sách, số trường của bản ghi, số dòng của bảng",
                    en: "Characters of a text, items of a list, fields of a record, rows of a table"),
        BuiltinHelp("keys", "keys(r)", vi: "Tên các trường của bản ghi hay dòng", en: "The field names of a record or row"),
        // Text
        BuiltinHelp("upper", "upper(t)", vi: "Chữ in hoa", en: "Capital letters"),
        BuiltinHelp("lower", "lower(t)", vi: "Chữ thường", en: "Small letters"),
        BuiltinHelp("trim", "trim(t)", vi: "Bỏ khoảng trắng ở hai đầu", en: "Without spaces at both ends"),
        BuiltinHelp("split", "split(t, sep)", vi: "Các đoạn giữa các dấu sep; không có sep: các từ",
                    en: "The pieces between each sep; without sep, the words"),
        BuiltinHelp("join", "join(xs, sep)", vi: "Các phần tử nối thành một văn bản, sep ở giữa",
                    en: "The items as one text, with sep between"),
        BuiltinHelp("replace", "replace(t, old, new)", vi: "Thay mọi chỗ old bằng new", en: "Every old replaced by new"),
        BuiltinHelp("contains", "contains(t, part)", vi: "part có trong t không (cũng dùng cho danh sách: contains(xs, v))",
                    en: "Whether part occurs in t (also for lists: contains(xs, v))"),
        BuiltinHelp("starts_with", "starts_with(t, p)", vi: "t có bắt đầu bằng p không", en: "Whether t starts with p"),
        BuiltinHelp("ends_with", "ends_with(t, s)", vi: "t có kết thúc bằng s không", en: "Whether t ends with s"),
        BuiltinHelp("fold", "fold(t)", vi: "Bỏ dấu, chữ thường: fold(\"Đảng ủy\") là \"dang uy\"",
                    en: "Without diacritics, in small letters: fold(\"Đảng ủy\") is \"dang uy\""),
        BuiltinHelp("slice", "slice(x, start, end)", vi: "Một phần của văn bản hay danh sách, từ start đến trước end",
                    en: "Part of a text or list, from start up to (not including) end"),
        BuiltinHelp("reverse", "reverse(x)", vi: "Văn bản hay danh sách theo thứ tự ngược lại", en: "A text or list backwards"),
        // Numbers
        BuiltinHelp("round", "round(x), round(x, digits)", vi: "Làm tròn thành số nguyên, hoặc đến digits chữ số thập phân",
                    en: "Rounded to a whole number, or to digits decimals"),
        BuiltinHelp("abs", "abs(x)", vi: "Giá trị tuyệt đối", en: "Without sign"),
        BuiltinHelp("floor", "floor(x)", vi: "Làm tròn xuống", en: "Rounded down"),
        BuiltinHelp("ceil", "ceil(x)", vi: "Làm tròn lên", en: "Rounded up"),
        BuiltinHelp("min", "min(a, b, ...), min(xs), min(xs, f)", vi: "Giá trị nhỏ nhất; f chọn số từ mỗi phần tử",
                    en: "The smallest; f picks the number from each item"),
        BuiltinHelp("max", "max(a, b, ...), max(xs), max(xs, f)", vi: "Giá trị lớn nhất; f chọn số từ mỗi phần tử",
                    en: "The largest; f picks the number from each item"),
        BuiltinHelp("sum", "sum(xs), sum(xs, f)", vi: "Tổng (bỏ qua null); sau group by: sum(e) trên các dòng của nhóm",
                    en: "The total (skipping null); after group by, sum(e) over each group's rows"),
        BuiltinHelp("avg", "avg(xs), avg(xs, f)", vi: "Trung bình (bỏ qua null); sau group by: avg(e) trên các dòng của nhóm",
                    en: "The average (skipping null); after group by, avg(e) over each group's rows"),
        // Dates
        BuiltinHelp("date", "date(\"2024-10-15\"), date(2024, 10, 15)", vi: "Một ngày", en: "A date"),
        BuiltinHelp("today", "today()", vi: "Ngày hôm nay", en: "Today's date"),
        BuiltinHelp("year", "year(d)", vi: "Năm của một ngày", en: "The year of a date"),
        BuiltinHelp("month", "month(d)", vi: "Tháng của một ngày", en: "The month of a date"),
        BuiltinHelp("day", "day(d)", vi: "Ngày trong tháng của một ngày", en: "The day of the month of a date"),
        BuiltinHelp("days_between", "days_between(a, b)", vi: "Số ngày từ a đến b", en: "Days from a to b"),
        // Lists
        BuiltinHelp("first", "first(xs)", vi: "Phần tử đầu tiên (null khi rỗng)", en: "The first item (null when empty)"),
        BuiltinHelp("last", "last(xs)", vi: "Phần tử cuối cùng (null khi rỗng)", en: "The last item (null when empty)"),
        BuiltinHelp("append", "append(xs, v)", vi: "Thêm v vào cuối xs (sửa ngay danh sách)", en: "Adds v at the end of xs (in place)"),
        BuiltinHelp("sort", "sort(xs), sort(xs, key)", vi: "Bản sao đã sắp xếp; key là hàm cho giá trị để sắp xếp",
                    en: "A sorted copy; key is a function giving what to sort by"),
        BuiltinHelp("map", "map(xs, f)", vi: "f áp dụng cho từng phần tử", en: "f applied to every item"),
        BuiltinHelp("filter", "filter(xs, f)", vi: "Các phần tử mà f cho true", en: "The items for which f is true"),
        BuiltinHelp("range", "range(n), range(a, b)", vi: "Các số 0..n-1 hoặc a..b-1", en: "The numbers 0..n-1 or a..b-1"),
        // Queries
        BuiltinHelp("count", "count(xs)", vi: "Số phần tử hay số dòng; sau group by: count() của mỗi nhóm",
                    en: "The number of items or rows; after group by, count() of each group"),
        BuiltinHelp("list", "list(x)", vi: "Các dòng của bảng, hoặc bản sao của danh sách, thành danh sách; sau group by: list(e)",
                    en: "The rows of a table, or a copy of a list, as a list; after group by, list(e)"),
        BuiltinHelp("columns", "columns(x)", vi: "Tên các cột của bảng, dòng, bản ghi hay danh sách bản ghi",
                    en: "The column names of a table, row, record or list of records"),
        BuiltinHelp("tables", "tables()", vi: "Tên các bảng", en: "The names of the tables"),
        // Reports
        BuiltinHelp("format_number", "format_number(x), format_number(x, digits)",
                    vi: "Số thành văn bản theo ngôn ngữ phiên (1.808; 2,50); digits: đúng bấy nhiêu chữ số thập phân",
                    en: "A number as text in the session's language (1,808; 2.50); digits: exactly that many decimals"),
        BuiltinHelp("format_percent", "format_percent(ratio), format_percent(ratio, digits)",
                    vi: "Tỉ lệ thành phần trăm, mặc định 1 chữ số thập phân (0.025 → 2,5%)",
                    en: "A ratio as a percentage, one decimal by default (0.025 → 2.5%)"),
        BuiltinHelp("format_date", "format_date(d)", vi: "Ngày thành văn bản: 15/10/2024 (vi), 15 Oct 2024 (en)",
                    en: "A date as text: 15/10/2024 (vi), 15 Oct 2024 (en)"),
        BuiltinHelp("label", "label(column)", vi: "Nhãn của một mã theo ngôn ngữ phiên: label(status) → Đã công nhận",
                    en: "The label of a coded value in the session's language: label(status) → Recognised"),
        BuiltinHelp("pivot", "pivot(rows, column_key, value_column), pivot(rows, column_key, value_column, true)",
                    vi: "Bảng chéo: mỗi giá trị của column_key thành một cột; true thêm cột và dòng tổng",
                    en: "A cross-tab: each value of column_key becomes a column; true adds a total column and row"),
        BuiltinHelp("totals", "totals(rows), totals(rows, columns)",
                    vi: "Các dòng và thêm một dòng tổng cộng của các cột số tính ra (hoặc các cột đã nêu)",
                    en: "The rows plus a total row summing the computed number columns (or the columns named)"),
        // Scripts
        BuiltinHelp("show", "show(v)", vi: "Hiện giá trị như phiên làm việc hiện nó (một bảng, một bản ghi), theo :mode",
                    en: "Shows the value as the session shows it (a table, a record), in the :mode"),
    ]

    /// The groups of `:help functions`, each named by the entry that opens it (the order of
    /// `entries` is the order of the groups).
    static let groupStarts: [String: Localized] = [
        "print": Localized(vi: "Cơ bản", en: "Core"), "upper": Localized(vi: "Văn bản", en: "Text"),
        "round": Localized(vi: "Số", en: "Numbers"), "date": Localized(vi: "Ngày", en: "Dates"),
        "first": Localized(vi: "Danh sách", en: "Lists"), "count": Localized(vi: "Truy vấn", en: "Queries"),
        "format_number": Localized(vi: "Báo cáo và định dạng", en: "Reports and formats"),
        "show": Localized(vi: "Tệp lệnh", en: "Scripts"),
    ]

    /// `:help functions`: every built-in with its one line, by group.
    static func overview(lang: Lang) -> String {
        var out = ""
        for entry in entries {
            if let group = groupStarts[entry.name] { out += (out.isEmpty ? "" : "\n") + group(lang) + ":\n" }
            out += "  " + entry.usage + "\n      " + entry.summary(lang) + "\n"
        }
        return out
    }
}
