// The messages of the lexer and the parser, in both languages. Tests match the English text.
import VietText

enum LexMessages {
    static let unexpectedCharacter = Localized(vi: "ký tự không hợp lệ '{0}'", en: "unexpected character '{0}'")
    static let invisibleCharacter = Localized(vi: "ký tự vô hình {0} ở đây (xóa nó đi)", en: "invisible character {0} here (delete it)")
    static let useAnd = Localized(vi: "DanVan viết 'and' thay cho '&&'", en: "DanVan writes 'and' for '&&'")
    static let useOr = Localized(vi: "DanVan viết 'or' thay cho '||'", en: "DanVan writes 'or' for '||'")
    static let useNot = Localized(vi: "DanVan viết 'not' thay cho '!' (và '!=' cho 'khác')",
                                  en: "DanVan writes 'not' for '!' (and '!=' for 'not equal')")
    static let useDoubleQuotes = Localized(vi: "văn bản viết trong dấu nháy kép: \"{0}\"",
                                           en: "text is written in double quotes: \"{0}\"")
    static let numberTooLarge = Localized(vi: "số quá lớn: {0}", en: "number too large: {0}")
    static let badEscape = Localized(
        vi: "ký tự thoát không hợp lệ '\\{0}' (dùng \\n \\t \\\" \\\\ \\{ \\})",
        en: "unknown escape '\\{0}' (use \\n \\t \\\" \\\\ \\{ \\})")
    static let unterminatedString = Localized(vi: "chuỗi chưa có dấu \" đóng", en: "unterminated string")
}

enum ParseMessages {
    static let unexpectedEnd = Localized(vi: "chương trình kết thúc đột ngột", en: "unexpected end of input")
    static let unexpectedToken = Localized(vi: "không mong đợi '{0}'", en: "unexpected '{0}'")
    static let expectedExpression = Localized(vi: "cần một biểu thức", en: "expected an expression")
    static let expectedCloseArguments = Localized(vi: "cần ')' sau các đối số", en: "expected ')' after arguments")
    static let expectedCloseParen = Localized(vi: "cần ')' để đóng '('", en: "expected ')' to close '('")
    static let expectedCloseList = Localized(vi: "cần ']' để đóng danh sách", en: "expected ']' to close the list")
    static let expectedCloseIndex = Localized(vi: "cần ']' sau chỉ số", en: "expected ']' after the index")
    static let expectedCloseRecord = Localized(vi: "cần '}' để đóng bản ghi", en: "expected '}' to close the record")
    static let expectedCloseBlock = Localized(vi: "cần '}' để đóng khối lệnh", en: "expected '}' to close the block")
    static let expectedBlock = Localized(vi: "cần '{' để mở khối lệnh", en: "expected '{' to start a block")
    static let expectedLetName = Localized(vi: "cần một tên sau 'let'", en: "expected a name after 'let'")
    static let expectedLetAssign = Localized(vi: "cần '=' sau tên biến", en: "expected '=' after the variable name")
    static let expectedFunctionName = Localized(vi: "cần tên hàm sau 'fn'", en: "expected a function name after 'fn'")
    static let expectedParams = Localized(vi: "cần '(' trước các tham số", en: "expected '(' before the parameters")
    static let expectedParam = Localized(vi: "cần tên tham số", en: "expected a parameter name")
    static let expectedCloseParams = Localized(vi: "cần ')' sau các tham số", en: "expected ')' after the parameters")
    static let expectedLoopName = Localized(vi: "cần tên biến sau 'for'", en: "expected a variable name after 'for'")
    static let expectedIn = Localized(vi: "cần 'in' sau biến của vòng lặp", en: "expected 'in' after the loop variable")
    static let expectedFieldName = Localized(vi: "cần tên trường sau '.'", en: "expected a field name after '.'")
    static let expectedRecordKey = Localized(vi: "cần tên trường trong bản ghi", en: "expected a field name in the record")
    static let expectedRecordColon = Localized(vi: "cần ':' sau tên trường", en: "expected ':' after the field name")
    static let expectedStage = Localized(
        vi: "cần một bước sau '|' (where, select, sort, group by, take, skip, distinct, first, count hoặc một hàm)",
        en: "expected a stage after '|' (where, select, sort, group by, take, skip, distinct, first, count or a function)")
    static let expectedUpdateColumn = Localized(
        vi: "cần tên cột sau 'update' (update cột = giá trị)", en: "expected a column name after 'update' (update column = value)")
    static let expectedUpdateAssign = Localized(
        vi: "cần '=' sau tên cột (update cột = giá trị)", en: "expected '=' after the column name (update column = value)")
    static let expectedDeleteEnd = Localized(
        vi: "sau 'delete' chỉ có thể là 'cascade' hoặc hết bước", en: "only 'cascade' or the end of the stage may follow 'delete'")
    static let expectedBy = Localized(vi: "cần 'by' sau 'group'", en: "expected 'by' after 'group'")
    static let selectNeedsName = Localized(
        vi: "hãy đặt tên cho cột này: 'tên: biểu thức'", en: "give this column a name: 'name: expression'")
    static let selectHeadingIsPlain = Localized(
        vi: "tiêu đề cột phải là chữ không rỗng, không có {…}: \"Số mô hình\": count()",
        en: "a column heading must be non-empty text without {…}: \"Models\": count()")
    static let sortByText = Localized(
        vi: "sắp xếp theo một đoạn chữ cố định thì không đổi thứ tự; để sắp xếp theo cột \"{0}\" hãy viết it[\"{0}\"]",
        en: "sorting by fixed text changes no order; to sort by the column \"{0}\" write it[\"{0}\"]")
    static let sortByConstant = Localized(
        vi: "sắp xếp theo một giá trị cố định thì không đổi thứ tự; hãy sắp xếp theo một cột hay biểu thức",
        en: "sorting by a constant changes no order; sort by a column or an expression")
    static let groupKeyNeedsName = Localized(
        vi: "khi nhóm theo nhiều khóa, hãy đặt tên cho khóa này: 'tên: biểu thức'",
        en: "with several group keys, give this key a name: 'name: expression'")
    static let sqlSelect = Localized(
        vi: "DanVan không dùng SELECT … FROM: hỏi bằng một đường ống, ví dụ models | where year == 2024 | select code, title",
        en: "DanVan has no SELECT … FROM: ask with a pipeline, e.g. models | where year == 2024 | select code, title")
    static let unexpectedAssign = Localized(
        vi: "không thể có '=' ở đây: để so sánh bằng, viết '=='",
        en: "unexpected '=': to compare, write '=='")
    static let compareWithDoubleEquals = Localized(
        vi: "để so sánh bằng, viết '=='; một dấu '=' là gán giá trị cho biến",
        en: "to compare, write '=='; a single '=' gives a variable a value")
    static let invalidAssignTarget = Localized(
        vi: "không thể gán vào đây; chỉ gán được cho tên biến, trường hoặc phần tử",
        en: "cannot assign to this; only a variable, a field or an item can be assigned")
    static let chainedComparison = Localized(
        vi: "không thể nối các phép so sánh; hãy dùng 'and'", en: "comparisons cannot be chained; use 'and'")
    static let tooDeep = Localized(
        vi: "lồng nhau quá sâu (tối đa {0} tầng)", en: "nesting too deep (at most {0} levels)")
    static let programTooLarge = Localized(
        vi: "chương trình quá lớn (tối đa {0} byte)", en: "program text too large (at most {0} bytes)")
}
