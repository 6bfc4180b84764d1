// The runtime side of changing data: the host's writer, its errors, and whether a program may
// write at all (`Host.willRun(writes:)`), decided before it runs.
import VietText

extension VM {
    /// The host's writer, or the error saying this session cannot change data.
    func writer(at span: Span) throws -> HostWriter {
        guard let writer = host?.writer else { throw RuntimeError(WriteMessages.noWriter, at: span) }
        return writer
    }

    /// Runs a call that changes the host's data: its errors become runtime errors at `span`,
    /// with the host's own text.
    func write<T>(_ span: Span, _ body: () throws -> T) throws -> T {
        try host(span, failure: WriteMessages.writeFailed, body)
    }

    /// Whether running `proto` may change data: it writes itself, or one of the functions
    /// written inside it does, or a global it reads holds (now) a function that may, or a
    /// function that such a function captured. Globals are followed through their current
    /// values, so a REPL entry calling a function an earlier entry defined is known to write.
    /// Iterative: the graph may be deep or cyclic.
    func mayWrite(_ proto: Proto) -> Bool {
        var seenProtos: Set<ObjectIdentifier> = []
        var seenFunctions: Set<ObjectIdentifier> = []
        var protos = [proto]
        var functions: [Function] = []
        while !protos.isEmpty || !functions.isEmpty {
            if let function = functions.popLast() {
                guard seenFunctions.insert(ObjectIdentifier(function)).inserted else { continue }
                if function.builtin?.writes == true { return true }
                if let inner = function.proto { protos.append(inner) }
                for cell in function.captures {
                    if case .function(let captured) = cell.value { functions.append(captured) }
                }
                continue
            }
            guard let next = protos.popLast(), seenProtos.insert(ObjectIdentifier(next)).inserted else { continue }
            if next.writes { return true }
            protos.append(contentsOf: next.nested)
            for index in next.globalsRead where index < globalNames.count {
                if case .function(let function) = globals[index] { functions.append(function) }
            }
        }
        return false
    }
}
