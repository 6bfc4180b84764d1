// The language's values. (First cut for the host contract; the language work extends it.)

public enum Value {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case text(String)
    case row(Row)
}
