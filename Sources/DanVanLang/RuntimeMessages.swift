// The messages of the runtime and the compiler, in both languages. Tests match the English text.
import VietText

enum RuntimeMessages {
    static let integerOverflow = Localized(vi: "tràn số nguyên", en: "integer overflow")
    static let divisionByZero = Localized(vi: "chia cho 0", en: "division by zero")
    static let resultTooLarge = Localized(
        vi: "kết quả quá lớn, vượt quá giới hạn của một số", en: "the result is too large for a number")
    static let tooLongToPrint = Localized(
        vi: "giá trị quá dài để in (văn bản in ra sẽ dài hơn {0})",
        en: "the value is too long to print (its text would be longer than {0})")
    static let notANumberKey = Localized(
        vi: "một số không xác định (NaN) không thể làm khóa của 'group by' hay 'sort'",
        en: "a number that is not a number (NaN) cannot be a key of 'group by' or 'sort'")
    static let resultNotANumber = Localized(vi: "kết quả không phải là một số", en: "the result is not a number")
    static let badOperands = Localized(vi: "không thể dùng '{0}' với {1} và {2}", en: "cannot apply '{0}' to {1} and {2}")
    static let textJoinHint = Localized(
        vi: "để đưa một giá trị vào văn bản, hãy viết \"...\\{x\\}...\"",
        en: "to put a value into text, write \"...\\{x\\}...\"")
    static let badOperand = Localized(vi: "không thể dùng '{0}' với {1}", en: "cannot apply '{0}' to {1}")
    static let cannotCompare = Localized(vi: "không thể so sánh {0} với {1}", en: "cannot compare {0} with {1}")
    static let conditionNotBool = Localized(
        vi: "điều kiện phải là true hoặc false, nhận được {0}", en: "a condition must be true or false, got {0}")
    static let notCallable = Localized(vi: "không thể gọi giá trị kiểu {0}", en: "cannot call a value of type {0}")
    static let wrongArity = Localized(vi: "'{0}' cần {1} đối số, nhận được {2}", en: "'{0}' takes {1} arguments, got {2}")
    static let unknownName = Localized(vi: "không có tên '{0}'", en: "unknown name '{0}'")
    static let usedBeforeLet = Localized(
        vi: "'{0}' được dùng trước khi được gán giá trị", en: "'{0}' is used before it is given a value")
    static let noField = Localized(vi: "bản ghi không có trường '{0}'", en: "the record has no field '{0}'")
    static let noColumn = Localized(vi: "bảng {0} không có cột '{1}'", en: "table {0} has no column '{1}'")
    static let noMember = Localized(vi: "không thể đọc '{0}' của {1}", en: "cannot read '{0}' of {1}")
    static let indexOutOfRange = Localized(
        vi: "chỉ số {0} nằm ngoài danh sách (danh sách có {1} phần tử; chỉ số bắt đầu từ 0)", en: "index {0} is out of range (the list has length {1}; indexes start at 0)")
    static let textIndexOutOfRange = Localized(
        vi: "chỉ số {0} nằm ngoài văn bản ({1} ký tự)", en: "index {0} is out of range (the text has {1} characters)")
    static let badIndex = Localized(vi: "không thể lấy phần tử của {0} bằng {1}", en: "cannot index {0} with {1}")
    static let notIterable = Localized(vi: "không thể lặp qua giá trị kiểu {0}", en: "cannot loop over a value of type {0}")
    static let pipelineSource = Localized(
        vi: "đầu vào của '|' phải là danh sách hoặc bảng, nhận được {0}", en: "a pipeline needs a list or a table, got {0}")
    static let stackOverflow = Localized(
        vi: "tràn ngăn xếp (các lời gọi hàm lồng nhau quá sâu)", en: "stack overflow (calls nested too deeply)")
    static let interrupted = Localized(vi: "đã dừng theo yêu cầu", en: "interrupted")
    static let timedOut = Localized(vi: "đã dừng sau {0} giây (--timeout)", en: "stopped after {0} s (--timeout)")
    static let memoryLimit = Localized(
        vi: "đã chạm giới hạn bộ nhớ {0} MB (--max-memory)", en: "memory limit of {0} MB reached (--max-memory)")
    static let rowReadOnly = Localized(
        vi: "không thể sửa dòng của bảng {0} bằng phép gán", en: "rows of table {0} cannot be changed by assignment")
    static let cannotAssignField = Localized(vi: "không thể gán trường '{0}' cho {1}", en: "cannot set field '{0}' on {1}")
    static let cannotAssignIndex = Localized(vi: "không thể gán phần tử của {0}", en: "cannot set an item of {0}")
    static let aggregateNeedsGroup = Localized(
        vi: "{0}() đếm các dòng của một nhóm: hãy dùng sau 'group by'",
        en: "{0}() works on the rows of a group: use it after 'group by'")
    /// A host's own message (a write refused, the database busy), in the session's language.
    static let hostMessage = Localized(vi: "{0}", en: "{0}")
    static let hostError = Localized(vi: "không đọc được dữ liệu: {0}", en: "the data could not be read: {0}")
    static let badArgument = Localized(
        vi: "đối số #{0} của '{1}' không hợp lệ (cần {2}, nhận được {3})",
        en: "bad argument #{0} to '{1}' ({2} expected, got {3})")
    static let badArgumentWhy = Localized(
        vi: "đối số #{0} của '{1}' không hợp lệ ({2})", en: "bad argument #{0} to '{1}' ({2})")
    static let builtinArity = Localized(
        vi: "'{0}' cần {1} đối số, nhận được {2}", en: "'{0}' takes {1} arguments, got {2}")
}

enum CompileMessages {
    static let unknownName = RuntimeMessages.unknownName
    static let alreadyDeclared = Localized(
        vi: "'{0}' đã được khai báo trong phạm vi này; để đổi giá trị hãy viết {0} = ...",
        en: "'{0}' is already declared in this scope; to change it write {0} = ...")
    static let assignUndeclared = Localized(
        vi: "không có tên '{0}'; hãy khai báo trước bằng 'let {0} = ...'",
        en: "unknown name '{0}'; declare it first with 'let {0} = ...'")
    static let assignToBuiltin = Localized(
        vi: "không thể gán cho '{0}' (hàm có sẵn hoặc bảng dữ liệu)",
        en: "cannot assign to '{0}' (a built-in function or a table)")
    static let breakOutsideLoop = Localized(vi: "'break' nằm ngoài vòng lặp", en: "'break' outside a loop")
    static let continueOutsideLoop = Localized(vi: "'continue' nằm ngoài vòng lặp", en: "'continue' outside a loop")
    static let returnOutsideFunction = Localized(vi: "'return' nằm ngoài hàm", en: "'return' outside a function")
    static let duplicateField = Localized(vi: "trường '{0}' xuất hiện hai lần", en: "field '{0}' appears twice")
    static let duplicateParameter = Localized(vi: "tham số '{0}' xuất hiện hai lần", en: "parameter '{0}' appears twice")
    static let tooManyGlobals = Localized(
        vi: "quá nhiều tên toàn cục (tối đa {0})", en: "too many global names (at most {0})")
}
