// Reading lines when stdin is not a terminal (a pipe, a file, CI): no prompt, no editing,
// no history, no libedit at all (STYLE §9). It has the same shape as `LineEditor.readLine`
// so the caller can hold either.
public final class PlainLineReader {
    /// Lines read so far, so that a script's errors can name their line.
    public private(set) var lineNumber = 0

    public init() {}

    /// The next line without its newline ("\n" or "\r\n"); the prompt is ignored.
    public func readLine(prompt: String) -> ReadResult {
        guard let line = Swift.readLine(strippingNewline: true) else { return .eof }
        lineNumber += 1
        return .line(line)
    }
}
